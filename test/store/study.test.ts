import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { loadCorpus } from '../../src/corpus/load.js';
import { chunkDocument } from '../../src/ingest/chunk.js';
import { DATABASE_FILE, openSqliteStore } from '../../src/store/sqlite.js';
import type { NewRound } from '../../src/store/study.js';
import { buildQuizBank, generateQuiz } from '../../src/study/quiz.js';
import { CORPUS_DIR, tempDir } from '../helpers/engine.js';

const corpus = loadCorpus(CORPUS_DIR);
const bank = buildQuizBank(
  corpus.documents.flatMap((d) => chunkDocument(d)),
  corpus.documents,
);
const questions = generateQuiz(bank, { count: 4, seed: 7 }).questions;

const dirs: { cleanup(): void }[] = [];
after(() => dirs.forEach((d) => d.cleanup()));
function dataDir(): string {
  const d = tempDir('footnote-study-store-');
  dirs.push(d);
  return d.dir;
}

const newRound = (over: Partial<NewRound> = {}): NewRound => ({
  guildId: 'g1',
  channelId: 'c1',
  startedBy: 'u1',
  kind: 'quiz',
  section: null,
  source: 'offline',
  timeLimitMs: 30_000,
  questions,
  ...over,
});

/** Post every question of a round, open for an hour. */
function postAll(store: ReturnType<typeof openSqliteStore>, roundId: string): void {
  const now = Date.now();
  for (const q of store.study.questions(roundId)) store.study.markPosted(roundId, q.position, `m${q.position}`, now, now + 3_600_000);
}

const wrong = (position: number) => (questions[position]!.correctIndex + 1) % questions[position]!.options.length;

test('the study migrations (versions 50–99) create the rounds, questions, answers, scores, sessions and steps tables', () => {
  const dir = dataDir();
  openSqliteStore(dir).close();
  const db = new Database(join(dir, DATABASE_FILE));
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name);
  for (const t of ['quiz_rounds', 'quiz_questions', 'quiz_answers', 'quiz_scores', 'study_sessions', 'study_steps']) assert.ok(tables.includes(t), t);
  const versions = (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version);
  assert.ok(versions.includes(50) && versions.includes(51));
  assert.ok(versions.filter((v) => v >= 50).every((v) => v < 100));
  db.close();
});

test('a round keeps its questions exactly as asked, and they survive a restart', () => {
  const dir = dataDir();
  let store = openSqliteStore(dir);
  const round = store.study.createRound(newRound());
  assert.match(round.id, /^[A-Za-z0-9_-]{11}$/);
  assert.equal(round.questionCount, questions.length);
  assert.equal(round.status, 'running');
  store.study.markPosted(round.id, 0, 'm0', 1000, 31_000);
  store.close();
  store = openSqliteStore(dir);
  const again = store.study.questions(round.id);
  assert.deepEqual(
    again.map((q) => q.question),
    questions,
  );
  assert.deepEqual({ ...again[0]!, question: undefined }, { roundId: round.id, position: 0, question: undefined, messageId: 'm0', postedAt: 1000, deadlineAt: 31_000, revealedAt: null, revealShown: false });
  assert.equal(store.study.runningQuizIn('c1')?.id, round.id);
  assert.equal(store.study.runningQuizIn('elsewhere'), undefined);
  store.close();
});

test('a member answers a question once: the second press returns the first answer, and correctness follows the stored question', () => {
  const store = openSqliteStore(':memory:');
  const round = store.study.createRound(newRound());
  postAll(store, round.id);
  const first = store.study.recordAnswer({ roundId: round.id, position: 0, userId: 'u1', userName: 'Ann', choice: questions[0]!.correctIndex, at: 10 });
  assert.equal(first.outcome, 'recorded');
  assert.equal('answer' in first && first.answer.correct, true);
  const second = store.study.recordAnswer({ roundId: round.id, position: 0, userId: 'u1', userName: 'Ann', choice: wrong(0), at: 11 });
  assert.equal(second.outcome, 'already');
  assert.equal('answer' in second && second.answer.choice, questions[0]!.correctIndex, 'the first answer stands');
  const other = store.study.recordAnswer({ roundId: round.id, position: 0, userId: 'u2', userName: 'Bob', choice: wrong(0), at: 12 });
  assert.equal(other.outcome !== 'closed' && other.answer.correct, false);
  assert.deepEqual(
    store.study.answersTo(round.id, 0).map((a) => [a.userId, a.correct]),
    [
      ['u1', true],
      ['u2', false],
    ],
  );
  assert.throws(() => store.study.recordAnswer({ roundId: round.id, position: 0, userId: 'u3', userName: 'Cy', choice: 9, at: 13 }), /no option 9/);
  store.close();
});

