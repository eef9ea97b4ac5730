/**
 * Progress of long work on stderr (never stdout, which carries results and `--json`). On a terminal a
 * one-line bar redrawn in place: `[#####-----]  45%  450/1000 blocks  312 blocks/s  ETA 2s  <detail>`.
 * Elsewhere (a pipe, a log file) plain lines: one per change, at most one per `lineEveryMs` (none for work
 * that ends sooner), and the last state.
 */

export interface ProgressOptions {
  /** what is counted: `blocks`, `rows`, `payouts final` */
  unit: string;
  /** prefix of the plain lines: `scanner rescan` */
  label: string;
  /** default process.stderr */
  stream?: NodeJS.WriteStream;
  /** plain lines at most this often; 0 writes every change (default 1000) */
  lineEveryMs?: number;
  /** show a rate and an ETA on the bar (default true) */
  rate?: boolean;
  /** default Date.now */
  now?: () => number;
}

const BAR_WIDTH = 30;
const REDRAW_MS = 100;

export class Progress {
  private readonly stream: NodeJS.WriteStream;
  private readonly tty: boolean;
  private readonly now: () => number;
  private readonly started: number;
  private state: { done: number; total: number; detail: string } | null = null;
  private drawnAt = 0;
  private lastLine = '';
  private lineAt = 0;
  private finished = false;

  constructor(private readonly options: ProgressOptions) {
    this.stream = options.stream ?? process.stderr;
    this.tty = this.stream.isTTY === true;
    this.now = options.now ?? Date.now;
    this.started = this.now();
    this.lineAt = this.started;
  }

  update(done: number, total: number, detail = ''): void {
    this.state = { done, total, detail };
    const now = this.now();
    if (this.tty) {
      if (now - this.drawnAt < REDRAW_MS && done < total) return;
      this.drawnAt = now;
      this.stream.write(this.bar());
      return;
    }
    const line = this.line();
    if (line === this.lastLine || now - this.lineAt < (this.options.lineEveryMs ?? 1000)) return;
    this.writeLine(line, now);
  }

  /** Draws the last state for good (and ends the bar's line). */
  finish(): void {
    if (this.finished || this.state === null) return;
    this.finished = true;
    if (this.tty) {
      this.stream.write(`${this.bar()}\n`);
      return;
    }
    const line = this.line();
    if (this.lastLine !== '' && line !== this.lastLine) this.writeLine(line, this.now());
  }

  private writeLine(line: string, at: number): void {
    this.lastLine = line;
    this.lineAt = at;
    this.stream.write(`${line}\n`);
  }

  private line(): string {
    const { done, total, detail } = this.state ?? { done: 0, total: 0, detail: '' };
    return `${this.options.label}: ${done}/${total} ${this.options.unit} (${percent(done, total)}%)${detail ? `  ${detail}` : ''}`;
  }

  private bar(): string {
    const { done, total, detail } = this.state ?? { done: 0, total: 0, detail: '' };
    const share = total === 0 ? 1 : Math.min(1, done / total);
    const filled = Math.round(share * BAR_WIDTH);
    const parts = [
      `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`,
      `${String(percent(done, total)).padStart(3)}%`,
      `${done}/${total} ${this.options.unit}`,
    ];
    if (this.options.rate !== false) {
      const seconds = (this.now() - this.started) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      const eta = rate > 0 ? Math.ceil(Math.max(0, total - done) / rate) : 0;
      parts.push(`${Math.round(rate)} ${this.options.unit}/s`, `ETA ${eta}s`);
    }
    if (detail) parts.push(detail);
    // \r returns to the line's start, \x1b[K clears what a longer previous line left
    return `\r${parts.join('  ')}\x1b[K`;
  }
}

function percent(done: number, total: number): number {
  return total === 0 ? 100 : Math.min(100, Math.floor((done / total) * 100));
}
