/**
 * Members asking in every way a server allows, with the real bot (createBot) and the real engine
 * against the local fake Discord: questions written with Discord's markup, a reply to an answer
 * that only says thanks, and channels where the bot lacks a permission it needs to answer (the member
 * is told privately, by DM).
 */
import assert from 'node:assert/strict';
import { PermissionFlagsBits } from 'discord.js';
import { after, before, test } from 'node:test';
import { NOT_A_QUESTION_HINT, unescapeText } from '../../src/discord/render.js';
import type { FakeDiscord } from '../helpers/fake-discord.js';
import { replyTo, sleep, startTestBot, until, type TestBot } from '../helpers/test-bot.js';

let session: TestBot;
let fake: FakeDiscord;

before(async () => {
  session = await startTestBot({ env: { FOOTNOTE_MESSAGE_CONTENT: 'true' }, discord: { guildChannels: [{ name: 'no-embeds' }, { name: 'read-only' }, { name: 'muted-threads' }, { name: 'later-read-only' }, { name: 'no-threads' }] } });
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
  // the question is recorded as written (the answer is linked to its message once it was sent)
  const record = await until(() => session.bot.context.store.answers.byMessage(withRole.id), 'the answer’s record');
  assert.equal(record?.question, `<@&${fake.roles.moderator}> what is the axis?`);
});

