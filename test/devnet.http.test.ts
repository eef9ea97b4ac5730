/**
 * java-tron response shapes and reads (PROTOCOL.md §4): accounts, blocks (whose ids, tx roots and
 * witness signatures recompute with the toolkit), transactions and receipts on /wallet and
 * /walletsolidity, node-built transactions, node info, contracts, and the /devnet/* developer routes.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Devnet } from '../src/devnet/devnet.js';
import { bytesToBase58Address } from '../src/tron/address.js';
import { type BlockHeaderRaw, blockHeaderHash, computeBlockId, computeTxTrieRoot } from '../src/tron/block.js';
import { bytesToHex, hexToBytes } from '../src/tron/bytes.js';
import {
  CONTRACT_RESULT,
  encodeSignedTransaction,
  encodeTransactionRaw,
  recoverSigner,
  signTransaction,
  transactionFromJson,
} from '../src/tron/transaction.js';
import { encodeTransferParameter, SELECTORS } from '../src/tron/trc20.js';
import {
  broadcast,
  getJson,
  mineUntilSolid,
  newWallet,
  postJson,
  signedTransfer,
  signedUsdtTransfer,
  startTestDevnet,
  TEST_SOLIDIFY_LAG,
  type TestWallet,
} from './devnet-harness.js';

const TRX = 1_000_000n;

type Json = Record<string, unknown>;
type BlockJson = {
  blockID: string;
  block_header: {
    raw_data: { number?: number; txTrieRoot: string; witness_address: string; parentHash: string; version: number; timestamp?: number };
    witness_signature: string;
  };
  transactions?: (Json & { ret: { contractRet: string }[]; txID: string })[];
};

function headerOf(block: BlockJson): BlockHeaderRaw {
  const r = block.block_header.raw_data;
  return {
    timestamp: BigInt(r.timestamp ?? 0),
    txTrieRoot: hexToBytes(r.txTrieRoot),
    parentHash: hexToBytes(r.parentHash),
    number: BigInt(r.number ?? 0),
    witnessAddress: hexToBytes(r.witness_address),
    version: r.version,
  };
}

describe('devnet HTTP reads and shapes', () => {
  let devnet: Devnet;
  let payer: TestWallet;
  const post = (path: string, body: unknown = {}) => postJson(`${devnet.url}${path}`, body);

  beforeAll(async () => {
    devnet = await startTestDevnet();
    payer = newWallet();
    devnet.fund(payer.base58, { trx: 1000n * TRX, usdt: 100n * TRX });
    mineUntilSolid(devnet);
  });

  afterAll(async () => {
    await devnet.stop();
  });

  describe('accounts', () => {
    it('answers {} for an address that never received TRX', async () => {
      const { status, json } = await post('/wallet/getaccount', { address: newWallet().hex });
      expect(status).toBe(200);
      expect(json).toEqual({});
      expect((await post('/walletsolidity/getaccount', { address: newWallet().base58, visible: true })).json).toEqual({});
    });

    it('prints a funded account with java-tron keys, defaults omitted, base58 with visible=true', async () => {
      const fresh = newWallet();
      devnet.fund(fresh.base58, { trx: 7n * TRX });
      devnet.mine(1);
      const { json } = await post('/wallet/getaccount', { address: fresh.base58, visible: true });
      const key = { address: fresh.base58, weight: 1 };
      expect(json).toEqual({
        address: fresh.base58,
        balance: 7_000_000,
        create_time: expect.any(Number),
        net_window_size: 28_800_000,
        net_window_optimized: true,
        account_resource: { energy_window_size: 28_800_000, energy_window_optimized: true },
        owner_permission: { permission_name: 'owner', threshold: 1, keys: [key] },
        active_permission: [
          {
            type: 'Active',
            id: 2,
            permission_name: 'active',
            threshold: 1,
            operations: '7fff1fc0033efb0f000000000000000000000000000000000000000000000000',
            keys: [key],
          },
        ],
        frozenV2: [{}, { type: 'ENERGY' }, { type: 'TRON_POWER' }],
      });
      // hex in, hex out; GET with the query string works the same
      const hex = (await post('/wallet/getaccount', { address: fresh.hex })).json;
      expect(hex.address).toBe(fresh.hex);
      expect((hex.owner_permission as { keys: { address: string }[] }).keys[0]?.address).toBe(fresh.hex);
      const viaGet = (await getJson(`${devnet.url}/wallet/getaccount?address=${fresh.base58}&visible=true`)).json;
      expect(viaGet).toEqual(json);

      // After it spends, the operation and free-bandwidth fields appear.
      await broadcast(devnet, signedTransfer(devnet, fresh, devnet.faucetAddress, TRX));
      devnet.mine(1);
      const after = (await post('/wallet/getaccount', { address: fresh.base58, visible: true })).json;
      expect(after.balance).toBe(6_000_000);
      expect(after.latest_opration_time).toEqual(expect.any(Number));
      expect(after.free_net_usage).toBeGreaterThan(260);
      expect(after.latest_consume_free_time).toEqual(expect.any(Number));
    });

    it('shows a new account on /walletsolidity/getaccount only once its block is solidified', async () => {
      const fresh = newWallet();
      devnet.fund(fresh.base58, { trx: 3n * TRX });
      devnet.mine(1);
      expect((await post('/wallet/getaccount', { address: fresh.hex })).json.balance).toBe(3_000_000);
      for (let i = 0; i < TEST_SOLIDIFY_LAG; i++) {
        expect((await post('/walletsolidity/getaccount', { address: fresh.hex })).json).toEqual({});
        devnet.mine(1);
      }
      expect((await post('/walletsolidity/getaccount', { address: fresh.hex })).json.balance).toBe(3_000_000);
    });

    it('keeps the solidified balance until the spend is solidified', async () => {
      const fresh = newWallet();
      devnet.fund(fresh.base58, { trx: 10n * TRX });
      mineUntilSolid(devnet);
      await broadcast(devnet, signedTransfer(devnet, fresh, devnet.faucetAddress, 4n * TRX));
      devnet.mine(1);
      expect((await post('/wallet/getaccount', { address: fresh.hex })).json.balance).toBe(6_000_000);
      expect((await post('/walletsolidity/getaccount', { address: fresh.hex })).json.balance).toBe(10_000_000);
      mineUntilSolid(devnet);
      expect((await post('/walletsolidity/getaccount', { address: fresh.hex })).json.balance).toBe(6_000_000);
    });
  });

  describe('blocks', () => {
    it('getnowblock on /walletsolidity trails /wallet by the solidification lag', async () => {
      devnet.mine(1);
      const head = (await getJson(`${devnet.url}/wallet/getnowblock`)).json as unknown as BlockJson;
      const solid = (await post('/walletsolidity/getnowblock')).json as unknown as BlockJson;
      expect(head.blockID).toBe(devnet.chain.head.id);
      expect(head.block_header.raw_data.number).toBe(Number(devnet.chain.head.number));
      expect(solid.block_header.raw_data.number).toBe((head.block_header.raw_data.number ?? 0) - TEST_SOLIDIFY_LAG);
      expect(solid.blockID).toBe(devnet.chain.solidBlock.id);
    });

    it('getblock by number, by id and latest; detail false omits transactions, detail true includes them', async () => {
      const tx = signedTransfer(devnet, payer, devnet.faucetAddress, TRX);
      await broadcast(devnet, tx);
      const [withTx] = devnet.mine(1);
      const [empty] = devnet.mine(1);
      if (!withTx || !empty) throw new Error('no blocks mined');

      const byNum = (await post('/wallet/getblock', { id_or_num: String(withTx.number), detail: true })).json as unknown as BlockJson;
      expect(byNum.blockID).toBe(withTx.id);
      expect(byNum.transactions?.map((t) => t.txID)).toEqual([tx.txID]);
      const byId = (await post('/wallet/getblock', { id_or_num: withTx.id, detail: true })).json;
      expect(byId).toEqual(byNum);
      const noDetail = (await post('/wallet/getblock', { id_or_num: String(withTx.number), detail: false })).json;
      expect(noDetail).not.toHaveProperty('transactions');
      expect(noDetail.blockID).toBe(withTx.id);
      const defaultDetail = (await post('/wallet/getblock', { id_or_num: String(withTx.number) })).json;
      expect(defaultDetail).not.toHaveProperty('transactions');

      const latest = (await post('/wallet/getblock', { detail: false })).json;
      expect(latest.blockID).toBe(empty.id);
      const emptyDetail = (await post('/wallet/getblock', { id_or_num: String(empty.number), detail: true })).json;
      expect(emptyDetail).not.toHaveProperty('transactions');
      expect(Object.keys(emptyDetail)).toEqual(['blockID', 'block_header']);

      // /walletsolidity does not show blocks above the solid block
      expect((await post('/walletsolidity/getblock', { id_or_num: String(withTx.number) })).json).toEqual({});
      expect((await post('/walletsolidity/getblock', { id_or_num: withTx.id })).json).toEqual({});
      expect((await post('/walletsolidity/getblock', {})).json.blockID).toBe(devnet.chain.solidBlock.id);
      // unknown ones
      expect((await post('/wallet/getblock', { id_or_num: '999999' })).json).toEqual({});
      expect((await post('/wallet/getblock', { id_or_num: 'ab'.repeat(32) })).json).toEqual({});
    });

    it('getblockbynum and getblockbyid; /walletsolidity answers {} above the solid block', async () => {
      const head = devnet.chain.head;
      expect((await post('/wallet/getblockbynum', { num: Number(head.number) })).json.blockID).toBe(head.id);
      expect((await getJson(`${devnet.url}/wallet/getblockbynum?num=${head.number}`)).json.blockID).toBe(head.id);
      expect((await post('/wallet/getblockbyid', { value: head.id })).json.blockID).toBe(head.id);
      expect((await post('/wallet/getblockbyid', { value: head.id.toUpperCase() })).json.blockID).toBe(head.id);
      expect((await post('/walletsolidity/getblockbynum', { num: Number(head.number) })).json).toEqual({});
      expect((await post('/walletsolidity/getblockbyid', { value: head.id })).json).toEqual({});
      const solid = devnet.chain.solidBlock;
      expect((await post('/walletsolidity/getblockbyid', { value: solid.id })).json.blockID).toBe(solid.id);
      expect((await post('/wallet/getblockbynum', { num: Number(head.number) + 1 })).json).toEqual({});
      // genesis prints without `number` (proto3 default)
      const genesis = (await post('/wallet/getblockbynum', { num: 0 })).json as unknown as BlockJson;
      expect(genesis.block_header.raw_data).not.toHaveProperty('number');
      expect(genesis.block_header.raw_data.parentHash).toBe('0'.repeat(64));
    });

    it('getblockbylimitnext is end-exclusive, stops at the head, and answers {} for more than 100 blocks', async () => {
      const { json } = await post('/wallet/getblockbylimitnext', { startNum: 1, endNum: 4 });
      const blocks = (json.block as BlockJson[]).map((b) => b.block_header.raw_data.number);
      expect(blocks).toEqual([1, 2, 3]);
      expect((await post('/wallet/getblockbylimitnext', { startNum: 0, endNum: 100 })).json).toHaveProperty('block');
      expect((await post('/wallet/getblockbylimitnext', { startNum: 0, endNum: 101 })).json).toEqual({});
      expect((await post('/wallet/getblockbylimitnext', { startNum: 5, endNum: 5 })).json).toEqual({});
      const top = Number(devnet.chain.head.number);
      const tail = (await post('/wallet/getblockbylimitnext', { startNum: top - 1, endNum: top + 10 })).json.block as BlockJson[];
      expect(tail.map((b) => b.block_header.raw_data.number)).toEqual([top - 1, top]);
      const solidTop = Number(devnet.chain.solidNumber);
      const solidTail = (await post('/walletsolidity/getblockbylimitnext', { startNum: solidTop, endNum: top + 1 })).json
        .block as BlockJson[];
      expect(solidTail.map((b) => b.block_header.raw_data.number)).toEqual([solidTop]);
    });

    it('getblockbylatestnum returns the newest blocks in ascending order', async () => {
      const top = Number(devnet.chain.head.number);
      const { json } = await post('/wallet/getblockbylatestnum', { num: 3 });
      expect((json.block as BlockJson[]).map((b) => b.block_header.raw_data.number)).toEqual([top - 2, top - 1, top]);
      const solid = (await post('/walletsolidity/getblockbylatestnum', { num: 1 })).json.block as BlockJson[];
      expect(solid.map((b) => b.blockID)).toEqual([devnet.chain.solidBlock.id]);
      expect((await post('/wallet/getblockbylatestnum', { num: 0 })).json).toEqual({});
      expect((await post('/wallet/getblockbylatestnum', { num: 101 })).json).toEqual({});
    });

    it('every block recomputes: blockID from its header, txTrieRoot over the signed transactions with ret, witness signature, parentHash chain', async () => {
      // a block with several transactions of different outcomes (SUCCESS, REVERT)
      await broadcast(devnet, signedTransfer(devnet, payer, devnet.faucetAddress, TRX));
      await broadcast(devnet, signedUsdtTransfer(devnet, payer, newWallet().base58, TRX));
      await broadcast(devnet, signedUsdtTransfer(devnet, payer, newWallet().base58, 10n ** 15n));
      devnet.mine(1);
      const top = Number(devnet.chain.head.number);
      const blocks: BlockJson[] = [];
      for (let start = 0; start <= top; start += 100) {
        const { json } = await post('/wallet/getblockbylimitnext', { startNum: start, endNum: Math.min(start + 100, top + 1) });
        blocks.push(...(json.block as BlockJson[]));
      }
      expect(blocks).toHaveLength(top + 1);
      const rets = new Set<string>();
      let parent = '0'.repeat(64);
      for (const [i, block] of blocks.entries()) {
        const header = headerOf(block);
        expect(Number(header.number)).toBe(i);
        expect(computeBlockId(header)).toBe(block.blockID);
        expect(bytesToHex(header.parentHash)).toBe(parent);
        parent = block.blockID;
        const encoded = (block.transactions ?? []).map((t) => {
          const ret = t.ret[0]?.contractRet as keyof typeof CONTRACT_RESULT;
          rets.add(ret);
          return encodeSignedTransaction(transactionFromJson(t), CONTRACT_RESULT[ret]);
        });
        expect(bytesToHex(computeTxTrieRoot(encoded))).toBe(bytesToHex(header.txTrieRoot));
        const signer = recoverSigner(blockHeaderHash(header), hexToBytes(block.block_header.witness_signature));
        expect(signer && bytesToHex(signer)).toBe(block.block_header.raw_data.witness_address);
        expect(block.block_header.raw_data.version).toBe(34);
      }
      expect(rets).toEqual(new Set(['SUCCESS', 'REVERT']));
      // visible=true prints the witness in base58
      const visible = (await post('/wallet/getnowblock', { visible: true })).json as unknown as BlockJson;
      expect(visible.block_header.raw_data.witness_address).toBe(
        bytesToBase58Address(hexToBytes(blocks[0]?.block_header.raw_data.witness_address ?? '')),
      );
    });
  });

  describe('transactions', () => {
    it('gettransactionbyid is {} while pending, then the java-tron shape', async () => {
      const tx = signedTransfer(devnet, payer, devnet.faucetAddress, TRX);
      await broadcast(devnet, tx);
      expect((await post('/wallet/gettransactionbyid', { value: tx.txID })).json).toEqual({});
      devnet.mine(1);
      const { json } = await post('/wallet/gettransactionbyid', { value: tx.txID });
      expect(Object.keys(json)).toEqual(['ret', 'signature', 'txID', 'raw_data', 'raw_data_hex']);
      expect(json.ret).toEqual([{ contractRet: 'SUCCESS' }]);
      expect(json.signature).toEqual([bytesToHex(tx.signatures[0] as Uint8Array)]);
      expect(json.txID).toBe(tx.txID);
      expect(json.raw_data_hex).toBe(bytesToHex(tx.rawBytes));
      expect(bytesToHex(encodeTransactionRaw(transactionFromJson(json).raw))).toBe(json.raw_data_hex);
      expect((await post('/walletsolidity/gettransactionbyid', { value: tx.txID })).json).toEqual({});
      mineUntilSolid(devnet);
      expect((await post('/walletsolidity/gettransactionbyid', { value: tx.txID })).json).toEqual(json);
      // upper-case ids are found too
      expect((await post('/wallet/gettransactionbyid', { value: tx.txID.toUpperCase() })).json.txID).toBe(tx.txID);
    });

    it('gettransactioninfobyid: /wallet once mined, /walletsolidity once solidified', async () => {
      const tx = signedUsdtTransfer(devnet, payer, newWallet().base58, TRX);
      await broadcast(devnet, tx);
      expect((await post('/wallet/gettransactioninfobyid', { value: tx.txID })).json).toEqual({});
      const [block] = devnet.mine(1);
      const full = (await post('/wallet/gettransactioninfobyid', { value: tx.txID })).json;
      expect(full).toMatchObject({
        id: tx.txID,
        blockNumber: Number(block?.number),
        blockTimeStamp: Number(block?.header.timestamp),
        contractResult: ['0'.repeat(64)],
        contract_address: devnet.chain.token.address,
      });
      const log = (full.log as { address: string; topics: string[]; data: string }[])[0];
      expect(log?.address).toBe(devnet.chain.token.address.slice(2));
      expect(log?.topics).toHaveLength(3);
      expect((await post('/walletsolidity/gettransactioninfobyid', { value: tx.txID })).json).toEqual({});
      mineUntilSolid(devnet);
      expect((await post('/walletsolidity/gettransactioninfobyid', { value: tx.txID })).json).toEqual(full);
      // visible=true prints addresses in base58
      const visible = (await post('/wallet/gettransactioninfobyid', { value: tx.txID, visible: true })).json;
      expect(visible.contract_address).toBe(devnet.usdtAddress);
      expect((visible.log as { address: string }[])[0]?.address).toBe(devnet.usdtAddress);
    });

    it('gettransactioninfobyblocknum: an array, [] for an empty block, {} for num 0', async () => {
      const a = signedTransfer(devnet, payer, devnet.faucetAddress, TRX);
      const b = signedTransfer(devnet, payer, devnet.faucetAddress, 2n * TRX);
      await broadcast(devnet, a);
      await broadcast(devnet, b);
      const [full] = devnet.mine(1);
      const [empty] = devnet.mine(1);
      const infos = (await post('/wallet/gettransactioninfobyblocknum', { num: Number(full?.number) })).json as unknown as Json[];
      expect(Array.isArray(infos)).toBe(true);
      expect(infos.map((i) => i.id)).toEqual([a.txID, b.txID]);
      expect(infos[0]).toEqual((await post('/wallet/gettransactioninfobyid', { value: a.txID })).json);
      expect((await post('/wallet/gettransactioninfobyblocknum', { num: Number(empty?.number) })).json).toEqual([]);
      expect((await post('/wallet/gettransactioninfobyblocknum', { num: 0 })).json).toEqual({});
      expect((await post('/walletsolidity/gettransactioninfobyblocknum', { num: Number(full?.number) })).json).toEqual([]);
      expect((await post('/wallet/gettransactioncountbyblocknum', { num: Number(full?.number) })).json).toEqual({ count: 2 });
    });
  });

  describe('node-built transactions', () => {
    it('createtransaction returns an unsigned tx referencing the solidified block that broadcasts once signed', async () => {
      const to = newWallet();
      const { json } = await post('/wallet/createtransaction', { owner_address: payer.hex, to_address: to.hex, amount: 2_000_000 });
      expect(json).not.toHaveProperty('signature');
      expect(json.visible).toBe(false);
      const raw = json.raw_data as Json;
      const solid = devnet.chain.solidBlock;
      expect(raw.ref_block_bytes).toBe(solid.id.slice(12, 16));
      expect(raw.ref_block_hash).toBe(solid.id.slice(16, 32));
      expect(raw.expiration).toBe(Number(devnet.chain.head.header.timestamp) + 60_000);
      expect(json.txID).toBe(
        createHash('sha256')
          .update(hexToBytes(json.raw_data_hex as string))
          .digest('hex'),
      );
      const tx = transactionFromJson(json);
      expect(tx.txID).toBe(json.txID);
      const signed = signTransaction(tx, hexToBytes(payer.privateKey));
      expect((await broadcast(devnet, signed)).json).toEqual({ result: true, txid: json.txID });
      devnet.mine(1);
      expect((await post('/wallet/getaccount', { address: to.hex })).json.balance).toBe(2_000_000);
      // visible=true: base58 in and out
      const visible = (
        await post('/wallet/createtransaction', { owner_address: payer.base58, to_address: to.base58, amount: 1, visible: true })
      ).json;
      const value = ((visible.raw_data as Json).contract as { parameter: { value: Json } }[])[0]?.parameter.value;
      expect(value).toEqual({ amount: 1, owner_address: payer.base58, to_address: to.base58 });
    });

    it('createtransaction with insufficient balance answers a ContractValidateException Error', async () => {
      const { status, json } = await post('/wallet/createtransaction', {
        owner_address: payer.hex,
        to_address: devnet.faucetAddress,
        amount: 10 ** 15,
      });
      expect(status).toBe(200);
      expect(json).toEqual({
        Error: 'class org.tron.core.exception.ContractValidateException : Validate TransferContract error, balance is not sufficient.',
      });
    });

    it('triggersmartcontract builds data = selector ‖ parameter with fee_limit set', async () => {
      const parameter = encodeTransferParameter(newWallet().hex, 5n * TRX);
      const { json } = await post('/wallet/triggersmartcontract', {
        owner_address: payer.hex,
        contract_address: devnet.chain.token.address,
        function_selector: 'transfer(address,uint256)',
        parameter,
        fee_limit: 30_000_000,
        call_value: 0,
      });
      expect(json.result).toEqual({ result: true });
      const tx = json.transaction as Json;
      const raw = tx.raw_data as Json;
      expect(raw.fee_limit).toBe(30_000_000);
      const value = (raw.contract as { parameter: { value: Json }; type: string }[])[0];
      expect(value?.type).toBe('TriggerSmartContract');
      expect(value?.parameter.value).toEqual({
        data: SELECTORS.transfer + parameter,
        owner_address: payer.hex,
        contract_address: devnet.chain.token.address,
      });
      const signed = signTransaction(transactionFromJson(tx), hexToBytes(payer.privateKey));
      expect((await broadcast(devnet, signed)).json.result).toBe(true);
      // to a contract that does not exist: result.code / hex message, no transaction
      const bad = (
        await post('/wallet/triggersmartcontract', {
          owner_address: payer.hex,
          contract_address: newWallet().hex,
          function_selector: 'transfer(address,uint256)',
          parameter,
          fee_limit: 30_000_000,
        })
      ).json;
      expect(bad).toEqual({
        result: { code: 'CONTRACT_VALIDATE_ERROR', message: Buffer.from('No contract or not a valid smart contract').toString('hex') },
      });
    });

    it('broadcasthex answers {result, code:"SUCCESS", message:"", transaction:<json string>, txid}', async () => {
      const tx = signedTransfer(devnet, payer, devnet.faucetAddress, TRX);
      const { json } = await post('/wallet/broadcasthex', { transaction: bytesToHex(encodeSignedTransaction(tx)) });
      expect(Object.keys(json).sort()).toEqual(['code', 'message', 'result', 'transaction', 'txid']);
      expect(json).toMatchObject({ result: true, code: 'SUCCESS', message: '', txid: tx.txID });
      const printed = JSON.parse(json.transaction as string) as Json;
      expect(printed.txID).toBe(tx.txID);
      expect(printed.raw_data_hex).toBe(bytesToHex(tx.rawBytes));
      expect(printed.signature).toEqual([bytesToHex(tx.signatures[0] as Uint8Array)]);
      devnet.mine(1);
      expect(devnet.chain.transaction(tx.txID)).toBeDefined();
    });
  });

  describe('node info, contract, parameters', () => {
    it('getnodeinfo prints block and solidityBlock as "Num:…,ID:…"', async () => {
      for (const path of ['/wallet/getnodeinfo', '/walletsolidity/getnodeinfo']) {
        const { json } = await getJson(`${devnet.url}${path}`);
        expect(json.block).toBe(`Num:${devnet.chain.head.number},ID:${devnet.chain.head.id}`);
        expect(json.solidityBlock).toBe(`Num:${devnet.chain.solidNumber},ID:${devnet.chain.solidBlock.id}`);
        expect((json.configNodeInfo as Json).codeVersion).toMatch(/^\d+\.\d+\.\d+$/);
      }
    });

    it('getcontract by GET ?value= and by POST returns the ABI entrys', async () => {
      const byGet = (await getJson(`${devnet.url}/wallet/getcontract?value=${devnet.chain.token.address}`)).json;
      const byPost = (await post('/wallet/getcontract', { value: devnet.chain.token.address })).json;
      expect(byPost).toEqual(byGet);
      expect(byGet.contract_address).toBe(devnet.chain.token.address);
      expect(byGet.name).toBe('TetherToken');
      const entrys = (byGet.abi as { entrys: { name: string; type: string; stateMutability?: string }[] }).entrys;
      expect(entrys.find((e) => e.name === 'transfer')).toMatchObject({ type: 'Function', stateMutability: 'Nonpayable' });
      expect(entrys.find((e) => e.name === 'balanceOf')).toMatchObject({ type: 'Function', stateMutability: 'View' });
      expect(entrys.find((e) => e.name === 'Transfer')).toMatchObject({ type: 'Event' });
      const visible = (await getJson(`${devnet.url}/wallet/getcontract?value=${devnet.usdtAddress}&visible=true`)).json;
      expect(visible.contract_address).toBe(devnet.usdtAddress);
      expect(visible.origin_address).toBe(devnet.faucetAddress);
      expect((await post('/wallet/getcontract', { value: newWallet().hex })).json).toEqual({});
    });
  });

  describe('/devnet/*', () => {
    it('/devnet/info reports the contract, faucet, heights and timing', async () => {
      const { json } = await getJson(`${devnet.url}/devnet/info`);
      expect(json).toEqual({
        usdt_contract: devnet.usdtAddress,
        multisend_contract: bytesToBase58Address(hexToBytes(devnet.chain.multisendAddress)),
        tokens: [{ symbol: 'USDT', name: 'Tether USD', contract_address: devnet.usdtAddress, decimals: 6, blacklist: true }],
        faucet_address: devnet.faucetAddress,
        head_block: Number(devnet.chain.head.number),
        solid_block: Number(devnet.chain.solidNumber),
        block_time_ms: 3000,
        solidify_lag: TEST_SOLIDIFY_LAG,
        manual: true,
        energy_fee: 100,
        resource_window_ms: 86_400_000,
        unfreeze_delay_ms: 1_209_600_000,
        reorgs: 0,
      });
      expect(json.usdt_contract).toMatch(/^T/);
    });

    it('/devnet/faucet funds and names the invalid field with 400', async () => {
      const to = newWallet();
      const ok = await post('/devnet/faucet', { address: to.base58, trx: '12.5', usdt: 3 });
      expect(ok.status).toBe(200);
      expect(ok.json).toMatchObject({ address: to.base58, included_in_block: Number(devnet.chain.head.number) + 1 });
      expect(ok.json.trx_txid).toMatch(/^[0-9a-f]{64}$/);
      expect(ok.json.usdt_txid).toMatch(/^[0-9a-f]{64}$/);
      devnet.mine(1);
      expect((await post('/wallet/getaccount', { address: to.hex })).json.balance).toBe(12_500_000);

      const cases: [Json, string][] = [
        [{ trx: '1' }, 'address'],
        [{ address: 'Tnotanaddress', trx: '1' }, 'address'],
        [{ address: to.base58, trx: '-1' }, 'trx'],
        [{ address: to.base58, trx: '1.1234567' }, 'trx'],
        [{ address: to.base58, trx: true }, 'trx'],
        [{ address: to.base58, usdt: 'ten' }, 'usdt'],
        [{ address: to.base58 }, 'trx'],
        [{ address: to.base58, trx: '0', usdt: '0' }, 'trx'],
      ];
      for (const [body, field] of cases) {
        const { status, json } = await post('/devnet/faucet', body);
        expect(status, JSON.stringify(body)).toBe(400);
        expect(json.field).toBe(field);
        expect(json.error).toMatch(new RegExp(`^${field}: `));
      }
    });

    it('/devnet/mine accepts 1…1000 blocks and rejects anything else', async () => {
      const before = Number(devnet.chain.head.number);
      const { json } = await post('/devnet/mine', { blocks: 2 });
      expect(json.head_block).toBe(before + 2);
      expect(json.solid_block).toBe(before + 2 - TEST_SOLIDIFY_LAG);
      expect(json.blocks).toEqual([devnet.chain.blockByNumber(BigInt(before + 1))?.id, devnet.chain.head.id]);
      expect((await post('/devnet/mine')).json.head_block).toBe(before + 3);
      for (const blocks of [0, -1, 1001, 1.5, '2', true]) {
        const res = await post('/devnet/mine', { blocks });
        expect(res.status, String(blocks)).toBe(400);
        expect(res.json.field).toBe('blocks');
      }
      expect(Number(devnet.chain.head.number)).toBe(before + 3);
      const get = await fetch(`${devnet.url}/devnet/mine`);
      expect(get.status).toBe(405);
      expect(Number(devnet.chain.head.number)).toBe(before + 3);
    });

    it('/devnet/mine moves the clock by advance_ms first, and rejects a negative or fractional advance', async () => {
      const before = devnet.chain.head.header.timestamp;
      const { json } = await post('/devnet/mine', { advance_ms: 3_600_000 });
      expect(json.head_block).toBe(Number(devnet.chain.head.number));
      expect(devnet.chain.head.header.timestamp - before).toBeGreaterThanOrEqual(3_600_000n);
      expect(devnet.chain.head.header.timestamp - before).toBeLessThan(3_660_000n);
      for (const advance_ms of [-1, 1.5, '10', true]) {
        const res = await post('/devnet/mine', { advance_ms });
        expect(res.status, String(advance_ms)).toBe(400);
        expect(res.json.field).toBe('advance_ms');
      }
    });
  });
});

describe('devnet in timed mode', () => {
  let devnet: Devnet;

  beforeAll(async () => {
    devnet = await Devnet.start({ port: 0, manual: false, blockTimeMs: 50, solidifyLag: 2 });
  });

  afterAll(async () => {
    await devnet.stop();
  });

  it('produces blocks by itself and the solid block trails by solidifyLag', async () => {
    const deadline = Date.now() + 5000;
    let info: Json = {};
    while (Date.now() < deadline) {
      info = (await getJson(`${devnet.url}/devnet/info`)).json;
      if ((info.head_block as number) >= 4) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(info.manual).toBe(false);
    expect(info.block_time_ms).toBe(50);
    expect(info.head_block).toBeGreaterThanOrEqual(4);
    expect(info.solid_block).toBe((info.head_block as number) - 2);
    // a transaction sent now is mined without anyone asking
    const payer = newWallet();
    const { trx_txid } = devnet.fund(payer.base58, { trx: TRX });
    while (Date.now() < deadline && !devnet.chain.transaction(trx_txid as string)) await new Promise((r) => setTimeout(r, 25));
    expect(devnet.chain.transaction(trx_txid as string)?.blockNumber).toBeGreaterThan(0n);
  });
});
