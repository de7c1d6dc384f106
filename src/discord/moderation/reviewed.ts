/**
 * Moderator-reviewed answers: built from a moderator's correction (each cited passage quoted
 * exactly from the corpus), and preferred for the same or a near-identical question asked again
 * in that server, as long as every quote is still an exact slice of the corpus.
 */
import type { Answer, Citation, PassageOut } from '../../answer/types.js';
import type { Engine } from '../../engine.js';
import { contentTokens } from '../../index/tokenize.js';
import type { MaybeReviewedAnswer, ReviewedAnswer } from '../../store/index.js';
import type { CitationRef } from '../../study/moderation.js';
import { findSameQuestion } from '../../study/similar.js';
import type { BotContext } from '../context.js';

/** The stored reviewed answer to use for a question in a server, as an answer to show, if there is one. */
export function reviewedAnswerFor(ctx: BotContext, guildId: string, question: string, docIds?: string[]): MaybeReviewedAnswer | undefined {
  const candidates = ctx.store.moderation
    .reviewedAnswers(guildId)
    .filter((r) => !docIds?.length || r.citations.every((c) => docIds.includes(c.docId)))
    .filter((r) => quotesHold(ctx.engine, r.citations));
  const match = findSameQuestion(question, candidates);
  return match ? reviewedToAnswer(ctx.engine, match, question) : undefined;
}

/** Every quote is still exactly where it says in the corpus (the corpus may have changed since the review). */
export function quotesHold(engine: Engine, citations: Citation[]): boolean {
  if (!citations.length) return false;
  return citations.every((c) => sourceOf(engine, c.file)?.slice(c.start, c.end) === c.text);
}

export function reviewedToAnswer(engine: Engine, r: ReviewedAnswer, question: string): MaybeReviewedAnswer {
  const passages: PassageOut[] = [];
  for (const c of r.citations) {
    if (passages.some((p) => p.id === c.passageId)) continue;
    const chunk = engine.passage(c.passageId)?.passage;
    if (!chunk) continue;
    passages.push({ rank: passages.length + 1, id: chunk.id, docId: chunk.docId, title: c.title, section: chunk.section, paragraph: chunk.paragraph, text: chunk.text, start: chunk.start, end: chunk.end, score: 1 });
  }
  return {
    question,
    answer: r.answerText,
    abstained: false,
    mode: 'extractive',
    citations: r.citations,
    passages,
    timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 },
    review: { kind: r.kind, reviewedAnswerId: r.id, moderatorId: r.moderatorId, moderatorName: r.moderatorName, reviewedAt: r.createdAt },
  };
}

/**
 * The citations of a correction, numbered in the order given: an original source keeps its quote;
 * a passage named by id is quoted by its sentence that shares most words with the corrected answer.
 */
export function correctionCitations(engine: Engine, refs: CitationRef[], original: Answer, correctedText: string): Citation[] {
  const wanted = new Set(contentTokens(correctedText).map((t) => t.stem));
  return refs.map((ref, i) => {
    const n = i + 1;
    if (ref.kind === 'original') {
      const c = original.citations.find((x) => x.n === ref.n)!;
      return { ...c, n };
    }
    const found = engine.passage(ref.passageId)!;
    const chunk = found.passage;
    const source = sourceOf(engine, found.file)!;
    let best = chunk.sentences[0] ?? { start: chunk.start, end: chunk.end };
    let bestScore = -1;
    for (const s of chunk.sentences) {
      const score = contentTokens(source.slice(s.start, s.end)).filter((t) => wanted.has(t.stem)).length;
      if (score > bestScore) {
        best = s;
        bestScore = score;
      }
    }
    return {
      n,
      docId: chunk.docId,
      title: found.title,
      file: found.file,
      passageId: chunk.id,
      section: chunk.section,
      paragraph: chunk.paragraph,
      text: source.slice(best.start, best.end),
      start: best.start,
      end: best.end,
      score: 1,
    };
  });
}

function sourceOf(engine: Engine, file: string): string | undefined {
  for (const d of engine.corpus.documents) {
    if (d.file === file) return d.source;
    if (d.metaSource?.file === file) return d.metaSource.text;
  }
  return undefined;
}
