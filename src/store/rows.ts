import type { ReportRecord } from './types.js';

/** A row of `reports`, as the core columns read; the moderation store reads its review columns on top. */
export interface ReportRow {
  id: number;
  answer_id: string;
  user_id: string;
  guild_id: string | null;
  channel_id: string | null;
  message_id: string | null;
  reason: string | null;
  status: ReportRecord['status'];
  created_at: number;
}

export function toReport(row: ReportRow): ReportRecord {
  return {
    id: row.id,
    answerId: row.answer_id,
    userId: row.user_id,
    guildId: row.guild_id,
    channelId: row.channel_id,
    messageId: row.message_id,
    reason: row.reason,
    status: row.status,
    createdAt: row.created_at,
  };
}
