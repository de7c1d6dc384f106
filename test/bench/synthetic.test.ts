import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseArticle, prng, syntheticDocuments, writeSyntheticCorpus } from '../../scripts/bench/synthetic.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { chunkDocument } from '../../src/ingest/chunk.js';
import { ARTICLE_FILE, CORPUS_DIR, tempDir } from '../helpers/engine.js';

const article = readFileSync(join(CORPUS_DIR, ARTICLE_FILE), 'utf8');
const articleBytes = Buffer.byteLength(article);

function digest(seed: number, targetBytes: number): { hash: string; bytes: number; documents: number } {
  const hash = createHash('sha256');
  let bytes = 0;
  let documents = 0;
  for (const doc of syntheticDocuments(article, { seed, targetBytes })) {
    hash.update(doc.name).update('\0').update(doc.text).update('\0').update(doc.meta).update('\0');
    bytes += Buffer.byteLength(doc.text);
    documents++;
  }
  return { hash: hash.digest('hex'), bytes, documents };
}

test('the PRNG is seeded: same seed, same sequence; another seed, another', () => {
  const a = prng(7);
  const b = prng(7);
  const c = prng(8);
  const xs = Array.from({ length: 5 }, () => a());
  assert.deepEqual(Array.from({ length: 5 }, () => b()), xs);
  assert.notDeepEqual(Array.from({ length: 5 }, () => c()), xs);
  assert.ok(xs.every((x) => x >= 0 && x < 1));
});

test('the same seed and size give the same bytes; another seed gives others', () => {
  const first = digest(42, 20 * articleBytes);
  assert.deepEqual(digest(42, 20 * articleBytes), first);
  assert.notEqual(digest(43, 20 * articleBytes).hash, first.hash);
});

test('a larger corpus extends a smaller one with the same seed (the prefix is the same)', () => {
  const small = [...syntheticDocuments(article, { seed: 5, targetBytes: 5 * articleBytes })];
  const large = [...syntheticDocuments(article, { seed: 5, targetBytes: 50 * articleBytes })];
  assert.deepEqual(large.slice(0, small.length), small);
});

test('the corpus size scales with the multiple asked for', () => {
  for (const multiple of [10, 50, 200]) {
    const { bytes, documents } = digest(1, multiple * articleBytes);
    // Stops at the first document that reaches the target: at most one document (≤ 1.4 articles) over.
    assert.ok(bytes >= multiple * articleBytes && bytes <= (multiple + 1.5) * articleBytes, `${multiple}×: ${bytes} bytes`);
    assert.ok(documents >= multiple * 0.6 && documents <= multiple * 1.7, `${multiple}×: ${documents} documents`);
  }
  assert.ok(digest(1, 200 * articleBytes).bytes > 3.5 * digest(1, 50 * articleBytes).bytes);
});

test('synthetic documents are not copies: names, numbers and words vary', () => {
  const docs = [...syntheticDocuments(article, { seed: 9, targetBytes: 10 * articleBytes })];
  const paragraphs = new Set(parseArticle(article).paragraphs);
  const texts = new Set(docs.map((d) => d.text));
  assert.equal(texts.size, docs.length, 'no two documents are the same');
  const blocks = docs.flatMap((d) => d.text.split(/\n\n/));
  const copied = blocks.filter((b) => paragraphs.has(b)).length;
  assert.ok(copied / blocks.length < 0.1, `${copied} of ${blocks.length} blocks are verbatim article paragraphs`);
});

test('the written corpus loads, and the real chunker finds paragraphs under headings in every document', () => {
  const t = tempDir('footnote-bench-test-');
  try {
    const written = writeSyntheticCorpus({ articleDir: CORPUS_DIR, articleFile: ARTICLE_FILE, dir: t.dir, multiple: 12, seed: 3 });
    assert.ok(written.bytes >= 12 * articleBytes);
    const corpus = loadCorpus(t.dir);
    assert.equal(corpus.documents.length, written.documents);
    assert.deepEqual(corpus.warnings, []);
    assert.ok(readdirSync(t.dir).includes(ARTICLE_FILE), 'the article itself is part of the corpus');
    for (const doc of corpus.documents) {
      const chunks = chunkDocument(doc);
      assert.ok(chunks.length >= 3, `${doc.file}: ${chunks.length} passages`);
      assert.ok(new Set(chunks.map((c) => c.section).filter(Boolean)).size >= 1, `${doc.file} has sections`);
      for (const c of chunks) assert.equal(doc.source.slice(c.start, c.end), c.text);
      if (doc.file !== ARTICLE_FILE) {
        assert.match(doc.meta.title, /^The \w+ \S+ \w+$/);
        assert.equal(doc.meta.authors.length, 2);
        assert.ok(!chunks.some((c) => /^Issues:/.test(c.text)), 'the tag line is not a passage');
      }
    }
  } finally {
    t.cleanup();
  }
});
