import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Document } from '@langchain/core/documents';
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadCorpus } from '../../src/corpus/load.js';
import { readDocstore, writeDocstore } from '../../src/index/docstore.js';
import { readLines } from '../../src/index/files.js';
import { LocalEmbeddings } from '../../src/index/local-embeddings.js';
import { openIndex } from '../../src/index/store.js';
import { CORPUS_DIR, tempDir } from '../helpers/engine.js';

test('many passages are written and read a line at a time, never as one string', (t) => {
  const data = tempDir();
  try {
    const path = join(data.dir, 'docstore.json');
    const docs = new Map(
      Array.from({ length: 20_000 }, (_, i): [string, Document] => [
        String(i),
        new Document({ pageContent: `Passage ${i}: “Moscow” and Tehran\nshare ${'an interest in Syria '.repeat(20)}`, metadata: { id: `doc-${i % 97}#p${i}`, paragraph: i, sentences: [{ start: i, end: i + 9 }] } }),
      ]),
    );
    const stringify = t.mock.method(JSON, 'stringify');
    writeDocstore(path, docs);
    const parse = t.mock.method(JSON, 'parse');
    const read = readDocstore(path);
    t.mock.restoreAll();

    const bytes = statSync(path).size;
    const longest = Math.max(...stringify.mock.calls.map((c) => String(c.result).length), ...parse.mock.calls.map((c) => String(c.arguments[0]).length));
    assert.ok(bytes > 9_000_000, `${bytes} bytes`);
    assert.ok(longest < 1_000, `the longest string serialised or parsed has ${longest} characters`);
    assert.deepEqual(read, docs);
  } finally {
    data.cleanup();
  }
});

test('lines longer than the read buffer, and across its edges, come back whole', () => {
  const data = tempDir();
  try {
    const path = join(data.dir, 'lines.txt');
    const lines = ['', 'short', 'é'.repeat(1_500_000), 'x'.repeat((1 << 20) - 3), '東京'.repeat(100_000), 'last'];
    writeFileSync(path, lines.join('\n'));
    assert.deepEqual([...readLines(path)], lines);
  } finally {
    data.cleanup();
  }
});

test('the docstore keeps LangChain’s docstore.json layout: HNSWLib.load reads the saved index', async () => {
  const data = tempDir();
  try {
    const embeddings = new LocalEmbeddings();
    const open = () => openIndex({ corpus: loadCorpus(CORPUS_DIR), dataDir: data.dir, embeddings, embedder: { provider: 'local', dims: embeddings.dims } });
    await open();
    const index = await open();
    assert.equal(index.built, false);
    const dir = join(data.dir, 'index');
    assert.ok(Array.isArray(JSON.parse(readFileSync(join(dir, 'docstore.json'), 'utf8'))));
    const langchain = await HNSWLib.load(dir, embeddings);
    assert.deepEqual([...langchain.docstore._docs.values()].map((d) => [d.pageContent, d.metadata]), [...index.store.docstore._docs.values()].map((d) => [d.pageContent, d.metadata]));
    const [ours] = await index.store.similaritySearch('division of labor air ground', 1);
    const [theirs] = await langchain.similaritySearch('division of labor air ground', 1);
    assert.equal(theirs.metadata.id, ours.metadata.id);
  } finally {
    data.cleanup();
  }
});

test('a docstore cut short is refused when read', () => {
  const data = tempDir();
  try {
    const path = join(data.dir, 'docstore.json');
    writeDocstore(path, [['0', new Document({ pageContent: 'a', metadata: {} })], ['1', new Document({ pageContent: 'b', metadata: {} })]]);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.slice(0, text.lastIndexOf(']')));
    assert.throws(() => readDocstore(path), /truncated/);
  } finally {
    data.cleanup();
  }
});
