/**
 * One benchmark step in a fresh process, so memory figures belong to one corpus size:
 *   build: open the engine on an empty data folder (the index is built), report time and memory;
 *   serve: open it again (the index is loaded from disk), then latency, throughput, quality,
 *          HNSW against exact search and, for the article, the newcomer's LangChain pipeline.
 * Run by scripts/bench.ts:  node --expose-gc --import tsx scripts/bench/worker.ts REQUEST.json
 */
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import hnswlib from 'hnswlib-node';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../src/engine.js';
import { covers, scoreItem, summarize, type EvalItem, type ItemResult } from '../../src/eval/score.js';
import { LocalEmbeddings } from '../../src/index/local-embeddings.js';
import { vectorStoreFiles } from '../../src/index/store.js';
import { analyzeQuestion } from '../../src/retrieve/question.js';
import { latencyStats, mean, median, peakRssMB, round, rssMB, MB } from './stats.js';
import type { AnnPoint, AnnResult, BuildResult, LatencyStats, PipelineFigures, QualityAtSize, ServeResult, SideBySide, WorkerRequest } from './types.js';

const { BruteforceSearch } = hnswlib;
type HierarchicalNSW = InstanceType<typeof hnswlib.HierarchicalNSW>;

const ARTICLE_ID = 'twisted-tehran-moscow-axis';

const request = JSON.parse(readFileSync(process.argv[2], 'utf8')) as WorkerRequest;
const config = { corpusDir: request.corpusDir, dataDir: request.dataDir, embeddings: { provider: 'local' as const } };
const log = (line: string) => process.stderr.write(`  [${request.mode}] ${line}\n`);

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(path) : statSync(path).size;
  }
  return total;
}

/** Wrap an async method so each call's duration (seconds) is reported; what it does is unchanged. */
function timeCalls<K extends string>(owner: Record<K, (...args: never[]) => Promise<unknown>>, name: K, add: (seconds: number) => void): void {
  const original = owner[name];
  owner[name] = async function (this: unknown, ...args: never[]) {
    const started = performance.now();
    try {
      return await original.apply(this, args);
    } finally {
      add((performance.now() - started) / 1000);
    }
  } as (typeof owner)[K];
}

