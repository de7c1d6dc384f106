import type Database from 'better-sqlite3';
import { FootnoteError, isFootnoteError } from '../errors.js';

export const STORE_BUSY_MESSAGE = 'Footnote’s database stayed busy (another program is holding it), so this was not saved. Please try again in a few minutes.';

/** SQLITE_BUSY and friends: another connection holds the write lock (or our snapshot went stale). */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(?:BUSY|LOCKED)(?:_|$)/.test(code);
}

/** A write refused because the database is busy: worth trying again later. */
export function isStoreBusy(error: unknown): boolean {
  return isFootnoteError(error) && error.code === 'STORE_BUSY';
}

const storeBusy = (cause?: unknown) => new FootnoteError('STORE_BUSY', STORE_BUSY_MESSAGE, { cause });

/**
 * better-sqlite3 waits for a lock on the main thread, so while another process holds the write
 * lock every write would stall the whole bot for the busy timeout. After one write has waited that
 * long in vain, the connection is "busy": its busy timeout drops to 0, so each further write lands
 * or fails (STORE_BUSY) at once, until one lands and the timeout set when the database was opened
 * is back. Reads go on (WAL). The wrapped database is otherwise the same object.
 */
export function guardWrites(db: Database.Database): Database.Database {
  const patience = Number(db.pragma('busy_timeout', { simple: true }));
  let busy = false;
  let depth = 0;
  const guarded = <T>(work: () => T): T => {
    if (depth > 0) return work();
    depth++;
    try {
      const result = work();
      if (busy) {
        busy = false;
        db.pragma(`busy_timeout = ${patience}`);
      }
      return result;
    } catch (error) {
      if (!isBusyError(error)) throw error;
      if (!busy) {
        busy = true;
        db.pragma('busy_timeout = 0');
      }
      throw storeBusy(error);
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

export interface WriteQueueOptions {
  /** how long a write is retried before it is given up with STORE_BUSY (inside Discord's 15-minute interaction window) */
  deadlineMs?: number;
  /** the wait before the first retry; it doubles up to `maxDelayMs` while the database stays busy */
  firstDelayMs?: number;
  maxDelayMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export const WRITE_DEADLINE_MS = 10 * 60_000;

interface Waiting {
  attempt: () => unknown;
  since: number;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes that must not be lost to a busy database, in the order they were asked for. A write is
 * tried at once when nothing is waiting; one that meets the lock (STORE_BUSY) waits, and so does
 * every write after it, and they are retried with a back-off (100 ms doubling to 1 s) until they
 * land or until each one's deadline (10 minutes), when it is given up with STORE_BUSY. Any other
 * error settles its write at once. The clock and timers are injectable for tests.
 */
export class WriteQueue {
  private readonly deadlineMs: number;
  private readonly firstDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;
  private readonly waiting: Waiting[] = [];
  private delayMs: number;
  private timer: unknown;
  private closed = false;

  constructor(options: WriteQueueOptions = {}) {
    this.deadlineMs = options.deadlineMs ?? WRITE_DEADLINE_MS;
    this.firstDelayMs = options.firstDelayMs ?? 100;
    this.maxDelayMs = options.maxDelayMs ?? 1000;
    this.now = options.now ?? Date.now;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as NodeJS.Timeout));
    this.delayMs = this.firstDelayMs;
  }

  /** Writes waiting for the database. */
  get size(): number {
    return this.waiting.length;
  }

  /**
   * Run `write` once it can land, after the writes asked for before it; resolves with its result.
   * `onWait` (which must not throw) is told once, synchronously, when the write could not land at once.
   */
  save<T>(write: () => T, onWait?: () => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.closed) return reject(storeBusy());
      const entry: Waiting = { attempt: write, since: this.now(), resolve: resolve as (value: unknown) => void, reject };
      if (!this.waiting.length && this.tryWrite(entry)) return;
      this.waiting.push(entry);
      this.schedule();
      onWait?.();
    });
  }

  /** Give up every waiting write (STORE_BUSY: it was not saved); later writes are refused. */
  close(): void {
    this.closed = true;
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
    for (const entry of this.waiting.splice(0)) entry.reject(storeBusy());
  }

  /** Try a write: true when it settled (written, or failed for a reason waiting will not cure). */
  private tryWrite(entry: Waiting): boolean {
    try {
      entry.resolve(entry.attempt());
    } catch (error) {
      if (isStoreBusy(error)) return false;
      entry.reject(error);
    }
    return true;
  }

  private schedule(): void {
    if (this.timer !== undefined || !this.waiting.length) return;
    this.timer = this.setTimer(() => {
      this.timer = undefined;
      this.retry();
    }, this.delayMs);
  }

  /** Land what can land, in order; give up the writes past their deadline; wait longer while it stays busy. */
  private retry(): void {
    while (this.waiting.length && this.tryWrite(this.waiting[0]!)) {
      this.waiting.shift();
      this.delayMs = this.firstDelayMs;
    }
    if (!this.waiting.length) return;
    const now = this.now();
    while (this.waiting.length && now - this.waiting[0]!.since >= this.deadlineMs) this.waiting.shift()!.reject(storeBusy());
    this.delayMs = Math.min(this.delayMs * 2, this.maxDelayMs);
    this.schedule();
  }
}
