/** The shapes the benchmark's processes exchange and write to the results JSON. */

export interface LatencyStats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export interface GcSummary {
  /** all pauses (scavenges and mark-compacts) */
  pauses: number;
  /** full (mark-compact) collections */
  markCompacts: number;
  /** the longest single pause, and the longest mark-compact */
  longestMs: number;
  totalMs: number;
  /** pause time / wall time of the window */
  shareOfTime: number;
  /** pauses of 50 ms or more: when they ended (ms since the isolate started) */
  long: { at: number; kind: string; ms: number }[];
}

export interface BuildResult {
  documents: number;
  passages: number;
  /** passages whose text is unique (the synthetic corpora repeat some of the article's sentences verbatim) */
  distinctPassageTexts: number;
  /** Engine.open on an empty data folder, wall time */
  seconds: number;
  /** openIndex's own figure (chunk, embed, HNSW, save, checksums) */
  indexSeconds: number;
  phases: {
    /** word vectors, corpus read, index check, chunking: until the first progress report */
    readAndChunk: number;
    embed: number;
    /** HNSWLib.addVectors (hnswlib-node addPoint per passage, plus the docstore) */
    hnswInsert: number;
    /** HNSWLib.save (hnswlib.index + docstore.json + args.json) */
    save: number;
    /** the rest: checksums, manifest, rename, BM25 and reranker preparation */
    other: number;
  };
  indexBytes: number;
  rssAfterMB: number;
  peakRssMB: number;
  heapUsedMB: number;
}

export interface AnnPoint {
  k: number;
  ef: number;
  /** recall of the HNSW top-k against the exact cosine top-k (ties at the k-th distance count as hits) */
  recall: number;
  /** share of questions whose HNSW top-k was entirely right */
  perfect: number;
  hnswMs: number;
  exactMs: number;
  /** exact ms / HNSW ms */
  speedup: number;
}

export interface AnnResult {
  vectors: number;
  dimensions: number;
  queries: number;
  defaultEf: number;
  /** the retriever's own call: k = 100 candidates at the default ef */
  retrieverCall: AnnPoint;
  /** k = 10 at the default ef */
  top10: AnnPoint;
  /** k = 10 at several ef values */
  efSweep: AnnPoint[];
  /** k = 100 (the retriever's call) at ef above 100 */
  retrieverSweep: AnnPoint[];
  /** the smallest ef tried whose 100 candidates were ≥ 95% right (else the largest tried); only above 1,000 vectors */
  efFor95?: number;
  /** exact search in a plain JavaScript loop over a Float32Array, k = 100 (for scale) */
  jsExactMs: number;
  /** share of the native brute force's top 10 that the JavaScript exact search confirms (should be 1) */
  exactAgreement: number;
}

export interface QualityAtSize {
  /** answerable dev questions with evidence */
  questions: number;
  /** evidence in the top 3 passages (any document: a synthetic near-duplicate counts) */
  recall3: number;
  /** evidence in the top 3 passages, counting only the article's own passages */
  recall3Article: number;
  cited: number;
}

export interface ServeResult {
  loadSeconds: number;
  /**
   * hnswlibLoad: HNSWLib.load (hnswlib.index + docstore.json parse); indexTotal: openIndex with the
   * manifest and checksum checks; rest: corpus read, word vectors, BM25 and reranker preparation
   */
  loadPhases: { hnswlibLoad: number; indexTotal: number; rest: number };
  /** false when the serving process had to build the index itself */
  loadedFromDisk: boolean;
  rssBaseMB: number;
  rssAfterLoadMB: number;
  heapAfterLoadMB: number;
  /** peak RSS of the serving process after loading and answering (before the comparisons below) */
  peakRssMB: number;
  /** peak RSS at the end, with the exact-search copy of the vectors and the newcomer pipeline */
  peakRssWithComparisonsMB?: number;
  /** engine.ask, all dev questions, after a warm-up round */
  ask: LatencyStats;
  /** the first question of the warm-up round (first use of caches) */
  firstAskMs: number;
  /** engine.search (retrieval only, k = 5) */
  search: LatencyStats;
  /** questions answered per second, sequentially, in one process */
  throughput: number;
  /** the measured ask rounds, in performance.now() ms of the serving process */
  askWindow: { from: number; to: number };
  /** the five longest single asks, with when they started (performance.now() ms) */
  outliers: { id: string; ms: number; from: number }[];
  /** garbage-collection pauses during the measured ask rounds, from V8's --trace-gc (filled in by scripts/bench.ts) */
  gc?: GcSummary;
  quality: QualityAtSize;
  /** the slowest dev questions (median over the rounds) */
  slowest: { id: string; kind: string; question: string; ms: number }[];
  ann?: AnnResult;
  /** one round of ask with efFor95 set on the loaded index (this process only) */
  withEfFor95?: { ef: number; ask: LatencyStats; quality: QualityAtSize };
  baseline?: SideBySide;
}

export interface PipelineFigures {
  name: string;
  /** passages or chunks */
  chunks: number;
  meanChunkChars: number;
  buildSeconds: number;
  recall3: number;
  cited: number;
  /** characters of text in the top 3 (larger chunks cover evidence more easily) */
  top3Chars: number;
  latency: LatencyStats;
}

export interface SideBySide {
  questions: number;
  baseline: PipelineFigures;
  /** ours: engine.ask (the full answer) */
  ours: PipelineFigures;
  /** ours, retrieval only (engine.search, k = 3): like for like with similaritySearch */
  oursSearch: LatencyStats;
  ratios: { recall3: number; cited: number; latencyP50Ask: number; latencyP50Search: number };
}

export interface WorkerRequest {
  mode: 'build' | 'serve';
  corpusDir: string;
  dataDir: string;
  questionsFile: string;
  rounds: number;
  annRepeats: number;
  /** ef values tried for k = 10 */
  efSweep: number[];
  /** ef values (above 100) tried for the retriever's k = 100 */
  efSweepRetriever: number[];
  /** run the newcomer pipeline side by side (the article only) */
  baseline?: { articlePath: string };
  resultFile: string;
}
