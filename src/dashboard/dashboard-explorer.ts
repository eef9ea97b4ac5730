/**
 * Where the dashboard links a transaction id: the configured template (checkout.explorer_tx_url, with
 * {txid}) or Tronscan's for a public network, as the checkout does; on a devnet, which has no explorer,
 * the devnet node's own answer for the transaction (the operator's page, unlike the customer's checkout,
 * may show raw JSON).
 */
import type { GatewayConfig } from '../config/load.js';

export function dashboardExplorerTxUrl(config: GatewayConfig, checkoutTemplate: string | null): string | null {
  if (checkoutTemplate !== null) return checkoutTemplate;
  const network = config.raw.network;
  if (network.name !== 'devnet') return null;
  const { host, port } = network.devnet;
  // an embedded devnet listening on every interface is reached on loopback from the operator's machine
  const node = network.rpc_urls[0] ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  return `${node.replace(/\/+$/, '')}/wallet/gettransactionbyid?value={txid}&visible=true`;
}
