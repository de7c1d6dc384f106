import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Answer } from '../../src/answer/types.js';
import { MIGRATIONS, migrate } from '../../src/store/migrations.js';
import { DATABASE_FILE, openSqliteStore } from '../../src/store/sqlite.js';
import type { NewAnswer } from '../../src/store/types.js';
import { tempDir } from '../helpers/engine.js';

const dirs: { cleanup(): void }[] = [];
after(() => dirs.forEach((d) => d.cleanup()));
function dataDir(): string {
  const d = tempDir('footnote-store-');
  dirs.push(d);
  return d.dir;
}

const answer: Answer = {
  question: 'Who is Ali Larijani?',
  answer: 'The speaker of the parliament. [1]',
  abstained: false,
  mode: 'extractive',
  citations: [{ n: 1, docId: 'd', title: 'T', file: 'd.txt', passageId: 'd#p1', section: '', paragraph: 1, text: 'speaker', start: 10, end: 17, score: 1 }],
  passages: [],
  timings: { retrieveMs: 1, answerMs: 1, totalMs: 2 },
};
const asked = (over: Partial<NewAnswer> = {}): NewAnswer => ({ userId: 'u1', guildId: 'g1', channelId: 'c1', via: 'slash', question: 'Who is Ali Larijani?', standalone: 'Who is Ali Larijani?', answer, ...over });

test('the store lives in footnote.db in the data folder, in WAL mode, migrated to the latest schema', () => {
  const dir = dataDir();
  const store = openSqliteStore(dir);
  assert.ok(existsSync(join(dir, DATABASE_FILE)));
  assert.equal(store.schemaVersion, MIGRATIONS[MIGRATIONS.length - 1]!.version);
  store.close();
  const db = new Database(join(dir, DATABASE_FILE));
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.deepEqual((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version), MIGRATIONS.map((m) => m.version));
  db.close();
});

test('answers survive a restart with their question, citations and messages', () => {
  const dir = dataDir();
  let store = openSqliteStore(dir);
  const saved = store.answers.record(asked());
  assert.match(saved.id, /^[A-Za-z0-9_-]{11}$/);
  store.answers.attachMessages(saved.id, ['m1', 'm2']);
  store.close();
  store = openSqliteStore(dir);
  const again = store.answers.get(saved.id)!;
  assert.deepEqual(again.answer, answer);
  assert.equal(again.messageId, 'm2', 'the last message carries the buttons');
  assert.equal(store.answers.byMessage('m1')!.id, saved.id);
  assert.equal(store.answers.get('nope'), undefined);
  store.close();
});

test('a vote toggles: the same vote again withdraws it, the other vote replaces it', () => {
  const store = openSqliteStore(':memory:');
  const { id } = store.answers.record(asked());
  assert.deepEqual(store.feedback.setVote(id, 'u1', 1), { vote: 1, tally: { up: 1, down: 0 } });
  assert.deepEqual(store.feedback.setVote(id, 'u2', 1), { vote: 1, tally: { up: 2, down: 0 } });
  assert.deepEqual(store.feedback.setVote(id, 'u1', 1), { vote: 0, tally: { up: 1, down: 0 } });
  assert.deepEqual(store.feedback.setVote(id, 'u2', -1), { vote: -1, tally: { up: 0, down: 1 } });
  assert.equal(store.feedback.voteOf(id, 'u2'), -1);
  assert.equal(store.feedback.voteOf(id, 'u1'), 0);
  store.close();
});

test('a report is recorded once per user and answer', () => {
  const store = openSqliteStore(':memory:');
  const { id } = store.answers.record(asked());
  const first = store.feedback.recordReport({ answerId: id, userId: 'u1', guildId: 'g1', channelId: 'c1', messageId: 'm1' });
  assert.equal(first.created, true);
  assert.equal(first.report.status, 'open');
  const second = store.feedback.recordReport({ answerId: id, userId: 'u1', guildId: 'g1', channelId: 'c1', messageId: 'm1' });
  assert.equal(second.created, false);
  assert.equal(second.report.id, first.report.id);
  store.feedback.recordReport({ answerId: id, userId: 'u2', guildId: 'g1', channelId: 'c1', messageId: 'm1' });
  assert.equal(store.feedback.reportsFor(id).length, 2);
  store.close();
});

test('votes and reports need an answer that exists', () => {
  const store = openSqliteStore(':memory:');
  assert.throws(() => store.feedback.setVote('missing', 'u1', 1), /FOREIGN KEY/);
  store.close();
});

test('a conversation counts its turns and returns the latest ones, oldest first', () => {
  const store = openSqliteStore(':memory:');
  const root = store.answers.record(asked());
  const conversation = store.conversations.open('t1', 'c1', root.id);
  assert.equal(conversation.turns, 1);
  for (const q of ['what about him?', 'and then?', 'why?']) store.answers.record(asked({ question: q, standalone: q, via: 'thread', channelId: 't1', conversationId: 't1' }));
  assert.equal(store.conversations.get('t1')!.turns, 4);
  assert.deepEqual(store.conversations.recentTurns('t1', 2).map((r) => r.question), ['and then?', 'why?']);
  assert.equal(store.conversations.markLimitNotified('t1'), true);
  assert.equal(store.conversations.markLimitNotified('t1'), false);
  assert.equal(store.conversations.get('nope'), undefined);
  store.close();
});

test('migrations run once: reopening applies nothing new, a later migration is applied on top', () => {
  const db = new Database(':memory:');
  const latest = Math.max(...MIGRATIONS.map((m) => m.version));
  assert.equal(migrate(db), latest);
  assert.equal(migrate(db), latest);
  const next = [...MIGRATIONS, { version: latest + 1, name: 'extra', sql: 'CREATE TABLE extra_table (id TEXT PRIMARY KEY)' }];
  assert.equal(migrate(db, next), latest + 1);
  assert.ok(db.prepare("SELECT name FROM sqlite_master WHERE name = 'extra_table'").get());
  db.close();
});

test('a database from a newer Footnote is refused rather than damaged', () => {
  const db = new Database(':memory:');
  migrate(db, [...MIGRATIONS, { version: 999, name: 'future', sql: 'SELECT 1' }]);
  assert.throws(() => migrate(db), /newer Footnote \(schema 999/);
  db.close();
});
