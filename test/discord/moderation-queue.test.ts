/**
 * The questions-per-minute budget under a burst, through the local fake Discord: every question is
 * answered, in the order asked, none lost; the ones over the budget are told their place. The
 * budget's window is shortened (rateWindowMs) so a "minute" passes in a fraction of a second.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readConfig, type Config } from '../../src/config/index.js';
import { createBot, type Bot } from '../../src/discord/bot.js';
import { createLogger } from '../../src/discord/log.js';
import { Engine } from '../../src/engine.js';
import { startFakeDiscord, type FakeDiscord, type InteractionHandle, type RecordedCall } from '../helpers/fake-discord.js';
import { CORPUS_DIR, tempDir } from '../helpers/engine.js';

const WINDOW_MS = 250;
const data = tempDir('footnote-queue-');
let fake: FakeDiscord;
let config: Config;
let bot: Bot;
let questions: string;
const logs: string[] = [];

before(async () => {
  fake = await startFakeDiscord({ guildChannels: [{ name: 'questions' }] });
  questions = fake.channelByName('questions');
  config = readConfig({
    DISCORD_TOKEN: 'fake-bot-token',
    DISCORD_API_URL: fake.apiBase,
    FOOTNOTE_CORPUS_DIR: CORPUS_DIR,
    FOOTNOTE_DATA_DIR: data.dir,
    FOOTNOTE_MESSAGE_CONTENT: 'true',
  });
  const engine = await Engine.open(config);
  bot = await createBot(engine, config, config.discord!, { log: createLogger(config, (l) => logs.push(l)), moderation: { rateWindowMs: WINDOW_MS, positionUpdateMs: 2 * WINDOW_MS } });
  await bot.start();
});

after(async () => {
  await bot?.stop();
  await fake?.close();
  data.cleanup();
});

const QUESTIONS = ['Who wrote the article?', 'Who is Ali Larijani?', 'Why does Iran rely on militias?', 'When was the article published?', "What are the two purposes of Russia's air operations in Syria?"];

async function setRate(perMinute: number) {
  const reply = await fake.interact({ type: 'command', name: 'config', user: { id: fake.owner.id }, options: [{ name: 'rate', type: 1, options: [{ name: 'questions-per-minute', type: 4, value: perMinute }] }] }).final();
  assert.match(reply.content, perMinute === 1 ? /^At most 1 question a minute is answered here/ : perMinute ? new RegExp(`^At most ${perMinute} questions a minute are answered here`) : /without a per-minute limit/);
}

/** The edit that put the answer in place (the one with embeds). */
const answerEdit = (h: InteractionHandle): RecordedCall | undefined => h.calls().find((c) => c.method === 'PATCH' && c.status === 200 && c.body?.embeds?.length);
const noticeEdits = (h: InteractionHandle): string[] => h.calls().filter((c) => c.method === 'PATCH' && c.status === 200 && !c.body?.embeds?.length && c.body?.content).map((c) => c.body.content);

