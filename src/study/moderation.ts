/**
 * Moderation rules as pure functions: which questions are refused and why, cooldowns, and checking a
 * moderator's corrected answer and its citations. No Discord types, no storage.
 */
import type { GuildSettings, RefusalCode, SettingsChange } from '../store/moderation.js';
import { mayUseBot, type MemberFacts } from './permissions.js';
import { plural } from '../ingest/text.js';

/** Questions longer than this are refused (the engine's own limit). */
export const MAX_QUESTION_CHARS = 1000;
/** More user and role mentions than this in one question is a mass mention. */
export const MAX_MENTIONS = 3;

export interface QuestionRefusal {
  code: RefusalCode;
  /** the sentence the asker is shown */
  message: string;
  /** for a cooldown: whole seconds until the member may ask again */
  retryAfterSeconds?: number;
}

const EVERYONE = /(?<![\w@])@(?:everyone|here)\b/i;
const USER_OR_ROLE_MENTION = /<@[!&]?\d{5,25}>/g;
const INVITE = /(?:https?:\/\/)?(?:www\.|ptb\.|canary\.)?(?:discord(?:app)?\.com\/invite|discord\.gg|dsc\.gg|discord\.me|discord\.io)\s*\/\s*[\w-]+/i;

/** Questions refused for what they contain: over-long, mass mentions, invite links. The bot's own mention is stripped before. */
export function contentRefusal(text: string, maxChars = MAX_QUESTION_CHARS): QuestionRefusal | undefined {
  const length = text.trim().length;
  if (length > maxChars) return { code: 'too-long', message: `The question is too long (${length} characters; the limit is ${maxChars}). Please shorten it.` };
  if (EVERYONE.test(text)) return { code: 'mass-mention', message: 'I don’t answer messages that mention everyone or here (mass mentions). Ask again without them.' };
  const mentions = text.match(USER_OR_ROLE_MENTION)?.length ?? 0;
  if (mentions > MAX_MENTIONS) return { code: 'mass-mention', message: `I don’t answer messages that mention ${mentions} people or roles (the limit is ${MAX_MENTIONS}). Ask again with fewer mentions.` };
  if (INVITE.test(text)) return { code: 'invite-link', message: 'I don’t answer messages that contain server invite links. Ask again without the link.' };
  return undefined;
}

