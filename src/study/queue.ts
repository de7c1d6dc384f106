/**
 * A per-server questions-per-minute budget with a first-in, first-out queue: questions over the
 * budget wait (and are told their place) instead of being dropped; answers are delivered in the
 * order the questions arrived. No Discord types; the clock and timers are injectable for tests.
 */

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface QueueJob<T> {
  /** work out the answer; starts once the server's budget allows */
  prepare(): Promise<T>;
  /** deliver it (or the error); deliveries happen in arrival order */
  deliver(outcome: Outcome<T>): Promise<void>;
  /** the question has to wait: its place (1 = next), told again whenever it changes */
  onWaiting?(position: number): void | Promise<void>;
  /** the queue closed (shutdown) before the question's turn */
  onCancelled?(): void | Promise<void>;
}

export interface RateQueueOptions {
  /** the budget's window (default one minute) */
  windowMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

interface Entry {
  job: QueueJob<unknown>;
  /** resolves when the previous question was delivered */
  previous: Promise<void>;
  position: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface Lane {
  limit: number;
  /** when the questions of the current window started */
  starts: number[];
  waiting: Entry[];
  timer?: unknown;
  /** settles when the last question submitted so far was delivered */
  tail: Promise<void>;
}

export class RateQueue {
  readonly windowMs: number;
  /** told when a question takes its slot in a server's budget (metrics, tests) */
  onStart?: (key: string, at: number) => void;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;
  private readonly lanes = new Map<string, Lane>();
  private closed = false;

  constructor(options: RateQueueOptions = {}) {
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as NodeJS.Timeout));
  }

  /** Questions waiting in a server's queue. */
  waiting(key: string): number {
    return this.lanes.get(key)?.waiting.length ?? 0;
  }

  /**
   * Answer a question within a server's budget (`limit` per window; 0 = no limit, no queue).
   * Resolves once it was delivered (or cancelled by `close`); rejects when delivering failed.
   */
  submit<T>(key: string, limit: number, job: QueueJob<T>): Promise<void> {
    if (this.closed) return Promise.resolve(job.onCancelled?.()).then(() => undefined);
    if (!limit || limit <= 0) return run(job);
    let lane = this.lanes.get(key);
    if (!lane) this.lanes.set(key, (lane = { limit, starts: [], waiting: [], tail: Promise.resolve() }));
    lane.limit = limit;
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const done = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const entry: Entry = { job: job as QueueJob<unknown>, previous: lane.tail, position: 0, resolve, reject };
    lane.tail = done.catch(() => undefined);
    if (!lane.waiting.length && this.hasRoom(lane)) this.start(key, lane, entry);
    else {
      lane.waiting.push(entry);
      this.tell(entry, lane.waiting.length);
      this.schedule(key, lane);
    }
    return done;
  }

  /** Stop: questions still waiting are cancelled (told so), timers cleared. Questions already started finish. */
  close(): void {
    this.closed = true;
    for (const lane of this.lanes.values()) {
      if (lane.timer !== undefined) this.clearTimer(lane.timer);
      lane.timer = undefined;
      for (const entry of lane.waiting.splice(0)) {
        Promise.resolve()
          .then(() => entry.job.onCancelled?.())
          .then(entry.resolve, entry.reject);
      }
    }
  }

  private hasRoom(lane: Lane): boolean {
    const since = this.now() - this.windowMs;
    while (lane.starts.length && lane.starts[0]! <= since) lane.starts.shift();
    return lane.starts.length < lane.limit;
  }

  private start(key: string, lane: Lane, entry: Entry): void {
    const at = this.now();
    lane.starts.push(at);
    this.onStart?.(key, at);
    void (async () => {
      let outcome: Outcome<unknown>;
      try {
        outcome = { ok: true, value: await entry.job.prepare() };
      } catch (error) {
        outcome = { ok: false, error };
      }
      await entry.previous;
      await entry.job.deliver(outcome);
    })().then(entry.resolve, entry.reject);
  }

  private tell(entry: Entry, position: number): void {
    if (entry.position === position) return;
    entry.position = position;
    try {
      Promise.resolve(entry.job.onWaiting?.(position)).catch(() => undefined);
    } catch {
      // telling the asker their place is best effort
    }
  }

  /** Start what the budget allows, tell the rest their new places, and wake up when the next slot frees. */
  private schedule(key: string, lane: Lane): void {
    if (this.closed || lane.timer !== undefined) return;
    let started = false;
    while (lane.waiting.length && this.hasRoom(lane)) {
      this.start(key, lane, lane.waiting.shift()!);
      started = true;
    }
    if (started) lane.waiting.forEach((entry, i) => this.tell(entry, i + 1));
    // a lane is kept while idle: its tail orders deliveries still in flight
    if (!lane.waiting.length) return;
    const wait = Math.max(0, lane.starts[0]! + this.windowMs - this.now()) + 1;
    lane.timer = this.setTimer(() => {
      lane.timer = undefined;
      this.schedule(key, lane);
    }, wait);
  }
}

async function run<T>(job: QueueJob<T>): Promise<void> {
  let outcome: Outcome<T>;
  try {
    outcome = { ok: true, value: await job.prepare() };
  } catch (error) {
    outcome = { ok: false, error };
  }
  await job.deliver(outcome);
}
