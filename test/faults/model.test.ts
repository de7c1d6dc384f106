/**
 * The model provider failing under the bot: the real bot (createBot) with an Engine whose LLM
 * answerer talks to the local OpenAI-compatible server, which times out, answers 429/500/502, or
 * returns malformed output. The offline (extractive) answer must go out instead, with the notice
 * visible in the Discord message, acknowledged at once and delivered well inside the 15-minute
 * interaction window — through /ask and through a mention.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createLlmAnswerer } from '../../src/answer/llm.js';
import type { Config } from '../../src/config/index.js';
import type { Bot } from '../../src/discord/bot.js';
import { Engine } from '../../src/engine.js';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.js';
import { startFakeOpenAI, type ChatReply, type FakeOpenAI } from '../helpers/fake-openai.js';
import { tempDir } from '../helpers/engine.js';
import { botConfig, percentile, pingViolations, replyTo, repliesTo, sleep, startInProcessBot } from '../helpers/faults.js';

const TIMEOUT_MS = 400;
/** the answerer's own bound on a call, retries included (src/answer/llm.ts) */
const CALL_BOUND_MS = TIMEOUT_MS * 2 + 1000;
const API_KEY = 'sk-fault-test-0123456789';
const QUESTION = 'How do Russia and Iran divide the labor in Syria between air and ground?';
const data = tempDir('footnote-model-');
const logs: string[] = [];
let fake: FakeDiscord;
let openai: FakeOpenAI;
let config: Config;
let engine: Engine;
let bot: Bot;
const deliveredMs: number[] = [];
const acks: number[] = [];

before(async () => {
  fake = await startFakeDiscord();
  openai = await startFakeOpenAI();
  config = botConfig(fake, data.dir, { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: openai.baseURL, FOOTNOTE_LLM_TIMEOUT_MS: String(TIMEOUT_MS), FOOTNOTE_LLM_RETRIES: '0' });
  const llm = await createLlmAnswerer(config);
  assert.ok(llm, 'a model answerer is configured');
  engine = await Engine.open(config, { llm });
  bot = await startInProcessBot(engine, config, logs);
});

after(async () => {
  await bot?.stop();
  await fake?.close();
  await openai?.close();
  data.cleanup();
});

const chatCalls = () => openai.requests.filter((r) => r.path.includes('/chat/completions')).length;

async function askSlash(question = QUESTION) {
  const h = fake.interact({ type: 'command', name: 'ask', options: { question } });
  const reply = await h.final(15_000, 200);
  const ack = await h.ack();
  const edit = h.calls().find((c) => c.method === 'PATCH' && c.status === 200)!;
  deliveredMs.push(edit.at - h.dispatchedAt);
  return { reply, ackMs: ack.at - h.dispatchedAt, deliveredMs: edit.at - h.dispatchedAt, body: edit.body };
}

test('with the model answering, the answer is the model’s and says so', async () => {
  openai.queueChat('Russia conducts air operations while Iran provides the boots on the ground [1].');
  const { reply } = await askSlash();
  assert.match(reply.embeds[0].description, /boots on the ground/);
  assert.match(reply.embeds.at(-1).footer.text, /^Written by the language model/);
  assert.doesNotMatch(reply.embeds[0].description, /could not answer/);
});

for (const [name, failure, reason] of [
  ['times out', { delayMs: 5_000 }, /timed out/],
  ['answers 429', { status: 429, retryAfter: null }, /rate limited, HTTP 429/],
  ['answers 500', { status: 500 }, /server error, HTTP 500/],
  ['answers 502', { status: 502 }, /server error, HTTP 502/],
  ['returns malformed JSON', { raw: '{"choices": [' }, /malformed/],
  ['returns a reply with no valid citation', 'Iran and Russia are old friends [7].', /no sentence was backed/],
  ['returns an empty reply', '', /malformed output: empty reply/],
] as [string, ChatReply, RegExp][]) {
  test(`when the model ${name}, /ask gets the offline answer at once, marked as such in the message`, async () => {
    const calls = chatCalls();
    openai.queueChat(failure);
    const { reply, ackMs, deliveredMs } = await askSlash();
    assert.equal(chatCalls(), calls + 1, 'the model was asked');
    const d: string = reply.embeds[0].description;
    assert.match(d, /^\*The language model could not answer: /, 'the notice leads the answer');
    assert.match(d, reason);
    assert.match(d, /This is the offline answer\.\*/);
    assert.match(d, /division of labor|boots on the ground|air operations/, 'the offline answer follows');
    assert.match(d, /\[1\]/, 'still cited');
    assert.match(reply.embeds.at(-1).footer.text, /^Offline answer: sentences quoted from the corpus/);
    assert.ok(reply.embeds[0].fields.some((f: any) => /^\[1\]/.test(f.name)), 'with its sources');
    acks.push(ackMs);
    assert.ok(ackMs < 3000, `acknowledged in ${ackMs.toFixed(0)} ms, inside Discord's 3 s`);
    assert.ok(deliveredMs < CALL_BOUND_MS + 1000, `delivered ${deliveredMs.toFixed(0)} ms after the question (the 15-minute window is 900000 ms)`);
    assert.ok(!JSON.stringify(reply).includes(API_KEY));
  });
}

