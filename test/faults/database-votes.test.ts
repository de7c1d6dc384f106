/**
 * Votes while another program holds the database's write lock, with the bot in-process against the
 * local fake Discord and a short give-up deadline: a press is acknowledged (a deferred update) as
 * soon as its vote has to wait, the counts change only once the vote landed, and a vote that never
 * could land is refused privately — the answer message itself is left as it was.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Bot } from '../../src/discord/bot.js';
import { Engine } from '../../src/engine.js';
import { STORE_BUSY_MESSAGE } from '../../src/store/busy.js';
import { DATABASE_FILE, openSqliteStore } from '../../src/store/sqlite.js';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.js';
import { tempDir } from '../helpers/engine.js';
import { botConfig, sleep, startInProcessBot } from '../helpers/faults.js';

const data = tempDir('footnote-db-votes-');
const logs: string[] = [];
let fake: FakeDiscord;
let bot: Bot;

before(async () => {
  fake = await startFakeDiscord();
  const config = botConfig(fake, data.dir);
  const engine = await Engine.open(config);
  bot = await startInProcessBot(engine, config, logs, { store: openSqliteStore(data.dir, { writes: { deadlineMs: 4000, firstDelayMs: 50, maxDelayMs: 200 } }) });
});

after(async () => {
  await bot?.stop();
  await fake?.close();
  data.cleanup();
});

/** BEGIN EXCLUSIVE from a second connection, as a backup script would. */
function holdWriteLock(): () => void {
  const db = new Database(join(data.dir, DATABASE_FILE));
  db.exec('BEGIN EXCLUSIVE');
  return () => {
    if (!db.open) return;
    db.exec('COMMIT');
    db.close();
  };
}

const member = { id: '700000000000000042', username: 'member42' };
const buttons = (message: any): any[] => (message?.components ?? []).flatMap((r: any) => r.components);
const upLabel = (message: any) => buttons(message).find((b) => b.custom_id.endsWith(':up'))?.label as string | undefined;

async function answer() {
  const reply = await fake.interact({ type: 'command', name: 'ask', options: { question: 'Who wrote the article?' } }).final(10_000);
  const up = buttons(reply).find((b) => b.custom_id.endsWith(':up'))!.custom_id as string;
  return { reply, up, answerId: up.split(':')[2]! };
}

test('a vote pressed twice while the database is busy: each press is acknowledged, and once the lock goes the vote is withdrawn and the button says so', async () => {
  const { reply, up, answerId } = await answer();
  const release = holdWriteLock();
  try {
    const first = fake.interact({ type: 'button', customId: up, message: reply.id, user: member });
    assert.equal((await first.ack(5000)).body.type, 6, 'a deferred update: the vote waits');
    const second = fake.interact({ type: 'button', customId: up, message: reply.id, user: member });
    assert.equal((await second.ack(5000)).body.type, 6);
    await sleep(300);
    assert.equal(bot.context.store.feedback.voteOf(answerId, member.id), 0, 'nothing recorded yet');
    assert.equal(first.calls().filter((c) => c.method === 'PATCH').length, 0, 'and nothing shown');
    release();
    await second.final(5000);
    assert.equal(bot.context.store.feedback.voteOf(answerId, member.id), 0, 'voted, then withdrawn');
    const shown = (h: typeof first) => upLabel(h.calls().find((c) => c.method === 'PATCH' && c.status === 200)?.body);
    assert.deepEqual([shown(first), shown(second)], ['1', '0'], 'each press shows the count its vote left');
  } finally {
    release();
  }
});

test('a vote that cannot land before its deadline is refused privately with the clear message, and the answer message keeps its embeds and buttons', async () => {
  const { reply, up, answerId } = await answer();
  const release = holdWriteLock();
  try {
    const press = fake.interact({ type: 'button', customId: up, message: reply.id, user: member });
    assert.equal((await press.ack(5000)).body.type, 6);
    const told = await fake.waitFor((c) => c.method === 'POST' && c.path.includes(press.token) && c.status === 200, 10_000);
    assert.equal(told.body.content, STORE_BUSY_MESSAGE);
    assert.equal(told.body.flags & 64, 64, 'only the presser sees it');
    assert.equal(press.calls().filter((c) => c.method === 'PATCH').length, 0, 'the answer message was not edited');
    const message = fake.message(reply.id);
    assert.deepEqual(message.embeds, reply.embeds);
    assert.equal(upLabel(message), '0');
  } finally {
    release();
  }
  assert.equal(bot.context.store.feedback.voteOf(answerId, member.id), 0);
  // the database is free again: the next press lands at once and updates the message itself
  const again = fake.interact({ type: 'button', customId: up, message: reply.id, user: member });
  assert.equal((await again.ack()).body.type, 7);
  assert.equal(upLabel(await again.final()), '1');
});
