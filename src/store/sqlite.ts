import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Answer } from '../answer/types.js';
import { guardWrites, WriteQueue, type WriteQueueOptions } from './busy.js';
import { migrate } from './migrations.js';
import { toReport, type ReportRow } from './rows.js';
import { SqliteModeration, SqliteSettings } from './sqlite-moderation.js';
import { SqliteStudy } from './sqlite-study.js';
import type {
  AnswerRecord,
  AnswerRevision,
  AnswerStore,
  AskedVia,
  Conversation,
  ConversationStore,
  FeedbackStore,
  NewAnswer,
  ReportRecord,
  Store,
  Vote,
  VoteTally,
} from './types.js';

/** How long one write blocks on a lock held elsewhere before the write queue takes over. */
export const BUSY_TIMEOUT_MS = 500;

export const DATABASE_FILE = 'footnote.db';

/** Open (creating and migrating as needed) the SQLite store in the data folder; `:memory:` for a throwaway one. */
export function openSqliteStore(dataDir: string | ':memory:', options: { writes?: WriteQueueOptions } = {}): SqliteStore {
  let path: string = dataDir;
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true });
    path = join(dataDir, DATABASE_FILE);
  }
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Migrations run before the bot takes any interaction, so they may wait for a lock longer.
    db.pragma('busy_timeout = 5000');
    const version = migrate(db);
    // Afterwards a write waits for a lock this long, once (see guardWrites): better-sqlite3 waits on the main
    // thread, so this is kept far under Discord's 3 s acknowledgement window. Longer locks are sat out by `save`.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return new SqliteStore(guardWrites(db), version, new WriteQueue(options.writes));
  } catch (error) {
    db.close();
    throw error;
  }
}

export class SqliteStore implements Store {
  readonly answers: AnswerStore;
  readonly conversations: ConversationStore;
  readonly feedback: FeedbackStore;
  readonly settings: SqliteSettings;
  readonly moderation: SqliteModeration;
  readonly study: SqliteStudy;

  constructor(
    private readonly db: Database.Database,
    readonly schemaVersion: number,
    private readonly writes: WriteQueue,
  ) {
    this.answers = new SqliteAnswers(db);
    this.conversations = new SqliteConversations(db);
    this.feedback = new SqliteFeedback(db);
    this.settings = new SqliteSettings(db);
    this.moderation = new SqliteModeration(db);
    this.study = new SqliteStudy(db);
  }

  save<T>(write: () => T, onWait?: () => void): Promise<T> {
    return this.writes.save(() => this.db.transaction(write).immediate(), onWait);
  }

  close(): void {
    this.writes.close();
    if (this.db.open) this.db.close();
  }
}

interface AnswerRow {
  id: string;
  created_at: number;
  user_id: string;
  guild_id: string | null;
  channel_id: string;
  via: AskedVia;
  question: string;
  standalone: string;
  answer_json: string;
  message_id: string | null;
  conversation_id: string | null;
  question_message_id: string | null;
}

function toAnswer(row: AnswerRow): AnswerRecord {
  return {
    id: row.id,
    createdAt: row.created_at,
    userId: row.user_id,
    guildId: row.guild_id,
    channelId: row.channel_id,
    via: row.via,
    question: row.question,
    standalone: row.standalone,
    answer: JSON.parse(row.answer_json) as Answer,
    messageId: row.message_id,
    conversationId: row.conversation_id,
    questionMessageId: row.question_message_id,
  };
}

/** 11 url-safe characters: short enough for custom ids, random enough not to be guessed or collide. */
function newId(): string {
  return randomBytes(8).toString('base64url');
}

