/**
 * Blocks for the scanner benchmark, built on a devnet in manual mode: `blocks` blocks of `txsPerBlock`
 * USDT and TRX transfers between many addresses (other people's traffic), one transfer in every
 * `watchedEvery`-th block paying a deposit address. Signed with the toolkit and submitted straight to the
 * chain (no HTTP), then mined and solidified.
 */
import { performance } from 'node:perf_hooks';
import type { Devnet } from '../src/devnet/devnet.js';
import { addressToBytes } from '../src/tron/address.js';
import { generatePrivateKey, privateKeyToAccount } from '../src/tron/keys.js';
import { buildTransfer, buildTriggerSmartContract, refBlockFields, signTransaction } from '../src/tron/transaction.js';
import { encodeTransferCall } from '../src/tron/trc20.js';

const TRX = 1_000_000n;

export interface ScanBlocksSpec {
  blocks: number;
  txsPerBlock: number;
  senders: number;
  recipients: number;
  /** deposit addresses of open invoices */
  deposits: string[];
  watchedEvery: number;
  /** share of USDT transfers (the rest are TRX) */
  usdtShare: number;
}

export interface BuiltScanBlocks {
  first: number;
  last: number;
  buildMs: number;
  watchedTransfers: number;
}

export function buildScanBlocks(devnet: Devnet, spec: ScanBlocksSpec): BuiltScanBlocks {
  const started = performance.now();
  const senders = Array.from({ length: spec.senders }, () => {
    const key = generatePrivateKey();
    return { key, bytes: addressToBytes(privateKeyToAccount(key).base58) };
  });
  for (const s of senders) devnet.fund(privateKeyToAccount(s.key).base58, { trx: 1_000_000n * TRX, usdt: 10_000_000n * TRX });
  devnet.mine(1);
  const recipients = Array.from({ length: spec.recipients }, () => privateKeyToAccount(generatePrivateKey()).base58);
  const usdt = addressToBytes(devnet.usdtAddress);
  let counter = 0n;
  let watchedTransfers = 0;
  const first = Number(devnet.chain.head.number) + 1;
  for (let b = 0; b < spec.blocks; b++) {
    const head = devnet.chain.head;
    const ref = refBlockFields(head.number, head.id);
    for (let i = 0; i < spec.txsPerBlock; i++) {
      const sender = senders[(b * spec.txsPerBlock + i) % senders.length] as (typeof senders)[number];
      const watched = i === 0 && b % spec.watchedEvery === 0;
      const to = watched
        ? (spec.deposits[Math.floor(Math.random() * spec.deposits.length)] as string)
        : (recipients[Math.floor(Math.random() * recipients.length)] as string);
      if (watched) watchedTransfers++;
      counter++;
      const common = { ref, timestamp: head.header.timestamp + counter, expiration: head.header.timestamp + 3_600_000n };
      const tx =
        Math.random() < spec.usdtShare
          ? buildTriggerSmartContract({
              ...common,
              from: sender.bytes,
              contract: usdt,
              data: encodeTransferCall(to, 1_000_000n + counter),
              feeLimit: 100n * TRX,
            })
          : buildTransfer({ ...common, from: sender.bytes, to: addressToBytes(to), amount: 1_000_000n + counter });
      const outcome = devnet.chain.submit(signTransaction(tx, sender.key));
      if (!outcome.ok) throw new Error(`bench transaction refused: ${outcome.code} ${outcome.message}`);
    }
    devnet.mine(1);
  }
  devnet.mine(devnet.chain.solidifyLag + 1); // everything solidified
  return { first, last: Number(devnet.chain.head.number), buildMs: performance.now() - started, watchedTransfers };
}
