/**
 * The real bot as its own process (`node --import tsx src/main.ts`, as `npm start` runs it) for the
 * fault and security tests: started with an environment, its stdout and stderr captured, stopped with
 * any signal. Spawned with `node --import tsx` rather than the tsx CLI so that a SIGKILL hits the
 * process that holds the database, not a wrapper.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { ROOT } from './cli.js';

export interface BotProcess {
  child: ChildProcess;
  /** stdout and stderr so far, interleaved as they arrived */
  output(): string;
  stderr(): string;
  /** resolves with the first match of `pattern` in stderr (from the start of the run) */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** resolves once the bot logged `ready` */
  ready(timeoutMs?: number): Promise<void>;
  /** sends a signal and resolves with how the process ended */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly running: boolean;
}

/** Environment that keeps a developer's own settings out of a test run. */
export const NEUTRAL_ENV: Record<string, string> = {
  OPENAI_API_KEY: '',
  OPENAI_BASE_URL: '',
  FOOTNOTE_LLM: '',
  FOOTNOTE_EMBEDDINGS: '',
  FOOTNOTE_MESSAGE_CONTENT: '',
  FOOTNOTE_REPLY_THREADS: '',
  FOOTNOTE_QUESTION_CHANNELS: '',
  DISCORD_CLIENT_ID: '',
  DISCORD_GUILD_ID: '',
  FOOTNOTE_DEBUG: '',
};

export function spawnBot(env: Record<string, string>, entry = 'src/main.ts', args: string[] = []): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...NEUTRAL_ENV, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let all = '';
  let err = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stdout!.on('data', (d: string) => (all += d));
  child.stderr!.on('data', (d: string) => {
    all += d;
    err += d;
  });
  const exited = (once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>).then(([code, signal]) => ({ code, signal }));
  const waitForLog = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const m = pattern.exec(err);
        if (!m) return;
        done();
        resolve(m);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${pattern} in the log within ${timeoutMs} ms:\n${err}`));
      }, timeoutMs);
      const onExit = () => {
        // let the last output arrive before deciding
        setImmediate(() => {
          const m = pattern.exec(err);
          done();
          if (m) resolve(m);
          else reject(new Error(`the process exited before ${pattern} appeared:\n${err}`));
        });
      };
      function done() {
        clearTimeout(timer);
        child.stderr!.off('data', check);
        child.off('exit', onExit);
      }
      child.stderr!.on('data', check);
      child.once('exit', onExit);
      check();
    });
  return {
    child,
    output: () => all,
    stderr: () => err,
    waitForLog,
    async ready(timeoutMs = 30_000) {
      await waitForLog(/ info ready /, timeoutMs);
    },
    async stop(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    exited,
    get running() {
      return child.exitCode === null && child.signalCode === null;
    },
  };
}
