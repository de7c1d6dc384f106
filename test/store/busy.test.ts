import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { FootnoteError } from '../../src/errors.js';
import { BUSY_BREAK_MS, guardWrites } from '../../src/store/busy.js';
import { tempDir } from '../helpers/engine.js';

test('after one write waits in vain for a lock, writes fail at once with a clear message until the break is over, and reads go on', () => {
  const dir = tempDir();
  const path = join(dir.dir, 'x.db');
  const raw = new Database(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('busy_timeout = 50');
  raw.exec('CREATE TABLE t (v INTEGER)');
  let clock = 1_000;
  const db = guardWrites(raw, () => clock);
  const other = new Database(path);
  try {
    other.exec('BEGIN EXCLUSIVE');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    assert.throws(() => insert.run(1), (e: unknown) => e instanceof FootnoteError && e.code === 'STORE_BUSY');
    const started = performance.now();
    assert.throws(() => db.transaction(() => insert.run(2)).immediate(), (e: unknown) => e instanceof FootnoteError && e.code === 'STORE_BUSY');
    assert.ok(performance.now() - started < 40, 'the second write did not wait');
    assert.equal((db.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n, 0, 'reads still work');
    other.exec('COMMIT');
    clock += BUSY_BREAK_MS + 1;
    insert.run(3);
    assert.equal((db.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n, 1);
    assert.equal(db.open, true);
  } finally {
    other.close();
    raw.close();
    dir.cleanup();
  }
});
