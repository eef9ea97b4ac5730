/** `tron-payment-gateway webhooks redeliver <delivery_id>`: a fresh delivery of the same event to the same endpoint. */
import type { toDeliveryView } from '../modules/webhooks/webhook.js';
import { HELP_OPTION, JSON_OPTION } from './args.js';
import type { CommandGroup } from './command.js';
import { CONFIG_OPTION, loadCliConfig, MERCHANT_OPTION, optionalString, resolveMerchant, unwrap, withCore } from './context.js';
import { printJson, say } from './output.js';

export const webhooksCommand: CommandGroup = {
  name: 'webhooks',
  summary: 'webhook deliveries',
  subcommands: {
    redeliver: {
      name: 'webhooks redeliver',
      summary: 'send an event again to the endpoint of one of its deliveries (the workers deliver it)',
      positionals: [{ name: 'delivery_id', description: 'the delivery to repeat, whd_…' }],
      options: { ...MERCHANT_OPTION, ...JSON_OPTION, ...CONFIG_OPTION, ...HELP_OPTION },
      async run({ values, positionals }) {
        const id = positionals[0] as string;
        const config = loadCliConfig(values);
        await withCore(config, async (core) => {
          const merchant = await resolveMerchant(core.merchants.merchants, optionalString(values, 'merchant'));
          const caller = { merchantId: merchant.id, actor: 'cli:webhooks redeliver', requestId: null };
          const created = unwrap(await core.webhooks.redeliver(caller, id));
          const view = JSON.parse(created.rendered.body) as ReturnType<typeof toDeliveryView>;
          if (values.json) return printJson(view);
          say(`delivery ${view.id} queued: event ${view.event_id} (${view.event_type}) to webhook ${view.webhook_id}, again after ${id}`);
        });
      },
    },
  },
};