test('30 questions at once with a budget of 3 per window: all answered, in the order asked, none lost, the waiting ones told their place', async () => {
  const LIMIT = 3;
  const N = 30;
  await setRate(LIMIT);
  // when each question takes its slot in the budget, as the queue grants it (on the clock it keeps its window with)
  const slots: number[] = [];
  bot.context.moderation.queue.onStart = (key, at) => {
    if (key === fake.guildId) slots.push(at);
  };
  const t0 = performance.now();
  const handles = Array.from({ length: N }, (_, i) =>
    fake.interact({ type: 'command', name: 'ask', user: { id: `90000000000000${String(i).padStart(4, '0')}`, username: `asker${i}` }, options: { question: `${QUESTIONS[i % QUESTIONS.length]!} (${i})` } }),
  );
  const dispatched = performance.now() - t0; // the fake runs in this process: the bot sees nothing until all 30 are sent
  await Promise.all(handles.map((h) => fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(h.token) && c.status === 200 && c.body?.embeds?.length > 0, 20_000)));
  const replies = await Promise.all(handles.map((h) => h.final(5000, 20)));
  const total = performance.now() - t0;

  // none lost: every question has its answer, each stored once
  const ids = replies.map((r) => /answer ([\w-]+)$/.exec(r.embeds.at(-1).footer.text)![1]!);
  assert.equal(new Set(ids).size, N);
  for (const [i, id] of ids.entries()) assert.equal(bot.context.store.answers.get(id)!.question, `${QUESTIONS[i % QUESTIONS.length]!} (${i})`);
  assert.ok(replies.every((r) => !r.content), 'the queue notice was replaced by the answer');

  // in order: each answer lands after the one asked before it
  const at = handles.map((h) => answerEdit(h)!.at);
  for (let i = 1; i < N; i++) assert.ok(at[i]! >= at[i - 1]!, `answer ${i} (${(at[i]! - t0).toFixed(0)} ms) came before answer ${i - 1} (${(at[i - 1]! - t0).toFixed(0)} ms)`);

  // the budget held: no window saw more than LIMIT questions start
  bot.context.moderation.queue.onStart = undefined;
  assert.equal(slots.length, N);
  const made = slots.map((x) => x - slots[0]!);
  for (let i = LIMIT; i < N; i++) assert.ok(made[i]! - made[i - LIMIT]! >= WINDOW_MS - 1, `questions ${i - LIMIT} and ${i} started only ${(made[i]! - made[i - LIMIT]!).toFixed(0)} ms apart`);

  // places: the first LIMIT did not wait; each later one was told its place first, and it only went down
  for (let i = 0; i < LIMIT; i++) assert.deepEqual(noticeEdits(handles[i]!), [], `question ${i} did not wait`);
  let updated = 0;
  for (let i = LIMIT; i < N; i++) {
    const told = noticeEdits(handles[i]!).map((t) => (/next in the queue/.test(t) ? 1 : Number(/number (\d+) in the queue/.exec(t)![1])));
    assert.equal(told[0], i - LIMIT + 1, `question ${i} was first told place ${i - LIMIT + 1}, not ${told[0]}`);
    assert.ok(told.every((p, j) => j === 0 || p < told[j - 1]!), `question ${i}: places ${told.join(' → ')}`);
    if (told.length > 1) updated++;
  }
  assert.ok(updated >= (N - LIMIT) / 2, `only ${updated} waiting questions saw their place go down`);

  const acks = handles.map((h) => h.calls().find((c) => c.path.endsWith('/callback'))!.at - h.dispatchedAt);
  const edits = handles.reduce((n, h) => n + noticeEdits(h).length, 0);
  console.log(
    `# queue burst: ${N} questions at ${LIMIT} per ${WINDOW_MS} ms: last started at ${made[N - 1]!.toFixed(0)} ms (budget allows ${(Math.ceil(N / LIMIT) - 1) * WINDOW_MS} ms), ` +
      `all delivered in ${total.toFixed(0)} ms; dispatching the burst took ${dispatched.toFixed(0)} ms; ${edits} queue notices and updates; acks p50 ${[...acks].sort((a, b) => a - b)[Math.floor(N / 2)]!.toFixed(1)} ms, max ${Math.max(...acks).toFixed(1)} ms`,
  );
  // acknowledged at once, queued or not, well inside Discord's 3 s (fake.unacknowledged below). The figures
  // are for the first burst after start-up, with the fake Discord, the bot and the answers in one process
  // and 30 HTTP connections being opened; a warm burst acknowledges in tens of ms.
  assert.ok(Math.max(...acks) < 1500, `slowest acknowledgement ${Math.max(...acks)} ms`);
  assert.ok(total >= (Math.ceil(N / LIMIT) - 1) * WINDOW_MS * 0.9, `too fast for the budget: ${total} ms`);
  assert.deepEqual(fake.unacknowledged(), []);
});

