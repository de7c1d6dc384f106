/**
 * Okapi BM25 over stemmed terms. Built from the same passages as the vector index;
 * cheap enough to rebuild at load time, so it is not persisted.
 */
export class Bm25 {
  /** per term: passage index and term frequency, interleaved (plain small integers, no object per posting) */
  private readonly postings = new Map<string, number[]>();
  private readonly lengths: Float64Array;
  private readonly avgLength: number;
  readonly size: number;

  constructor(documents: string[][], private readonly k1 = 1.2, private readonly b = 0.75) {
    this.size = documents.length;
    this.lengths = new Float64Array(documents.length);
    documents.forEach((terms, doc) => {
      this.lengths[doc] = terms.length;
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, tf] of counts) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push(doc, tf);
      }
    });
    const total = this.lengths.reduce((a, b) => a + b, 0);
    this.avgLength = documents.length ? total / documents.length || 1 : 1;
  }

  /** Number of passages containing the term. */
  documentFrequency(term: string): number {
    return (this.postings.get(term)?.length ?? 0) / 2;
  }

  /** Inverse document frequency (the BM25+ form, never negative). */
  idf(term: string): number {
    const df = this.documentFrequency(term);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** BM25 score of every passage for the query terms (repeated terms count once). */
  score(queryTerms: string[]): Float64Array {
    const scores = new Float64Array(this.size);
    for (const term of new Set(queryTerms)) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      for (let p = 0; p < list.length; p += 2) {
        const doc = list[p];
        const tf = list[p + 1];
        const norm = this.k1 * (1 - this.b + (this.b * this.lengths[doc]) / this.avgLength);
        scores[doc] += (idf * tf * (this.k1 + 1)) / (tf + norm);
      }
    }
    return scores;
  }
}