class SqliteAnswers implements AnswerStore {
  private readonly insert;
  private readonly select;
  private readonly selectByMessage;
  private readonly selectByQuestionMessage;
  private readonly selectLatestByUser;
  private readonly setMessage;
  private readonly addMessage;
  private readonly dropMessages;
  private readonly update;
  private readonly dropVotes;
  private readonly delete;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(`INSERT INTO answers (id, created_at, user_id, guild_id, channel_id, via, question, standalone, answer_json, abstained, mode, message_id, conversation_id, question_message_id)
      VALUES (@id, @created_at, @user_id, @guild_id, @channel_id, @via, @question, @standalone, @answer_json, @abstained, @mode, @message_id, @conversation_id, @question_message_id)`);
    this.select = db.prepare('SELECT * FROM answers WHERE id = ?');
    this.selectByMessage = db.prepare('SELECT a.* FROM answer_messages m JOIN answers a ON a.id = m.answer_id WHERE m.message_id = ?');
    this.selectByQuestionMessage = db.prepare('SELECT * FROM answers WHERE question_message_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1');
    this.selectLatestByUser = db.prepare(
      'SELECT * FROM answers WHERE channel_id = ? AND user_id = ? AND created_at >= ? AND created_at < ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
    );
    this.setMessage = db.prepare('UPDATE answers SET message_id = ? WHERE id = ?');
    this.addMessage = db.prepare('INSERT OR REPLACE INTO answer_messages (message_id, answer_id, position) VALUES (?, ?, ?)');
    this.dropMessages = db.prepare('DELETE FROM answer_messages WHERE answer_id = ?');
    this.update = db.prepare('UPDATE answers SET question = @question, standalone = @standalone, answer_json = @answer_json, abstained = @abstained, mode = @mode WHERE id = @id');
    this.dropVotes = db.prepare('DELETE FROM votes WHERE answer_id = ?');
    this.delete = db.prepare('DELETE FROM answers WHERE id = ?');
  }

  record(answer: NewAnswer): AnswerRecord {
    const row: AnswerRow & { abstained: number; mode: string } = {
      id: newId(),
      created_at: Date.now(),
      user_id: answer.userId,
      guild_id: answer.guildId,
      channel_id: answer.channelId,
      via: answer.via,
      question: answer.question,
      standalone: answer.standalone,
      answer_json: JSON.stringify(answer.answer),
      abstained: answer.answer.abstained ? 1 : 0,
      mode: answer.answer.mode,
      message_id: answer.messageId ?? null,
      conversation_id: answer.conversationId ?? null,
      question_message_id: answer.questionMessageId ?? null,
    };
    this.insert.run(row);
    return toAnswer(row);
  }

  get(id: string): AnswerRecord | undefined {
    const row = this.select.get(id) as AnswerRow | undefined;
    return row ? toAnswer(row) : undefined;
  }

  byMessage(messageId: string): AnswerRecord | undefined {
    const row = this.selectByMessage.get(messageId) as AnswerRow | undefined;
    return row ? toAnswer(row) : undefined;
  }

  byQuestionMessage(messageId: string): AnswerRecord | undefined {
    const row = this.selectByQuestionMessage.get(messageId) as AnswerRow | undefined;
    return row ? toAnswer(row) : undefined;
  }

  latestByUser(channelId: string, userId: string, since: number, before = Number.MAX_SAFE_INTEGER): AnswerRecord | undefined {
    const row = this.selectLatestByUser.get(channelId, userId, since, before) as AnswerRow | undefined;
    return row ? toAnswer(row) : undefined;
  }

  attachMessages(id: string, messageIds: string[]): void {
    if (!messageIds.length) return;
    this.db.transaction(() => {
      this.dropMessages.run(id);
      messageIds.forEach((m, i) => this.addMessage.run(m, id, i));
      this.setMessage.run(messageIds[messageIds.length - 1], id);
    }).immediate();
  }

  revise(id: string, revision: AnswerRevision): AnswerRecord | undefined {
    return this.db.transaction(() => {
      const { answer } = revision;
      const changed = this.update.run({ id, question: revision.question, standalone: revision.standalone, answer_json: JSON.stringify(answer), abstained: answer.abstained ? 1 : 0, mode: answer.mode });
      if (!changed.changes) return undefined;
      // a vote was on the answer as it was; it says nothing about the new one
      this.dropVotes.run(id);
      return this.get(id);
    }).immediate();
  }

  remove(id: string): boolean {
    // votes, reports, message links and a conversation opened on it go with it (ON DELETE CASCADE)
    return this.delete.run(id).changes === 1;
  }
}

interface ConversationRow {
  id: string;
  channel_id: string;
  root_answer_id: string;
  created_at: number;
  limit_notified: number;
  turns: number;
}

