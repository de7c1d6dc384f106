import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { QuizQuestion } from '../study/quiz.js';
import type {
  AnswerHistoryItem,
  AnswerOutcome,
  MemberProgress,
  MemberMessages,
  MemberScore,
  NewRound,
  NewStudySession,
  QuizAnswer,
  QuizRound,
  RoundEnder,
  RoundKind,
  RoundQuestion,
  RoundResult,
  RoundSource,
  SectionTally,
  StudySession,
  StudyStore,
} from './study.js';

interface RoundRow {
  id: string;
  guild_id: string;
  channel_id: string;
  started_by: string;
  kind: RoundKind;
  section: string | null;
  source: RoundSource;
  time_limit_ms: number | null;
  session_id: string | null;
  status: QuizRound['status'];
  created_at: number;
  finished_at: number | null;
  question_count: number;
  intro_message_id: string | null;
  summary_message_id: string | null;
  ended_by: string | null;
  ended_by_name: string | null;
}

interface QuestionRow {
  round_id: string;
  position: number;
  question_json: string;
  message_id: string | null;
  posted_at: number | null;
  deadline_at: number | null;
  revealed_at: number | null;
  reveal_shown: number;
}

interface AnswerRow {
  round_id: string;
  position: number;
  guild_id: string;
  user_id: string;
  user_name: string;
  choice: number;
  correct: number;
  answered_at: number;
}

interface ScoreRow {
  guild_id: string;
  user_id: string;
  user_name: string;
  points: number;
  answered: number;
  correct: number;
  last_answered_at: number;
}

interface SessionRow {
  id: string;
  guild_id: string;
  channel_id: string;
  thread_id: string | null;
  started_by: string;
  section: string | null;
  locked_role_id: string | null;
  locked_role_name: string | null;
  steps_json: string;
  step: number;
  step_posted: number;
  round_id: string;
  seed: number;
  status: StudySession['status'];
  created_at: number;
  ended_at: number | null;
  ended_by: string | null;
}

const toRound = (r: RoundRow): QuizRound => ({
  id: r.id,
  guildId: r.guild_id,
  channelId: r.channel_id,
  startedBy: r.started_by,
  kind: r.kind,
  section: r.section,
  source: r.source,
  timeLimitMs: r.time_limit_ms,
  sessionId: r.session_id,
  status: r.status,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
  questionCount: r.question_count,
  introMessageId: r.intro_message_id,
  summaryMessageId: r.summary_message_id,
  endedBy: r.ended_by,
  endedByName: r.ended_by_name,
});

const toQuestion = (r: QuestionRow): RoundQuestion => ({
  roundId: r.round_id,
  position: r.position,
  question: JSON.parse(r.question_json) as QuizQuestion,
  messageId: r.message_id,
  postedAt: r.posted_at,
  deadlineAt: r.deadline_at,
  revealedAt: r.revealed_at,
  revealShown: r.reveal_shown === 1,
});

const toAnswer = (r: AnswerRow): QuizAnswer => ({
  roundId: r.round_id,
  position: r.position,
  guildId: r.guild_id,
  userId: r.user_id,
  userName: r.user_name,
  choice: r.choice,
  correct: r.correct === 1,
  answeredAt: r.answered_at,
});

const toScore = (r: ScoreRow): MemberScore => ({
  guildId: r.guild_id,
  userId: r.user_id,
  userName: r.user_name,
  points: r.points,
  answered: r.answered,
  correct: r.correct,
  lastAnsweredAt: r.last_answered_at,
});

const toSession = (r: SessionRow): StudySession => ({
  id: r.id,
  guildId: r.guild_id,
  channelId: r.channel_id,
  threadId: r.thread_id,
  startedBy: r.started_by,
  section: r.section,
  lockedRoleId: r.locked_role_id,
  lockedRoleName: r.locked_role_name,
  steps: JSON.parse(r.steps_json) as string[],
  step: r.step,
  stepPosted: r.step_posted === 1,
  roundId: r.round_id,
  seed: r.seed,
  status: r.status,
  createdAt: r.created_at,
  endedAt: r.ended_at,
  endedBy: r.ended_by,
});

