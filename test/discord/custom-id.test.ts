import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeCustomId, encodeCustomId, type ButtonAction } from '../../src/discord/custom-id.js';

test('every button action survives a round trip through its custom id', () => {
  const actions: ButtonAction[] = [
    { kind: 'passage', answerId: 'aB3_-x9Qz1k', n: 12 },
    { kind: 'vote', answerId: 'aB3_-x9Qz1k', vote: 1 },
    { kind: 'vote', answerId: 'aB3_-x9Qz1k', vote: -1 },
    { kind: 'report', answerId: 'aB3_-x9Qz1k' },
    { kind: 'show', passageId: 'twisted-tehran-moscow-axis#p4' },
  ];
  for (const action of actions) {
    const id = encodeCustomId(action)!;
    assert.ok(id.length <= 100);
    assert.deepEqual(decodeCustomId(id), action);
  }
});

test('a custom id that would pass 100 characters is not made', () => {
  assert.equal(encodeCustomId({ kind: 'show', passageId: `${'x'.repeat(100)}#p1` }), undefined);
});

test('custom ids this bot did not make, or malformed ones, decode to nothing', () => {
  for (const id of ['', 'helpful:yes', 'fn', 'fn:passage:abc', 'fn:passage:abc:0', 'fn:passage:abc:x', 'fn:vote:abc:sideways', 'fn:report:a b', 'fn:show:', 'fn:unknown:1']) {
    assert.equal(decodeCustomId(id), undefined, id);
  }
});
