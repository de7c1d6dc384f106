/**
 * A study session owns its thread: a quiz cannot be started inside it, and a session whose thread
 * is deleted (while the bot runs, while it is down, or unnoticed) ends cleanly, once, so its channel
 * can start another. Against the local fake Discord with the real bot.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { configureStudy } from '../../src/discord/study/runner.js';
import { resumeStudy } from '../../src/discord/study/resume.js';
import type { FakeDiscord } from '../helpers/fake-discord.js';
import { sleep, startTestBot, type TestBot } from '../helpers/test-bot.js';

let session: TestBot;
let fake: FakeDiscord;
/** runs while the bot is stopped, during the next restart */
let whileDown: (() => void) | undefined;

before(async () => {
  session = await startTestBot({
    discord: { guildChannels: [{ name: 'reading-room' }, { name: 'seminar' }, { name: 'annex' }] },
    beforeStart: (b) => {
      configureStudy(b.context, { questionMs: 60_000, seed: () => 7 });
      whileDown?.();
      whileDown = undefined;
    },
  });
  ({ fake } = session);
});

after(async () => {
  await session?.stop();
});

const store = () => session.bot.context.store.study;
const study = (sub: 'start' | 'next' | 'end', channelId: string) => fake.interact({ type: 'command', name: 'study', options: [{ name: sub, type: 1, options: [] }], channelId }).final();
const quiz = (channelId: string) => fake.interact({ type: 'command', name: 'quiz', options: { count: 1 }, channelId }).final();
async function until(done: () => boolean, timeoutMs = 3000) {
  for (const start = Date.now(); !done(); await sleep(10)) if (Date.now() - start > timeoutMs) throw new Error('timed out');
}
/** Start a session in a channel and wait for its first step's check question; returns the session. */
async function startSession(channelId: string) {
  const intro = await study('start', channelId);
  // the bot opens the thread (and records it) after it has shown the intro, which final() returns
  await until(() => store().sessionInThread(intro.id) !== undefined).catch(() => {});
  const s = store().sessionInThread(intro.id);
  assert.ok(s, `a session opened a thread: ${JSON.stringify(intro)}`);
  // the step, then its check question (when the passage makes one)
  await until(() => store().getSession(s.id)!.stepPosted && store().questions(s.roundId).every((q) => q.messageId !== null));
  return s;
}
/** What everyone sees in a channel: the bot's messages that are not private replies. */
const publicIn = (channelId: string) => fake.messagesIn(channelId).filter((m) => !((m.flags ?? 0) & 64));
const logged = (pattern: RegExp) => session.logs.filter((l) => pattern.test(l));

test('/quiz inside a running study session’s thread is refused privately, pointing to the session’s channel; nothing is posted there', async () => {
  const room = fake.channelByName('reading-room');
  const s = await startSession(room);
  const before = publicIn(s.threadId!).length;
  const refused = await quiz(s.threadId!);
  assert.equal(refused.flags & 64, 64, 'private');
  assert.equal(refused.content, `A study session runs in this thread, so a quiz here would mix with its steps. Start the quiz in <#${room}>, or end the session first (\`/study end\`).`);
  assert.equal(store().runningQuizIn(s.threadId!), undefined, 'no round was started');
  await sleep(100);
  assert.equal(publicIn(s.threadId!).length, before, 'nothing new in the thread');

  // once the session is over, its thread is an ordinary thread again
  assert.match((await study('end', s.threadId!)).content, /session is over/);
  const started = await quiz(s.threadId!);
  assert.match(started.embeds?.[0]?.title ?? '', /^Quiz/, JSON.stringify(started));
  const round = store().runningQuizIn(s.threadId!);
  assert.ok(round);
  await until(() => store().getRound(round.id)!.status === 'finished' || store().question(round.id, 0)?.messageId !== null);
});

