/**
 * When two questions are "the same question": equal once normalised (case, accents, punctuation,
 * spacing), or sharing nearly all their words with the same question word. Used to prefer a
 * moderator-reviewed answer for a question asked again. Pure functions.
 */

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

/** A crude stem: plural and possessive endings, enough for "articles"/"article". */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

/** The words of a question that carry what is asked. */
export function questionTokens(text: string): string[] {
  return normalizeQuestion(text)
    .split(' ')
    .filter((w) => w && !FILLER.has(w))
    .map(stem);
}

/** The question word a question leads with (who, when, ...), if any. */
function questionWord(tokens: string[]): string | undefined {
  return tokens.find((t) => QUESTION_WORDS.has(t));
}

/** Jaccard overlap of the questions' words (1 for identical normalised text). */
export function questionSimilarity(a: string, b: string): number {
  if (normalizeQuestion(a) === normalizeQuestion(b)) return 1;
  const ta = questionTokens(a);
  const tb = questionTokens(b);
  if (!ta.length || !tb.length) return 0;
  if (questionWord(ta) !== questionWord(tb)) return 0;
  const sa = new Set(ta);
  const sb = new Set(tb);
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