test('when the model fails, a mention gets the offline answer as a reply with the notice', async () => {
  openai.queueChat({ status: 503 });
  const { id } = fake.sendMessage({ content: QUESTION, mentionBot: true });
  const started = performance.now();
  const call = await replyTo(fake, id, 10_000);
  const ms = call.at - started;
  assert.match(call.body.embeds[0].description, /^\*The language model could not answer: server error, HTTP 503\. This is the offline answer\.\*/);
  assert.match(call.body.embeds[0].description, /division of labor|boots on the ground|air operations/);
  assert.ok(ms < CALL_BOUND_MS + 1000, `replied in ${ms.toFixed(0)} ms`);
  assert.ok(fake.calls.some((c) => c.method === 'POST' && c.path === `/channels/${fake.channelId}/typing`), 'typing was shown while the model was asked');
  await sleep(200);
  assert.equal(repliesTo(fake, id).length, 1);
});

test('a model that hangs far past the timeout does not hold up other questions', async () => {
  openai.queueChat({ delayMs: 20_000 });
  const slow = fake.interact({ type: 'command', name: 'ask', options: { question: QUESTION } });
  await sleep(50);
  // a metadata question never goes to the model, and must not wait behind the hanging call
  const quick = fake.interact({ type: 'command', name: 'ask', options: { question: 'Who wrote the article?' } });
  const quickReply = await quick.final(5_000);
  assert.match(quickReply.embeds[0].description, /Alfoneh/);
  const quickMs = quick.calls().find((c) => c.method === 'PATCH')!.at - quick.dispatchedAt;
  assert.ok(quickMs < TIMEOUT_MS, `answered in ${quickMs.toFixed(0)} ms while the model hung`);
  const slowReply = await slow.final(10_000);
  assert.match(slowReply.embeds[0].description, /timed out/);
});

test('a model reply that tries to ping or smuggle a link is shown escaped and pings nobody', async () => {
  openai.queueChat('@everyone Russia conducts air operations [1]. <@123456789012345678> says [click](https://evil.example) Iran provides the ground forces [2].');
  const { body } = await askSlash();
  assert.deepEqual(pingViolations(body), []);
});

test('when a retry is allowed, a model 500 followed by an answer gives the model’s answer', async () => {
  // the client's back-off before its retry is about a second, so this answerer gets a longer bound
  const retrying = await createLlmAnswerer({ llm: { apiKey: API_KEY, baseURL: openai.baseURL, model: 'gpt-4o-mini', timeoutMs: 2000, retries: 1 } });
  const original = (engine as any).llm;
  (engine as any).llm = retrying; // the same engine, the answerer the operator would get with FOOTNOTE_LLM_RETRIES=1
  try {
    openai.queueChat({ status: 500 }, 'Russia conducts air operations while Iran provides the boots on the ground [1].');
    const { reply } = await askSlash();
    assert.match(reply.embeds.at(-1).footer.text, /^Written by the language model/, reply.embeds[0].description);
    assert.doesNotMatch(reply.embeds[0].description, /could not answer/);
  } finally {
    (engine as any).llm = original;
  }
});

test('model failures are logged without the API key, and the bot stays up', () => {
  console.log(`# during model faults: acknowledged within ${Math.max(...acks).toFixed(0)} ms, answers delivered p50 ${percentile(deliveredMs, 50).toFixed(0)} ms, max ${Math.max(...deliveredMs).toFixed(0)} ms after the question (model timeout ${TIMEOUT_MS} ms)`);
  assert.ok(!logs.join('\n').includes(API_KEY));
  assert.ok(bot.client.isReady());
  assert.ok(!logs.some((l) => / error unexpected/.test(l)), logs.join('\n'));
});
