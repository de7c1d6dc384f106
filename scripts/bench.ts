/**
 * npm run bench [-- --sizes 1,100,10000] [--out bench-results/bench.json] [--quick]
 *
 * The engine benchmark of issue 5. For each corpus size (a multiple of the article: the article
 * alone, then deterministic synthetic corpora ~100× and ~10,000× its size) it builds the index,
 * loads it in a fresh process and measures per-question latency (p50/p95/p99), throughput,
 * resident memory, HNSW against exact search, and — on the article — the plain LangChain
 * pipeline a newcomer would write, side by side with ours. Results: Markdown tables on stdout,
 * a JSON file, and an SVG chart of latency and memory against corpus size.
 *
 * Options:
 *   --sizes LIST      corpus multiples (default 1,100,10000; --quick: 1,100)
 *   --out FILE        results JSON (default bench-results/bench.json; bench-results/ is git-ignored)
 *   --chart FILE      SVG chart (default docs/performance.svg for a full run, else next to --out)
 *   --quick           one measured round, fewer repeats: a smoke run, not figures to publish
 *   --seed N          synthetic corpus seed (default 20151210)
 *   --budget-minutes  per size, generation + build + measurement (default 15); a size that does
 *                     not finish is reported as not completed, with the reason
 *   --keep            keep the temporary corpus and data folders
 *
 * Every size runs in two fresh processes (build, then serve) so that memory figures belong to
 * that size alone. Benchmarks report figures; nothing here passes or fails on timings.
 */
import { runDiscordLoad, type DiscordLoadResult } from './bench/discord-load.js';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { renderChart, type ChartPoint } from './bench/chart.js';
import { writeSyntheticCorpus, type WrittenCorpus } from './bench/synthetic.js';
import type { BuildResult, GcSummary, ServeResult, SideBySide, WorkerRequest } from './bench/types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ARTICLE_DIR = join(ROOT, 'corpus');
const ARTICLE_FILE = 'twisted-tehran-moscow-axis.txt';
const QUESTIONS = join(ROOT, 'test/eval/dev.jsonl');
const WORKER = join(ROOT, 'scripts/bench/worker.ts');
const DEFAULT_SIZES = [1, 100, 10000];
const QUICK_SIZES = [1, 100];

// ── Discord load (issue 5) ────────────────────────────────────────────────────────────────
// A burst of /ask interactions through the local fake Discord into the real bot (scripts/bench/discord-load.ts).
async function discordLoad(): Promise<DiscordLoadResult> {
  return runDiscordLoad({ count: quick ? 200 : 500, seconds: 10 });
}
// ───────────────────────────────────────────────────────────────────────────────────────────

interface SizeResult {
  multiple: number;
  status: 'completed' | 'not completed';
  reason?: string;
  corpus?: Omit<WrittenCorpus, 'dir'>;
  build?: BuildResult;
  serve?: ServeResult;
  seconds: number;
  /** 1-minute load average before and after this size: above the CPU count, other work competed for the CPUs */
  loadAverage: { before: number; after: number };
}

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

const OPTIONS = {
  sizes: { type: 'string' },
  out: { type: 'string', default: 'bench-results/bench.json' },
  chart: { type: 'string' },
  quick: { type: 'boolean', default: false },
  seed: { type: 'string', default: '20151210' },
  'budget-minutes': { type: 'string', default: '15' },
  keep: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseOptions() {
  try {
    return parseArgs({ options: OPTIONS, allowPositionals: false }).values;
  } catch (error) {
    return fail(`${(error as Error).message} (see npm run bench -- --help)`);
  }
}

const values = parseOptions();
if (values.help) {
  process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0].replace(/^\/\*\*\n/, '').replace(/^ \* ?/gm, ''));
  process.exit(0);
}
const sizes = values.sizes ? values.sizes.split(',').map((s) => Number(s.trim())) : values.quick ? QUICK_SIZES : DEFAULT_SIZES;
if (!sizes.length || sizes.some((s) => !Number.isInteger(s) || s < 1 || s > 100_000)) fail('--sizes takes comma-separated whole multiples of the article, 1 to 100000, e.g. 1,100,10000');
const seed = Number(values.seed);
if (!Number.isInteger(seed)) fail('--seed must be an integer');
const budgetMinutes = Number(values['budget-minutes']);
if (!(budgetMinutes > 0)) fail('--budget-minutes must be a positive number');
const quick = values.quick;
const fullRun = !quick && !values.sizes;
const out = resolve(values.out!);
const chartPath = resolve(values.chart ?? (fullRun ? join(ROOT, 'docs/performance.svg') : join(dirname(out), `${basenameNoExt(out)}.svg`)));
const settings = { rounds: quick ? 1 : 3, annRepeats: quick ? 1 : 5, efSweep: quick ? [10, 64] : [10, 20, 40, 80, 160, 320], efSweepRetriever: quick ? [200] : [200, 400, 800, 1600] };

