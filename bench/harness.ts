/**
 * Tiny benchmark helpers: timed loops with warm-up, percentiles, an aligned result table and a
 * JSON report (with machine info) under bench/results/<suite>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export type Details = Record<string, string | number | boolean | null>;

/** A pass/fail threshold: the value must be ≥ (`min`) or ≤ (`max`) it. */
export interface Target {
  op: '>=' | '<=';
  value: number;
}

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: Target;
  /** set when there is a target */
  ok?: boolean;
  details?: Details;
}

export interface Percentiles {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export interface Measurement {
  name: string;
  /** operations and time over all timed runs */
  ops: number;
  elapsedMs: number;
  /** median of the per-run rates (a single run's rate when `repeats` is 1) */
  opsPerSec: number;
  /** rate of each timed run, in order */
  runs: number[];
  best: number;
  worst: number;
  /** per-operation latency in ms, only with `percentiles: true` */
  latencyMs?: Percentiles;
}

export interface MeasureOptions {
  /** run exactly this many operations … */
  iterations?: number;
  /** … or as many as fit in this time (checked every `batch` operations) */
  durationMs?: number;
  /** warm-up before timing (operations are not counted); default 300 ms */
  warmupMs?: number;
  /** operations between clock checks in duration mode; default 64 */
  batch?: number;
  /** time each operation on its own and report percentiles (adds ~0.1 µs per op) */
  percentiles?: boolean;
  /**
   * timed runs (each `iterations` long or `durationMs` / `repeats`); the reported rate is their median,
   * which keeps a neighbour process stealing the CPU for a moment from deciding pass/fail. Default 1.
   */
  repeats?: number;
}

/** Sorted-sample percentile (nearest rank). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function summarize(samples: number[]): Percentiles {
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const s of sorted) sum += s;
  return {
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? (sorted[sorted.length - 1] as number) : Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

/**
 * Runs `fn(i)` in a tight loop on the calling thread, after a warm-up. `i` counts up across the warm-up
 * and the timed run, so callers can rotate through inputs with `i % n`.
 */
export function measure(name: string, fn: (i: number) => void, opts: MeasureOptions = {}): Measurement {
  const batch = opts.batch ?? 64;
  let i = 0;
  const warmupEnd = performance.now() + (opts.warmupMs ?? 300);
  while (performance.now() < warmupEnd) for (let b = 0; b < batch; b++) fn(i++);

  const samples: number[] = [];
  const timed = (): void => {
    if (opts.percentiles) {
      const t = performance.now();
      fn(i++);
      samples.push(performance.now() - t);
    } else {
      fn(i++);
    }
  };
  const repeats = Math.max(1, opts.repeats ?? 1);
  const runs: number[] = [];
  let totalOps = 0;
  let totalMs = 0;
  for (let r = 0; r < repeats; r++) {
    let ops = 0;
    const start = performance.now();
    if (opts.iterations !== undefined) {
      for (; ops < opts.iterations; ops++) timed();
    } else {
      const end = start + (opts.durationMs ?? 1000) / repeats;
      while (performance.now() < end) {
        for (let b = 0; b < batch; b++) timed();
        ops += batch;
      }
    }
    const elapsed = performance.now() - start;
    runs.push((ops * 1000) / elapsed);
    totalOps += ops;
    totalMs += elapsed;
  }
  const sorted = [...runs].sort((a, b) => a - b);
  const out: Measurement = {
    name,
    ops: totalOps,
    elapsedMs: totalMs,
    opsPerSec: median(sorted),
    runs,
    best: sorted[sorted.length - 1] as number,
    worst: sorted[0] as number,
  };
  if (opts.percentiles) out.latencyMs = summarize(samples);
  return out;
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A result row with its pass/fail worked out. */
export function result(name: string, value: number, unit: string, extra: { target?: Target; details?: Details } = {}): BenchResult {
  const out: BenchResult = { name, value, unit };
  if (extra.target) {
    out.target = extra.target;
    out.ok = extra.target.op === '>=' ? value >= extra.target.value : value <= extra.target.value;
  }
  if (extra.details) out.details = extra.details;
  return out;
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function formatTarget(t: Target | undefined): string {
  return t ? `${t.op} ${formatNumber(t.value)}` : '';
}

/** Prints an aligned table: benchmark | result | unit | target | pass/fail. */
export function printTable(title: string, results: BenchResult[], log: (line: string) => void = console.log): void {
  const header = ['benchmark', 'result', 'unit', 'target', 'pass/fail'];
  const rows = results.map((r) => [
    r.name,
    formatNumber(r.value),
    r.unit,
    formatTarget(r.target),
    r.ok === undefined ? '-' : r.ok ? 'PASS' : 'FAIL',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] as string).length)));
  const rightAligned = new Set([1, 3]);
  const line = (cells: string[]) =>
    `| ${cells.map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c] as number) : cell.padEnd(widths[c] as number))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (rightAligned.has(c) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  log('');
  log(`## ${title}`);
  log('');
  log(line(header));
  log(rule);
  for (const row of rows) log(line(row));
  log('');
}

export interface MachineInfo {
  node: string;
  platform: string;
  arch: string;
  cpuModel: string;
  cpuCount: number;
  totalMemoryBytes: number;
  date: string;
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cpuModel: list[0]?.model ?? 'unknown',
    cpuCount: list.length,
    totalMemoryBytes: totalmem(),
    date: new Date().toISOString(),
  };
}

export const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'results');

/** Writes bench/results/<suite>.json and returns its path. */
export function writeJson(suite: string, results: BenchResult[], extra: Record<string, unknown> = {}): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${suite}.json`);
  const failed = results.filter((r) => r.ok === false).map((r) => r.name);
  const report = { suite, machine: machineInfo(), passed: failed.length === 0, failed, ...extra, results };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

/** Keeps results the optimiser could otherwise prove unused. */
export class Sink {
  value = 0;
  add(n: number): void {
    this.value = (this.value + n) | 0;
  }
}
