import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Answer } from '../../src/answer/types.js';
import { FootnoteError } from '../../src/errors.js';
import { guardWrites, isBusyError, isStoreBusy, STORE_BUSY_MESSAGE, WriteQueue } from '../../src/store/busy.js';
import { BUSY_TIMEOUT_MS, DATABASE_FILE, openSqliteStore } from '../../src/store/sqlite.js';
import { tempDir } from '../helpers/engine.js';

const dirs: { cleanup(): void }[] = [];
after(() => dirs.forEach((d) => d.cleanup()));
function dataDir(): string {
  const d = tempDir('footnote-busy-');
  dirs.push(d);
  return d.dir;
}

const busy = () => new FootnoteError('STORE_BUSY', STORE_BUSY_MESSAGE);
const storeBusy = (e: unknown) => e instanceof FootnoteError && e.code === 'STORE_BUSY' && e.message === STORE_BUSY_MESSAGE;

/** A clock and timers moved by hand. */
function fakeTime() {
  let now = 0;
  const timers: { at: number; fn: () => void }[] = [];
  return {
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      const t = { at: now + ms, fn };
      timers.push(t);
      return t;
    },
    clearTimer: (t: unknown) => timers.splice(timers.indexOf(t as (typeof timers)[0]), 1),
    /** the waits asked for so far */
    waits: [] as number[],
    /** run the next timer; its wait is kept in `waits` */
    async next() {
      timers.sort((a, b) => a.at - b.at);
      const t = timers.shift();
      if (!t) return false;
      this.waits.push(t.at - now);
      now = t.at;
      t.fn();
      await new Promise((r) => setImmediate(r));
      return true;
    },
    get pending() {
      return timers.length;
    },
  };
}

test('the busy errors: SQLite’s busy and locked codes; STORE_BUSY is the one to retry', () => {
  for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED', 'SQLITE_LOCKED_SHAREDCACHE']) assert.ok(isBusyError(Object.assign(new Error('x'), { code })), code);
  for (const code of ['SQLITE_CONSTRAINT', 'SQLITE_BUSYNESS', undefined]) assert.ok(!isBusyError(Object.assign(new Error('x'), { code })), String(code));
  assert.ok(isStoreBusy(busy()));
  assert.ok(!isStoreBusy(new FootnoteError('NOT_FOUND', 'x')));
});