function basenameNoExt(path: string): string {
  return path.split('/').pop()!.replace(/\.[^.]+$/, '');
}

function machine() {
  return {
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${platform()} ${release()}`,
  };
}

interface GcEvent {
  /** ms since the isolate started, when the pause ended (V8 prints the line then) */
  at: number;
  kind: string;
  ms: number;
}

// e.g. "[123:0x5581e7e0]    46511 ms: Mark-Compact 1766.2 (1926.0) -> 1512.0 (1606.6) MB, 2000.01 / 0.08 ms  (...)"
const TRACE_GC = /^\[\d+:0x[0-9a-f]+\]\s+(\d+) ms: (Scavenge|Mark-Compact(?: \(reduce\))?|Minor Mark-Sweep|Mark-Sweep)\b.*?MB, ([\d.]+) \/ [\d.]+ ms/;

/** The pauses V8 reported (--trace-gc) inside a window of the worker's performance.now() clock. */
function gcSummary(events: GcEvent[], window: { from: number; to: number }): GcSummary {
  // performance.now() counts from the process's time origin, --trace-gc from the isolate's start, a few ms later: close enough for windows of seconds.
  const inside = events.filter((e) => e.at >= window.from && e.at - e.ms <= window.to);
  const total = inside.reduce((a, e) => a + e.ms, 0);
  return {
    pauses: inside.length,
    markCompacts: inside.filter((e) => e.kind.startsWith('Mark-Compact')).length,
    longestMs: Math.round(Math.max(0, ...inside.map((e) => e.ms))),
    totalMs: Math.round(total),
    shareOfTime: Math.round((total / Math.max(1, window.to - window.from)) * 1000) / 1000,
    long: inside.filter((e) => e.ms >= 50),
  };
}

/** Run one worker step in a fresh process; resolves with its result and GC trace, or a reason it did not finish. */
function runWorker<T>(request: Omit<WorkerRequest, 'resultFile'>, scratch: string, deadline: number): Promise<{ ok: true; result: T; gc: GcEvent[] } | { ok: false; reason: string }> {
  const requestFile = join(scratch, `${request.mode}.request.json`);
  const resultFile = join(scratch, `${request.mode}.result.json`);
  writeFileSync(requestFile, JSON.stringify({ ...request, resultFile }));
  const timeoutMs = deadline - Date.now();
  if (timeoutMs <= 0) return Promise.resolve({ ok: false, reason: `the ${budgetMinutes}-minute budget ran out before the ${request.mode} step` });
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--expose-gc', '--trace-gc', '--import', 'tsx', WORKER, requestFile], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const gc: GcEvent[] = [];
    let pending = '';
    child.stdout.on('data', (data: Buffer) => {
      const lines = (pending + data.toString()).split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const m = TRACE_GC.exec(line);
        if (m) gc.push({ at: Number(m[1]), kind: m[2], ms: Number(m[3]) });
        else if (line.trim() && !/^\[\d+:0x[0-9a-f]+\]/.test(line)) process.stderr.write(`${line}\n`);
      }
    });
    let tail = '';
    child.stderr.on('data', (data: Buffer) => {
      process.stderr.write(data);
      tail = (tail + data.toString()).slice(-2000);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) return done({ ok: false, reason: `the ${request.mode} step did not finish within the ${budgetMinutes}-minute budget (stopped after ${Math.round(timeoutMs / 1000)} s)` });
      if (code !== 0) {
        const oom = /heap out of memory|Allocation failed/i.test(tail);
        const last = tail.trim().split('\n').filter(Boolean).slice(-3).join(' | ');
        return done({ ok: false, reason: `the ${request.mode} step failed (${signal ? `signal ${signal}` : `exit ${code}`}${oom ? ', JavaScript heap out of memory' : ''}): ${last.slice(0, 400)}` });
      }
      done({ ok: true, result: JSON.parse(readFileSync(resultFile, 'utf8')) as T, gc });
    });
  });
}

async function measureSize(multiple: number): Promise<SizeResult> {
  const before = Math.round(loadavg()[0] * 100) / 100;
  const result = await measureSizeSteps(multiple);
  return { ...result, loadAverage: { before, after: Math.round(loadavg()[0] * 100) / 100 } };
}

async function measureSizeSteps(multiple: number): Promise<Omit<SizeResult, 'loadAverage'>> {
  const started = Date.now();
  const deadline = started + budgetMinutes * 60_000;
  const scratch = mkdtempSync(join(tmpdir(), `footnote-bench-${multiple}x-`));
  const corpusDir = join(scratch, 'corpus');
  const dataDir = join(scratch, 'data');
  const seconds = () => Math.round((Date.now() - started) / 100) / 10;
  try {
    process.stderr.write(`\n== ${multiple}× the article: generating the corpus in ${scratch}\n`);
    const { dir: _dir, ...corpus } = writeSyntheticCorpus({ articleDir: ARTICLE_DIR, articleFile: ARTICLE_FILE, dir: corpusDir, multiple, seed });
    process.stderr.write(`   ${corpus.documents} documents, ${(corpus.bytes / 1e6).toFixed(2)} MB of text, ${corpus.seconds.toFixed(1)} s\n`);
    const common = { corpusDir, dataDir, questionsFile: QUESTIONS, ...settings };
    process.stderr.write(`== ${multiple}×: building the index (fresh process)\n`);
    const build = await runWorker<BuildResult>({ mode: 'build', ...common }, scratch, deadline);
    if (!build.ok) return { multiple, status: 'not completed', reason: build.reason, corpus, seconds: seconds() };
    process.stderr.write(`   ${build.result.passages} passages in ${build.result.seconds} s\n== ${multiple}×: loading and measuring (fresh process)\n`);
    const serve = await runWorker<ServeResult>({ mode: 'serve', ...common, baseline: multiple === 1 ? { articlePath: join(ARTICLE_DIR, ARTICLE_FILE) } : undefined }, scratch, deadline);
    if (!serve.ok) return { multiple, status: 'not completed', reason: serve.reason, corpus, build: build.result, seconds: seconds() };
    serve.result.gc = gcSummary(serve.gc, serve.result.askWindow);
    return { multiple, status: 'completed', corpus, build: build.result, serve: serve.result, seconds: seconds() };
  } finally {
    if (values.keep) process.stderr.write(`   kept ${scratch}\n`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

// ── Tables ───────────────────────────────────────────────────────────────────────────────

function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.map(String).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const f = (x: number | undefined, digits = 1) => (x === undefined || Number.isNaN(x) ? '—' : x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const size = (r: SizeResult) => `${r.multiple.toLocaleString('en-US')}×`;

function tables(results: SizeResult[], side: SideBySide | undefined): string {
  const done = results.filter((r) => r.build);
  const served = results.filter((r) => r.serve);
  const parts: string[] = [];
  const busy = results.filter((r) => Math.max(r.loadAverage.before, r.loadAverage.after) > availableParallelism());
  if (busy.length) parts.push(`Warning: other work competed for the ${availableParallelism()} CPUs during ${busy.map(size).join(', ')} (1-minute load average ${busy.map((r) => `${r.loadAverage.before} → ${r.loadAverage.after}`).join(', ')}); timings are inflated.\n`);
  parts.push('### Corpus and index build\n');
  parts.push(table(
    ['size', 'documents', 'text', 'passages (distinct texts)', 'build (s)', 'read + chunk', 'embed', 'HNSW insert', 'save', 'other', 'index on disk', 'peak RSS (build)'],
    results.map((r) => r.build
      ? [size(r), r.build.documents.toLocaleString('en-US'), `${f(r.corpus!.bytes / 1e6, 2)} MB`, `${r.build.passages.toLocaleString('en-US')} (${r.build.distinctPassageTexts.toLocaleString('en-US')})`, f(r.build.seconds, 2), f(r.build.phases.readAndChunk, 2), f(r.build.phases.embed, 2), f(r.build.phases.hnswInsert, 2), f(r.build.phases.save, 2), f(r.build.phases.other, 2), `${f(r.build.indexBytes / 1e6, 1)} MB`, `${f(r.build.peakRssMB, 0)} MB`]
      : [size(r), r.corpus?.documents ?? '—', r.corpus ? `${f(r.corpus.bytes / 1e6, 2)} MB` : '—', '—', `not completed: ${r.reason}`, '', '', '', '', '', '', '']),
  ));
  if (served.length) {
    parts.push('\n### Serving (index loaded from disk, dev questions, after a warm-up round)\n');
    parts.push(table(
      ['size', 'passages', 'load (s): index / rest', 'RSS after load', 'peak RSS', 'ask p50', 'p95', 'p99', 'mean', 'throughput', 'search p50', 'GC during the ask rounds: longest pause, full GCs, share of time', 'dev R@3 (article passages)', 'dev R@3 (any)'],
      served.map((r) => {
        const s = r.serve!;
        return [size(r), r.build!.passages.toLocaleString('en-US'), `${f(s.loadSeconds, 2)}: ${f(s.loadPhases.indexTotal, 2)} / ${f(s.loadPhases.rest, 2)}`, `${f(s.rssAfterLoadMB, 0)} MB`, `${f(s.peakRssMB, 0)} MB`, `${f(s.ask.p50, 1)} ms`, `${f(s.ask.p95, 1)} ms`, `${f(s.ask.p99, 1)} ms`, `${f(s.ask.mean, 1)} ms`, `${f(s.throughput, 1)} q/s`, `${f(s.search.p50, 1)} ms`, s.gc ? `${f(s.gc.longestMs, 0)} ms, ${s.gc.markCompacts}, ${f(100 * s.gc.shareOfTime, 0)}%` : '—', f(s.quality.recall3Article, 3), f(s.quality.recall3, 3)];
      }),
    ));
    parts.push('\n### HNSW (as stored, default ef) against exact cosine search over the same vectors\n');
    parts.push(table(
      ['size', 'vectors', 'ef', 'recall@10', 'all 10 right', 'HNSW ms', 'exact ms', 'speed-up', 'recall@100 (retriever call)', 'HNSW ms', 'exact ms', 'speed-up', 'exact in JS ms (k=100)'],
      served.map((r) => {
        const a = r.serve!.ann!;
        return [size(r), a.vectors.toLocaleString('en-US'), a.defaultEf, f(a.top10.recall, 3), f(a.top10.perfect, 2), f(a.top10.hnswMs, 3), f(a.top10.exactMs, 3), `${f(a.top10.speedup, 1)}×`, f(a.retrieverCall.recall, 3), f(a.retrieverCall.hnswMs, 3), f(a.retrieverCall.exactMs, 3), `${f(a.retrieverCall.speedup, 1)}×`, f(a.jsExactMs, 2)];
      }),
    ));
    parts.push('\n### Slowest dev questions (median ms over the rounds)\n');
    parts.push(table(
      ['size', 'slowest questions'],
      served.map((r) => [size(r), r.serve!.slowest.slice(0, 3).map((q) => `${q.id} ${q.kind} ${f(q.ms, 1)} ms`).join('; ')]),
    ));
    const sweep = served.map((r) => r.serve!.ann!).filter((a) => a.efSweep.length);
    if (sweep.length) {
      const cell = (p: { recall: number; speedup: number; hnswMs: number }) => `${f(p.recall, 3)} (${f(p.hnswMs, 3)} ms, ${f(p.speedup, 0)}×)`;
      parts.push('\n### HNSW recall against ef (hnswlib-node `setEf`): recall (ms per search, speed-up over exact)\n');
      const efs = sweep[0].efSweep.map((p) => p.ef);
      parts.push(table(['size', ...efs.map((ef) => `k=10, ef ${ef}`)], served.map((r) => [size(r), ...r.serve!.ann!.efSweep.map(cell)])));
      const retrieverEfs = [sweep[0].retrieverCall, ...sweep[0].retrieverSweep].map((p) => p.ef);
      parts.push('');
      parts.push(table(['size', ...retrieverEfs.map((ef, i) => `k=100, ef ${i === 0 ? `${ef} (as shipped: max(ef, k) = 100)` : ef}`), 'smallest ef tried with recall@100 ≥ 0.95'], served.map((r) => [size(r), ...[r.serve!.ann!.retrieverCall, ...r.serve!.ann!.retrieverSweep].map(cell), r.serve!.ann!.efFor95 ?? '—'])));
      const what = served.filter((r) => r.serve!.withEfFor95);
      if (what.length) {
        parts.push('\n### End to end at that ef (set on the loaded index in the benchmark process only; one round)\n');
        parts.push(table(
          ['size', 'ef', 'ask p50', 'p95', 'dev R@3 (any)', 'dev R@3 (article passages)', 'as shipped: p50', 'R@3 (any)', 'R@3 (article)'],
          what.map((r) => {
            const w = r.serve!.withEfFor95!;
            return [size(r), w.ef, `${f(w.ask.p50, 1)} ms`, `${f(w.ask.p95, 1)} ms`, f(w.quality.recall3, 3), f(w.quality.recall3Article, 3), `${f(r.serve!.ask.p50, 1)} ms`, f(r.serve!.quality.recall3, 3), f(r.serve!.quality.recall3Article, 3)];
          }),
        ));
      }
    }
  }
  if (side) {
    parts.push(`\n### Side by side on the article (${side.questions} dev questions with evidence, same process, interleaved)\n`);
    const row = (name: string, p: SideBySide['ours'], search?: SideBySide['oursSearch']) => [name, p.chunks, p.meanChunkChars, f(p.top3Chars, 0), f(p.buildSeconds, 3), f(p.recall3, 3), f(p.cited, 3), `${f(p.latency.p50, 2)} ms`, `${f(p.latency.p95, 2)} ms`, search ? `${f(search.p50, 2)} ms` : '—'];
    parts.push(table(
      ['pipeline', 'chunks', 'mean chars', 'chars in top 3', 'build (s)', 'recall@3', 'cited', 'p50', 'p95', 'retrieval-only p50'],
      [row('newcomer LangChain (splitter 1000/200 + HNSWLib.similaritySearch)', side.baseline), row('Footnote (engine.ask)', side.ours, side.oursSearch)],
    ));
    parts.push(`\nRatios (ours / newcomer, same run): recall@3 ${side.ratios.recall3}×, cited ${side.ratios.cited}×, latency p50 ${side.ratios.latencyP50Ask}× for the full answer (${side.ratios.latencyP50Search}× retrieval only).`);
  }
  if (!done.length) parts.push('\n(no size completed its build)');
  const incomplete = results.filter((r) => r.status !== 'completed');
  if (incomplete.length) parts.push(`\n### Not completed\n\n${incomplete.map((r) => `- ${size(r)}: ${r.reason}`).join('\n')}`);
  return parts.join('\n');
}

