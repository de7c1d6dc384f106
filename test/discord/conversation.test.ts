import assert from 'node:assert/strict';
import { test } from 'node:test';
import { questionWords, stripBotMention } from '../../src/discord/conversation.js';
import { carryKeyTerms, MAX_CARRIED_TERMS, needsPreviousTurn } from '../../src/retrieve/follow-up.js';

test('mentions of the bot, as a user or through its role, are removed from the question', () => {
  assert.equal(stripBotMention('<@123456> who wrote it?', '123456'), 'who wrote it?');
  assert.equal(stripBotMention('hey <@!123456>   who wrote <@&999999> it?', '123456', ['999999']), 'hey who wrote it?');
  assert.equal(stripBotMention('<@777777> is not me', '123456'), '<@777777> is not me');
});

test('a question is asked by its words: Discord markup, code blocks and unknown mentions go, names and snake_case stay', () => {
  assert.equal(questionWords('**What** did `Putin` say about _Iran_?\n```js\nconsole.log(1)\n```'), 'What did Putin say about Iran?');
  assert.equal(questionWords('<@&42> what is the ||axis||?', { role: () => 'Moderator' }), '@Moderator what is the axis?');
  assert.equal(questionWords('what would <@123> say?'), 'what would say?');
  assert.equal(questionWords('is snake_case_name or 2*3*4 in it?'), 'is snake_case_name or 2*3*4 in it?');
  assert.equal(questionWords('```only code```'), '```only code```');
});

test('a follow-up that points back carries the previous question’s key terms', () => {
  const r = carryKeyTerms('what about him?', ['Who is Ali Larijani?']);
  assert.equal(r.standalone, 'what about him? Ali Larijani');
  assert.deepEqual(r.carried, ['Ali', 'Larijani']);
});

test('a short follow-up carries only the terms it does not already have', () => {
  const r = carryKeyTerms('and Iran?', ['Why does Russia support Iran in Syria?']);
  assert.deepEqual(r.carried, ['Russia', 'support', 'Syria']);
});

test('a question that stands on its own is left alone', () => {
  const r = carryKeyTerms('What did Putin say at the Valdai Club about the nuclear program?', ['Who is Ali Larijani?']);
  assert.equal(r.standalone, 'What did Putin say at the Valdai Club about the nuclear program?');
  assert.deepEqual(r.carried, []);
});

test('without an earlier turn there is nothing to carry', () => {
  assert.equal(carryKeyTerms('what about him?', []).standalone, 'what about him?');
});

test('at most a handful of terms are carried, so follow-ups do not snowball', () => {
  const r = carryKeyTerms('and that?', ['Russia Iran Syria Assad Tehran Moscow Putin Larijani Hezbollah militias']);
  assert.equal(r.carried.length, MAX_CARRIED_TERMS);
});

test("a question about the document's layout or an overview stands alone, whatever came before", () => {
  assert.equal(needsPreviousTurn('What are the sections?'), false);
  assert.equal(needsPreviousTurn('tldr?'), false);
  assert.equal(carryKeyTerms('What are the sections?', ['What does IS stand for?']).carried.length, 0);
});

test('"in all this" is the whole matter, not a pointer to the previous question; "what about this?" still is', () => {
  assert.equal(needsPreviousTurn('what role does the US play in all this?'), false);
  // (a quiz number or a purpose before a question of its own leaves it standing alone)
  assert.equal(needsPreviousTurn('Q3: what could derail the alliance?'), false);
  assert.equal(needsPreviousTurn('For my essay: why?'), true);
  assert.deepEqual(carryKeyTerms('what role does the US play in all of this?', ['who wrote this and when?']).carried, []);
  assert.equal(needsPreviousTurn('why did they do this?'), true);
});