/** Whole seconds until a member may ask again (0: now). */
export function cooldownRemaining(lastAskedAt: number | undefined, now: number, cooldownSeconds: number): number {
  if (!cooldownSeconds || lastAskedAt === undefined) return 0;
  const left = lastAskedAt + cooldownSeconds * 1000 - now;
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

export interface QuestionFacts {
  settings: Pick<GuildSettings, 'allowedRoleIds' | 'moderatorRoleIds' | 'memberCooldownSeconds'>;
  member: MemberFacts;
  blocked: boolean;
  /** the question as written (the bot's mention removed) */
  text: string;
  /** when the member last asked in the server (ms), if they did */
  lastAskedAt?: number;
  now: number;
}

/**
 * Whether a member's question in a server is taken, or refused with the reason, checked in this
 * order: blocked, not among the allowed roles, what the question contains, the member's cooldown.
 */
export function refuseQuestion(facts: QuestionFacts): QuestionRefusal | undefined {
  if (facts.blocked) return { code: 'blocked', message: 'You can’t ask Footnote questions in this server.' };
  if (!mayUseBot(facts.member, facts.settings)) {
    return { code: 'not-allowed', message: 'In this server only members with certain roles can ask Footnote questions. A moderator can tell you which.' };
  }
  const content = contentRefusal(facts.text);
  if (content) return content;
  const wait = cooldownRemaining(facts.lastAskedAt, facts.now, facts.settings.memberCooldownSeconds);
  if (wait > 0) {
    const every = facts.settings.memberCooldownSeconds;
    return { code: 'cooldown', message: `Please wait ${plural(wait, 'more second')} before asking again (one question every ${plural(every, 'second')} per member here).`, retryAfterSeconds: wait };
  }
  return undefined;
}

/**
 * Whether a waiting question's new place is worth an edit of its notice: always near the front,
 * further back only at round numbers, so a long queue does not spend Discord's request budget
 * (50 a second) on notices instead of answers.
 */
export function worthTelling(position: number): boolean {
  return position <= 10 || position % 10 === 0;
}

/** What a queued asker is told. */
export function queuedMessage(position: number): string {
  return position === 1
    ? '⏳ This server is at its questions-per-minute limit. Your question is next in the queue and will be answered here shortly.'
    : `⏳ This server is at its questions-per-minute limit. Your question is number ${position} in the queue and will be answered here in turn.`;
}

// ---------------------------------------------------------------------------------------------------------------
// Settings

export const SETTING_LIMITS = {
  memberCooldownSeconds: { min: 0, max: 86_400 },
  questionsPerMinute: { min: 0, max: 600 },
  retentionDays: { min: 0, max: 3650 },
} as const;

/** Problems with a settings change (empty when it is fine). */
export function settingsProblems(change: SettingsChange, documentIds?: readonly string[]): string[] {
  const problems: string[] = [];
  for (const [key, { min, max }] of Object.entries(SETTING_LIMITS) as [keyof typeof SETTING_LIMITS, { min: number; max: number }][]) {
    const value = change[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < min || value > max) problems.push(`${key} must be a whole number from ${min} to ${max}`);
  }
  if (change.replyStyle !== undefined && !['inline', 'thread', 'ephemeral'].includes(change.replyStyle)) problems.push('replyStyle must be inline, thread or ephemeral');
  if (change.channelDocuments && documentIds) {
    for (const ids of Object.values(change.channelDocuments)) {
      const unknown = ids.filter((id) => !documentIds.includes(id));
      if (unknown.length) problems.push(`unknown document${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
    }
  }
  return problems;
}

/** A list with an item added or removed (order kept, no repeats). */
export function withItem(list: readonly string[], item: string, present: boolean): string[] {
  const rest = list.filter((x) => x !== item);
  return present ? [...rest, item] : rest;
}

/** Document ids typed by a moderator: split at commas or spaces, "all" (or nothing) meaning every document. */
export function parseDocumentList(input: string): string[] | 'all' {
  const ids = [...new Set(input.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean))];
  if (!ids.length || ids.some((id) => id.toLowerCase() === 'all')) return 'all';
  return ids;
}

/** The documents a channel may draw on: its own entry, else its parent's (a thread), else all (undefined). */
export function documentsFor(channelDocuments: Record<string, string[]>, channelId: string, parentId?: string | null): string[] | undefined {
  const own = channelDocuments[channelId];
  if (own?.length) return own;
  const parent = parentId ? channelDocuments[parentId] : undefined;
  return parent?.length ? parent : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Corrections

export type CitationRef = { kind: 'passage'; passageId: string } | { kind: 'original'; n: number; passageId: string };

export interface CitationLookup {
  /** passage id of the original answer's citation n */
  original(n: number): string | undefined;
  /** whether a passage id is in the corpus */
  passageExists(id: string): boolean;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * The passages a correction cites, in the order written: passage ids from the corpus, or `[n]` / `n`
 * for the original answer's citation n. Every item must be valid and at least one given.
 */
export function parseCitationRefs(input: string, lookup: CitationLookup): Checked<CitationRef[]> {
  const items = input
    .split(/[\s,;]+/)
    .map((s) => s.trim().replace(/^`|`$/g, ''))
    .filter(Boolean);
  if (!items.length) return { ok: false, reason: 'A correction must cite at least one passage: give passage ids (as shown under answers) or [n] for the original answer’s sources.' };
  const refs: CitationRef[] = [];
  const bad: string[] = [];
  for (const item of items) {
    const number = /^\[?(\d{1,3})\]?$/.exec(item);
    if (number) {
      const n = Number(number[1]);
      const passageId = lookup.original(n);
      if (passageId) refs.push({ kind: 'original', n, passageId });
      else bad.push(`[${n}] (the original answer has no source ${n})`);
      continue;
    }
    if (lookup.passageExists(item)) refs.push({ kind: 'passage', passageId: item });
    else bad.push(`“${item.slice(0, 80)}” (no passage has that id)`);
  }
  if (bad.length) return { ok: false, reason: `The correction was not saved: ${bad.join('; ')}. Cite passage ids as shown under answers (e.g. in /search), or [n] for the original answer’s sources.` };
  // the same passage twice is cited once
  const unique = refs.filter((r, i) => refs.findIndex((x) => x.passageId === r.passageId) === i);
  return { ok: true, value: unique };
}

/**
 * A corrected answer's text checked against its citations: every [n] must be one of them; a text
 * without markers gets them all at its end, so the answer always shows what it rests on.
 */
export function checkCorrectedText(text: string, citationCount: number): Checked<string> {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, reason: 'The corrected answer is empty.' };
  const markers = [...trimmed.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  const outOfRange = [...new Set(markers.filter((n) => n < 1 || n > citationCount))];
  if (outOfRange.length) {
    return { ok: false, reason: `The corrected answer refers to ${outOfRange.map((n) => `[${n}]`).join(', ')}, but it cites ${plural(citationCount, 'passage')}: ${citationCount === 1 ? 'number it [1]' : `number them [1]–[${citationCount}] in the order of the citations`}.` };
  }
  if (markers.length) return { ok: true, value: trimmed };
  return { ok: true, value: `${trimmed} ${Array.from({ length: citationCount }, (_, i) => `[${i + 1}]`).join('')}` };
}
