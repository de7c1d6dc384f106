import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Answer } from '../../src/answer/types.js';
import { DEFAULT_GUILD_SETTINGS } from '../../src/store/moderation.js';
import { DATABASE_FILE, openSqliteStore, type SqliteStore } from '../../src/store/sqlite.js';
import type { NewAnswer } from '../../src/store/types.js';
import { tempDir } from '../helpers/engine.js';

const DAY = 86_400_000;
const dirs: { cleanup(): void }[] = [];
after(() => dirs.forEach((d) => d.cleanup()));
function fresh(): { store: SqliteStore; dir: string; raw: () => Database.Database } {
  const d = tempDir('footnote-modstore-');
  dirs.push(d);
  let raw: Database.Database | undefined;
  return {
    store: openSqliteStore(d.dir),
    dir: d.dir,
    raw: () => {
      raw ??= new Database(join(d.dir, DATABASE_FILE));
      raw.pragma('busy_timeout = 5000');
      return raw;
    },
  };
}

const answer: Answer = {
  question: 'Who wrote the article?',
  answer: 'Ali Alfoneh and Flemming Splidsboel Hansen. [1]',
  abstained: false,
  mode: 'extractive',
  citations: [{ n: 1, docId: 'd', title: 'T', file: 'd.txt', passageId: 'd#p1', section: '', paragraph: 1, text: 'Alfoneh', start: 0, end: 7, score: 1 }],
  passages: [],
  timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 },
};
const asked = (over: Partial<NewAnswer> = {}): NewAnswer => ({ userId: 'u1', guildId: 'g1', channelId: 'c1', via: 'slash', question: 'Who wrote the article?', standalone: 'Who wrote the article?', answer, ...over });
const mod = { userId: 'm1', userName: 'Mona', channelId: 'c-mod' };

test('a server without saved settings gets the defaults', () => {
  const { store } = fresh();
  assert.deepEqual(store.settings.get('g1'), { guildId: 'g1', ...DEFAULT_GUILD_SETTINGS });
  assert.deepEqual(store.settings.saved('g1'), {});
});

test('every settings change is recorded with the old and new value, who, where and when; an unchanged value is not', () => {
  const { store } = fresh();
  const at = Date.UTC(2026, 10, 1);
  const s = store.settings.update('g1', { memberCooldownSeconds: 30, questionChannelIds: ['c9'], replyStyle: 'inline' }, { ...mod, at });
  assert.equal(s.memberCooldownSeconds, 30);
  assert.equal(s.updatedBy, 'm1');
  assert.equal(s.updatedAt, at);
  store.settings.update('g1', { memberCooldownSeconds: 30, llmEnabled: false }, { ...mod, at: at + 1000 });
  const history = store.settings.history('g1');
  assert.deepEqual(
    history.map((h) => [h.setting, h.oldValue, h.newValue, h.userId, h.userName, h.channelId, h.at]),
    [
      ['questionChannelIds', [], ['c9'], 'm1', 'Mona', 'c-mod', at],
      ['memberCooldownSeconds', 0, 30, 'm1', 'Mona', 'c-mod', at],
      ['llmEnabled', true, false, 'm1', 'Mona', 'c-mod', at + 1000],
    ],
  );
  assert.deepEqual(store.settings.saved('g1'), { questionChannelIds: ['c9'], memberCooldownSeconds: 30, llmEnabled: false }, 'a default chosen explicitly is not saved as a change');
  assert.equal(store.settings.history('g1', { from: at + 1, to: at + 2000 }).length, 1);
  assert.equal(store.settings.get('g2').memberCooldownSeconds, 0, 'other servers are untouched');
});

test('settings survive closing and reopening the database', () => {
  const { store, dir } = fresh();
  store.settings.update('g1', { channelDocuments: { c1: ['doc-a'] }, retentionDays: 30, modLogChannelId: 'c-log', moderatorRoleIds: ['r1'] }, mod);
  store.close();
  const again = openSqliteStore(dir);
  const s = again.settings.get('g1');
  assert.deepEqual(s.channelDocuments, { c1: ['doc-a'] });
  assert.equal(s.modLogChannelId, 'c-log');
  assert.deepEqual(s.moderatorRoleIds, ['r1']);
  assert.deepEqual(again.settings.retention(), [{ guildId: 'g1', retentionDays: 30 }]);
  again.close();
});

