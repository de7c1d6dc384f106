/**
 * Hostile and broken input through Discord: thousands of generated inputs (test/helpers/hostile.ts:
 * random Unicode, control, zero-width and right-to-left override characters, 10,000-character
 * texts, Markdown and code-block injection, @everyone, @here, user and role mentions, masked and
 * invite links, prompt injection) sent to the real bot (createBot, in-process) through the local fake
 * Discord as /ask options, mentions and direct messages. Never a crash, never a ping, never a
 * message over Discord's limits, always a reply or a refusal.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Config } from '../../src/config/index.js';
import type { Bot } from '../../src/discord/bot.js';
import { Engine } from '../../src/engine.js';
import { startFakeDiscord, type FakeDiscord, type RecordedCall } from '../helpers/fake-discord.js';
import { tempDir } from '../helpers/engine.js';
import { hostileInputs } from '../helpers/hostile.js';
import { botConfig, discordLimitViolations, messageBody, percentile, pingViolations, replyTo, startInProcessBot } from '../helpers/faults.js';

const COUNT = 1500;
const IN_FLIGHT = 24;
const data = tempDir('footnote-hostile-');
const logs: string[] = [];
const crashes: unknown[] = [];
const onCrash = (reason: unknown) => crashes.push(reason);
let fake: FakeDiscord;
let config: Config;
let engine: Engine;
let bot: Bot;

interface Outcome {
  via: 'slash' | 'mention' | 'dm';
  input: string;
  kind: 'answer' | 'refusal' | 'none';
  ms: number;
  text: string;
}
const outcomes: Outcome[] = [];
let elapsedMs = 0;

before(async () => {
  process.on('unhandledRejection', onCrash);
  process.on('uncaughtException', onCrash);
  fake = await startFakeDiscord();
  config = botConfig(fake, data.dir);
  engine = await Engine.open(config);
  bot = await startInProcessBot(engine, config, logs);
});

after(async () => {
  process.off('unhandledRejection', onCrash);
  process.off('uncaughtException', onCrash);
  await bot?.stop();
  await fake?.close();
  data.cleanup();
});

function classify(body: any): { kind: Outcome['kind']; text: string } {
  if (!body) return { kind: 'none', text: '' };
  if (body.embeds?.length) return { kind: 'answer', text: body.embeds[0].description ?? '' };
  if (typeof body.content === 'string' && body.content.trim()) return { kind: 'refusal', text: body.content };
  return { kind: 'none', text: '' };
}

async function send(input: string, i: number): Promise<Outcome> {
  // blocks of six inputs (one of each kind the generator makes) take turns: every kind reaches every way in
  const via = (['slash', 'mention', 'dm'] as const)[Math.floor(i / 6) % 3]!;
  // different members, so nothing here trips a per-member limit
  const user = { id: `5${String(i % 97).padStart(17, '0')}`, username: `hostile${i % 97}` };
  const started = performance.now();
  if (via === 'slash') {
    const h = fake.interact({ type: 'command', name: 'ask', options: { question: input }, user });
    const final = await h.final(15_000, 0).catch(() => undefined);
    return { via, input, ...classify(final), ms: performance.now() - started };
  }
  // Discord delivers no message that is empty once trimmed; the bot's mention makes any text a message
  const { id } = fake.sendMessage({ content: input, mentionBot: via === 'mention', dm: via === 'dm', author: user });
  const reply = await replyTo(fake, id, 15_000).catch(() => undefined);
  return { via, input, ...classify(reply?.body), ms: performance.now() - started };
}

test(`${COUNT} hostile inputs as /ask options, mentions and DMs each get a reply or a refusal, and the bot stays up`, async () => {
  const inputs = hostileInputs(COUNT, 5).map((input, i) => ({ input, i })).filter(({ input, i }) => Math.floor(i / 6) % 3 !== 2 || input.trim() !== '');
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const { input, i } = inputs[next++]!;
      outcomes.push(await send(input, i));
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  elapsedMs = performance.now() - started;
  const by = (via: string, kind: string) => outcomes.filter((o) => o.via === via && o.kind === kind).length;
  console.log(`# ${outcomes.length} inputs in ${(elapsedMs / 1000).toFixed(1)} s (${(outcomes.length / (elapsedMs / 1000)).toFixed(0)}/s, ${IN_FLIGHT} in flight): ` +
    ['slash', 'mention', 'dm'].map((v) => `${v} ${by(v, 'answer')} answered / ${by(v, 'refusal')} refused / ${by(v, 'none')} nothing`).join('; '));
  console.log(`# reply time p50 ${percentile(outcomes.map((o) => o.ms), 50).toFixed(0)} ms, p99 ${percentile(outcomes.map((o) => o.ms), 99).toFixed(0)} ms`);
  const silent = outcomes.filter((o) => o.kind === 'none');
  assert.deepEqual(silent.slice(0, 5).map((o) => `${o.via}: ${JSON.stringify(o.input.slice(0, 80))}`), [], `${silent.length} inputs got neither a reply nor a refusal`);
  assert.deepEqual(crashes.map(String), [], 'no unhandled rejection or exception');
  assert.ok(bot.client.isReady(), 'still connected');
  const after = await fake.interact({ type: 'command', name: 'ask', options: { question: 'Who wrote the article?' } }).final(10_000);
  assert.match(after.embeds[0].description, /Alfoneh/, 'and still answering');
});

test('every failure was the user’s to fix: no input caused an unexpected error', () => {
  const errors = logs.filter((l) => / error /.test(l));
  assert.deepEqual(errors.slice(0, 3), [], `${errors.length} unexpected errors logged`);
  const generic = outcomes.filter((o) => /error id [0-9a-f]{8}/.test(o.text));
  assert.deepEqual(generic.slice(0, 3).map((o) => `${o.via}: ${JSON.stringify(o.input.slice(0, 80))}`), []);
});

test('refusals are clear: every one says what to do', () => {
  const refusals = outcomes.filter((o) => o.kind === 'refusal');
  assert.ok(refusals.length > 100, `${refusals.length} refusals`);
  const reasons = new Map<string, number>();
  for (const r of refusals) reasons.set(r.text.replace(/\d+/g, 'N').slice(0, 60), (reasons.get(r.text.replace(/\d+/g, 'N').slice(0, 60)) ?? 0) + 1);
  console.log(`# refusals: ${[...reasons].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${n}× “${t}…”`).join(' | ')}`);
  for (const r of refusals) assert.ok(r.text.length >= 20 && /[.?!)"”]$/.test(r.text.trim()), `unclear refusal: ${JSON.stringify(r.text)}`);
});

/** Every message body the bot sent or edited in this run, with the call that carried it. */
function botMessages(): { call: RecordedCall; body: any }[] {
  return fake.calls.map((call) => ({ call, body: messageBody(call) })).filter((x) => x.body !== undefined);
}

