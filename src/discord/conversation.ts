/**
 * Messages as questions: recognising a mention, and turning a follow-up ("what about him?") into a
 * standalone question from the earlier turns. Pure functions; no Discord types.
 */
import { contentTokens } from '../index/tokenize.js';

/** Remove mentions of the bot (user or its managed role) and tidy the rest. */
export function stripBotMention(content: string, botId: string, roleIds: string[] = []): string {
  const ids = [botId, ...roleIds].map((id) => id.replace(/\D/g, '')).filter(Boolean);
  if (!ids.length) return content.trim();
  const re = new RegExp(`<@[!&]?(?:${ids.join('|')})>`, 'g');
  return content.replace(re, ' ').replace(/\s+/g, ' ').trim();
}

// Words that point back to an earlier turn.
const ANAPHORA = /\b(?:he|him|his|she|her|hers|it|its|they|them|their|theirs|this|that|these|those|there|then|same|other|else|also|too)\b|^\s*(?:and|but|so|what about|how about|and what|why not|why)\b/i;

/** Content words a follow-up may carry over, at most. */
export const MAX_CARRIED_TERMS = 6;

export interface ResolvedQuestion {
  /** the question to answer */
  standalone: string;
  /** the words carried over from the earlier turn (empty when the question stands alone) */
  carried: string[];
}

/**
 * Offline follow-up resolution: a short question, or one that points back ("him", "that", "and …?"),
 * gets the key content words of the previous question appended, e.g. "what about him?" after
 * "Who is Ali Larijani?" becomes "what about him? Ali Larijani". `previous` are the earlier
 * questions as answered, oldest first.
 */
export function carryKeyTerms(question: string, previous: string[]): ResolvedQuestion {
  const last = previous[previous.length - 1];
  const own = contentTokens(question);
  if (!last || (own.length > 3 && !ANAPHORA.test(question))) return { standalone: question, carried: [] };
  const have = new Set(own.map((t) => t.stem));
  const carried: string[] = [];
  for (const t of contentTokens(last)) {
    if (have.has(t.stem)) continue;
    have.add(t.stem);
    carried.push(last.slice(t.start, t.end));
    if (carried.length >= MAX_CARRIED_TERMS) break;
  }
  if (!carried.length) return { standalone: question, carried };
  return { standalone: `${question.trim()} ${carried.join(' ')}`, carried };
}
