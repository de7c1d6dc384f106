import type Database from 'better-sqlite3';
import { toReport, type ReportRow } from './rows.js';
import type { Answer, Citation } from '../answer/types.js';
import {
  DEFAULT_GUILD_SETTINGS,
  type Actor,
  type Block,
  type ForgetCounts,
  type GuildSettings,
  type ModerationStore,
  type ModeratorAction,
  type NewModeratorAction,
  type NewReviewedAnswer,
  type PurgeCounts,
  type RecordEntry,
  type Refusal,
  type ReportResolution,
  type ReportReview,
  type ReviewedAnswer,
  type SettingKey,
  type SettingsChange,
  type SettingsChangeRecord,
  type SettingsStore,
  type TimeRange,
} from './moderation.js';

const DAY_MS = 86_400_000;
const SETTING_KEYS = Object.keys(DEFAULT_GUILD_SETTINGS).filter((k) => k !== 'updatedAt' && k !== 'updatedBy') as SettingKey[];
const ALL_TIME: TimeRange = { from: 0, to: Number.MAX_SAFE_INTEGER };

function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

function parse<T>(text: string | null): T | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Settings

interface SettingsRow {
  settings_json: string;
  updated_at: number;
  updated_by: string | null;
}

interface ChangeRow {
  id: number;
  guild_id: string;
  setting: SettingKey;
  old_json: string | null;
  new_json: string | null;
  user_id: string;
  user_name: string | null;
  channel_id: string | null;
  at: number;
}

/** Only the known settings of a saved object (a setting removed in a later version is ignored). */
function knownSettings(saved: Record<string, unknown> | null): SettingsChange {
  const out: Record<string, unknown> = {};
  if (!saved) return out;
  for (const key of SETTING_KEYS) if (key in saved) out[key] = saved[key];
  return out as SettingsChange;
}

export class SqliteSettings implements SettingsStore {
  private readonly select;
  private readonly upsert;
  private readonly insertChange;
  private readonly selectChanges;
  private readonly selectAll;

