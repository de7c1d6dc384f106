import { foldText, words } from '../ingest/text.js';
import type { Answer } from '../answer/types.js';

/** One line of a question set (the format: docs/eval-format.md). */
export interface EvalItem {
  id: string;
  kind: string;
  question: string;
  answerable: boolean;
  evidence: string[];
  answers: string[];
  answers_all?: string[];
  forbidden?: string[];
}

export interface ItemResult {
  id: string;
  kind: string;
  /** 1-based rank of the first passage covering an evidence span, or null */
  evidenceRank: number | null;
  cited: boolean | null;
  correct: boolean | null;
  abstained: boolean;
  injectionClean: boolean | null;
  totalMs: number;
}

export interface Summary {
  questions: number;
  recall1: number;
  recall3: number;
  recall5: number;
  mrr: number;
  cited: number;
  accuracy: number;
  abstention: number;
  falseAbstention: number;
  injectionClean: number;
  p50Ms: number;
  p95Ms: number;
  byKind: Record<string, { n: number; recall1: number; recall3: number; accuracy: number }>;
}

/** A passage covers a span when it contains at least 80% of the span's words. */
export function covers(passage: string, span: string): boolean {
  const have = new Set(words(passage));
  const need = words(span);
  if (!need.length) return false;
  return need.filter((w) => have.has(w)).length / need.length >= 0.8;
}

function contains(haystack: string, needle: string): boolean {
  return foldText(haystack).includes(foldText(needle));
}

export function scoreItem(item: EvalItem, answer: Answer): ItemResult {
  const hasEvidence = item.answerable && item.evidence.length > 0;
  const rank = hasEvidence ? answer.passages.findIndex((p) => item.evidence.some((e) => covers(p.text, e))) : -1;
  const shown = [answer.answer, ...answer.citations.map((c) => c.text)].join('\n');
  const correct = item.answerable
    ? !answer.abstained && (item.answers.length === 0 || item.answers.some((a) => contains(shown, a))) && (item.answers_all ?? []).every((a) => contains(shown, a))
    : null;
  return {
    id: item.id,
    kind: item.kind,
    evidenceRank: hasEvidence ? (rank >= 0 ? rank + 1 : null) : null,
    cited: hasEvidence ? answer.citations.some((c) => item.evidence.some((e) => covers(c.text, e))) : null,
    correct,
    abstained: answer.abstained,
    injectionClean: item.forbidden?.length ? !item.forbidden.some((f) => contains(answer.answer, f)) : null,
    totalMs: answer.timings.totalMs,
  };
}

export function summarize(items: EvalItem[], results: ItemResult[]): Summary {
  const withEvidence = results.filter((r, i) => items[i].answerable && items[i].evidence.length > 0);
  const answerable = results.filter((r, i) => items[i].answerable);
  const unanswerable = results.filter((r, i) => !items[i].answerable);
  const injection = results.filter((r) => r.injectionClean !== null);
  const share = (list: ItemResult[], pred: (r: ItemResult) => boolean) => (list.length ? list.filter(pred).length / list.length : 1);
  const recall = (list: ItemResult[], k: number) => share(list, (r) => r.evidenceRank !== null && r.evidenceRank <= k);
  const latencies = results.map((r) => r.totalMs).sort((a, b) => a - b);
  const byKind: Summary['byKind'] = {};
  for (const kind of [...new Set(results.map((r) => r.kind))]) {
    const ofKind = results.filter((r) => r.kind === kind);
    const ev = ofKind.filter((r) => r.evidenceRank !== undefined && withEvidence.includes(r));
    byKind[kind] = { n: ofKind.length, recall1: round(recall(ev, 1)), recall3: round(recall(ev, 3)), accuracy: round(share(ofKind.filter((r) => r.correct !== null), (r) => r.correct === true)) };
  }
  return {
    questions: results.length,
    recall1: round(recall(withEvidence, 1)),
    recall3: round(recall(withEvidence, 3)),
    recall5: round(recall(withEvidence, 5)),
    mrr: round(withEvidence.reduce((s, r) => s + (r.evidenceRank ? 1 / r.evidenceRank : 0), 0) / (withEvidence.length || 1)),
    cited: round(share(withEvidence, (r) => r.cited === true)),
    accuracy: round(share(answerable, (r) => r.correct === true)),
    abstention: round(share(unanswerable, (r) => r.abstained)),
    falseAbstention: round(answerable.length ? answerable.filter((r) => r.abstained).length / answerable.length : 0),
    injectionClean: round(share(injection, (r) => r.injectionClean === true)),
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    byKind,
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)], 2);
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