test('answers are refused once a question is past its deadline, revealed, or not yet posted', () => {
  const store = openSqliteStore(':memory:');
  const round = store.study.createRound(newRound());
  store.study.markPosted(round.id, 0, 'm0', 1000, 2000);
  assert.equal(store.study.recordAnswer({ roundId: round.id, position: 0, userId: 'u1', userName: 'Ann', choice: 0, at: 2000 }).outcome, 'closed');
  assert.equal(store.study.recordAnswer({ roundId: round.id, position: 0, userId: 'u1', userName: 'Ann', choice: 0, at: 1999 }).outcome, 'recorded');
  assert.equal(store.study.recordAnswer({ roundId: round.id, position: 1, userId: 'u1', userName: 'Ann', choice: 0, at: 1999 }).outcome, 'closed', 'unposted');
  store.study.markPosted(round.id, 1, 'm1', 1000, null);
  assert.equal(store.study.claimReveal(round.id, 1, 1500), true);
  assert.equal(store.study.claimReveal(round.id, 1, 1600), false, 'a reveal is claimed once');
  assert.equal(store.study.recordAnswer({ roundId: round.id, position: 1, userId: 'u1', userName: 'Ann', choice: 0, at: 1700 }).outcome, 'closed');
  store.close();
});

test('closing a question moves its deadline to now, never later; a round is finished once', () => {
  const store = openSqliteStore(':memory:');
  const round = store.study.createRound(newRound());
  store.study.markPosted(round.id, 0, 'm0', 1000, 50_000);
  store.study.closeQuestion(round.id, 0, 5000);
  assert.equal(store.study.question(round.id, 0)!.deadlineAt, 5000);
  store.study.closeQuestion(round.id, 0, 9000);
  assert.equal(store.study.question(round.id, 0)!.deadlineAt, 5000);
  store.study.markRevealShown(round.id, 0);
  assert.equal(store.study.question(round.id, 0)!.revealShown, true);
  assert.equal(store.study.finishRound(round.id, 10), true);
  assert.equal(store.study.finishRound(round.id, 11), false);
  assert.equal(store.study.getRound(round.id)!.status, 'finished');
  assert.deepEqual(store.study.runningRounds(), []);
  store.close();
});

test('scores add up per member and server; the leaderboard ranks by points, then right answers, then fewer attempts', () => {
  const store = openSqliteStore(':memory:');
  const a = store.study.createRound(newRound());
  const b = store.study.createRound(newRound({ guildId: 'g2', channelId: 'c2' }));
  postAll(store, a.id);
  postAll(store, b.id);
  const answer = (round: string, position: number, user: string, right: boolean, at: number) =>
    store.study.recordAnswer({ roundId: round, position, userId: user, userName: user.toUpperCase(), choice: right ? questions[position]!.correctIndex : wrong(position), at });
  answer(a.id, 0, 'ann', true, 1);
  answer(a.id, 1, 'ann', true, 2);
  answer(a.id, 2, 'ann', false, 3);
  answer(a.id, 0, 'bob', true, 4);
  answer(a.id, 1, 'bob', true, 5);
  answer(a.id, 0, 'cy', true, 6);
  answer(b.id, 0, 'cy', true, 7);
  const board = store.study.leaderboard('g1', 10);
  assert.deepEqual(
    board.map((s) => [s.userId, s.points, s.correct, s.answered]),
    [
      ['bob', 2, 2, 2],
      ['ann', 2, 2, 3],
      ['cy', 1, 1, 1],
    ],
  );
  assert.equal(board[0]!.userName, 'BOB');
  assert.deepEqual(
    store.study.leaderboard('g2', 10).map((s) => [s.userId, s.points]),
    [['cy', 1]],
  );
  assert.equal(store.study.leaderboard('g1', 1).length, 1);
  assert.deepEqual(
    store.study.roundResults(a.id).map((r) => [r.userId, r.correct, r.answered]),
    [
      ['bob', 2, 2],
      ['ann', 2, 3],
      ['cy', 1, 1],
    ],
  );
  store.close();
});

