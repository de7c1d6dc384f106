import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadCorpus } from '../../src/corpus/load.js';
import { LocalEmbeddings } from '../../src/index/local-embeddings.js';
import { openIndex, TOKENIZER } from '../../src/index/store.js';
import { copyCorpus, tempDir } from '../helpers/engine.js';

const embeddings = new LocalEmbeddings();
const settings = { provider: 'local', dims: embeddings.dims };

async function open(corpusDir: string, dataDir: string, extra: { force?: boolean; embedder?: Record<string, string | number> } = {}) {
  return openIndex({ corpus: loadCorpus(corpusDir), dataDir, embeddings, embedder: extra.embedder ?? settings, force: extra.force });
}

test('given no index, start-up builds one atomically and the next start loads it', async () => {
  const c = copyCorpus();
  const data = tempDir();
  try {
    let progress = 0;
    const first = await openIndex({ corpus: loadCorpus(c.dir), dataDir: data.dir, embeddings, embedder: settings, onProgress: (done) => (progress = done) });
    assert.equal(first.built, true);
    assert.equal(progress, first.chunks.length);
    assert.ok(existsSync(join(data.dir, 'index', 'manifest.json')));
    const second = await open(c.dir, data.dir);
    assert.equal(second.built, false);
    assert.deepEqual(second.chunks.map((x) => [x.id, x.start, x.end, x.text]), first.chunks.map((x) => [x.id, x.start, x.end, x.text]));
    const hits = await second.store.similaritySearch('division of labor air ground', 1);
    assert.equal(hits.length, 1);
  } finally {
    c.cleanup();
    data.cleanup();
  }
});

test('given a changed corpus, start-up rebuilds the stale index', async () => {
  const c = copyCorpus();
  const data = tempDir();
  try {
    await open(c.dir, data.dir);
    writeFileSync(join(c.dir, 'extra.txt'), 'An extra document with a paragraph that is long enough to be indexed here.\n');
    const again = await open(c.dir, data.dir);
    assert.equal(again.built, true);
    assert.equal(again.reason, 'the corpus changed');
    assert.ok(again.chunks.some((x) => x.docId === 'extra'));
  } finally {
    c.cleanup();
    data.cleanup();
  }
});

test('an index whose terms were made by an older tokenizer is rebuilt', async () => {
  const c = copyCorpus();
  const data = tempDir();
  try {
    await open(c.dir, data.dir);
    const manifestPath = join(data.dir, 'index', 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    assert.equal(manifest.tokenizer, TOKENIZER);
    delete manifest.tokenizer; // written before the tokenizer had a version
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const again = await open(c.dir, data.dir);
    assert.deepEqual([again.built, again.reason], [true, 'the tokenizer changed']);
  } finally {
    c.cleanup();
    data.cleanup();
  }
});

test('given changed embedder settings, start-up rebuilds', async () => {
  const c = copyCorpus();
  const data = tempDir();
  try {
    await open(c.dir, data.dir);
    const again = await open(c.dir, data.dir, { embedder: { ...settings, version: 2 } });
    assert.equal(again.reason, 'the embedder settings changed');
  } finally {
    c.cleanup();
    data.cleanup();
  }
});

for (const [name, damage, reason] of [
  ['a truncated vector file', (dir: string) => truncateSync(join(dir, 'hnswlib.index'), 100), /hnswlib\.index does not match its checksum/],
  ['a corrupted docstore', (dir: string) => writeFileSync(join(dir, 'docstore.json'), readFileSync(join(dir, 'docstore.json'), 'utf8').replace('Iran', 'Irak')), /docstore\.json does not match its checksum/],
  ['a deleted manifest (an interrupted build)', (dir: string) => rmSync(join(dir, 'manifest.json')), /no manifest/],
  ['a garbage manifest', (dir: string) => writeFileSync(join(dir, 'manifest.json'), '{not json'), /manifest is corrupt/],
  ['a missing index file', (dir: string) => rmSync(join(dir, 'args.json')), /args\.json is missing/],
  ['a missing terms file', (dir: string) => rmSync(join(dir, 'terms.bin')), /terms\.bin is missing/],
  ['a terms file with bytes flipped', (dir: string) => writeFileSync(join(dir, 'terms.bin'), readFileSync(join(dir, 'terms.bin')).map((b, i) => (i === 200 ? b ^ 0xff : b))), /terms\.bin does not match its checksum/],
  ['an index of the previous format', (dir: string) => writeFileSync(join(dir, 'manifest.json'), readFileSync(join(dir, 'manifest.json'), 'utf8').replace('"format": 2', '"format": 1')), /the index format changed/],
] as const) {
  test(`given ${name}, start-up rebuilds instead of serving it`, async () => {
    const c = copyCorpus();
    const data = tempDir();
    try {
      const first = await open(c.dir, data.dir);
      damage(join(data.dir, 'index'));
      const again = await open(c.dir, data.dir);
      assert.equal(again.built, true, 'rebuilt');
      assert.match(again.reason ?? '', reason);
      assert.deepEqual(again.chunks.map((x) => x.text), first.chunks.map((x) => x.text));
      assert.deepEqual(again.terms, first.terms);
      assert.equal((await open(c.dir, data.dir)).built, false, 'the rebuilt index is served next time');
    } finally {
      c.cleanup();
      data.cleanup();
    }
  });
}

test('a forced rebuild leaves no temporary folders behind', async () => {
  const c = copyCorpus();
  const data = tempDir();
  try {
    await open(c.dir, data.dir);
    const again = await open(c.dir, data.dir, { force: true });
    assert.equal(again.reason, 'rebuild requested');
    const { readdirSync } = await import('node:fs');
    assert.deepEqual(readdirSync(data.dir), ['index']);
  } finally {
    c.cleanup();
    data.cleanup();
  }
});
