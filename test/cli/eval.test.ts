import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runTs } from '../helpers/cli.js';
import { tempDir } from '../helpers/engine.js';

const data = tempDir();
after(() => data.cleanup());
const GOOD = { id: 'a1', kind: 'metadata', question: 'Who wrote the article?', answerable: true, evidence: ['Ali Alfoneh is is senior fellow'], answers: ['Alfoneh'] };

async function evalLines(...lines: string[]) {
  const file = join(data.dir, 'set.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  return { file, run: await runTs('src/cli/eval.ts', ['--set', file], { FOOTNOTE_DATA_DIR: data.dir }) };
}

test('a question-set line without the fields a question needs is refused naming the line and the field, not scored as nonsense', async () => {
  for (const [line, field] of [
    [JSON.stringify({ question: 'who wrote it?' }), '"id"'],
    [JSON.stringify({ ...GOOD, answerable: 'yes' }), '"answerable"'],
    [JSON.stringify({ ...GOOD, evidence: 'Ali Alfoneh' }), '"evidence"'],
    [JSON.stringify({ ...GOOD, forbidden: 'pwned' }), '"forbidden"'],
    ['"just a string"', 'a JSON object'],
  ] as const) {
    const { file, run } = await evalLines(JSON.stringify(GOOD), line);
    assert.equal(run.code, 2, `${line}: ${run.stdout}${run.stderr}`);
    assert.ok(run.stderr.startsWith(`error: ${file} line 2: `), run.stderr);
    assert.ok(run.stderr.includes(field), run.stderr);
    assert.equal(run.stdout, '');
  }
});

test('a well-formed question set is scored', async () => {
  const { run } = await evalLines(JSON.stringify(GOOD), JSON.stringify({ ...GOOD, id: 'a2', answers_all: ['Hansen'], forbidden: [] }));
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /2 questions, extractive mode/);
  assert.match(run.stdout, /metadata\s+n=2\s+R@1 1/);
});
