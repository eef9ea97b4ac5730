/**
 * `npm run bench [-- --suite toolkit|devnet|gateway|webhooks|scanner|payouts|checkout|energy]`: runs the benchmark suites in sequence, prints a table
 * per suite, writes bench/results/<suite>.json and exits non-zero when a target is missed.
 */
import { runCheckout } from './checkout.bench.js';
import { runDevnet } from './devnet.bench.js';
import { runEnergy } from './energy.bench.js';
import { runGateway } from './gateway.bench.js';
import { type BenchResult, machineInfo, printTable, writeJson } from './harness.js';
import { runPayouts } from './payouts.bench.js';
import { runScanner } from './scanner.bench.js';
import { runToolkit } from './toolkit.bench.js';
import { runWebhooks } from './webhooks.bench.js';

const SUITES: Record<string, (log: (line: string) => void) => Promise<BenchResult[]>> = {
  toolkit: runToolkit,
  devnet: runDevnet,
  gateway: runGateway,
  webhooks: runWebhooks,
  payouts: runPayouts,
  scanner: runScanner,
  checkout: runCheckout,
  energy: runEnergy,
};

/** Everything should finish well inside this; a hang exits instead of blocking CI. */
const HARD_LIMIT_MS = 150_000;
/** Suites that need more than that on their own (gateway: three servers under load, ~2 min; checkout: ~1.5 min per engine; energy: ~10 min at full size), added when selected. */
const EXTRA_LIMIT_MS: Record<string, number> = { gateway: 180_000, scanner: 180_000, payouts: 240_000, checkout: 120_000, energy: 600_000 };

function parseSuites(argv: string[]): string[] {
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--suite') names.push(argv[++i] ?? '');
    else if (arg.startsWith('--suite=')) names.push(arg.slice('--suite='.length));
    else if (arg === '--help' || arg === '-h') {
      console.log(`usage: npm run bench [-- --suite ${Object.keys(SUITES).join('|')}]`);
      process.exit(0);
    } else {
      throw new Error(`unknown argument ${arg}`);
    }
  }
  for (const name of names) if (!SUITES[name]) throw new Error(`unknown suite "${name}" (expected ${Object.keys(SUITES).join(' or ')})`);
  return names.length ? names : Object.keys(SUITES);
}

async function main(): Promise<number> {
  let suites: string[];
  try {
    suites = parseSuites(process.argv.slice(2));
  } catch (err) {
    console.error(`bench: ${(err as Error).message}`);
    return 2;
  }
  const limitMs = HARD_LIMIT_MS + suites.reduce((ms, name) => ms + (EXTRA_LIMIT_MS[name] ?? 0), 0);
  const watchdog = setTimeout(() => {
    console.error(`bench: still running after ${limitMs / 1000} s, giving up`);
    process.exit(2);
  }, limitMs);
  watchdog.unref();
  const m = machineInfo();
  console.log(`bench: node ${m.node}, ${m.cpuCount} x ${m.cpuModel}, ${Math.round(m.totalMemoryBytes / 2 ** 30)} GiB, ${m.date}`);
  const missed: string[] = [];
  for (const name of suites) {
    const run = SUITES[name] as (log: (line: string) => void) => Promise<BenchResult[]>;
    const started = Date.now();
    const results = await run((line) => console.log(line));
    printTable(`${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`, results);
    console.log(`wrote ${writeJson(name, results)}`);
    for (const r of results)
      if (r.ok === false) missed.push(`${name}: ${r.name} = ${r.value} ${r.unit} (target ${r.target?.op} ${r.target?.value})`);
  }
  if (missed.length) {
    console.error(`\nbench: ${missed.length} target(s) missed:`);
    for (const line of missed) console.error(`  - ${line}`);
    return 1;
  }
  console.log('\nbench: all targets met');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('bench: failed:', err);
    process.exit(2);
  },
);
