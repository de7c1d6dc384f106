import { readFileSync } from 'node:fs';
import { createLlmAnswerer } from '../answer/llm.js';
import { loadDotEnv, readConfig, redact, redactEnv, type Config } from '../config/index.js';
import { Engine } from '../engine.js';
import { FootnoteError, isFootnoteError } from '../errors.js';

/**
 * Read the configuration and open the engine, drawing index progress on a terminal. `omit`: engine
 * log lines the caller reports itself; `llm: false` opens it without the language model (indexing).
 */
export async function openEngine(options: { force?: boolean; quiet?: boolean; llm?: boolean; omit?: (line: string) => boolean } = {}): Promise<{ engine: Engine; config: Config }> {
  loadDotEnv();
  const config = readConfig();
  const tty = process.stderr.isTTY && !options.quiet;
  const engine = await Engine.open(config, {
    force: options.force,
    llm: options.llm === false ? undefined : await createLlmAnswerer(config),
    log: (line) => {
      if (options.omit?.(line)) return;
      if (tty) process.stderr.write('\r\x1b[K');
      if (!options.quiet || line.startsWith('warning')) process.stderr.write(`${redact(line, config)}\n`);
    },
    onProgress: tty ? (done, total) => process.stderr.write(`\r\x1b[KIndexing ${bar(done / total)} ${done}/${total} passages`) : undefined,
  });
  return { engine, config };
}

function bar(fraction: number, width = 24): string {
  const filled = Math.round(fraction * width);
  return `[${'#'.repeat(filled)}${' '.repeat(width - filled)}]`;
}

/** Run a CLI entry point: user errors print one line and exit 2, anything else prints a short message and exits 1. */
export function runCli(main: () => Promise<number | void>): void {
  // `npm run ask ... | head`: a closed pipe ends the program quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      const code = (error as { code?: unknown } | null)?.code;
      // A server's error can quote the key it was sent: never print it.
      const message = redactEnv((error as Error)?.message ?? String(error));
      if (isFootnoteError(error) || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
        // A mistake in what was typed (including an unknown option): one line, exit 2.
        process.stderr.write(`error: ${message}\n`);
        process.exitCode = 2;
      } else {
        process.stderr.write(`error: ${message}\n`);
        if (process.env.FOOTNOTE_DEBUG) process.stderr.write(`${redactEnv(String((error as Error)?.stack))}\n`);
        process.exitCode = 1;
      }
    },
  );
}

/** A file the user named: read as text, or a clear user error ("cannot read questions.txt: no such file"). */
export function readUserFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new FootnoteError('BAD_ARGUMENT', `cannot read ${path}: ${why}`);
  }
}
