/** Server settings, moderation actions, blocks and the audit record (repository interfaces). */
import type { Answer, Citation } from '../answer/types.js';
import type { ReportRecord } from './types.js';

export type ReplyStyle = 'inline' | 'thread' | 'ephemeral';

/** A server's settings; every field has a default so a new server works at once. */
export interface GuildSettings {
  guildId: string;
  /** channels where plain messages are answered (needs the Message Content intent) */
  questionChannelIds: string[];
  replyStyle: ReplyStyle;
  /** empty: everyone may use the bot; otherwise members with one of these roles */
  allowedRoleIds: string[];
  /** roles whose members are moderators (besides members with Manage Server) */
  moderatorRoleIds: string[];
  /** seconds between one member's questions (0 = none) */
  memberCooldownSeconds: number;
  /** questions answered per minute in the server; excess questions wait in a queue (0 = no limit) */
  questionsPerMinute: number;
  modLogChannelId: string | null;
  /** answers written by the language model when one is configured */
  llmEnabled: boolean;
  /** channel id → the document ids it may draw on (absent: all documents) */
  channelDocuments: Record<string, string[]>;
  /** days questions, answers and votes are kept (0 = forever) */
  retentionDays: number;
  updatedAt: number;
  updatedBy: string | null;
}

export const DEFAULT_GUILD_SETTINGS: Omit<GuildSettings, 'guildId'> = {
  questionChannelIds: [],
  replyStyle: 'inline',
  allowedRoleIds: [],
  moderatorRoleIds: [],
  memberCooldownSeconds: 0,
  questionsPerMinute: 0,
  modLogChannelId: null,
  llmEnabled: true,
  channelDocuments: {},
  retentionDays: 0,
  updatedAt: 0,
  updatedBy: null,
};

/** The settings a moderator can change (everything but the bookkeeping). */
export type SettingKey = Exclude<keyof GuildSettings, 'guildId' | 'updatedAt' | 'updatedBy'>;
export type SettingsChange = Partial<Pick<GuildSettings, SettingKey>>;

/** Who did something, and where: every change and action is recorded with these. */
export interface Actor {
  userId: string;
  /** the display name at the time, kept so the record reads without Discord */
  userName?: string | null;
  channelId?: string | null;
  /** ms since the epoch; now when absent */
  at?: number;
}

export interface SettingsChangeRecord {
  id: number;
  guildId: string;
  setting: SettingKey;
  oldValue: unknown;
  newValue: unknown;
  userId: string;
  userName: string | null;
  channelId: string | null;
  at: number;
}

export interface SettingsStore {
  /** the server's settings (the defaults when none were saved) */
  get(guildId: string): GuildSettings;
  /** only what was explicitly saved for the server (so a front end can apply its own defaults to the rest) */
  saved(guildId: string): SettingsChange;
  /** change settings; each changed setting is recorded with its old and new value, who and when. Returns the settings now. */
  update(guildId: string, change: SettingsChange, actor: Actor): GuildSettings;
  /** recorded changes, oldest first */
  history(guildId: string, range?: TimeRange): SettingsChangeRecord[];
  /** servers with a retention period set */
  retention(): { guildId: string; retentionDays: number }[];
}