/** The bot's own refusal names what it refuses; that sentence is the bot's text, not the user's. */
const OWN_WORDS = 'I don’t answer messages that mention @everyone or @here.';

test('no message the bot sent could ping anyone: allowed_mentions parses nothing, and no user-written mention or masked link appears unescaped', () => {
  const messages = botMessages();
  assert.ok(messages.length >= outcomes.length, `${messages.length} messages checked`);
  const withoutOwnWords = (body: any) => (typeof body.content === 'string' ? { ...body, content: body.content.split(OWN_WORDS).join('') } : body);
  const bad = messages.flatMap(({ call, body }) => pingViolations(withoutOwnWords(body)).map((v) => `${call.method} ${call.path}: ${v}`));
  assert.deepEqual(bad.slice(0, 5), [], `${bad.length} problems`);
});

test('no message the bot sent broke Discord’s limits, and Discord refused none', () => {
  const messages = botMessages();
  const bad = messages.flatMap(({ call, body }) => discordLimitViolations(body).map((v) => `${call.method} ${call.path}: ${v}`));
  assert.deepEqual(bad.slice(0, 5), [], `${bad.length} problems`);
  const refused = fake.calls.filter((c) => c.status >= 400);
  assert.deepEqual(refused.slice(0, 5).map((c) => `${c.method} ${c.path} ${c.status} ${JSON.stringify(c.body).slice(0, 200)}`), []);
  assert.deepEqual(fake.unknownRoutes().map((c) => `${c.method} ${c.path}`), []);
  const largest = Math.max(...messages.map(({ body }) => (body.embeds ?? []).reduce((n: number, e: any) => n + (e.description?.length ?? 0) + (e.title?.length ?? 0) + (e.fields ?? []).reduce((m: number, f: any) => m + f.name.length + f.value.length, 0), 0)));
  console.log(`# ${messages.length} bot messages checked; the largest carried ${largest} embed characters`);
});

test('every interaction was acknowledged within Discord’s 3 s', () => {
  const acks = fake.ackLatencies();
  console.log(`# ${acks.length} interactions acknowledged: p50 ${percentile(acks, 50).toFixed(0)} ms, p99 ${percentile(acks, 99).toFixed(0)} ms, max ${Math.max(...acks).toFixed(0)} ms`);
  assert.deepEqual(fake.unacknowledged(), []);
});
