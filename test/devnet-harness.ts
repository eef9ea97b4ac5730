/** Starts an in-process devnet for tests: manual blocks, a short solidification lag, a random port. */
import { Devnet, type DevnetOptions } from '../src/devnet/devnet.js';
import { bytesToHex } from '../src/tron/bytes.js';
import { generatePrivateKey, privateKeyToAccount, type TronAccount } from '../src/tron/keys.js';

export const TEST_SOLIDIFY_LAG = 3;

export async function startTestDevnet(options: DevnetOptions = {}): Promise<Devnet> {
  return Devnet.start({ port: 0, manual: true, solidifyLag: TEST_SOLIDIFY_LAG, ...options });
}

export interface TestWallet extends TronAccount {
  privateKey: string;
}

export function newWallet(): TestWallet {
  const key = generatePrivateKey();
  return { ...privateKeyToAccount(key), privateKey: bytesToHex(key) };
}

/** Mines enough blocks for everything sent so far to be solidified. */
export function mineUntilSolid(devnet: Devnet): void {
  devnet.mine(devnet.chain.solidifyLag + 1);
}

export async function postJson(url: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
