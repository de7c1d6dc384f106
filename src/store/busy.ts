import type Database from 'better-sqlite3';
import { FootnoteError } from '../errors.js';

/** After a write gave up on a lock held elsewhere, further writes fail at once for this long. */
export const BUSY_BREAK_MS = 2000;

export const STORE_BUSY_MESSAGE = 'Footnote’s database is busy right now, so this was not saved. Please try again in a few seconds.';

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(?:BUSY|LOCKED)/.test(code);
}

/**
 * better-sqlite3 waits for a lock on the main thread, so while another process holds the write
 * lock every write would stall the whole bot for the busy timeout. After one write has waited that
 * long in vain, writes fail at once (a user error saying so, never a silent loss) until the break
 * is over; reads go on (WAL). The wrapped database is otherwise the same object.
 */
export function guardWrites(db: Database.Database, now: () => number = Date.now): Database.Database {
  let busyUntil = 0;
  let depth = 0;
  const guarded = <T>(work: () => T): T => {
    if (depth > 0) return work();
    if (now() < busyUntil) throw new FootnoteError('STORE_BUSY', STORE_BUSY_MESSAGE);
    depth++;
    try {
      return work();
    } catch (error) {
      if (!isBusy(error)) throw error;
      busyUntil = now() + BUSY_BREAK_MS;
      throw new FootnoteError('STORE_BUSY', STORE_BUSY_MESSAGE, { cause: error });
    } finally {
      depth--;
    }
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') {
        return (source: string) => {
          const statement = target.prepare(source);
          if (statement.reader) return statement;
          const run = statement.run.bind(statement);
          return Object.assign(statement, { run: (...params: unknown[]) => guarded(() => run(...(params as []))) });
        };
      }
      if (property === 'transaction') {
        return (fn: (...args: unknown[]) => unknown) => {
          const tx = target.transaction(fn);
          type Variant = (...args: unknown[]) => unknown;
          const wrap = (variant: Variant) => (...args: unknown[]) => guarded(() => variant(...args));
          return Object.assign(wrap(tx as Variant), {
            deferred: wrap(tx.deferred as Variant),
            immediate: wrap(tx.immediate as Variant),
            exclusive: wrap(tx.exclusive as Variant),
            default: wrap(tx.default as Variant),
          });
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
