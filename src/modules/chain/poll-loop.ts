/**
 * Runs `runOnce` again and again: at once while it reports work done, after `intervalMs` when idle, with a
 * growing pause while it throws. Never overlaps itself; `wake()` skips the pause; `stop()` waits for the
 * current run.
 */
export interface PollLoopOptions {
  name: string;
  intervalMs: number;
  /** returns how much it did; 0 = idle */
  runOnce(): Promise<number>;
  onError(error: unknown): void;
}

const MAX_ERROR_BACKOFF_MS = 10_000;

export class PollLoop {
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> | undefined;
  private failures = 0;
  private wakeRequested = false;

  constructor(private readonly options: PollLoopOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  wake(): void {
    if (!this.running) return;
    if (this.current) this.wakeRequested = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.current;
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.current = this.tick().finally(() => {
        this.current = undefined;
      });
    }, ms);
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    let next = this.options.intervalMs;
    this.wakeRequested = false;
    try {
      const done = await this.options.runOnce();
      this.failures = 0;
      if (done > 0) next = 0;
    } catch (error) {
      this.failures += 1;
      next = Math.min(MAX_ERROR_BACKOFF_MS, this.options.intervalMs * 2 ** Math.min(this.failures, 10));
      this.options.onError(error);
    }
    if (this.wakeRequested && this.failures === 0) next = 0;
    if (this.running) this.schedule(next);
  }
}
