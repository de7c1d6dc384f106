/**
 * The moderation record as a file: date ranges as moderators type them, and the record as CSV or
 * JSON. Pure functions.
 */
import type { RecordEntry, TimeRange } from '../store/moderation.js';
import type { Checked } from './moderation.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** A date (YYYY-MM-DD, UTC) or an ISO time; a bare `to` date includes its whole day. */
function parseTime(input: string, endOfDay: boolean): number | undefined {
  const text = input.trim();
  const day = DATE.exec(text);
  if (day) {
    const ms = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    const check = new Date(ms);
    if (check.getUTCFullYear() !== Number(day[1]) || check.getUTCMonth() !== Number(day[2]) - 1 || check.getUTCDate() !== Number(day[3])) return undefined;
    return endOfDay ? ms + DAY_MS - 1 : ms;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}

/** The range of an export: from the beginning and up to now unless given; both ends inclusive. */
export function parseDateRange(from: string | null | undefined, to: string | null | undefined, now: number): Checked<TimeRange> {
  const start = from?.trim() ? parseTime(from, false) : 0;
  if (start === undefined) return { ok: false, reason: `“${from!.slice(0, 40)}” is not a date: use YYYY-MM-DD (UTC), e.g. 2026-11-01.` };
  const end = to?.trim() ? parseTime(to, true) : now;
  if (end === undefined) return { ok: false, reason: `“${to!.slice(0, 40)}” is not a date: use YYYY-MM-DD (UTC), e.g. 2026-11-30.` };
  if (start > end) return { ok: false, reason: 'The start of the range is after its end.' };
  return { ok: true, value: { from: start, to: end } };
}

export type RecordFormat = 'csv' | 'json';

export const CSV_COLUMNS = ['time', 'kind', 'channel_id', 'user_id', 'user_name', 'answer_id', 'report_id', 'subject', 'detail'] as const;

/** One CSV cell: quoted when needed; text that a spreadsheet would run as a formula is prefixed with '. */
function cell(value: string | number | null, text = false): string {
  if (value === null) return '';
  let s = String(value);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function recordToCsv(entries: readonly RecordEntry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of entries) {
    lines.push(
      [
        cell(new Date(e.at).toISOString()),
        cell(e.kind),
        cell(e.channelId),
        cell(e.userId),
        cell(e.userName, true),
        cell(e.answerId),
        cell(e.reportId),
        cell(e.subject, true),
        cell(Object.keys(e.detail).length ? JSON.stringify(e.detail) : '', true),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function recordToJson(entries: readonly RecordEntry[], meta: { guildId: string; range: TimeRange; exportedAt: number }): string {
  return `${JSON.stringify(
    {
      guildId: meta.guildId,
      from: new Date(meta.range.from).toISOString(),
      to: new Date(Math.min(meta.range.to, 8.64e15)).toISOString(),
      exportedAt: new Date(meta.exportedAt).toISOString(),
      count: entries.length,
      entries: entries.map((e) => ({ time: new Date(e.at).toISOString(), ...e })),
    },
    null,
    2,
  )}\n`;
}

/** The file of an export: its name and contents. */
export function recordFile(entries: readonly RecordEntry[], format: RecordFormat, meta: { guildId: string; range: TimeRange; exportedAt: number }): { name: string; text: string } {
  const day = (ms: number) => new Date(Math.min(ms, 8.64e15)).toISOString().slice(0, 10);
  // an export from the beginning is `…-all-to-<day>`, not 1970-01-01
  const name = `footnote-record-${meta.guildId}-${meta.range.from ? day(meta.range.from) : 'all'}-to-${day(meta.range.to)}.${format}`;
  return { name, text: format === 'csv' ? recordToCsv(entries) : recordToJson(entries, meta) };
}
