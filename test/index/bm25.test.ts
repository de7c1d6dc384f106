import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Bm25 } from '../../src/index/bm25.js';

test('BM25 ranks the passage with the rarer matching term first', () => {
  const bm = new Bm25([['iran', 'russia', 'syria'], ['iran', 'airlin', 'bomb'], ['iran', 'russia']]);
  const scores = bm.score(['airlin', 'iran']);
  assert.ok(scores[1] > scores[0] && scores[1] > scores[2]);
  assert.ok(bm.idf('airlin') > bm.idf('iran'));
  assert.equal(bm.score(['absent'])[0], 0);
});

test('repeated query terms count once and term frequency saturates', () => {
  const bm = new Bm25([['a', 'a', 'a', 'a', 'b'], ['a', 'b', 'c', 'd', 'e'], ['z']]);
  const once = bm.score(['a']);
  assert.deepEqual(bm.score(['a', 'a']), once);
  assert.ok(once[0] > once[1]);
  assert.ok(once[0] < 2.5 * once[1], 'saturates');
});