test('after one write waits in vain for a lock, writes fail at once (busy timeout 0) while reads go on; the first that lands brings the timeout back', () => {
  const path = join(dataDir(), 'x.db');
  const raw = new Database(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('busy_timeout = 200');
  raw.exec('CREATE TABLE t (v INTEGER)');
  const db = guardWrites(raw);
  const other = new Database(path);
  try {
    other.exec('BEGIN EXCLUSIVE');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    let started = performance.now();
    assert.throws(() => insert.run(1), storeBusy);
    assert.ok(performance.now() - started >= 150, 'the first write waited the busy timeout');
    assert.equal(raw.pragma('busy_timeout', { simple: true }), 0);
    started = performance.now();
    assert.throws(() => db.transaction(() => insert.run(2)).immediate(), storeBusy);
    assert.throws(() => insert.run(3), storeBusy);
    assert.ok(performance.now() - started < 100, 'the next writes did not wait');
    assert.equal((db.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n, 0, 'reads still work');
    other.exec('COMMIT');
    insert.run(4);
    assert.equal(raw.pragma('busy_timeout', { simple: true }), 200, 'the busy timeout is back');
    assert.deepEqual(db.prepare('SELECT v FROM t').all(), [{ v: 4 }]);
  } finally {
    other.close();
    raw.close();
  }
});

test('a write that lands at once resolves without waiting; other errors settle at once and hold nothing up', async () => {
  const time = fakeTime();
  const queue = new WriteQueue(time);
  let waited = false;
  assert.equal(await queue.save(() => 'written', () => (waited = true)), 'written');
  assert.equal(waited, false);
  await assert.rejects(queue.save(() => assert.fail('constraint')), /constraint/);
  assert.equal(queue.size, 0);
  assert.equal(time.pending, 0);
});

test('writes that meet a busy database wait in order, retried with a back-off, and all land once it is free: a vote pressed twice ends withdrawn', async () => {
  const time = fakeTime();
  const queue = new WriteQueue(time);
  let locked = true;
  let vote = 0;
  const attempts: string[] = [];
  const write = (name: string, fn: () => void) => () => {
    attempts.push(name);
    if (locked) throw busy();
    fn();
    return name;
  };
  const toggle = () => (vote = vote === 1 ? 0 : 1);
  const told: string[] = [];
  const saved = [
    queue.save(write('up', toggle), () => told.push('up waits')),
    queue.save(write('up again', toggle), () => told.push('up again waits')),
    queue.save(write('other', () => {}), () => told.push('other waits')),
  ];
  assert.deepEqual(attempts, ['up'], 'only the first is tried while the others wait behind it');
  assert.deepEqual(told, ['up waits', 'up again waits', 'other waits']);
  for (let i = 0; i < 6; i++) await time.next();
  assert.deepEqual(time.waits, [100, 200, 400, 800, 1000, 1000], 'the back-off doubles up to 1 s');
  assert.equal(queue.size, 3);
  locked = false;
  await time.next();
  assert.deepEqual(await Promise.all(saved), ['up', 'up again', 'other']);
  assert.equal(vote, 0, 'pressed twice: withdrawn');
  assert.deepEqual(attempts.slice(-3), ['up', 'up again', 'other'], 'landed in the order asked');
  assert.equal(time.pending, 0, 'nothing left to retry');
  // a later write is tried at once again, and the back-off starts over
  assert.equal(await queue.save(write('later', () => {})), 'later');
});

test('a write still waiting at its deadline is given up with the clear STORE_BUSY message; the writes after it carry on', async () => {
  const time = fakeTime();
  const queue = new WriteQueue({ ...time, deadlineMs: 5000 });
  let locked = true;
  const write = (name: string) => () => {
    if (locked) throw busy();
    return name;
  };
  const first = queue.save(write('first'));
  first.catch(() => {});
  while (time.now() < 3000) await time.next();
  const second = queue.save(write('second'));
  while (time.now() < 5000) await time.next();
  await assert.rejects(first, storeBusy);
  assert.equal(queue.size, 1);
  locked = false;
  await time.next();
  assert.equal(await second, 'second');
});

test('closing gives up the waiting writes (never confirmed, so nothing confirmed is lost) and refuses new ones', async () => {
  const time = fakeTime();
  const queue = new WriteQueue(time);
  const waiting = queue.save(() => {
    throw busy();
  });
  queue.close();
  await assert.rejects(waiting, storeBusy);
  await assert.rejects(queue.save(() => 'late'), storeBusy);
  assert.equal(time.pending, 0);
});

const answer: Answer = { question: 'q', answer: 'a', abstained: false, mode: 'extractive', citations: [], passages: [], timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 } };

test('a lock held past the busy timeout by another program: the bot waits for it once, and every change saved meanwhile lands, whole and in order, once it is released', async () => {
  const dir = dataDir();
  const store = openSqliteStore(dir, { writes: { firstDelayMs: 20, maxDelayMs: 50 } });
  const other = new Database(join(dir, DATABASE_FILE));
  try {
    const asked = store.answers.record({ userId: 'u1', guildId: 'g1', channelId: 'c1', via: 'slash', question: 'q', standalone: 'q', answer });
    other.exec('BEGIN EXCLUSIVE');
    let started = performance.now();
    const waits: string[] = [];
    const first = store.save(() => store.feedback.setVote(asked.id, 'u2', 1), () => waits.push('vote'));
    const blockedMs = performance.now() - started;
    assert.ok(blockedMs >= BUSY_TIMEOUT_MS * 0.9 && blockedMs < BUSY_TIMEOUT_MS + 1000, `the first write waited the busy timeout, once (${blockedMs.toFixed(0)} ms)`);
    started = performance.now();
    const rest = [
      store.save(() => store.feedback.setVote(asked.id, 'u2', 1), () => waits.push('withdrawn')),
      store.save(() => store.feedback.setVote(asked.id, 'u3', -1)),
      // one transaction: a report and the moderator's action land together or not at all
      store.save(() => {
        const { report } = store.feedback.recordReport({ answerId: asked.id, userId: 'u4', guildId: 'g1', channelId: 'c1', messageId: null, reason: 'wrong' });
        store.moderation.resolveReport(report.id, 'approved', { userId: 'm1' });
        return report.id;
      }),
      store.save(() => store.settings.update('g1', { retentionDays: 30 }, { userId: 'm1' })),
    ];
    assert.ok(performance.now() - started < 100, 'the writes after it did not wait on the main thread');
    assert.deepEqual(waits, ['vote', 'withdrawn']);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(store.feedback.getVotes(asked.id), { up: 0, down: 0 }, 'nothing landed while the lock is held');
    other.exec('COMMIT');
    await Promise.all([first, ...rest]);
    assert.equal(store.feedback.voteOf(asked.id, 'u2'), 0, 'voted and withdrawn, in that order');
    assert.equal(store.feedback.voteOf(asked.id, 'u3'), -1);
    assert.deepEqual(store.feedback.reportsFor(asked.id).map((r) => [r.userId, r.status]), [['u4', 'resolved']]);
    assert.equal(store.settings.get('g1').retentionDays, 30);
  } finally {
    other.close();
    store.close();
  }
});

test('a change that fails for another reason inside `save` is rolled back whole, not retried', async () => {
  const store = openSqliteStore(':memory:');
  try {
    await assert.rejects(
      store.save(() => {
        store.settings.update('g1', { retentionDays: 30 }, { userId: 'm1' });
        throw new FootnoteError('BAD_ARGUMENT', 'Nothing was changed.');
      }),
      /Nothing was changed/,
    );
    assert.equal(store.settings.get('g1').retentionDays, 0);
  } finally {
    store.close();
  }
});
