/**
 * The gateway connection failing under a running bot: the real bot (createBot) and engine against the
 * local fake Discord, whose socket is dropped, asked to reconnect (op 7), or whose session is
 * invalidated. After each, the bot must be back and answer /ask and mentions — once each.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Config } from '../../src/config/index.js';
import type { Bot } from '../../src/discord/bot.js';
import { Engine } from '../../src/engine.js';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.js';
import { tempDir } from '../helpers/engine.js';
import { botConfig, replyTo, repliesTo, sleep, startInProcessBot } from '../helpers/faults.js';

const data = tempDir('footnote-gateway-');
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

/** /ask and a mention, both answered with the right answer, each exactly once. */
async function answersBoth(label: string) {
  const h = fake.interact({ type: 'command', name: 'ask', options: { question: 'Who wrote the article?' } });
  const reply = await h.final(10_000);
  assert.match(reply.embeds?.[0]?.description ?? '', /Alfoneh/, `${label}: /ask answered`);
  assert.equal(h.calls().filter((c) => c.method === 'POST' && c.path.endsWith('/callback')).length, 1, `${label}: acknowledged once`);
  assert.equal(h.calls().filter((c) => c.method === 'PATCH' && c.status === 200).length, 1, `${label}: the answer edited in once`);
  const { id } = fake.sendMessage({ content: 'When was the article published?', mentionBot: true });
  const call = await replyTo(fake, id, 10_000);
  assert.match(call.body.embeds[0].description, /December 10, 2015/, `${label}: the mention answered`);
  await sleep(200);
  assert.equal(repliesTo(fake, id).length, 1, `${label}: the mention answered once`);
  return { ackMs: (await h.ack()).at - h.dispatchedAt };
}

test('before any fault, /ask and a mention are answered', async () => {
  await answersBoth('baseline');
});

test('after the connection drops mid-session, the client resumes and questions asked afterwards are answered', async () => {
  const before = fake.gatewayStats();
  const reconnected = fake.waitForReconnect();
  const dropped = performance.now();
  fake.dropConnections();
  assert.equal(await reconnected, 'resumed');
  const backMs = performance.now() - dropped;
  const stats = fake.gatewayStats();
  assert.equal(stats.resumes, before.resumes + 1);
  assert.equal(stats.identifies, before.identifies, 'no new session was needed');
  console.log(`# dropped socket → resumed in ${backMs.toFixed(0)} ms`);
  await answersBoth('after a drop');
});

test('after an op 7 reconnect request, the client resumes and questions asked afterwards are answered', async () => {
  const before = fake.gatewayStats();
  const reconnected = fake.waitForReconnect();
  const asked = performance.now();
  fake.requestReconnect();
  assert.equal(await reconnected, 'resumed');
  console.log(`# op 7 → resumed in ${(performance.now() - asked).toFixed(0)} ms`);
  assert.equal(fake.gatewayStats().resumes, before.resumes + 1);
  await answersBoth('after op 7');
});

test('a question asked while the connection is down is replayed on resume and answered once', async () => {
  const reconnected = fake.waitForReconnect();
  fake.dropConnections();
  // dispatched into the gap: the fake holds it for the session and replays it on RESUME, as Discord does
  const h = fake.interact({ type: 'command', name: 'ask', options: { question: "What are the two purposes of Russia's air operations in Syria?" } });
  const { id } = fake.sendMessage({ content: 'Who is Ali Larijani?', mentionBot: true });
  assert.equal(await reconnected, 'resumed');
  const reply = await h.final(10_000);
  assert.match(reply.embeds[0].description, /destroy opposition forces/);
  const ackMs = (await h.ack()).at - h.dispatchedAt;
  console.log(`# /ask dispatched during the outage acknowledged ${ackMs.toFixed(0)} ms after dispatch`);
  assert.ok(ackMs < 3000, `acknowledged within Discord's 3 s (${ackMs.toFixed(0)} ms)`);
  assert.deepEqual(fake.unacknowledged().filter((x) => x === h.id), []);
  await replyTo(fake, id, 10_000);
  await sleep(300);
  assert.equal(repliesTo(fake, id).length, 1, 'the replayed mention is answered once');
  assert.equal(h.calls().filter((c) => c.method === 'PATCH' && c.status === 200).length, 1);
});

test('three drops in quick succession still leave one live session that answers', async () => {
  for (let i = 0; i < 3; i++) {
    const reconnected = fake.waitForReconnect();
    fake.dropConnections();
    await reconnected;
    await sleep(100);
  }
  assert.ok(bot.client.isReady());
  await answersBoth('after three drops');
});

test('after the session is invalidated (a clean close), the client identifies afresh and answers', async () => {
  const before = fake.gatewayStats();
  const reconnected = fake.waitForReconnect(20_000);
  const dropped = performance.now();
  fake.dropConnections({ code: 1000, invalidateSessions: true });
  assert.equal(await reconnected, 'identified');
  console.log(`# invalidated session → identified again in ${(performance.now() - dropped).toFixed(0)} ms`);
  assert.equal(fake.gatewayStats().identifies, before.identifies + 1);
  await sleep(200); // GUILD_CREATE reaches the client just after READY
  await answersBoth('after a new session');
  assert.ok(!logs.some((l) => / error /.test(l)), logs.filter((l) => / error /.test(l)).join('\n'));
});
