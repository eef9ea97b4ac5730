/**
 * Block ranges fetched, parsed and matched, and their receipts read, on worker threads (block-fetch.worker.ts). A range of 100
 * blocks of 300 transactions is ~35 MB of JSON; parsing it is most of a scanner's work during a catch-up,
 * so it is spread over `threads` threads and the scanner keeps one range in flight per thread.
 *
 * Threads cost memory (~10 MB each) and are only worth it during a catch-up: they start when the scanner
 * falls behind (`start`) and end after `idleMs` without a request. A thread takes a moment to load (most
 * under tsx), so the scanner asks for a range only while a loaded thread is free (`available`) and reads
 * the others itself meanwhile. Each thread holds a copy of the watch set; a request carries
 * the set again whenever it changed since that thread's last request, so a range is always matched
 * against the set as it was when the range was asked for.
 */
import type { Worker } from 'node:worker_threads';
import { siblingModule, startModuleWorker } from '../../shared/module-worker.js';
import type { NodeCall, TronClientOptions } from '../../tron/client.js';
import type { FetchReady, FetchReply, FetchRequest } from './block-fetch.worker.js';
import type { ScannedBlock, TokenIndex } from './block-matcher.js';
import type { WatchSource } from './watch-set.js';

/** Block ranges scanned elsewhere than on the scanner's thread. */
export interface BlockSource {
  /** starts the threads if they are not running */
  start(): void;
  /** whether a loaded thread has nothing to do (a range asked for now starts at once) */
  available(): boolean;
  /** range-scan.ts scanBlockRange on a thread: blocks `from`…`toExclusive − 1`, matched against `watch`, with their receipts' transfers */
  scanBlocks(from: number, toExclusive: number, watch: WatchSource, tokens: TokenIndex): Promise<ScannedBlock[]>;
  /** ranges worth having in flight at once */
  readonly parallelism: number;
}

/** Threads end after this long without a request. */
export const FETCH_IDLE_MS = 30_000;

interface Slot {
  worker: Worker;
  /** requests this thread is working on */
  inFlight: Set<number>;
  /** the key of the watch set this thread holds */
  watchKey: string | null;
  /** loaded: it said so */
  ready: boolean;
}

interface Waiter {
  slot: Slot;
  resolve(blocks: ScannedBlock[]): void;
  reject(error: Error): void;
}

export class BlockFetchPool implements BlockSource {
  private slots: Slot[] = [];
  private readonly waiting = new Map<number, Waiter>();
  private readonly url = siblingModule(import.meta.url, 'block-fetch.worker');
  private readonly size: number;
  private idleTimer: NodeJS.Timeout | undefined;
  private nextId = 1;
  private ranges = 0;
  private closed = false;

  constructor(
    private readonly options: Omit<TronClientOptions, 'fetch' | 'sleep' | 'random' | 'now' | 'onCall'>,
    threads: number,
    private readonly idleMs = FETCH_IDLE_MS,
    /** told about the node calls the threads made (a function cannot cross to a thread: they send them back) */
    private readonly onCall?: (call: NodeCall) => void,
  ) {
    this.size = Math.max(1, threads);
  }

  get parallelism(): number {
    return this.size;
  }

  /** Threads running now (0 until the first request and after an idle spell). */
  get threads(): number {
    return this.slots.length;
  }

  /** Threads loaded and ranges they scanned (for tests and the benchmark). */
  get stats(): { ready: number; ranges: number } {
    return { ready: this.slots.filter((s) => s.ready).length, ranges: this.ranges };
  }

  start(): void {
    if (this.closed) return;
    while (this.slots.length < this.size) this.slots.push(this.spawn());
  }

  available(): boolean {
    return this.slots.some((s) => s.ready && s.inFlight.size === 0);
  }

  scanBlocks(from: number, toExclusive: number, watch: WatchSource, tokens: TokenIndex): Promise<ScannedBlock[]> {
    if (this.closed) return Promise.reject(new Error('block fetch pool closed'));
    clearTimeout(this.idleTimer);
    this.start();
    // the least busy thread, loaded ones first
    const load = (s: Slot) => s.inFlight.size + (s.ready ? 0 : 0.5);
    const slot = this.slots.reduce((a, b) => (load(b) < load(a) ? b : a));
    const id = this.nextId++;
    const request: FetchRequest = { id, from, to: toExclusive, tokens };
    if (slot.watchKey !== watch.key) {
      request.watch = watch.snapshot();
      slot.watchKey = watch.key;
    }
    slot.inFlight.add(id);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { slot, resolve, reject });
      slot.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.idleTimer);
    await this.stopThreads();
    for (const waiter of this.waiting.values()) waiter.reject(new Error('block fetch pool closed'));
    this.waiting.clear();
  }

  private async stopThreads(): Promise<void> {
    const slots = this.slots;
    this.slots = []; // before terminating: their exit must not replace them
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startModuleWorker(this.url, this.options), inFlight: new Set(), watchKey: null, ready: false };
    slot.worker.unref();
    slot.worker.on('message', (reply: FetchReply | FetchReady) => {
      if ('ready' in reply) {
        slot.ready = true;
        this.armIdle();
      } else this.settle(reply);
    });
    // A thread that dies fails its own requests (the scanner retries the pass); the next request starts another.
    const drop = (error: Error) => {
      const index = this.slots.indexOf(slot);
      if (index < 0) return;
      this.slots.splice(index, 1);
      for (const id of slot.inFlight) {
        this.waiting.get(id)?.reject(error);
        this.waiting.delete(id);
      }
      void slot.worker.terminate();
      this.armIdle();
    };
    slot.worker.once('error', drop);
    slot.worker.once('exit', (code) => drop(new Error(`block fetch thread exited with code ${code}`)));
    return slot;
  }

  /** Once nothing is in flight, the threads end after idleMs unless a request comes first. */
  private armIdle(): void {
    if (this.waiting.size > 0 || this.closed || this.slots.length === 0) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.stopThreads(), this.idleMs);
    this.idleTimer.unref();
  }

  private settle(reply: FetchReply): void {
    if (this.onCall) for (const call of reply.calls ?? []) this.onCall(call);
    const waiter = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if (waiter) {
      waiter.slot.inFlight.delete(reply.id);
      this.ranges++;
      if (reply.ok) waiter.resolve(reply.blocks);
      else waiter.reject(new Error(reply.error));
    }
    this.armIdle();
  }
}