test('a report is reviewed: posted to the mod log, resolved by a moderator, its actions listed', () => {
  const { store } = fresh();
  const a = store.answers.record(asked());
  const { report } = store.feedback.recordReport({ answerId: a.id, userId: 'u2', guildId: 'g1', channelId: 'c1', messageId: 'm1', reason: 'wrong' });
  store.moderation.setReportModLog(report.id, 'c-log', 'm-log');
  assert.equal(store.moderation.report(report.id)!.status, 'open');
  assert.equal(store.moderation.reports('g1', { status: 'open' }).length, 1);
  const action = store.moderation.recordAction({ guildId: 'g1', action: 'approve', answerId: a.id, reportId: report.id, detail: { reviewedAnswerId: 1 } }, mod);
  assert.equal(action.userName, 'Mona');
  const resolved = store.moderation.resolveReport(report.id, 'approved', { ...mod, at: 42 })!;
  assert.deepEqual(
    [resolved.status, resolved.resolution, resolved.reviewedBy, resolved.reviewedByName, resolved.reviewedAt, resolved.modLogChannelId, resolved.modLogMessageId],
    ['resolved', 'approved', 'm1', 'Mona', 42, 'c-log', 'm-log'],
  );
  assert.deepEqual(store.moderation.reportActions(report.id).map((x) => [x.action, x.detail]), [['approve', { reviewedAnswerId: 1 }]]);
  assert.equal(store.moderation.reports('g1', { status: 'open' }).length, 0);
});

test('reviewed answers keep the moderator, the text and the cited quotes, newest first', () => {
  const { store } = fresh();
  const first = store.moderation.addReviewed({ guildId: 'g1', answerId: 'a1', reportId: 1, question: 'Who wrote it?', kind: 'approved', answerText: 'X [1]', citations: answer.citations }, { ...mod, at: 1 });
  store.moderation.addReviewed({ guildId: 'g1', answerId: 'a2', reportId: 2, question: 'When?', kind: 'corrected', answerText: 'Y [1]', citations: answer.citations }, { ...mod, at: 2 });
  assert.equal(first.moderatorName, 'Mona');
  const list = store.moderation.reviewedAnswers('g1');
  assert.deepEqual(list.map((r) => [r.question, r.kind]), [['When?', 'corrected'], ['Who wrote it?', 'approved']]);
  assert.deepEqual(list[1]!.citations, answer.citations);
  assert.deepEqual(store.moderation.reviewedAnswers('g2'), []);
});

test('blocks are per server; blocking twice updates the reason; unblocking says whether the member was blocked', () => {
  const { store } = fresh();
  assert.equal(store.moderation.block('g1', 'u9', 'spam', mod).created, true);
  const again = store.moderation.block('g1', 'u9', 'more spam', mod);
  assert.equal(again.created, false);
  assert.equal(again.block.reason, 'more spam');
  assert.equal(store.moderation.blockOf('g2', 'u9'), undefined);
  assert.equal(store.moderation.blocks('g1').length, 1);
  assert.equal(store.moderation.unblock('g1', 'u9'), true);
  assert.equal(store.moderation.unblock('g1', 'u9'), false);
  assert.equal(store.moderation.blockOf('g1', 'u9'), undefined);
});

