import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deleteOutcome, EDIT_FOLLOW_MS, editOutcome, planAnswerEdit, type EditFacts } from '../../src/discord/conversation.js';

const facts = (over: Partial<EditFacts> = {}): EditFacts => ({ answered: 'Who is Ali Larijani?', edited: 'Who is Vladimir Putin?', askedAt: 0, now: 60_000, reported: false, ...over });

test('an edit that changes the words within the window is answered again', () => {
  assert.equal(editOutcome(facts()), 'answer-again');
  assert.equal(editOutcome(facts({ now: EDIT_FOLLOW_MS })), 'answer-again', 'the window includes its last moment');
});

test('the same words (a link preview, a pin, spacing) change nothing, even after the window or under review', () => {
  assert.equal(editOutcome(facts({ edited: 'Who is Ali Larijani?' })), 'unchanged');
  assert.equal(editOutcome(facts({ edited: '  Who is  Ali Larijani? ' })), 'unchanged');
  assert.equal(editOutcome(facts({ edited: 'Who is Ali Larijani?', now: EDIT_FOLLOW_MS * 2, reported: true })), 'unchanged');
});

test('an edit after the window, of a reported answer, or that no longer asks the bot anything leaves the answer', () => {
  assert.equal(editOutcome(facts({ now: EDIT_FOLLOW_MS + 1 })), 'too-late');
  assert.equal(editOutcome(facts({ reported: true })), 'under-review');
  assert.equal(editOutcome(facts({ edited: undefined })), 'not-asked');
  assert.equal(editOutcome(facts({ edited: undefined, now: EDIT_FOLLOW_MS + 1 })), 'too-late');
  assert.equal(editOutcome(facts({ now: 10_000 }), 5_000), 'too-late', 'the window can be given');
});

test('a deleted question takes its answer unless it was reported or a thread on it carries on', () => {
  assert.equal(deleteOutcome({ reported: false, threadTurns: 0 }), 'delete');
  assert.equal(deleteOutcome({ reported: false, threadTurns: 1 }), 'delete', 'a thread with only the opening answer');
  assert.equal(deleteOutcome({ reported: false, threadTurns: 2 }), 'keep-thread');
  assert.equal(deleteOutcome({ reported: true, threadTurns: 0 }), 'keep-reported');
});

test('a new answer takes the old one’s messages in order, sends what does not fit, deletes what is spare', () => {
  assert.deepEqual(planAnswerEdit(['a'], 1), { edit: [{ messageId: 'a', index: 0 }], send: [], remove: [] });
  assert.deepEqual(planAnswerEdit(['a'], 3), { edit: [{ messageId: 'a', index: 0 }], send: [1, 2], remove: [] });
  assert.deepEqual(planAnswerEdit(['a', 'b', 'c'], 2), {
    edit: [
      { messageId: 'a', index: 0 },
      { messageId: 'b', index: 1 },
    ],
    send: [],
    remove: ['c'],
  });
  assert.deepEqual(planAnswerEdit([], 2), { edit: [], send: [0, 1], remove: [] });
});