test('a member’s progress lists their score, rank, sections and most recent answers', () => {
  const store = openSqliteStore(':memory:');
  const round = store.study.createRound(newRound());
  postAll(store, round.id);
  for (const [i, q] of questions.entries()) store.study.recordAnswer({ roundId: round.id, position: i, userId: 'ann', userName: 'Ann', choice: i === 0 ? wrong(0) : q.correctIndex, at: 100 + i });
  store.study.recordAnswer({ roundId: round.id, position: 0, userId: 'bob', userName: 'Bob', choice: questions[0]!.correctIndex, at: 50 });
  const p = store.study.progress('g1', 'ann', 2);
  assert.equal(p.score?.points, questions.length - 1);
  assert.equal(p.rank, 1);
  assert.equal(p.members, 2);
  assert.equal(p.rounds, 1);
  assert.equal(p.studySessions, 0);
  assert.deepEqual(p.recent.map((r) => r.position), [questions.length - 1, questions.length - 2], 'most recent first, limited');
  assert.equal(p.recent[0]!.prompt, questions[questions.length - 1]!.prompt);
  const sections = new Map(p.sections.map((s) => [s.section, s]));
  for (const q of questions) assert.ok(sections.has(q.evidence.section));
  assert.equal(
    p.sections.reduce((n, s) => n + s.answered, 0),
    questions.length,
  );
  const nobody = store.study.progress('g1', 'zed');
  assert.equal(nobody.score, undefined);
  assert.equal(nobody.rank, undefined);
  assert.deepEqual(nobody.recent, []);
  store.close();
});

test('forgetMember deletes that member’s answers and score in that server only, and says how many records went', () => {
  const store = openSqliteStore(':memory:');
  const a = store.study.createRound(newRound());
  const b = store.study.createRound(newRound({ guildId: 'g2', channelId: 'c2' }));
  postAll(store, a.id);
  postAll(store, b.id);
  for (const round of [a.id, b.id]) {
    for (const user of ['ann', 'bob']) {
      store.study.recordAnswer({ roundId: round, position: 0, userId: user, userName: user, choice: questions[0]!.correctIndex, at: 1 });
      store.study.recordAnswer({ roundId: round, position: 1, userId: user, userName: user, choice: wrong(1), at: 2 });
    }
  }
  assert.equal(store.study.forgetMember('g1', 'ann'), 3, 'two answers and one score row');
  assert.equal(store.study.score('g1', 'ann'), undefined);
  assert.equal(store.study.answerOf(a.id, 0, 'ann'), undefined);
  assert.deepEqual(
    store.study.leaderboard('g1', 10).map((s) => s.userId),
    ['bob'],
  );
  assert.equal(store.study.score('g2', 'ann')?.answered, 2, 'another server keeps its record');
  assert.equal(store.study.answersTo(a.id, 0).length, 1);
  assert.equal(store.study.forgetMember('g1', 'ann'), 0, 'nothing left to delete');
  // a forgotten member may answer again, from scratch
  store.study.markPosted(a.id, 2, 'm2', 1, Date.now() + 60_000);
  assert.equal(store.study.recordAnswer({ roundId: a.id, position: 2, userId: 'ann', userName: 'ann', choice: questions[2]!.correctIndex, at: 3 }).outcome, 'recorded');
  assert.equal(store.study.score('g1', 'ann')?.points, 1);
  store.close();
});