test('the export holds every kind of record between two times, in time order, for that server only', () => {
  const { store, raw } = fresh();
  const a = store.answers.record(asked());
  store.answers.record(asked({ guildId: 'g2' }));
  store.feedback.setVote(a.id, 'u2', 1);
  const { report } = store.feedback.recordReport({ answerId: a.id, userId: 'u2', guildId: 'g1', channelId: 'c1', messageId: 'm1', reason: 'wrong' });
  store.moderation.recordRefusal({ guildId: 'g1', channelId: 'c1', userId: 'u3', via: 'mention', question: '@everyone hi', reason: 'mass-mention' });
  store.moderation.recordAction({ guildId: 'g1', action: 'block', targetUserId: 'u3', detail: { reason: 'spam' } }, mod);
  store.settings.update('g1', { questionsPerMinute: 5 }, mod);
  store.moderation.addReviewed({ guildId: 'g1', answerId: a.id, reportId: report.id, question: a.standalone, kind: 'approved', answerText: a.answer.answer, citations: a.answer.citations }, mod);
  const all = store.moderation.exportRecord('g1', { from: 0, to: Date.now() + 1000 });
  assert.deepEqual([...new Set(all.map((e) => e.kind))].sort(), ['moderator-action', 'question', 'refusal', 'report', 'reviewed-answer', 'settings-change', 'vote']);
  assert.ok(all.every((e, i) => i === 0 || e.at >= all[i - 1]!.at), 'in time order');
  const q = all.find((e) => e.kind === 'question')!;
  assert.deepEqual([q.userId, q.channelId, q.answerId, q.subject], ['u1', 'c1', a.id, 'Who wrote the article?']);
  assert.deepEqual(q.detail.citations, ['d#p1']);
  assert.equal(all.find((e) => e.kind === 'refusal')!.detail.reason, 'mass-mention');
  assert.deepEqual(all.find((e) => e.kind === 'settings-change')!.detail, { from: 0, to: 5 });
  assert.equal(all.filter((e) => e.kind === 'question').length, 1, 'the other server’s question is not in it');
  // a range before everything is empty; moving the answer back in time moves it out of a recent range
  assert.deepEqual(store.moderation.exportRecord('g1', { from: 0, to: 1000 }), []);
  raw().prepare('UPDATE answers SET created_at = ? WHERE id = ?').run(Date.now() - 10 * DAY, a.id);
  const recent = store.moderation.exportRecord('g1', { from: Date.now() - DAY, to: Date.now() + 1000 });
  assert.equal(recent.filter((e) => e.kind === 'question').length, 0);
});

test('the retention purge deletes old questions, answers, votes and refusals of servers with a period, keeping reported ones under review', () => {
  const { store, raw } = fresh();
  store.settings.update('g1', { retentionDays: 30 }, mod);
  const old = store.answers.record(asked());
  const oldReported = store.answers.record(asked());
  const recent = store.answers.record(asked());
  const otherServer = store.answers.record(asked({ guildId: 'g2' }));
  const dm = store.answers.record(asked({ guildId: null }));
  store.feedback.setVote(old.id, 'u2', 1);
  store.feedback.setVote(recent.id, 'u2', -1);
  store.feedback.recordReport({ answerId: oldReported.id, userId: 'u2', guildId: 'g1', channelId: 'c1', messageId: null, reason: 'x' });
  store.moderation.recordRefusal({ guildId: 'g1', channelId: 'c1', userId: 'u3', via: 'slash', question: 'q', reason: 'cooldown' }, Date.now() - 40 * DAY);
  store.moderation.recordRefusal({ guildId: 'g1', channelId: 'c1', userId: 'u3', via: 'slash', question: 'q', reason: 'cooldown' });
  const past = Date.now() - 40 * DAY;
  for (const id of [old.id, oldReported.id, otherServer.id, dm.id]) raw().prepare('UPDATE answers SET created_at = ? WHERE id = ?').run(past, id);
  raw().prepare('UPDATE votes SET updated_at = ? WHERE answer_id = ?').run(past, old.id);

  const counts = store.moderation.purgeExpired();
  assert.deepEqual(counts, { answers: 1, votes: 1, refusals: 1 });
  assert.equal(store.answers.get(old.id), undefined);
  assert.ok(store.answers.get(oldReported.id), 'an answer with an open report waits for the moderators');
  assert.ok(store.answers.get(recent.id));
  assert.ok(store.answers.get(otherServer.id), 'a server without a retention period keeps everything');
  assert.ok(store.answers.get(dm.id), 'direct messages have no server settings');
  assert.deepEqual(store.feedback.getVotes(recent.id), { up: 0, down: 1 });
  assert.deepEqual(store.moderation.purgeExpired(), { answers: 0, votes: 0, refusals: 0 }, 'a second purge finds nothing');
  // once the report is resolved, the old answer goes too (and its report with it)
  const [report] = store.feedback.reportsFor(oldReported.id);
  store.moderation.resolveReport(report!.id, 'approved', mod);
  assert.equal(store.moderation.purgeExpired().answers, 1);
  assert.equal(store.moderation.report(report!.id), undefined);
});

