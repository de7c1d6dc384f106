import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ARTICLE_FILE, CORPUS_DIR, tempDir } from '../helpers/engine.js';
import { runTs } from '../helpers/cli.js';

const source = readFileSync(join(CORPUS_DIR, ARTICLE_FILE), 'utf8');
const data = tempDir();
const env = { FOOTNOTE_DATA_DIR: data.dir };
const ask = (...args: string[]) => runTs('src/cli/ask.ts', args, env);

before(async () => {
  const built = await runTs('src/cli/index.ts', [], env);
  assert.equal(built.code, 0, built.stderr);
  assert.match(built.stdout, /1 document, 17 passages, 100 dimensions/);
});
after(() => data.cleanup());

test('ask --json prints one JSON object whose every text is an exact slice of the source', async () => {
  const run = await ask('--json', 'Since what date has Russia been conducting air operations in Syria?');
  assert.equal(run.code, 0, run.stderr);
  const out = JSON.parse(run.stdout);
  assert.deepEqual(Object.keys(out).sort(), ['abstained', 'answer', 'citations', 'mode', 'passages', 'question', 'timings']);
  assert.equal(out.mode, 'extractive');
  assert.match(out.answer, /September 30, 2015/);
  assert.equal(out.passages.length, 5);
  for (const item of [...out.citations, ...out.passages]) assert.equal(source.slice(item.start, item.end), item.text);
  for (const c of out.citations) for (const key of ['n', 'docId', 'title', 'section', 'paragraph', 'text', 'start', 'end', 'score']) assert.ok(key in c, key);
  for (const key of ['retrieveMs', 'answerMs', 'totalMs']) assert.equal(typeof out.timings[key], 'number');
});

test('ask prints the answer and numbered sources for a person', async () => {
  const run = await ask('Who', 'wrote', 'the', 'article?');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /Ali Alfoneh and Flemming Splidsboel Hansen/);
  assert.match(run.stdout, /Sources\n\[1\] “Ali Alfoneh is\sis senior fellow/);
});

test('--k sets how many passages come back', async () => {
  const run = await ask('--json', '--k', '2', 'What is the Valdai Club?');
  assert.equal(JSON.parse(run.stdout).passages.length, 2);
});

test('an empty question is a clear error with exit code 2 and no stack trace', async () => {
  for (const q of ['', '   ', '\u200B\u202E']) {
    const run = await ask(q);
    assert.equal(run.code, 2, q);
    assert.match(run.stderr, /question is empty/i);
    assert.doesNotMatch(run.stderr, /\s+at\s+\S+\s+\(/);
  }
});

test('an over-long question is a clear error', async () => {
  const run = await ask('why '.repeat(300));
  assert.equal(run.code, 2);
  assert.match(run.stderr, /too long.*1000/);
});

test('control characters, bidi marks and binary junk are handled without a crash', async () => {
  const run = await ask('--json', 'who\u0007 wrote\u0001 \u202Ethe\u200B article\uFFFD\uD800?');
  assert.equal(run.code, 0, run.stderr);
  assert.match(JSON.parse(run.stdout).answer, /Alfoneh/);
});

test('--batch answers one JSON line per input line, in order, including bad lines', async () => {
  const file = join(data.dir, 'batch.jsonl');
  writeFileSync(file, ['{"question": "Who wrote the \\u0000article?"}', 'How many people were killed when the Russian airliner was bombed?', '{"question": ""}', 'x'.repeat(200_000), '{not json', '', 'Why was Larijani wearing black?'].join('\n') + '\n');
  const run = await ask('--batch', file);
  assert.equal(run.code, 0, run.stderr);
  const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 7, 'a blank line still gets its output line, so input and output line up');
  assert.match(lines[0].answer, /Alfoneh/);
  assert.match(lines[1].answer, /224/);
  assert.equal(lines[2].error.code, 'EMPTY_QUESTION');
  assert.equal(lines[3].error.code, 'QUESTION_TOO_LONG');
  assert.deepEqual(lines[4].error, { code: 'BAD_ARGUMENT', message: 'the line is not valid JSON' }, 'a broken JSON line is an error, not a question');
  assert.equal(lines[5].error.code, 'EMPTY_QUESTION');
  assert.match(lines[6].answer, /Ashura/);
});

test('mistakes in what was typed are one-line errors with exit code 2', async () => {
  const cases: [string, string[], RegExp][] = [
    ['src/cli/ask.ts', ['--doc', 'nope', 'Who wrote it?'], /unknown document "nope"/],
    ['src/cli/ask.ts', ['--bogus', 'x'], /Unknown option '--bogus'/],
    ['src/cli/ask.ts', ['--batch', join(data.dir, 'missing.txt')], /cannot read .*missing\.txt: no such file/],
    ['src/cli/eval.ts', ['--set', 'test/eval/dev.jsonl', '--min-recall3', 'abc'], /--min-recall3 must be a number/],
    ['src/cli/eval.ts', ['--set', data.dir], /cannot read .*: it is a folder/],
  ];
  for (const [script, args, message] of cases) {
    const run = await runTs(script, args, env);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  }
});

test('a cold ask process with the index built answers quickly (measured; bound is generous for CI)', async () => {
  const run = await ask('--json', 'Why was Larijani wearing black?');
  assert.equal(run.code, 0);
  assert.ok(run.ms < 6000, `${run.ms} ms`);
});

test('the console chat answers questions read from a pipe and says how to connect Discord', async () => {
  const run = await runTs('src/main.ts', [], env, 'Who wrote the article?\n/passage twisted-tehran-moscow-axis#p2\n/passage\n/sorces\nthanks!\n/quit\n');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /DISCORD_TOKEN/);
  assert.match(run.stdout, /Alfoneh/);
  assert.match(run.stdout, /· twisted-tehran-moscow-axis#p17/, 'sources show the passage id /passage takes');
  assert.match(run.stdout, /tactical marriage of convenience/);
  assert.match(run.stdout, /Usage: \/passage ID/);
  assert.match(run.stdout, /Unknown command \/sorces/);
  assert.match(run.stdout, /I can only answer questions about the corpus/);
  assert.doesNotMatch(run.stdout, /Nearest passages/, 'thanks is not a question: no nearest passages');
});

test('in the console chat, a follow-up is read with the previous question, a complete question is not, and /passage takes a bare id', async () => {
  const run = await runTs('src/main.ts', [], env, 'Why was Larijani wearing black?\nwhat about Putin?\nWho wrote the article?\n/passage p4\n');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /\(Read with the previous question: “Why was Larijani wearing black\?”\)/);
  assert.equal([...run.stdout.matchAll(/Read with the previous question/g)].length, 1, 'the question about the article stands on its own');
  assert.match(run.stdout, /written by Ali Alfoneh/);
  assert.match(run.stdout, /twisted-tehran-moscow-axis#p4 — The Twisted Tehran-Moscow Axis/);
});

test('a misconfigured variable is named in a one-line error', async () => {
  const run = await runTs('src/cli/ask.ts', ['hi'], { ...env, FOOTNOTE_EMBEDDINGS: 'bogus' });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /FOOTNOTE_EMBEDDINGS/);
});
