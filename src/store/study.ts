/** Quiz rounds, answers, scores and study sessions (repository interface). */
import type { QuizQuestion } from '../study/quiz.js';

/** `quiz`: a /quiz round, questions one after another on a timer; `study`: the check questions of a study session. */
export type RoundKind = 'quiz' | 'study';

/** Where a round's questions came from: the offline generator, a language model (checked), or both. */
export type RoundSource = 'offline' | 'llm' | 'mixed';

export interface QuizRound {
  /** short url-safe id, carried in button custom ids */
  id: string;
  guildId: string;
  /** where the questions are posted (a channel or a thread) */
  channelId: string;
  startedBy: string;
  kind: RoundKind;
  /** the section asked about; null for the whole corpus */
  section: string | null;
  source: RoundSource;
  /** how long each question stays open; null: until the study session moves on */
  timeLimitMs: number | null;
  sessionId: string | null;
  status: 'running' | 'finished';
  createdAt: number;
  finishedAt: number | null;
  /** questions in the round so far (a study round grows step by step) */
  questionCount: number;
  /** the public message that opened it ("Started by …"): a /quiz reply, or a study session's intro */
  introMessageId: string | null;
  /** the summary with the scores, once posted */
  summaryMessageId: string | null;
  /** who stopped the quiz, or ended the study session; null when it ran its course */
  endedBy: string | null;
  /** their name as the summary shows it; null once they asked to be forgotten */
  endedByName: string | null;
}

/** Who ended a round: pressed Stop quiz, or ended a study session (/study end, or /study next after the last step). */
export interface RoundEnder {
  userId: string;
  name: string;
}

/** Messages already posted that show a member (by name, or in a count of answers), in one server. */
export interface MemberMessages {
  /** revealed questions the member answered: the results name those who got it right and count every answer */
  reveals: { roundId: string; position: number }[];
  /** rounds whose posted summary lists the member's score, or names them as who ended it */
  summaries: string[];
  /** quiz and study intros naming the member as who started them */
  intros: { channelId: string; messageId: string }[];
  /** study steps naming the member as who moved the session on */
  steps: { channelId: string; messageId: string }[];
}

export interface RoundQuestion {
  roundId: string;
  /** 0-based order in the round */
  position: number;
  question: QuizQuestion;
  /** the message showing it, once posted */
  messageId: string | null;
  postedAt: number | null;
  /** when the answer is revealed; null while unposted, or for a study question (revealed when the session moves on) */
  deadlineAt: number | null;
  /** when the answer was revealed (claimed once) */
  revealedAt: number | null;
  /** the reveal was shown on the question's message */
  revealShown: boolean;
}

export interface QuizAnswer {
  roundId: string;
  position: number;
  guildId: string;
  userId: string;
  /** the member's name when they answered, shown on leaderboards (never a mention) */
  userName: string;
  choice: number;
  correct: boolean;
  answeredAt: number;
}

export type AnswerOutcome = { outcome: 'recorded' | 'already'; answer: QuizAnswer } | { outcome: 'closed' };

export interface NewRound extends Pick<QuizRound, 'guildId' | 'channelId' | 'startedBy' | 'kind' | 'section' | 'source' | 'timeLimitMs'> {
  sessionId?: string | null;
  questions: QuizQuestion[];
}

/** A member's standing in a server: one point per right answer. */
export interface MemberScore {
  guildId: string;
  userId: string;
  userName: string;
  points: number;
  answered: number;
  correct: number;
  lastAnsweredAt: number;
}

/** A member's results within one round (or one study session). */
export interface RoundResult {
  userId: string;
  userName: string;
  answered: number;
  correct: number;
}

/** One answer with what was asked, for a member's history. */
export interface AnswerHistoryItem extends QuizAnswer {
  kind: RoundKind;
  prompt: string;
  section: string;
  passageId: string;
  options: string[];
  correctIndex: number;
}

export interface SectionTally {
  section: string;
  answered: number;
  correct: number;
  lastAnsweredAt: number;
}

export interface MemberProgress {
  score: MemberScore | undefined;
  /** 1-based; members with more points rank higher, equal points share a rank */
  rank: number | undefined;
  /** members with a score in the server */
  members: number;
  sections: SectionTally[];
  /** most recent first */
  recent: AnswerHistoryItem[];
  rounds: number;
  studySessions: number;
}

