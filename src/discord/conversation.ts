/**
 * Messages as questions: recognising a mention of the bot, and what an edit or a deletion of an
 * answered question does to its answer. Whether a message follows up an earlier turn, and how it is
 * read with it, is decided in src/retrieve/follow-up.ts. Pure; no Discord types.
 */
import type { MentionNames } from './render.js';

/**
 * A question as its words, for the engine: Discord's markup taken out. Mentions become @name (or go,
 * when the name is not known), emphasis, spoiler and inline-code marks go, and a fenced code block
 * goes whole (it is not words about the documents); "**What** did `Putin` say about _Iran_?" is
 * asked as "What did Putin say about Iran?". A question that is nothing but markup is left as it was.
 */
export function questionWords(text: string, names: MentionNames = {}): string {
  const named = (prefix: string, name: string | undefined) => (name ? `${prefix}${name}` : ' ');
  const words = text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\|\|([\s\S]*?)\|\|/g, '$1')
    .replace(/<@!?(\d+)>/g, (_, id: string) => named('@', names.user?.(id)))
    .replace(/<@&(\d+)>/g, (_, id: string) => named('@', names.role?.(id)))
    .replace(/<#(\d+)>/g, (_, id: string) => named('#', names.channel?.(id)))
    .replace(/<a?:(\w+):\d+>/g, ' ')
    .replace(/<\/([\w -]+):\d+>/g, '/$1')
    .replace(/\*\*|__|~~|`/g, '')
    .replace(/(^|[\s("“])[*_](?=\S)([^*_\n]*?\S)[*_](?=[\s.,;:!?)"”]|$)/gm, '$1$2')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
  return words || text.trim();
}

/** Remove mentions of the bot (user or its managed role) and tidy the rest. */
export function stripBotMention(content: string, botId: string, roleIds: string[] = []): string {
  const ids = [botId, ...roleIds].map((id) => id.replace(/\D/g, '')).filter(Boolean);
  if (!ids.length) return content.trim();
  const re = new RegExp(`<@[!&]?(?:${ids.join('|')})>`, 'g');
  return content.replace(re, ' ').replace(/\s+/g, ' ').trim();
}

/** How long a direct message follows up the member's previous question there. */
export const DM_FOLLOW_UP_MS = 15 * 60_000;

/** How long after asking a member may edit a question and have it answered again, in place. */
export const EDIT_FOLLOW_MS = 15 * 60_000;

/**
 * What an edit of an answered question does to the answer:
 * - `answer-again`: the words changed within the window; the new question is answered in the answer's messages
 * - `unchanged`: the same words (Discord also sends an update for a link preview, a pin, an embed): nothing
 * - `too-late`: edited after the window: the answer stays as it was given
 * - `under-review`: the answer was reported; the moderators need it as it was, so it stays
 * - `not-asked`: the edit no longer asks the bot anything it can read (its mention removed, or text the
 *   bot cannot see without the Message Content intent): the answer stays, as the question no longer asks for a new one
 */
export type EditOutcome = 'answer-again' | 'unchanged' | 'too-late' | 'under-review' | 'not-asked';

export interface EditFacts {
  /** the question as it was answered (the bot's mention removed) */
  answered: string;
  /** the edited message as a question for the bot, the mention removed; undefined when it no longer is one */
  edited: string | undefined;
  /** when the question was first asked, and now (ms) */
  askedAt: number;
  now: number;
  /** the answer was reported (open or decided) */
  reported: boolean;
}

/** Whether an edited question is answered again. */
export function editOutcome(facts: EditFacts, windowMs = EDIT_FOLLOW_MS): EditOutcome {
  if (facts.edited !== undefined && sameWords(facts.edited, facts.answered)) return 'unchanged';
  if (facts.now - facts.askedAt > windowMs) return 'too-late';
  if (facts.reported) return 'under-review';
  if (facts.edited === undefined) return 'not-asked';
  return 'answer-again';
}

function sameWords(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
}

/**
 * What a deleted question does to its answer:
 * - `delete`: the answer's messages go too, so no answer stands under a question that is not there
 * - `keep-reported`: the answer was reported; the moderators need it, so it stays
 * - `keep-thread`: a thread opened on the answer carries on with follow-ups; the answer is their context
 */
export type DeleteOutcome = 'delete' | 'keep-reported' | 'keep-thread';

export function deleteOutcome(facts: { reported: boolean; threadTurns: number }): DeleteOutcome {
  if (facts.reported) return 'keep-reported';
  if (facts.threadTurns > 1) return 'keep-thread';
  return 'delete';
}

/** How an answer shown as `shown` messages becomes `count` new ones: the first edited in place, any more sent after them, any fewer deleted. */
export interface AnswerEditPlan {
  edit: { messageId: string; index: number }[];
  /** rendered messages (by index) to send after the edited ones */
  send: number[];
  remove: string[];
}

export function planAnswerEdit(shown: readonly string[], count: number): AnswerEditPlan {
  const kept = Math.min(shown.length, count);
  return {
    edit: shown.slice(0, kept).map((messageId, index) => ({ messageId, index })),
    send: Array.from({ length: count - kept }, (_, i) => kept + i),
    remove: shown.slice(kept),
  };
}
