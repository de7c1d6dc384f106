import { randomBytes } from 'node:crypto';
import { redact, type Config } from '../config/index.js';

export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** Operator log lines (stderr): one line each, secrets redacted. */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  /** an unexpected error: logged with its stack and context under an id the user is shown */
  error(message: string, error: unknown, fields?: LogFields & { errorId?: string }): void;
}

export function createLogger(config: Pick<Config, 'openai' | 'discord'>, write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const emit = (level: string, message: string, fields: LogFields = {}, extra = '') => {
    const kv = Object.entries(fields)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(' ');
    write(`${redact(`${new Date().toISOString()} ${level} ${message}${kv ? ` ${kv}` : ''}${extra}`, config)}\n`);
  };
  return {
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, error, f) => {
      const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
      emit('error', m, f, `\n  ${stack.replace(/\n/g, '\n  ')}`);
    },
  };
}

/** A short id tying what a user sees to a log line. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}
