import { createInterface } from 'node:readline';
import { ambiguousPassageId, type Engine } from '../engine.js';
import { isFootnoteError } from '../errors.js';
import { formatAnswer } from './format.js';
import { plural } from '../ingest/text.js';
import { refusesMessage } from '../answer/extractive.js';
import type { Answer } from '../answer/types.js';
import { carryKeyTerms } from '../retrieve/follow-up.js';

/** An answer that gives nothing to follow up on: talk, or a question the corpus does not answer. */
const isNotAnswer = (a: Answer) => a.abstained && (refusesMessage(a.answer) || a.citations.length === 0);

const HELP = `Ask a question about the corpus, e.g. "Who wrote the article?" or "Why does Iran rely on militias?".
Commands: /sources (the documents), /passage ID (a passage by id), /help, /quit.`;

/**
 * The console chat: the same engine as the Discord bot, at a terminal.
 * Reads questions line by line (works with a pipe too) and never runs or fetches anything a question names.
 */
export async function runChat(engine: Engine, io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream } = { input: process.stdin, output: process.stdout }): Promise<void> {
  const color = (io.output as NodeJS.WriteStream).isTTY === true;
  const write = (text: string) => io.output.write(`${text}\n`);
  const about = engine.about();
  write(`Footnote — ${plural(about.documents.length, 'document')}, ${about.passages} passages, ${about.mode === 'llm' ? 'answers written by the language model' : 'offline extractive answers'}.`);
  write('Running as a console chat because DISCORD_TOKEN is not set; set it (see README) to run the Discord bot.');
  write(HELP);
  const rl = createInterface({ input: io.input, output: io.output, terminal: color, prompt: color ? '\n? ' : '' });
  rl.prompt();
  let previous: string | undefined;
  for await (const line of rl) {
    const text = line.trim();
    if (!text) {
      rl.prompt();
      continue;
    }
    // (typed bare too, as people do in a console: "exit", "quit", "help")
    if (/^\/(?:quit|exit)(?:\s|$)/i.test(text) || /^(?:quit|exit|bye)[.!]*$/i.test(text)) break;
    if (/^\/?help[.!?]*$/i.test(text)) write(HELP);
    else if (/^\/?sources$/i.test(text)) for (const d of about.documents) write(`- ${d.title}${d.authors.length ? ` by ${d.authors.join(', ')}` : ''}${d.publication ? `, ${d.publication}` : ''}${d.date ? `, ${d.date}` : ''} (${d.file}, ${plural(d.passages, 'passage')})`);
    else if (/^\/passage(?:\s|$)/i.test(text)) {
      const id = text.replace(/^\/passage\s*/i, '');
      const resolved = id ? engine.resolvePassageId(id) : undefined;
      const found = resolved?.id ? engine.passage(resolved.id) : undefined;
      const example = engine.index.chunks[Math.min(3, engine.index.chunks.length - 1)]?.id;
      const candidates = resolved?.candidates ?? [];
      if (!id) write(`Usage: /passage ID — the ids are shown with every source (e.g. ${example}).`);
      else if (found) write(`${found.passage.id} — ${found.title}${found.passage.section ? `, ${found.passage.section}` : ''}${found.passage.paragraph ? `, paragraph ${found.passage.paragraph}` : ', dateline and title'}\n${found.passage.text}`);
      else if (candidates.length > 1) write(ambiguousPassageId(id, candidates));
      else write(`No passage has that id. Passage ids look like ${example}.`);
    } else if (/^\/\S*$/.test(text) || /^\/[a-z-]+\s/i.test(text)) {
      write(`Unknown command ${text.split(/\s/)[0]}. Commands: /sources, /passage ID, /help, /quit; anything else is a question.`);
    } else {
      try {
        // "and when?", "why?": read with the previous question, as in a Discord thread
        const { standalone, carried } = previous ? carryKeyTerms(text, [previous]) : { standalone: text, carried: [] };
        const answer = await engine.ask(standalone);
        // A refusal of talk or an instruction was not helped by the previous question: say nothing of it.
        if (carried.length && !refusesMessage(answer.answer)) write(`(Read with the previous question: “${previous}”)`);
        write(formatAnswer({ ...answer, question: text }, { color }));
        if (!isNotAnswer(answer)) previous = standalone;
      } catch (error) {
        if (!isFootnoteError(error)) throw error;
        write(error.message);
      }
    }
    rl.prompt();
  }
  rl.close();
}
