/** Starts an in-process devnet for tests: manual blocks, a short solidification lag, a random port. */
import { Devnet, type DevnetOptions } from '../src/devnet/devnet.js';
import { addressToBytes } from '../src/tron/address.js';
import { bytesToHex, hexToBytes } from '../src/tron/bytes.js';
import { generatePrivateKey, privateKeyToAccount, type TronAccount } from '../src/tron/keys.js';
import {
  buildTransfer,
  buildTriggerSmartContract,
  type RecoveryStyle,
  type RefBlock,
  refBlockFields,
  signTransaction,
  type Transaction,
  transactionToJson,
} from '../src/tron/transaction.js';
import { encodeAddressWord, encodeTransferCall } from '../src/tron/trc20.js';

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

export async function getJson(url: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url);
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

let txCounter = 0n;

/** Fields every hand-built transaction needs: TaPoS on the head block, a unique timestamp (so equal transfers get distinct txIDs), a 60 s expiration. */
export function txCommon(devnet: Devnet): { ref: RefBlock; timestamp: bigint; expiration: bigint } {
  const head = devnet.chain.head;
  txCounter += 1n;
  const timestamp = head.header.timestamp + txCounter;
  return { ref: refBlockFields(head.number, head.id), timestamp, expiration: head.header.timestamp + 60_000n };
}

/** A TRX transfer signed by `from` (sun). */
export function signedTransfer(devnet: Devnet, from: TestWallet, to: string, amount: bigint, style: RecoveryStyle = 'eth'): Transaction {
  const tx = buildTransfer({ ...txCommon(devnet), from: hexToBytes(from.hex), to: addressToBytes(to), amount });
  return signTransaction(tx, hexToBytes(from.privateKey), style);
}

/** A USDT `transfer(to, amount)` signed by `from`. */
export function signedUsdtTransfer(devnet: Devnet, from: TestWallet, to: string, amount: bigint, feeLimit = 100_000_000n): Transaction {
  const tx = buildTriggerSmartContract({
    ...txCommon(devnet),
    from: hexToBytes(from.hex),
    contract: hexToBytes(devnet.chain.token.address),
    data: encodeTransferCall(to, amount),
    feeLimit,
  });
  return signTransaction(tx, hexToBytes(from.privateKey));
}

/** POST /wallet/broadcasttransaction with the toolkit's JSON form of `tx`. */
export function broadcast(devnet: Devnet, tx: Transaction, visible = false): Promise<{ status: number; json: Record<string, unknown> }> {
  return postJson(`${devnet.url}/wallet/broadcasttransaction`, transactionToJson(tx, visible));
}

/** `/wallet/gettransactioninfobyid` (or the /walletsolidity twin). */
export async function txInfo(devnet: Devnet, txid: string, solid = false): Promise<Record<string, unknown>> {
  return (await postJson(`${devnet.url}/${solid ? 'walletsolidity' : 'wallet'}/gettransactioninfobyid`, { value: txid })).json;
}

/** TRX balance in sun from `/wallet/getaccount` (0 for an account that does not exist). */
export async function trxBalance(devnet: Devnet, address: string, solid = false): Promise<bigint> {
  const { json } = await postJson(`${devnet.url}/${solid ? 'walletsolidity' : 'wallet'}/getaccount`, { address, visible: true });
  return BigInt((json.balance as number | undefined) ?? 0);
}

/** USDT balance (base units) through `/wallet/triggerconstantcontract` `balanceOf`. */
export async function usdtBalance(devnet: Devnet, address: string, solid = false): Promise<bigint> {
  const { json } = await postJson(`${devnet.url}/${solid ? 'walletsolidity' : 'wallet'}/triggerconstantcontract`, {
    contract_address: devnet.chain.token.address,
    function_selector: 'balanceOf(address)',
    parameter: encodeAddressWord(address),
  });
  return BigInt(`0x${(json.constant_result as string[])[0]}`);
}

export function utf8FromHex(hex: unknown): string {
  return Buffer.from(String(hex), 'hex').toString('utf8');
}

/** Balance (base units) of any devnet TRC-20 (`contract` in hex or base58) through `triggerconstantcontract` `balanceOf`. */
export async function trc20Balance(devnet: Devnet, contract: string, address: string, solid = false): Promise<bigint> {
  const { json } = await postJson(`${devnet.url}/${solid ? 'walletsolidity' : 'wallet'}/triggerconstantcontract`, {
    contract_address: contract,
    function_selector: 'balanceOf(address)',
    parameter: encodeAddressWord(address),
  });
  return BigInt(`0x${(json.constant_result as string[])[0]}`);
}
