/**
 * The "number n in the queue" notice of a waiting question: shown at once, edited as the question
 * moves up (at most every `minGapMs`, and far back only at round numbers), and never touched again
 * once the answer is on its way.
 */
import { queuedMessage, worthTelling } from '../../study/moderation.js';
import { plural } from '../../ingest/text.js';

/** A server's questions-per-minute budget: `perWindow` questions start per `windowMs` (a minute). */
export interface QueuePace {
  perWindow: number;
  windowMs: number;
}

/**
 * Roughly how long until a question at `position` starts, said as an upper bound: the budget lets
 * `perWindow` questions start per window, so the n-th waiting one starts within ceil(n / perWindow) windows.
 */
export function queueWait(position: number, pace: QueuePace): string | undefined {
  if (pace.perWindow <= 0 || pace.windowMs <= 0) return undefined;
  const seconds = Math.ceil((Math.ceil(position / pace.perWindow) * pace.windowMs) / 1000);
  if (seconds < 60) return `within ${plural(seconds, 'second')}`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? 'within a minute' : `within about ${plural(minutes, 'minute')}`;
}

/** What a queued asker is told: their place and, when the pace is known, about how long. */
export function queuedNotice(position: number, pace?: QueuePace): string {
  const text = queuedMessage(position);
  const wait = pace && queueWait(position, pace);
  return wait ? `${text.replace(/\.$/, '')}, ${wait}.` : text;
}

export class QueueNotice {
  private chain: Promise<void> = Promise.resolve();
  private lastAt = 0;
  private pending: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private done = false;
  private sent = false;

  constructor(
    /** show or edit the notice */
    private readonly show: (text: string) => Promise<unknown>,
    private readonly minGapMs: number,
    /** the server's budget, for the wait estimate (without it the notice gives the place only) */
    private readonly pace?: QueuePace,
  ) {}

  /** whether a notice was shown (the answer then replaces it) */
  get shown(): boolean {
    return this.sent;
  }

  update(position: number): void {
    if (this.done || (this.sent && !worthTelling(position))) return;
    this.pending = position;
    if (this.timer) return;
    const wait = this.sent ? Math.max(0, this.lastAt + this.minGapMs - Date.now()) : 0;
    if (wait === 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Stop updating and wait for an edit in progress; call before delivering the answer. */
  async finish(): Promise<void> {
    this.done = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.chain;
  }

  private flush(): void {
    this.timer = undefined;
    if (this.done || this.pending === undefined) return;
    const position = this.pending;
    this.pending = undefined;
    this.lastAt = Date.now();
    this.sent = true;
    this.chain = this.chain.then(() => this.show(queuedNotice(position, this.pace))).then(
      () => undefined,
      () => undefined,
    );
  }
}

export const RESTARTING_WHILE_QUEUED = 'Footnote is restarting, so your question was not answered. Please ask again in a minute.';
