import type { CorpusDocument } from '../corpus/load.js';
import type { Passage } from '../retrieve/retriever.js';
import type { Citation } from './types.js';

export type LlmResult = { ok: true; answer: string; citations: Citation[]; abstained: boolean } | { ok: false; reason: string };

export interface LlmAnswerer {
  answer(question: string, passages: Passage[], documents: Map<string, CorpusDocument>): Promise<LlmResult>;
}

import type { Config } from '../config/index.js';
/** Placeholder until the model answerer lands. */
export function createLlmAnswerer(_config: Config): LlmAnswerer | undefined {
  return undefined;
}
