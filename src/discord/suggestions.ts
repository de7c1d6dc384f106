/**
 * Autocomplete suggestions and /help examples, derived once from the corpus (titles, sections, tags)
 * so they stay true when the documents change. Filtering is a scan of a few dozen strings.
 */
import { foldText } from '../ingest/text.js';

export interface Suggestion {
  /** shown in the list (1-100 characters) */
  name: string;
  /** what the option is set to (1-100 characters) */
  value: string;
  /** folded words of name and value, for matching */
  words: string[];
  folded: string;
}

export interface Suggestions {
  /** example questions (for /ask and /help) */
  questions: Suggestion[];
  /** section titles, tags and document titles (for /search) */
  topics: Suggestion[];
}

export interface CorpusOutline {
  documents: { title: string; tags?: string[] }[];
  sections: string[];
}

const MAX = 100;

export function buildSuggestions(outline: CorpusOutline): Suggestions {
  const single = outline.documents.length === 1;
  const questions: string[] = [];
  const topics: { name: string; value: string }[] = [];
  for (const doc of outline.documents) {
    const ref = single ? 'the article' : `“${doc.title}”`;
    questions.push(`What are the main points of ${ref}?`, `Who wrote ${ref}?`, `When was ${ref} published?`);
    topics.push({ name: `Document: ${doc.title}`, value: doc.title });
    for (const tag of doc.tags ?? []) {
      questions.push(`What does ${ref} say about ${tag}?`);
      topics.push({ name: `Tag: ${tag}`, value: tag });
    }
  }
  for (const section of outline.sections) {
    // "About the authors" is asked about as "the authors", not "about about the authors".
    questions.push(`What does the article say about ${lowerFirst(section.replace(/^about\s+/i, ''))}?`);
    topics.push({ name: `Section: ${section}`, value: section });
  }
  const seen = new Set<string>();
  const make = (name: string, value: string): Suggestion | undefined => {
    const n = clip(name);
    const v = clip(value);
    if (!n || !v || seen.has(`${n}\u0000${v}`)) return undefined;
    seen.add(`${n}\u0000${v}`);
    const folded = foldText(`${n} ${v}`).toLowerCase();
    return { name: n, value: v, folded, words: folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean) };
  };
  return {
    questions: questions.map((q) => make(q, q)).filter((s): s is Suggestion => Boolean(s)),
    topics: topics.map((t) => make(t.name, t.value)).filter((s): s is Suggestion => Boolean(s)),
  };
}

/** Section titles keep their capitals unless they are ordinary Title Case words. */
function lowerFirst(section: string): string {
  return section
    .split(/\s+/)
    .map((w) => (/^[A-Z][a-z]+$/.test(w) ? w.toLowerCase() : w))
    .join(' ');
}

function clip(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= MAX ? t : '';
}

/**
 * The suggestions matching what was typed (every typed word starts a word of the suggestion,
 * or the typed text appears in it), best first, at most `limit` (Discord allows 25).
 */
export function filterSuggestions(list: Suggestion[], typed: string, limit = 25): { name: string; value: string }[] {
  const query = foldText(typed ?? '').toLowerCase().trim();
  if (!query) return list.slice(0, limit).map(({ name, value }) => ({ name, value }));
  const typedWords = query.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const scored: { s: Suggestion; score: number }[] = [];
  for (const s of list) {
    let score = 0;
    if (s.folded.includes(query)) score = s.folded.startsWith(query) ? 3 : 2;
    else if (typedWords.length && typedWords.every((w) => s.words.some((x) => x.startsWith(w)))) score = 1;
    if (score) scored.push({ s, score });
  }
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ s }) => ({ name: s.name, value: s.value }));
}
