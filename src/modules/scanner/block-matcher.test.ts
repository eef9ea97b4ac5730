import { describe, expect, it } from 'vitest';
import { toHexAddress } from '../../tron/address.js';
import { generatePrivateKey, privateKeyToAccount } from '../../tron/keys.js';
import type { BlockWithTransactions, NodeTransaction, TransactionInfo } from '../../tron/node-json.js';
import { encodeAddressWord, encodeUint256, SELECTORS, TRANSFER_TOPIC } from '../../tron/trc20.js';
import { internalTransfersFromInfos, scanBlock } from './block-matcher.js';
import { type RangeClient, scanBlockRange } from './range-scan.js';
import { watchViewOf } from './watch-set.js';

const hexOf = () => toHexAddress(privateKeyToAccount(generatePrivateKey()).base58);
const USDT = hexOf();
/** the configured tokens the scanner credits: here only USDT */
const TOKENS = { [USDT]: 'USDT' };
const OTHER_CONTRACT = hexOf();
const DEPOSIT = hexOf();
const STRANGER = hexOf();
const PAYER = hexOf();
const watch = watchViewOf({ deposits: [DEPOSIT], pairs: [] });
let txCounter = 0;
const txid = () => (++txCounter).toString(16).padStart(64, '0');

function usdtCall(to: string, amount: bigint, contract = USDT, contractRet = 'SUCCESS'): NodeTransaction {
  return {
    txid: txid(),
    contractType: 'TriggerSmartContract',
    contractRet,
    transaction: null,
    summary: { ownerHex: PAYER, contractHex: contract, data: `${SELECTORS.transfer}${encodeAddressWord(to)}${encodeUint256(amount)}` },
  };
}

function trx(to: string, amount: bigint): NodeTransaction {
  return {
    txid: txid(),
    contractType: 'TransferContract',
    contractRet: 'SUCCESS',
    transaction: null,
    summary: { ownerHex: PAYER, toHex: to, amount },
  };
}

function block(number: number, transactions: NodeTransaction[]): BlockWithTransactions {
  return {
    number: BigInt(number),
    blockId: number.toString(16).padStart(64, '0'),
    timestamp: 1_700_000_000_000n + BigInt(number) * 3000n,
    parentHash: (number - 1).toString(16).padStart(64, '0'),
    witnessAddress: '',
    txCount: transactions.length,
    transactions,
  };
}

/** The receipt of a successful USDT transfer(to, amount) sent by PAYER. */
function receipt(tx: NodeTransaction, blockNumber: number, to: string, amount: bigint): TransactionInfo {
  return {
    id: tx.txid,
    blockNumber: BigInt(blockNumber),
    blockTimestamp: 0n,
    fee: 0n,
    contractResult: [],
    receipt: {
      energyUsage: 0n,
      energyFee: 0n,
      originEnergyUsage: 0n,
      energyUsageTotal: 0n,
      netUsage: 0n,
      netFee: 0n,
      energyPenaltyTotal: 0n,
      result: 'SUCCESS',
    },
    logs: [
      { address: USDT.slice(2), topics: [TRANSFER_TOPIC, encodeAddressWord(PAYER), encodeAddressWord(to)], data: encodeUint256(amount) },
    ],
    failed: false,
    internalTransfers: [],
  };
}

