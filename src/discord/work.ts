/**
 * Work in flight, so shutdown can stop taking new work and let answers already being written finish.
 */
export class WorkTracker {
  private open = true;
  private readonly inFlight = new Set<Promise<unknown>>();

  get accepting(): boolean {
    return this.open;
  }

  get size(): number {
    return this.inFlight.size;
  }

  /** Track a task until it settles (its rejection is the caller's to handle). */
  track<T>(task: Promise<T>): Promise<T> {
    this.inFlight.add(task);
    const done = () => this.inFlight.delete(task);
    task.then(done, done);
    return task;
  }

  /** Stop accepting work and wait for what is in flight, at most `timeoutMs`; true when everything finished. */
  async drain(timeoutMs: number): Promise<boolean> {
    this.open = false;
    if (!this.inFlight.size) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const all = (async () => {
      while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
      return true as const;
    })();
    try {
      return await Promise.race([all, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
