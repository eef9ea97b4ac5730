/** Every command of `tron-payment-gateway`, in the order the help lists them. */
import { auditCommand } from './audit.command.js';
import type { CommandEntry } from './command.js';
import { configCommand } from './config.command.js';
import { devnetCommand } from './devnet.command.js';
import { energyCommand } from './energy.command.js';
import { keysCommand } from './keys.command.js';
import { merchantsCommand } from './merchants.command.js';
import { migrateCommand } from './migrate.command.js';
import { openapiCommand } from './openapi.command.js';
import { paymentsCommand } from './payments.command.js';
import { payoutsCommand } from './payouts.command.js';
import { reportsCommand } from './reports.command.js';
import { scannerCommand } from './scanner.command.js';
import { startCommand } from './start.command.js';
import { usersCommand } from './users.command.js';
import { webhooksCommand } from './webhooks.command.js';

export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  start: startCommand,
  migrate: migrateCommand,
  devnet: devnetCommand,
  config: configCommand,
  merchants: merchantsCommand,
  keys: keysCommand,
  users: usersCommand,
  payments: paymentsCommand,
  payouts: payoutsCommand,
  energy: energyCommand,
  webhooks: webhooksCommand,
  reports: reportsCommand,
  scanner: scannerCommand,
  audit: auditCommand,
  openapi: openapiCommand,
};
