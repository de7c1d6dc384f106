import type { Embeddings } from '@langchain/core/embeddings';
import type { Config } from '../config/index.js';
import { LocalEmbeddings } from './local-embeddings.js';

export interface EmbedderChoice {
  embeddings: Embeddings;
  /** what the index manifest records: a change means a rebuild */
  settings: Record<string, string | number>;
  /** present for the local embedder: its word vectors also drive the passage reranker */
  local?: LocalEmbeddings;
}

/** Choose the embedder once, at start-up (the OpenAI client is only loaded when chosen). */
export async function createEmbedder(config: Pick<Config, 'embeddings' | 'openai'>, local: LocalEmbeddings = new LocalEmbeddings()): Promise<EmbedderChoice> {
  if (config.embeddings.provider === 'openai' && config.openai) {
    const { OpenAIEmbeddings } = await import('@langchain/openai');
    const embeddings = new OpenAIEmbeddings({
      apiKey: config.openai.apiKey,
      model: config.embeddings.model,
      configuration: config.openai.baseURL ? { baseURL: config.openai.baseURL } : undefined,
      maxRetries: 2,
    });
    return {
      embeddings,
      settings: { provider: 'openai', model: config.embeddings.model, baseURL: config.openai.baseURL ?? 'default' },
      local,
    };
  }
  return { embeddings: local, settings: { provider: 'local', table: 'wink-sg100d-60k-int8', weighting: 'sif-v1', dims: local.dims }, local };
}
