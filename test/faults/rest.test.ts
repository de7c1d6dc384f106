/**
 * Discord's REST API failing under the bot: 429 with retry_after, 500 and 502 on the routes answers
 * travel by — the interaction callback, the edit of the deferred reply, follow-ups, and channel
 * messages (replies to mentions). Each is retried and the answer arrives exactly once, which is
 * checked by counting the calls the local fake Discord recorded.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Answer, Citation } from '../../src/answer/types.js';
import type { Config } from '../../src/config/index.js';
import type { Bot } from '../../src/discord/bot.js';
import { Engine } from '../../src/engine.js';
import { startFakeDiscord, type FailResponse, type FakeDiscord, type RecordedCall } from '../helpers/fake-discord.js';
import { ARTICLE_FILE, CORPUS_DIR, tempDir } from '../helpers/engine.js';
import { botConfig, replyTo, repliesTo, sleep, startInProcessBot } from '../helpers/faults.js';

const source = readFileSync(join(CORPUS_DIR, ARTICLE_FILE), 'utf8');
const data = tempDir('footnote-rest-');
const logs: string[] = [];
let fake: FakeDiscord;
let config: Config;
let engine: Engine;
let bot: Bot;

before(async () => {
  fake = await startFakeDiscord();
  config = botConfig(fake, data.dir);
  engine = await Engine.open(config);
  bot = await startInProcessBot(engine, config, logs);
});

after(async () => {
  await bot?.stop();
  await fake?.close();
  data.cleanup();
});

const statuses = (calls: RecordedCall[]) => calls.map((c) => c.status);
const patches = (calls: RecordedCall[]) => calls.filter((c) => c.method === 'PATCH');
const channelPosts = (channelId: string) => (c: RecordedCall) => c.method === 'POST' && c.path === `/channels/${channelId}/messages`;

/** The messages in the channel that carry the answer with this id (in its footer). */
function messagesOfAnswer(channelId: string, answerId: string) {
  return fake.messagesIn(channelId).filter((m) => (m.embeds ?? []).some((e: any) => e.footer?.text?.endsWith(`answer ${answerId}`)));
}
const answerIdOf = (message: any) => /answer ([\w-]+)$/.exec(message.embeds.at(-1).footer.text)![1]!;

for (const [name, failure, wait] of [
  ['a 429 with retry_after', { status: 429, retryAfter: 0.4 }, 400],
  ['a 500', { status: 500 }, 0],
  ['a 502', { status: 502 }, 0],
  ['two 502s in a row', { status: 502, times: 2 }, 0],
] as [string, FailResponse, number][]) {
  test(`${name} on the edit that carries an /ask answer is retried and the answer delivered once`, async () => {
    fake.failNext({ method: 'PATCH', pathIncludes: '/messages/@original' }, failure);
    const h = fake.interact({ type: 'command', name: 'ask', options: { question: 'Who is Ali Larijani?' } });
    const reply = await h.final(10_000);
    const tries = patches(h.calls());
    const failures = failure.times ?? 1;
    assert.deepEqual(statuses(tries), [...Array(failures).fill(failure.status), 200]);
    if (wait) assert.ok(tries[1]!.at - tries[0]!.at >= wait, `waited ${(tries[1]!.at - tries[0]!.at).toFixed(0)} ms of retry_after ${wait} ms`);
    assert.match(reply.embeds[0].description, /Larijani/);
    assert.equal(h.followUps().length, 0, 'no follow-up repeats it');
    assert.equal(messagesOfAnswer(fake.channelId, answerIdOf(reply)).length, 1, 'one message carries the answer');
    console.log(`# ${name} on PATCH @original: ${statuses(tries).join(' → ')}, delivered ${(tries.at(-1)!.at - h.dispatchedAt).toFixed(0)} ms after dispatch`);
  });
}

for (const [name, failure] of [
  ['a 500', { status: 500 }],
  ['a 429 with retry_after', { status: 429, retryAfter: 0.3 }],
] as const) {
  test(`${name} on the interaction callback (the deferral) is retried: acknowledged once, answered once`, async () => {
    fake.failNext({ method: 'POST', pathIncludes: '/callback' }, failure);
    const h = fake.interact({ type: 'command', name: 'ask', options: { question: 'When was the article published?' } });
    const reply = await h.final(10_000);
    const callbacks = h.calls().filter((c) => c.path.endsWith('/callback'));
    assert.deepEqual(statuses(callbacks), [failure.status, 204]);
    const ackMs = callbacks[1]!.at - h.dispatchedAt;
    assert.ok(ackMs < 3000, `acknowledged ${ackMs.toFixed(0)} ms after dispatch`);
    assert.match(reply.embeds[0].description, /December 10, 2015/);
    assert.deepEqual(statuses(patches(h.calls())), [200]);
    assert.equal(messagesOfAnswer(fake.channelId, answerIdOf(reply)).length, 1);
  });
}

