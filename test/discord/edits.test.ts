/**
 * Footnote follows the questions it answered, with the real bot (createBot) and the real engine
 * against the local fake Discord: an edited question is answered again in the answer's own message,
 * a link preview or a late edit changes nothing, a deleted question takes its answer with it unless
 * the answer was reported, and all of it still works after a restart, when the messages are no
 * longer cached (partials, and a DM channel discord.js has not seen).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EDIT_FOLLOW_MS } from '../../src/discord/conversation.js';
import { unescapeText } from '../../src/discord/render.js';
import type { AnswerRecord, Store } from '../../src/store/index.js';
import type { RecordedCall } from '../helpers/fake-discord.js';
import { buttonId, buttons, replyTo, sleep, startTestBot, type TestBot } from '../helpers/test-bot.js';

const FIRST = 'Who is Ali Larijani?';
const SECOND = 'What risk does the division of labor between Russia and Iran minimize?';
const THIRD = 'What did Putin say about Iran?';

/** The passage ids an answer's sources show. */
function sourceIds(embeds: any[]): string[] {
  return [...new Set(embeds.flatMap((e) => (e.fields ?? []).filter((f: any) => /^\[\d+\]/.test(f.name)).map((f: any) => /`([^`]+)`$/.exec(f.value)![1]!)))];
}

/** The passages the engine cites for a question, as the bot would answer it. */
async function citedFor(session: TestBot, question: string): Promise<string[]> {
  const answer = await session.engine.ask(question, { k: session.config.topK });
  assert.ok(answer.citations.length, `the engine cites something for “${question}”`);
  return [...new Set(answer.citations.map((c) => c.passageId))];
}

/** Wait until `check` holds (the store is written a moment after Discord is called). */
async function until<T>(check: () => T | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

interface Asked {
  question: string;
  channelId: string;
  answer: any;
  record: AnswerRecord;
}

/** Ask by mention (or in a DM), wait for the answer and its record. */
async function ask(session: TestBot, content: string, options: { dm?: boolean; author?: { id: string; username: string }; sentAt?: number } = {}): Promise<Asked> {
  const { fake } = session;
  const sent = fake.sendMessage({ content, mentionBot: !options.dm, dm: options.dm, author: options.author, sentAt: options.sentAt });
  await replyTo(fake, sent.id);
  const answer = fake.messagesIn(sent.channelId).find((m) => m.message_reference?.message_id === sent.id);
  const record = await until(() => {
    const r = session.bot.context.store.answers.byQuestionMessage(sent.id);
    return r?.messageId ? r : undefined;
  }, 'the answer’s record');
  return { question: sent.id, channelId: sent.channelId, answer, record };
}

/** Calls by the bot that touched one of its messages (edit or delete) since `since`. */
function touched(session: TestBot, messageId: string, since: number): RecordedCall[] {
  return session.fake.calls.filter((c) => c.at >= since && (c.method === 'PATCH' || c.method === 'DELETE') && c.path.endsWith(`/messages/${messageId}`));
}

/** Posts by the bot in a channel since `since`. */
function posted(session: TestBot, channelId: string, since: number): RecordedCall[] {
  return session.fake.calls.filter((c) => c.at >= since && c.method === 'POST' && c.path === `/channels/${channelId}/messages`);
}

/** Resolves when the bot logged a line matching `pattern` (after `from` lines). */
function logged(session: TestBot, pattern: RegExp, from = 0): Promise<string> {
  return until(() => session.logs.slice(from).find((l) => pattern.test(l)), `a log line ${pattern}`);
}

const mention = (session: TestBot, text: string) => `<@${session.fake.botUser.id}> ${text}`;

describe('with the Message Content intent', () => {
  let session: TestBot;
  const store = (): Store => session.bot.context.store;

  before(async () => {
    session = await startTestBot({ env: { FOOTNOTE_MESSAGE_CONTENT: 'true' } });
  });
  after(async () => {
    await session?.stop();
  });

  test('an edited question is answered again in the same message, with the new question’s citations, and nothing new is posted or pinged', async () => {
    const { fake } = session;
    const asked = await ask(session, FIRST);
    assert.deepEqual(sourceIds(asked.answer.embeds), await citedFor(session, FIRST));
    // a vote on the first answer
    const up = buttons(asked.answer).find((b: any) => b.emoji?.name === '👍')!;
    const voted = await fake.interact({ type: 'button', customId: up.custom_id, message: asked.answer.id }).final();
    assert.ok(voted);
    assert.equal(store().feedback.getVotes(asked.record.id).up, 1);

    const since = performance.now();
    fake.editMessage(asked.question, { content: mention(session, SECOND) });
    const edit = await fake.waitFor((c) => c.at >= since && c.method === 'PATCH' && c.path === `/channels/${asked.channelId}/messages/${asked.answer.id}` && c.status === 200);
    assert.deepEqual(edit.body.allowed_mentions, { parse: [], replied_user: false }, 'the edit pings nobody');

    const expected = await citedFor(session, SECOND);
    assert.notDeepEqual(expected, await citedFor(session, FIRST), 'the two questions cite different passages');
    const shown = fake.message(asked.answer.id);
    assert.deepEqual(sourceIds(shown.embeds), expected, 'the answer’s message now shows the new question’s sources');
    assert.equal(shown.message_reference?.message_id, asked.question, 'still the reply to the question');
    await sleep(200);
    assert.deepEqual(posted(session, asked.channelId, since), [], 'no new message');

    // the store says what the message shows: same answer id (its buttons keep working), the new question, no votes on it
    const record = await until(() => (store().answers.get(asked.record.id)?.question === SECOND ? store().answers.get(asked.record.id) : undefined), 'the revised record');
    assert.equal(record.standalone, SECOND);
    assert.deepEqual([...new Set(record.answer.citations.map((c) => c.passageId))], expected);
    assert.equal(store().answers.byMessage(asked.answer.id)?.id, asked.record.id);
    assert.equal(store().answers.byQuestionMessage(asked.question)?.id, asked.record.id);
    assert.deepEqual(store().feedback.getVotes(asked.record.id), { up: 0, down: 0 }, 'a vote on the old answer does not count for the new one');
    assert.match(shown.embeds.at(-1).footer.text, new RegExp(`answer ${asked.record.id}$`));
    const passage = await fake.interact({ type: 'button', customId: buttonId(shown, 'Passage 1'), message: shown.id }).final();
    assert.ok(passage.embeds?.length, 'a button on the edited answer still works');
  });

  test('an update that only adds a link preview changes nothing; the next real edit is followed', async () => {
    const { fake } = session;
    const asked = await ask(session, FIRST);
    const since = performance.now();
    fake.editMessage(asked.question, { embeds: [{ type: 'link', url: 'https://example.com/', title: 'Example' }] });
    await sleep(500);
    assert.deepEqual(touched(session, asked.answer.id, since), [], 'the answer was not touched');
    assert.equal(store().answers.get(asked.record.id)?.question, FIRST);

    // the same message edited for real (after the preview) is answered again: the preview was seen and let be
    fake.editMessage(asked.question, { content: mention(session, THIRD) });
    await fake.waitFor((c) => c.at >= since && c.method === 'PATCH' && c.path.endsWith(`/messages/${asked.answer.id}`) && c.status === 200);
    assert.equal(touched(session, asked.answer.id, since).length, 1, 'one edit, for the real edit only');
    assert.deepEqual(sourceIds(fake.message(asked.answer.id).embeds), await citedFor(session, THIRD));
  });

  test('an edit after the window leaves the answer as it was given', async () => {
    const { fake } = session;
    const asked = await ask(session, FIRST, { sentAt: Date.now() - EDIT_FOLLOW_MS - 60_000 });
    const from = session.logs.length;
    const since = performance.now();
    fake.editMessage(asked.question, { content: mention(session, SECOND) });
    await logged(session, /an edited question keeps its answer .*why="too-late"/, from);
    await sleep(200);
    assert.deepEqual(touched(session, asked.answer.id, since), []);
    assert.deepEqual(posted(session, asked.channelId, since), []);
    assert.equal(store().answers.get(asked.record.id)?.question, FIRST);
    assert.deepEqual(sourceIds(fake.message(asked.answer.id).embeds), await citedFor(session, FIRST));
  });

  test('an edit that no longer mentions the bot, or asks nothing, leaves the answer; no reply is posted', async () => {
    const { fake } = session;
    const asked = await ask(session, FIRST);
    const since = performance.now();
    let from = session.logs.length;
    fake.editMessage(asked.question, { content: 'never mind, found it' });
    await logged(session, /an edited question keeps its answer .*why="not-asked"/, from);
    from = session.logs.length;
    fake.editMessage(asked.question, { content: mention(session, 'thanks!') });
    await sleep(500);
    assert.deepEqual(touched(session, asked.answer.id, since), []);
    assert.deepEqual(posted(session, asked.channelId, since), [], 'no “not a question” reply to an edit');
    assert.equal(store().answers.get(asked.record.id)?.question, FIRST);
  });

  test('a blocked member’s edit is refused like a new question, and the answer stays', async () => {
    const { fake } = session;
    const member = { id: '626262626262626262', username: 'blockee' };
    const asked = await ask(session, FIRST, { author: member });
    const blocked = await fake.interact({ type: 'command', name: 'block', options: [{ name: 'member', type: 6, value: member.id }], user: { id: fake.owner.id } }).final();
    assert.match(blocked.content, /Blocked/);
    const since = performance.now();
    fake.editMessage(asked.question, { content: mention(session, SECOND) });
    const refusal = await fake.waitFor((c) => c.at >= since && c.method === 'POST' && c.body?.message_reference?.message_id === asked.question && c.status === 200);
    assert.equal(unescapeText(refusal.body.content), 'You can’t ask Footnote questions in this server.');
    assert.deepEqual(touched(session, asked.answer.id, since), []);
    assert.equal(store().answers.get(asked.record.id)?.question, FIRST);
    await fake.interact({ type: 'command', name: 'unblock', options: [{ name: 'member', type: 6, value: member.id }], user: { id: fake.owner.id } }).final();
  });

  test('a deleted question takes its answer and its record with it', async () => {
    const { fake } = session;
    const asked = await ask(session, FIRST);
    fake.deleteMessage(asked.question);
    await fake.waitFor((c) => c.method === 'DELETE' && c.path === `/channels/${asked.channelId}/messages/${asked.answer.id}` && c.status === 204);
    assert.ok(fake.isDeleted(asked.answer.id));
    await until(() => !store().answers.get(asked.record.id), 'the record to go');
    assert.equal(store().answers.byMessage(asked.answer.id), undefined);
  });

  test('a deleted question whose answer was reported keeps the answer for the moderators', async () => {
    const { fake } = session;
    const asked = await ask(session, FIRST);
    const opened = await fake.interact({ type: 'button', customId: buttonId(asked.answer, 'Report'), message: asked.answer.id }).final();
    await fake.interact({ type: 'modal', customId: opened.modal.custom_id, fields: { reason: 'the quote does not say that' }, message: asked.answer.id }).final();
    assert.equal(store().feedback.reportsFor(asked.record.id).length, 1);
    const from = session.logs.length;
    const since = performance.now();
    fake.deleteMessage(asked.question);
    await logged(session, /a deleted question keeps its answer .*why="keep-reported"/, from);
    await sleep(200);
    assert.deepEqual(touched(session, asked.answer.id, since), []);
    assert.equal(fake.isDeleted(asked.answer.id), false);
    assert.ok(store().answers.get(asked.record.id), 'the record stays with its report');

    // an edit of a reported question's answer is left alone too (had the question stayed)
    const other = await ask(session, FIRST);
    const again = await fake.interact({ type: 'button', customId: buttonId(other.answer, 'Report'), message: other.answer.id }).final();
    await fake.interact({ type: 'modal', customId: again.modal.custom_id, fields: { reason: 'wrong person' }, message: other.answer.id }).final();
    const later = session.logs.length;
    fake.editMessage(other.question, { content: mention(session, SECOND) });
    await logged(session, /an edited question keeps its answer .*why="under-review"/, later);
    assert.equal(store().answers.get(other.record.id)?.question, FIRST);
  });

  test('in a server that answers in threads: the thread is renamed after the edited question, a follow-up edited in the thread is read with the turn before it, and a question whose thread carries on keeps its answer', async () => {
    const { fake } = session;
    const style = (value: string) =>
      fake.interact({ type: 'command', name: 'config', options: [{ name: 'reply-style', type: 1, options: [{ name: 'style', type: 3, value }] }], user: { id: fake.owner.id } }).final();
    await style('thread');
    try {
      const asked = await ask(session, FIRST);
      const thread = asked.answer.id as string;
      await until(() => store().conversations.get(thread), 'the thread');
      fake.editMessage(asked.question, { content: mention(session, THIRD) });
      await fake.waitFor((c) => c.method === 'PATCH' && c.path === `/channels/${thread}` && c.status === 200);
      assert.equal(fake.channel(thread).name, THIRD);

      // a follow-up in the thread, then edited: it leans on the (edited) opening question
      const followUp = fake.sendMessage({ content: 'Who is Ali Larijani?', channelId: thread });
      await replyTo(fake, followUp.id);
      const turn = await until(() => {
        const r = store().answers.byQuestionMessage(followUp.id);
        return r?.messageId ? { ...r, messageId: r.messageId } : undefined;
      }, 'the follow-up’s record');
      const since = performance.now();
      fake.editMessage(followUp.id, { content: 'what did he say?' });
      const edited = await fake.waitFor((c) => c.at >= since && c.method === 'PATCH' && c.path === `/channels/${thread}/messages/${turn.messageId}` && c.status === 200);
      assert.match(edited.body.embeds[0].description, /^\*Read with the previous question: “What did Putin say about Iran\?”\*/);
      assert.deepEqual(posted(session, thread, since), [], 'no new message in the thread');
      assert.equal(store().conversations.get(thread)?.turns, 2, 'an edit takes no new turn');

      // the opening question deleted: its answer heads a thread that carries on, so it stays
      const from = session.logs.length;
      fake.deleteMessage(asked.question);
      await logged(session, /a deleted question keeps its answer .*why="keep-thread"/, from);
      assert.equal(fake.isDeleted(thread), false);
      // the follow-up deleted: its answer goes, the thread stays
      fake.deleteMessage(followUp.id);
      await fake.waitFor((c) => c.method === 'DELETE' && c.path === `/channels/${thread}/messages/${turn.messageId}` && c.status === 204);
    } finally {
      await style('inline');
    }
  });

  test('questions deleted together (a purge) take their answers with them', async () => {
    const { fake } = session;
    const one = await ask(session, FIRST);
    const two = await ask(session, THIRD);
    fake.bulkDeleteMessages(fake.channelId, [one.question, two.question]);
    for (const asked of [one, two]) {
      await fake.waitFor((c) => c.method === 'DELETE' && c.path === `/channels/${asked.channelId}/messages/${asked.answer.id}` && c.status === 204);
      await until(() => !store().answers.get(asked.record.id), 'the record to go');
    }
  });

  test('after a restart, an edit and a deletion of a question asked before it are still followed, in a channel and in a DM', async () => {
    const { fake } = session;
    const inChannel = await ask(session, FIRST);
    const dmUser = { id: '737373737373737373', username: 'dmitri' };
    const inDm = await ask(session, FIRST, { dm: true, author: dmUser });
    await session.restart();
    assert.equal(session.bot.client.channels.cache.has(inDm.channelId), false, 'the DM channel is not cached after the restart');

    // a link preview on an uncached message: there is no old text to compare with, the stored question is
    const since = performance.now();
    fake.editMessage(inChannel.question, { embeds: [{ type: 'link', url: 'https://example.com/', title: 'Example' }] });
    await sleep(300);
    fake.editMessage(inChannel.question, { content: mention(session, SECOND) });
    await fake.waitFor((c) => c.method === 'PATCH' && c.path === `/channels/${inChannel.channelId}/messages/${inChannel.answer.id}` && c.status === 200);
    assert.equal(touched(session, inChannel.answer.id, since).length, 1, 'the preview changed nothing');
    assert.deepEqual(sourceIds(fake.message(inChannel.answer.id).embeds), await citedFor(session, SECOND));

    fake.editMessage(inDm.question, { content: SECOND });
    await fake.waitFor((c) => c.method === 'PATCH' && c.path === `/channels/${inDm.channelId}/messages/${inDm.answer.id}` && c.status === 200, 8000);
    assert.deepEqual(sourceIds(fake.message(inDm.answer.id).embeds), await citedFor(session, SECOND));
    await until(() => session.bot.context.store.answers.get(inDm.record.id)?.question === SECOND, 'the DM answer’s record');

    fake.deleteMessage(inChannel.question);
    fake.deleteMessage(inDm.question);
    for (const asked of [inChannel, inDm]) {
      await fake.waitFor((c) => c.method === 'DELETE' && c.path === `/channels/${asked.channelId}/messages/${asked.answer.id}` && c.status === 204, 8000);
      await until(() => !session.bot.context.store.answers.get(asked.record.id), 'the record to go');
    }
  });
});

describe('without the Message Content intent', () => {
  let session: TestBot;
  before(async () => {
    session = await startTestBot({ env: { FOOTNOTE_MESSAGE_CONTENT: 'false' } });
  });
  after(async () => {
    await session?.stop();
  });

  test('an edit that keeps the mention is followed; one that drops it arrives without its text and leaves the answer', async () => {
    const { fake } = session;
    const asked = await ask(session, FIRST);
    fake.editMessage(asked.question, { content: mention(session, SECOND) });
    await fake.waitFor((c) => c.method === 'PATCH' && c.path === `/channels/${asked.channelId}/messages/${asked.answer.id}` && c.status === 200);
    assert.deepEqual(sourceIds(fake.message(asked.answer.id).embeds), await citedFor(session, SECOND));

    const since = performance.now();
    fake.editMessage(asked.question, { content: THIRD });
    await sleep(500);
    assert.deepEqual(touched(session, asked.answer.id, since), [], 'Discord sent no text, so there is nothing to answer');
    assert.equal(session.bot.context.store.answers.get(asked.record.id)?.question, SECOND);
  });
});
