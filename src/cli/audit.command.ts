/**
 * `tron-payment-gateway audit verify`: checks the hash chain of the configured database's audit log.
 * Exit 0 with the number of records when it is intact; exit 1 naming the first problem otherwise.
 */
import { verifyAuditChain } from '../modules/audit/audit-verify.js';
import { type FlagSpec, parseFlags, usage } from './args.js';
import { COMMON_FLAGS, dispatchSubcommand, JSON_FLAG, loadCliConfig, openCliDatabase, printJson } from './context.js';

const VERIFY_FLAGS: Record<string, FlagSpec> = { ...JSON_FLAG, ...COMMON_FLAGS };
/** A long chain reports progress on stderr at most this often. */
const PROGRESS_EVERY_MS = 1000;

const HELP = `usage: tron-payment-gateway audit <subcommand> [options]

subcommands:
  verify     recompute every record's hash and check the chain's links, seqs and head

${usage('audit verify', VERIFY_FLAGS)}`;

export async function runAuditCommand(argv: string[]): Promise<void> {
  await dispatchSubcommand('audit', argv, { verify: verifyAudit }, HELP);
}

async function verifyAudit(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, VERIFY_FLAGS);
  if (flags.help) return void console.log(usage('audit verify', VERIFY_FLAGS));
  const config = loadCliConfig(flags);
  const database = await openCliDatabase(config);
  try {
    const started = Date.now();
    let lastReport = started;
    const result = await verifyAuditChain(database.db, {
      onProgress: (checked, total) => {
        const now = Date.now();
        if (now - lastReport < PROGRESS_EVERY_MS) return;
        lastReport = now;
        process.stderr.write(`audit verify: ${checked} of ${total} records checked\n`);
      },
    });
    if (flags.json) {
      printJson(
        result.ok
          ? { ok: true, records: result.count, head_seq: result.headSeq }
          : { ok: false, checked: result.checked, problem: result.problem },
      );
    } else if (result.ok) {
      console.log(`audit log intact: ${result.count} records, head seq ${result.headSeq} (${Date.now() - started} ms)`);
    } else {
      console.log(`audit log BROKEN: ${result.problem.message} (${result.checked} records before it verified)`);
    }
    if (!result.ok) process.exitCode = 1;
  } finally {
    await database.close();
  }
}
