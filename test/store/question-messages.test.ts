import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Answer } from '../../src/answer/types.js';
import { MIGRATIONS, migrate } from '../../src/store/migrations.js';
import { DATABASE_FILE, openSqliteStore } from '../../src/store/sqlite.js';
import type { NewAnswer } from '../../src/store/types.js';
import { tempDir } from '../helpers/engine.js';

const dirs: { cleanup(): void }[] = [];
after(() => dirs.forEach((d) => d.cleanup()));

const answerTo = (question: string, passageId: string): Answer => ({
  question,
  answer: `An answer to ${question} [1]`,
  abstained: false,
  mode: 'extractive',
  citations: [{ n: 1, docId: 'd', title: 'T', file: 'd.txt', passageId, section: '', paragraph: 1, text: 'x', start: 0, end: 1, score: 1 }],
  passages: [],
  timings: { retrieveMs: 1, answerMs: 1, totalMs: 2 },
});
const asked = (over: Partial<NewAnswer> = {}): NewAnswer => ({
  userId: 'u1',
  guildId: 'g1',
  channelId: 'c1',
  via: 'mention',
  question: 'Who is Ali Larijani?',
  standalone: 'Who is Ali Larijani?',
  answer: answerTo('Who is Ali Larijani?', 'd#p1'),
  questionMessageId: 'q1',
  ...over,
});

test('an answer is found by the question message it answers, after a restart too; /ask answers have none', () => {
  const dir = tempDir('footnote-store-');
  dirs.push(dir);
  let store = openSqliteStore(dir.dir);
  const saved = store.answers.record(asked());
  const slash = store.answers.record(asked({ via: 'slash', questionMessageId: undefined }));
  assert.equal(saved.questionMessageId, 'q1');
  assert.equal(slash.questionMessageId, null);
  store.close();
  store = openSqliteStore(dir.dir);
  assert.equal(store.answers.byQuestionMessage('q1')?.id, saved.id);
  assert.equal(store.answers.byQuestionMessage('nope'), undefined);
  assert.equal(store.answers.get(slash.id)?.questionMessageId, null);
  store.close();
});

test('a revised answer keeps its id and messages, takes the new question and answer, and loses the old votes', () => {
  const store = openSqliteStore(':memory:');
  const saved = store.answers.record(asked());
  store.answers.attachMessages(saved.id, ['m1']);
  store.feedback.setVote(saved.id, 'u2', 1);
  const revised = store.answers.revise(saved.id, { question: 'What did Putin say?', standalone: 'What did Putin say?', answer: answerTo('What did Putin say?', 'd#p13') })!;
  assert.equal(revised.id, saved.id);
  assert.equal(revised.question, 'What did Putin say?');
  assert.equal(revised.answer.citations[0]!.passageId, 'd#p13');
  assert.equal(revised.messageId, 'm1');
  assert.equal(revised.createdAt, saved.createdAt, 'still dated when first asked');
  assert.deepEqual(store.feedback.getVotes(saved.id), { up: 0, down: 0 });
  assert.equal(store.answers.byMessage('m1')?.question, 'What did Putin say?');
  const exported = store.moderation.exportRecord('g1', { from: 0, to: Date.now() }).find((e) => e.answerId === saved.id)!;
  assert.equal(exported.subject, 'What did Putin say?', 'the moderation record shows the question as answered now');
  assert.equal(store.answers.revise('nope', { question: 'x', standalone: 'x', answer: answerTo('x', 'd#p1') }), undefined);
  store.close();
});

test('attaching messages replaces the ones before: a shorter answer leaves no stale link', () => {
  const store = openSqliteStore(':memory:');
  const saved = store.answers.record(asked());
  store.answers.attachMessages(saved.id, ['m1', 'm2', 'm3']);
  store.answers.attachMessages(saved.id, ['m1', 'm4']);
  assert.deepEqual(store.moderation.answerMessages(saved.id), ['m1', 'm4']);
  assert.equal(store.answers.get(saved.id)?.messageId, 'm4');
  assert.equal(store.answers.byMessage('m2'), undefined);
  store.close();
});

test('removing an answer takes its votes, message links and a conversation opened on it', () => {
  const store = openSqliteStore(':memory:');
  const saved = store.answers.record(asked());
  store.answers.attachMessages(saved.id, ['m1']);
  store.feedback.setVote(saved.id, 'u2', -1);
  store.conversations.open('m1', 'c1', saved.id);
  assert.equal(store.answers.remove(saved.id), true);
  assert.equal(store.answers.get(saved.id), undefined);
  assert.equal(store.answers.byMessage('m1'), undefined);
  assert.equal(store.answers.byQuestionMessage('q1'), undefined);
  assert.equal(store.conversations.get('m1'), undefined);
  assert.deepEqual(store.feedback.getVotes(saved.id), { up: 0, down: 0 });
  assert.equal(store.answers.remove(saved.id), false);
  store.close();
});

test('a DM follow-up of an edited question looks only before that question', () => {
  const store = openSqliteStore(':memory:');
  const first = store.answers.record(asked({ channelId: 'dm', guildId: null, questionMessageId: 'q1' }));
  const second = store.answers.record(asked({ channelId: 'dm', guildId: null, questionMessageId: 'q2', question: 'why?' }));
  assert.equal(store.answers.latestByUser('dm', 'u1', 0)?.id, second.id);
  assert.equal(store.answers.latestByUser('dm', 'u1', 0, second.createdAt + 1)?.id, second.id);
  const before = store.answers.latestByUser('dm', 'u1', 0, second.createdAt);
  assert.ok(before === undefined || before.id === first.id, 'the edited question itself is not what it follows up');
  store.close();
});

test('a database from before the link (schema up to 44) gains it, its answers without a question message', () => {
  const dir = tempDir('footnote-store-');
  dirs.push(dir);
  const db = new Database(join(dir.dir, DATABASE_FILE));
  migrate(db, MIGRATIONS.filter((m) => m.version < 45));
  db.prepare(`INSERT INTO answers (id, created_at, user_id, guild_id, channel_id, via, question, standalone, answer_json, abstained, mode)
    VALUES ('old', 1, 'u1', 'g1', 'c1', 'mention', 'q', 'q', ?, 0, 'extractive')`).run(JSON.stringify(answerTo('q', 'd#p1')));
  db.close();
  const store = openSqliteStore(dir.dir);
  assert.equal(store.answers.get('old')?.questionMessageId, null);
  assert.ok(store.schemaVersion >= 45);
  store.close();
});
