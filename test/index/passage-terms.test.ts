import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Chunk } from '../../src/ingest/chunk.js';
import { splitSentences } from '../../src/ingest/sentences.js';
import { LocalEmbeddings } from '../../src/index/local-embeddings.js';
import { preparePassageTerms, readPassageTerms, writePassageTerms } from '../../src/index/passage-terms.js';
import { openIndex } from '../../src/index/store.js';
import { contentTokens } from '../../src/index/tokenize.js';
import { CORPUS_DIR, tempDir } from '../helpers/engine.js';

const embeddings = new LocalEmbeddings();
const open = (dataDir: string) => openIndex({ corpus: loadCorpus(CORPUS_DIR), dataDir, embeddings, embedder: { provider: 'local', dims: embeddings.dims } });

test('the terms loaded with an index equal the terms computed afresh from its passages', async () => {
  const data = tempDir();
  try {
    const built = await open(data.dir);
    const loaded = await open(data.dir);
    assert.equal(loaded.built, false);
    assert.deepEqual(loaded.terms, preparePassageTerms(loaded.chunks));
    assert.deepEqual(loaded.terms, built.terms);
    assert.equal(loaded.terms.passages, loaded.chunks.length);
  } finally {
    data.cleanup();
  }
});

test("a passage's terms are its distinct content words, its section's included, and each sentence's own", async () => {
  const data = tempDir();
  try {
    const { chunks, terms } = await open(data.dir);
    const p = chunks.findIndex((c) => c.section && c.sentences.length > 1);
    const chunk = chunks[p];
    const words = (ids: Uint32Array) => [...ids].map((id) => terms.words[id]);
    const distinct = (text: string) => [...new Set(contentTokens(text).map((t) => t.word))];
    assert.deepEqual(words(terms.wordsOf(p)), [...new Set([...distinct(chunk.text), ...distinct(chunk.section)])]);
    assert.deepEqual(terms.sentencesOf(p).map(words), chunk.sentences.map((s) => distinct(chunk.text.slice(s.start - chunk.start, s.end - chunk.start))));
    for (const t of contentTokens(chunk.text)) assert.equal(terms.stems[terms.words.indexOf(t.word)], t.stem);
    const stem = contentTokens(chunk.text)[0].stem;
    assert.equal(terms.bm25.documentFrequency(stem), chunks.filter((c) => contentTokens(`${c.text} ${c.section}`).some((t) => t.stem === stem)).length);
  } finally {
    data.cleanup();
  }
});

test('the terms file holds words in any script, acronyms and BM25 postings, and reads back equal', () => {
  const data = tempDir();
  try {
    const chunks: Chunk[] = [
      chunk('d#p1', 'Talks on the Joint Comprehensive Plan of Action went on in Zürich and Tehran. Then they stopped. The UN Security Council met.', 'Nuclear Talks'),
      chunk('d#p2', 'The Islamic Revolutionary Guard Corps (IRGC) answered. Its naïve café owners, 東京 and Москва, did not.', ''),
    ];
    const terms = preparePassageTerms(chunks);
    assert.deepEqual(terms.acronyms.get('jcpoa')?.map((w) => w.word), ['joint', 'comprehensive', 'plan', 'action']);
    // (an abbreviation among the words keeps its letters: "UN Security Council" is UNSC)
    assert.deepEqual(terms.acronyms.get('unsc')?.map((w) => w.word), ['un', 'security', 'council']);
    const path = join(data.dir, 'terms.bin');
    writePassageTerms(path, terms);
    assert.deepEqual(readPassageTerms(path), terms);
    assert.ok(terms.words.includes('zurich') && terms.words.includes('東京') && terms.words.includes('москва'));
  } finally {
    data.cleanup();
  }
});

test('a truncated or lengthened terms file is refused when read', () => {
  const data = tempDir();
  try {
    const path = join(data.dir, 'terms.bin');
    writePassageTerms(path, preparePassageTerms([chunk('d#p1', 'Russia and Iran share an interest in Syria.', 'Axis')]));
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length - 8));
    assert.throws(() => readPassageTerms(path), /truncated/);
    writeFileSync(path, Buffer.concat([bytes, Buffer.alloc(4)]));
    assert.throws(() => readPassageTerms(path), /unexpected bytes/);
    writeFileSync(path, Buffer.from('{"this is": "not a terms file"}'));
    assert.throws(() => readPassageTerms(path), /not a FOOTNOTE-TERMS/);
  } finally {
    data.cleanup();
  }
});

/** A passage at offset 100 of its document, split into sentences as the chunker does. */
function chunk(id: string, text: string, section: string): Chunk {
  const source = ' '.repeat(100) + text;
  return { id, docId: 'd', section, paragraph: 1, start: 100, end: source.length, text, sentences: splitSentences(source, 100, source.length) };
}
