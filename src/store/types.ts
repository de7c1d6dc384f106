import type { Answer } from '../answer/types.js';
import type { ModerationStore, SettingsStore } from './moderation.js';
import type { StudyStore } from './study.js';

export type * from './moderation.js';
export type * from './study.js';

/**
 * Persistence behind small repository interfaces, one per area. Front ends depend on these,
 * never on SQL; the SQLite implementation lives in ./sqlite.ts. Later areas (server settings,
 * moderation, quizzes) join as further repositories on `Store` with their own migrations.
 */
export interface Store {
  readonly answers: AnswerStore;
  readonly conversations: ConversationStore;
  readonly feedback: FeedbackStore;
  readonly settings: SettingsStore;
  readonly moderation: ModerationStore;
  readonly study: StudyStore;
  /** the schema version after migrations ran */
  readonly schemaVersion: number;
  /**
   * Make changes through the repositories as one transaction, landing whole or not at all, after
   * the changes asked for before. While another program holds the database, they wait and are
   * retried (up to ten minutes, then STORE_BUSY: not saved); `onWait` is told when they have to
   * wait. Resolves with `write`'s result once it is written: show a member their change only then.
   */
  save<T>(write: () => T, onWait?: () => void): Promise<T>;
  /** close the database; writes still waiting are given up (STORE_BUSY) */
  close(): void;
}

/** Where a question came from. */
export type AskedVia = 'slash' | 'mention' | 'dm' | 'channel' | 'thread' | 'reply';

/** An answer as given, kept so buttons on old messages keep working after a restart. */
export interface AnswerRecord {
  /** short url-safe id, carried in button custom ids */
  id: string;
  createdAt: number;
  userId: string;
  guildId: string | null;
  channelId: string;
  via: AskedVia;
  /** the question as the user asked it */
  question: string;
  /** the question as answered: a follow-up resolved into a standalone question */
  standalone: string;
  answer: Answer;
  /** the last message that shows the answer (the one with the buttons), once sent */
  messageId: string | null;
  /** the thread the answer belongs to, when it is part of a conversation */
  conversationId: string | null;
  /** the member's message it answers (a mention, a DM, a message in a question channel or thread); null for /ask */
  questionMessageId?: string | null;
}

export type NewAnswer = Omit<AnswerRecord, 'id' | 'createdAt' | 'messageId' | 'conversationId' | 'questionMessageId'> & {
  messageId?: string | null;
  conversationId?: string | null;
  questionMessageId?: string | null;
};

/** A question edited by its asker, answered again: what the answer's record says now. */
export type AnswerRevision = Pick<AnswerRecord, 'question' | 'standalone' | 'answer'>;

export interface AnswerStore {
  record(answer: NewAnswer): AnswerRecord;
  get(id: string): AnswerRecord | undefined;
  /** the answer shown by a message (any of its messages, when it was split) */
  byMessage(messageId: string): AnswerRecord | undefined;
  /** the answer to a member's question message, if it was answered */
  byQuestionMessage(messageId: string): AnswerRecord | undefined;
  /**
   * a member's latest answer in a channel given at or after `since` (ms) and before `before` when
   * given, e.g. the question a direct message follows up
   */
  latestByUser(channelId: string, userId: string, since: number, before?: number): AnswerRecord | undefined;
  /** remember the messages that show an answer, in order (the last carries the buttons), in place of any before */
  attachMessages(id: string, messageIds: string[]): void;
  /**
   * The asker edited the question and it was answered again: the record takes the new question and
   * answer under the same id (so its buttons keep working), and votes on the old answer are dropped.
   */
  revise(id: string, revision: AnswerRevision): AnswerRecord | undefined;
  /** Delete an answer whose question was deleted, with its votes and message links; false when it was not stored. */
  remove(id: string): boolean;
}

/** A thread opened on an answer, where follow-ups are answered using the earlier turns. */
export interface Conversation {
  /** the thread id */
  id: string;
  channelId: string;
  rootAnswerId: string;
  createdAt: number;
  /** answers given in the conversation, its first included */
  turns: number;
  /** the turn limit was already announced in the thread */
  limitNotified: boolean;
}

export interface ConversationStore {
  /** open a conversation in a thread, its first turn being an existing answer */
  open(threadId: string, channelId: string, rootAnswerId: string): Conversation;
  get(threadId: string): Conversation | undefined;
  /** the last `limit` answers of a conversation, oldest first */
  recentTurns(threadId: string, limit: number): AnswerRecord[];
  /** mark the turn limit announced; true the first time only */
  markLimitNotified(threadId: string): boolean;
}

export type Vote = 1 | -1;

export interface VoteTally {
  up: number;
  down: number;
}

export interface ReportRecord {
  id: number;
  answerId: string;
  userId: string;
  guildId: string | null;
  channelId: string | null;
  messageId: string | null;
  reason: string | null;
  status: 'open' | 'resolved' | 'dismissed';
  createdAt: number;
}

export interface FeedbackStore {
  /** set a user's vote; the same vote again withdraws it (a toggle). Returns the vote now standing and the tally. */
  setVote(answerId: string, userId: string, vote: Vote): { vote: Vote | 0; tally: VoteTally };
  getVotes(answerId: string): VoteTally;
  voteOf(answerId: string, userId: string): Vote | 0;
  /** record a report; a second report of the same answer by the same user returns the first (created false) */
  recordReport(report: { answerId: string; userId: string; guildId: string | null; channelId: string | null; messageId: string | null; reason?: string | null }): {
    report: ReportRecord;
    created: boolean;
  };
  reportsFor(answerId: string): ReportRecord[];
}
