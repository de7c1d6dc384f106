import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCorpus, type CorpusDocument } from '../../src/corpus/load.js';
import { AUTHORS_SECTION, chunkDocument, splitBlocks } from '../../src/ingest/chunk.js';
import { splitSentences } from '../../src/ingest/sentences.js';
import { CORPUS_DIR } from '../helpers/engine.js';

function doc(source: string, format: 'txt' | 'md' = 'txt', title = 'A Title'): CorpusDocument {
  return { id: 'd', file: `d.${format}`, source, format, meta: { title, authors: [], tags: [] }, bodyStart: 0 };
}

test('every passage and sentence of every corpus file is an exact slice of its source', () => {
  const corpus = loadCorpus(CORPUS_DIR);
  assert.ok(corpus.documents.length >= 1);
  for (const d of corpus.documents) {
    const chunks = chunkDocument(d);
    assert.ok(chunks.length > 0, d.file);
    for (const c of chunks) {
      assert.equal(d.source.slice(c.start, c.end), c.text, c.id);
      assert.ok(c.sentences.length > 0);
      for (const s of c.sentences) {
        assert.ok(s.start >= c.start && s.end <= c.end, `${c.id} sentence inside passage`);
        assert.equal(d.source.slice(s.start, s.end).trim(), d.source.slice(s.start, s.end));
      }
    }
    assert.equal(new Set(chunks.map((c) => c.id)).size, chunks.length, 'ids are unique');
  }
});

test('the article is split into paragraphs under its two section headings', () => {
  const [article] = loadCorpus(CORPUS_DIR).documents;
  const chunks = chunkDocument(article);
  assert.equal(chunks.length, 17);
  assert.equal(chunks[0].section, '');
  assert.ok(chunks[0].text.startsWith('When Iranian parliamentary speaker Ali Larijani'));
  // The authors' biographies close the article but are not part of its last section.
  assert.deepEqual([...new Set(chunks.map((c) => c.section))], ['', 'Limits of Convergence', 'Fundamental Distrust', AUTHORS_SECTION]);
  assert.ok(chunks[16].text.startsWith('Ali Alfoneh') && chunks[16].section === AUTHORS_SECTION);
  assert.deepEqual(chunks.map((c) => c.paragraph), Array.from({ length: 17 }, (_, i) => i + 1));
  assert.ok(!chunks.some((c) => c.text.includes('Berlin Policy Journal')), 'the dateline is not a passage');
});

test('sentences break at terminal punctuation but not after abbreviations or initials', () => {
  const source = 'Dr. Smith met J. Doe in the U.S. capital. He left at 5 p.m. yesterday! Did it work? “Yes,” she said.';
  const spans = splitSentences(source, 0, source.length).map((s) => source.slice(s.start, s.end));
  assert.deepEqual(spans, ['Dr. Smith met J. Doe in the U.S. capital.', 'He left at 5 p.m. yesterday!', 'Did it work?', '“Yes,” she said.']);
});

test('a long paragraph is split at sentence boundaries into passages that keep their paragraph number', () => {
  const sentence = 'This sentence has exactly ten words in it, you see. ';
  const source = `Heading Here\n\n${sentence.repeat(30).trim()}\n\nA second paragraph with enough words to count as one here.`;
  const chunks = chunkDocument(doc(source), { maxWords: 50, minWords: 8 });
  const first = chunks.filter((c) => c.paragraph === 1);
  assert.ok(first.length >= 5);
  assert.ok(first.every((c) => c.section === 'Heading Here'));
  assert.equal(first[0].id, 'd#p1.1');
  for (const c of chunks) assert.equal(source.slice(c.start, c.end), c.text);
  assert.equal(chunks.at(-1)!.paragraph, 2);
});

test('Markdown headings name sections and front matter is not a passage', () => {
  const source = '---\ntitle: Notes\n---\n# Notes\n\nIntro paragraph that has more than eight words in it.\n\n## Part Two\n\nBody paragraph that also has more than eight words in it.\n';
  const d = { ...doc(source, 'md', 'Notes'), bodyStart: source.indexOf('# Notes') };
  const chunks = chunkDocument(d);
  assert.deepEqual(chunks.map((c) => [c.section, c.paragraph]), [['', 1], ['Part Two', 2]]);
});

test('blocks keep exact offsets with Windows line endings', () => {
  const source = 'First block line.\r\n\r\nSecond block line.\r\n';
  assert.deepEqual(splitBlocks(source).map((b) => source.slice(b.start, b.end)), ['First block line.', 'Second block line.']);
});
