import { parseArgs } from 'node:util';
import { FootnoteError, isFootnoteError } from '../errors.js';
import { formatAnswer } from './format.js';
import { openEngine, readUserFile, runCli } from './open.js';

const USAGE = `usage: npm run ask -- [--json] [--k N] [--doc ID] "question"
       npm run ask -- --batch FILE      (one question per line: plain text or {"question": ...}; JSON lines out)`;

/** Batch lines longer than this are refused per line rather than parsed. */
const MAX_BATCH_LINE = 100_000;

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean' }, k: { type: 'string' }, batch: { type: 'string' }, doc: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const k = values.k === undefined ? undefined : Number(values.k);
  if (k !== undefined && (!Number.isInteger(k) || k < 1 || k > 50)) throw new FootnoteError('BAD_ARGUMENT', '--k must be a whole number from 1 to 50');
  const question = positionals.join(' ');
  if (!values.batch && !question.trim()) throw new FootnoteError('EMPTY_QUESTION', `The question is empty.\n${USAGE}`);

  const batch = values.batch === undefined ? undefined : readUserFile(values.batch);
  const { engine } = await openEngine({ quiet: values.json || batch !== undefined });
  const unknown = (values.doc ?? []).filter((id) => !engine.documents.has(id));
  if (unknown.length) throw new FootnoteError('BAD_ARGUMENT', `unknown document ${unknown.map((d) => `"${d}"`).join(', ')}; the documents are: ${[...engine.documents.keys()].join(', ')}`);
  const options = { k, docIds: values.doc };

  if (batch !== undefined) {
    // One output line per input line, blank lines included, so the two can be read side by side.
    const lines = batch.split(/\r?\n/);
    if (lines.at(-1) === '') lines.pop();
    for (const line of lines) {
      let q: string;
      if (line.length > MAX_BATCH_LINE) {
        console.log(JSON.stringify({ question: line.slice(0, 80), error: { code: 'QUESTION_TOO_LONG', message: 'line too long' } }));
        continue;
      }
      // A line that opens like a JSON object must be one with a "question" field; anything else is plain text.
      if (line.trim().startsWith('{')) {
        let parsed: { question?: unknown } | undefined;
        try {
          parsed = JSON.parse(line) as { question?: unknown };
        } catch {
          parsed = undefined;
        }
        if (typeof parsed?.question !== 'string') {
          const message = parsed ? 'the JSON object has no "question" string' : 'the line is not valid JSON';
          console.log(JSON.stringify({ question: line.slice(0, 80), error: { code: 'BAD_ARGUMENT', message } }));
          continue;
        }
        q = parsed.question;
      } else q = line;
      try {
        console.log(JSON.stringify(await engine.ask(q, options)));
      } catch (error) {
        if (!isFootnoteError(error)) throw error;
        console.log(JSON.stringify({ question: q.slice(0, 1000), error: { code: error.code, message: error.message } }));
      }
    }
    return 0;
  }
  const answer = await engine.ask(question, options);
  console.log(values.json ? JSON.stringify(answer, null, 2) : formatAnswer(answer, { color: process.stdout.isTTY }));
  return 0;
});