describe('which receipts a block needs', () => {
  it('none for USDT transfers to addresses nobody watches, TRX transfers and reverted calls', () => {
    const scan = scanBlock(block(10, [usdtCall(STRANGER, 5n), trx(DEPOSIT, 7n), usdtCall(DEPOSIT, 1n, USDT, 'REVERT')]), watch, TOKENS);
    expect(scan).toMatchObject({ needsInfos: false, infoTxIds: [] });
    expect(scan.trx.map((t) => t.amount)).toEqual([7n]);
  });

  it('only the flagged transactions’ receipts for USDT transfers to a watched address', () => {
    const paying = usdtCall(DEPOSIT, 1_000_000n);
    const scan = scanBlock(block(11, [usdtCall(STRANGER, 5n), paying, trx(STRANGER, 9n)]), watch, TOKENS);
    expect(scan).toMatchObject({ needsInfos: true, infoTxIds: [paying.txid] });
  });

  it('the whole block’s receipts once any other contract call is in it (it may move USDT internally)', () => {
    for (const odd of [
      usdtCall(STRANGER, 5n, OTHER_CONTRACT),
      { ...usdtCall(STRANGER, 5n), summary: { ownerHex: PAYER, contractHex: USDT, data: `23b872dd${'00'.repeat(96)}` } },
    ]) {
      const scan = scanBlock(block(12, [usdtCall(DEPOSIT, 1n), odd]), watch, TOKENS);
      expect(scan).toMatchObject({ needsInfos: true, infoTxIds: null });
    }
  });
});

describe('scanBlockRange reads the receipts it needs', () => {
  const paying = usdtCall(DEPOSIT, 2_500_000n);
  const noise = usdtCall(STRANGER, 3n);
  const infos = [receipt(noise, 20, STRANGER, 3n), receipt(paying, 20, DEPOSIT, 2_500_000n)];

  function client(byId: (id: string) => TransactionInfo | null): RangeClient & { calls: string[] } {
    const calls: string[] = [];
    return {
      calls,
      getBlockRange: async (from) => (Number(from) === 20 ? [block(20, [noise, paying])] : []),
      getTransactionInfoByBlockNum: async (n) => {
        calls.push(`block ${n}`);
        return infos;
      },
      getTransactionInfoById: async (id) => {
        calls.push(`tx ${id}`);
        return byId(id);
      },
    };
  }

  it('by transaction id when only USDT transfers need them, with the same transfers as the block’s list', async () => {
    const c = client((id) => infos.find((i) => i.id === id) ?? null);
    const [scanned] = await scanBlockRange(c, 20, 21, watch, TOKENS);
    expect(c.calls).toEqual([`tx ${paying.txid}`]);
    expect(scanned?.transfers).toEqual([
      expect.objectContaining({ txId: paying.txid, logIndex: 0, asset: 'USDT', amount: 2_500_000n, blockNumber: 20 }),
    ]);
  });

  it('the block’s list when the node does not know the transaction by id, or has it in another block', async () => {
    for (const byId of [() => null, (id: string) => ({ ...(infos.find((i) => i.id === id) as TransactionInfo), blockNumber: 21n })]) {
      const c = client(byId);
      const [scanned] = await scanBlockRange(c, 20, 21, watch, TOKENS);
      expect(c.calls).toEqual([`tx ${paying.txid}`, 'block 20']);
      expect(scanned?.transfers.map((t) => [t.txId, t.amount])).toEqual([[paying.txid, 2_500_000n]]);
    }
  });
});

describe('TRX forwarded by contracts (internal transactions)', () => {
  const multisend = usdtCall(STRANGER, 1n, OTHER_CONTRACT);
  const forwarded = (failed: boolean): TransactionInfo => ({
    ...receipt(multisend, 30, STRANGER, 1n),
    logs: [],
    failed,
    internalTransfers: [
      { index: 0, callerHex: OTHER_CONTRACT, toHex: STRANGER, amount: 4n },
      { index: 2, callerHex: OTHER_CONTRACT, toHex: DEPOSIT, amount: 9n },
    ],
  });

  it('credits the watched receivers, one transfer per internal transaction keyed apart from TRX transfers and logs', () => {
    const transfers = internalTransfersFromInfos([forwarded(false)], { number: 30, timestamp: 90_000 }, watch);
    expect(transfers).toEqual([
      expect.objectContaining({ txId: multisend.txid, logIndex: -4, asset: 'TRX', amount: 9n, blockNumber: 30, blockTimestamp: 90_000 }),
    ]);
  });

  it('ignores a failed receipt', () => {
    expect(internalTransfersFromInfos([forwarded(true)], { number: 30, timestamp: 0 }, watch)).toEqual([]);
  });
});