test('a study session whose thread is deleted ends at once, recorded as ended by the bot, and its channel can start a new one', async () => {
  const seminar = fake.channelByName('seminar');
  const s = await startSession(seminar);
  fake.deleteChannel(s.threadId!);
  await until(() => store().getSession(s.id)!.status === 'ended');
  const ended = store().getSession(s.id)!;
  assert.equal(ended.endedBy, fake.botUser.id);
  assert.equal(store().getRound(s.roundId)!.status, 'finished');
  assert.ok(store().questions(s.roundId).every((q) => q.revealShown), 'its check question is closed');
  assert.equal(logged(/study session ended: its thread is gone/).length, 1);

  const next = await study('next', seminar);
  assert.match(next.content, /^No study session runs here/, 'nothing is left running in the channel');
  const again = await startSession(seminar);
  assert.equal(store().runningSessionsIn(seminar).length, 1);
  assert.match((await study('end', again.threadId!)).content, /session is over/);
});

test('deleting the channel a session runs from ends the session too', async () => {
  const annex = fake.channelByName('annex');
  const s = await startSession(annex);
  fake.deleteChannel(annex);
  await until(() => store().getSession(s.id)!.status === 'ended');
  assert.equal(store().getRound(s.roundId)!.status, 'finished');
});

test('a session whose thread was deleted while the bot was down is ended at start-up, once, without a warning, and not retried after', async () => {
  const room = fake.channelByName('reading-room');
  const s = await startSession(room);
  // the step is posted, the next is not: a start-up would try to post it
  await fake.interact({ type: 'command', name: 'study', options: [{ name: 'next', type: 1, options: [] }], channelId: s.threadId! }).final();
  whileDown = () => fake.deleteChannel(s.threadId!);
  const from = session.logs.length;
  await session.restart();
  await resumeStudy(session.bot.context, session.bot.client);
  assert.equal(store().getSession(s.id)!.status, 'ended');
  assert.equal(store().getRound(s.roundId)!.status, 'finished');
  const lines = session.logs.slice(from);
  assert.deepEqual(lines.filter((l) => / warn | error /.test(l)), [], 'no warning');
  assert.equal(lines.filter((l) => /study session ended: its thread is gone/.test(l)).length, 1);

  const from2 = session.logs.length;
  await session.restart();
  await resumeStudy(session.bot.context, session.bot.client);
  assert.deepEqual(session.logs.slice(from2).filter((l) => l.includes(s.id)), [], 'not looked at again');
  assert.equal(store().runningSessionsIn(room).length, 0);
});

test('a session whose thread vanished unnoticed is ended by the next /study next from its channel, which says so', async () => {
  const room = fake.channelByName('reading-room');
  const s = await startSession(room);
  fake.deleteChannel(s.threadId!, { silent: true });
  const from = session.logs.length;
  const next = await study('next', room);
  assert.equal(next.content, 'The session’s thread was deleted, so the session has ended. Start a new one with `/study start`.');
  assert.equal(store().getSession(s.id)!.status, 'ended');
  assert.deepEqual(session.logs.slice(from).filter((l) => / error /.test(l)), []);
  assert.equal(store().runningSessionsIn(room).length, 0);
});

test('a session whose thread vanished unnoticed, ended with /study end from its channel, ends without a warning and says why there is no summary', async () => {
  const room = fake.channelByName('reading-room');
  const s = await startSession(room);
  fake.deleteChannel(s.threadId!, { silent: true });
  const from = session.logs.length;
  const end = await study('end', room);
  assert.equal(end.content, 'The session’s thread was deleted, so the session has ended. Start a new one with `/study start`.');
  assert.equal(store().getSession(s.id)!.status, 'ended');
  assert.equal(store().getRound(s.roundId)!.status, 'finished');
  assert.deepEqual(session.logs.slice(from).filter((l) => / warn | error /.test(l)), []);
});

test('nothing was left unacknowledged', () => {
  assert.deepEqual(fake.unacknowledged(), []);
});
