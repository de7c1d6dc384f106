import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accuracy, sectionCoverage, withRanks } from '../../src/study/scores.js';

test('equal points share a rank and the next rank skips', () => {
  const ranked = withRanks([{ points: 5 }, { points: 3 }, { points: 3 }, { points: 1 }]);
  assert.deepEqual(
    ranked.map((r) => r.rank),
    [1, 2, 2, 4],
  );
  assert.deepEqual(withRanks([]), []);
});

test('accuracy is a whole percentage, or a dash with nothing answered', () => {
  assert.equal(accuracy(2, 3), '67%');
  assert.equal(accuracy(0, 0), '—');
});

test('section coverage lists every corpus section in order, covered or not, then sections no longer in the corpus', () => {
  const coverage = sectionCoverage(['', 'A', 'B'], [
    { section: 'B', answered: 2, correct: 1 },
    { section: 'Gone', answered: 1, correct: 1 },
  ]);
  assert.deepEqual(coverage, [
    { section: '', answered: 0, correct: 0, covered: false },
    { section: 'A', answered: 0, correct: 0, covered: false },
    { section: 'B', answered: 2, correct: 1, covered: true },
    { section: 'Gone', answered: 1, correct: 1, covered: true },
  ]);
});
