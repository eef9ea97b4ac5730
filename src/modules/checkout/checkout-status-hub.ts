/**
 * Live status for open checkout pages (docs/adr/0026): ONE poller per process reads the version of every
 * watched payment in one query every `intervalMs`, only while streams are open. A payment whose version
 * moved is loaded once and its new state handed to every stream watching it, however many there are.
 * Any process sees changes made by any other (the scanner may run elsewhere): the database is the bus.
 * When the scanner runs in this process it nudges the hub after each commit, so the look is immediate.
 */

export interface HubSnapshot {
  /** the serialised CheckoutState */
  data: string;
  /** nothing more will change: streams close after sending it */
  final: boolean;
}

export interface HubDeps {
  intervalMs: number;
  versions(ids: readonly string[]): Promise<Map<string, number>>;
  load(paymentId: string): Promise<HubSnapshot | null>;
  onError?(error: unknown): void;
}

type Listener = (snapshot: HubSnapshot) => void;

interface Watch {
  version: number;
  listeners: Set<Listener>;
}

export class CheckoutStatusHub {
  private readonly watches = new Map<string, Watch>();
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;
  private again = false;
  private streams = 0;

  constructor(private readonly deps: HubDeps) {}

  /** Open streams. */
  get size(): number {
    return this.streams;
  }

  /** Payments watched (streams of one payment share one watch). */
  get watched(): number {
    return this.watches.size;
  }

  /** Calls `listener` with each new state of the payment after `version`; returns the unsubscribe. */
  subscribe(paymentId: string, version: number, listener: Listener): () => void {
    let watch = this.watches.get(paymentId);
    if (!watch) {
      watch = { version, listeners: new Set() };
      this.watches.set(paymentId, watch);
    }
    watch.version = Math.min(watch.version, version);
    watch.listeners.add(listener);
    this.streams++;
    this.start();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.streams--;
      const current = this.watches.get(paymentId);
      current?.listeners.delete(listener);
      if (current && current.listeners.size === 0) this.watches.delete(paymentId);
      if (this.watches.size === 0) this.stop();
    };
  }

  /** Something in this process changed payments: look now rather than at the next tick. */
  nudge(): void {
    if (this.watches.size === 0) return;
    if (this.ticking) this.again = true;
    else void this.tick();
  }

  /** Looks once (the poller's tick; tests call it directly). */
  async tick(): Promise<void> {
    if (this.ticking || this.watches.size === 0) return;
    this.ticking = true;
    try {
      const ids = [...this.watches.keys()];
      const versions = await this.deps.versions(ids);
      for (const id of ids) {
        const watch = this.watches.get(id);
        const version = versions.get(id);
        if (!watch || version === undefined || version <= watch.version) continue;
        watch.version = version;
        const snapshot = await this.deps.load(id);
        if (!snapshot) continue;
        for (const listener of [...watch.listeners]) listener(snapshot);
      }
    } catch (error) {
      this.deps.onError?.(error);
    } finally {
      this.ticking = false;
      if (this.again) {
        this.again = false;
        void this.tick();
      }
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.deps.intervalMs);
    this.timer.unref();
  }
}
