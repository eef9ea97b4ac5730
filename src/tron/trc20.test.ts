import { describe, expect, it } from 'vitest';
import { abiVectors, transactionInfo } from '../../test/vectors.js';
import { toBase58Address } from './address.js';
import { bytesToHex } from './bytes.js';
import {
  decodeAbiString,
  decodeAddressWord,
  decodeTransferCall,
  decodeTransferLog,
  decodeUint256,
  encodeAbiString,
  encodeAddressWord,
  encodeBalanceOfCall,
  encodeIsBlackListedCall,
  encodeTransferCall,
  encodeTransferParameter,
  encodeUint256,
  eventTopic,
  functionSelector,
  SELECTORS,
  TRANSFER_TOPIC,
  transferCallRecipient,
} from './trc20.js';

const abi = abiVectors();
const MAX = (1n << 256n) - 1n;
const USDT_HEX = '41a614f803b6fd780986a42c78ec9c7f77e6ded13c';

describe('selectors and topics (abi_selectors.json)', () => {
  it.each(Object.entries(abi.functionSelectors))('functionSelector(%s) = %s', (signature, selector) => {
    expect(functionSelector(signature)).toBe(selector);
  });

  it.each(Object.entries(abi.eventTopics))('eventTopic(%s) = %s', (signature, topic) => {
    expect(eventTopic(signature)).toBe(topic);
  });

  it('every SELECTORS constant equals the vector for its signature', () => {
    const byName = new Map(Object.entries(abi.functionSelectors).map(([sig, sel]) => [sig.slice(0, sig.indexOf('(')), sel]));
    // TetherToken admin functions are not in the vector file; their selectors are well known.
    byName.set('addBlackList', '0ecb93c0');
    byName.set('removeBlackList', 'e4997dc5');
    for (const [name, selector] of Object.entries(SELECTORS)) expect(selector, name).toBe(byName.get(name));
  });

  it('TRANSFER_TOPIC is the Transfer(address,address,uint256) topic', () => {
    expect(TRANSFER_TOPIC).toBe(abi.eventTopics['Transfer(address,address,uint256)']);
  });
});

describe('calldata', () => {
  it('encodeTransferCall reproduces the vector calldata', () => {
    const ex = abi.trc20TransferCalldataExample;
    expect(bytesToHex(encodeTransferCall(ex.to, BigInt(ex.amount_units)))).toBe(ex.data);
    expect(encodeTransferParameter(ex.to, BigInt(ex.amount_units))).toBe(ex.data.slice(8));
    expect(decodeTransferCall(ex.data)).toEqual({ to: '415cd0fb0ab3ce40f3051414c604b27756e69e43db', amount: 1_000_000n });
    expect(toBase58Address(decodeTransferCall(ex.data)!.to)).toBe(ex.to);
  });

  it('encodes the address word from base58, hex and 0x-prefixed hex alike', () => {
    const word = `${'00'.repeat(12)}a614f803b6fd780986a42c78ec9c7f77e6ded13c`;
    expect(encodeAddressWord('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')).toBe(word);
    expect(encodeAddressWord(USDT_HEX)).toBe(word);
    expect(encodeAddressWord(`0x${USDT_HEX}`)).toBe(word);
    expect(decodeAddressWord(word)).toBe(USDT_HEX);
  });

  it('reads the low 20 bytes of an address word even when byte 11 carries 0x41', () => {
    expect(decodeAddressWord(`${'00'.repeat(11)}41a614f803b6fd780986a42c78ec9c7f77e6ded13c`)).toBe(USDT_HEX);
    expect(decodeAddressWord(`${'ff'.repeat(12)}a614f803b6fd780986a42c78ec9c7f77e6ded13c`)).toBe(USDT_HEX);
  });

  it('balanceOf and isBlackListed calldata', () => {
    const word = encodeAddressWord(USDT_HEX);
    expect(bytesToHex(encodeBalanceOfCall(USDT_HEX))).toBe(`70a08231${word}`);
    expect(bytesToHex(encodeIsBlackListedCall(USDT_HEX))).toBe(`e47d6060${word}`);
  });

  it('decodeTransferCall returns null for other selectors and for the wrong length', () => {
    const data = abi.trc20TransferCalldataExample.data;
    expect(decodeTransferCall(`23b872dd${data.slice(8)}`)).toBeNull();
    expect(decodeTransferCall(data.slice(0, -2))).toBeNull();
    expect(decodeTransferCall(`${data}00`)).toBeNull();
    expect(decodeTransferCall('')).toBeNull();
  });

  it('transferCallRecipient reads the same recipient as decodeTransferCall, and nothing where it reads nothing', () => {
    const data = abi.trc20TransferCalldataExample.data;
    const upper = `${data.slice(0, 8)}${data.slice(8).toUpperCase()}`;
    const word11 = `${SELECTORS.transfer}${'00'.repeat(11)}41${data.slice(32)}`;
    for (const calldata of [data, upper, word11, Buffer.from(encodeTransferCall(USDT_HEX, MAX)).toString('hex')]) {
      expect(transferCallRecipient(calldata)).toBe(decodeTransferCall(calldata)?.to);
    }
    for (const calldata of [`23b872dd${data.slice(8)}`, data.slice(0, -2), `${data}00`, '', `${data.slice(0, -1)}g`]) {
      expect(transferCallRecipient(calldata)).toBeNull();
    }
  });

  it('round-trips the extreme amounts', () => {
    for (const amount of [0n, 1n, (1n << 64n) + 5n, MAX]) {
      expect(decodeTransferCall(encodeTransferCall(USDT_HEX, amount))).toEqual({ to: USDT_HEX, amount });
    }
  });
});

