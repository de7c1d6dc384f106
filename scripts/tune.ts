/**
 * Sweeps the retrieval knobs over a question set and prints recall for each setting.
 * Development aid: tune on dev, confirm on holdout.   npx tsx scripts/tune.ts test/eval/dev.jsonl
 */
import { readFileSync } from 'node:fs';
import { readConfig } from '../src/config/index.js';
import { Engine } from '../src/engine.js';
import { covers, type EvalItem } from '../src/eval/score.js';
import { analyzeQuestion } from '../src/retrieve/question.js';
import { FUSION } from '../src/retrieve/retriever.js';

const sets = process.argv.slice(2);
const engine = await Engine.open(readConfig());
const r = engine.retriever;
const load = (f: string) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as EvalItem).filter((i) => i.answerable && i.evidence.length);
const data = sets.map(load);
async function measure(items: EvalItem[]) {
  let r1 = 0, r3 = 0;
  for (const item of items) {
    const q = analyzeQuestion(item.question);
    const res = await r.search(q.query, q.tokens, { k: 3 });
    const rank = res.passages.findIndex((p) => item.evidence.some((e) => covers(p.text, e)));
    if (rank === 0) r1++;
    if (rank >= 0) r3++;
  }
  return `${(r1 / items.length).toFixed(3)}/${(r3 / items.length).toFixed(3)}`;
}
const grid = JSON.parse(process.env.GRID ?? '[]') as Record<string, number>[];
for (const setting of grid) {
  r.matcher.floor = setting.floor ?? 0.4;
  r.matcher.power = setting.power ?? 1;
  r.matcher.cap = setting.cap ?? 0.9;
  r.matcher.clear();
  Object.assign(r.fusion, FUSION, setting);
  const out = [];
  for (const items of data) out.push(await measure(items));
  console.log(`${JSON.stringify(setting)}: ${out.join('  ')}`);
}
