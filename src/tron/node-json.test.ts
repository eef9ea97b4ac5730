import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { httpResponses, NO_STAKE_V2, stakeV2Responses, transactionVectors, vectorId } from '../../test/vectors.js';
import { toBase58Address } from './address.js';
import { hexToBytes } from './bytes.js';
import {
  decodeNodeMessage,
  JsonSyntaxError,
  type JsonValue,
  parseAccount,
  parseAccountResource,
  parseBlock,
  parseBlockInfo,
  parseBlockList,
  parseBlockRef,
  parseBroadcastResponse,
  parseChainParameters,
  parseConstantCallResponse,
  parseContractEventsPage,
  parseDelegatedResourceAccountIndex,
  parseDelegatedResourceList,
  parseEstimateEnergyResponse,
  parseInt64Answer,
  parseJsonExact,
  parseJsonFast,
  parseNodeInfo,
  parseNodeTransaction,
  parseRetryAfter,
  parseTransactionById,
  parseTransactionInfo,
  parseTransactionInfoList,
  parseTrc20TransfersPage,
  TronResponseFormatError,
} from './node-json.js';
import { buildDelegateResource, refBlockFields, transactionToJson } from './transaction.js';
import { decodeTransferLog, encodeAbiString } from './trc20.js';

/** A vector from http_responses.json, re-parsed the way the client parses node output. */
function vector(key: string): JsonValue {
  const value = httpResponses()[key];
  if (value === undefined) throw new Error(`no vector ${key}`);
  return parseJsonExact(JSON.stringify(value));
}

/** An answer from stake_v2_responses.json, re-parsed the way the client parses node output. */
function stakeVector(key: string): JsonValue {
  const value = stakeV2Responses()[key];
  if (value === undefined) throw new Error(`no stake vector ${key}`);
  return parseJsonExact(JSON.stringify(value));
}

function obj(value: JsonValue): Record<string, JsonValue> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
  return value;
}

/** A real transaction vector printed the way getblock / gettransactionbyid print it. */
function nodeTx(id: string, contractRet = 'SUCCESS'): JsonValue {
  const v = transactionVectors().vectors.find((t) => vectorId(t) === id);
  if (!v) throw new Error(`no vector ${id}`);
  return parseJsonExact(
    JSON.stringify({
      ret: [{ contractRet }],
      signature: v.signature ?? [],
      txID: v.txID,
      raw_data: v.raw_data,
      raw_data_hex: v.raw_data_hex,
    }),
  );
}

describe('parseJsonExact', () => {
  it('parses every http_responses.json vector exactly as JSON.parse does (no value there exceeds 15 digits)', () => {
    const text = readFileSync(new URL('../../test/fixtures/tron/http_responses.json', import.meta.url), 'utf8');
    expect(parseJsonExact(text)).toEqual(JSON.parse(text));
  });

  it('keeps integers beyond 2^53 exact as bigint', () => {
    expect(parseJsonExact('{"balance":9007199254740993}')).toEqual({ balance: 9007199254740993n });
    expect(parseJsonExact('[-9223372036854775808, 9223372036854775807]')).toEqual([-9223372036854775808n, 9223372036854775807n]);
  });

  it('turns integer literals of more than 15 digits into bigint and leaves shorter ones, floats and exponents as numbers', () => {
    expect(parseJsonExact('[999999999999999, 1000000000000000, -1000000000000000, 1.5, 12345678901234567.5, 1e20, -0, 0]')).toEqual([
      999999999999999,
      1000000000000000n,
      -1000000000000000n,
      1.5,
      Number('12345678901234567.5'),
      1e20,
      -0,
      0,
    ]);
  });

  it('never turns a string into a number, and decodes escapes like JSON.parse', () => {
    const text = '{"value":"9007199254740993","s":"a\\"b\\\\","u":"\\u00e9\\n","k":"\\\\"}';
    expect(parseJsonExact(text)).toEqual(JSON.parse(text));
    expect(obj(parseJsonExact(text)).value).toBe('9007199254740993');
  });

  it('parses literals, nesting and whitespace', () => {
    expect(parseJsonExact(' { "a" : [ true , false , null , { } , [ ] ] } \n')).toEqual({ a: [true, false, null, {}, []] });
  });

  it('makes "__proto__" an own property, not the prototype', () => {
    const parsed = obj(parseJsonExact('{"__proto__":{"polluted":true}}'));
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['', 'empty'],
    ['{"a":1,}', 'trailing comma'],
    ['{"a":1', 'unterminated object'],
    ['"abc', 'unterminated string'],
    ['{"a":1} x', 'trailing data'],
    ['[01]', 'leading zero'],
    ['{"a":"\u0001"}', 'raw control character'],
    ['{"a":"\\x"}', 'bad escape'],
    ['<html>busy</html>', 'HTML'],
    ['tru', 'broken literal'],
  ])('rejects %j (%s)', (text) => {
    expect(() => parseJsonExact(text)).toThrow(JsonSyntaxError);
  });
});

