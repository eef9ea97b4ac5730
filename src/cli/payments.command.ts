/**
 * `tron-payment-gateway payments resolve <payment_id> --resolution accept|refund|reject [--notes text]`:
 * the operator's side of `POST /api/v1/payments/{id}/resolve` (ADR 0033), through the same use case,
 * audited as `cli:payments resolve`.
 */
import { RESOLUTIONS } from '../modules/disputes/disputes.service.js';
import { HELP_OPTION, JSON_OPTION, type OptionSpec } from './args.js';
import type { CommandGroup } from './command.js';
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
import { printJson, say } from './output.js';

const COMMON: Record<string, OptionSpec> = { ...MERCHANT_OPTION, ...JSON_OPTION, ...CONFIG_OPTION, ...HELP_OPTION };

export const paymentsCommand: CommandGroup = {
  name: 'payments',
  summary: 'payments that need an operator',
  subcommands: {
    resolve: {
      name: 'payments resolve',
      summary: 'resolve a disputed payment: accept it, refund it to the payer, or reject it',
      positionals: [{ name: 'payment_id', description: 'the disputed payment, pay_…' }],
      options: {
        resolution: { type: 'string', value: 'resolution', description: `${RESOLUTIONS.join(', ')} (required)` },
        notes: { type: 'string', value: 'text', description: 'why, for the audit log' },
        ...COMMON,
      },
      async run({ values, positionals }) {
        const id = positionals[0] as string;
        const resolution = requireString(values, 'resolution');
        const notes = optionalString(values, 'notes');
        const config = loadCliConfig(values);
        await withCore(config, async (core) => {
          const merchant = await resolveMerchant(core.merchants.merchants, optionalString(values, 'merchant'));
          const actor = { merchantId: merchant.id, actor: 'cli:payments resolve', requestId: null };
          const resolved = unwrap(await core.disputes.resolve(actor, id, { resolution, ...(notes !== undefined ? { notes } : {}) }));
          if (values.json) {
            return printJson({
              payment_id: resolved.paymentId,
              resolution: resolved.resolution,
              notes: resolved.notes,
              payment_status: resolved.paymentStatus,
              refund_id: resolved.refund?.id ?? null,
            });
          }
          const refund = resolved.refund ? `; refund ${resolved.refund.id} queued to ${resolved.refund.refundAddress}` : '';
          say(`payment ${resolved.paymentId} resolved (${resolved.resolution}): now ${resolved.paymentStatus}${refund}`);
        });
      },
    },
  },
};
