import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadCorpus, parseFrontMatter } from '../../src/corpus/load.js';
import { FootnoteError } from '../../src/errors.js';
import { ARTICLE_FILE, CORPUS_DIR, copyCorpus } from '../helpers/engine.js';

test('the shipped corpus holds the article verbatim with its metadata', async () => {
  const { readFileSync } = await import('node:fs');
  const corpus = loadCorpus(CORPUS_DIR);
  const article = corpus.documents.find((d) => d.file === ARTICLE_FILE)!;
  assert.equal(article.source, readFileSync(join(CORPUS_DIR, ARTICLE_FILE), 'utf8'));
  assert.deepEqual(article.meta, {
    title: 'The Twisted Tehran-Moscow Axis',
    authors: ['Ali Alfoneh', 'Flemming Splidsboel Hansen'],
    date: '2015-12-10',
    publication: 'Berlin Policy Journal',
    tags: ['Iran', 'Russia', 'Syria'],
    url: undefined,
  });
  assert.equal(corpus.warnings.length, 0);
});

test('further .md and .txt files are indexed with their own metadata, and empty files are named in a warning', () => {
  const c = copyCorpus();
  try {
    writeFileSync(join(c.dir, 'notes.md'), '---\ntitle: Reading Notes\nauthor: A. Reader\ndate: 2024-01-02\ntags: [Iran, notes]\n---\n\nA paragraph of notes about the article that is long enough.\n');
    writeFileSync(join(c.dir, 'empty.txt'), '  \n');
    writeFileSync(join(c.dir, 'image.png'), 'not text');
    const corpus = loadCorpus(c.dir);
    const notes = corpus.documents.find((d) => d.file === 'notes.md')!;
    assert.deepEqual([notes.meta.title, notes.meta.authors, notes.meta.date, notes.meta.tags], ['Reading Notes', ['A. Reader'], '2024-01-02', ['Iran', 'notes']]);
    assert.equal(corpus.documents.length, 2);
    assert.ok(corpus.warnings.some((w) => w.includes('empty.txt') && w.includes('empty')));
  } finally {
    c.cleanup();
  }
});

test('an unreadable file is skipped with a warning naming it', { skip: process.getuid?.() === 0 ? 'root can read any file' : false }, () => {
  const c = copyCorpus();
  try {
    const path = join(c.dir, 'secret.txt');
    writeFileSync(path, 'text');
    chmodSync(path, 0o000);
    assert.ok(loadCorpus(c.dir).warnings.some((w) => w.includes('secret.txt')));
  } finally {
    c.cleanup();
  }
});

test('a binary file with a text extension is skipped with a warning', () => {
  const c = copyCorpus();
  try {
    writeFileSync(join(c.dir, 'blob.txt'), Buffer.from([0, 1, 2, 3, 0]));
    assert.ok(loadCorpus(c.dir).warnings.some((w) => w.includes('blob.txt')));
  } finally {
    c.cleanup();
  }
});

test('a file that is not UTF-8 is skipped with a warning, not quoted with replacement characters', () => {
  const c = copyCorpus();
  try {
    writeFileSync(join(c.dir, 'latin1.txt'), Buffer.from('Caf\xe9 au lait is a drink.', 'latin1'));
    const corpus = loadCorpus(c.dir);
    assert.ok(corpus.warnings.some((w) => w.includes('latin1.txt') && /not UTF-8/.test(w)));
    assert.ok(!corpus.documents.some((d) => d.file === 'latin1.txt'));
    // a byte order mark is kept, so every offset still counts the file's characters
    writeFileSync(join(c.dir, 'bom.txt'), '\ufeffA note with a byte order mark.');
    assert.equal(loadCorpus(c.dir).documents.find((d) => d.file === 'bom.txt')?.source.charCodeAt(0), 0xfeff);
  } finally {
    c.cleanup();
  }
});

test('a missing corpus folder is a clear error naming the folder', () => {
  assert.throws(() => loadCorpus('/nonexistent/corpus'), (e: unknown) => e instanceof FootnoteError && e.code === 'CORPUS_MISSING' && e.message.includes('/nonexistent/corpus'));
});

test('front matter lists may be inline or one item per line', () => {
  assert.deepEqual(parseFrontMatter('title: "X"\nauthors:\n  - A\n  - B\ntags: [a, b]'), { title: 'X', authors: ['A', 'B'], tags: ['a', 'b'] });
});
