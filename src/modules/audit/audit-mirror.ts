/**
 * The optional JSON-lines mirror of the audit log (`logging.audit_log_path`, SPEC §3.12): a background
 * tail that appends committed records in seq order, one JSON object per line, and fsyncs each batch.
 * It resumes from the last seq in the file (a torn last line from a crash is cut off first), so a
 * restart neither repeats nor skips a record. A copy outside the database means deleting the tail of
 * the chain together with the head row still leaves evidence. Run it in one process per file.
 */
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readChain } from './audit.repository.js';
import { toAuditMirrorLine } from './audit.view.js';
import type { AuditExecutor } from './audit-trail.js';

type FileHandle = Awaited<ReturnType<typeof open>>;

export interface AuditMirrorOptions {
  db: AuditExecutor;
  path: string;
  /** how often to look for new records (default 1000 ms) */
  intervalMs?: number;
  /** records per write and fsync (default 500) */
  batch?: number;
  onError?: (error: unknown) => void;
}

export class AuditMirror {
  private handle: FileHandle | null = null;
  private lastSeq = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;
  private reportedGapAt = -1;

  constructor(private readonly options: AuditMirrorOptions) {}

  /** The last seq written to the file (after the first sync). */
  get mirroredSeq(): number {
    return this.lastSeq;
  }

  start(): void {
    this.stopped = false;
    const tick = () => {
      this.timer = null;
      void this.syncOnce()
        .catch((error: unknown) => this.options.onError?.(error))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.options.intervalMs ?? 1000).unref();
        });
    };
    tick();
  }

  /** Appends every committed record not yet in the file; returns how many were appended. */
  syncOnce(): Promise<number> {
    // One pass at a time: a pass in progress is joined rather than run twice.
    this.running ??= this.appendNew().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Stops the tail after a last pass, and closes the file. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => 0);
    await this.syncOnce().catch((error: unknown) => this.options.onError?.(error));
    await this.handle?.close();
    this.handle = null;
  }

  private async appendNew(): Promise<number> {
    const handle = await this.openFile();
    const batch = this.options.batch ?? 500;
    let appended = 0;
    for (;;) {
      const records = await readChain(this.options.db, this.lastSeq, batch);
      const lines: string[] = [];
      let next = this.lastSeq + 1;
      for (const record of records) {
        // Seqs become visible in commit order; a gap means rows were deleted: never skip over it.
        if (record.seq !== next) {
          if (this.reportedGapAt !== next)
            this.options.onError?.(new Error(`audit mirror: record ${next} is missing; mirroring stops there`));
          this.reportedGapAt = next;
          break;
        }
        lines.push(toAuditMirrorLine(record));
        next += 1;
      }
      if (lines.length > 0) {
        await handle.write(`${lines.join('\n')}\n`);
        await handle.sync();
        this.lastSeq = next - 1;
        appended += lines.length;
      }
      if (lines.length < batch) return appended;
    }
  }

  private async openFile(): Promise<FileHandle> {
    if (this.handle) return this.handle;
    await mkdir(dirname(this.options.path), { recursive: true });
    const handle = await open(this.options.path, 'a+');
    try {
      const { lastLine, completeLength, size } = await lastCompleteLine(handle);
      if (completeLength < size) await handle.truncate(completeLength);
      this.lastSeq = lastLine === null ? 0 : seqOfLine(lastLine, this.options.path);
    } catch (error) {
      await handle.close();
      throw error;
    }
    this.handle = handle;
    return handle;
  }
}

function seqOfLine(line: string, path: string): number {
  const seq = (JSON.parse(line) as { seq?: unknown }).seq;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) throw new Error(`audit mirror ${path}: the last line has no seq`);
  return seq;
}

/** The file's last newline-terminated line, read backwards in chunks; `completeLength` ends after it. */
async function lastCompleteLine(handle: FileHandle): Promise<{ lastLine: string | null; completeLength: number; size: number }> {
  const { size } = await handle.stat();
  let tail = Buffer.alloc(0);
  let position = size;
  while (position > 0) {
    const length = Math.min(65_536, position);
    position -= length;
    const chunk = Buffer.alloc(length);
    await handle.read(chunk, 0, length, position);
    tail = Buffer.concat([chunk, tail]);
    const end = tail.lastIndexOf(0x0a);
    if (end === -1) continue;
    const start = end === 0 ? -1 : tail.lastIndexOf(0x0a, end - 1);
    if (start === -1 && position > 0) continue;
    return { lastLine: tail.subarray(start + 1, end).toString('utf8'), completeLength: position + end + 1, size };
  }
  return { lastLine: null, completeLength: 0, size };
}
