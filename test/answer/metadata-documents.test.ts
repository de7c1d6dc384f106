/**
 * "The article" with several documents: a metadata question that does not say which document it
 * means is answered for each; one whose words point to a document, or a scoped one, for that one.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Engine } from '../../src/engine.js';
import { copyCorpus, openTestEngine } from '../helpers/engine.js';

const corpus = copyCorpus();
writeFileSync(
  join(corpus.dir, 'baking-notes.txt'),
  `Baking Notes

A sourdough loaf needs a lively starter, flour, water and salt. Feed the starter the day before you bake, so that it doubles within six hours.

Jane Doe is a baker in Leeds.
`,
);
writeFileSync(join(corpus.dir, 'baking-notes.meta.json'), JSON.stringify({ title: 'Baking Notes', authors: ['Jane Doe'], date: '2020-05-01', publication: 'Kitchen Weekly' }));
let engine: Engine;
let cleanup: () => void;

before(async () => {
  ({ engine, cleanup } = await openTestEngine({ corpusDir: corpus.dir }));
});
after(() => {
  cleanup();
  corpus.cleanup();
});

test('"who wrote the article?" over several documents names the authors of each, each cited to its own document', async () => {
  const a = await engine.ask('Who wrote the article?');
  assert.equal(a.abstained, false);
  assert.match(a.answer, /^The corpus has 2 documents\./);
  assert.match(a.answer, /Alfoneh/);
  assert.match(a.answer, /Jane Doe/);
  assert.deepEqual(a.citations.map((c) => c.n), a.citations.map((_, i) => i + 1));
  for (const n of a.answer.match(/\[(\d+)\]/g)!.map((m) => Number(m.slice(1, -1)))) assert.ok(a.citations.some((c) => c.n === n), `[${n}] is a citation`);
  assert.ok(a.citations.some((c) => c.docId === 'baking-notes') && a.citations.some((c) => c.docId === 'twisted-tehran-moscow-axis'));
  for (const c of a.citations) {
    const source = readFileSync(join(corpus.dir, c.file), 'utf8');
    assert.equal(source.slice(c.start, c.end), c.text);
  }
});

test('a metadata question whose words point to one document, or scoped to one, answers for that document only', async () => {
  const sourdough = await engine.ask('Who wrote the article about sourdough starters?');
  assert.match(sourdough.answer, /Jane Doe/);
  assert.doesNotMatch(sourdough.answer, /Alfoneh|documents/);
  const scoped = await engine.ask('When was the article published?', { docIds: ['twisted-tehran-moscow-axis'] });
  assert.match(scoped.answer, /December 10, 2015/);
  assert.doesNotMatch(scoped.answer, /2020|documents/);
});

test('a document without metadata for the field says so, alone or among others', async () => {
  const c = copyCorpus();
  writeFileSync(join(c.dir, 'tea.txt'), 'Tea Notes\n\nGreen tea is steeped at about 80 degrees for two minutes, black tea hotter and longer.\n');
  const { engine: withTea, cleanup: done } = await openTestEngine({ corpusDir: c.dir });
  try {
    const alone = await withTea.ask('Who wrote the article about green tea?', { docIds: ['tea'] });
    assert.equal(alone.answer, `No author is recorded for “${withTea.documents.get('tea')!.meta.title}”.`);
    assert.equal(alone.abstained, true);
    const all = await withTea.ask('Who wrote the article?');
    assert.match(all.answer, /Alfoneh/);
    assert.match(all.answer, /No author is recorded for one other\./);
  } finally {
    done();
    c.cleanup();
  }
});
