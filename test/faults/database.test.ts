/**
 * The database busy: while the bot (its own process, `node --import tsx src/main.ts`, against the
 * local fake Discord) takes votes, a report, a quiz answer, questions and a setting, a second
 * better-sqlite3 connection — in another process, as a backup script or a second bot would be —
 * holds the write lock on the same data/footnote.db (BEGIN EXCLUSIVE). Once the lock is released,
 * everything the members did must be recorded, and they must have been answered in time.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { openStore, type Store } from '../../src/store/index.js';
import { startFakeDiscord, type FakeDiscord, type InteractionHandle } from '../helpers/fake-discord.js';
import { spawnBot, type BotProcess } from '../helpers/bot-process.js';
import { CORPUS_DIR, openTestEngine, tempDir } from '../helpers/engine.js';
import { replyTo, sleep } from '../helpers/faults.js';

const data = tempDir('footnote-db-busy-');
let fake: FakeDiscord;
let bot: BotProcess;

before(async () => {
  fake = await startFakeDiscord({ guildChannels: [{ name: 'quiz-1' }, { name: 'quiz-2' }] });
  await openTestEngine({ dataDir: data.dir }); // the index is built before the bot starts
  bot = spawnBot({ DISCORD_TOKEN: 'fake-bot-token', DISCORD_API_URL: fake.apiBase, FOOTNOTE_CORPUS_DIR: CORPUS_DIR, FOOTNOTE_DATA_DIR: data.dir });
  await bot.ready();
});

after(async () => {
  await bot?.stop('SIGKILL');
  await fake?.close();
  data.cleanup();
});

/** Hold the write lock of the bot's database from a second connection until released. */
function holdWriteLock(): { release(): void; heldMs(): number } {
  const db = new Database(join(data.dir, 'footnote.db'));
  db.pragma('busy_timeout = 5000');
  db.exec('BEGIN EXCLUSIVE');
  const at = performance.now();
  let released = 0;
  return {
    release() {
      if (!released) {
        db.exec('COMMIT');
        db.close();
        released = performance.now();
      }
    },
    heldMs: () => (released || performance.now()) - at,
  };
}

const owner = () => ({ id: fake.owner.id });
const member = (n: number) => ({ id: `7${String(n).padStart(17, '0')}`, username: `member${n}`, global_name: `Member ${n}` });
const buttons = (message: any): any[] => (message.components ?? []).flatMap((r: any) => r.components);
const buttonId = (message: any, pred: (b: any) => boolean) => buttons(message).find(pred)!.custom_id as string;
const answerIdOf = (message: any) => /answer ([\w-]+)$/.exec(message.embeds.at(-1).footer.text)![1]!;

async function answer(question: string) {
  const reply = await fake.interact({ type: 'command', name: 'ask', options: { question } }).final(10_000);
  return { reply, id: answerIdOf(reply) };
}

