import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import { createHash } from 'node:crypto';
import { contentTokens } from './tokenize.js';
import { WordVectors } from './word-vectors.js';

/**
 * The offline embedder: a frequency-weighted average of word vectors (smooth inverse
 * frequency), so frequent words count little and rare ones a lot. Words the table does
 * not know (names, numbers) get a fixed pseudo-random direction derived from the word,
 * so an exact match on a name still moves two texts together.
 */
export class LocalEmbeddings extends Embeddings {
  readonly dims: number;

  constructor(
    readonly vectors: WordVectors = WordVectors.load(),
    params: EmbeddingsParams = {},
  ) {
    super(params);
    this.dims = vectors.dims;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embed(text));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embed(text);
  }

  embed(text: string): number[] {
    const sum = new Float64Array(this.dims);
    for (const token of contentTokens(text)) {
      const vector = this.wordVector(token.word);
      const weight = this.weight(token.word);
      for (let d = 0; d < this.dims; d++) sum[d] += weight * vector[d];
    }
    let norm = 0;
    for (const x of sum) norm += x * x;
    norm = Math.sqrt(norm);
    return Array.from(sum, (x) => (norm ? x / norm : 0));
  }

  /** SIF weight a / (a + p(w)), with p(w) from the word's frequency rank (Zipf's law). */
  weight(word: string): number {
    const rank = this.vectors.rank(word);
    const p = rank === undefined ? 1e-7 : 0.1 / (rank + 10);
    return 1e-4 / (1e-4 + p);
  }

  private readonly unknown = new Map<string, Float32Array>();

  /** The word's vector, or a stable pseudo-random unit vector for a word the table lacks. */
  wordVector(word: string): Float32Array {
    const known = this.vectors.vector(word);
    if (known) return known;
    let vector = this.unknown.get(word);
    if (!vector) {
      vector = new Float32Array(this.dims);
      let seed = createHash('sha256').update(word).digest();
      let norm = 0;
      for (let d = 0; d < this.dims; d++) {
        if (d % 32 === 31) seed = createHash('sha256').update(seed).digest();
        vector[d] = (seed[d % 32] - 127.5) / 127.5;
        norm += vector[d] * vector[d];
      }
      for (let d = 0; d < this.dims; d++) vector[d] /= Math.sqrt(norm);
      if (this.unknown.size < 100_000) this.unknown.set(word, vector);
    }
    return vector;
  }
}