for (const [name, failure, wait] of [
  ['a 429 with retry_after', { status: 429, retryAfter: 0.4 }, 400],
  ['a 500', { status: 500 }, 0],
  ['a 502', { status: 502 }, 0],
] as const) {
  test(`${name} on the channel message route is retried and the reply to a mention is delivered once`, async () => {
    const since = fake.calls.length;
    fake.failNext({ method: 'POST', pathIncludes: `/channels/${fake.channelId}/messages` }, failure);
    const { id } = fake.sendMessage({ content: 'Who wrote the article?', mentionBot: true });
    const reply = await replyTo(fake, id, 10_000);
    await sleep(300);
    const posts = fake.calls.slice(since).filter(channelPosts(fake.channelId));
    assert.deepEqual(statuses(posts), [failure.status, 200]);
    if (wait) assert.ok(posts[1]!.at - posts[0]!.at >= wait);
    assert.match(reply.body.embeds[0].description, /Alfoneh/);
    assert.equal(repliesTo(fake, id).length, 1, 'one reply');
    assert.equal(fake.messagesIn(fake.channelId).filter((m) => m.message_reference?.message_id === id).length, 1, 'one message in the channel');
  });
}

test('a 502 on a follow-up of a long, split answer is retried and every part arrives once, in order', async () => {
  // Every sentence of the article, each cited: more than one message holds.
  const citations: Citation[] = [];
  for (const chunk of engine.index.chunks) {
    for (const s of chunk.sentences) {
      citations.push({ n: citations.length + 1, docId: chunk.docId, title: 'The Twisted Tehran-Moscow Axis', file: ARTICLE_FILE, passageId: chunk.id, section: chunk.section, paragraph: chunk.paragraph, text: source.slice(s.start, s.end), start: s.start, end: s.end, score: 1 });
    }
  }
  const long: Answer = { question: 'everything', answer: citations.map((c) => `${c.text} [${c.n}]`).join(' '), abstained: false, mode: 'extractive', citations, passages: [], timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 } };
  const original = engine.ask;
  engine.ask = async () => long;
  try {
    fake.failNext({ method: 'POST', pathIncludes: `/webhooks/${fake.applicationId}/` }, { status: 502 });
    fake.failNext({ method: 'POST', pathIncludes: `/webhooks/${fake.applicationId}/` }, { status: 429, retryAfter: 0.3 });
    const h = fake.interact({ type: 'command', name: 'ask', options: { question: 'Tell me everything the article says.' } });
    await h.final(15_000, 500);
    const followUps = h.followUps();
    const delivered = followUps.filter((c) => c.status === 200);
    assert.ok(delivered.length >= 1, 'the answer needed follow-ups');
    assert.deepEqual(statuses(followUps), [502, 429, ...delivered.map(() => 200)]);
    // every sentence shows up exactly once across the edit and the follow-ups
    const bodies = [patches(h.calls()).find((c) => c.status === 200)!.body, ...delivered.map((c) => c.body)];
    const quoted = bodies.flatMap((b) => b.embeds.flatMap((e: any) => (e.fields ?? []).map((f: any) => f.name))).filter((n: string) => /^\[\d+\]/.test(n));
    assert.equal(quoted.length, citations.length, 'each source once');
    assert.deepEqual(quoted.map((n: string) => Number(/^\[(\d+)\]/.exec(n)![1])), citations.map((c) => c.n), 'in order');
  } finally {
    engine.ask = original;
  }
});

test('when Discord keeps failing past the retries, the asker is told with an error id, the answer is never sent twice, and the bot carries on', async () => {
  // discord.js retries a 5xx three times; a fourth failure reaches the bot
  fake.failNext({ method: 'PATCH', pathIncludes: '/messages/@original' }, { status: 502, times: 4 });
  const h = fake.interact({ type: 'command', name: 'ask', options: { question: 'Who is Ali Larijani?' } });
  const shown = await h.final(10_000, 400);
  const tries = patches(h.calls());
  console.log(`# four 502s on PATCH @original: ${statuses(tries).join(' → ')}; then shown: ${JSON.stringify(shown.content ?? shown.embeds?.[0]?.description?.slice(0, 60))}`);
  assert.deepEqual(statuses(tries).slice(0, 4), [502, 502, 502, 502]);
  const ok = tries.filter((c) => c.status === 200);
  assert.equal(ok.length, 1, 'exactly one message ends up on the deferred reply');
  assert.ok(/error id [0-9a-f]{8}/.test(shown.content ?? '') || /Larijani/.test(shown.embeds?.[0]?.description ?? ''), `the asker sees the answer or an error id: ${JSON.stringify(shown)}`);
  assert.equal(h.followUps().filter((c) => c.status === 200).length, 0, 'no second copy as a follow-up');
  const after = fake.interact({ type: 'command', name: 'ask', options: { question: 'Who wrote the article?' } });
  assert.match((await after.final(10_000)).embeds[0].description, /Alfoneh/);
});

test('no fault made the bot send a message Discord refused, or leave an interaction unacknowledged', () => {
  const refused = fake.calls.filter((c) => c.status >= 400 && c.status !== 429 && c.status < 500);
  assert.deepEqual(refused.map((c) => `${c.method} ${c.path} ${c.status} ${JSON.stringify(c.body).slice(0, 100)}`), []);
  assert.deepEqual(fake.unacknowledged(), []);
});