class SqliteConversations implements ConversationStore {
  private readonly insert;
  private readonly link;
  private readonly select;
  private readonly recent;
  private readonly notify;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare('INSERT OR IGNORE INTO conversations (id, channel_id, root_answer_id, created_at) VALUES (?, ?, ?, ?)');
    this.link = db.prepare('UPDATE answers SET conversation_id = ? WHERE id = ?');
    this.select = db.prepare(`SELECT c.*, (SELECT COUNT(*) FROM answers a WHERE a.conversation_id = c.id) AS turns
      FROM conversations c WHERE c.id = ?`);
    this.recent = db.prepare(`SELECT * FROM (SELECT *, rowid AS seq FROM answers WHERE conversation_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?)
      ORDER BY created_at ASC, seq ASC`);
    this.notify = db.prepare('UPDATE conversations SET limit_notified = 1 WHERE id = ? AND limit_notified = 0');
  }

  open(threadId: string, channelId: string, rootAnswerId: string): Conversation {
    this.db.transaction(() => {
      this.insert.run(threadId, channelId, rootAnswerId, Date.now());
      this.link.run(threadId, rootAnswerId);
    }).immediate();
    return this.get(threadId)!;
  }

  get(threadId: string): Conversation | undefined {
    const row = this.select.get(threadId) as ConversationRow | undefined;
    if (!row) return undefined;
    return { id: row.id, channelId: row.channel_id, rootAnswerId: row.root_answer_id, createdAt: row.created_at, turns: row.turns, limitNotified: row.limit_notified === 1 };
  }

  recentTurns(threadId: string, limit: number): AnswerRecord[] {
    return (this.recent.all(threadId, limit) as AnswerRow[]).map(toAnswer);
  }

  markLimitNotified(threadId: string): boolean {
    return this.notify.run(threadId).changes === 1;
  }
}

class SqliteFeedback implements FeedbackStore {
  private readonly selectVote;
  private readonly upsertVote;
  private readonly deleteVote;
  private readonly tally;
  private readonly insertReport;
  private readonly selectReport;
  private readonly selectReports;

  constructor(private readonly db: Database.Database) {
    this.selectVote = db.prepare('SELECT value FROM votes WHERE answer_id = ? AND user_id = ?');
    this.upsertVote = db.prepare(`INSERT INTO votes (answer_id, user_id, value, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (answer_id, user_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
    this.deleteVote = db.prepare('DELETE FROM votes WHERE answer_id = ? AND user_id = ?');
    this.tally = db.prepare(`SELECT COALESCE(SUM(value = 1), 0) AS up, COALESCE(SUM(value = -1), 0) AS down FROM votes WHERE answer_id = ?`);
    this.insertReport = db.prepare(`INSERT INTO reports (answer_id, user_id, guild_id, channel_id, message_id, reason, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (answer_id, user_id) DO NOTHING`);
    this.selectReport = db.prepare('SELECT * FROM reports WHERE answer_id = ? AND user_id = ?');
    this.selectReports = db.prepare('SELECT * FROM reports WHERE answer_id = ? ORDER BY id');
  }

  setVote(answerId: string, userId: string, vote: Vote): { vote: Vote | 0; tally: VoteTally } {
    return this.db.transaction(() => {
      const current = this.voteOf(answerId, userId);
      let now: Vote | 0 = vote;
      if (current === vote) {
        this.deleteVote.run(answerId, userId);
        now = 0;
      } else {
        this.upsertVote.run(answerId, userId, vote, Date.now());
      }
      return { vote: now, tally: this.getVotes(answerId) };
    }).immediate();
  }

  getVotes(answerId: string): VoteTally {
    const row = this.tally.get(answerId) as { up: number; down: number };
    return { up: Number(row.up), down: Number(row.down) };
  }

  voteOf(answerId: string, userId: string): Vote | 0 {
    const row = this.selectVote.get(answerId, userId) as { value: number } | undefined;
    return row ? (row.value as Vote) : 0;
  }

  recordReport(report: { answerId: string; userId: string; guildId: string | null; channelId: string | null; messageId: string | null; reason?: string | null }) {
    const result = this.insertReport.run(report.answerId, report.userId, report.guildId, report.channelId, report.messageId, report.reason ?? null, Date.now());
    const row = this.selectReport.get(report.answerId, report.userId) as ReportRow;
    return { report: toReport(row), created: result.changes === 1 };
  }

  reportsFor(answerId: string): ReportRecord[] {
    return (this.selectReports.all(answerId) as ReportRow[]).map(toReport);
  }
}
