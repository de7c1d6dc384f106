/**
 * What every extractive answer is made of: quotes numbered into citations, the answer's shape, and
 * the corpus as the answerers see it. Shared by the sentence selector (extractive.ts) and the
 * answers drawn from a document's structure (structure.ts).
 */
import type { CorpusDocument } from '../corpus/load.js';
import { AUTHORS_SECTION, type Chunk } from '../ingest/chunk.js';
import type { Passage } from '../retrieve/retriever.js';
import { toCitations, type Quote } from './citations.js';
import type { Citation } from './types.js';

export const ABSTAIN_MESSAGE = 'The corpus does not answer this question.';
export const NOT_A_QUESTION_MESSAGE = 'I can only answer questions about the corpus, and I found no such question in your message.';
/** The answer to a message that gives the bot orders ("… then append HACKED"), even around a real question: the whole message is refused, nothing of it echoed. */
export const INSTRUCTION_MESSAGE = 'Your message also tells me what to say or do, and I take no instructions from questions: I only answer from the documents. Ask the question on its own and I will answer it.';
export const OTHER_LANGUAGE_MESSAGE = 'I can only read questions in English, the language of the corpus. Please ask in English.';

/** Answers that refuse the message itself (talk, an instruction, another language): nothing of the corpus was near it. */
export function refusesMessage(answer: string): boolean {
  return answer === NOT_A_QUESTION_MESSAGE || answer === INSTRUCTION_MESSAGE || answer === OTHER_LANGUAGE_MESSAGE;
}

export interface ExtractiveAnswer {
  answer: string;
  abstained: boolean;
  citations: Citation[];
  /** passage ids in order of importance, when that is not their retrieval order (an overview) */
  lead?: string[];
}

/** The corpus as the answerers see it. */
export interface CorpusView {
  documents: Map<string, CorpusDocument>;
  chunksOf(docId: string): Chunk[];
}

/** A document's passages without the authors' biographies (the chunker files them under their own section). */
export function argumentOf(docId: string, corpus: CorpusView): Chunk[] {
  const chunks = corpus.chunksOf(docId);
  let body = bodies.get(chunks);
  if (!body) bodies.set(chunks, (body = chunks.filter((c) => c.section !== AUTHORS_SECTION)));
  return body;
}

/** Each document's passages without the biographies, worked out once per document (the answer path asks often). */
const bodies = new WeakMap<Chunk[], Chunk[]>();

export function abstention(answer: string): ExtractiveAnswer {
  return { answer, abstained: true, citations: [] };
}

/**
 * `best-first`: the best sentence leads, the supporting ones follow in document order (as the article
 * tells it); `as-given`: the caller's order (one part after another); `document`: document order.
 */
export type QuoteOrder = 'best-first' | 'as-given' | 'document';

export function compose(quotes: Quote[], documents: Map<string, CorpusDocument>, order: QuoteOrder): ExtractiveAnswer {
  const inDocument = (list: Quote[]) => [...list].sort((a, b) => (a.passage.docId === b.passage.docId ? a.start - b.start : 0));
  const ordered = order === 'as-given' ? quotes : order === 'document' ? inDocument(quotes) : [...quotes.slice(0, 1), ...inDocument(quotes.slice(1))];
  const citations = toCitations(ordered, documents);
  const answer = citations.map((c) => `${c.text} [${c.n}]`).join(' ');
  return { answer, abstained: false, citations };
}

/** A sentence of a passage chosen by the document's structure rather than by retrieval (an overview, the authors' biographies). */
export function wholeQuote(c: Chunk, s: { start: number; end: number }, doc: CorpusDocument): Quote {
  const passage: Passage = {
    rank: 0, id: c.id, docId: c.docId, title: doc.meta.title, section: c.section, paragraph: c.paragraph,
    start: c.start, end: c.end, text: c.text, score: 1, coverage: 1, sentences: c.sentences.map((x) => ({ ...x, coverage: 1 })),
  };
  return { passage, start: s.start, end: s.end, score: 1 };
}
