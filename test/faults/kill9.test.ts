/**
 * kill -9 at the worst moment: the real bot process (`node --import tsx src/main.ts`) against the local
 * fake Discord with a fixed FOOTNOTE_DATA_DIR. For each kind of record — a question by /ask, a
 * question by mention, a vote, a report, a setting, a quiz score — the process is sent SIGKILL the
 * instant Discord receives the acknowledgement the member sees, then the store (openStore, a fresh
 * connection) must hold the record, and the next start must carry on with it.
 */
import assert from 'node:assert/strict';
import { after, before, test, type TestContext } from 'node:test';
import { openStore, type Store } from '../../src/store/index.js';
import { startFakeDiscord, type FakeDiscord, type RecordedCall } from '../helpers/fake-discord.js';
import { spawnBot, type BotProcess } from '../helpers/bot-process.js';
import { CORPUS_DIR, openTestEngine, tempDir } from '../helpers/engine.js';

const data = tempDir('footnote-kill9-');
let fake: FakeDiscord;
let bot: BotProcess | undefined;
let quizChannel: string;
const kills: string[] = [];
/** the /ask answer the later steps vote on and report */
let asked: { answerId: string; messageId: string; message: any } | undefined;

before(async () => {
  fake = await startFakeDiscord({ guildChannels: [{ name: 'quiz' }] });
  quizChannel = fake.channelByName('quiz');
  await openTestEngine({ dataDir: data.dir }); // the index is built before the bot starts
});

after(async () => {
  await bot?.stop('SIGKILL');
  await fake?.close();
  data.cleanup();
});

async function start(): Promise<BotProcess> {
  bot = spawnBot({ DISCORD_TOKEN: 'fake-bot-token', DISCORD_API_URL: fake.apiBase, FOOTNOTE_CORPUS_DIR: CORPUS_DIR, FOOTNOTE_DATA_DIR: data.dir });
  await bot.ready();
  return bot;
}

function hasCommand(proc: BotProcess, name: string): boolean {
  const listed = / info ready .*commands="([^"]*)"/.exec(proc.stderr())?.[1] ?? '';
  return listed.split(',').includes(name);
}

/**
 * Resolve with the first call matching `pred` from now on, having sent the bot SIGKILL synchronously
 * as the fake Discord recorded it — the bot gets the response and the kill at the same moment.
 */
async function killOnAck(what: string, pred: (c: RecordedCall) => boolean): Promise<RecordedCall> {
  const proc = bot!;
  const since = performance.now();
  const call = await fake.waitFor((c) => {
    if (c.at < since || !pred(c)) return false;
    proc.child.kill('SIGKILL');
    return true;
  }, 15_000);
  const { signal } = await proc.exited;
  assert.equal(signal, 'SIGKILL');
  kills.push(what);
  bot = undefined;
  return call;
}

