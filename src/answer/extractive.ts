import type { CorpusDocument } from '../corpus/load.js';
import type { Chunk } from '../ingest/chunk.js';
import type { AnalyzedQuestion, QuestionType } from '../retrieve/question.js';
import type { Passage, Retrieval } from '../retrieve/retriever.js';
import { toCitations, type Quote } from './citations.js';
import { HAS_CAUSE, HAS_DATE, HAS_NAME, HAS_PLACE, HAS_QUANTITY } from './evidence.js';
import type { Citation } from './types.js';

/**
 * When the corpus is taken not to support an answer (calibrated on test/eval/dev.jsonl;
 * see README "Abstention"). Coverage is the weighted share of the question's content words
 * that the best sentence or passage supports by exact stem or word-vector similarity.
 */
export const ABSTAIN = {
  /** best passage coverage below this: nothing in the corpus is about the question */
  minPassageCoverage: 0.2,
  /** best sentence coverage below this: no sentence says it */
  minSentenceCoverage: 0.18,
  /** a specific question word (a name, a number) supported less than this is missing from the corpus */
  minSpecificSupport: 0.5,
};

export const ABSTAIN_MESSAGE = 'The corpus does not answer this question.';
export const NOT_A_QUESTION_MESSAGE = 'I can only answer questions about the corpus, and I found no such question in your message.';

export interface ExtractiveAnswer {
  answer: string;
  abstained: boolean;
  citations: Citation[];
}

const TYPE_EVIDENCE: Partial<Record<QuestionType, RegExp>> = {
  when: HAS_DATE,
  quantity: HAS_QUANTITY,
  who: HAS_NAME,
  where: HAS_PLACE,
  why: HAS_CAUSE,
};

/** Questions that must find their kind of fact (a date, a number) or abstain. */
const STRICT_TYPES = new Set<QuestionType>(['when', 'quantity']);

/** Compose an answer from the sentences of the retrieved passages that best answer the question. */
/** The corpus as the answerers see it. */
export interface CorpusView {
  documents: Map<string, CorpusDocument>;
  chunksOf(docId: string): Chunk[];
}

export function answerExtractive(question: AnalyzedQuestion, retrieval: Retrieval, corpus: CorpusView, match: WordSimilarity = sameWord): ExtractiveAnswer {
  const { documents } = corpus;
  const abstain = (answer = ABSTAIN_MESSAGE): ExtractiveAnswer => ({ answer, abstained: true, citations: [] });
  const top = retrieval.passages[0];
  if (question.type === 'overview' && top) return overview(retrieval.passages, corpus);
  if (!retrieval.terms.length) return abstain(question.injection ? NOT_A_QUESTION_MESSAGE : ABSTAIN_MESSAGE);
  if (!top) return abstain();
  if (unsupportedSpecifics(question, retrieval).length) return abstain();
  const bestSentence = Math.max(...retrieval.passages.slice(0, 3).flatMap((p) => p.sentences.map((s) => s.coverage)));
  if (top.coverage < ABSTAIN.minPassageCoverage || bestSentence < ABSTAIN.minSentenceCoverage) return abstain();

  const evidence = TYPE_EVIDENCE[question.type];
  const candidates = retrieval.passages.slice(0, 3).flatMap((passage, r) =>
    passage.sentences.map((s) => {
      const text = passage.text.slice(s.start - passage.start, s.end - passage.start);
      const typed = evidence ? evidence.test(text) : true;
      const score = s.coverage * (1 - 0.12 * r) + 0.25 * passage.score + (evidence && typed ? 0.12 : 0);
      return { passage, start: s.start, end: s.end, score, typed, coverage: s.coverage };
    }),
  );
  candidates.sort((a, b) => b.score - a.score);
  const strict = STRICT_TYPES.has(question.type) && !/\bhow long\b/i.test(question.query);
  // A date or number only answers when it stands in a sentence about the question, near what was asked about.
  const usable = strict
    ? candidates.filter((c) => c.typed && c.coverage >= Math.max(ABSTAIN.minSentenceCoverage, 0.8 * bestSentence) && fitsQuantity(question.query, c.passage.text.slice(c.start - c.passage.start, c.end - c.passage.start), match))
    : candidates;
  if (!usable.length) return abstain();
  const [best, ...rest] = usable;
  const chosen: Quote[] = [best];
  // A second sentence when it is nearly as good (a multi-part question, or the answer runs over two sentences).
  const wantsMore = /\b(?:and|both|differ|different|difference|compare|contrast|versus|vs\.?|between|two|points|ways|reasons)\b/i.test(question.query) || question.type === 'why' || question.type === 'how';
  for (const c of rest) {
    if (chosen.length >= (wantsMore ? 3 : 2)) break;
    const close = c.score >= best.score * (wantsMore ? 0.8 : 0.92);
    if (close && !chosen.some((q) => q.start === c.start && q.passage.docId === c.passage.docId)) chosen.push(c);
  }
  return compose(chosen, documents);
}

