import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { Config } from '../config/index.js';
import type { CorpusDocument } from '../corpus/load.js';
import { contentTokens } from '../index/tokenize.js';
import type { Passage } from '../retrieve/retriever.js';
import { toCitations, type Quote } from './citations.js';
import { ABSTAIN_MESSAGE } from './extractive.js';
import { CONDENSE_SYSTEM, GROUNDED_ANSWER_SYSTEM, groundedAnswerUser, NOT_IN_CORPUS } from './prompts.js';
import type { Citation } from './types.js';

export type LlmResult = { ok: true; answer: string; citations: Citation[]; abstained: boolean } | { ok: false; reason: string };

/** Writes answers with a language model; every failure is reported, never thrown, so the caller can fall back. */
export interface LlmAnswerer {
  answer(question: string, passages: Passage[], documents: Map<string, CorpusDocument>): Promise<LlmResult>;
  /** Turn a follow-up into a standalone question; undefined when the model fails. */
  condense?(history: string[], question: string): Promise<string | undefined>;
}

/** The minimal chat-model surface used here (a LangChain chat model). */
export interface ChatModel {
  invoke(messages: (SystemMessage | HumanMessage)[], options?: { signal?: AbortSignal }): Promise<{ content: unknown }>;
}

/** The model answerer when a key is configured (the OpenAI client is only loaded then). */
export async function createLlmAnswerer(config: Pick<Config, 'llm'>): Promise<LlmAnswerer | undefined> {
  if (!config.llm) return undefined;
  const { ChatOpenAI } = await import('@langchain/openai');
  const model = new ChatOpenAI({
    apiKey: config.llm.apiKey,
    model: config.llm.model,
    temperature: 0,
    timeout: config.llm.timeoutMs,
    maxRetries: config.llm.retries,
    configuration: config.llm.baseURL ? { baseURL: config.llm.baseURL } : undefined,
  });
  return new GroundedLlmAnswerer(model, config.llm.timeoutMs);
}

export class GroundedLlmAnswerer implements LlmAnswerer {
  constructor(
    private readonly model: ChatModel,
    private readonly timeoutMs: number,
  ) {}

  async answer(question: string, passages: Passage[], documents: Map<string, CorpusDocument>): Promise<LlmResult> {
    if (!passages.length) return { ok: false, reason: 'no passages to ground an answer in' };
    let raw: string;
    try {
      raw = await this.call([new SystemMessage(GROUNDED_ANSWER_SYSTEM), new HumanMessage(groundedAnswerUser(question, passages))]);
    } catch (error) {
      return { ok: false, reason: describeFailure(error) };
    }
    return parseGroundedAnswer(raw, passages, documents);
  }

  async condense(history: string[], question: string): Promise<string | undefined> {
    try {
      const turns = history.map((h, i) => `Turn ${i + 1}: ${h}`).join('\n');
      const out = standaloneQuestion(await this.call([new SystemMessage(CONDENSE_SYSTEM), new HumanMessage(`${turns}\nLast message: ${question}`)]));
      return out && out.length <= 500 && !leaksPrompt(out) && !leaksPrompt(out, CONDENSE_SYSTEM) ? out : undefined;
    } catch {
      return undefined;
    }
  }

  private async call(messages: (SystemMessage | HumanMessage)[]): Promise<string> {
    // The client has its own timeout; this bounds the whole call (retries included).
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs * 2 + 1000);
    try {
      const reply = await this.model.invoke(messages, { signal: controller.signal });
      if (typeof reply.content !== 'string') throw new MalformedOutput('the reply was not text');
      return reply.content;
    } finally {
      clearTimeout(timer);
    }
  }
}

class MalformedOutput extends Error {}

/** A short, secret-free reason for the notice shown to the user. */
export function describeFailure(error: unknown): string {
  const e = error as { status?: number; name?: string; message?: string; code?: string };
  if (e instanceof MalformedOutput) return `malformed output: ${e.message}`;
  if (e?.status === 429) return 'rate limited, HTTP 429';
  if (typeof e?.status === 'number' && e.status >= 500) return `server error, HTTP ${e.status}`;
  if (e?.status === 401 || e?.status === 403) return `request refused, HTTP ${e.status} (check OPENAI_API_KEY)`;
  if (typeof e?.status === 'number') return `request refused, HTTP ${e.status}`;
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError' || /timed? ?out|abort/i.test(e?.message ?? '')) return 'timed out';
  if (e instanceof SyntaxError || e instanceof TypeError) return 'malformed output';
  if (/ECONNREFUSED|ENOTFOUND|fetch failed|Connection error/i.test(e?.message ?? '')) return 'cannot reach the model server';
  return 'unexpected error';
}

/**
 * Validate a model's answer against the passages it was given: every [n] must name a provided
 * passage; sentences without a valid citation are dropped; each citation quotes the sentence of
 * the passage that best supports the sentence citing it (an exact slice of the source).
 */