  constructor(private readonly db: Database.Database) {
    this.select = db.prepare('SELECT settings_json, updated_at, updated_by FROM guild_settings WHERE guild_id = ?');
    this.upsert = db.prepare(`INSERT INTO guild_settings (guild_id, settings_json, updated_at, updated_by) VALUES (?, ?, ?, ?)
      ON CONFLICT (guild_id) DO UPDATE SET settings_json = excluded.settings_json, updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
    this.insertChange = db.prepare(`INSERT INTO settings_changes (guild_id, setting, old_json, new_json, user_id, user_name, channel_id, at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.selectChanges = db.prepare('SELECT * FROM settings_changes WHERE guild_id = ? AND at BETWEEN ? AND ? ORDER BY at, id');
    this.selectAll = db.prepare('SELECT guild_id, settings_json FROM guild_settings');
  }

  get(guildId: string): GuildSettings {
    const row = this.select.get(guildId) as SettingsRow | undefined;
    const saved = row ? knownSettings(parse(row.settings_json)) : {};
    return { guildId, ...DEFAULT_GUILD_SETTINGS, ...structuredClone(saved), updatedAt: row?.updated_at ?? 0, updatedBy: row?.updated_by ?? null };
  }

  saved(guildId: string): SettingsChange {
    const row = this.select.get(guildId) as SettingsRow | undefined;
    return row ? knownSettings(parse(row.settings_json)) : {};
  }

  update(guildId: string, change: SettingsChange, actor: Actor): GuildSettings {
    const at = actor.at ?? Date.now();
    return this.db
      .transaction(() => {
        const before = this.get(guildId);
        const saved = this.saved(guildId) as Record<string, unknown>;
        let changed = 0;
        for (const key of SETTING_KEYS) {
          if (!(key in change)) continue;
          const next = (change as Record<string, unknown>)[key];
          if (next === undefined) continue;
          const old = (before as unknown as Record<string, unknown>)[key];
          if (JSON.stringify(old) === JSON.stringify(next)) continue;
          saved[key] = next;
          this.insertChange.run(guildId, key, json(old), json(next), actor.userId, actor.userName ?? null, actor.channelId ?? null, at);
          changed++;
        }
        if (changed) this.upsert.run(guildId, JSON.stringify(saved), at, actor.userId);
        return this.get(guildId);
      })
      .immediate();
  }

  history(guildId: string, range: TimeRange = ALL_TIME): SettingsChangeRecord[] {
    return (this.selectChanges.all(guildId, range.from, range.to) as ChangeRow[]).map((r) => ({
      id: r.id,
      guildId: r.guild_id,
      setting: r.setting,
      oldValue: parse(r.old_json),
      newValue: parse(r.new_json),
      userId: r.user_id,
      userName: r.user_name,
      channelId: r.channel_id,
      at: r.at,
    }));
  }

  retention(): { guildId: string; retentionDays: number }[] {
    const out: { guildId: string; retentionDays: number }[] = [];
    for (const row of this.selectAll.all() as { guild_id: string; settings_json: string }[]) {
      const days = Number(knownSettings(parse(row.settings_json)).retentionDays ?? 0);
      if (Number.isFinite(days) && days > 0) out.push({ guildId: row.guild_id, retentionDays: days });
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Moderation

interface ReviewRow extends ReportRow {
  resolution: ReportResolution | null;
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  reviewed_at: number | null;
  modlog_channel_id: string | null;
  modlog_message_id: string | null;
}

function toReview(r: ReviewRow): ReportReview {
  return {
    ...toReport(r),
    resolution: r.resolution,
    reviewedBy: r.reviewed_by,
    reviewedByName: r.reviewed_by_name,
    reviewedAt: r.reviewed_at,
    modLogChannelId: r.modlog_channel_id,
    modLogMessageId: r.modlog_message_id,
  };
}

interface ActionRow {
  id: number;
  guild_id: string;
  channel_id: string | null;
  user_id: string;
  user_name: string | null;
  action: ModeratorAction['action'];
  target_user_id: string | null;
  answer_id: string | null;
  report_id: number | null;
  detail_json: string | null;
  at: number;
}

function toAction(r: ActionRow): ModeratorAction {
  return {
    id: r.id,
    guildId: r.guild_id,
    channelId: r.channel_id,
    userId: r.user_id,
    userName: r.user_name,
    action: r.action,
    targetUserId: r.target_user_id,
    answerId: r.answer_id,
    reportId: r.report_id,
    detail: parse(r.detail_json),
    at: r.at,
  };
}

interface ReviewedRow {
  id: number;
  guild_id: string;
  answer_id: string | null;
  report_id: number | null;
  question: string;
  kind: ReviewedAnswer['kind'];
  answer_text: string;
  citations_json: string;
  moderator_id: string;
  moderator_name: string;
  created_at: number;
}

function toReviewed(r: ReviewedRow): ReviewedAnswer {
  return {
    id: r.id,
    guildId: r.guild_id,
    answerId: r.answer_id,
    reportId: r.report_id,
    question: r.question,
    kind: r.kind,
    answerText: r.answer_text,
    citations: parse<Citation[]>(r.citations_json) ?? [],
    moderatorId: r.moderator_id,
    moderatorName: r.moderator_name,
    createdAt: r.created_at,
  };
}

interface BlockRow {
  guild_id: string;
  user_id: string;
  reason: string | null;
  blocked_by: string;
  blocked_by_name: string | null;
  blocked_at: number;
}

function toBlock(r: BlockRow): Block {
  return { guildId: r.guild_id, userId: r.user_id, reason: r.reason, blockedBy: r.blocked_by, blockedByName: r.blocked_by_name, blockedAt: r.blocked_at };
}

export class SqliteModeration implements ModerationStore {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      report: p('SELECT * FROM reports WHERE id = ?'),
      reports: p('SELECT * FROM reports WHERE guild_id = ? ORDER BY created_at DESC, id DESC LIMIT ?'),
      reportsByStatus: p('SELECT * FROM reports WHERE guild_id = ? AND status = ? ORDER BY created_at DESC, id DESC LIMIT ?'),
      setModLog: p('UPDATE reports SET modlog_channel_id = ?, modlog_message_id = ? WHERE id = ?'),
      resolve: p(`UPDATE reports SET status = 'resolved', resolution = ?, reviewed_by = ?, reviewed_by_name = ?, reviewed_at = ? WHERE id = ?`),
      insertAction: p(`INSERT INTO moderator_actions (guild_id, channel_id, user_id, user_name, action, target_user_id, answer_id, report_id, detail_json, at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      action: p('SELECT * FROM moderator_actions WHERE id = ?'),
      actions: p('SELECT * FROM moderator_actions WHERE guild_id = ? AND at BETWEEN ? AND ? ORDER BY at, id'),
      reportActions: p('SELECT * FROM moderator_actions WHERE report_id = ? ORDER BY at, id'),
      insertReviewed: p(`INSERT INTO reviewed_answers (guild_id, answer_id, report_id, question, kind, answer_text, citations_json, moderator_id, moderator_name, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      reviewedOne: p('SELECT * FROM reviewed_answers WHERE id = ?'),
      reviewed: p('SELECT * FROM reviewed_answers WHERE guild_id = ? ORDER BY created_at DESC, id DESC LIMIT ?'),
      reviewedIn: p('SELECT * FROM reviewed_answers WHERE guild_id = ? AND created_at BETWEEN ? AND ? ORDER BY created_at, id'),
      blockOf: p('SELECT * FROM blocks WHERE guild_id = ? AND user_id = ?'),
      blocks: p('SELECT * FROM blocks WHERE guild_id = ? ORDER BY blocked_at'),
      insertBlock: p(`INSERT INTO blocks (guild_id, user_id, reason, blocked_by, blocked_by_name, blocked_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (guild_id, user_id) DO UPDATE SET reason = excluded.reason`),
      deleteBlock: p('DELETE FROM blocks WHERE guild_id = ? AND user_id = ?'),
      lastQuestion: p('SELECT MAX(created_at) AS at FROM answers WHERE guild_id = ? AND user_id = ?'),
      insertRefusal: p('INSERT INTO refused_questions (guild_id, channel_id, user_id, via, question, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      answerMessages: p('SELECT message_id FROM answer_messages WHERE answer_id = ? ORDER BY position'),
      // export
      exportAnswers: p('SELECT * FROM answers WHERE guild_id = ? AND created_at BETWEEN ? AND ? ORDER BY created_at, rowid'),
      exportVotes: p(`SELECT v.*, a.channel_id FROM votes v JOIN answers a ON a.id = v.answer_id
        WHERE a.guild_id = ? AND v.updated_at BETWEEN ? AND ? ORDER BY v.updated_at`),
      exportReports: p('SELECT * FROM reports WHERE guild_id = ? AND created_at BETWEEN ? AND ? ORDER BY created_at, id'),
      exportRefusals: p('SELECT * FROM refused_questions WHERE guild_id = ? AND at BETWEEN ? AND ? ORDER BY at, id'),
      exportChanges: p('SELECT * FROM settings_changes WHERE guild_id = ? AND at BETWEEN ? AND ? ORDER BY at, id'),
      // retention
      retention: p('SELECT guild_id, settings_json FROM guild_settings'),
      purgeVotes: p(`DELETE FROM votes WHERE answer_id IN (SELECT id FROM answers WHERE guild_id = @guild)
        AND (updated_at < @cutoff OR answer_id IN (SELECT id FROM answers WHERE guild_id = @guild AND created_at < @cutoff
          AND id NOT IN (SELECT answer_id FROM reports WHERE status = 'open')))`),
      purgeAnswers: p(`DELETE FROM answers WHERE guild_id = @guild AND created_at < @cutoff AND id NOT IN (SELECT answer_id FROM reports WHERE status = 'open')`),
      purgeRefusals: p('DELETE FROM refused_questions WHERE guild_id = @guild AND at < @cutoff'),
      // forget-me
      forgetVotes: p('DELETE FROM votes WHERE user_id = @user AND answer_id IN (SELECT id FROM answers WHERE guild_id IS @guild)'),
      forgetReports: p('DELETE FROM reports WHERE user_id = @user AND guild_id IS @guild'),
      forgetAnswers: p('DELETE FROM answers WHERE user_id = @user AND guild_id IS @guild'),
      forgetRefusals: p('DELETE FROM refused_questions WHERE user_id = @user AND guild_id IS @guild'),
    };
  }

  report(id: number): ReportReview | undefined {
    const row = this.s.report.get(id) as ReviewRow | undefined;
    return row ? toReview(row) : undefined;
  }

  reports(guildId: string, options: { status?: ReportReview['status']; limit?: number } = {}): ReportReview[] {
    const limit = options.limit ?? 100;
    const rows = (options.status ? this.s.reportsByStatus.all(guildId, options.status, limit) : this.s.reports.all(guildId, limit)) as ReviewRow[];
    return rows.map(toReview);
  }

  setReportModLog(reportId: number, channelId: string, messageId: string): void {
    this.s.setModLog.run(channelId, messageId, reportId);
  }

  resolveReport(reportId: number, resolution: ReportResolution, actor: Actor): ReportReview | undefined {
    this.s.resolve.run(resolution, actor.userId, actor.userName ?? null, actor.at ?? Date.now(), reportId);
    return this.report(reportId);
  }

  recordAction(action: NewModeratorAction, actor: Actor): ModeratorAction {
    const id = this.s.insertAction.run(
      action.guildId,
      actor.channelId ?? null,
      actor.userId,
      actor.userName ?? null,
      action.action,
      action.targetUserId ?? null,
      action.answerId ?? null,
      action.reportId ?? null,
      action.detail ? JSON.stringify(action.detail) : null,
      actor.at ?? Date.now(),
    ).lastInsertRowid;
    return toAction(this.s.action.get(id) as ActionRow);
  }

  actions(guildId: string, range: TimeRange = ALL_TIME): ModeratorAction[] {
    return (this.s.actions.all(guildId, range.from, range.to) as ActionRow[]).map(toAction);
  }

  reportActions(reportId: number): ModeratorAction[] {
    return (this.s.reportActions.all(reportId) as ActionRow[]).map(toAction);
  }

  addReviewed(answer: NewReviewedAnswer, actor: Actor): ReviewedAnswer {
    const id = this.s.insertReviewed.run(
      answer.guildId,
      answer.answerId,
      answer.reportId,
      answer.question,
      answer.kind,
      answer.answerText,
      JSON.stringify(answer.citations),
      actor.userId,
      actor.userName ?? actor.userId,
      actor.at ?? Date.now(),
    ).lastInsertRowid;
    return toReviewed(this.s.reviewedOne.get(id) as ReviewedRow);
  }

  reviewedAnswers(guildId: string, limit = 500): ReviewedAnswer[] {
    return (this.s.reviewed.all(guildId, limit) as ReviewedRow[]).map(toReviewed);
  }

  block(guildId: string, userId: string, reason: string | null, actor: Actor): { block: Block; created: boolean } {
    return this.db
      .transaction(() => {
        const existed = this.s.blockOf.get(guildId, userId) !== undefined;
        this.s.insertBlock.run(guildId, userId, reason, actor.userId, actor.userName ?? null, actor.at ?? Date.now());
        return { block: toBlock(this.s.blockOf.get(guildId, userId) as BlockRow), created: !existed };
      })
      .immediate();
  }

  unblock(guildId: string, userId: string): boolean {
    return this.s.deleteBlock.run(guildId, userId).changes > 0;
  }

  blockOf(guildId: string, userId: string): Block | undefined {
    const row = this.s.blockOf.get(guildId, userId) as BlockRow | undefined;
    return row ? toBlock(row) : undefined;
  }

  blocks(guildId: string): Block[] {
    return (this.s.blocks.all(guildId) as BlockRow[]).map(toBlock);
  }

  lastQuestionAt(guildId: string, userId: string): number | undefined {
    return (this.s.lastQuestion.get(guildId, userId) as { at: number | null }).at ?? undefined;
  }

  recordRefusal(refusal: Refusal, at = Date.now()): void {
    this.s.insertRefusal.run(refusal.guildId, refusal.channelId, refusal.userId, refusal.via, refusal.question.slice(0, 4000), refusal.reason, at);
  }

  answerMessages(answerId: string): string[] {
    return (this.s.answerMessages.all(answerId) as { message_id: string }[]).map((r) => r.message_id);
  }

  exportRecord(guildId: string, range: TimeRange): RecordEntry[] {
    const { from, to } = range;
    const entries: RecordEntry[] = [];
    const base = { guildId, userName: null, answerId: null, reportId: null };
    for (const a of this.s.exportAnswers.all(guildId, from, to) as {
      id: string; created_at: number; user_id: string; channel_id: string; via: string; question: string; standalone: string; answer_json: string;
    }[]) {
      const answer = parse<Answer & { review?: unknown }>(a.answer_json);
      entries.push({
        ...base,
        at: a.created_at,
        kind: 'question',
        channelId: a.channel_id,
        userId: a.user_id,
        answerId: a.id,
        subject: a.question,
        detail: {
          via: a.via,
          ...(a.standalone !== a.question ? { answeredAs: a.standalone } : {}),
          answer: answer?.answer ?? null,
          abstained: answer?.abstained ?? null,
          mode: answer?.mode ?? null,
          citations: answer?.citations.map((c) => c.passageId) ?? [],
          ...(answer?.review ? { review: answer.review } : {}),
        },
      });
    }
    for (const v of this.s.exportVotes.all(guildId, from, to) as { answer_id: string; user_id: string; value: number; updated_at: number; channel_id: string }[]) {
      entries.push({ ...base, at: v.updated_at, kind: 'vote', channelId: v.channel_id, userId: v.user_id, answerId: v.answer_id, subject: v.value === 1 ? 'up' : 'down', detail: {} });
    }
    for (const r of (this.s.exportReports.all(guildId, from, to) as ReviewRow[]).map(toReview)) {
      entries.push({
        ...base,
        at: r.createdAt,
        kind: 'report',
        channelId: r.channelId,
        userId: r.userId,
        answerId: r.answerId,
        reportId: r.id,
        subject: r.reason ?? '',
        detail: { status: r.status, resolution: r.resolution, reviewedBy: r.reviewedBy, reviewedByName: r.reviewedByName, reviewedAt: r.reviewedAt, messageId: r.messageId },
      });
    }
    for (const r of this.s.exportRefusals.all(guildId, from, to) as { at: number; channel_id: string | null; user_id: string; via: string; question: string; reason: string }[]) {
      entries.push({ ...base, at: r.at, kind: 'refusal', channelId: r.channel_id, userId: r.user_id, subject: r.question, detail: { reason: r.reason, via: r.via } });
    }
    for (const a of this.actions(guildId, range)) {
      entries.push({
        ...base,
        at: a.at,
        kind: 'moderator-action',
        channelId: a.channelId,
        userId: a.userId,
        userName: a.userName,
        answerId: a.answerId,
        reportId: a.reportId,
        subject: a.action,
        detail: { ...(a.targetUserId ? { targetUserId: a.targetUserId } : {}), ...(a.detail ?? {}) },
      });
    }
    for (const c of this.s.exportChanges.all(guildId, from, to) as ChangeRow[]) {
      entries.push({ ...base, at: c.at, kind: 'settings-change', channelId: c.channel_id, userId: c.user_id, userName: c.user_name, subject: c.setting, detail: { from: parse(c.old_json), to: parse(c.new_json) } });
    }
    for (const r of (this.s.reviewedIn.all(guildId, from, to) as ReviewedRow[]).map(toReviewed)) {
      entries.push({
        ...base,
        at: r.createdAt,
        kind: 'reviewed-answer',
        channelId: null,
        userId: r.moderatorId,
        userName: r.moderatorName,
        answerId: r.answerId,
        reportId: r.reportId,
        subject: r.question,
        detail: { kind: r.kind, answer: r.answerText, citations: r.citations.map((c) => c.passageId) },
      });
    }
    return entries.sort((a, b) => a.at - b.at);
  }

  purgeExpired(now = Date.now()): PurgeCounts {
    const counts: PurgeCounts = { answers: 0, votes: 0, refusals: 0 };
    for (const row of this.s.retention.all() as { guild_id: string; settings_json: string }[]) {
      const days = Number(knownSettings(parse(row.settings_json)).retentionDays ?? 0);
      if (!Number.isFinite(days) || days <= 0) continue;
      const params = { guild: row.guild_id, cutoff: now - days * DAY_MS };
      // one server at a time, so a long purge never holds the write lock for long
      this.db
        .transaction(() => {
          counts.votes += this.s.purgeVotes.run(params).changes;
          counts.answers += this.s.purgeAnswers.run(params).changes;
          counts.refusals += this.s.purgeRefusals.run(params).changes;
        })
        .immediate();
    }
    return counts;
  }

  forgetMember(guildId: string | null, userId: string): ForgetCounts {
    const params = { guild: guildId, user: userId };
    return this.db
      .transaction(() => ({
        // votes and reports first: deleting the member's answers also removes other people's votes and reports on them
        votes: this.s.forgetVotes.run(params).changes,
        reports: this.s.forgetReports.run(params).changes,
        questions: this.s.forgetAnswers.run(params).changes,
        refusals: this.s.forgetRefusals.run(params).changes,
      }))
      .immediate();
  }
}