export interface StudySession {
  id: string;
  guildId: string;
  /** the channel it was started in */
  channelId: string;
  /** the thread it runs in, once opened */
  threadId: string | null;
  startedBy: string;
  section: string | null;
  /** only members with this role (and moderators) take part */
  lockedRoleId: string | null;
  lockedRoleName: string | null;
  /** the passages walked through, in order */
  steps: string[];
  /** 0-based index of the current step */
  step: number;
  /** the current step's passage and prompt were posted */
  stepPosted: boolean;
  /** the round holding the session's check questions */
  roundId: string;
  /** seeds the choice of check questions, so a retried step asks the same one */
  seed: number;
  status: 'running' | 'ended';
  createdAt: number;
  endedAt: number | null;
  endedBy: string | null;
}

export interface NewStudySession {
  guildId: string;
  channelId: string;
  startedBy: string;
  section: string | null;
  lockedRoleId: string | null;
  lockedRoleName: string | null;
  steps: string[];
  seed: number;
}

export interface StudyStore {
  // --- rounds and questions
  createRound(round: NewRound): QuizRound;
  getRound(id: string): QuizRound | undefined;
  questions(roundId: string): RoundQuestion[];
  question(roundId: string, position: number): RoundQuestion | undefined;
  /** append a question to a round (a study session's next check question); returns it */
  addQuestion(roundId: string, question: QuizQuestion): RoundQuestion;
  /** the question was posted as this message; it stays open until `deadlineAt` (null: until revealed explicitly) */
  markPosted(roundId: string, position: number, messageId: string, postedAt: number, deadlineAt: number | null): void;
  /** close a question now: its deadline becomes `at` (the reveal follows) */
  closeQuestion(roundId: string, position: number, at: number): void;
  /** claim the reveal of a question; true for the one caller that claims it */
  claimReveal(roundId: string, position: number, at: number): boolean;
  markRevealShown(roundId: string, position: number): void;
  /** claim the end of a round; true for the one caller that claims it. `endedBy`: who stopped or ended it early */
  finishRound(roundId: string, at: number, endedBy?: RoundEnder): boolean;
  /** the round's intro (a /quiz reply, a study session's first message) was posted as this message */
  markIntroPosted(roundId: string, messageId: string): void;
  /** the round's summary was posted as this message */
  markSummaryPosted(roundId: string, messageId: string): void;
  /** rounds still running, oldest first (resumed after a restart) */
  runningRounds(): QuizRound[];
  /** the running /quiz round of a channel, if any */
  runningQuizIn(channelId: string): QuizRound | undefined;

  // --- answers and scores
  /**
   * Record a member's answer, atomically refused once the question is revealed or past its deadline
   * (`closed`) or when the member already answered it (`already`, with the answer given then).
   */
  recordAnswer(answer: { roundId: string; position: number; userId: string; userName: string; choice: number; at: number }): AnswerOutcome;
  answerOf(roundId: string, position: number, userId: string): QuizAnswer | undefined;
  answersTo(roundId: string, position: number): QuizAnswer[];
  /** each member's results in a round, best first */
  roundResults(roundId: string): RoundResult[];
  score(guildId: string, userId: string): MemberScore | undefined;
  /** the server's best members: points, then right answers, then fewer attempts, then who got there first */
  leaderboard(guildId: string, limit: number): MemberScore[];
  progress(guildId: string, userId: string, recentLimit?: number): MemberProgress;
  /** the messages already posted in a server that show a member; read before `forgetMember` */
  messagesNaming(guildId: string, userId: string): MemberMessages;
  /**
   * delete a member's quiz answers and score in a server, and their name as who ended a round (the
   * ids of who started, ended or moved on a round stay); returns how many records were deleted
   */
  forgetMember(guildId: string, userId: string): number;

  // --- study sessions
  createSession(session: NewStudySession, round: Omit<NewRound, 'guildId' | 'channelId' | 'startedBy' | 'kind' | 'sessionId' | 'questions'>): StudySession;
  getSession(id: string): StudySession | undefined;
  setSessionThread(id: string, threadId: string): void;
  sessionInThread(threadId: string): StudySession | undefined;
  runningSessionsIn(channelId: string): StudySession[];
  runningSessions(): StudySession[];
  /** move from step `from` to the next; false when someone else moved it first or it ended */
  advanceSession(id: string, from: number): boolean;
  /**
   * the current step was posted, with its check question (appended to the session's round) when it has one;
   * `message`: the step's message, and who moved the session on to it
   */
  markStepPosted(id: string, step: number, question: QuizQuestion | undefined, message?: { messageId: string; movedBy: string | null }): RoundQuestion | undefined;
  /** end a running session; false when it had already ended */
  endSession(id: string, by: string, at: number): boolean;
}