describe('uint256 words', () => {
  it('encodes 0, 1 and 2^256-1 and decodes them back', () => {
    expect(encodeUint256(0n)).toBe('0'.repeat(64));
    expect(encodeUint256(1n)).toBe(`${'0'.repeat(63)}1`);
    expect(encodeUint256(MAX)).toBe('f'.repeat(64));
    for (const v of [0n, 1n, 255n, 1n << 255n, MAX]) expect(decodeUint256(encodeUint256(v))).toBe(v);
    expect(decodeUint256('F'.repeat(64))).toBe(MAX);
  });

  it('throws RangeError below 0 and above 2^256-1', () => {
    expect(() => encodeUint256(-1n)).toThrow(RangeError);
    expect(() => encodeUint256(MAX + 1n)).toThrow(RangeError);
    expect(() => encodeTransferCall(USDT_HEX, -1n)).toThrow(RangeError);
    expect(() => encodeTransferCall(USDT_HEX, 1n << 256n)).toThrow(RangeError);
  });

  it('rejects words that are not 64 hex digits', () => {
    expect(() => decodeUint256('0'.repeat(63))).toThrow(TypeError);
    expect(() => decodeUint256(`${'0'.repeat(63)}g`)).toThrow(TypeError);
    expect(() => decodeAddressWord('0'.repeat(66))).toThrow(TypeError);
  });
});

describe('ABI string', () => {
  it.each(['', 'USDT', 'Tether USD', 'x'.repeat(31), 'y'.repeat(32), 'z'.repeat(33), 'Ünïcødé ✓ 🚀', 'a'.repeat(100)])(
    'round-trips %j',
    (text) => {
      const encoded = encodeAbiString(text);
      const byteLength = Buffer.byteLength(text, 'utf8');
      expect(encoded.length).toBe(128 + Math.ceil(byteLength / 32) * 64);
      expect(encoded.slice(0, 64)).toBe(encodeUint256(32n));
      expect(decodeUint256(encoded.slice(64, 128))).toBe(BigInt(byteLength));
      expect(decodeAbiString(encoded)).toBe(text);
    },
  );

  it('decodes the reason of an Error(string) revert (selector 08c379a0 ‖ ABI string)', () => {
    const revert = functionSelector('Error(string)') + encodeAbiString('SafeMath: subtraction overflow');
    expect(revert.slice(0, 8)).toBe(abi.functionSelectors['Error(string)']);
    expect(decodeAbiString(revert.slice(8))).toBe('SafeMath: subtraction overflow');
  });
});

describe('Transfer logs from gettransactioninfobyid (http_responses.json)', () => {
  const cases = [
    {
      key: 'gettransactioninfobyid_usdt_transfer_success_mainnet_2021',
      from: '41e4b8075df69297bc24cc4bbaf48cd17206e1f62c',
      to: '410d0707963952f2fba59dd06f2b425ace40b492fe',
      value: 532_079_999n,
    },
    {
      key: 'gettransactioninfobyid_usdt_transfer_success_mainnet_2024',
      from: '4160e6e92e57d61a9d68b5d95275cc9667d9e6c7c9',
      to: '41cdae4e9a6287333a3f7df432b050af7b17e79e63',
      value: 3_500_000n,
    },
  ];

  it.each(cases.map((c) => [c.key, c] as const))('%s gives from/to/value', (key, c) => {
    const info = transactionInfo(key);
    expect(info.log).toHaveLength(1);
    const log = info.log![0]!;
    const transfer = decodeTransferLog(log);
    expect(transfer).toEqual({ contract: USDT_HEX, from: c.from, to: c.to, value: c.value });
    expect(transfer!.contract).toBe(info.contract_address);
    // Upper-case hex and a 41-prefixed log address decode the same.
    const shouted = {
      address: `41${log.address}`.toUpperCase(),
      topics: log.topics.map((t) => t.toUpperCase()),
      data: log.data!.toUpperCase(),
    };
    expect(decodeTransferLog(shouted)).toEqual(transfer);
  });

  it('returns null for non-Transfer logs and malformed ones', () => {
    const log = transactionInfo(cases[0]!.key).log![0]!;
    const approval = abi.eventTopics['Approval(address,address,uint256)']!;
    expect(decodeTransferLog({ ...log, topics: [approval, ...log.topics.slice(1)] })).toBeNull();
    expect(decodeTransferLog({ ...log, topics: log.topics.slice(0, 2) })).toBeNull();
    expect(decodeTransferLog({ ...log, data: undefined })).toBeNull();
    expect(decodeTransferLog({ ...log, data: `${log.data}00` })).toBeNull();
    expect(decodeTransferLog({ ...log, topics: [] })).toBeNull();
  });
});