async function build(): Promise<BuildResult> {
  // Time the vector store's two steps by wrapping them (behaviour unchanged).
  const timed = { hnswInsert: 0, save: 0 };
  const proto = HNSWLib.prototype as unknown as Record<'addVectors', (...args: unknown[]) => Promise<unknown>>;
  timeCalls(proto, 'addVectors', (s) => (timed.hnswInsert += s));
  timeCalls(vectorStoreFiles, 'save', (s) => (timed.save += s));
  const marks: number[] = [];
  const started = performance.now();
  let lastReport = 0;
  const engine = await Engine.open(config, {
    force: true,
    log,
    onProgress: (done, total) => {
      if (done === 0 || done === total) marks.push((performance.now() - started) / 1000);
      if (performance.now() - lastReport > 10_000) {
        lastReport = performance.now();
        log(`embedding ${done}/${total} passages`);
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const [chunked = 0, embedded = chunked] = marks;
  gc();
  return {
    documents: engine.corpus.documents.length,
    passages: engine.index.chunks.length,
    distinctPassageTexts: new Set(engine.index.chunks.map((c) => c.text)).size,
    seconds: round(seconds, 2),
    indexSeconds: round(engine.index.seconds, 2),
    phases: {
      readAndChunk: round(chunked, 2),
      embed: round(embedded - chunked, 2),
      hnswInsert: round(timed.hnswInsert, 2),
      save: round(timed.save, 2),
      other: round(seconds - embedded - timed.hnswInsert - timed.save, 2),
    },
    indexBytes: dirBytes(join(request.dataDir, 'index')),
    rssAfterMB: rssMB(),
    peakRssMB: peakRssMB(),
    heapUsedMB: round(process.memoryUsage().heapUsed / MB, 1),
  };
}

function loadQuestions(): EvalItem[] {
  return readFileSync(request.questionsFile, 'utf8').split(/\r?\n/).filter((l) => l.trim()).map((l) => JSON.parse(l) as EvalItem);
}

async function serve(): Promise<ServeResult> {
  gc();
  const rssBaseMB = rssMB();
  let hnswlibLoad = 0;
  timeCalls(vectorStoreFiles, 'load', (s) => (hnswlibLoad += s));
  const started = performance.now();
  const engine = await Engine.open(config, { log });
  const loadSeconds = (performance.now() - started) / 1000;
  if (engine.index.built) log(`warning: the index was rebuilt (${engine.index.reason}), not loaded`);
  gc();
  const rssAfterLoadMB = rssMB();
  const heapAfterLoadMB = round(process.memoryUsage().heapUsed / MB, 1);
  const items = loadQuestions();

  // Warm-up round (first use of the word-match and stem caches), then the measured rounds.
  let firstAskMs = 0;
  for (const [i, item] of items.entries()) {
    const t = performance.now();
    await engine.ask(item.question);
    if (i === 0) firstAskMs = performance.now() - t;
  }
  const asked = await askRounds(engine, items, request.rounds);
  const searchMs: number[] = [];
  for (let r = 0; r < request.rounds; r++) {
    for (const item of items) {
      const t = performance.now();
      await engine.search(item.question);
      searchMs.push(performance.now() - t);
    }
  }
  const peakServing = peakRssMB();
  log(`latency: ask p50 ${asked.ask.p50} ms over ${asked.ask.n} questions`);

  const out: ServeResult = {
    loadSeconds: round(loadSeconds, 2),
    loadPhases: { hnswlibLoad: round(hnswlibLoad, 2), indexTotal: round(engine.index.seconds, 2), rest: round(loadSeconds - engine.index.seconds, 2) },
    loadedFromDisk: !engine.index.built,
    rssBaseMB,
    rssAfterLoadMB,
    heapAfterLoadMB,
    peakRssMB: peakServing,
    ask: asked.ask,
    firstAskMs: round(firstAskMs, 2),
    search: latencyStats(searchMs),
    throughput: asked.throughput,
    askWindow: asked.window,
    outliers: asked.outliers,
    quality: asked.quality,
    slowest: asked.slowest,
  };
  out.ann = annVersusExact(engine, items);
  // What that ef would change end to end (set in this process only; product code unchanged).
  const ef = out.ann.efFor95;
  if (ef !== undefined && ef !== out.ann.defaultEf && out.ann.vectors > 1000) {
    const index = engine.index.store.index as HierarchicalNSW;
    const before = index.getEf();
    index.setEf(ef);
    const withEf = await askRounds(engine, items, 1);
    index.setEf(before);
    out.withEfFor95 = { ef, ask: withEf.ask, quality: withEf.quality };
    log(`with ef ${ef}: ask p50 ${withEf.ask.p50} ms, R@3 ${withEf.quality.recall3}`);
  }
  if (request.baseline) out.baseline = await sideBySide(engine, items, request.baseline.articlePath);
  return out;
}

/** Ask every question `rounds` times: latency, throughput, and quality from the first round. */
async function askRounds(engine: Engine, items: EvalItem[], rounds: number) {
  const askMs: number[] = [];
  const perQuestion = new Map<string, number[]>();
  const single: { id: string; ms: number; from: number }[] = [];
  const results: ItemResult[] = [];
  let articleHits = 0;
  const started = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const item of items) {
      const t = performance.now();
      const answer = await engine.ask(item.question);
      const ms = performance.now() - t;
      askMs.push(ms);
      perQuestion.set(item.id, [...(perQuestion.get(item.id) ?? []), ms]);
      single.push({ id: item.id, ms: round(ms, 1), from: round(t, 1) });
      if (r === 0) {
        results.push(scoreItem(item, answer));
        if (item.answerable && item.evidence.length && answer.passages.slice(0, 3).some((p) => p.docId === ARTICLE_ID && item.evidence.some((e) => covers(p.text, e)))) articleHits++;
      }
    }
  }
  const ended = performance.now();
  const seconds = (ended - started) / 1000;
  const summary = summarize(items, results);
  const withEvidence = items.filter((i) => i.answerable && i.evidence.length).length;
  const quality: QualityAtSize = { questions: withEvidence, recall3: summary.recall3, recall3Article: round(articleHits / (withEvidence || 1)), cited: summary.cited };
  return {
    ask: latencyStats(askMs),
    throughput: round(askMs.length / seconds, 2),
    window: { from: round(started, 1), to: round(ended, 1) },
    outliers: single.sort((a, b) => b.ms - a.ms).slice(0, 5),
    quality,
    slowest: items
      .map((item) => ({ id: item.id, kind: item.kind, question: item.question, ms: round(median(perQuestion.get(item.id) ?? [0]), 1) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5),
  };
}

/** HNSW (as stored, default ef) against exact cosine search over the same stored vectors. */
function annVersusExact(engine: Engine, items: EvalItem[]): AnnResult {
  const index = engine.index.store.index as HierarchicalNSW;
  const n = index.getCurrentCount();
  const dims = index.getNumDimensions();
  log(`HNSW vs exact: copying ${n} vectors`);
  // The stored (normalised) vectors, row = label.
  const matrix = new Float32Array(n * dims);
  const exact = new BruteforceSearch('cosine', dims);
  exact.initIndex(n);
  for (const label of index.getIdsList()) {
    const point = index.getPoint(label);
    matrix.set(point, label * dims);
    exact.addPoint(point, label);
  }
  const queries: number[][] = [];
  for (const item of items) {
    const q = analyzeQuestion(item.question);
    if (!q.tokens.length) continue; // the retriever does no vector search for these either
    queries.push(engine.embedder.local!.embed(q.query));
  }
  const distance = (q: number[], label: number) => {
    let s = 0;
    const o = label * dims;
    for (let d = 0; d < dims; d++) s += q[d] * matrix[o + d];
    return 1 - s;
  };
  const jsExact = (q: number[], k: number): number[] => {
    // Smallest k distances, kept sorted (k is small).
    const best: number[] = [];
    for (let label = 0; label < n; label++) {
      const dist = distance(q, label);
      if (best.length < k || dist < best[best.length - 1]) {
        let i = best.length;
        if (best.length === k) best.pop(), i--;
        while (i > 0 && best[i - 1] > dist) i--;
        best.splice(i, 0, dist);
      }
    }
    return best;
  };
  /** Mean ms per query over all queries, timed as a batch (calls take microseconds), median of the repeats. */
  const batchMs = (search: (q: number[]) => unknown): number => {
    const runs: number[] = [];
    for (let r = 0; r < request.annRepeats; r++) {
      const t = performance.now();
      for (const q of queries) search(q);
      runs.push((performance.now() - t) / queries.length);
    }
    return median(runs);
  };
  const truth = new Map<number, number[]>();
  const jsStarted = performance.now();
  for (const [i, q] of queries.entries()) truth.set(i, jsExact(q, Math.min(n, 100)));
  const jsExactMs = (performance.now() - jsStarted) / queries.length;
  const defaultEf = index.getEf();
  const exactMs = new Map<number, number>();
  const measure = (kWanted: number, ef: number): AnnPoint => {
    const k = Math.min(n, kWanted);
    if (!exactMs.has(k)) exactMs.set(k, batchMs((q) => exact.searchKnn(q, k)));
    index.setEf(ef);
    let hits = 0;
    let perfect = 0;
    for (const [i, q] of queries.entries()) {
      const kth = truth.get(i)![k - 1];
      const found = index.searchKnn(q, k).neighbors;
      const good = found.filter((label) => distance(q, label) <= kth + 1e-5).length;
      hits += good;
      if (good === k) perfect++;
    }
    const h = batchMs((q) => index.searchKnn(q, k));
    index.setEf(defaultEf);
    const e = exactMs.get(k)!;
    return { k, ef, recall: round(hits / (queries.length * k), 4), perfect: round(perfect / queries.length, 3), hnswMs: round(h, 4), exactMs: round(e, 4), speedup: round(e / h, 1) };
  };
  // Sanity check: the native brute force and the JavaScript loop agree on the exact top 10.
  let agree = 0;
  const k10 = Math.min(n, 10);
  for (const [i, q] of queries.entries()) {
    const kth = truth.get(i)![k10 - 1];
    agree += exact.searchKnn(q, k10).neighbors.filter((label) => distance(q, label) <= kth + 1e-5).length;
  }
  const exactAgreement = round(agree / (queries.length * k10), 4);
  if (exactAgreement < 0.999) log(`warning: native and JavaScript exact search disagree (${exactAgreement})`);
  const retrieverCall = measure(100, defaultEf);
  const top10 = measure(10, defaultEf);
  const efSweep = request.efSweep.map((ef) => measure(10, ef));
  // The retriever asks for 100 candidates: hnswlib searches with max(ef, k), so ef below 100 changes nothing there.
  const retrieverSweep = request.efSweepRetriever.map((ef) => measure(100, ef));
  // Smallest ef whose 100 candidates are ≥ 95% right (else the largest tried).
  const candidates = [retrieverCall, ...retrieverSweep];
  const efFor95 = n > 1000 ? (candidates.find((p) => p.recall >= 0.95) ?? candidates[candidates.length - 1]).ef : undefined;
  log(`HNSW vs exact: recall@10 ${top10.recall} at ef ${defaultEf}, speed-up ${top10.speedup}×`);
  return { vectors: n, dimensions: dims, queries: queries.length, defaultEf, retrieverCall, top10, efSweep, retrieverSweep, efFor95, jsExactMs: round(jsExactMs, 3), exactAgreement };
}

/**
 * The pipeline a newcomer would write from the LangChain docs, on the article, against ours,
 * question by question in the same loop.
 */
async function sideBySide(engine: Engine, items: EvalItem[], articlePath: string): Promise<SideBySide> {
  let t = performance.now();
  const embeddings = new LocalEmbeddings();
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const docs = await splitter.createDocuments([readFileSync(articlePath, 'utf8')]);
  const store = await HNSWLib.fromDocuments(docs, embeddings);
  const baselineBuild = (performance.now() - t) / 1000;

  // Ours, built the same way in this process (a fresh data folder) for a like-for-like build time.
  const scratch = mkdtempSync(join(tmpdir(), 'footnote-bench-ours-'));
  t = performance.now();
  const fresh = await Engine.open({ ...config, dataDir: scratch }, { force: true });
  const oursBuild = (performance.now() - t) / 1000;
  const passages = fresh.index.chunks;
  rmSync(scratch, { recursive: true, force: true });

  const evidenced = items.filter((i) => i.answerable && i.evidence.length);
  const run = async (measured: boolean) => {
    const b = { ms: [] as number[], r3: 0, cited: 0, chars: 0 };
    const o = { ms: [] as number[], results: [] as ItemResult[], items: [] as EvalItem[], chars: 0 };
    const s = { ms: [] as number[] };
    for (const item of items) {
      let t0 = performance.now();
      const hits = await store.similaritySearch(item.question, 3);
      const bMs = performance.now() - t0;
      t0 = performance.now();
      const answer = await engine.ask(item.question);
      const oMs = performance.now() - t0;
      t0 = performance.now();
      await engine.search(item.question, { k: 3 });
      const sMs = performance.now() - t0;
      if (!measured) continue;
      b.ms.push(bMs);
      o.ms.push(oMs);
      s.ms.push(sMs);
      if (item.answerable && item.evidence.length) {
        if (hits.some((h) => item.evidence.some((e) => covers(h.pageContent, e)))) b.r3++;
        if (hits[0] && item.evidence.some((e) => covers(hits[0].pageContent, e))) b.cited++;
        b.chars += hits.reduce((a, h) => a + h.pageContent.length, 0);
        o.chars += answer.passages.slice(0, 3).reduce((a, p) => a + p.text.length, 0);
      }
      o.results.push(scoreItem(item, answer));
      o.items.push(item);
    }
    return { b, o, s };
  };
  await run(false);
  const rounds = [];
  for (let r = 0; r < request.rounds; r++) rounds.push(await run(true));
  const first = rounds[0];
  const summary = summarize(first.o.items, first.o.results);
  const q = evidenced.length || 1;
  const baseline: PipelineFigures = {
    name: 'RecursiveCharacterTextSplitter(1000/200) + LocalEmbeddings + HNSWLib.similaritySearch(q, 3)',
    chunks: docs.length,
    meanChunkChars: round(mean(docs.map((d) => d.pageContent.length)), 0),
    buildSeconds: round(baselineBuild, 3),
    recall3: round(first.b.r3 / q),
    cited: round(first.b.cited / q),
    top3Chars: round(first.b.chars / q, 0),
    latency: latencyStats(rounds.flatMap((x) => x.b.ms)),
  };
  const ours: PipelineFigures = {
    name: 'Footnote engine.ask (passages, hybrid retrieval, extractive answer)',
    chunks: passages.length,
    meanChunkChars: round(mean(passages.map((p) => p.text.length)), 0),
    buildSeconds: round(oursBuild, 3),
    recall3: summary.recall3,
    cited: summary.cited,
    top3Chars: round(first.o.chars / q, 0),
    latency: latencyStats(rounds.flatMap((x) => x.o.ms)),
  };
  const oursSearch = latencyStats(rounds.flatMap((x) => x.s.ms));
  const ratio = (a: number, b: number) => (b ? round(a / b, 2) : 0);
  return {
    questions: evidenced.length,
    baseline,
    ours,
    oursSearch,
    ratios: { recall3: ratio(ours.recall3, baseline.recall3), cited: ratio(ours.cited, baseline.cited), latencyP50Ask: ratio(ours.latency.p50, baseline.latency.p50), latencyP50Search: ratio(oursSearch.p50, baseline.latency.p50) },
  };
}

const result = request.mode === 'build' ? await build() : await serve();
if ('ann' in result) result.peakRssWithComparisonsMB = peakRssMB();
writeFileSync(request.resultFile, JSON.stringify(result, null, 2));
