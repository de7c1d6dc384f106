import type { CorpusDocument } from '../corpus/load.js';
import type { Passage } from '../retrieve/retriever.js';
import type { Citation } from './types.js';

/** A quote the answer will rest on: an exact span of a passage's source. */
export interface Quote {
  passage: Passage;
  start: number;
  end: number;
  score: number;
}

/** Number the quotes in answer order (one number per distinct span) and return the citations. */
export function toCitations(quotes: Quote[], documents: Map<string, CorpusDocument>): Citation[] {
  const out: Citation[] = [];
  for (const q of quotes) {
    if (out.some((c) => c.docId === q.passage.docId && c.start === q.start && c.end === q.end)) continue;
    const doc = documents.get(q.passage.docId);
    if (!doc) continue;
    out.push({
      n: out.length + 1,
      docId: doc.id,
      title: doc.meta.title,
      file: doc.file,
      passageId: q.passage.id,
      section: q.passage.section,
      paragraph: q.passage.paragraph,
      text: doc.source.slice(q.start, q.end),
      start: q.start,
      end: q.end,
      score: q.score,
    });
  }
  return out;
}

/**
 * Check that every citation is an exact slice of its file; returns the problems found.
 * Run on every answer before it is shown.
 */
export function verifyCitations(citations: Citation[], sources: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const c of citations) {
    const source = sources.get(c.file);
    if (source === undefined) problems.push(`[${c.n}] names an unknown file ${c.file}`);
    else if (source.slice(c.start, c.end) !== c.text) problems.push(`[${c.n}] is not an exact slice of ${c.file}`);
  }
  return problems;
}

/** The `[n]` markers used in an answer text. */
export function citationMarkers(answer: string): number[] {
  return [...answer.matchAll(/\[(\d{1,3})\]/g)].map((m) => Number(m[1]));
}
