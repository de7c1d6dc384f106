import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Answer } from '../../src/answer/types.js';
import { ModerationRuntime } from '../../src/discord/moderation/runtime.js';
import { DATABASE_FILE, openSqliteStore } from '../../src/store/sqlite.js';
import { tempDir } from '../helpers/engine.js';

const dir = tempDir('footnote-runtime-');
after(() => dir.cleanup());

const answer = { question: 'q', answer: 'a', abstained: true, mode: 'extractive', citations: [], passages: [], timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 } } as Answer;

test('the retention purge runs at start-up and then on its timer, logging what it deleted, until stopped', async () => {
  const store = openSqliteStore(dir.dir);
  const raw = new Database(join(dir.dir, DATABASE_FILE));
  const old = () => {
    const a = store.answers.record({ userId: 'u', guildId: 'g', channelId: 'c', via: 'slash', question: 'q', standalone: 'q', answer });
    raw.prepare('UPDATE answers SET created_at = ? WHERE id = ?').run(Date.now() - 10 * 86_400_000, a.id);
    return a.id;
  };
  store.settings.update('g', { retentionDays: 7 }, { userId: 'm' });
  const first = old();
  const lines: string[] = [];
  const log = { info: (m: string, f?: object) => lines.push(`${m} ${JSON.stringify(f)}`), warn: (m: string) => lines.push(m), error: () => {} };
  const runtime = new ModerationRuntime(store, log, { purgeIntervalMs: 40 });
  await runtime.start();
  assert.equal(store.answers.get(first), undefined, 'purged at start-up');
  assert.deepEqual(lines, ['retention purge {"answers":1,"votes":0,"refusals":0}']);
  const second = old();
  await new Promise((r) => setTimeout(r, 120));
  assert.equal(store.answers.get(second), undefined, 'purged by the timer');
  runtime.stop();
  const third = old();
  await new Promise((r) => setTimeout(r, 120));
  assert.ok(store.answers.get(third), 'nothing runs after stop');
  raw.close();
  store.close();
  await runtime.purge();
  assert.match(lines.at(-1)!, /retention purge failed/, 'a failing purge is logged, not thrown');
});

test('a purge that meets a lock held elsewhere waits for it without blocking, then lands', async () => {
  const here = tempDir('footnote-runtime-lock-');
  const store = openSqliteStore(here.dir, { writes: { firstDelayMs: 20, maxDelayMs: 50 } });
  const raw = new Database(join(here.dir, DATABASE_FILE));
  try {
    const a = store.answers.record({ userId: 'u', guildId: 'g', channelId: 'c', via: 'slash', question: 'q', standalone: 'q', answer });
    raw.prepare('UPDATE answers SET created_at = ? WHERE id = ?').run(Date.now() - 10 * 86_400_000, a.id);
    store.settings.update('g', { retentionDays: 7 }, { userId: 'm' });
    const lines: string[] = [];
    const runtime = new ModerationRuntime(store, { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), error: () => {} });
    raw.exec('BEGIN EXCLUSIVE');
    const purged = runtime.purge();
    await new Promise((r) => setTimeout(r, 1200));
    assert.ok(store.answers.get(a.id), 'nothing is deleted while the lock is held');
    assert.deepEqual(lines, [], 'and nothing failed');
    raw.exec('COMMIT');
    await purged;
    assert.equal(store.answers.get(a.id), undefined, 'purged once the lock is released');
    assert.deepEqual(lines, ['retention purge']);
  } finally {
    raw.close();
    store.close();
    here.cleanup();
  }
});

test('cooldowns are remembered per member and server, and across a restart from the stored questions', () => {
  const here = tempDir('footnote-cooldown-');
  const store = openSqliteStore(here.dir);
  try {
    const runtime = new ModerationRuntime(store, { info() {}, warn() {}, error() {} });
    runtime.noteAsked('g1', 'u', 1000);
    assert.equal(runtime.lastAskedAt('g1', 'u'), 1000);
    assert.equal(runtime.lastAskedAt('g2', 'u'), undefined);
    assert.equal(runtime.lastAskedAt('g1', 'v'), undefined);

    // the bot restarts: a new runtime, nothing noted, and the member's answered question is still stored
    const asked = store.answers.record({ userId: 'v', guildId: 'g1', channelId: 'c', via: 'slash', question: 'q', standalone: 'q', answer });
    const restarted = new ModerationRuntime(store, { info() {}, warn() {}, error() {} });
    assert.equal(restarted.lastAskedAt('g1', 'v'), asked.createdAt);
    assert.equal(restarted.lastAskedAt('g2', 'v'), undefined, 'another server’s cooldown is its own');
    restarted.noteAsked('g1', 'v', asked.createdAt + 5);
    assert.equal(restarted.lastAskedAt('g1', 'v'), asked.createdAt + 5);
  } finally {
    store.close();
    here.cleanup();
  }
});