test('a reply to an answer that only says thanks gets the one-line hint, as a mention would, and records no answer', async () => {
  const answer = await ask('Who wrote the article?');
  // the answer is linked to its message once it was sent; the reply below leans on it
  const before = await until(() => session.bot.context.store.answers.byMessage(answer.id), 'the answer’s record');
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

/** A moderator takes a permission from the bot's role in a channel (the fake enforces it, as Discord does). */
async function deny(channelName: string, bit: bigint): Promise<string> {
  const channelId = fake.channelByName(channelName);
  fake.setPermissionOverwrites(channelId, [{ id: fake.roles.bot, type: 0, allow: '0', deny: bit.toString() }]);
  await sleep(100);
  return channelId;
}

test('where the bot may not embed links, a question gets a one-line reply naming the permission instead of an answer with nothing in it', async () => {
  const channelId = await deny('no-embeds', PermissionFlagsBits.EmbedLinks);
  const reply = await ask('Who wrote the article?', { channelId });
  assert.match(unescapeText(reply.content), /Embed Links/);
  assert.match(unescapeText(reply.content), /\/ask/, 'it says how to ask meanwhile');
  assert.equal(session.bot.context.store.answers.byMessage(reply.id), undefined);
  // /ask answers there: an interaction's reply is not bound by the channel's permissions
  const answered = await fake.interact({ type: 'command', name: 'ask', options: { question: 'Who wrote the article?' }, channelId }).final();
  assert.ok(answered.embeds.length);
});

/** The bot's messages in a member's DM channel (none when it never opened one). */
function dmsTo(userId: string): any[] {
  const channel = fake.dmChannelOf(userId);
  return channel ? fake.messagesIn(channel) : [];
}

/**
 * Ask by mention where the bot may not post; resolves once the bot logged that it cannot answer and
 * what came of telling the member (or, when it was told within the hour, a second later).
 */
async function askWhereMuted(content: string, channelId: string, author?: { username: string }): Promise<{ id: string; lines: string[] }> {
  const from = session.logs.length;
  const sent = fake.sendMessage({ content, mentionBot: true, channelId, ...(author ? { author } : {}) });
  const logged = (pattern: RegExp) => session.logs.slice(from).some((l) => l.includes(`message="${sent.id}"`) && pattern.test(l));
  let end = Date.now() + 3000;
  while (Date.now() < end && !logged(/cannot answer in a channel/)) await sleep(20);
  end = Date.now() + 1000;
  while (Date.now() < end && !logged(/told a member privately|could not tell a member privately/)) await sleep(20);
  return { id: sent.id, lines: session.logs.slice(from) };
}

test('where the bot may not send messages, the member is told privately which permission is missing and that /ask works, once an hour per channel', async () => {
  const channelId = await deny('read-only', PermissionFlagsBits.SendMessages);
  const before = dmsTo(fake.user.id).length;
  const first = await askWhereMuted('Who wrote the article?', channelId);
  assert.ok(first.lines.some((l) => / warn .*Send Messages/.test(l)), `the operator is told which permission is missing: ${first.lines.join('')}`);
  assert.ok(!first.lines.some((l) => / error /.test(l)), 'no unexpected error with a stack trace');
  assert.equal(session.bot.context.store.answers.byQuestionMessage(first.id), undefined, 'no answer stored that nobody can see');
  assert.ok(!fake.calls.some((c) => c.method === 'POST' && c.path === `/channels/${channelId}/messages`), 'nothing tried in the channel');
  const dms = dmsTo(fake.user.id).slice(before);
  assert.equal(dms.length, 1, 'one DM');
  assert.equal(
    dms[0].content,
    `I can’t answer you in <#${channelId}>: I don’t have the Send Messages permission there. A moderator can give it to me in the channel’s permissions. Meanwhile, /ask works there: its answers are replies to the command, which don’t need it.`,
  );
  assert.deepEqual(dms[0].embeds, []);

  // asking again there within the hour: no second DM
  await askWhereMuted('When was it published?', channelId);
  assert.equal(dmsTo(fake.user.id).length - before, 1, 'told once');
  // /ask does answer there, as the DM says
  const answered = await fake.interact({ type: 'command', name: 'ask', options: { question: 'Who wrote the article?' }, channelId }).final();
  assert.ok(answered.embeds.length);
});

test('in a thread where the bot may not send messages in threads, the DM names that permission; a member whose DMs are closed gets nothing and the operator log says why', async () => {
  const parent = await deny('muted-threads', PermissionFlagsBits.SendMessagesInThreads);
  const thread = fake.createThread({ parentId: parent, name: 'a thread' });
  await sleep(100);
  const before = dmsTo(fake.user.id).length;
  await askWhereMuted('Who wrote the article?', thread);
  const dms = dmsTo(fake.user.id).slice(before);
  assert.equal(dms.length, 1);
  assert.match(dms[0].content, new RegExp(`^I can’t answer you in <#${thread}>: I don’t have the Send Messages in Threads permission there\\.`));

  const bob = { username: 'bob-no-dms' };
  const hello = fake.sendMessage({ content: 'hi', author: bob });
  const bobId = fake.message(hello.id).author.id;
  fake.closeDms(bobId);
  const asked = await askWhereMuted('Who wrote the article?', thread, bob);
  assert.ok(asked.lines.some((l) => / info could not tell a member privately .*DMs are closed/.test(l)), `logged as info: ${asked.lines.join('')}`);
  assert.ok(!asked.lines.some((l) => / error /.test(l) || (/ warn could not tell/.test(l))), 'no warning or error for closed DMs');
  assert.ok(!asked.lines.some((l) => l.includes('fake-bot-token')), 'no token in the log');
  assert.deepEqual(dmsTo(bobId), []);
});

test('an edited question where the bot lost Send Messages after answering is left alone: no DM', async () => {
  const channelId = fake.channelByName('later-read-only');
  const answer = await ask('Who wrote the article?', { channelId });
  assert.ok(answer.embeds.length, 'answered while it could post');
  const question = answer.message_reference.message_id;
  await deny('later-read-only', PermissionFlagsBits.SendMessages);
  const before = dmsTo(fake.user.id).length;
  const from = session.logs.length;
  fake.editMessage(question, { content: `<@${fake.botUser.id}> When was the article published?` });
  const end = Date.now() + 3000;
  while (Date.now() < end && !session.logs.slice(from).some((l) => /cannot answer in a channel/.test(l))) await sleep(20);
  await sleep(200);
  assert.ok(session.logs.slice(from).some((l) => / warn cannot answer in a channel.*edited=true/.test(l)), `the edit reached the permission check: ${session.logs.slice(from).join('')}`);
  assert.equal(dmsTo(fake.user.id).length, before, 'no DM for an edit');
});

test('where the bot may not create threads, a question is still answered in the channel, without the thread', async () => {
  const style = (value: string) => fake.interact({ type: 'command', name: 'config', options: [{ name: 'reply-style', type: 1, options: [{ name: 'style', type: 3, value }] }], user: { id: fake.owner.id } }).final();
  await style('thread');
  try {
    const channelId = await deny('no-threads', PermissionFlagsBits.CreatePublicThreads);
    const from = session.logs.length;
    const answer = await ask('Who wrote the article?', { channelId });
    assert.ok(answer.embeds.length, 'the answer is shown');
    const end = Date.now() + 3000;
    while (Date.now() < end && !session.logs.slice(from).some((l) => /could not open a thread/.test(l))) await sleep(20);
    assert.ok(session.logs.slice(from).some((l) => / warn could not open a thread/.test(l)));
    assert.equal(fake.channel(answer.id), undefined, 'no thread');
  } finally {
    await style('inline');
  }
});
