/**
 * Moderation state that lives with the running bot: the per-server question queue, members' last
 * question times (cooldowns; read from the stored questions after a restart), and the periodic
 * retention purge. Created once at start-up.
 */
import type { Store } from '../../store/index.js';
import { RateQueue } from '../../study/queue.js';
import type { Logger } from '../log.js';

export interface ModerationOptions {
  /** the questions-per-minute window (one minute; tests shorten it) */
  rateWindowMs?: number;
  /** how often questions, answers and votes past a server's retention period are deleted (hourly) */
  purgeIntervalMs?: number;
  /** least time between edits of a waiting question's "number n in the queue" notice */
  positionUpdateMs?: number;
}

const HOUR_MS = 3_600_000;

export class ModerationRuntime {
  readonly queue: RateQueue;
  readonly positionUpdateMs: number;
  private readonly purgeIntervalMs: number;
  private readonly lastAsked = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    options: ModerationOptions = {},
  ) {
    this.queue = new RateQueue({ windowMs: options.rateWindowMs });
    this.purgeIntervalMs = options.purgeIntervalMs ?? HOUR_MS;
    this.positionUpdateMs = options.positionUpdateMs ?? 5000;
  }

  /** Purge now, then periodically; the timer never keeps the process alive. Resolves when the first purge is done. */
  start(): Promise<void> {
    const first = this.purge();
    this.timer ??= setInterval(() => void this.purge(), this.purgeIntervalMs);
    this.timer.unref();
    return first;
  }

  /** Stop the purge timer and cancel questions still waiting in queues (they are told to ask again). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.queue.close();
  }

  /**
   * Delete what is past each server's retention period, through the write queue like every other
   * write (a lock held elsewhere is waited out, not met by blocking); failures are logged, never thrown.
   */
  async purge(now = Date.now()): Promise<void> {
    for (const [key, at] of this.lastAsked) if (now - at > 86_400_000) this.lastAsked.delete(key);
    try {
      const counts = await this.store.save(() => this.store.moderation.purgeExpired(now));
      if (counts.answers || counts.votes || counts.refusals) this.log.info('retention purge', { ...counts });
    } catch (error) {
      this.log.warn('retention purge failed', { reason: (error as Error)?.message });
    }
  }

  /** When a member last asked in a server: as noted since start-up, else their latest stored question (so a restart resets no cooldown). */
  lastAskedAt(guildId: string, userId: string): number | undefined {
    return this.lastAsked.get(`${guildId}:${userId}`) ?? this.store.moderation.lastQuestionAt(guildId, userId);
  }

  noteAsked(guildId: string, userId: string, at: number): void {
    this.lastAsked.set(`${guildId}:${userId}`, at);
  }
}
