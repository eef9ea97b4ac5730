/**
 * `tron-payment-gateway payouts approve|send`: release a payout held for approval, and send a batch of
 * payouts from a CSV file through the same use case as `POST /api/v1/payments/batch`, following it on
 * stderr until every payout is final. The running gateway's workers do the sending.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GatewayCore } from '../app/gateway-core.js';
import { FINAL_STATUSES, type Payment } from '../modules/payments/payment.js';
import { toPaymentView } from '../modules/payments/payment.view.js';
import type { batchResultView } from '../modules/payments/payment-responses.js';
import type { Actor } from '../modules/payments/payments.service.js';
import { PRIORITIES } from '../shared/catalogues/priorities.js';
import { type CsvProblem, type PayoutRow, parsePayoutCsv } from '../shared/payout-csv.js';
import { CliFailure, HELP_OPTION, JSON_OPTION, type OptionSpec, type OptionValues, UsageError } from './args.js';
import { type CommandGroup, describeErrno } from './command.js';
import {
  CONFIG_OPTION,
  loadCliConfig,
  MERCHANT_OPTION,
  optionalString,
  requireString,
  resolveMerchant,
  unwrap,
  withCore,
} from './context.js';
import { formatTable, note, printJson, say } from './output.js';
import { Progress } from './progress.js';

const COMMON: Record<string, OptionSpec> = { ...MERCHANT_OPTION, ...JSON_OPTION, ...CONFIG_OPTION, ...HELP_OPTION };
/** Without any change for this long, the waiting says what may be wrong (once). */
const STALL_HINT_MS = 30_000;
/** How long the fee estimate may wait for a configured node before the batch is created without one. */
const PRICE_WAIT_MS = 3000;

type BatchView = ReturnType<typeof batchResultView>;

export const payoutsCommand: CommandGroup = {
  name: 'payouts',
  summary: 'payouts from the hot wallet',
  subcommands: {
    approve: {
      name: 'payouts approve',
      summary: 'release a payout held for approval; the workers send it',
      positionals: [{ name: 'payment_id', description: 'the payout, pay_…' }],
      options: COMMON,
      async run({ values, positionals }) {
        const id = positionals[0] as string;
        const config = loadCliConfig(values);
        await withCore(config, async (core) => {
          const actor = await actorFor(core, values, 'cli:payouts approve');
          const payment = unwrap(await core.payments.approvePayment(actor, id));
          if (values.json) return printJson(toPaymentView(payment, config));
          say(
            `payout ${payment.id} approved by ${actor.actor}; queued for sending (${config.assets.format(payment.currency, payment.amount)} ${payment.currency} to ${payment.payeeAddress})`,
          );
        });
      },
    },
    send: {
      name: 'payouts send',
      summary: 'create a batch of payouts from a CSV file and follow it until every payout is final',
      options: {
        csv: {
          type: 'string',
          value: 'file',
          description: 'payee_address,amount[,reference_id] per line; a header line is optional (required)',
        },
        priority: {
          type: 'string',
          value: 'priority',
          description: `${PRIORITIES.slice(0, -1).join(', ')} or ${PRIORITIES.at(-1)} (default: payment_processing.default_priority)`,
        },
        currency: {
          type: 'string',
          value: 'asset',
          description: 'a configured asset symbol (default: payment_processing.default_currency)',
        },
        'batch-reference': { type: 'string', value: 'text', description: 'your reference for the batch' },
        atomic: { type: 'boolean', description: 'create every payout or none' },
        'no-wait': { type: 'boolean', description: 'return once the batch is created' },
        'poll-ms': { type: 'int', value: 'ms', min: 100, max: 60_000, description: 'how often to look at the batch (default 1000)' },
        ...COMMON,
      },
      notes: [
        'Every row is checked before anything is created; bad rows are listed by line and nothing is sent (exit 1).',
        'Progress goes to stderr. Exit 0 when every payout completed, 1 otherwise. Payouts at or above',
        'transaction_limits.approval_threshold wait for "payouts approve <payment_id>".',
      ].join('\n'),
      run: sendPayouts,
    },
  },
};

async function actorFor(core: GatewayCore, values: OptionValues, actor: string): Promise<Actor> {
  const merchant = await resolveMerchant(core.merchants.merchants, optionalString(values, 'merchant'));
  return { merchantId: merchant.id, actor, requestId: null };
}