test('questions by message over the budget get a notice with their place, which becomes the answer', async () => {
  const set = await fake.interact({ type: 'command', name: 'config', user: { id: fake.owner.id }, options: [{ name: 'question-channel', type: 1, options: [{ name: 'action', type: 3, value: 'add' }, { name: 'channel', type: 7, value: questions }] }] }).final();
  assert.match(set.content, /is now a question/);
  await setRate(2);
  await new Promise((r) => setTimeout(r, WINDOW_MS + 20)); // a fresh window
  const sent = ['Who wrote the article?', 'Who is Ali Larijani?', 'When was the article published?', 'Why does Iran rely on militias?', 'Who wrote the article?'].map((content, i) =>
    fake.sendMessage({ content: `${content} #${i}`, channelId: questions, author: { id: `91000000000000000${i}`, username: `writer${i}` } }),
  );
  const replies: any[] = [];
  for (const { id } of sent) {
    await fake.waitFor(() => {
      const m = fake.messagesIn(questions).find((x) => x.message_reference?.message_id === id);
      return Boolean(m?.embeds?.length);
    }, 10_000);
    replies.push(fake.messagesIn(questions).find((x) => x.message_reference?.message_id === id));
  }
  // the first two were answered at once; the others first replied with their place, then that reply became the answer
  for (const [i, { id }] of sent.entries()) {
    const first = fake.calls.find((c) => c.method === 'POST' && c.body?.message_reference?.message_id === id)!;
    if (i < 2) assert.ok(first.body.embeds?.length, `message ${i} answered at once`);
    else {
      assert.match(first.body.content, i === 2 ? /next in the queue/ : new RegExp(`number ${i - 1} in the queue`));
      assert.ok(fake.calls.some((c) => c.method === 'PATCH' && c.path.endsWith(`/messages/${replies[i].id}`) && c.body?.embeds?.length), `message ${i}: its notice became the answer`);
      assert.equal(replies[i].content, '', 'the notice text is gone');
    }
  }
  const answeredAt = replies.map((r) => fake.calls.filter((c) => (c.method === 'POST' || c.method === 'PATCH') && c.body?.embeds?.length && (c.path.endsWith(`/messages/${r.id}`) || c.body?.message_reference?.message_id === r.message_reference.message_id)).at(-1)!.at);
  for (let i = 1; i < answeredAt.length; i++) assert.ok(answeredAt[i]! >= answeredAt[i - 1]!, 'answered in order');
});

test('messages and a slash command asked in one burst take their places in the queue in the order they came', async () => {
  await setRate(1);
  await new Promise((r) => setTimeout(r, WINDOW_MS + 20)); // a fresh window
  const sent = ['Who wrote the article?', 'Who is Ali Larijani?'].map((content, i) =>
    fake.sendMessage({ content: `${content} (burst ${i})`, channelId: questions, author: { id: `93000000000000000${i}`, username: `burst${i}` } }),
  );
  const slash = fake.interact({ type: 'command', name: 'ask', user: { id: '930000000000000009', username: 'burst9' }, options: { question: 'When was the article published?' } });
  const answered = async (id: string) => {
    const call = await fake.waitFor((c) => (c.method === 'POST' || c.method === 'PATCH') && c.status === 200 && c.body?.embeds?.length > 0 && (c.body?.message_reference?.message_id === id || c.path.endsWith(`/messages/${fake.messagesIn(questions).find((m) => m.message_reference?.message_id === id)?.id}`)), 10_000);
    return call.at;
  };
  const [first, second] = await Promise.all(sent.map((m) => answered(m.id)));
  await fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(slash.token) && c.status === 200 && c.body?.embeds?.length > 0, 10_000);
  const last = answerEdit(slash)!.at;
  assert.ok(first! <= second! && second! <= last, `answered at ${[first, second, last].map((t) => t!.toFixed(0)).join(', ')}: the slash command, asked last, went ahead`);
  assert.match(noticeEdits(slash)[0] ?? '', /number 2 in the queue/, 'the slash command was told it waits behind the second message');
});

test('with no budget nothing waits', async () => {
  await setRate(0);
  const handles = Array.from({ length: 10 }, (_, i) => fake.interact({ type: 'command', name: 'ask', options: { question: `${QUESTIONS[i % 5]!}` } }));
  await Promise.all(handles.map((h) => h.final(10_000)));
  for (const h of handles) assert.deepEqual(noticeEdits(h), []);
  assert.equal(bot.context.moderation.queue.waiting(fake.guildId), 0);
});

test('on shutdown, questions still waiting are told to ask again and the bot stops promptly', async () => {
  await setRate(1);
  await new Promise((r) => setTimeout(r, WINDOW_MS + 20));
  const handles = Array.from({ length: 4 }, (_, i) => fake.interact({ type: 'command', name: 'ask', user: { id: `92000000000000000${i}`, username: `late${i}` }, options: { question: QUESTIONS[i]! } }));
  await Promise.all(handles.slice(1).map((h) => fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(h.token) && /in the queue/.test(c.body?.content ?? ''))));
  const started = performance.now();
  await bot.stop();
  const took = performance.now() - started;
  const finals = await Promise.all(handles.map((h) => h.final()));
  assert.ok(finals[0].embeds.length, 'the question already started was answered');
  for (const f of finals.slice(1)) assert.match(f.content, /Footnote is restarting, so your question was not answered\. Please ask again/);
  assert.ok(took < 2000, `stopped in ${took.toFixed(0)} ms`);
  assert.ok(logs.some((l) => /shutting down .*finished=true/.test(l)));
});
