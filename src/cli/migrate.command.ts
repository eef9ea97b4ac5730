/** `tron-payment-gateway migrate` (also `npm run db:migrate`): applies pending migrations, one line each; a failure exits 1. */
import { type FlagSpec, parseFlags, usage } from './args.js';
import { COMMON_FLAGS, loadCliConfig, openCliDatabase } from './context.js';

const FLAGS: Record<string, FlagSpec> = { ...COMMON_FLAGS };

export async function runMigrateCommand(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, FLAGS);
  if (flags.help) {
    console.log(usage('migrate', FLAGS));
    return;
  }
  const config = loadCliConfig(flags);
  const started = Date.now();
  const database = await openCliDatabase(config, { onProgress: (line) => console.log(line) });
  try {
    const { applied, alreadyApplied } = database.migrations;
    if (applied.length === 0) console.log(`database is up to date (${database.description}, ${alreadyApplied} migrations applied earlier)`);
    else
      console.log(
        `applied ${applied.length} migration${applied.length === 1 ? '' : 's'} to ${database.description} in ${Date.now() - started} ms`,
      );
  } finally {
    await database.close();
  }
}
