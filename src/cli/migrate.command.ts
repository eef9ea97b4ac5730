/** `tron-payment-gateway migrate` (also `npm run db:migrate`): applies pending migrations, a line each on stderr; a failure exits 1. */
import { HELP_OPTION, JSON_OPTION } from './args.js';
import type { Command } from './command.js';
import { CONFIG_OPTION, loadCliConfig, openCliDatabase } from './context.js';
import { printJson, say } from './output.js';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply pending database migrations (start does it too)',
  options: { ...JSON_OPTION, ...CONFIG_OPTION, ...HELP_OPTION },
  async run({ values }) {
    const config = loadCliConfig(values);
    const started = Date.now();
    const database = await openCliDatabase(config);
    try {
      const { applied, alreadyApplied } = database.migrations;
      const ms = Date.now() - started;
      if (values.json) printJson({ database: database.description, applied, already_applied: alreadyApplied, duration_ms: ms });
      else if (applied.length === 0) say(`database is up to date (${database.description}, ${alreadyApplied} migrations applied earlier)`);
      else say(`applied ${applied.length} migration${applied.length === 1 ? '' : 's'} to ${database.description} in ${ms} ms`);
    } finally {
      await database.close();
    }
  },
};