test('forgetting a member deletes their questions, votes, reports and refusals in that server only, with counts', () => {
  const { store } = fresh();
  const mine = store.answers.record(asked({ userId: 'u1' }));
  const theirs = store.answers.record(asked({ userId: 'u2' }));
  const elsewhere = store.answers.record(asked({ userId: 'u1', guildId: 'g2' }));
  const dm = store.answers.record(asked({ userId: 'u1', guildId: null }));
  store.feedback.setVote(theirs.id, 'u1', 1);
  store.feedback.setVote(mine.id, 'u2', 1);
  store.feedback.setVote(elsewhere.id, 'u1', 1);
  store.feedback.recordReport({ answerId: theirs.id, userId: 'u1', guildId: 'g1', channelId: 'c1', messageId: null, reason: 'x' });
  store.feedback.recordReport({ answerId: theirs.id, userId: 'u2', guildId: 'g1', channelId: 'c1', messageId: null, reason: 'y' });
  store.moderation.recordRefusal({ guildId: 'g1', channelId: 'c1', userId: 'u1', via: 'slash', question: 'q', reason: 'cooldown' });

  assert.deepEqual(store.moderation.forgetMember('g1', 'u1'), { questions: 1, votes: 1, reports: 1, refusals: 1 });
  assert.equal(store.answers.get(mine.id), undefined);
  assert.ok(store.answers.get(theirs.id));
  assert.deepEqual(store.feedback.getVotes(theirs.id), { up: 0, down: 0 });
  assert.deepEqual(store.feedback.reportsFor(theirs.id).map((r) => r.userId), ['u2'], 'other members’ reports stay');
  assert.ok(store.answers.get(elsewhere.id), 'another server is untouched');
  assert.equal(store.feedback.voteOf(elsewhere.id, 'u1'), 1);
  assert.ok(store.answers.get(dm.id));
  assert.deepEqual(store.moderation.forgetMember(null, 'u1'), { questions: 1, votes: 0, reports: 0, refusals: 0 }, 'null: the member’s direct messages');
  assert.equal(store.answers.get(dm.id), undefined);
  assert.deepEqual(store.moderation.forgetMember('g1', 'u1'), { questions: 0, votes: 0, reports: 0, refusals: 0 });
});

test('the messages of an answer are listed in order', () => {
  const { store } = fresh();
  const a = store.answers.record(asked());
  store.answers.attachMessages(a.id, ['m3', 'm1', 'm2']);
  assert.deepEqual(store.moderation.answerMessages(a.id), ['m3', 'm1', 'm2']);
});

test('two connections writing at once both get through (WAL, busy timeout)', () => {
  const { store, raw } = fresh();
  const other = raw();
  other.prepare('BEGIN IMMEDIATE').run();
  other.prepare("INSERT INTO blocks (guild_id, user_id, blocked_by, blocked_at) VALUES ('g1', 'u-other', 'm', 0)").run();
  // reads are not blocked by the other connection's write transaction
  assert.equal(store.moderation.blockOf('g1', 'u-other'), undefined);
  other.prepare('COMMIT').run();
  store.moderation.block('g1', 'u-mine', null, mod);
  assert.deepEqual(store.moderation.blocks('g1').map((b) => b.userId).sort(), ['u-mine', 'u-other']);
});
