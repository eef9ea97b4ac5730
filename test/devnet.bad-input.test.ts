/**
 * Hostile and malformed input: every request gets java-tron's answer or a clear error naming what
 * is wrong (never a 500 or a crash), and the devnet keeps answering afterwards.
 */
import { connect } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Devnet } from '../src/devnet/devnet.js';
import { bytesToHex } from '../src/tron/bytes.js';
import { ProtoWriter } from '../src/tron/protobuf.js';
import { encodeSignedTransaction, TYPE_URL_PREFIX, transactionToJson } from '../src/tron/transaction.js';
import { getJson, newWallet, postJson, signedTransfer, startTestDevnet, type TestWallet } from './devnet-harness.js';

const TRX = 1_000_000n;
const MIB = 1024 * 1024;

type Json = Record<string, unknown>;

/** POSTs a raw body (not necessarily JSON). */
async function postRaw(url: string, body: string): Promise<{ status: number; json: Json }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: res.status, json: (await res.json()) as Json };
}

/** Expects java-tron's servlet error shape: HTTP 200 `{"Error": "class <java class> : <message>"}`. */
function expectServletError(res: { status: number; json: Json }, javaClass: string, mentions: RegExp): void {
  expect(res.status).toBe(200);
  expect(Object.keys(res.json)).toEqual(['Error']);
  const text = res.json.Error as string;
  expect(text.startsWith(`class ${javaClass} : `), text).toBe(true);
  expect(text).toMatch(mentions);
}