async function withStore<T>(fn: (store: Store) => T): Promise<T> {
  const store = openStore({ dataDir: data.dir });
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

/** Everything a server does in a few seconds: four votes, a report, a quiz answer, /ask, a mention, a setting, /about. */
interface Round {
  tag: number;
  retentionDays: number;
  targets: { reply: any; id: string }[];
  /** the report form, opened before the lock (opening it writes nothing) and submitted during it */
  modal: any;
  reporter: ReturnType<typeof member>;
  /** a quiz question open in its channel, answered during the lock */
  quiz: { roundId: string; message: any; channelId: string };
  votes: { answerId: string; userId: string; vote: 1 | -1; h: InteractionHandle }[];
  handles: { what: string; h: InteractionHandle }[];
  mention?: { id: string };
  slash?: InteractionHandle;
}

async function prepareRound(tag: number, retentionDays: number): Promise<Round> {
  const targets = [await answer('Who wrote the article?'), await answer('Who is Ali Larijani?'), await answer('When was the article published?')];
  const reporter = member(tag * 10 + 9);
  const modal = await fake.interact({ type: 'button', customId: buttonId(targets[2]!.reply, (b) => b.label === 'Report'), message: targets[2]!.reply.id, user: reporter }).final();
  const channelId = fake.channelByName(`quiz-${tag}`);
  const posted = fake.waitFor((c) => c.method === 'POST' && c.path === `/channels/${channelId}/messages` && /^Question 1 of/.test(c.body?.embeds?.[0]?.title ?? '') && c.status === 200, 10_000);
  await fake.interact({ type: 'command', name: 'quiz', options: { count: 1, seconds: 600 }, channelId }).final(10_000);
  await posted;
  const message = fake.messagesIn(channelId).find((m) => buttons(m).some((b) => /^fq:a:/.test(b.custom_id)))!;
  const roundId = buttonId(message, (b) => /^fq:a:/.test(b.custom_id)).split(':')[2]!;
  return { tag, retentionDays, targets, modal, reporter, quiz: { roundId, message, channelId }, votes: [], handles: [] };
}

/** Dispatch the whole round at once. */
function dispatch(round: Round): void {
  const { tag, targets } = round;
  for (const [i, target] of targets.slice(0, 2).entries()) {
    for (const [j, vote] of ([1, -1] as const).entries()) {
      const user = member(tag * 10 + i * 2 + j);
      const h = fake.interact({ type: 'button', customId: buttonId(target.reply, (b) => b.custom_id.endsWith(vote === 1 ? ':up' : ':down')), message: target.reply.id, user });
      round.votes.push({ answerId: target.id, userId: user.id, vote, h });
      round.handles.push({ what: `vote ${vote > 0 ? 'up' : 'down'}`, h });
    }
  }
  const add = (what: string, h: InteractionHandle) => (round.handles.push({ what, h }), h);
  add('report', fake.interact({ type: 'modal', customId: round.modal.modal.custom_id, fields: { reason: `Wrong date (round ${tag})` }, message: targets[2]!.reply.id, user: round.reporter }));
  add('quiz answer', fake.interact({ type: 'button', customId: buttonId(round.quiz.message, (b) => /^fq:a:.*:0$/.test(b.custom_id)), message: round.quiz.message.id, channelId: round.quiz.channelId, user: member(tag * 10 + 7) }));
  round.slash = add('/ask', fake.interact({ type: 'command', name: 'ask', options: { question: `Why does Iran rely on militias? (${tag})` }, user: member(tag * 10 + 5) }));
  round.mention = fake.sendMessage({ content: `What does Russia want in Syria? (${tag})`, mentionBot: true, author: member(tag * 10 + 6) });
  add('/config', fake.interact({ type: 'command', name: 'config', options: [{ name: 'retention', type: 1, options: [{ name: 'days', type: 4, value: round.retentionDays }] }], user: owner() }));
  add('/about', fake.interact({ type: 'command', name: 'about' }));
}

/** How each interaction of the round was acknowledged: ms after dispatch and the status Discord gave (404 = too late). */
async function acknowledgements(round: Round) {
  return Promise.all(
    round.handles.map(async ({ what, h }) => {
      const ack = await h.ack(4000).catch(() => undefined);
      return { what, ms: ack ? ack.at - h.dispatchedAt : NaN, status: ack?.status ?? 0, shown: ack?.body?.data?.content as string | undefined };
    }),
  );
}

/** What of the round is missing from the database, checked from a fresh connection. */
async function missingRecords(round: Round): Promise<string[]> {
  const [slash, mention] = await Promise.all([round.slash!.final(4000).catch(() => undefined), replyTo(fake, round.mention!.id, 4000).catch(() => undefined)]);
  return withStore((store) => {
    const missing: string[] = [];
    for (const v of round.votes) if (store.feedback.voteOf(v.answerId, v.userId) !== v.vote) missing.push(`vote ${v.vote > 0 ? 'up' : 'down'} by ${v.userId}`);
    if (!store.feedback.reportsFor(round.targets[2]!.id).some((r) => r.userId === round.reporter.id)) missing.push(`report by ${round.reporter.id}`);
    if (!store.study.answerOf(round.quiz.roundId, 0, member(round.tag * 10 + 7).id)) missing.push('quiz answer');
    const slashId = slash?.embeds?.at(-1)?.footer?.text ? answerIdOf(slash) : undefined;
    if (!slashId || !store.answers.get(slashId)) missing.push(`/ask answer (shown: ${JSON.stringify(slash?.content ?? null)})`);
    const mentionId = mention?.body?.embeds?.at(-1)?.footer?.text ? answerIdOf(mention.body) : undefined;
    if (!mentionId || !store.answers.get(mentionId)) missing.push(`mention answer (shown: ${JSON.stringify(mention?.body?.content ?? null)})`);
    if (store.settings.get(fake.guildId).retentionDays !== round.retentionDays) missing.push(`retention setting ${round.retentionDays}`);
    return missing;
  });
}

const summary = (acks: Awaited<ReturnType<typeof acknowledgements>>) => acks.map((a) => `${a.what} ${Number.isNaN(a.ms) ? 'never' : `${a.ms.toFixed(0)} ms`}${a.status >= 400 ? ` (${a.status})` : ''}${/error id/.test(a.shown ?? '') ? ' [error shown]' : ''}`).join(', ');

test('a write lock held for 1.5 s (under the busy timeout): votes, a report, a quiz answer, questions and a setting made meanwhile are all recorded and acknowledged', async () => {
  const round = await prepareRound(1, 30);
  const lock = holdWriteLock();
  dispatch(round);
  await sleep(1500);
  lock.release();
  const acks = await acknowledgements(round);
  const missing = await missingRecords(round);
  console.log(`# lock held ${lock.heldMs().toFixed(0)} ms; acknowledged: ${summary(acks)}; not recorded: ${missing.join('; ') || 'nothing'}`);
  assert.deepEqual(missing, [], 'recorded once the lock was released');
  assert.deepEqual(acks.filter((a) => !(a.status < 400 && a.ms < 3000)).map((a) => a.what), [], 'every interaction acknowledged within 3 s');
  assert.deepEqual(acks.filter((a) => /error id/.test(a.shown ?? '')).map((a) => a.what), [], 'nobody was shown an error');
});

let long: { round: Round; acks: Awaited<ReturnType<typeof acknowledgements>>; missing: string[]; heldMs: number } | undefined;
async function longLock() {
  if (long) return long;
  const round = await prepareRound(2, 60);
  const lock = holdWriteLock();
  dispatch(round);
  await sleep(7000);
  lock.release();
  const acks = await acknowledgements(round);
  const missing = await missingRecords(round);
  long = { round, acks, missing, heldMs: lock.heldMs() };
  console.log(`# lock held ${long.heldMs.toFixed(0)} ms; acknowledged: ${summary(acks)}; not recorded: ${missing.join('; ') || 'nothing'}`);
  const locked = bot.stderr().split('\n').filter((l) => /SqliteError/.test(l)).length;
  console.log(`# the bot logged ${locked} SqliteError stack(s) (database is locked)`);
  return long;
}

test('a write lock held for 7 s (past the busy timeout): once it is released, nothing the members did is lost', async () => {
  const { missing } = await longLock();
  assert.deepEqual(missing, [], 'everything done during the lock is recorded once it is released');
});

test('a write lock held for 7 s: interactions that arrive meanwhile — even the read-only /about — are still acknowledged within Discord’s 3 s', async () => {
  const { acks } = await longLock();
  assert.deepEqual(acks.filter((a) => !(a.status < 400 && a.ms < 3000)).map((a) => `${a.what}: ${Number.isNaN(a.ms) ? 'never' : `${a.ms.toFixed(0)} ms, ${a.status}`}`), []);
});

test('after the lock, the bot is still up and records normally', async () => {
  assert.ok(bot.running);
  const { reply, id } = await answer('Why was Larijani wearing black?');
  const voted = await fake.interact({ type: 'button', customId: buttonId(reply, (b) => b.custom_id.endsWith(':up')), message: reply.id, user: member(99) }).final(10_000);
  assert.equal(buttons(voted).find((b) => b.custom_id.endsWith(':up')).label, '1');
  assert.equal(await withStore((s) => s.feedback.voteOf(id, member(99).id)), 1);
});