describe('parseJsonFast', () => {
  const cases = [
    '{"balance":9007199254740993,"n":123456789012345}',
    '{"a":[1, 12345678901234567890],"b":-1234567890123456}',
    '12345678901234567',
    '{"id":"1234567890123456789012","data":"a9059cbb0000000000000000000000411234567890123456"}',
    '{"amount": 42, "fee":1.5, "ok":true, "none":null, "s":"x,1234567890123456789"}',
  ];
  it.each(cases)('gives what parseJsonExact gives: %s', (text) => {
    expect(parseJsonFast(text)).toEqual(parseJsonExact(text));
  });

  it('keeps integers beyond 2^53 exact', () => {
    expect(parseJsonFast('{"v":9007199254740993}')).toEqual({ v: 9007199254740993n });
    expect(parseJsonFast('[ 18446744073709551615 ]')).toEqual([18446744073709551615n]);
  });
});

describe('decodeNodeMessage', () => {
  it('decodes every hex message of the broadcast table', () => {
    const table = obj(vector('broadcast_message_table'));
    let checked = 0;
    for (const entry of Object.values(table)) {
      const e = obj(entry);
      if (typeof e.hex_when_visible_false !== 'string') continue;
      expect(decodeNodeMessage(e.hex_when_visible_false)).toBe(e.utf8);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(7);
  });

  it('leaves UTF-8 text (broadcasthex, visible=true) unchanged', () => {
    expect(decodeNodeMessage('Validate signature error: sig error')).toBe('Validate signature error: sig error');
    expect(decodeNodeMessage('')).toBe('');
  });
});

describe('blocks', () => {
  it('parses the getnowblock header', () => {
    const json = obj(vector('getnowblock'));
    delete json.transactions; // the vector holds a placeholder string; an empty block has no key
    const block = parseBlockInfo(json);
    expect(block).toEqual({
      number: 66987627n,
      blockId: '0000000003fe266bf6b6d392f654dc2e5011601546ed04623d9fcc4e9d439a25',
      timestamp: 1777445307000n,
      parentHash: '0000000003fe266a65d5194c947f6f7a059d4646c8e9a5293226bc7fdcfc775e',
      witnessAddress: toBase58Address('41e7860196ad5b5718c1d6326babab039b70b8c1cd'),
      txCount: 0,
    });
  });

  it('reports an unknown transaction count when transactions were not requested', () => {
    const json = obj(vector('getnowblock'));
    delete json.transactions;
    expect(parseBlockInfo(json, false)?.txCount).toBeNull();
  });

  it('returns null for {}', () => {
    expect(parseBlockInfo({})).toBeNull();
    expect(parseBlock({})).toBeNull();
    expect(parseBlockList({})).toEqual([]);
  });

  it('summarises each transaction from its JSON, and skips the re-encoding check when asked', () => {
    const json = obj(vector('getnowblock'));
    json.transactions = [nodeTx('T2'), nodeTx('S3', 'REVERT')];
    const verified = parseBlock(json);
    const light = parseBlock(json, true, { verify: false });
    expect(light?.transactions.map((t) => t.transaction)).toEqual([null, null]);
    expect(light?.transactions.map((t) => t.summary)).toEqual(verified?.transactions.map((t) => t.summary));
    const [t2, s3] = verified?.transactions ?? [];
    const transfer = t2?.transaction?.raw.contract;
    if (transfer?.type !== 'TransferContract') throw new Error('T2 is a TransferContract');
    expect(t2?.summary).toEqual({
      ownerHex: Buffer.from(transfer.ownerAddress).toString('hex'),
      toHex: Buffer.from(transfer.toAddress).toString('hex'),
      amount: transfer.amount,
    });
    const call = s3?.transaction?.raw.contract;
    if (call?.type !== 'TriggerSmartContract') throw new Error('S3 is a TriggerSmartContract');
    expect(s3?.summary).toEqual({
      ownerHex: Buffer.from(call.ownerAddress).toString('hex'),
      contractHex: Buffer.from(call.contractAddress).toString('hex'),
      data: Buffer.from(call.data).toString('hex'),
    });
  });

  it('parses block transactions with transactionFromJson and keeps contractRet', () => {
    const json = obj(vector('getnowblock'));
    json.transactions = [nodeTx('T2'), nodeTx('S3', 'REVERT')];
    const block = parseBlock(json);
    expect(block?.txCount).toBe(2);
    const [t2, s3] = block?.transactions ?? [];
    expect(t2?.contractType).toBe('TransferContract');
    expect(t2?.contractRet).toBe('SUCCESS');
    expect(t2?.transaction?.txID).toBe(t2?.txid);
    expect(t2?.transaction?.raw.contract.type).toBe('TransferContract');
    expect(s3?.contractType).toBe('TriggerSmartContract');
    expect(s3?.contractRet).toBe('REVERT');
    expect(s3?.transaction?.signatures).toHaveLength(1);
  });

  it('keeps unsupported contract types without failing the block', () => {
    const vote = parseJsonExact(
      JSON.stringify({
        ret: [{ contractRet: 'SUCCESS' }],
        txID: 'ab'.repeat(32),
        raw_data: {
          contract: [
            { type: 'VoteWitnessContract', parameter: { type_url: 'type.googleapis.com/protocol.VoteWitnessContract', value: {} } },
          ],
        },
      }),
    );
    const tx = parseNodeTransaction(vote);
    expect(tx.contractType).toBe('VoteWitnessContract');
    expect(tx.transaction).toBeNull();
    expect(tx.parseError).toMatch(/unsupported contract type/);
  });

  it('parses a Stake 2.0 transaction (DelegateResourceContract) whose txID re-encodes', () => {
    const built = buildDelegateResource({
      ref: refBlockFields(66987565, '0000000003fe262d52bfa4b2814f816fd2e57af5b98a33d60d8630a03a908e0e'),
      timestamp: 1_733_000_000_000n,
      from: hexToBytes('41a614f803b6fd780986a42c78ec9c7f77e6ded13c'),
      receiver: hexToBytes('4171df62086e3b24c9f43d8ab4c3b8d53f6ea7c3b9'),
      amount: 5_000_000n,
      resource: 'ENERGY',
      lock: true,
      lockPeriod: 28_800n,
    });
    const tx = parseNodeTransaction(parseJsonExact(JSON.stringify({ ret: [{ contractRet: 'SUCCESS' }], ...transactionToJson(built) })));
    expect(tx.contractType).toBe('DelegateResourceContract');
    expect(tx.parseError).toBeUndefined();
    expect(tx.transaction?.txID).toBe(built.txID);
    expect(tx.transaction?.raw.contract).toMatchObject({
      type: 'DelegateResourceContract',
      balance: 5_000_000n,
      resource: 'ENERGY',
      lock: true,
    });
  });

  it('refuses a parsed transaction whose re-encoding does not give the node txID', () => {
    const tx = obj(nodeTx('T2'));
    tx.txID = 'cd'.repeat(32);
    const parsed = parseNodeTransaction(tx);
    expect(parsed.transaction).toBeNull();
    expect(parsed.parseError).toMatch(/txID/);
  });

  it('gettransactionbyid: {} is null', () => {
    expect(parseTransactionById({})).toBeNull();
    expect(parseTransactionById(nodeTx('T1'))?.txid).toBe('c558bd35978267d8999baf6148703cbc94786f3f2e22893637588ca05437d7f0');
  });

  it('sorts getblockbylimitnext blocks by height', () => {
    const a = obj(vector('getnowblock'));
    delete a.transactions;
    const b = parseJsonExact(JSON.stringify(a).replace('"number":66987627', '"number":66987626'));
    expect(parseBlockList({ block: [a, b] }).map((x) => x.number)).toEqual([66987626n, 66987627n]);
  });
});

describe('parseBlockRef / parseNodeInfo', () => {
  it('parses "Num:…,ID:…"', () => {
    expect(parseBlockRef('Num:66987565,ID:0000000003fe262d52bfa4b2814f816fd2e57af5b98a33d60d8630a03a908e0e')).toEqual({
      number: 66987565n,
      blockId: '0000000003fe262d52bfa4b2814f816fd2e57af5b98a33d60d8630a03a908e0e',
    });
    expect(() => parseBlockRef('66987565')).toThrow(TronResponseFormatError);
  });

  it('parses getnodeinfo', () => {
    expect(parseNodeInfo(vector('getnodeinfo_excerpt'))).toEqual({
      headBlock: 66987565n,
      headBlockId: '0000000003fe262d52bfa4b2814f816fd2e57af5b98a33d60d8630a03a908e0e',
      solidBlock: 66987547n,
      solidBlockId: '0000000003fe261b9e6e8091f5bd92dc67816890ec4739f6fe5109ad7779120c',
      codeVersion: '4.8.1',
    });
  });
});

describe('parseTransactionInfo', () => {
  it('returns null for {}', () => {
    expect(parseTransactionInfo({})).toBeNull();
  });

  it('internal_transactions: TRX call values, rejected and TRC-10 entries left out, positions kept', () => {
    const caller = '41a614f803b6fd780986a42c78ec9c7f77e6ded13c';
    const to = '4178c842ee63b253f8f0d2955bbc582c661a078c9d';
    const info = parseTransactionInfo({
      id: 'ab'.repeat(32),
      blockNumber: 5,
      blockTimeStamp: 15_000,
      contractResult: [''],
      receipt: { result: 'SUCCESS' },
      internal_transactions: [
        { hash: '01'.repeat(32), caller_address: caller, transferTo_address: to, callValueInfo: [{ callValue: 7 }], note: '63616c6c' },
        { hash: '02'.repeat(32), caller_address: caller, transferTo_address: to, callValueInfo: [{}], note: '63616c6c' },
        {
          hash: '03'.repeat(32),
          caller_address: caller,
          transferTo_address: to,
          callValueInfo: [{ callValue: 5 }],
          note: '63616c6c',
          rejected: true,
        },
        {
          hash: '04'.repeat(32),
          caller_address: caller,
          transferTo_address: to,
          callValueInfo: [{ callValue: 9, tokenId: '1002000' }],
          note: '63616c6c',
        },
        {
          hash: '05'.repeat(32),
          caller_address: toBase58Address(caller),
          transferTo_address: toBase58Address(to),
          callValueInfo: [{ callValue: 2 }],
        },
      ],
    });
    expect(info?.internalTransfers).toEqual([
      { index: 0, callerHex: caller, toHex: to, amount: 7n },
      { index: 4, callerHex: caller, toHex: to, amount: 2n },
    ]);
  });

  it('TRX transfer paid with free bandwidth: omitted fee is 0', () => {
    const info = parseTransactionInfo(vector('gettransactioninfobyid_trx_transfer_free_bandwidth'));
    expect(info).toMatchObject({
      id: '21851bcf1faf22c99a7a49c4f246d709cf9f54db2f264ca145adcd464ea155a4',
      blockNumber: 27773932n,
      blockTimestamp: 1656917586000n,
      fee: 0n,
      contractResult: [''],
      logs: [],
      failed: false,
    });
    expect(info?.receipt).toEqual({
      energyUsage: 0n,
      energyFee: 0n,
      originEnergyUsage: 0n,
      energyUsageTotal: 0n,
      netUsage: 267n,
      netFee: 0n,
      energyPenaltyTotal: 0n,
    });
    expect(info?.contractAddress).toBeUndefined();
  });

  it('activation of a new account costs 1.1 TRX', () => {
    const info = parseTransactionInfo(vector('gettransactioninfobyid_trx_transfer_activating_new_account'));
    expect(info?.fee).toBe(1_100_000n);
    expect(info?.receipt.netFee).toBe(100_000n);
  });

  it('USDT transfer success: receipt, base58 contract address and a decodable Transfer log', () => {
    const info = parseTransactionInfo(vector('gettransactioninfobyid_usdt_transfer_success_mainnet_2024'));
    expect(info?.failed).toBe(false);
    expect(info?.fee).toBe(345_000n);
    expect(info?.contractAddress).toBe('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t');
    expect(info?.receipt).toMatchObject({
      energyUsage: 64285n,
      energyUsageTotal: 64285n,
      netFee: 345000n,
      energyPenaltyTotal: 49635n,
      result: 'SUCCESS',
    });
    expect(info?.contractResult).toEqual(['0'.repeat(64)]);
    const log = info?.logs[0];
    expect(log?.address).toBe('a614f803b6fd780986a42c78ec9c7f77e6ded13c');
    const transfer = log ? decodeTransferLog(log) : null;
    expect(transfer).toEqual({
      contract: '41a614f803b6fd780986a42c78ec9c7f77e6ded13c',
      from: '4160e6e92e57d61a9d68b5d95275cc9667d9e6c7c9',
      to: '41cdae4e9a6287333a3f7df432b050af7b17e79e63',
      value: 0x3567e0n,
    });
  });

  it('2021 USDT receipt with origin energy', () => {
    const info = parseTransactionInfo(vector('gettransactioninfobyid_usdt_transfer_success_mainnet_2021'));
    expect(info?.receipt).toMatchObject({ energyUsage: 10727n, energyUsageTotal: 14631n, originEnergyUsage: 3904n, netUsage: 338n });
    expect(info?.logs[0]?.data).toBe('000000000000000000000000000000000000000000000000000000001fb6e57f');
  });

  it('OUT_OF_ENERGY: failed, resMessage decoded from hex', () => {
    const raw = obj(vector('gettransactioninfobyid_usdt_transfer_out_of_energy'));
    const info = parseTransactionInfo(raw);
    expect(info?.failed).toBe(true);
    expect(info?.receipt.result).toBe('OUT_OF_ENERGY');
    expect(info?.fee).toBe(16_500_120n);
    expect(info?.receipt.energyFee).toBe(16_500_120n);
    expect(info?.resMessage).toBe(raw.resMessage_utf8);
  });

  it('Nile contract call', () => {
    const info = parseTransactionInfo(vector('gettransactioninfobyid_nile_contract_call'));
    if (!info) throw new Error('no info');
    expect(info.receipt.energyFee / info.receipt.energyUsageTotal).toBe(100n);
    expect(info.fee).toBe(5_254_500n);
  });

  it('block lists: an array, [] or {}', () => {
    const list = parseJsonExact(
      JSON.stringify([
        httpResponses().gettransactioninfobyid_trx_transfer_burned_bandwidth,
        httpResponses().gettransactioninfobyid_usdt_transfer_success_mainnet_2024,
      ]),
    );
    expect(parseTransactionInfoList(list).map((i) => i.fee)).toEqual([267000n, 345000n]);
    expect(parseTransactionInfoList([])).toEqual([]);
    expect(parseTransactionInfoList({})).toEqual([]);
  });

  it('rejects a malformed receipt', () => {
    expect(() => parseTransactionInfo({ id: 'ab'.repeat(32), fee: 'lots' })).toThrow(TronResponseFormatError);
  });
});

describe('accounts and chain parameters', () => {
  it('parses getaccount; the recorded frozenV2 entries without amount are stakes of 0', () => {
    expect(parseAccount(vector('getaccount'), '41dd791d6b49e190062d650e6a23c575510d35f2f9')).toEqual({
      exists: true,
      address: toBase58Address('41dd791d6b49e190062d650e6a23c575510d35f2f9'),
      balance: 1793227200n,
      createTime: 1776933207000n,
      ...NO_STAKE_V2,
      frozenV2: [
        { type: 'BANDWIDTH', amount: 0n },
        { type: 'ENERGY', amount: 0n },
        { type: 'TRON_POWER', amount: 0n },
      ],
    });
  });

  it('an unknown account ({}) has balance 0 and no stakes', () => {
    expect(parseAccount({}, 'TMVQGm1qAQYVdetCeGRRkTWYYrLXuHK2HC')).toEqual({
      exists: false,
      address: 'TMVQGm1qAQYVdetCeGRRkTWYYrLXuHK2HC',
      balance: 0n,
      ...NO_STAKE_V2,
    });
  });

  it('parses the Stake 2.0 fields of getaccount, including those under account_resource', () => {
    const account = parseAccount(stakeVector('getaccount_staking'), '41dd791d6b49e190062d650e6a23c575510d35f2f9');
    expect(account).toMatchObject({
      balance: 1793227200n,
      frozenV2: [
        { type: 'BANDWIDTH', amount: 5000000n },
        { type: 'ENERGY', amount: 2000000000n },
        { type: 'TRON_POWER', amount: 0n },
      ],
      unfrozenV2: [
        { type: 'BANDWIDTH', unfreezeAmount: 1000000n, unfreezeExpireTime: 1777445307000n },
        { type: 'ENERGY', unfreezeAmount: 300000000n, unfreezeExpireTime: 1777531707000n },
      ],
      delegatedFrozenV2BalanceForBandwidth: 3000000n,
      delegatedFrozenV2BalanceForEnergy: 1500000000n,
      acquiredDelegatedFrozenV2BalanceForBandwidth: 7000000n,
      acquiredDelegatedFrozenV2BalanceForEnergy: 250000000n,
    });
  });

  it('reads a stake type given as its enum number and names the field of a bad one', () => {
    const json = obj(stakeVector('getaccount_staking'));
    json.frozenV2 = [{ type: 1, amount: 7 }, { type: 2 }];
    expect(parseAccount(json, '41dd791d6b49e190062d650e6a23c575510d35f2f9').frozenV2).toEqual([
      { type: 'ENERGY', amount: 7n },
      { type: 'TRON_POWER', amount: 0n },
    ]);
    for (const bad of ['STORAGE', 3, -1, true]) {
      json.unfrozenV2 = [{ type: bad, unfreeze_amount: 1 }];
      expect(() => parseAccount(json, '41dd791d6b49e190062d650e6a23c575510d35f2f9')).toThrow(/unfrozenV2\[0\]\.type/);
    }
    json.unfrozenV2 = [{ unfreeze_amount: 1.5 }];
    expect(() => parseAccount(json, '41dd791d6b49e190062d650e6a23c575510d35f2f9')).toThrow(/unfrozenV2\[0\]\.unfreeze_amount/);
    json.unfrozenV2 = {};
    expect(() => parseAccount(json, '41dd791d6b49e190062d650e6a23c575510d35f2f9')).toThrow(/unfrozenV2 is not an array/);
  });

  it('parses getaccountresource with omitted fields as 0', () => {
    expect(parseAccountResource(vector('getaccountresource'))).toEqual({
      freeNetUsed: 441n,
      freeNetLimit: 600n,
      netUsed: 0n,
      netLimit: 0n,
      energyUsed: 0n,
      energyLimit: 0n,
      totalNetLimit: 43200000000n,
      totalNetWeight: 68305209098n,
      totalEnergyLimit: 180000000000n,
      totalEnergyWeight: 2411528185n,
      tronPowerLimit: 0n,
      tronPowerUsed: 0n,
      totalTronPowerWeight: 0n,
    });
  });

  it('parses every getaccountresource field the gateway reads', () => {
    expect(parseAccountResource(stakeVector('getaccountresource_staking'))).toEqual({
      freeNetUsed: 441n,
      freeNetLimit: 600n,
      netUsed: 12n,
      netLimit: 9n,
      energyUsed: 64285n,
      energyLimit: 149335n,
      totalNetLimit: 43200000000n,
      totalNetWeight: 68305209098n,
      totalEnergyLimit: 180000000000n,
      totalEnergyWeight: 2411528185n,
      tronPowerLimit: 2005n,
      tronPowerUsed: 1n,
      totalTronPowerWeight: 70716737283n,
    });
  });

  it('parses getchainparameters; a key without value is 0', () => {
    const json = obj(vector('getchainparameters_excerpt'));
    (json.chainParameter as JsonValue[]).push({ key: 'getAllowSomething' });
    const params = parseChainParameters(json);
    expect(params.get('getTransactionFee')).toBe(1000n);
    expect(params.get('getCreateAccountFee')).toBe(100000n);
    expect(params.get('getCreateNewAccountFeeInSystemContract')).toBe(1000000n);
    expect(params.get('getAllowSomething')).toBe(0n);
  });
});

describe('parseBroadcastResponse', () => {
  const txid = 'c558bd35978267d8999baf6148703cbc94786f3f2e22893637588ca05437d7f0';

  it('success has result:true and no code', () => {
    expect(parseBroadcastResponse(vector('broadcasttransaction_success'), txid)).toEqual({ ok: true, txid });
  });

  it('failure has a code and a hex message', () => {
    expect(parseBroadcastResponse(vector('broadcasttransaction_failure_visible_false'), txid)).toEqual({
      ok: false,
      txid: '77ddfa7093cc5f745c0d3a54abb89ef070f983343c05e0f89e5a52f3e5401299',
      code: 'TRANSACTION_EXPIRATION_ERROR',
      message: 'Transaction expired',
      transient: false,
    });
  });

  it('UTF-8 messages (visible=true, broadcasthex) pass through', () => {
    const r = parseBroadcastResponse(vector('broadcasttransaction_failure_visible_true_observed'), txid);
    expect(r).toMatchObject({ ok: false, code: 'SIGERROR', message: expect.stringMatching(/^Validate signature error: /) });
  });

  it('broadcasthex success prints code SUCCESS; SERVER_BUSY is transient', () => {
    expect(parseBroadcastResponse({ result: true, code: 'SUCCESS', message: '', txid }, txid)).toEqual({ ok: true, txid });
    expect(parseBroadcastResponse({ result: false, code: 'SERVER_BUSY', message: 'Server busy.', txid }, txid)).toMatchObject({
      ok: false,
      transient: true,
      message: 'Server busy.',
    });
  });

  it('throws on an answer that is neither', () => {
    expect(() => parseBroadcastResponse({}, txid)).toThrow(TronResponseFormatError);
  });
});

describe('constant calls', () => {
  it('balanceOf result', () => {
    const r = parseConstantCallResponse(vector('triggerconstantcontract_balanceOf'));
    expect(r).toEqual({ ok: true, results: ['0000000000000000000000000000000000000000000000000000000040cfcc00'], energyUsed: 935n });
  });

  it('revert: result.result stays true but transaction.ret[0].ret is FAILED; Error(string) is decoded', () => {
    const reason = `08c379a0${encodeAbiString('blacklisted')}`;
    const r = parseConstantCallResponse({
      result: { result: true, message: Buffer.from('REVERT opcode executed').toString('hex') },
      energy_used: 500,
      constant_result: [reason],
      transaction: { ret: [{ ret: 'FAILED' }] },
    });
    expect(r).toMatchObject({ ok: false, message: 'REVERT opcode executed', revertReason: 'blacklisted', energyUsed: 500n });
  });

  it('validation error from triggersmartcontract shape', () => {
    const r = parseConstantCallResponse(vector('triggersmartcontract_error_no_contract'));
    expect(r).toMatchObject({ ok: false, code: 'CONTRACT_VALIDATE_ERROR', message: 'No contract or not a valid smart contract' });
  });

  it('estimateenergy', () => {
    expect(parseEstimateEnergyResponse(vector('estimateenergy'))).toEqual({ ok: true, energyRequired: 1870n });
  });
});

describe('TronGrid v1', () => {
  it('TRC-20 transfer rows', () => {
    const page = parseTrc20TransfersPage(vector('trongrid_v1_trc20_row'));
    expect(page).toEqual({
      transfers: [
        {
          txid: '77ff0c0819cc39b3d24c98a3e94c1789f9e4376509aaadc82894896474c0e6b2',
          from: 'TNtbiqvanUnm4YHK9SYzRGR8ktiHRduDbM',
          to: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
          value: 195170000n,
          blockTimestamp: 1784641290000n,
          tokenAddress: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
          tokenDecimals: 6,
          tokenSymbol: 'USDT',
        },
      ],
    });
  });

  it('drops Approval rows, keeps the fingerprint, values beyond 2^53 stay exact', () => {
    const json = obj(vector('trongrid_v1_trc20_row'));
    const row = obj((json.data as JsonValue[])[0] as JsonValue);
    json.data = [
      { ...row, type: 'Approval' },
      { ...row, value: '123456789012345678901234567890' },
    ];
    json.meta = { at: 1, page_size: 2, fingerprint: 'fp-2' };
    const page = parseTrc20TransfersPage(json);
    expect(page.transfers.map((t) => t.value)).toEqual([123456789012345678901234567890n]);
    expect(page.fingerprint).toBe('fp-2');
  });

  it('throws unless success is true', () => {
    expect(() => parseTrc20TransfersPage({ success: false, error: 'bad address', data: [] })).toThrow(/bad address/);
    expect(() => parseTrc20TransfersPage({ data: [] })).toThrow(TronResponseFormatError);
  });

  it('contract events', () => {
    const page = parseContractEventsPage(vector('trongrid_v1_contract_events'));
    expect(page.fingerprint).toBe('7dveEb1DxX4L2Y6q...(truncated)');
    expect(page.events).toEqual([
      {
        txid: '1d8e417344c69d0355fcd6f71aae6575aec4911ffb706a2d3169e43728d6a2e2',
        blockNumber: 85919983n,
        blockTimestamp: 1788431625000n,
        contractAddress: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
        callerContractAddress: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
        eventIndex: 0,
        eventName: 'Transfer',
        eventSignature: 'Transfer(address indexed from, address indexed to, uint256 value)',
        result: {
          '0': '0x01311788a9736dcc38cf6d53342c076c38e95ef2',
          '1': '0xb2ff692d318825a41b5668c4cefa263e8cdcc82e',
          '2': '1399000000',
          from: '0x01311788a9736dcc38cf6d53342c076c38e95ef2',
          to: '0xb2ff692d318825a41b5668c4cefa263e8cdcc82e',
          value: '1399000000',
        },
        resultType: { from: 'address', to: 'address', value: 'uint256' },
        unconfirmed: false,
      },
    ]);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-27T10:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Fri, 27 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Fri, 27 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('Stake 2.0 queries', () => {
  const A = '41dd791d6b49e190062d650e6a23c575510d35f2f9';
  const B = '41a614f803b6fd780986a42c78ec9c7f77e6ded13c';
  const C = '4192ad11c1bf16b3b14b0bd6b5c7e2db73a0b5e83a';

  it('getdelegatedresourcev2: the unlocked and the locked record, omitted fields 0; {} is none', () => {
    expect(parseDelegatedResourceList(stakeVector('getdelegatedresourcev2'))).toEqual([
      {
        from: toBase58Address(A),
        to: toBase58Address(B),
        frozenBalanceForBandwidth: 0n,
        frozenBalanceForEnergy: 1000000000n,
        expireTimeForBandwidth: 0n,
        expireTimeForEnergy: 0n,
      },
      {
        from: toBase58Address(A),
        to: toBase58Address(B),
        frozenBalanceForBandwidth: 3000000n,
        frozenBalanceForEnergy: 500000000n,
        expireTimeForBandwidth: 1777531707000n,
        expireTimeForEnergy: 1777704507000n,
      },
    ]);
    expect(parseDelegatedResourceList({})).toEqual([]);
    expect(() => parseDelegatedResourceList({ delegatedResource: [{ from: 'zz', to: B }] })).toThrow(/delegatedResource\[0\]\.from/);
    expect(() => parseDelegatedResourceList({ delegatedResource: [{ from: A }] })).toThrow(/delegatedResource\[0\]\.to/);
  });

  it('getdelegatedresourceaccountindexv2: base58 lists; {} is the requested account with none', () => {
    expect(parseDelegatedResourceAccountIndex(stakeVector('getdelegatedresourceaccountindexv2'), A)).toEqual({
      account: toBase58Address(A),
      fromAccounts: [toBase58Address(C)],
      toAccounts: [toBase58Address(B), toBase58Address(C)],
    });
    expect(parseDelegatedResourceAccountIndex({}, A)).toEqual({ account: toBase58Address(A), fromAccounts: [], toAccounts: [] });
    expect(() => parseDelegatedResourceAccountIndex({ toAccounts: [7] }, A)).toThrow(/toAccounts\[0\]/);
  });

  it('single-number answers; {} (java-tron leaves out 0) is 0', () => {
    expect(parseInt64Answer(stakeVector('getcandelegatedmaxsize'), 'max_size')).toBe(1497000000n);
    expect(parseInt64Answer(stakeVector('getavailableunfreezecount'), 'count')).toBe(30n);
    expect(parseInt64Answer(stakeVector('getcanwithdrawunfreezeamount'), 'amount')).toBe(1000000n);
    expect(parseInt64Answer({}, 'max_size')).toBe(0n);
    expect(parseInt64Answer(parseJsonExact('{"amount":9007199254740993}'), 'amount')).toBe(9007199254740993n);
    expect(() => parseInt64Answer({ amount: 'x' }, 'amount')).toThrow(/amount is not an integer/);
    expect(() => parseInt64Answer([], 'count')).toThrow(TronResponseFormatError);
  });
});