async function sendPayouts({ values }: { values: OptionValues }): Promise<void> {
  const file = requireString(values, 'csv');
  const rows = readPayoutFile(file);
  const config = loadCliConfig(values);
  const priority = optionalString(values, 'priority');
  const currency = optionalString(values, 'currency');
  const items = rows.map((row) => ({
    payment_method: 'route',
    payee_address: row.payee_address,
    amount: row.amount,
    ...(row.reference_id !== undefined ? { reference_id: row.reference_id } : {}),
    ...(priority !== undefined ? { priority } : {}),
    ...(currency !== undefined ? { currency } : {}),
  }));
  await withCore(config, async (core) => {
    const actor = await actorFor(core, values, 'cli:payouts send');
    // the network fee estimate of each payout, when a configured node answers in time
    // (prices are the chain's, whatever the asset: one estimate warms them for every row)
    const priced = currency !== undefined && config.assets.has(currency) ? currency : config.raw.payment_processing.default_currency;
    await within(core.networkCost.estimate(priced), PRICE_WAIT_MS);
    const checked = await core.payments.checkBatch(actor, { payments: items });
    if (!checked.ok) throw rowFailure(file, rows, checked.error.errors);
    const created = unwrap(
      await core.payments.createBatch(actor, {
        payments: items,
        batch_reference: optionalString(values, 'batch-reference') ?? null,
        atomic: values.atomic === true,
      }),
    );
    const batch = JSON.parse(created.rendered.body) as BatchView;
    const rejected = batch.results.filter((r) => r.status === 'rejected');
    const held = batch.results.filter((r) => r.status === 'created' && r.requires_approval);
    note(`batch ${batch.batch_id}: ${payouts(batch.created_count)} created${rejected.length > 0 ? `, ${rejected.length} rejected` : ''}`);
    if (held.length > 0) {
      note(
        `${payouts(held.length)} ${held.length === 1 ? 'waits' : 'wait'} for approval: tron-payment-gateway payouts approve <payment_id> (${held.map((h) => h.payment_id).join(', ')})`,
      );
    }
    if (values['no-wait']) {
      if (values.json) printJson({ ...batch, results: batch.results.map((r) => ({ ...r, line: rows[r.index]?.line })) });
      else
        say(
          `batch ${batch.batch_id} created: ${payouts(batch.created_count)}${rejected.length > 0 ? `, ${rejected.length} rejected` : ''}`,
        );
      if (rejected.length > 0) process.exitCode = 1;
      return;
    }
    await followBatch(core, actor, batch.batch_id, batch.created_count, (values['poll-ms'] as number | undefined) ?? 1000);
    const payments = await batchPayments(core, actor, batch.batch_id);
    const lineOf = new Map(
      batch.results.flatMap((r) => (r.status === 'created' ? [[r.payment_id, rows[r.index]?.line ?? 0] as const] : [])),
    );
    const counts = countByStatus(payments);
    const summary = {
      batch_id: batch.batch_id,
      batch_reference: batch.batch_reference,
      total_items: batch.total_items,
      created_count: batch.created_count,
      rejected_count: batch.rejected_count,
      counts,
      payouts: payments.map((p) => ({
        line: lineOf.get(p.id) ?? null,
        payment_id: p.id,
        payee_address: p.payeeAddress,
        amount: config.assets.format(p.currency, p.amount),
        currency: p.currency,
        reference_id: p.referenceId,
        status: p.status,
        transaction_id: p.transactionId,
        failure_reason: p.failureReason,
      })),
      rejected: rejected.map((r) => ({ line: rows[r.index]?.line ?? null, errors: r.status === 'rejected' ? r.errors : [] })),
    };
    const allCompleted = rejected.length === 0 && payments.every((p) => p.status === 'completed');
    if (values.json) printJson({ ...summary, status: allCompleted ? 'completed' : 'not_all_completed' });
    else {
      say(`batch ${batch.batch_id}: ${counts.completed ?? 0} of ${payouts(batch.total_items)} completed`);
      const problems = summary.payouts.filter((p) => p.status !== 'completed');
      if (problems.length > 0) {
        say(
          formatTable(
            ['LINE', 'PAYMENT', 'STATUS', 'REASON'],
            problems.map((p) => [String(p.line ?? ''), p.payment_id, p.status, p.failure_reason ?? '']),
          ),
        );
      }
    }
    if (!allCompleted) process.exitCode = 1;
  });
}

