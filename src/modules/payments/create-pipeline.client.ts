/**
 * The create pipeline seen from the HTTP thread when it runs in a worker (create-pipeline.worker.ts):
 * the same `submit`, answered by message. If the worker dies, pending and later submits fail with an
 * internal error rather than hang; nothing half-written is possible because the worker commits whole groups.
 */
import type { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors.js';
import { siblingModule, startModuleWorker } from '../../shared/module-worker.js';
import type { CreateSubmitter, CreateUnit, UnitOutcome } from './create-pipeline.js';
import { deserializeOutcome, type FromWorker, type PipelineWorkerData, type ToWorker } from './create-pipeline.protocol.js';

export interface PipelineClientEvents {
  onCommitted?(units: number, jobsDueNow: number): void;
  onLog?(level: 'error' | 'warn', message: string, stack?: string): void;
}

export class PipelineWorkerClient implements CreateSubmitter {
  private readonly pending = new Map<number, (outcome: UnitOutcome) => void>();
  /** submitted in this turn of the event loop, posted together at its end */
  private unsent: Array<{ id: number; unit: CreateUnit }> = [];
  private nextId = 1;
  private dead: string | null = null;
  private closed: Promise<void> | null = null;

  private constructor(
    private readonly worker: Worker,
    events: PipelineClientEvents,
    private readonly onClosed: Promise<void>,
  ) {
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'outcomes') {
        for (const { id, outcome } of message.outcomes) {
          const resolve = this.pending.get(id);
          this.pending.delete(id);
          resolve?.(deserializeOutcome(outcome));
        }
      } else if (message.type === 'committed') {
        events.onCommitted?.(message.units, message.jobsDueNow);
      } else if (message.type === 'log') {
        events.onLog?.(message.level, message.message, message.stack);
      }
    });
    const fail = (reason: string) => {
      this.dead = reason;
      for (const resolve of this.pending.values()) resolve({ ok: false, error: new AppError('internal', 'internal error') });
      this.pending.clear();
    };
    worker.on('error', (error) => {
      events.onLog?.('error', `create pipeline worker failed: ${error.message}`, error.stack);
      fail(error.message);
    });
    worker.on('exit', () => fail('the create pipeline worker exited'));
  }

  static async start(data: PipelineWorkerData, events: PipelineClientEvents = {}): Promise<PipelineWorkerClient> {
    // A small young generation: the worker's garbage is short-lived rows and strings, and every MB of
    // semi-space is resident memory.
    const worker = startModuleWorker(siblingModule(import.meta.url, 'create-pipeline.worker'), data, { maxYoungGenerationSizeMb: 8 });
    const closed = new Promise<void>((resolve) => worker.on('message', (m: FromWorker) => m.type === 'closed' && resolve()));
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: FromWorker) => {
        if (message.type === 'ready') {
          cleanup();
          resolve();
        } else if (message.type === 'failed') {
          cleanup();
          reject(new Error(`create pipeline worker could not start: ${message.message}`));
        }
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
    });
    return new PipelineWorkerClient(worker, events, closed);
  }

  submit(unit: CreateUnit): Promise<UnitOutcome> {
    if (this.dead) return Promise.resolve({ ok: false, error: new AppError('internal', 'internal error') });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      if (this.unsent.length === 0) setImmediate(() => this.post());
      this.unsent.push({ id, unit });
    });
  }

  private post(): void {
    const units = this.unsent;
    this.unsent = [];
    // A worker that died meanwhile has already failed these (see `fail`).
    if (units.length > 0 && !this.dead) this.worker.postMessage({ type: 'submit', units } satisfies ToWorker);
  }

  /** Lets queued groups commit, then stops the worker. */
  close(): Promise<void> {
    this.closed ??= (async () => {
      if (!this.dead) {
        if (this.unsent.length > 0) this.post();
        this.worker.postMessage({ type: 'close' } satisfies ToWorker);
        await Promise.race([this.onClosed, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      }
      await this.worker.terminate();
    })();
    return this.closed;
  }
}