export function parseGroundedAnswer(raw: string, passages: Passage[], documents: Map<string, CorpusDocument>): LlmResult {
  const text = raw.replace(/\r/g, '').trim();
  if (!text) return { ok: false, reason: 'malformed output: empty reply' };
  if (leaksPrompt(text)) return { ok: false, reason: 'malformed output: the reply repeated its instructions' };
  const abstains = text.replace(/[^A-Z_]/g, '') === NOT_IN_CORPUS || (text.includes(NOT_IN_CORPUS) && !/\[\d{1,3}\]/.test(text));
  if (abstains) return { ok: true, answer: ABSTAIN_MESSAGE, citations: [], abstained: true };
  // Sentences end at . ! or ? and the markers after it ("ground. [1]" is one sentence, not two).
  const sentences = text.split(/(?<=[.!?](?:\s*\[\d+\])*)\s+(?=\S)(?!\[\d)/).map((s) => s.trim()).filter(Boolean);
  const kept: { sentence: string; refs: number[] }[] = [];
  for (const sentence of sentences) {
    const refs = [...sentence.matchAll(/\[(\d{1,3})\]/g)].map((m) => Number(m[1]));
    // ("Ali. [1]." loses its markers and its second full stop)
    const plain = sentence.replace(/\s*\[(\d{1,3})\]/g, '').trim().replace(/([.!?])\s*[.!?]+$/, '$1');
    // a rule of the prompt repeated as if it were an answer ("Use only facts stated in the passages.")
    if (echoesPrompt(plain)) continue;
    // A citation counts only when the passage backs the sentence: it shares its words, and holds every number it states.
    const valid = [...new Set(refs.filter((n) => n >= 1 && n <= passages.length && supports(passages[n - 1], plain)))];
    if (!valid.length || !plain) continue;
    kept.push({ sentence: plain, refs: valid });
    if (kept.length >= MAX_LLM_SENTENCES) break;
  }
  if (!kept.length) return { ok: false, reason: 'malformed output: no sentence was backed by a passage it cited' };
  const quotes: Quote[] = [];
  const markers = kept.map(({ sentence, refs }) =>
    refs.map((n) => {
      const passage = passages[n - 1];
      const best = bestSupportingSentence(sentence, passage);
      quotes.push({ passage, start: best.start, end: best.end, score: passage.score });
      return `${passage.docId}:${best.start}`;
    }),
  );
  const citations = toCitations(quotes, documents);
  const numberOf = new Map(citations.map((c) => [`${c.docId}:${c.start}`, c.n]));
  const answer = kept
    .map(({ sentence }, i) => `${sentence} ${[...new Set(markers[i].map((k) => numberOf.get(k)))].map((n) => `[${n}]`).join('')}`)
    .join(' ');
  return { ok: true, answer, citations, abstained: false };
}

/** Sentences of a model's answer kept at most (the prompt asks for four). */
const MAX_LLM_SENTENCES = 6;

/**
 * Whether a passage backs a sentence of the model's: every number in the sentence is in the passage
 * ("50,000 troops in 2013" cited to a passage without them is not backed), and a third of the
 * sentence's content words, two at least, are the passage's (all of them in a sentence of one or
 * two): "The moon is made of cheese [2]" shares one word ("made") with a passage and is not backed.
 */
export function supports(passage: Passage, sentence: string): boolean {
  const numbers = sentence.match(/\d[\d,.]*\d|\d/g) ?? [];
  if (numbers.some((n) => !passage.text.includes(n.replace(/[.,]$/, '')))) return false;
  const want = [...new Set(contentTokens(sentence).map((t) => t.stem))];
  const have = new Set(contentTokens(passage.text).map((t) => t.stem));
  const shared = want.filter((t) => have.has(t)).length;
  return want.length <= 2 ? shared === want.length && shared > 0 : shared >= Math.max(2, Math.ceil(SUPPORT_SHARE * want.length));
}

/** Share of a model sentence's content words its cited passage must hold. */
const SUPPORT_SHARE = 1 / 3;

/** A sentence made mostly (three in five of its content words, three at least) of the answering prompt's words. */
function echoesPrompt(sentence: string): boolean {
  const words = [...new Set(contentTokens(sentence).map((t) => t.stem))];
  const prompt = promptStems();
  return words.length >= 3 && words.filter((w) => prompt.has(w)).length >= 0.6 * words.length;
}

let promptWords: Set<string> | undefined;
function promptStems(): Set<string> {
  return (promptWords ??= new Set(contentTokens(GROUNDED_ANSWER_SYSTEM).map((t) => t.stem)));
}

function bestSupportingSentence(sentence: string, passage: Passage): { start: number; end: number } {
  const want = new Set(contentTokens(sentence).map((t) => t.stem));
  let best = passage.sentences[0] ?? { start: passage.start, end: passage.end };
  let bestScore = -1;
  for (const s of passage.sentences) {
    const have = contentTokens(passage.text.slice(s.start - passage.start, s.end - passage.start)).map((t) => t.stem);
    const score = have.filter((t) => want.has(t)).length / Math.sqrt(have.length + 1);
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return { start: best.start, end: best.end };
}

/**
 * The question in a model's rewrite: a preamble line ("Sure! Here is the rewritten question:") and
 * quotes dropped; undefined when what is left is not a question (an answer, an explanation).
 */
export function standaloneQuestion(raw: string): string | undefined {
  const lines = raw.replace(/\r/g, '').split('\n').map((l) => l.trim().replace(/^["“'‘]|["”'’]$/g, '').trim()).filter(Boolean);
  const line = [...lines].reverse().find((l) => /\?\s*$/.test(l)) ?? (lines.length === 1 ? lines[0] : undefined);
  if (!line || /^(?:sure|here|okay|ok|certainly|of course)\b.*:\s*$/i.test(line)) return undefined;
  const asks = /\?\s*$/.test(line) || /^(?:who|whom|whose|what|when|where|which|why|how|is|are|was|were|do|does|did|can|could|will|would|should|has|have|had)\b/i.test(line);
  return asks ? line : undefined;
}

/** True when a reply reproduces a run of a system prompt (the answering one unless another is given). */
function leaksPrompt(text: string, prompt = GROUNDED_ANSWER_SYSTEM): boolean {
  const rules = prompt.split('\n').map((l) => l.replace(/^- /, '').trim()).filter((l) => l.length > 30);
  return rules.some((rule) => text.includes(rule.slice(0, 40)));
}
