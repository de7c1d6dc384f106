/**
 * Members asking in every way a server allows, with the real bot (createBot) and the real engine
 * against the local fake Discord: questions written with Discord's markup, a reply to an answer
 * that only says thanks, and channels where the bot lacks a permission it needs to answer.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { NOT_A_QUESTION_HINT, unescapeText } from '../../src/discord/render.js';
import type { FakeDiscord } from '../helpers/fake-discord.js';
import { replyTo, sleep, startTestBot, type TestBot } from '../helpers/test-bot.js';

let session: TestBot;
let fake: FakeDiscord;

before(async () => {
  session = await startTestBot({ env: { FOOTNOTE_MESSAGE_CONTENT: 'true' } });
  ({ fake } = session);
});

after(async () => {
  await session?.stop();
});

/** The passage ids an answer's sources show. */
function sourceIds(message: any): string[] {
  return (message.embeds ?? []).flatMap((e: any) => (e.fields ?? []).filter((f: any) => /^\[\d+\]/.test(f.name)).map((f: any) => /`([^`]+)`$/.exec(f.value)![1]));
}

/** Ask by mention (or as a reply), resolve with the bot's reply as stored. */
async function ask(content: string, options: { referenceMessageId?: string; channelId?: string } = {}): Promise<any> {
  const sent = fake.sendMessage({ content, mentionBot: !options.referenceMessageId, ...options });
  await replyTo(fake, sent.id);
  await sleep(100);
  return fake.messagesIn(sent.channelId).find((m) => m.message_reference?.message_id === sent.id);
}

test('a question written with Markdown, a code block or a mention is asked by its words: the sources are those of the plain question', async () => {
  const plain = await ask('What did Putin say about Iran?');
  assert.ok(sourceIds(plain).length, 'the plain question is answered with sources');
  const marked = await ask('**What** did `Putin` say about _Iran_?\n```js\nconsole.log(1)\n```');
  assert.deepEqual(sourceIds(marked), sourceIds(plain));

  const axis = await ask('what is the axis?');
  assert.ok(sourceIds(axis).length);
  const withRole = await ask(`<@&${fake.roles.moderator}> what is the axis?`);
  assert.deepEqual(sourceIds(withRole), sourceIds(axis));
  // the question is recorded as written
  const record = session.bot.context.store.answers.byMessage(withRole.id);
  assert.equal(record?.question, `<@&${fake.roles.moderator}> what is the axis?`);
});

test('a reply to an answer that only says thanks gets the one-line hint, as a mention would, and records no answer', async () => {
  const answer = await ask('Who wrote the article?');
  const before = session.bot.context.store.answers.byMessage(answer.id);
  assert.ok(before);
  const thanks = await ask('thanks!', { referenceMessageId: answer.id });
  assert.equal(unescapeText(thanks.content), NOT_A_QUESTION_HINT);
  assert.deepEqual(thanks.embeds, []);
  assert.deepEqual(thanks.components, [], 'no buttons: there is no answer to vote on');
  assert.equal(session.bot.context.store.answers.byMessage(thanks.id), undefined, 'nothing recorded');
  // a real follow-up in a reply is still answered
  const why = await ask('why?', { referenceMessageId: answer.id });
  assert.ok(why.embeds.length);
});