function readPayoutFile(file: string): PayoutRow[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new CliFailure(`--csv: ${code === 'ENOENT' ? 'no such file' : describeErrno(code)}: ${resolve(file)}`);
  }
  const { rows, problems } = parsePayoutCsv(text);
  if (problems.length > 0) throw csvFailure(file, problems);
  if (rows.length === 0) throw new CliFailure(`--csv: ${file} holds no payouts`);
  return rows;
}

function csvFailure(file: string, problems: readonly CsvProblem[]): CliFailure {
  const count = problems.length;
  return new CliFailure(
    [
      `${file}: ${count} bad row${count === 1 ? '' : 's'}; nothing was created:`,
      ...problems.map((p) => `  line ${p.line}: ${p.message}`),
    ].join('\n'),
    'invalid_csv',
    { errors: problems },
  );
}

/**
 * The payments module's refusal of some items as problems of the file's lines (`payments/3/amount` →
 * line of row 3, `amount …`); a refusal of `--priority` or `--currency` is a usage error of that option.
 */
function rowFailure(file: string, rows: readonly PayoutRow[], errors: readonly { path: string; message: string }[]): Error {
  const problems: CsvProblem[] = [];
  for (const error of errors) {
    const match = /^payments\/(\d+)\/?(.*)$/.exec(error.path);
    const field = match?.[2] ?? '';
    if (field === 'priority' || field === 'currency') {
      throw new UsageError(`--${field}: ${error.message}`, { errors: [{ path: `--${field}`, message: error.message }] });
    }
    const row = match ? rows[Number(match[1])] : undefined;
    if (!row) {
      problems.push({ line: 0, message: `${error.path} ${error.message}` });
      continue;
    }
    problems.push({ line: row.line, message: field ? `${field}: ${error.message}` : error.message });
  }
  return csvFailure(file, problems);
}

/** Polls the batch until every payout is final; progress on stderr; SIGINT stops the waiting, not the payouts. */
async function followBatch(core: GatewayCore, actor: Actor, batchId: string, total: number, pollMs: number): Promise<void> {
  const progress = new Progress({ label: `batch ${batchId}`, unit: 'payouts final', lineEveryMs: 0, rate: false });
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
  };
  let seen = '';
  let changedAt = Date.now();
  let hinted = false;
  process.once('SIGINT', onSignal);
  try {
    for (;;) {
      const { counts } = unwrap(await core.payments.getBatch(actor, batchId));
      const final = Object.entries(counts).reduce((sum, [status, n]) => sum + (FINAL_STATUSES.has(status as Payment['status']) ? n : 0), 0);
      const detail = Object.entries(counts)
        .filter(([, n]) => n > 0)
        .map(([status, n]) => `${status} ${n}`)
        .join('  ');
      progress.update(final, total, detail);
      if (final >= total) break;
      if (detail !== seen) {
        seen = detail;
        changedAt = Date.now();
      } else if (!hinted && Date.now() - changedAt > STALL_HINT_MS) {
        hinted = true;
        note(
          `${process.stderr.isTTY ? '\n' : ''}no payout of batch ${batchId} moved for ${STALL_HINT_MS / 1000} s: does a gateway with the workers role run on this database? (Ctrl-C stops the waiting, not the payouts)`,
        );
      }
      if (interrupted) {
        progress.finish();
        throw new CliFailure(
          `stopped waiting; the gateway goes on with batch ${batchId} (${final} of ${total} payouts final)`,
          'interrupted',
        );
      }
      await sleep(pollMs);
    }
    progress.finish();
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
}

async function batchPayments(core: GatewayCore, actor: Actor, batchId: string): Promise<Payment[]> {
  const all: Payment[] = [];
  let after: string | undefined;
  for (;;) {
    const page = unwrap(await core.payments.listPayments(actor, { batchId }, 500, after));
    all.push(...page.payments);
    if (!page.hasMore || page.payments.length === 0) return all;
    after = page.payments.at(-1)?.id;
  }
}

function countByStatus(payments: readonly Payment[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of payments) counts[p.status] = (counts[p.status] ?? 0) + 1;
  return counts;
}

function payouts(n: number): string {
  return `${n} payout${n === 1 ? '' : 's'}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** `work`'s value, or undefined after `ms`; the timer never outlives the race. */
async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<undefined>((done) => (timer = setTimeout(() => done(undefined), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
