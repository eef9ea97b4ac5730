/**
 * Block ranges fetched and parsed on worker threads (block-fetch.worker.ts). A range of 100 blocks of
 * 300 transactions is ~35 MB of JSON; parsing it is most of a scanner's work during a catch-up, so it is
 * spread over `threads` threads and the scanner keeps one range in flight per thread.
 */
import type { Worker } from 'node:worker_threads';
import { siblingModule, startModuleWorker } from '../../shared/module-worker.js';
import type { TronClientOptions } from '../../tron/client.js';
import type { BlockWithTransactions } from '../../tron/node-json.js';
import type { FetchReply, FetchRequest } from './block-fetch.worker.js';

/** Where the scanner reads block ranges from: the node client itself, or this pool. */
export interface BlockSource {
  getBlockRange(from: number, toExclusive: number): Promise<BlockWithTransactions[]>;
  /** ranges worth having in flight at once */
  readonly parallelism: number;
}

interface Slot {
  worker: Worker;
  /** requests this thread is working on */
  inFlight: Set<number>;
}

interface Waiter {
  slot: Slot;
  resolve(blocks: BlockWithTransactions[]): void;
  reject(error: Error): void;
}

export class BlockFetchPool implements BlockSource {
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<number, Waiter>();
  private readonly url = siblingModule(import.meta.url, 'block-fetch.worker');
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly options: Omit<TronClientOptions, 'fetch' | 'sleep' | 'random' | 'now'>,
    threads: number,
  ) {
    for (let i = 0; i < Math.max(1, threads); i++) this.slots.push(this.spawn());
  }

  get parallelism(): number {
    return this.slots.length;
  }

  getBlockRange(from: number, toExclusive: number): Promise<BlockWithTransactions[]> {
    if (this.closed) return Promise.reject(new Error('block fetch pool closed'));
    const slot = this.slots.reduce((a, b) => (b.inFlight.size < a.inFlight.size ? b : a));
    const id = this.nextId++;
    slot.inFlight.add(id);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { slot, resolve, reject });
      slot.worker.postMessage({ id, from, to: toExclusive } satisfies FetchRequest);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    for (const waiter of this.waiting.values()) waiter.reject(new Error('block fetch pool closed'));
    this.waiting.clear();
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startModuleWorker(this.url, this.options), inFlight: new Set() };
    slot.worker.unref();
    slot.worker.on('message', (reply: FetchReply) => this.settle(reply));
    // A thread that dies fails its own requests (the scanner retries the pass) and is replaced.
    const replace = (error: Error) => {
      const index = this.slots.indexOf(slot);
      if (index < 0) return;
      for (const id of slot.inFlight) {
        this.waiting.get(id)?.reject(error);
        this.waiting.delete(id);
      }
      if (this.closed) return;
      this.slots[index] = this.spawn();
    };
    slot.worker.once('error', replace);
    slot.worker.once('exit', (code) => replace(new Error(`block fetch thread exited with code ${code}`)));
    return slot;
  }

  private settle(reply: FetchReply): void {
    const waiter = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if (!waiter) return;
    waiter.slot.inFlight.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.blocks);
    else waiter.reject(new Error(reply.error));
  }
}