/** [from, to] in ms since the epoch, both inclusive. */
export interface TimeRange {
  from: number;
  to: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Moderation

export type ReportResolution = 'approved' | 'corrected' | 'hidden';

/** A report with its review state. */
export interface ReportReview extends ReportRecord {
  resolution: ReportResolution | null;
  reviewedBy: string | null;
  reviewedByName: string | null;
  reviewedAt: number | null;
  /** where the report was posted for the moderators */
  modLogChannelId: string | null;
  modLogMessageId: string | null;
}

export type ModeratorActionKind = 'approve' | 'correct' | 'hide' | 'block' | 'unblock' | 'export' | 'forget-me';

export interface ModeratorAction {
  id: number;
  guildId: string;
  channelId: string | null;
  /** the moderator (for forget-me: the member who asked) */
  userId: string;
  userName: string | null;
  action: ModeratorActionKind;
  targetUserId: string | null;
  answerId: string | null;
  reportId: number | null;
  detail: Record<string, unknown> | null;
  at: number;
}

export type NewModeratorAction = Pick<ModeratorAction, 'guildId' | 'action'> & Partial<Pick<ModeratorAction, 'targetUserId' | 'answerId' | 'reportId' | 'detail'>>;

/** What marks an answer as reviewed by a moderator; kept inside the stored answer so it renders the same later. */
export interface ReviewMark {
  kind: 'approved' | 'corrected';
  reviewedAnswerId: number;
  moderatorId: string;
  moderatorName: string;
  reviewedAt: number;
}

/** An answer as stored, possibly carrying a review mark. */
export type MaybeReviewedAnswer = Answer & { review?: ReviewMark };

/** The review mark of an answer, when it is a moderator-reviewed one. */
export function reviewOf(answer: Answer): ReviewMark | undefined {
  return (answer as MaybeReviewedAnswer).review;
}

/** A moderator's approved or corrected answer, preferred for the same question later in that server. */
export interface ReviewedAnswer {
  id: number;
  guildId: string;
  /** the answer that was reviewed */
  answerId: string | null;
  reportId: number | null;
  /** the question as answered (standalone) */
  question: string;
  kind: 'approved' | 'corrected';
  answerText: string;
  /** exact quotes from the corpus, numbered as the answer text refers to them */
  citations: Citation[];
  moderatorId: string;
  moderatorName: string;
  createdAt: number;
}

export type NewReviewedAnswer = Omit<ReviewedAnswer, 'id' | 'createdAt' | 'moderatorId' | 'moderatorName'>;

export interface Block {
  guildId: string;
  userId: string;
  reason: string | null;
  blockedBy: string;
  blockedByName: string | null;
  blockedAt: number;
}

export type RefusalCode = 'blocked' | 'not-allowed' | 'cooldown' | 'mass-mention' | 'invite-link' | 'too-long';

export interface Refusal {
  guildId: string | null;
  channelId: string | null;
  userId: string;
  via: string;
  question: string;
  reason: RefusalCode;
}

/** One line of the moderation record, as exported. */
export interface RecordEntry {
  at: number;
  kind: 'question' | 'vote' | 'report' | 'refusal' | 'moderator-action' | 'settings-change' | 'reviewed-answer';
  guildId: string;
  channelId: string | null;
  userId: string | null;
  userName: string | null;
  answerId: string | null;
  reportId: number | null;
  /** the question, the report's reason, the setting changed, the action taken */
  subject: string;
  /** the rest, as an object (JSON in the CSV) */
  detail: Record<string, unknown>;
}

export interface PurgeCounts {
  answers: number;
  votes: number;
  refusals: number;
}

export interface ForgetCounts {
  questions: number;
  votes: number;
  reports: number;
  refusals: number;
}

export interface ModerationStore {
  report(id: number): ReportReview | undefined;
  /** reports in a server, newest first */
  reports(guildId: string, options?: { status?: ReportReview['status']; limit?: number }): ReportReview[];
  /** remember the mod-log message a report was posted as */
  setReportModLog(reportId: number, channelId: string, messageId: string): void;
  /** mark a report resolved by a moderator's action (the action itself is recorded separately) */
  resolveReport(reportId: number, resolution: ReportResolution, actor: Actor): ReportReview | undefined;

  /** record a moderator action (or a member's forget-me) with who, when and where */
  recordAction(action: NewModeratorAction, actor: Actor): ModeratorAction;
  actions(guildId: string, range?: TimeRange): ModeratorAction[];
  /** what moderators did about a report, oldest first */
  reportActions(reportId: number): ModeratorAction[];

  addReviewed(answer: NewReviewedAnswer, actor: Actor): ReviewedAnswer;
  /** a server's reviewed answers, newest first */
  reviewedAnswers(guildId: string, limit?: number): ReviewedAnswer[];

  /** block a member; false when already blocked (the reason is updated) */
  block(guildId: string, userId: string, reason: string | null, actor: Actor): { block: Block; created: boolean };
  /** false when the member was not blocked */
  unblock(guildId: string, userId: string): boolean;
  blockOf(guildId: string, userId: string): Block | undefined;
  blocks(guildId: string): Block[];

  /** when a member's latest question in a server was answered (ms), if one is stored: their cooldown after a restart */
  lastQuestionAt(guildId: string, userId: string): number | undefined;

  /** a question that was refused (blocked, cooldown, mass mention, ...), kept with the rest of the record */
  recordRefusal(refusal: Refusal, at?: number): void;

  /** the messages that show an answer, in order */
  answerMessages(answerId: string): string[];

  /** everything recorded in a server between two times, oldest first */
  exportRecord(guildId: string, range: TimeRange): RecordEntry[];
  /** delete questions, answers, votes and refusals older than each server's retention period (answers with open reports are kept) */
  purgeExpired(now?: number): PurgeCounts;
  /** delete a member's questions and answers, votes, reports and refusals in a server (null: their direct messages) */
  forgetMember(guildId: string | null, userId: string): ForgetCounts;
}