/** 11 url-safe characters: short enough for custom ids, random enough not to be guessed or collide. */
function newId(): string {
  return randomBytes(8).toString('base64url');
}

const ROUND_SELECT = `SELECT r.*, (SELECT COUNT(*) FROM quiz_questions q WHERE q.round_id = r.id) AS question_count FROM quiz_rounds r`;
/** The leaderboard order; ties on everything fall to who reached the score first. */
const SCORE_ORDER = 'points DESC, correct DESC, answered ASC, last_answered_at ASC, user_id ASC';

export class SqliteStudy implements StudyStore {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    this.s = {
      insertRound: db.prepare(`INSERT INTO quiz_rounds (id, guild_id, channel_id, started_by, kind, section, source, time_limit_ms, session_id, created_at)
        VALUES (@id, @guild_id, @channel_id, @started_by, @kind, @section, @source, @time_limit_ms, @session_id, @created_at)`),
      round: db.prepare(`${ROUND_SELECT} WHERE r.id = ?`),
      running: db.prepare(`${ROUND_SELECT} WHERE r.status = 'running' ORDER BY r.created_at, r.rowid`),
      runningQuizIn: db.prepare(`${ROUND_SELECT} WHERE r.status = 'running' AND r.kind = 'quiz' AND r.channel_id = ? ORDER BY r.created_at DESC LIMIT 1`),
      finish: db.prepare(`UPDATE quiz_rounds SET status = 'finished', finished_at = ?, ended_by = ?, ended_by_name = ? WHERE id = ? AND status = 'running'`),
      introPosted: db.prepare('UPDATE quiz_rounds SET intro_message_id = ? WHERE id = ?'),
      summaryPosted: db.prepare('UPDATE quiz_rounds SET summary_message_id = ? WHERE id = ?'),
      insertQuestion: db.prepare(`INSERT INTO quiz_questions (round_id, position, question_id, question_json, section, passage_id, correct_index)
        VALUES (?, ?, ?, ?, ?, ?, ?)`),
      nextPosition: db.prepare('SELECT COALESCE(MAX(position) + 1, 0) AS next FROM quiz_questions WHERE round_id = ?'),
      questions: db.prepare('SELECT * FROM quiz_questions WHERE round_id = ? ORDER BY position'),
      question: db.prepare('SELECT * FROM quiz_questions WHERE round_id = ? AND position = ?'),
      posted: db.prepare('UPDATE quiz_questions SET message_id = ?, posted_at = ?, deadline_at = ? WHERE round_id = ? AND position = ?'),
      close: db.prepare('UPDATE quiz_questions SET deadline_at = ? WHERE round_id = ? AND position = ? AND revealed_at IS NULL AND (deadline_at IS NULL OR deadline_at > ?)'),
      claimReveal: db.prepare('UPDATE quiz_questions SET revealed_at = ? WHERE round_id = ? AND position = ? AND revealed_at IS NULL'),
      revealShown: db.prepare('UPDATE quiz_questions SET reveal_shown = 1 WHERE round_id = ? AND position = ?'),
      insertAnswer: db.prepare(`INSERT INTO quiz_answers (round_id, position, guild_id, user_id, user_name, choice, correct, answered_at)
        VALUES (@round_id, @position, @guild_id, @user_id, @user_name, @choice, @correct, @answered_at) ON CONFLICT DO NOTHING`),
      answerOf: db.prepare('SELECT * FROM quiz_answers WHERE round_id = ? AND position = ? AND user_id = ?'),
      answersTo: db.prepare('SELECT * FROM quiz_answers WHERE round_id = ? AND position = ? ORDER BY answered_at, rowid'),
      upsertScore: db.prepare(`INSERT INTO quiz_scores (guild_id, user_id, user_name, points, answered, correct, last_answered_at)
        VALUES (@guild_id, @user_id, @user_name, @correct, 1, @correct, @answered_at)
        ON CONFLICT (guild_id, user_id) DO UPDATE SET user_name = excluded.user_name, points = points + excluded.points,
          answered = answered + 1, correct = correct + excluded.correct, last_answered_at = excluded.last_answered_at`),
      roundResults: db.prepare(`SELECT user_id, (SELECT user_name FROM quiz_answers l WHERE l.round_id = a.round_id AND l.user_id = a.user_id ORDER BY answered_at DESC LIMIT 1) AS user_name,
          COUNT(*) AS answered, SUM(correct) AS correct, MAX(answered_at) AS last
        FROM quiz_answers a WHERE round_id = ? GROUP BY user_id ORDER BY correct DESC, answered ASC, last ASC, user_id ASC`),
      score: db.prepare('SELECT * FROM quiz_scores WHERE guild_id = ? AND user_id = ?'),
      leaderboard: db.prepare(`SELECT * FROM quiz_scores WHERE guild_id = ? ORDER BY ${SCORE_ORDER} LIMIT ?`),
      higher: db.prepare('SELECT COUNT(*) AS n FROM quiz_scores WHERE guild_id = ? AND points > ?'),
      members: db.prepare('SELECT COUNT(*) AS n FROM quiz_scores WHERE guild_id = ?'),
      sections: db.prepare(`SELECT q.section AS section, COUNT(*) AS answered, SUM(a.correct) AS correct, MAX(a.answered_at) AS last
        FROM quiz_answers a JOIN quiz_questions q ON q.round_id = a.round_id AND q.position = a.position
        WHERE a.guild_id = ? AND a.user_id = ? GROUP BY q.section ORDER BY last DESC`),
      recent: db.prepare(`SELECT a.*, q.question_json, r.kind FROM quiz_answers a
        JOIN quiz_questions q ON q.round_id = a.round_id AND q.position = a.position
        JOIN quiz_rounds r ON r.id = a.round_id
        WHERE a.guild_id = ? AND a.user_id = ? ORDER BY a.answered_at DESC, a.rowid DESC LIMIT ?`),
      roundsPlayed: db.prepare(`SELECT COUNT(DISTINCT a.round_id) AS rounds, COUNT(DISTINCT CASE WHEN r.kind = 'study' THEN r.id END) AS sessions
        FROM quiz_answers a JOIN quiz_rounds r ON r.id = a.round_id WHERE a.guild_id = ? AND a.user_id = ?`),
      forgetAnswers: db.prepare('DELETE FROM quiz_answers WHERE guild_id = ? AND user_id = ?'),
      forgetScore: db.prepare('DELETE FROM quiz_scores WHERE guild_id = ? AND user_id = ?'),
      forgetEnder: db.prepare('UPDATE quiz_rounds SET ended_by_name = NULL WHERE guild_id = ? AND ended_by = ?'),
      // the intro and the steps are shown again without the member's name: nothing of theirs is left on them to find
      forgetIntros: db.prepare('UPDATE quiz_rounds SET intro_message_id = NULL WHERE guild_id = ? AND started_by = ?'),
      forgetMover: db.prepare('UPDATE study_steps SET moved_by = NULL WHERE moved_by = ? AND session_id IN (SELECT id FROM study_sessions WHERE guild_id = ?)'),
      revealsAnswered: db.prepare(`SELECT q.round_id, q.position FROM quiz_answers a JOIN quiz_questions q ON q.round_id = a.round_id AND q.position = a.position
        WHERE a.guild_id = ? AND a.user_id = ? AND q.reveal_shown = 1 AND q.message_id IS NOT NULL ORDER BY q.round_id, q.position`),
      summariesNaming: db.prepare(`SELECT r.id FROM quiz_rounds r WHERE r.guild_id = @guild AND r.summary_message_id IS NOT NULL
        AND ((r.ended_by = @user AND r.ended_by_name IS NOT NULL) OR EXISTS (SELECT 1 FROM quiz_answers a WHERE a.round_id = r.id AND a.user_id = @user)) ORDER BY r.created_at, r.rowid`),
      introsNaming: db.prepare(`SELECT CASE WHEN r.session_id IS NULL THEN r.channel_id ELSE s.channel_id END AS channel_id, r.intro_message_id AS message_id
        FROM quiz_rounds r LEFT JOIN study_sessions s ON s.id = r.session_id WHERE r.guild_id = ? AND r.started_by = ? AND r.intro_message_id IS NOT NULL ORDER BY r.created_at, r.rowid`),
      stepsNaming: db.prepare(`SELECT s.thread_id AS channel_id, st.message_id FROM study_steps st JOIN study_sessions s ON s.id = st.session_id
        WHERE s.guild_id = ? AND st.moved_by = ? AND s.thread_id IS NOT NULL ORDER BY s.created_at, st.step`),
      insertStep: db.prepare('INSERT OR REPLACE INTO study_steps (session_id, step, message_id, moved_by) VALUES (?, ?, ?, ?)'),
      insertSession: db.prepare(`INSERT INTO study_sessions (id, guild_id, channel_id, started_by, section, locked_role_id, locked_role_name, steps_json, round_id, seed, created_at)
        VALUES (@id, @guild_id, @channel_id, @started_by, @section, @locked_role_id, @locked_role_name, @steps_json, @round_id, @seed, @created_at)`),
      session: db.prepare('SELECT * FROM study_sessions WHERE id = ?'),
      sessionThread: db.prepare('UPDATE study_sessions SET thread_id = ? WHERE id = ?'),
      sessionInThread: db.prepare('SELECT * FROM study_sessions WHERE thread_id = ?'),
      sessionsIn: db.prepare(`SELECT * FROM study_sessions WHERE status = 'running' AND channel_id = ? ORDER BY created_at DESC`),
      sessions: db.prepare(`SELECT * FROM study_sessions WHERE status = 'running' ORDER BY created_at, rowid`),
      advance: db.prepare(`UPDATE study_sessions SET step = step + 1, step_posted = 0 WHERE id = ? AND step = ? AND status = 'running'`),
      stepPosted: db.prepare(`UPDATE study_sessions SET step_posted = 1 WHERE id = ? AND step = ? AND step_posted = 0`),
      endSession: db.prepare(`UPDATE study_sessions SET status = 'ended', ended_at = ?, ended_by = ? WHERE id = ? AND status = 'running'`),
    };
  }

  createRound(round: NewRound): QuizRound {
    const id = newId();
    this.db.transaction(() => {
      this.s.insertRound.run({
        id,
        guild_id: round.guildId,
        channel_id: round.channelId,
        started_by: round.startedBy,
        kind: round.kind,
        section: round.section,
        source: round.source,
        time_limit_ms: round.timeLimitMs,
        session_id: round.sessionId ?? null,
        created_at: Date.now(),
      });
      round.questions.forEach((q, i) => this.insertQuestion(id, i, q));
    }).immediate();
    return this.getRound(id)!;
  }

  private insertQuestion(roundId: string, position: number, q: QuizQuestion): void {
    this.s.insertQuestion.run(roundId, position, q.id, JSON.stringify(q), q.evidence.section, q.evidence.passageId, q.correctIndex);
  }

  getRound(id: string): QuizRound | undefined {
    const row = this.s.round.get(id) as RoundRow | undefined;
    return row ? toRound(row) : undefined;
  }

  questions(roundId: string): RoundQuestion[] {
    return (this.s.questions.all(roundId) as QuestionRow[]).map(toQuestion);
  }

  question(roundId: string, position: number): RoundQuestion | undefined {
    const row = this.s.question.get(roundId, position) as QuestionRow | undefined;
    return row ? toQuestion(row) : undefined;
  }

  addQuestion(roundId: string, question: QuizQuestion): RoundQuestion {
    return this.db.transaction(() => {
      const { next } = this.s.nextPosition.get(roundId) as { next: number };
      this.insertQuestion(roundId, next, question);
      return this.question(roundId, next)!;
    }).immediate();
  }

  markPosted(roundId: string, position: number, messageId: string, postedAt: number, deadlineAt: number | null): void {
    this.s.posted.run(messageId, postedAt, deadlineAt, roundId, position);
  }

  closeQuestion(roundId: string, position: number, at: number): void {
    this.s.close.run(at, roundId, position, at);
  }

  claimReveal(roundId: string, position: number, at: number): boolean {
    return this.s.claimReveal.run(at, roundId, position).changes === 1;
  }

  markRevealShown(roundId: string, position: number): void {
    this.s.revealShown.run(roundId, position);
  }

  finishRound(roundId: string, at: number, endedBy?: RoundEnder): boolean {
    return this.s.finish.run(at, endedBy?.userId ?? null, endedBy?.name ?? null, roundId).changes === 1;
  }

  markIntroPosted(roundId: string, messageId: string): void {
    this.s.introPosted.run(messageId, roundId);
  }

  markSummaryPosted(roundId: string, messageId: string): void {
    this.s.summaryPosted.run(messageId, roundId);
  }

  runningRounds(): QuizRound[] {
    return (this.s.running.all() as RoundRow[]).map(toRound);
  }

  runningQuizIn(channelId: string): QuizRound | undefined {
    const row = this.s.runningQuizIn.get(channelId) as RoundRow | undefined;
    return row ? toRound(row) : undefined;
  }

  recordAnswer(a: { roundId: string; position: number; userId: string; userName: string; choice: number; at: number }): AnswerOutcome {
    return this.db.transaction((): AnswerOutcome => {
      const round = this.getRound(a.roundId);
      const question = this.question(a.roundId, a.position);
      if (!round || !question) throw new Error(`no question ${a.position} in round ${a.roundId}`);
      if (!Number.isInteger(a.choice) || a.choice < 0 || a.choice >= question.question.options.length) throw new Error(`no option ${a.choice} in question ${a.position}`);
      const given = this.answerOf(a.roundId, a.position, a.userId);
      if (given) return { outcome: 'already', answer: given };
      if (question.revealedAt !== null || question.postedAt === null || (question.deadlineAt !== null && a.at >= question.deadlineAt)) return { outcome: 'closed' };
      const row: AnswerRow = {
        round_id: a.roundId,
        position: a.position,
        guild_id: round.guildId,
        user_id: a.userId,
        user_name: a.userName,
        choice: a.choice,
        correct: a.choice === question.question.correctIndex ? 1 : 0,
        answered_at: a.at,
      };
      this.s.insertAnswer.run(row);
      this.s.upsertScore.run({ guild_id: row.guild_id, user_id: row.user_id, user_name: row.user_name, correct: row.correct, answered_at: row.answered_at });
      return { outcome: 'recorded', answer: toAnswer(row) };
    }).immediate();
  }

  answerOf(roundId: string, position: number, userId: string): QuizAnswer | undefined {
    const row = this.s.answerOf.get(roundId, position, userId) as AnswerRow | undefined;
    return row ? toAnswer(row) : undefined;
  }

  answersTo(roundId: string, position: number): QuizAnswer[] {
    return (this.s.answersTo.all(roundId, position) as AnswerRow[]).map(toAnswer);
  }

  roundResults(roundId: string): RoundResult[] {
    return (this.s.roundResults.all(roundId) as { user_id: string; user_name: string; answered: number; correct: number }[]).map((r) => ({
      userId: r.user_id,
      userName: r.user_name,
      answered: r.answered,
      correct: Number(r.correct),
    }));
  }

  score(guildId: string, userId: string): MemberScore | undefined {
    const row = this.s.score.get(guildId, userId) as ScoreRow | undefined;
    return row ? toScore(row) : undefined;
  }

  leaderboard(guildId: string, limit: number): MemberScore[] {
    return (this.s.leaderboard.all(guildId, limit) as ScoreRow[]).map(toScore);
  }

  progress(guildId: string, userId: string, recentLimit = 10): MemberProgress {
    const score = this.score(guildId, userId);
    const rank = score ? (this.s.higher.get(guildId, score.points) as { n: number }).n + 1 : undefined;
    const members = (this.s.members.get(guildId) as { n: number }).n;
    const sections: SectionTally[] = (this.s.sections.all(guildId, userId) as { section: string; answered: number; correct: number; last: number }[]).map((r) => ({
      section: r.section,
      answered: r.answered,
      correct: Number(r.correct),
      lastAnsweredAt: r.last,
    }));
    const recent: AnswerHistoryItem[] = (this.s.recent.all(guildId, userId, recentLimit) as (AnswerRow & { question_json: string; kind: RoundKind })[]).map((r) => {
      const q = JSON.parse(r.question_json) as QuizQuestion;
      return { ...toAnswer(r), kind: r.kind, prompt: q.prompt, section: q.evidence.section, passageId: q.evidence.passageId, options: q.options, correctIndex: q.correctIndex };
    });
    const played = this.s.roundsPlayed.get(guildId, userId) as { rounds: number; sessions: number };
    return { score, rank, members, sections, recent, rounds: played.rounds, studySessions: played.sessions };
  }

  messagesNaming(guildId: string, userId: string): MemberMessages {
    return this.db.transaction(() => ({
      reveals: (this.s.revealsAnswered.all(guildId, userId) as { round_id: string; position: number }[]).map((r) => ({ roundId: r.round_id, position: r.position })),
      summaries: (this.s.summariesNaming.all({ guild: guildId, user: userId }) as { id: string }[]).map((r) => r.id),
      intros: (this.s.introsNaming.all(guildId, userId) as { channel_id: string; message_id: string }[]).map((r) => ({ channelId: r.channel_id, messageId: r.message_id })),
      steps: (this.s.stepsNaming.all(guildId, userId) as { channel_id: string; message_id: string }[]).map((r) => ({ channelId: r.channel_id, messageId: r.message_id })),
    }))();
  }

  forgetMember(guildId: string, userId: string): number {
    return this.db.transaction(() => {
      const deleted = this.s.forgetAnswers.run(guildId, userId).changes + this.s.forgetScore.run(guildId, userId).changes;
      this.s.forgetEnder.run(guildId, userId);
      this.s.forgetIntros.run(guildId, userId);
      this.s.forgetMover.run(userId, guildId);
      return deleted;
    }).immediate();
  }

  createSession(session: NewStudySession, round: Omit<NewRound, 'guildId' | 'channelId' | 'startedBy' | 'kind' | 'sessionId' | 'questions'>): StudySession {
    const id = newId();
    return this.db.transaction(() => {
      const created = this.createRound({ ...round, guildId: session.guildId, channelId: session.channelId, startedBy: session.startedBy, kind: 'study', sessionId: id, questions: [] });
      this.s.insertSession.run({
        id,
        guild_id: session.guildId,
        channel_id: session.channelId,
        started_by: session.startedBy,
        section: session.section,
        locked_role_id: session.lockedRoleId,
        locked_role_name: session.lockedRoleName,
        steps_json: JSON.stringify(session.steps),
        round_id: created.id,
        seed: session.seed,
        created_at: Date.now(),
      });
      return this.getSession(id)!;
    }).immediate();
  }

  getSession(id: string): StudySession | undefined {
    const row = this.s.session.get(id) as SessionRow | undefined;
    return row ? toSession(row) : undefined;
  }

  setSessionThread(id: string, threadId: string): void {
    this.db.transaction(() => {
      this.s.sessionThread.run(threadId, id);
      // The check questions are posted in the thread.
      this.db.prepare('UPDATE quiz_rounds SET channel_id = ? WHERE session_id = ?').run(threadId, id);
    }).immediate();
  }

  sessionInThread(threadId: string): StudySession | undefined {
    const row = this.s.sessionInThread.get(threadId) as SessionRow | undefined;
    return row ? toSession(row) : undefined;
  }

  runningSessionsIn(channelId: string): StudySession[] {
    return (this.s.sessionsIn.all(channelId) as SessionRow[]).map(toSession);
  }

  runningSessions(): StudySession[] {
    return (this.s.sessions.all() as SessionRow[]).map(toSession);
  }

  advanceSession(id: string, from: number): boolean {
    return this.s.advance.run(id, from).changes === 1;
  }

  markStepPosted(id: string, step: number, question: QuizQuestion | undefined, message?: { messageId: string; movedBy: string | null }): RoundQuestion | undefined {
    return this.db.transaction(() => {
      const session = this.getSession(id);
      if (!session || this.s.stepPosted.run(id, step).changes !== 1) return undefined;
      if (message) this.s.insertStep.run(id, step, message.messageId, message.movedBy);
      return question ? this.addQuestion(session.roundId, question) : undefined;
    }).immediate();
  }

  endSession(id: string, by: string, at: number): boolean {
    return this.s.endSession.run(at, by, id).changes === 1;
  }
}