/** Sends a request over a raw socket and collects the whole answer until the server closes the connection. */
function rawExchange(url: string, head: string, body: Buffer): Promise<{ response: string; closedByServer: boolean }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no close; got ${Buffer.concat(chunks).toString('latin1').slice(0, 200)}`));
    }, 5000);
    socket.on('data', (c: Buffer) => chunks.push(c));
    // The server may close while the body is still being written (EPIPE / ECONNRESET): that is the point.
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ response: Buffer.concat(chunks).toString('latin1'), closedByServer: true });
    });
    socket.write(head);
    socket.write(body);
  });
}

describe('devnet under malformed input', () => {
  let devnet: Devnet;
  let payer: TestWallet;
  const url = (path: string) => `${devnet.url}${path}`;

  beforeAll(async () => {
    devnet = await startTestDevnet();
    payer = newWallet();
    devnet.fund(payer.base58, { trx: 100n * TRX });
    devnet.mine(1);
  });

  afterEach(async () => {
    // after every hostile request the node still serves a normal one
    const { status, json } = await getJson(url('/wallet/getnowblock'));
    expect(status).toBe(200);
    expect(json.blockID).toBe(devnet.chain.head.id);
  });

  afterAll(async () => {
    await devnet.stop();
  });

  describe('bodies that are not a JSON object', () => {
    it('answers malformed JSON with a fastjson JSONException', async () => {
      for (const body of ['{"address":', '{address: 1}', "{'a': 1}", '{"a":1}}', '\u0000\u0001', '{"a":1,}']) {
        expectServletError(await postRaw(url('/wallet/getaccount'), body), 'com.alibaba.fastjson.JSONException', /./);
      }
    });

    it('answers a JSON array, string, number or null body with a JSONException naming the object', async () => {
      for (const body of ['[1,2]', '[]', '"text"', '42', 'null', 'true']) {
        expectServletError(await postRaw(url('/wallet/getaccount'), body), 'com.alibaba.fastjson.JSONException', /JSON object/);
      }
      expectServletError(
        await postRaw(url('/wallet/broadcasttransaction'), '[{"raw_data":{}}]'),
        'com.alibaba.fastjson.JSONException',
        /JSON object/,
      );
    });

    it('rejects non-object bodies on /devnet/* the same way', async () => {
      expectServletError(await postRaw(url('/devnet/faucet'), '[1]'), 'com.alibaba.fastjson.JSONException', /JSON object/);
      expectServletError(await postRaw(url('/devnet/faults'), '{"'), 'com.alibaba.fastjson.JSONException', /./);
      expect((await getJson(url('/devnet/faults'))).json.error_rate).toBe(0);
    });
  });

  describe('wrong types', () => {
    it('names the parameter: {"address": 123}, {"num": "abc"}, {"value": {}}, {"detail": "maybe"}', async () => {
      expectServletError(await postJson(url('/wallet/getaccount'), { address: 123 }), 'java.lang.IllegalArgumentException', /address/);
      expectServletError(await postJson(url('/wallet/getaccount'), { address: ['T'] }), 'java.lang.IllegalArgumentException', /address/);
      expectServletError(await postJson(url('/wallet/getaccount'), {}), 'java.lang.IllegalArgumentException', /address is required/);
      expectServletError(
        await postJson(url('/wallet/getblockbynum'), { num: 'abc' }),
        'java.lang.NumberFormatException',
        /num must be an integer/,
      );
      expectServletError(await postJson(url('/wallet/getblockbynum'), { num: 1.5 }), 'java.lang.NumberFormatException', /num/);
      expectServletError(
        await postJson(url('/wallet/gettransactionbyid'), { value: {} }),
        'java.lang.IllegalArgumentException',
        /value must be a string/,
      );
      expectServletError(await postJson(url('/wallet/getblockbyid'), { value: 7 }), 'java.lang.IllegalArgumentException', /value/);
      expectServletError(await postJson(url('/wallet/getblock'), { detail: 'maybe' }), 'java.lang.IllegalArgumentException', /detail/);
      expectServletError(
        await postJson(url('/wallet/getblockbylimitnext'), { startNum: 'a', endNum: 2 }),
        'java.lang.NumberFormatException',
        /startNum/,
      );
      expectServletError(
        await postJson(url('/wallet/triggerconstantcontract'), { contract_address: devnet.chain.token.address, function_selector: 5 }),
        'java.lang.IllegalArgumentException',
        /function_selector/,
      );
      expectServletError(
        await postJson(url('/wallet/broadcasttransaction'), {
          raw_data: { contract: [{ type: 'TransferContract', parameter: { value: 'x' } }] },
        }),
        'org.tron.core.exception.BadItemException',
        /raw_data\.contract\[0\]\.parameter\.value/,
      );
      expectServletError(
        await postJson(url('/wallet/broadcasttransaction'), { raw_data: { contract: [null] } }),
        'org.tron.core.exception.BadItemException',
        /raw_data\.contract\[0\]/,
      );
    });

    it('answers a broadcast without contract like java-tron: CONTRACT_VALIDATE_ERROR "No contract!"', async () => {
      for (const body of [{}, { raw_data: 'x' }, { raw_data: { contract: [] } }]) {
        const { status, json } = await postJson(url('/wallet/broadcasttransaction'), body);
        expect(status).toBe(200);
        expect(json.code).toBe('CONTRACT_VALIDATE_ERROR');
        expect(Buffer.from(json.message as string, 'hex').toString()).toBe('Contract validate error : No contract!');
      }
    });
  });

  describe('addresses', () => {
    it('answers {} for a well-formed unknown address and an Error naming the field for a malformed one', async () => {
      expect((await postJson(url('/wallet/getaccount'), { address: newWallet().base58 })).json).toEqual({});
      expect((await postJson(url('/wallet/getcontract'), { value: newWallet().hex })).json).toEqual({});
      const mistyped = payer.base58.slice(0, -1) + (payer.base58.endsWith('1') ? '2' : '1');
      expectServletError(
        await postJson(url('/wallet/getaccount'), { address: mistyped }),
        'java.lang.IllegalArgumentException',
        /Invalid address: .*checksum/,
      );
      expectServletError(
        await postJson(url('/wallet/getaccount'), { address: '41zz' }),
        'java.lang.IllegalArgumentException',
        /Invalid address/,
      );
      expectServletError(
        await postJson(url('/wallet/getaccount'), { address: 'T'.repeat(100_000) }),
        'java.lang.IllegalArgumentException',
        /Invalid address/,
      );
      expectServletError(
        await postJson(url('/wallet/createtransaction'), { owner_address: payer.hex, to_address: '0x1234', amount: 1 }),
        'java.lang.IllegalArgumentException',
        /Invalid to_address/,
      );
      expectServletError(
        await postJson(url('/wallet/triggersmartcontract'), { owner_address: 'nope', contract_address: devnet.chain.token.address }),
        'java.lang.IllegalArgumentException',
        /Invalid owner_address/,
      );
      const bad = await getJson(url('/v1/accounts/0xdeadbeef/transactions/trc20'));
      expect(bad.status).toBe(400);
      expect(bad.json).toMatchObject({ success: false, error: expect.stringMatching(/address/) });
    });

    it('answers malformed percent-escapes in TronGrid paths with 400, not 500', async () => {
      for (const path of ['/v1/accounts/%E0%A4%A/transactions/trc20', '/v1/contracts/%ZZ/events']) {
        const { status, json } = await getJson(url(path));
        expect(status, path).toBe(400);
        expect(json).toMatchObject({ success: false, error: expect.stringMatching(/address/) });
      }
    });
  });

  describe('non-hex strings', () => {
    it('in value (transaction and block ids)', async () => {
      for (const path of [
        '/wallet/gettransactionbyid',
        '/wallet/gettransactioninfobyid',
        '/walletsolidity/gettransactionbyid',
        '/wallet/getblockbyid',
      ]) {
        expectServletError(
          await postJson(url(path), { value: 'zz'.repeat(32) }),
          'java.lang.IllegalArgumentException',
          /value must be a hex string/,
        );
      }
      // well-formed but unknown ids are simply not found
      expect((await postJson(url('/wallet/gettransactionbyid'), { value: 'ab'.repeat(32) })).json).toEqual({});
      expect((await postJson(url('/wallet/getblockbyid'), { value: `0x${'ab'.repeat(32)}` })).json).toEqual({});
    });

    it('in transaction (broadcasthex)', async () => {
      expectServletError(
        await postJson(url('/wallet/broadcasthex'), { transaction: 'xyz!' }),
        'java.lang.IllegalArgumentException',
        /transaction must be a hex string/,
      );
      expectServletError(
        await postJson(url('/wallet/broadcasthex'), { transaction: 'abc' }),
        'java.lang.IllegalArgumentException',
        /transaction/,
      );
      expectServletError(
        await postJson(url('/wallet/broadcasthex'), { transaction: {} }),
        'java.lang.IllegalArgumentException',
        /transaction/,
      );
      expectServletError(await postJson(url('/wallet/broadcasthex'), {}), 'java.lang.IllegalArgumentException', /transaction/);
    });

    it('in raw_data.ref_block_hash, signature, data and parameter', async () => {
      const body = transactionToJson(signedTransfer(devnet, payer, devnet.faucetAddress, TRX));
      const withRef = { ...body, raw_data: { ...(body.raw_data as Json), ref_block_hash: 'not-hex!' } };
      expectServletError(
        await postJson(url('/wallet/broadcasttransaction'), withRef),
        'org.tron.core.exception.BadItemException',
        /raw_data\.ref_block_hash/,
      );
      expectServletError(
        await postJson(url('/wallet/broadcasttransaction'), { ...body, signature: ['0xgg'] }),
        'org.tron.core.exception.BadItemException',
        /signature\[0\]/,
      );
      expectServletError(
        await postJson(url('/wallet/broadcasttransaction'), { ...body, signature: 'ab' }),
        'org.tron.core.exception.BadItemException',
        /signature/,
      );
      expectServletError(
        await postJson(url('/wallet/triggerconstantcontract'), { contract_address: devnet.chain.token.address, data: 'zz' }),
        'java.lang.IllegalArgumentException',
        /data must be a hex string/,
      );
      expectServletError(
        await postJson(url('/wallet/triggerconstantcontract'), {
          contract_address: devnet.chain.token.address,
          function_selector: 'balanceOf(address)',
          parameter: 'xyz',
        }),
        'java.lang.IllegalArgumentException',
        /parameter must be a hex string/,
      );
    });
  });

  describe('protobuf', () => {
    it('answers a truncated protobuf in broadcasthex with InvalidProtocolBufferException', async () => {
      const full = encodeSignedTransaction(signedTransfer(devnet, payer, devnet.faucetAddress, TRX));
      for (const cut of [1, 10, full.length - 70, full.length - 1]) {
        const res = await postJson(url('/wallet/broadcasthex'), { transaction: bytesToHex(full.subarray(0, cut)) });
        expectServletError(res, 'com.google.protobuf.InvalidProtocolBufferException', /./);
      }
      // garbage bytes, a varint that never ends, an unknown wire type
      for (const hex of ['ff', 'ffffffffffffffffffffff', '0d00000000']) {
        expectServletError(
          await postJson(url('/wallet/broadcasthex'), { transaction: hex }),
          'com.google.protobuf.InvalidProtocolBufferException',
          /./,
        );
      }
    });

    it('answers an unknown contract type, as JSON and as protobuf, naming the type', async () => {
      expectServletError(
        await postJson(url('/wallet/broadcasttransaction'), {
          raw_data: { contract: [{ type: 'FreezeBalanceContract', parameter: { value: { owner_address: payer.hex } } }] },
          signature: [],
        }),
        'org.tron.core.exception.BadItemException',
        /unsupported contract type FreezeBalanceContract/,
      );
      // TransferAssetContract (type 2) inside an otherwise well-formed signed transaction
      const any = new ProtoWriter()
        .bytes(1, Buffer.from(`${TYPE_URL_PREFIX}TransferAssetContract`))
        .bytes(2, Uint8Array.of(0x18, 0x01))
        .finish();
      const contract = new ProtoWriter().int64(1, 2).bytes(2, any).finish();
      const raw = new ProtoWriter().bytes(1, Uint8Array.of(0, 1)).int64(8, 1n).bytesAlways(11, contract).finish();
      const signed = new ProtoWriter().bytesAlways(1, raw).bytesAlways(2, new Uint8Array(65)).finish();
      expectServletError(
        await postJson(url('/wallet/broadcasthex'), { transaction: bytesToHex(signed) }),
        'com.google.protobuf.InvalidProtocolBufferException',
        /unsupported contract type 2/,
      );
    });
  });

  describe('integers beyond int64', () => {
    const transferBody = (amount: unknown) => {
      const body = transactionToJson(signedTransfer(devnet, payer, devnet.faucetAddress, TRX));
      const raw = body.raw_data as { contract: { parameter: { value: Json } }[] };
      const value = raw.contract[0]?.parameter.value as Json;
      value.amount = amount;
      return body;
    };

    it('rejects an amount above 2^63 in a broadcast body instead of wrapping it', async () => {
      for (const amount of ['18446744073709551617', '9223372036854775808', '-9223372036854775809']) {
        expectServletError(
          await postJson(url('/wallet/broadcasttransaction'), transferBody(amount)),
          'org.tron.core.exception.BadItemException',
          /raw_data\.contract\[0\]\.parameter\.value\.amount: must fit in a signed 64-bit integer/,
        );
      }
      // a JSON number that lost precision is refused too
      expectServletError(
        await postRaw(
          url('/wallet/broadcasttransaction'),
          JSON.stringify(transferBody(1)).replace('"amount":1', '"amount":99999999999999999999'),
        ),
        'org.tron.core.exception.BadItemException',
        /amount: must be an integer/,
      );
    });

    it('rejects request integers above 2^63 - 1 (createtransaction amount, triggersmartcontract fee_limit, getblockbynum num)', async () => {
      expectServletError(
        await postJson(url('/wallet/createtransaction'), {
          owner_address: payer.hex,
          to_address: devnet.faucetAddress,
          amount: '9999999999999999999',
        }),
        'java.lang.NumberFormatException',
        /amount must be an integer/,
      );
      expectServletError(
        await postJson(url('/wallet/triggersmartcontract'), {
          owner_address: payer.hex,
          contract_address: devnet.chain.token.address,
          function_selector: 'decimals()',
          fee_limit: '9223372036854775808',
        }),
        'java.lang.NumberFormatException',
        /fee_limit must be an integer/,
      );
      expectServletError(await postJson(url('/wallet/getblockbynum'), { num: 2 ** 63 }), 'java.lang.NumberFormatException', /num/);
      expectServletError(
        await postJson(url('/wallet/getblockbynum'), { num: '99999999999999999999' }),
        'java.lang.NumberFormatException',
        /num/,
      );
      // the largest int64 is a valid number for a block that does not exist
      expect((await postJson(url('/wallet/getblockbynum'), { num: '9223372036854775807' })).json).toEqual({});
      expect((await postJson(url('/wallet/getblockbynum'), { num: -1 })).json).toEqual({});
    });
  });

  describe('paths and methods', () => {
    it('answers unknown paths with 404 naming the path', async () => {
      for (const path of [
        '/wallet/nosuch',
        '/walletsolidity/createtransaction',
        '/nosuch',
        '/v1/accounts/x/other',
        '/devnet/nosuch',
        '/wallet/%ZZ',
      ]) {
        const res = await fetch(url(path), { method: 'POST', body: '{}' });
        expect(res.status, path).toBe(404);
        expect(((await res.json()) as Json).Error).toContain('no such endpoint');
      }
    });

    it('answers a wrong method on a /devnet route with 405', async () => {
      const res = await fetch(url('/devnet/faucet'));
      expect(res.status).toBe(405);
    });
  });

  describe('size and load', () => {
    it('answers a 5 MiB body with 413 and closes the connection', async () => {
      const body = Buffer.alloc(5 * MIB, 0x20);
      const head = `POST /wallet/getaccount HTTP/1.1\r\nHost: devnet\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
      const { response, closedByServer } = await rawExchange(devnet.url, head, body);
      expect(response.startsWith('HTTP/1.1 413')).toBe(true);
      expect(response.toLowerCase()).toContain('connection: close');
      expect(response).toMatch(/larger than \d+ bytes/);
      expect(closedByServer).toBe(true);
    });

    it('survives a bounded burst of 200 concurrent malformed requests, then answers a normal one', async () => {
      const bodies = ['{"address":', '[1]', '{"num":"x"}', '{"value":{}}', '{"transaction":"zz"}'];
      const paths = [
        '/wallet/getaccount',
        '/wallet/getblockbynum',
        '/wallet/gettransactionbyid',
        '/wallet/broadcasthex',
        '/wallet/broadcasttransaction',
      ];
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) => postRaw(url(paths[i % paths.length] as string), bodies[(i * 3) % bodies.length] as string)),
      );
      expect(answers.every((a) => a.status === 200)).toBe(true);
      expect(answers.every((a) => typeof a.json.Error === 'string' || typeof a.json.code === 'string')).toBe(true);
      const { json } = await postJson(url('/wallet/getaccount'), { address: payer.base58, visible: true });
      expect(json.address).toBe(payer.base58);
    });
  });
});