/** Similarity of two words in 0..1 (the retriever's word matcher). */
export type WordSimilarity = (a: string, b: string) => number;
const sameWord: WordSimilarity = (a, b) => (a === b ? 1 : 0);

/**
 * For "how many X" / "what percentage": the sentence must hold a number next to a word like X
 * (or a percentage); any number does not answer the question.
 */
export function fitsQuantity(query: string, sentence: string, match: WordSimilarity): boolean {
  const q = query.toLowerCase();
  if (/\b(?:percentage|percent|proportion|share)\b/.test(q)) return /%|\bper ?cent\b/i.test(sentence);
  // The thing counted: the words after "how many" up to the verb ("how many Iranian soldiers | have been killed").
  const after = /\bhow (?:many|much)\s+((?:[\p{L}'-]+\s*){1,4})/u.exec(q)?.[1]?.trim().split(/\s+/) ?? [];
  const cut = after.findIndex((w) => VERBISH.has(w) || /(?:ed)$/.test(w));
  const head = (cut >= 0 ? after.slice(0, cut) : after).filter((w) => w.length > 2);
  if (!head?.length) return true;
  const words = sentence.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N},.'-]*/gu) ?? [];
  return words.some((w, i) => /^\d|^(?:thousands?|hundreds?|millions?|billions?|trillions?|dozens?)$/.test(w) && words.slice(i + 1, i + 6).some((n) => head.some((h) => match(h, n.replace(/[.,]$/, '')) >= 0.3)));
}

const VERBISH = new Set(['have', 'has', 'had', 'did', 'does', 'do', 'are', 'were', 'was', 'will', 'would', 'is', 'can', 'could', 'died', 'die', 'in', 'of', 'from', 'for', 'on', 'at', 'the']);

/** Names and numbers of the question that the corpus does not support at all: the question is about something else. */
export function unsupportedSpecifics(question: AnalyzedQuestion, retrieval: Retrieval): string[] {
  const specific = new Set<string>();
  // Capitalised words inside a sentence (not the first word), and numbers.
  for (const m of question.query.matchAll(/(?<=[\p{L}\p{N},;'’)]\s+)[A-Z][\p{L}'’-]*[\p{L}]|\b\d[\d,.]*\d\b|\b\d\b/gu)) specific.add(m[0].toLowerCase().replace(/['’]s$/, ''));
  return retrieval.terms.filter((t) => specific.has(t.token.word) && t.support < ABSTAIN.minSpecificSupport).map((t) => t.token.word);
}

function compose(quotes: Quote[], documents: Map<string, CorpusDocument>): ExtractiveAnswer {
  // Quotes read in document order, as the article tells it.
  const ordered = [...quotes].sort((a, b) => (a.passage.docId === b.passage.docId ? a.start - b.start : 0));
  const citations = toCitations(ordered, documents);
  const answer = citations.map((c) => `${c.text} [${c.n}]`).join(' ');
  return { answer, abstained: false, citations };
}

/**
 * What a document is about: its opening question or first sentence, the topic sentence of
 * each section, and its closing sentence (skipping the authors' biographies).
 */
function overview(passages: Passage[], corpus: CorpusView): ExtractiveAnswer {
  const doc = corpus.documents.get(passages[0].docId)!;
  const all = corpus.chunksOf(doc.id);
  const body = all.filter((c) => !doc.meta.authors.some((a) => c.text.startsWith(a)));
  if (!body.length) return { answer: ABSTAIN_MESSAGE, abstained: true, citations: [] };
  const asPassage = (c: (typeof body)[number]): Passage => ({
    rank: 0, id: c.id, docId: c.docId, title: doc.meta.title, section: c.section, paragraph: c.paragraph,
    start: c.start, end: c.end, text: c.text, score: 1, coverage: 1, sentences: c.sentences.map((s) => ({ ...s, coverage: 1 })),
  });
  const quotes: Quote[] = [];
  const opening = body.slice(0, 3).flatMap((c) => c.sentences.map((s) => ({ c, s }))).find(({ s }) => doc.source.slice(s.start, s.end).endsWith('?'));
  const first = opening ?? { c: body[0], s: body[0].sentences[0] };
  quotes.push({ passage: asPassage(first.c), ...first.s, score: 1 });
  const seen = new Set([first.c.section]);
  for (const c of body) {
    if (seen.has(c.section)) continue;
    seen.add(c.section);
    quotes.push({ passage: asPassage(c), ...c.sentences[0], score: 1 });
  }
  const last = body[body.length - 1];
  const closing = last.sentences[last.sentences.length - 1];
  if (!quotes.some((q) => q.start === closing.start)) quotes.push({ passage: asPassage(last), ...closing, score: 1 });
  return compose(quotes.slice(0, 5), corpus.documents);
}
