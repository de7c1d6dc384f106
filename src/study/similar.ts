/**
 * When two questions are "the same question": they name the same things (names, acronyms, numbers)
 * and, apart from that, are equal once normalised (case, accents, punctuation, spacing) or share
 * nearly all their words with the same question word. Used to prefer a moderator-reviewed answer
 * for a question asked again. Pure functions.
 */
import { tokenize, type Token } from '../index/tokenize.js';

// Words that change nothing about what is asked. Question words (who, when, why ...) and negations are kept.
const FILLER = new Set(
  `a an the this that these those is are was were be been being do does did of to in on at for about by with from
  please pls plz can could would you u tell me us explain say said says i we our my exactly actually really just
  according article text piece essay document`.split(/\s+/),
);

const QUESTION_WORDS = new Set(['who', 'whom', 'whose', 'what', 'when', 'where', 'why', 'how', 'which', 'whether']);

/** Lower case, no accents, no punctuation, single spaces. */
export function normalizeQuestion(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface QuestionTerms {
  /** stems of the words that carry what is asked */
  stems: string[];
  /** the stems among them that name something: names, acronyms, numbers */
  names: Set<string>;
  /** the question word it asks with (who, when, ...), if any */
  asks?: string;
}

/**
 * The words of a question as retrieval reads them (the project's tokenizer: "IS" and "ISIS" are the
 * group, "US" the country), and which of them name something. A name is a number, a word the
 * tokenizer read as a name, or a capitalised word that does not open a sentence (a question typed
 * all in capitals has no names by case).
 */
function questionTerms(text: string): QuestionTerms {
  const byCase = /\p{Ll}/u.test(text);
  const stems: string[] = [];
  const names = new Set<string>();
  let asks: string | undefined;
  for (const t of tokenize(text)) {
    if (FILLER.has(t.word)) continue;
    asks ??= QUESTION_WORDS.has(t.word) ? t.word : undefined;
    stems.push(t.stem);
    if (/\d/.test(t.word) || isAlias(t, text) || (byCase && /^\p{Lu}/u.test(text.slice(t.start, t.end)) && !opensSentence(text, t.start))) names.add(t.stem);
  }
  return { stems, names, asks };
}

/** The tokenizer gave the word another spelling: a name it knows ("IS" → isis, "US" → america). */
function isAlias(t: Token, text: string): boolean {
  return normalizeQuestion(t.word) !== normalizeQuestion(text.slice(t.start, t.end));
}

function opensSentence(text: string, at: number): boolean {
  return /(?:^|[.!?:;]\s*)["“'‘(]*$/u.test(text.slice(0, at).trimEnd());
}

/** The words of a question that carry what is asked (stems). */
export function questionTokens(text: string): string[] {
  return questionTerms(text).stems;
}

/**
 * 0 when the questions name different things (a name, acronym or number in one is missing from the
 * other) or ask with different question words; else 1 for equal normalised text, else the Jaccard
 * overlap of their words.
 */
export function questionSimilarity(a: string, b: string): number {
  const ta = questionTerms(a);
  const tb = questionTerms(b);
  const sa = new Set(ta.stems);
  const sb = new Set(tb.stems);
  for (const name of ta.names) if (!sb.has(name)) return 0;
  for (const name of tb.names) if (!sa.has(name)) return 0;
  if (normalizeQuestion(a) === normalizeQuestion(b)) return 1;
  if (!sa.size || !sb.size) return 0;
  if (ta.asks !== tb.asks) return 0;
  let shared = 0;
  for (const t of sa) if (sb.has(t)) shared++;
  return shared / (sa.size + sb.size - shared);
}

/** Near-identical: this much word overlap at least. */
export const SAME_QUESTION = 0.8;

/** The best candidate asking the same question (newest first on ties, as given), or undefined. */
export function findSameQuestion<T extends { question: string }>(question: string, candidates: readonly T[], threshold = SAME_QUESTION): T | undefined {
  let best: T | undefined;
  let bestScore = 0;
  for (const c of candidates) {
    const score = questionSimilarity(question, c.question);
    if (score >= threshold && score > bestScore) {
      best = c;
      bestScore = score;
      if (score === 1) break;
    }
  }
  return best;
}