function inStore<T>(fn: (store: Store) => T): T {
  const store = openStore({ dataDir: data.dir });
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

const isEdit = (token: string) => (c: RecordedCall) => c.method === 'PATCH' && c.path === `/webhooks/${fake.applicationId}/${token}/messages/@original` && c.status === 200;
const answerIdOf = (body: any) => /answer ([\w-]+)$/.exec(body.embeds.at(-1).footer.text)![1]!;
const buttons = (message: any): any[] => (message.components ?? []).flatMap((r: any) => r.components);

test('a question asked with /ask survives a kill -9 the instant its answer is shown', async () => {
  await start();
  const h = fake.interact({ type: 'command', name: 'ask', options: { question: 'Who is Ali Larijani?' } });
  const shown = await killOnAck('/ask answer', isEdit(h.token));
  const answerId = answerIdOf(shown.body);
  const stored = inStore((s) => s.answers.get(answerId));
  assert.ok(stored, 'the answer is stored');
  assert.equal(stored.question, 'Who is Ali Larijani?');
  assert.equal(stored.userId, fake.user.id);
  assert.match(stored.answer.answer, /Larijani/);
  const message = fake.messagesIn(fake.channelId).find((m) => (m.embeds ?? []).some((e: any) => e.footer?.text?.endsWith(answerId)))!;
  asked = { answerId, messageId: message.id, message };
  // the link from the Discord message to the answer is written after the message is shown
  const linked = inStore((s) => s.answers.byMessage(message.id)?.id === answerId);
  console.log(`# after the kill, the answer message ${linked ? 'is' : 'is NOT'} linked to its answer (answers.byMessage)`);
});

test('a question asked by mention survives a kill -9 the instant the reply is posted', async () => {
  await start();
  const { id } = fake.sendMessage({ content: 'When was the article published?', mentionBot: true });
  const reply = await killOnAck('mention answer', (c) => c.method === 'POST' && c.body?.message_reference?.message_id === id && c.status === 200);
  const stored = inStore((s) => s.answers.get(answerIdOf(reply.body)));
  assert.ok(stored, 'the answer is stored');
  assert.equal(stored.question, 'When was the article published?');
  assert.equal(stored.via, 'mention');
});

test('a vote survives a kill -9 the instant the updated count is shown', async () => {
  assert.ok(asked, 'needs the /ask answer');
  await start();
  const up = buttons(asked.message).find((b) => b.custom_id.endsWith(':up')).custom_id;
  const h = fake.interact({ type: 'button', customId: up, message: asked.messageId });
  const update = await killOnAck('vote', (c) => c.path === `/interactions/${h.id}/${h.token}/callback` && c.status === 204);
  assert.equal(update.body.type, 7);
  assert.equal(buttons(update.body.data).find((b) => b.custom_id.endsWith(':up')).label, '1');
  assert.equal(inStore((s) => s.feedback.voteOf(asked!.answerId, fake.user.id)), 1);
});

test('a report survives a kill -9 the instant the reporter is told it was recorded', async () => {
  assert.ok(asked, 'needs the /ask answer');
  await start();
  const report = buttons(asked.message).find((b) => b.label === 'Report').custom_id;
  const modal = await fake.interact({ type: 'button', customId: report, message: asked.messageId }).final(10_000);
  const h = fake.interact({ type: 'modal', customId: modal.modal.custom_id, fields: { reason: 'The title is wrong.' }, message: asked.messageId });
  const told = await killOnAck('report', isEdit(h.token));
  assert.match(told.body.content, /report \(#\d+\) was recorded|recorded/);
  const reports = inStore((s) => s.feedback.reportsFor(asked!.answerId));
  assert.deepEqual(reports.map((r) => [r.userId, r.reason]), [[fake.user.id, 'The title is wrong.']]);
});

test('a setting changed with /config survives a kill -9 the instant the change is confirmed', async (t: TestContext) => {
  const proc = await start();
  if (!hasCommand(proc, 'config')) {
    t.skip('/config is not registered in this build');
    return;
  }
  const h = fake.interact({ type: 'command', name: 'config', options: [{ name: 'cooldown', type: 1, options: [{ name: 'seconds', type: 4, value: 7 }] }], user: { id: fake.owner.id } });
  const told = await killOnAck('setting', isEdit(h.token));
  assert.match(told.body.content, /7 seconds/);
  const { settings, history } = inStore((s) => ({ settings: s.settings.get(fake.guildId), history: s.settings.history(fake.guildId) }));
  assert.equal(settings.memberCooldownSeconds, 7);
  assert.deepEqual(history.map((c) => [c.setting, c.oldValue, c.newValue, c.userId]), [['memberCooldownSeconds', 0, 7, fake.owner.id]]);
});

test('a quiz score survives a kill -9 the instant the member is told they were right', async (t: TestContext) => {
  const proc = await start();
  if (!hasCommand(proc, 'quiz')) {
    t.skip('/quiz is not registered in this build');
    return;
  }
  const posted = fake.waitFor((c) => c.method === 'POST' && c.path === `/channels/${quizChannel}/messages` && /^Question 1 of 1/.test(c.body?.embeds?.[0]?.title ?? '') && c.status === 200, 10_000);
  await fake.interact({ type: 'command', name: 'quiz', options: { count: 1, seconds: 600 }, channelId: quizChannel }).final(10_000);
  await posted;
  const question = fake.messagesIn(quizChannel).find((m) => buttons(m).some((b) => /^fq:a:/.test(b.custom_id)))!;
  const roundId = buttons(question).find((b) => /^fq:a:/.test(b.custom_id)).custom_id.split(':')[2];
  const correct = inStore((s) => s.study.question(roundId, 0)!.question.correctIndex);
  const h = fake.interact({ type: 'button', customId: buttons(question).find((b) => b.custom_id === `fq:a:${roundId}:0:${correct}`).custom_id, message: question.id, channelId: quizChannel });
  const told = await killOnAck('quiz score', isEdit(h.token));
  assert.equal(told.body.embeds[0].title, '✅ Right');
  const { answer, score } = inStore((s) => ({ answer: s.study.answerOf(roundId, 0, fake.user.id), score: s.study.score(fake.guildId, fake.user.id) }));
  assert.equal(answer?.correct, true);
  assert.equal(score?.points, 1);
});

test('after all the kills, the next start carries on with every record', async () => {
  assert.ok(asked, 'needs the /ask answer');
  const proc = await start();
  try {
    console.log(`# killed with SIGKILL at the acknowledgement of: ${kills.join(', ')}`);
    // the vote and report buttons of the answer from the first run still work and still know the vote and the report
    const voteAgain = await fake.interact({ type: 'button', customId: buttons(asked.message).find((b) => b.custom_id.endsWith(':up')).custom_id, message: asked.messageId }).final(10_000);
    assert.equal(buttons(voteAgain).find((b) => b.custom_id.endsWith(':up')).label, '0', 'pressing 👍 again withdraws the vote recorded before the kill');
    const reportAgain = await fake.interact({ type: 'button', customId: buttons(asked.message).find((b) => b.label === 'Report').custom_id, message: asked.messageId }).final(10_000);
    assert.match(reportAgain.content, /already reported/);
    if (hasCommand(proc, 'config')) {
      const shown = await fake.interact({ type: 'command', name: 'config', options: [{ name: 'show', type: 1, options: [] }], user: { id: fake.owner.id } }).final(10_000);
      assert.equal(shown.embeds[0].fields.find((f: any) => f.name === 'Member cooldown')?.value, '7 s between questions');
    }
    if (hasCommand(proc, 'leaderboard')) {
      const board = await fake.interact({ type: 'command', name: 'leaderboard' }).final(10_000);
      assert.match(board.embeds[0].description, /1 point/);
    }
    // nothing of the killed runs left the database needing repair
    inStore((s) => assert.equal(s.answers.get(asked!.answerId)?.question, 'Who is Ali Larijani?'));
  } finally {
    await proc.stop('SIGTERM');
  }
});
