import { parseArgs } from 'node:util';
import { FootnoteError } from '../errors.js';
import { scoreItem, summarize, type EvalItem, type Summary } from '../eval/score.js';
import { openEngine, readUserFile, runCli } from './open.js';

const THRESHOLDS: [flag: string, key: keyof Summary, direction: 'min' | 'max'][] = [
  ['min-recall1', 'recall1', 'min'],
  ['min-recall3', 'recall3', 'min'],
  ['min-recall5', 'recall5', 'min'],
  ['min-mrr', 'mrr', 'min'],
  ['min-cited', 'cited', 'min'],
  ['min-accuracy', 'accuracy', 'min'],
  ['min-abstention', 'abstention', 'min'],
  ['max-false-abstention', 'falseAbstention', 'max'],
  ['min-injection-clean', 'injectionClean', 'min'],
];

runCli(async () => {
  const { values } = parseArgs({
    options: {
      set: { type: 'string' },
      json: { type: 'boolean' },
      verbose: { type: 'boolean', short: 'v' },
      ...Object.fromEntries(THRESHOLDS.map(([flag]) => [flag, { type: 'string' as const }])),
    },
  });
  if (!values.set) throw new FootnoteError('BAD_ARGUMENT', 'usage: npm run eval -- --set FILE [--json] [--min-recall3 X ...]');
  const limits = new Map<string, number>();
  for (const [flag] of THRESHOLDS) {
    const raw = (values as Record<string, unknown>)[flag];
    if (raw === undefined) continue;
    const limit = Number(raw);
    if (typeof raw !== 'string' || !raw.trim() || !Number.isFinite(limit)) throw new FootnoteError('BAD_ARGUMENT', `--${flag} must be a number, not "${String(raw)}"`);
    limits.set(flag, limit);
  }
  const items = readUserFile(values.set as string)
    .split(/\r?\n/)
    .flatMap((l, i) => {
      if (!l.trim()) return [];
      let item: unknown;
      try {
        item = JSON.parse(l);
      } catch {
        throw new FootnoteError('BAD_ARGUMENT', `${values.set} line ${i + 1} is not JSON`);
      }
      const fault = itemFault(item);
      if (fault) throw new FootnoteError('BAD_ARGUMENT', `${values.set} line ${i + 1}: ${fault} (the format is that of test/eval/dev.jsonl)`);
      return [item as EvalItem];
    });
  const { engine } = await openEngine({ quiet: true });
  const results = [];
  for (const item of items) {
    const answer = await engine.ask(item.question);
    const result = scoreItem(item, answer);
    results.push(result);
    if (values.verbose && (result.correct === false || (result.evidenceRank ?? 1) > 1 || (!item.answerable && !result.abstained) || result.injectionClean === false)) {
      process.stderr.write(`${item.id} ${item.kind} rank=${result.evidenceRank} correct=${result.correct} abst=${result.abstained} :: ${item.question}\n   → ${answer.answer.slice(0, 240)}\n`);
    }
  }
  const summary = summarize(items, results);
  const failures: string[] = [];
  for (const [flag, key, direction] of THRESHOLDS) {
    const limit = limits.get(flag);
    if (limit === undefined) continue;
    const value = summary[key] as number;
    if (direction === 'min' ? value < limit : value > limit) failures.push(`${key} ${value} is ${direction === 'min' ? 'below' : 'above'} ${limit}`);
  }
  if (values.json) console.log(JSON.stringify({ set: values.set, mode: engine.mode, summary, failures }, null, 2));
  else {
    const s = summary;
    console.log(`${values.set}: ${s.questions} questions, ${engine.mode} mode`);
    console.log(`recall@1 ${s.recall1}  recall@3 ${s.recall3}  recall@5 ${s.recall5}  MRR ${s.mrr}`);
    console.log(`cited ${s.cited}  answer accuracy ${s.accuracy}  abstention ${s.abstention}  false abstention ${s.falseAbstention}  injection-clean ${s.injectionClean}`);
    console.log(`latency p50 ${s.p50Ms} ms  p95 ${s.p95Ms} ms`);
    for (const [kind, k] of Object.entries(s.byKind)) console.log(`  ${kind.padEnd(13)} n=${String(k.n).padEnd(3)} R@1 ${k.recall1}  R@3 ${k.recall3}  accuracy ${k.accuracy}`);
    for (const f of failures) console.log(`FAIL: ${f}`);
  }
  return failures.length ? 1 : 0;
});

/** What is wrong with a question-set line, if anything: a line missing a field would be scored as nonsense. */
function itemFault(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return 'must be a JSON object';
  const o = item as Record<string, unknown>;
  for (const key of ['id', 'kind', 'question']) if (typeof o[key] !== 'string') return `"${key}" must be a string`;
  if (typeof o.answerable !== 'boolean') return '"answerable" must be true or false';
  for (const key of ['evidence', 'answers', 'answers_all', 'forbidden']) {
    const optional = key === 'answers_all' || key === 'forbidden';
    if (optional && o[key] === undefined) continue;
    if (!Array.isArray(o[key]) || !(o[key] as unknown[]).every((x) => typeof x === 'string')) return `"${key}" must be a list of strings`;
  }
  return undefined;
}
