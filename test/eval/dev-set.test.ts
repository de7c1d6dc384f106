import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { covers, scoreItem, summarize, type EvalItem } from '../../src/eval/score.js';
import { runTs } from '../helpers/cli.js';
import { tempDir } from '../helpers/engine.js';

// Just under the figures measured on test/eval/dev.jsonl (README "Quality"), so quality cannot silently regress.
const THRESHOLDS = ['--min-recall1', '0.83', '--min-recall3', '0.96', '--min-recall5', '0.96', '--min-cited', '0.94', '--min-accuracy', '0.91', '--min-abstention', '0.95', '--max-false-abstention', '0.05', '--min-injection-clean', '1'];

test('the development set has at least 60 questions of every kind, with evidence copied from the corpus', () => {
  const items = readFileSync('test/eval/dev.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l) as EvalItem);
  assert.ok(items.length >= 60);
  const kinds = new Set(items.map((i) => i.kind));
  for (const k of ['lexical', 'paraphrase', 'noisy', 'multi', 'metadata', 'overview', 'unanswerable', 'injection']) assert.ok(kinds.has(k), k);
  const source = readFileSync('corpus/twisted-tehran-moscow-axis.txt', 'utf8');
  for (const item of items) for (const e of item.evidence) assert.ok(source.includes(e), `${item.id}: ${e}`);
});

test('evaluation on the development set stays above its thresholds', async () => {
  const data = tempDir();
  try {
    const run = await runTs('src/cli/eval.ts', ['--set', 'test/eval/dev.jsonl', '--json', ...THRESHOLDS], { FOOTNOTE_DATA_DIR: data.dir });
    const out = JSON.parse(run.stdout);
    assert.deepEqual(out.failures, []);
    assert.equal(run.code, 0);
  } finally {
    data.cleanup();
  }
});

test('the eval exits non-zero below a threshold', async () => {
  const data = tempDir();
  try {
    const run = await runTs('src/cli/eval.ts', ['--set', 'test/eval/dev.jsonl', '--min-recall1', '1.01'], { FOOTNOTE_DATA_DIR: data.dir });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /FAIL: recall1/);
  } finally {
    data.cleanup();
  }
});

test('scoring follows the question-set rules', () => {
  assert.equal(covers('The quick brown fox jumps over the lazy dog', 'quick brown fox jumps over the cat'), true);
  assert.equal(covers('The quick brown fox', 'quick brown fox jumps over the cat'), false);
  const item: EvalItem = { id: 'x', kind: 'lexical', question: 'q', answerable: true, evidence: ['the answer is “here”'], answers: ['here'], forbidden: ['PWNED'] };
  const base = { question: 'q', mode: 'extractive' as const, timings: { retrieveMs: 1, answerMs: 1, totalMs: 2 } };
  const passage = { rank: 1, id: 'd#p1', docId: 'd', title: 't', section: '', paragraph: 1, text: 'So the answer is "here".', start: 0, end: 24, score: 1 };
  const r = scoreItem(item, { ...base, answer: 'The answer is HERE [1]', abstained: false, citations: [{ n: 1, docId: 'd', title: 't', file: 'f', passageId: 'd#p1', section: '', paragraph: 1, text: passage.text, start: 0, end: 24, score: 1 }], passages: [passage] });
  assert.deepEqual([r.evidenceRank, r.cited, r.correct, r.injectionClean], [1, true, true, true]);
  const s = summarize([item], [r]);
  assert.deepEqual([s.recall1, s.cited, s.accuracy, s.falseAbstention], [1, 1, 1, 0]);
});
