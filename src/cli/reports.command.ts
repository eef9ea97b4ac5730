/**
 * `tron-payment-gateway reports export`: writes a report's rows (CSV or a JSON array) to a file, with
 * progress on stderr: a stored report by id, or a new one generated for a date range through the same use
 * case as `POST /reports/generate`. The file appears only once it is complete (written aside, then renamed).
 */
import { open, rename, rm } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { type Report, toReportView } from '../modules/reports/report.js';
import type { ReportsService, Requester } from '../modules/reports/reports.service.js';
import { CliFailure, HELP_OPTION, JSON_OPTION, type OptionValues, UsageError } from './args.js';
import { type CommandGroup, describeErrno } from './command.js';
import {
  CONFIG_OPTION,
  commaList,
  loadCliConfig,
  MERCHANT_OPTION,
  optionalString,
  requireString,
  resolveMerchant,
  unwrap,
  withCore,
} from './context.js';
import { printJson, say } from './output.js';
import { Progress } from './progress.js';

/** Rows are gathered into writes of about this many bytes. */
const WRITE_BYTES = 64 * 1024;
const FIELDS = {
  start_date: 'start-date',
  end_date: 'end-date',
  status_filter: 'status',
  include_failed: 'exclude-failed',
  format: 'format',
};
const RANGE_OPTIONS = ['start-date', 'end-date', 'status', 'exclude-failed', 'format'] as const;

export const reportsCommand: CommandGroup = {
  name: 'reports',
  summary: 'reports over stored payments',
  subcommands: {
    export: {
      name: 'reports export',
      summary: "write a report's payments to a file (a stored report, or a new one for a date range)",
      positionals: [{ name: 'report_id', description: 'a stored report, report_… (or give --start-date and --end-date)', required: false }],
      options: {
        out: { type: 'string', value: 'file', description: 'the file to write (required)' },
        'start-date': { type: 'string', value: 'date', description: 'first UTC day (2026-03-01) or an ISO 8601 instant' },
        'end-date': { type: 'string', value: 'date', description: 'last UTC day (included) or an exclusive ISO 8601 instant' },
        status: { type: 'string', value: 'a,b', description: 'only these payment statuses, comma-separated' },
        'exclude-failed': { type: 'boolean', description: 'leave out failed and cancelled payments' },
        format: { type: 'string', value: 'format', description: 'csv or json (default: from the --out extension, else json)' },
        ...MERCHANT_OPTION,
        ...JSON_OPTION,
        ...CONFIG_OPTION,
        ...HELP_OPTION,
      },
      async run({ values, positionals }) {
        const out = requireString(values, 'out');
        const reportId = positionals[0];
        if (reportId !== undefined) {
          const given = RANGE_OPTIONS.filter((o) => values[o] !== undefined);
          if (given.length > 0)
            throw new UsageError(`--${given[0]} describes a new report; a stored one (${reportId}) is exported as it was generated`);
        } else if (values['start-date'] === undefined || values['end-date'] === undefined) {
          throw new UsageError('give a <report_id>, or --start-date and --end-date for a new report');
        }
        const config = loadCliConfig(values);
        await withCore(
          config,
          async (core) => {
            const merchant = await resolveMerchant(core.merchants.merchants, optionalString(values, 'merchant'));
            const requester: Requester = { merchantId: merchant.id, actor: 'cli:reports export', requestId: null };
            const report =
              reportId !== undefined
                ? unwrap(await core.reports.getReport(requester, reportId))
                : await generate(core.reports, requester, values, out);
            const written = await exportRows(core.reports, requester, report, out);
            if (values.json)
              return printJson({ report: toReportView(report), file: resolve(out), rows: written.rows, bytes: written.bytes });
            say(`wrote ${written.rows} rows of report ${report.id} (${report.format}) to ${out} (${written.bytes} bytes)`);
          },
          FIELDS,
        );
      },
    },
  },
};

async function generate(reports: ReportsService, requester: Requester, values: OptionValues, out: string): Promise<Report> {
  const status = optionalString(values, 'status');
  const format = optionalString(values, 'format') ?? (extname(out).toLowerCase() === '.csv' ? 'csv' : 'json');
  return unwrap(
    await reports.generateReport(requester, {
      start_date: values['start-date'],
      end_date: values['end-date'],
      ...(status !== undefined ? { status_filter: commaList(status) } : {}),
      include_failed: values['exclude-failed'] !== true,
      format,
    }),
    FIELDS,
  );
}

async function exportRows(
  reports: ReportsService,
  requester: Requester,
  report: Report,
  out: string,
): Promise<{ rows: number; bytes: number }> {
  const progress = new Progress({ label: `reports export ${report.id}`, unit: 'rows' });
  let rows = 0;
  const download = unwrap(
    await reports.downloadReport(requester, report.id, {
      onRow: (n) => {
        rows = n;
        progress.update(n, Math.max(n, report.rowCount));
      },
    }),
  );
  const partial = `${out}.partial`;
  const file = await open(partial, 'w').catch((error: NodeJS.ErrnoException) => {
    throw new CliFailure(`--out: cannot write ${resolve(out)}: ${describeErrno(error.code ?? 'EIO')}`);
  });
  let bytes = 0;
  try {
    let buffer = '';
    for await (const chunk of download.chunks) {
      buffer += chunk;
      if (buffer.length >= WRITE_BYTES) {
        bytes += (await file.write(buffer)).bytesWritten;
        buffer = '';
      }
    }
    if (buffer) bytes += (await file.write(buffer)).bytesWritten;
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(partial, { force: true });
    throw error;
  }
  await file.close();
  await rename(partial, out);
  progress.update(rows, rows);
  progress.finish();
  return { rows, bytes };
}
