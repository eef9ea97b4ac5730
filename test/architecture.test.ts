/**
 * Layer rules (docs/adr/0001, 0006): the TRON toolkit depends on nothing else in the project, the devnet
 * only on the toolkit, shared code on nothing, HTTP plumbing never on the modules it serves, and only
 * the composition root (src/app) and the CLI see everything. Checked on the import statements themselves.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DB } from '../src/db/schema.js';

const SRC = resolve(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Top-level folder under src/ that each relative import of `file` lands in. */
function importedAreas(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const areas: string[] = [];
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
    const target = relative(SRC, resolve(file, '..', match[1] as string));
    areas.push(target.split('/')[0] as string);
  }
  return areas;
}

const ALLOWED: Record<string, string[]> = {
  tron: ['tron'],
  devnet: ['devnet', 'tron'],
  shared: ['shared'],
  config: ['config', 'shared', 'tron'],
  db: ['db', 'shared'],
  http: ['http', 'shared', 'config'],
  modules: ['modules', 'http', 'shared', 'db', 'config', 'tron'],
  workers: ['workers', 'modules', 'shared', 'db', 'config', 'tron'],
  dashboard: ['dashboard', 'http', 'shared', 'config'],
  app: ['app', 'http', 'modules', 'workers', 'shared', 'db', 'config', 'tron', 'devnet', 'dashboard'],
  cli: ['cli', 'app', 'modules', 'shared', 'db', 'config', 'tron', 'devnet'],
};

