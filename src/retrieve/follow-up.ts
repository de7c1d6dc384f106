/**
 * Follow-ups: whether a question leans on the turn before it, and reading it with that turn offline
 * ("what about him?" after "Who is Ali Larijani?"). Shared by the Discord threads and DMs and the
 * console chat. Pure functions.
 */
import { contentTokens, type Token } from '../index/tokenize.js';
import { asksForStructure, expandChat, isChatter, metadataField, questionType, withoutPreamble } from './question.js';

// Words that point back to an earlier turn, and openings that continue it ("and …?", "what about …?").
const ANAPHORA = /\b(?:he|him|his|she|her|hers|it|its|they|them|their|theirs|this|that|these|those|there|then|same|other|else|also|too)\b|^\s*(?:and|but|so|what about|how about|and what|why not)\b/i;
const ALL_THIS = /\b(?:in|of|about|with|behind|to)\s+all\s+(?:of\s+)?(?:this|that)\b/gi;
// "what about Russia?": a new subject in place of the previous one.
const NEW_SUBJECT = /^\s*(?:and\s+)?(?:what|how)\s+about\s+(.+)$/i;

/** The new subject of a "what about X?" follow-up (X), if the question is one. */
export function newSubject(question: string): string | undefined {
  const subject = NEW_SUBJECT.exec(question.split('?')[0] + '?')?.[1]?.replace(/\?\s*$/, '').trim();
  // ("what about Putin's statements would have lifted spirits?" asks what in them did: a clause, no new subject)
  return subject && !CLAUSE_VERB.test(subject) ? subject : undefined;
}
const CLAUSE_VERB = /\s(?:would|could|will|should|might|may|must|can|does|did|do|is|are|was|were|has|have|had|made|makes|make)\s/i;
// A question in its own right opens with a question word, an auxiliary or a request.
const QUESTION_FORM = /^\s*(?:who|whom|whose|what|what's|when|where|which|why|how|is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|according|name|list|explain|describe|summari[sz]e|tell)\b/i;

const DOCUMENT_NAMED = /\b(?:the|this|that)\s+(?:article|piece|essay|document|text|paper|op-?ed)\b/i;

/** Content words a follow-up may carry over, at most. */
export const MAX_CARRIED_TERMS = 6;

export interface ResolvedQuestion {
  /** the question to answer */
  standalone: string;
  /** the words carried over from the earlier turn (empty when the question stands alone) */
  carried: string[];
}

/**
 * Whether a question leans on the turn before it: it points back ("what was he wearing?", "and
 * when was that?", "what about Russia?"), is a bare question word ("why?", "when?"), or lacks a
 * question form or a subject of its own ("Syria?", "how many were wounded?"). Talk ("thanks!") does
 * not. A question that names
 * its subject and asks it ("What did Putin say about Iran?", "Who is Putin?") stands alone.
 */
export function needsPreviousTurn(question: string): boolean {
  // (read as the question is answered: a quiz number, a purpose or a polite preamble around it asks nothing of its own)
  const text = withoutPreamble(expandChat(question));
  // "thanks!" after an answer is talk, not a question about it
  if (isChatter(text)) return false;
  // "Who wrote the article?", "what is this article about?": about the document, which is named
  if (metadataField(text) || DOCUMENT_NAMED.test(text) || asksForStructure(text) || questionType(text) === 'overview') return false;
  // ("what role does the US play in all this?": "all this" is the whole matter, not the previous question)
  if (ANAPHORA.test(text.replace(ALL_THIS, ' '))) return true;
  const own = contentTokens(text);
  if (!own.length) return QUESTION_FORM.test(text);
  if (own.length > 3) return false;
  const named = own.length >= 2 || own.some((t) => isName(text, t));
  return !(named && QUESTION_FORM.test(text));
}

/**
 * Offline follow-up resolution: a question that leans on the previous one (see needsPreviousTurn)
 * gets the key content words of the previous question appended, e.g. "what about him?" after "Who
 * is Ali Larijani?" becomes "what about him? Ali Larijani"; "what about Russia?" names a new
 * subject, so the previous question's names are left behind and only its other words come along.
 * `previous` are the earlier questions as answered, oldest first.
 */
export function carryKeyTerms(question: string, previous: string[]): ResolvedQuestion {
  const last = previous[previous.length - 1];
  if (!last || !needsPreviousTurn(question)) return { standalone: question, carried: [] };
  const own = contentTokens(question);
  const newSubject = contentTokens(NEW_SUBJECT.exec(question)?.[1] ?? '').length > 0;
  const have = new Set(own.map((t) => t.stem));
  const carried: string[] = [];
  for (const t of contentTokens(last)) {
    if (have.has(t.stem) || (newSubject && isName(last, t))) continue;
    have.add(t.stem);
    carried.push(last.slice(t.start, t.end));
    if (carried.length >= MAX_CARRIED_TERMS) break;
  }
  if (!carried.length) return { standalone: question, carried };
  return { standalone: `${question.trim()} ${carried.join(' ')}`, carried };
}

/** A capitalised word past the first of its sentence reads as a name ("Ali Larijani", "Russia"). */
function isName(text: string, t: Token): boolean {
  const before = text.slice(0, t.start);
  return /^\p{Lu}/u.test(text.slice(t.start, t.end)) && !/^\s*$|[.?!]\s+$/.test(before);
}