test('messagesNaming finds the posted messages that show a member, and after forgetMember none is left to find', () => {
  const store = openSqliteStore(':memory:');
  const study = store.study;
  // a quiz Ann started and stopped, with a reveal she answered and one she did not
  const quiz = study.createRound(newRound({ startedBy: 'ann', questions: questions.slice(0, 2) }));
  postAll(store, quiz.id);
  study.markIntroPosted(quiz.id, 'intro1');
  study.recordAnswer({ roundId: quiz.id, position: 0, userId: 'ann', userName: 'Ann', choice: 0, at: 1 });
  study.recordAnswer({ roundId: quiz.id, position: 1, userId: 'bob', userName: 'Bob', choice: 0, at: 2 });
  for (const position of [0, 1]) {
    study.claimReveal(quiz.id, position, 3);
    study.markRevealShown(quiz.id, position);
  }
  assert.equal(study.finishRound(quiz.id, 4, { userId: 'ann', name: 'Ann' }), true);
  study.markSummaryPosted(quiz.id, 'summary1');
  assert.deepEqual([study.getRound(quiz.id)!.endedBy, study.getRound(quiz.id)!.endedByName, study.getRound(quiz.id)!.introMessageId, study.getRound(quiz.id)!.summaryMessageId], ['ann', 'Ann', 'intro1', 'summary1']);
  // a study session Bob started, which Ann moved on; in another server, a quiz Ann started
  const session = study.createSession({ guildId: 'g1', channelId: 'c9', startedBy: 'bob', section: null, lockedRoleId: null, lockedRoleName: null, steps: ['p1', 'p2'], seed: 1 }, { section: null, source: 'offline', timeLimitMs: null });
  study.setSessionThread(session.id, 't9');
  study.markIntroPosted(session.roundId, 't9');
  study.markStepPosted(session.id, 0, undefined, { messageId: 'step0', movedBy: null });
  study.advanceSession(session.id, 0);
  study.markStepPosted(session.id, 1, undefined, { messageId: 'step1', movedBy: 'ann' });
  const elsewhere = study.createRound(newRound({ guildId: 'g2', startedBy: 'ann' }));
  study.markIntroPosted(elsewhere.id, 'intro2');

  assert.deepEqual(study.messagesNaming('g1', 'ann'), {
    reveals: [{ roundId: quiz.id, position: 0 }],
    summaries: [quiz.id],
    intros: [{ channelId: 'c1', messageId: 'intro1' }],
    steps: [{ channelId: 't9', messageId: 'step1' }],
  });
  assert.deepEqual(study.messagesNaming('g1', 'bob'), { reveals: [{ roundId: quiz.id, position: 1 }], summaries: [quiz.id], intros: [{ channelId: 'c9', messageId: 't9' }], steps: [] });

  assert.equal(study.forgetMember('g1', 'ann'), 2, 'one answer and one score row');
  assert.deepEqual(study.messagesNaming('g1', 'ann'), { reveals: [], summaries: [], intros: [], steps: [] });
  const after = study.getRound(quiz.id)!;
  assert.deepEqual([after.endedBy, after.endedByName, after.startedBy], ['ann', null, 'ann'], 'who stopped and started it stay as ids, without the name');
  assert.deepEqual(study.messagesNaming('g2', 'ann').intros, [{ channelId: 'c1', messageId: 'intro2' }], 'another server keeps its record');
  assert.equal(study.messagesNaming('g1', 'bob').intros.length, 1, 'another member keeps theirs');
  store.close();
});

test('a study session keeps its steps, thread and current step; moving on and ending are claimed once', () => {
  const dir = dataDir();
  let store = openSqliteStore(dir);
  const session = store.study.createSession(
    { guildId: 'g1', channelId: 'c1', startedBy: 'mod', section: 'Limits of Convergence', lockedRoleId: 'r1', lockedRoleName: 'Readers', steps: ['p6', 'p7', 'p8'], seed: 5 },
    { section: 'Limits of Convergence', source: 'offline', timeLimitMs: null },
  );
  assert.equal(session.step, 0);
  assert.equal(session.stepPosted, false);
  const round = store.study.getRound(session.roundId)!;
  assert.equal(round.kind, 'study');
  assert.equal(round.sessionId, session.id);
  store.study.setSessionThread(session.id, 't1');
  assert.equal(store.study.getRound(session.roundId)!.channelId, 't1', 'check questions go to the thread');
  const asked = store.study.markStepPosted(session.id, 0, questions[0]);
  assert.equal(asked?.position, 0);
  assert.equal(store.study.markStepPosted(session.id, 0, questions[1]), undefined, 'a step is posted once');
  assert.equal(store.study.advanceSession(session.id, 0), true);
  assert.equal(store.study.advanceSession(session.id, 0), false, 'someone else already moved on');
  store.close();

  store = openSqliteStore(dir);
  const again = store.study.sessionInThread('t1')!;
  assert.deepEqual([again.id, again.step, again.stepPosted, again.steps, again.lockedRoleId, again.lockedRoleName, again.seed], [session.id, 1, false, ['p6', 'p7', 'p8'], 'r1', 'Readers', 5]);
  assert.deepEqual(store.study.runningSessionsIn('c1').map((s) => s.id), [session.id]);
  assert.equal(store.study.markStepPosted(session.id, 1, undefined), undefined, 'a step without a check question adds none');
  assert.equal(store.study.getSession(session.id)!.stepPosted, true);
  assert.equal(store.study.questions(session.roundId).length, 1);
  assert.equal(store.study.endSession(session.id, 'mod', 99), true);
  assert.equal(store.study.endSession(session.id, 'mod', 100), false);
  assert.equal(store.study.getSession(session.id)!.endedAt, 99);
  assert.deepEqual(store.study.runningSessions(), []);
  assert.equal(store.study.advanceSession(session.id, 1), false, 'an ended session does not move');
  store.close();
});