describe('layer rules', () => {
  for (const [area, allowed] of Object.entries(ALLOWED)) {
    it.skipIf(!existsSync(join(SRC, area)))(`src/${area} imports only from ${allowed.map((a) => `src/${a}`).join(', ')}`, () => {
      const offenders = sourceFiles(join(SRC, area)).flatMap((file) =>
        importedAreas(file)
          .filter((target) => !allowed.includes(target))
          .map((target) => `${relative(SRC, file)} → src/${target}`),
      );
      expect(offenders).toEqual([]);
    });
  }

  it('the TRON toolkit does not load TronWeb at run time', () => {
    const offenders = sourceFiles(SRC).filter((file) => /from\s+'tronweb'/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
  });
});

/*
 * Import rules per file role. A file's role comes from its name:
 *   service     *.service.ts        use cases: no HTTP (fastify, src/http), no routes
 *   repository  *.repository.ts     SQL of one module: no HTTP, no services, routes or workers
 *   routes      *.routes.ts         HTTP: no SQL (kysely, drivers, src/db) and no repositories: routes call services
 *   worker      *.worker.ts         background loops: no HTTP, no routes
 *   domain      pure rules and types, no I/O: no file system, network, HTTP, database, node client, threads,
 *               and no services, repositories, routes or workers. A file is domain when its name ends in
 *               DOMAIN_SUFFIXES (-lifecycle, -plan, -rules, -schedule, -matcher), lies in
 *               src/shared/catalogues/, or is listed in DOMAIN_FILES (the entity modules, named after their thing).
 * Type-only imports count: a domain file that names a table row already depends on the database.
 */
type Role = 'domain' | 'service' | 'repository' | 'routes' | 'worker';

const DOMAIN_SUFFIXES = ['-lifecycle.ts', '-plan.ts', '-rules.ts', '-schedule.ts', '-matcher.ts'];
const DOMAIN_FILES = [
  'src/shared/money.ts',
  'src/shared/result.ts',
  'src/shared/lifecycle.ts',
  'src/modules/payments/payment.ts',
  'src/modules/payments/payment-draft.ts',
  'src/modules/refunds/refund.ts',
  'src/modules/batches/batch.ts',
  'src/modules/webhooks/webhook.ts',
  'src/modules/merchants/merchant.ts',
  'src/modules/dashboard-users/dashboard-user.ts',
  'src/modules/reconciliation/reconciliation.ts',
  'src/modules/collections/collection-progress.ts',
  'src/modules/jobs/retry-policy.ts',
];

/** `src/…` path of a file (relative to the repository). */
function srcPath(file: string): string {
  return relative(resolve(SRC, '..'), file);
}

function roleOf(path: string): Role | null {
  const name = path.split('/').at(-1) ?? '';
  if (name.endsWith('.service.ts')) return 'service';
  if (name.endsWith('.repository.ts')) return 'repository';
  if (name.endsWith('.routes.ts')) return 'routes';
  if (name.endsWith('.worker.ts')) return 'worker';
  if (DOMAIN_FILES.includes(path) || path.startsWith('src/shared/catalogues/') || DOMAIN_SUFFIXES.some((s) => name.endsWith(s))) {
    return 'domain';
  }
  return null;
}

/** What `file` imports: package names as written, project files as `src/…/x.ts`. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map(([, specifier]) => {
    const s = specifier as string;
    return s.startsWith('.') ? srcPath(resolve(file, '..', s)).replace(/\.js$/, '.ts') : s;
  });
}

type Forbidden = (target: string) => boolean;
const pkg =
  (...names: string[]): Forbidden =>
  (t) =>
    names.some((n) => t === n || t.startsWith(`${n}/`));
const under =
  (...dirs: string[]): Forbidden =>
  (t) =>
    dirs.some((d) => t.startsWith(`${d}/`));
const file =
  (...paths: string[]): Forbidden =>
  (t) =>
    paths.includes(t);
const role =
  (...roles: Role[]): Forbidden =>
  (t) =>
    t.startsWith('src/') && roles.includes(roleOf(t) as Role);

const HTTP = [pkg('fastify', '@fastify'), under('src/http')];
const SQL = [pkg('kysely', 'pg', 'better-sqlite3'), under('src/db')];
const RULES: Record<Role, Forbidden[]> = {
  domain: [
    ...HTTP,
    ...SQL,
    pkg('node:fs', 'node:net', 'node:http', 'node:https', 'node:child_process', 'node:worker_threads', 'worker_threads'),
    file('src/tron/client.ts'),
    role('service', 'repository', 'routes', 'worker'),
  ],
  service: [...HTTP, role('routes')],
  repository: [...HTTP, role('service', 'routes', 'worker')],
  routes: [...SQL, role('repository', 'worker')],
  worker: [...HTTP, role('routes')],
};

/** `file → target` for each import that the file's role forbids. */
function roleViolations(path: string, imports: readonly string[]): string[] {
  const r = roleOf(path);
  if (r === null) return [];
  return imports.filter((target) => RULES[r].some((forbidden) => forbidden(target))).map((target) => `${path} → ${target}`);
}

/**
 * Today's breaches, each named with its reason. The list may only shrink: an entry that no longer
 * breaks a rule fails the test, so fixing the code means deleting its line here.
 */
const PORT_TYPES =
  'types of src/http/ports.ts, the interfaces the HTTP layer asks modules to implement (ADR 0006); goes when the ports move out of src/http';
const REPOSITORY_TYPES = "a record or page type declared in the module's repository; goes when the type moves to the module's domain file";
const EXCEPTIONS: Record<string, string> = {
  'src/modules/merchants/api-keys.service.ts → src/http/ports.ts': `${PORT_TYPES} (implements ApiKeyAuthenticator)`,
  'src/modules/payments/payments.service.ts → src/http/ports.ts': `${PORT_TYPES} (IdempotencyClaim)`,
  'src/modules/webhooks/webhooks.service.ts → src/http/ports.ts': `${PORT_TYPES} (IdempotencyClaim)`,
  'src/modules/webhooks/webhooks.repository.ts → src/http/ports.ts': `${PORT_TYPES} (IdempotencyClaim)`,
  'src/modules/refunds/refunds.service.ts → src/http/ports.ts': `${PORT_TYPES} (ClaimedAnswer)`,
  'src/modules/disputes/disputes.service.ts → src/http/ports.ts': `${PORT_TYPES} (ClaimedAnswer)`,
  'src/modules/energy/staking.service.ts → src/http/ports.ts': `${PORT_TYPES} (ClaimedAnswer)`,
  'src/modules/audit/audit.routes.ts → src/modules/audit/audit.repository.ts': `${REPOSITORY_TYPES} (AuditFilters, AuditPage)`,
  'src/modules/reconciliation/reconciliation.routes.ts → src/modules/reconciliation/reconciliations.repository.ts': `${REPOSITORY_TYPES} (ReconciliationRecord)`,
  'src/modules/webhooks/webhooks.routes.ts → src/modules/webhooks/webhooks.repository.ts': `${REPOSITORY_TYPES} (Page)`,
  'src/modules/payments/payment-draft.ts → src/http/text-rules.ts':
    'hasForbiddenControl is a pure text check kept beside the HTTP validation keyword that uses it; goes when it moves to src/shared',
  'src/modules/refunds/refund.ts → kysely':
    'rowToRefund maps a refunds row (Selectable<RefundsTable>); goes when it moves to refunds.repository.ts',
  'src/modules/refunds/refund.ts → src/db/schema.ts': 'rowToRefund maps a refunds row (RefundsTable); goes with the line above',
};

describe('import rules per file role', () => {
  const files = sourceFiles(SRC).map(srcPath);
  const found = files.flatMap((path) => roleViolations(path, importsOf(resolve(SRC, '..', path))));

  it('no file imports what its role forbids, beyond the named exceptions', () => {
    expect(found.filter((v) => !(v in EXCEPTIONS))).toEqual([]);
  });

  it('every exception is still needed', () => {
    expect(Object.keys(EXCEPTIONS).filter((v) => !found.includes(v))).toEqual([]);
  });

  it('every listed domain file exists', () => {
    expect(DOMAIN_FILES.filter((path) => !files.includes(path))).toEqual([]);
  });

  it('roles come from file names', () => {
    expect(
      [
        'src/modules/a/a.service.ts',
        'src/modules/a/a.repository.ts',
        'src/modules/a/a.routes.ts',
        'src/modules/a/a.worker.ts',
        'src/modules/a/a-lifecycle.ts',
        'src/modules/a/sweep-plan.ts',
        'src/shared/catalogues/things.ts',
        'src/modules/payments/payment.ts',
        'src/modules/a/a.view.ts',
      ].map(roleOf),
    ).toEqual(['service', 'repository', 'routes', 'worker', 'domain', 'domain', 'domain', 'domain', null]);
  });

  it('catches each forbidden import in a synthetic import list, and passes the allowed ones', () => {
    expect(
      roleViolations('src/modules/a/a-lifecycle.ts', [
        'src/shared/result.ts',
        'src/modules/a/a.ts',
        'node:crypto',
        'node:fs',
        'kysely',
        'src/db/schema.ts',
        'src/http/ports.ts',
        'src/tron/client.ts',
        'src/tron/address.ts',
        'src/modules/a/a.repository.ts',
        'worker_threads',
      ]),
    ).toEqual([
      'src/modules/a/a-lifecycle.ts → node:fs',
      'src/modules/a/a-lifecycle.ts → kysely',
      'src/modules/a/a-lifecycle.ts → src/db/schema.ts',
      'src/modules/a/a-lifecycle.ts → src/http/ports.ts',
      'src/modules/a/a-lifecycle.ts → src/tron/client.ts',
      'src/modules/a/a-lifecycle.ts → src/modules/a/a.repository.ts',
      'src/modules/a/a-lifecycle.ts → worker_threads',
    ]);
    expect(
      roleViolations('src/modules/a/a.service.ts', ['fastify', 'src/http/auth.ts', 'kysely', 'src/modules/a/a.repository.ts']),
    ).toEqual(['src/modules/a/a.service.ts → fastify', 'src/modules/a/a.service.ts → src/http/auth.ts']);
    expect(
      roleViolations('src/modules/a/a.repository.ts', [
        'kysely',
        '@fastify/swagger',
        'src/modules/b/b.service.ts',
        'src/modules/b/b.repository.ts',
      ]),
    ).toEqual(['src/modules/a/a.repository.ts → @fastify/swagger', 'src/modules/a/a.repository.ts → src/modules/b/b.service.ts']);
    expect(
      roleViolations('src/modules/a/a.routes.ts', [
        'fastify',
        'src/http/auth.ts',
        'kysely',
        'src/db/schema.ts',
        'src/modules/a/a.repository.ts',
      ]),
    ).toEqual([
      'src/modules/a/a.routes.ts → kysely',
      'src/modules/a/a.routes.ts → src/db/schema.ts',
      'src/modules/a/a.routes.ts → src/modules/a/a.repository.ts',
    ]);
    expect(roleViolations('src/modules/a/a.worker.ts', ['kysely', 'fastify', 'src/modules/a/a.routes.ts'])).toEqual([
      'src/modules/a/a.worker.ts → fastify',
      'src/modules/a/a.worker.ts → src/modules/a/a.routes.ts',
    ]);
    expect(roleViolations('src/modules/a/a.view.ts', ['kysely', 'fastify'])).toEqual([]);
  });
});

/*
 * One owner per table (issue 18): a module reads and writes another module's tables only through that
 * module's repository. Checked where use cases live, in services and workers: the table each
 * selectFrom / updateTable / insertInto / deleteFrom starts from must be one the file's module owns.
 * (Joins are not checked: a repository may join another module's table to answer its own question.)
 */
const TABLE_OWNERS: Record<keyof DB, string> = {
  merchants: 'merchants',
  api_keys: 'merchants',
  payments: 'payments',
  payment_history: 'payments',
  batches: 'batches',
  outbox: 'outbox',
  jobs: 'jobs',
  idempotency_keys: 'idempotency',
  rate_windows: 'limits',
  volume_totals: 'limits',
  hd_counters: 'wallets',
  deposit_pool: 'wallets',
  deposit_activations: 'wallets',
  unique_amount_claims: 'payments',
  settlements: 'settlement',
  sweeps: 'settlement',
  energy_delegations: 'settlement',
  gateway_meta: 'app',
  webhooks: 'webhooks',
  webhook_deliveries: 'webhooks',
  webhook_attempts: 'webhooks',
  refunds: 'refunds',
  reports: 'reports',
  audit_log: 'audit',
  audit_head: 'audit',
  chain_cursors: 'scanner',
  scanned_blocks: 'scanner',
  leases: 'chain',
  chain_transfers: 'collections',
  chain_sends: 'chain',
  ledger_entries: 'ledger',
  merchant_balances: 'ledger',
  reconciliations: 'reconciliation',
  payment_links: 'payment-links',
  merchant_branding: 'branding',
  merchant_energy: 'energy',
  dashboard_users: 'dashboard-users',
  dashboard_recovery_codes: 'dashboard-users',
  dashboard_sessions: 'dashboard-users',
  dashboard_login_failures: 'dashboard-users',
};

/** Today's services and workers that still touch another module's table, each with its reason; the list may only shrink. */
const FOREIGN_TABLE_EXCEPTIONS: Record<string, string> = {
  'src/modules/payments/payments.service.ts → batches':
    'refreshBatch locks the batch row with a no-op update before recounting it; goes when BatchesRepository has a lock method',
};

/** `file → table` for each query of a service or worker that starts from a table its module does not own. */
function foreignTables(path: string, text: string): string[] {
  const r = roleOf(path);
  const module = /^src\/modules\/([^/]+)\//.exec(path)?.[1];
  if ((r !== 'service' && r !== 'worker') || module === undefined) return [];
  const tables = [...text.matchAll(/\b(?:selectFrom|updateTable|insertInto|deleteFrom)\(\s*'([a-z_]+)/g)].map(([, t]) => t as string);
  return [...new Set(tables.filter((t) => TABLE_OWNERS[t as keyof DB] !== module))].map((t) => `${path} → ${t}`);
}

describe('one owner per table', () => {
  const found = sourceFiles(SRC)
    .map(srcPath)
    .flatMap((path) => foreignTables(path, readFileSync(resolve(SRC, '..', path), 'utf8')));

  it("no service or worker queries another module's table, beyond the named exceptions", () => {
    expect(found.filter((v) => !(v in FOREIGN_TABLE_EXCEPTIONS))).toEqual([]);
  });

  it('every exception is still needed', () => {
    expect(Object.keys(FOREIGN_TABLE_EXCEPTIONS).filter((v) => !found.includes(v))).toEqual([]);
  });

  it('no service or worker branches on the engine or locks rows itself (that SQL lives in src/db or a repository)', () => {
    const engineSql = /\bengine\s*[!=]==\s*'postgres'|\.forUpdate\(/;
    const offenders = sourceFiles(SRC)
      .map(srcPath)
      .filter((path) => path.startsWith('src/modules/') && ['service', 'worker'].includes(roleOf(path) as Role))
      .filter((path) => engineSql.test(readFileSync(resolve(SRC, '..', path), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('catches a foreign table in a service or worker, and lets repositories, own tables and joins through', () => {
    const text =
      "db.selectFrom('ledger_entries as l').innerJoin('payments as p', 'p.id', 'l.reference_id');\ntrx\n  .updateTable(\n    'refunds')";
    expect(foreignTables('src/modules/refunds/refunds.service.ts', text)).toEqual([
      'src/modules/refunds/refunds.service.ts → ledger_entries',
    ]);
    expect(foreignTables('src/modules/settlement/settlement.worker.ts', text)).toEqual([
      'src/modules/settlement/settlement.worker.ts → ledger_entries',
      'src/modules/settlement/settlement.worker.ts → refunds',
    ]);
    expect(foreignTables('src/modules/refunds/refunds.repository.ts', text)).toEqual([]);
    expect(foreignTables('src/modules/ledger/ledger.service.ts', text)).toEqual(['src/modules/ledger/ledger.service.ts → refunds']);
  });
});

/**
 * Assets are configuration (docs/adr/0025): a symbol written in code is a missing registry entry. Only
 * the configuration defaults, the devnet (whose genesis token is its USDT) and the OpenAPI examples may
 * name one.
 */
describe('no asset symbol in code', () => {
  const MAY_NAME_SYMBOLS = ['config/', 'devnet/', 'http/openapi-examples.ts'];
  /** a string literal that is an asset symbol, e.g. 'USDT' or "USDD" (comments and descriptions are prose) */
  const SYMBOL_LITERAL = /(['"`])(USDT|USDC|USDD|TUSD)\1/;

  function offenders(files: ReadonlyArray<{ name: string; text: string }>): string[] {
    return files.flatMap(({ name, text }) =>
      text
        .split('\n')
        .map((line, i) => ({ line, at: `${name}:${i + 1}` }))
        .filter(({ line }) => !/^\s*(\*|\/\/|\/\*)/.test(line) && SYMBOL_LITERAL.test(line.replace(/examples: \[[^\]]*\]/, '')))
        .map(({ at }) => at),
    );
  }

  it('src/ names no token symbol outside configuration defaults, the devnet and API examples', () => {
    const files = sourceFiles(SRC)
      .map((file) => ({ name: relative(SRC, file), text: readFileSync(file, 'utf8') }))
      .filter(({ name }) => !MAY_NAME_SYMBOLS.some((allowed) => name.startsWith(allowed)));
    expect(offenders(files)).toEqual([]);
  });

  it('catches a symbol branch and lets comments through', () => {
    expect(offenders([{ name: 'a.ts', text: "if (asset === 'USDT') burn();\n// USDT is the first entry\n * 'USDT'" }])).toEqual(['a.ts:1']);
  });
});