// ── Run ──────────────────────────────────────────────────────────────────────────────────

const startedAt = new Date();
const article = statSync(join(ARTICLE_DIR, ARTICLE_FILE)).size;
process.stderr.write(`Footnote engine benchmark: sizes ${sizes.join(', ')}× of the article (${article} bytes)${quick ? ', quick' : ''}; budget ${budgetMinutes} min per size\n`);
const results: SizeResult[] = [];
for (const multiple of sizes) results.push(await measureSize(multiple));
const side = results.find((r) => r.multiple === 1)?.serve?.baseline;
const discord = await discordLoad();

const report = {
  benchmark: 'footnote-engine',
  date: startedAt.toISOString(),
  finished: new Date().toISOString(),
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  options: { sizes, quick, seed, budgetMinutes, ...settings },
  machine: machine(),
  article: { file: `corpus/${ARTICLE_FILE}`, bytes: article },
  questions: relative(ROOT, QUESTIONS),
  sizes: results,
  sideBySide: side ?? null,
  discordLoad: discord,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);

const points: ChartPoint[] = results.filter((r) => r.serve).map((r) => ({ multiple: r.multiple, passages: r.build!.passages, p50: r.serve!.ask.p50, p95: r.serve!.ask.p95, rssAfterLoadMB: r.serve!.rssAfterLoadMB, peakRssMB: r.serve!.peakRssMB }));
const m = report.machine;
mkdirSync(dirname(chartPath), { recursive: true });
writeFileSync(chartPath, renderChart(points, {
  title: 'Footnote engine: latency and memory against corpus size',
  subtitle: `${report.date.slice(0, 10)} · ${m.nproc}× ${m.cpu} · Node ${m.node} · ${report.command}`,
  incomplete: results.filter((r) => r.status !== 'completed').map((r) => ({ multiple: r.multiple, reason: r.reason ?? '' })),
}));

process.stdout.write(`\n## Footnote engine benchmark — ${report.date}\n\n`);
process.stdout.write(`Machine: ${m.nproc} CPUs (${m.cpu}), ${m.memoryGB} GB, Node ${m.node}, ${m.platform}. Command: \`${report.command}\`\n\n`);
process.stdout.write(`${tables(results, side)}\n\n`);
process.stdout.write(`Discord load: ${discord.interactions} /ask in ${discord.spreadOverMs / 1000} s — acknowledged within 3 s ${discord.acknowledgedWithin3s}, answered ${discord.answered}, duplicated ${discord.duplicated}; ack p50/p99 ${discord.ackP50Ms}/${discord.ackP99Ms} ms; end to end p50/p99 ${discord.endToEndP50Ms}/${discord.endToEndP99Ms} ms\n`);
process.stdout.write(`\nResults: ${relative(process.cwd(), out)}  Chart: ${relative(process.cwd(), chartPath)}\n`);
