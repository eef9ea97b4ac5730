/**
 * `tron-payment-gateway audit verify`: checks the hash chain of the configured database's audit log.
 * Exit 0 with the number of records when it is intact; exit 1 naming the first problem otherwise.
 */
import { verifyAuditChain } from '../modules/audit/audit-verify.js';
import { HELP_OPTION, JSON_OPTION } from './args.js';
import type { CommandGroup } from './command.js';
import { CONFIG_OPTION, loadCliConfig, openCliDatabase } from './context.js';
import { printJson, say } from './output.js';
import { Progress } from './progress.js';

export const auditCommand: CommandGroup = {
  name: 'audit',
  summary: 'the hash-chained audit log',
  subcommands: {
    verify: {
      name: 'audit verify',
      summary: "recompute every record's hash and check the chain's links, seqs and head (exit 1 on a problem)",
      options: { ...JSON_OPTION, ...CONFIG_OPTION, ...HELP_OPTION },
      async run({ values }) {
        const config = loadCliConfig(values);
        const database = await openCliDatabase(config);
        try {
          const started = Date.now();
          const progress = new Progress({ label: 'audit verify', unit: 'records' });
          const result = await verifyAuditChain(database.db, { onProgress: (checked, total) => progress.update(checked, total) });
          progress.finish();
          if (values.json) {
            printJson(
              result.ok
                ? { ok: true, records: result.count, head_seq: result.headSeq }
                : { ok: false, checked: result.checked, problem: result.problem },
            );
          } else if (result.ok) {
            say(`audit log intact: ${result.count} records, head seq ${result.headSeq} (${Date.now() - started} ms)`);
          } else {
            say(`audit log BROKEN: ${result.problem.message} (${result.checked} records before it verified)`);
          }
          if (!result.ok) process.exitCode = 1;
        } finally {
          await database.close();
        }
      },
    },
  },
};
