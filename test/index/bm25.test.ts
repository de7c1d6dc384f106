import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Bm25, bm25Data } from '../../src/index/bm25.js';

test('BM25 ranks the passage with the rarer matching term first', () => {
  const bm = new Bm25(bm25Data([['iran', 'russia', 'syria'], ['iran', 'airlin', 'bomb'], ['iran', 'russia']]));
  const scores = bm.score(['airlin', 'iran']);
  assert.ok(scores[1] > scores[0] && scores[1] > scores[2]);
  assert.ok(bm.idf('airlin') > bm.idf('iran'));
  assert.equal(bm.score(['absent'])[0], 0);
});

test('repeated query terms count once and term frequency saturates', () => {
  const bm = new Bm25(bm25Data([['a', 'a', 'a', 'a', 'b'], ['a', 'b', 'c', 'd', 'e'], ['z']]));
  const once = bm.score(['a']);
  assert.deepEqual(bm.score(['a', 'a']), once);
  assert.ok(once[0] > once[1]);
  assert.ok(once[0] < 2.5 * once[1], 'saturates');
});

test('the top-k selection returns the highest positive scores in order, honouring the filter', async () => {
  const { topIndices } = await import('../../src/retrieve/retriever.js');
  const scores = Float64Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 1000) / 10);
  const expected = [...scores.keys()].filter((i) => scores[i] > 0 && i % 2 === 0).sort((a, b) => scores[b] - scores[a]).slice(0, 25);
  assert.deepEqual(topIndices(scores, 25, (i) => i % 2 === 0), expected);
  assert.deepEqual(topIndices(new Float64Array([0, 0, 3, 0, 1]), 10), [2, 4]);
});
