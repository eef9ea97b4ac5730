/**
 * `tron-payment-gateway energy stake|unstake|withdraw`: the operator stakes a merchant's hot-wallet TRX
 * for energy or bandwidth, through the same use case as `POST /api/v1/wallet/stake` (checked against the
 * node, queued as one chain send, audited). The running gateway's workers sign and broadcast it.
 */
import type { GatewayCore } from '../app/gateway-core.js';
import { toStakingOperationView } from '../modules/energy/staking.service.js';
import { HELP_OPTION, JSON_OPTION, type OptionSpec, type OptionValues } from './args.js';
import type { CommandGroup } from './command.js';
import { CONFIG_OPTION, loadCliConfig, MERCHANT_OPTION, optionalString, resolveMerchant, unwrap, withCore } from './context.js';
import { printJson, say } from './output.js';

const COMMON: Record<string, OptionSpec> = { ...MERCHANT_OPTION, ...JSON_OPTION, ...CONFIG_OPTION, ...HELP_OPTION };
const AMOUNT: Record<string, OptionSpec> = {
  trx: { type: 'string', value: 'amount', description: 'whole TRX as a decimal, at least 1 (required)' },
  resource: { type: 'string', value: 'resource', description: 'ENERGY (default) or BANDWIDTH' },
};
/** the use case's fields, named by their options in refusals */
const FIELDS = { trx: 'trx', resource: 'resource' };
const QUEUED_NOTE = 'The running gateway (workers role) signs and broadcasts it; the audit log records the outcome.';

type Action = 'stake' | 'unstake' | 'withdraw';

export const energyCommand: CommandGroup = {
  name: 'energy',
  summary: "staking of the hot wallet's TRX for energy and bandwidth",
  subcommands: {
    stake: {
      name: 'energy stake',
      summary: 'stake hot-wallet TRX for energy (or bandwidth): sweeps and payouts then burn none',
      options: { ...AMOUNT, ...COMMON },
      notes: QUEUED_NOTE,
      run: ({ values }) => runAction('stake', values),
    },
    unstake: {
      name: 'energy unstake',
      summary: 'start unstaking; the TRX is withdrawable after the unfreeze delay (14 days on mainnet)',
      options: { ...AMOUNT, ...COMMON },
      notes: QUEUED_NOTE,
      run: ({ values }) => runAction('unstake', values),
    },
    withdraw: {
      name: 'energy withdraw',
      summary: 'withdraw every unstaked amount past the unfreeze delay to the balance',
      options: COMMON,
      notes: QUEUED_NOTE,
      run: ({ values }) => runAction('withdraw', values),
    },
  },
};

async function runAction(action: Action, values: OptionValues): Promise<void> {
  const config = loadCliConfig(values);
  await withCore(config, async (core) => {
    const merchant = await resolveMerchant(core.merchants.merchants, optionalString(values, 'merchant'));
    const caller = { merchantId: merchant.id, actor: `cli:energy ${action}`, requestId: null };
    const input = { trx: optionalString(values, 'trx'), resource: optionalString(values, 'resource') };
    const op = unwrap(await perform(core, action, caller, input), FIELDS);
    const view = toStakingOperationView(op);
    if (values.json) return printJson(view);
    const what =
      view.action === 'withdraw_unstaked' ? `withdrawal of ${view.trx} TRX` : `${view.action} of ${view.trx} TRX for ${view.resource}`;
    say(`${what} queued from ${view.hot_wallet} (operation ${view.operation_id}, send ${view.send_id})`);
  });
}

function perform(
  core: GatewayCore,
  action: Action,
  caller: Parameters<GatewayCore['staking']['stake']>[0],
  input: { trx?: string; resource?: string },
) {
  if (action === 'stake') return core.staking.stake(caller, input);
  if (action === 'unstake') return core.staking.unstake(caller, input);
  return core.staking.withdrawUnstaked(caller);
}
