import { U32List } from './u32-list.js';

/**
 * BM25's view of the corpus, packed: per stem, its passages and term frequencies. Computed once
 * when the index is built and persisted with it (src/index/passage-terms.ts).
 */
export interface Bm25Data {
  /** the distinct stems, in order of first use */
  stems: string[];
  /** stem s's postings are postings[offsets[s] .. offsets[s + 1]) */
  offsets: Uint32Array;
  /** passage index and term frequency, interleaved, passages ascending */
  postings: Uint32Array;
  /** per passage, its number of terms */
  lengths: Uint32Array;
}

/** Collects the postings one passage at a time (the stems of a whole corpus are never held at once). */
export class Bm25Builder {
  private readonly stemIds = new Map<string, number>();
  /** per (passage, distinct stem): stem id, passage, term frequency */
  private readonly entries = new U32List();
  private readonly lengths = new U32List();

  /** The next passage, as its stemmed terms (repeats count). */
  add(terms: string[]): void {
    const doc = this.lengths.length;
    this.lengths.push(terms.length);
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, tf] of counts) {
      let s = this.stemIds.get(term);
      if (s === undefined) this.stemIds.set(term, (s = this.stemIds.size));
      this.entries.push(s);
      this.entries.push(doc);
      this.entries.push(tf);
    }
  }

  finish(): Bm25Data {
    const entries = this.entries.toArray();
    const offsets = new Uint32Array(this.stemIds.size + 1);
    for (let e = 0; e < entries.length; e += 3) offsets[entries[e] + 1] += 2;
    for (let s = 0; s < this.stemIds.size; s++) offsets[s + 1] += offsets[s];
    // Entries are in passage order, so each stem's postings come out in passage order.
    const postings = new Uint32Array(offsets[this.stemIds.size]);
    const next = offsets.slice(0, this.stemIds.size);
    for (let e = 0; e < entries.length; e += 3) {
      const s = entries[e];
      postings[next[s]++] = entries[e + 1];
      postings[next[s]++] = entries[e + 2];
    }
    return { stems: [...this.stemIds.keys()], offsets, postings, lengths: this.lengths.toArray() };
  }
}

/** The postings of passages given as their stemmed terms (repeats count). */
export function bm25Data(documents: string[][]): Bm25Data {
  const builder = new Bm25Builder();
  for (const terms of documents) builder.add(terms);
  return builder.finish();
}

/** Okapi BM25 over stemmed terms. Built from the same passages as the vector index. */
export class Bm25 {
  private readonly stemIds: Map<string, number>;
  private readonly avgLength: number;
  readonly size: number;

  constructor(readonly data: Bm25Data, private readonly k1 = 1.2, private readonly b = 0.75) {
    this.stemIds = new Map(data.stems.map((stem, s) => [stem, s]));
    this.size = data.lengths.length;
    let total = 0;
    for (const length of data.lengths) total += length;
    this.avgLength = this.size ? total / this.size || 1 : 1;
  }

  /** Number of passages containing the term. */
  documentFrequency(term: string): number {
    const s = this.stemIds.get(term);
    return s === undefined ? 0 : (this.data.offsets[s + 1] - this.data.offsets[s]) / 2;
  }

  /** Inverse document frequency (the BM25+ form, never negative). */
  idf(term: string): number {
    const df = this.documentFrequency(term);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** BM25 score of every passage for the query terms (repeated terms count once). */
  score(queryTerms: string[]): Float64Array {
    const scores = new Float64Array(this.size);
    const { offsets, postings, lengths } = this.data;
    for (const term of new Set(queryTerms)) {
      const s = this.stemIds.get(term);
      if (s === undefined) continue;
      const idf = this.idf(term);
      for (let p = offsets[s]; p < offsets[s + 1]; p += 2) {
        const doc = postings[p];
        const tf = postings[p + 1];
        const norm = this.k1 * (1 - this.b + (this.b * lengths[doc]) / this.avgLength);
        scores[doc] += (idf * tf * (this.k1 + 1)) / (tf + norm);
      }
    }
    return scores;
  }
}
