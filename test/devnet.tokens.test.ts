/**
 * Several TRC-20 tokens on one devnet: USDD (18 decimals) deployed over HTTP, USDC (6) by the start
 * option, each behaving as a TRC-20 to TronWeb 6 — reads, transfer, approve/allowance/transferFrom with
 * their receipts, logs, energy and reverts — funded exactly by the faucet, listed by TronGrid, without
 * blacklist functions unless asked, solidified with the blocks and kept across a restart.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TronWeb } from 'tronweb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Devnet, DevnetError, type DevnetToken } from '../src/devnet/devnet.js';
import { USDT_ENERGY } from '../src/devnet/params.js';
import { encodeAddressWord, encodeUint256, eventTopic, TRANSFER_TOPIC } from '../src/tron/trc20.js';
import { getJson, mineUntilSolid, newWallet, postJson, startTestDevnet, type TestWallet, trc20Balance } from './devnet-harness.js';

const TRX = 1_000_000n;
const USDD = 10n ** 18n;
const MAX_UINT256 = (1n << 256n) - 1n;
const APPROVAL_TOPIC = eventTopic('Approval(address,address,uint256)');
const TRUE_WORD = encodeUint256(1n);

type Json = Record<string, unknown>;
type Receipt = {
  id: string;
  result?: string;
  contractResult: string[];
  contract_address?: string;
  receipt: { result?: string; energy_usage_total?: number; energy_penalty_total?: number };
  log?: { address: string; topics: string[]; data?: string }[];
};
/** A contract as TronWeb's `contract().at()` builds it: one method per ABI function. */
type Method = { call(): Promise<unknown>; send(options: { feeLimit: number }): Promise<string> };
type Trc20 = Record<string, (...args: unknown[]) => Method>;

describe('devnet TRC-20 tokens', () => {
  let dir: string;
  let devnet: Devnet;
  let usdd: DevnetToken;
  let usdc: DevnetToken;
  let holder: TestWallet;
  let spender: TestWallet;
  let holderWeb: TronWeb;
  let spenderWeb: TronWeb;

  const post = (path: string, body: unknown) => postJson(`${devnet.url}${path}`, body);
  const receipt = async (txid: string): Promise<Receipt> => (await post('/wallet/gettransactioninfobyid', { value: txid })).json as Receipt;
  const at = async (web: TronWeb, token: DevnetToken) => (await web.contract().at(token.contractAddress)) as unknown as Trc20;
  const constant = (contract: string, selector: string, parameter = '', solid = false, owner = holder.hex) =>
    post(`/${solid ? 'walletsolidity' : 'wallet'}/triggerconstantcontract`, {
      owner_address: owner,
      contract_address: contract,
      function_selector: selector,
      parameter,
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'devnet-tokens-'));
    devnet = await startTestDevnet({ dataDir: dir, tokens: [{ symbol: 'USDC', name: 'USD Coin', decimals: 6 }] });
    usdc = devnet.findToken('USDC') as DevnetToken;
    holder = newWallet();
    spender = newWallet();
    holderWeb = new TronWeb({ fullHost: devnet.url, privateKey: holder.privateKey });
    spenderWeb = new TronWeb({ fullHost: devnet.url, privateKey: spender.privateKey });
  });

  afterAll(async () => {
    await devnet.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('POST /devnet/tokens deploys USDD with 18 decimals; /devnet/info lists USDT first', async () => {
    const { status, json } = await post('/devnet/tokens', { symbol: 'USDD', name: 'Decentralized USD', decimals: 18 });
    expect(status).toBe(200);
    expect(json).toMatchObject({ symbol: 'USDD', decimals: 18, name: 'Decentralized USD', blacklist: false });
    expect(json.contract_address).toMatch(/^T[1-9A-HJ-NP-Za-km-z]{33}$/);
    usdd = devnet.findToken(json.contract_address as string) as DevnetToken;
    expect(usdd.symbol).toBe('USDD');
    expect(devnet.findToken('usdd')).toEqual(usdd);
    expect(devnet.findToken(usdd.contractHex)).toEqual(usdd);

    const info = (await getJson(`${devnet.url}/devnet/info`)).json;
    expect(info.usdt_contract).toBe(devnet.usdtAddress);
    expect((info.tokens as Json[]).map((t) => [t.symbol, t.contract_address, t.decimals])).toEqual([
      ['USDT', devnet.usdtAddress, 6],
      ['USDC', usdc.contractAddress, 6],
      ['USDD', usdd.contractAddress, 18],
    ]);
    // a contract account, usable at once and mined with the next block
    const account = (await post('/wallet/getaccount', { address: usdd.contractAddress, visible: true })).json;
    expect(account.type).toBe('Contract');
    expect((await post('/walletsolidity/getaccount', { address: usdd.contractHex })).json).toEqual({});
    mineUntilSolid(devnet);
    expect(devnet.chain.blocks.some((b) => b.deployments?.some((d) => d.token.symbol === 'USDD'))).toBe(true);
    expect((await post('/walletsolidity/getaccount', { address: usdd.contractHex })).json.type).toBe('Contract');
  });

  it('refuses a bad token with 400 naming the field, and a taken symbol with 409', async () => {
    const cases: [Json, string][] = [
      [{ decimals: 6 }, 'symbol'],
      [{ symbol: '', decimals: 6 }, 'symbol'],
      [{ symbol: 'US-D', decimals: 6 }, 'symbol'],
      [{ symbol: 'A'.repeat(17), decimals: 6 }, 'symbol'],
      [{ symbol: 'ABC', name: 'x'.repeat(65), decimals: 6 }, 'name'],
      [{ symbol: 'ABC', name: 'bell\u0007', decimals: 6 }, 'name'],
      [{ symbol: 'ABC', decimals: 19 }, 'decimals'],
      [{ symbol: 'ABC', decimals: -1 }, 'decimals'],
      [{ symbol: 'ABC', decimals: 1.5 }, 'decimals'],
      [{ symbol: 'ABC', decimals: '6' }, 'decimals'],
      [{ symbol: 'ABC', decimals: 6, blacklist: 'yes' }, 'blacklist'],
    ];
    for (const [body, field] of cases) {
      const { status, json } = await post('/devnet/tokens', body);
      expect(status, JSON.stringify(body)).toBe(400);
      expect(json.field).toBe(field);
      expect(json.error).toMatch(new RegExp(`^${field}: `));
    }
    for (const symbol of ['USDD', 'usdd', 'USDT']) {
      const { status, json } = await post('/devnet/tokens', { symbol, decimals: 18 });
      expect(status, symbol).toBe(409);
      expect(json).toMatchObject({ field: 'symbol', code: 'TOKEN_EXISTS' });
    }
    expect(devnet.tokens()).toHaveLength(3);
    expect(() => devnet.deployToken({ symbol: 'BAD!', decimals: 1 })).toThrow(DevnetError);
  });

  it('reads name, symbol, decimals, totalSupply and balanceOf with TronWeb', async () => {
    const contract = await at(holderWeb, usdd);
    expect(await contract.name?.().call()).toBe('Decentralized USD');
    expect(await contract.symbol?.().call()).toBe('USDD');
    expect(Number(await contract.decimals?.().call())).toBe(18);
    expect(BigInt(String(await contract.totalSupply?.().call()))).toBe(100_000_000_000n * USDD);
    expect(BigInt(String(await contract.balanceOf?.(devnet.faucetAddress).call()))).toBe(100_000_000_000n * USDD);
    const c = await at(holderWeb, usdc);
    expect(await c.name?.().call()).toBe('USD Coin');
    expect(Number(await c.decimals?.().call())).toBe(6);
  });

  it('faucet pays tokens by symbol or contract, exactly to the last of 18 decimals', async () => {
    const { status, json } = await post('/devnet/faucet', {
      address: holder.base58,
      trx: '1000',
      tokens: { USDD: '1.000000000000000001', [usdc.contractAddress]: '50.5' },
    });
    expect(status).toBe(200);
    expect(json.trx_txid).toMatch(/^[0-9a-f]{64}$/);
    const txids = json.token_txids as Record<string, string>;
    expect(Object.keys(txids).sort()).toEqual(['USDC', 'USDD']);
    expect(json.usdt_txid).toBeUndefined();
    devnet.fund(spender.base58, { trx: 1000n * TRX });
    mineUntilSolid(devnet);
    expect(await trc20Balance(devnet, usdd.contractHex, holder.hex, true)).toBe(USDD + 1n);
    expect(await trc20Balance(devnet, usdc.contractAddress, holder.hex)).toBe(50_500_000n);
    expect((await receipt(txids.USDD as string)).receipt.result).toBe('SUCCESS');

    const bad: [Json, string][] = [
      [{ tokens: { USDD: '1.0000000000000000001' } }, 'tokens.USDD'],
      [{ tokens: { USDC: '0.0000001' } }, 'tokens.USDC'],
      [{ tokens: { USDD: '-1' } }, 'tokens.USDD'],
      [{ tokens: { NOPE: '1' } }, 'tokens.NOPE'],
      [{ tokens: { [newWallet().base58]: '1' } }, `tokens.`],
      [{ tokens: ['USDD'] }, 'tokens'],
      [{ tokens: { USDD: '0' } }, 'trx'],
      [{ tokens: { USDD: '1', [usdd.contractAddress]: '1' } }, `tokens.${usdd.contractAddress}`],
    ];
    for (const [body, field] of bad) {
      const res = await post('/devnet/faucet', { address: holder.base58, ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(String(res.json.field).startsWith(field), JSON.stringify(res.json)).toBe(true);
    }
  });

  it('transfers with TronWeb: SUCCESS receipt, Transfer log from the token, the USDT energy model, true returned', async () => {
    const recipient = newWallet();
    const contract = await at(holderWeb, usdd);
    const amount = USDD / 4n;
    const txid = await contract.transfer?.(recipient.base58, amount.toString()).send({ feeLimit: 50_000_000 });
    mineUntilSolid(devnet);
    const info = await receipt(txid as string);
    expect(info.receipt.result).toBe('SUCCESS');
    expect(info.receipt.energy_usage_total).toBe(Number(USDT_ENERGY.transferToNew));
    expect(info.receipt.energy_penalty_total).toBe(Number(USDT_ENERGY.transferToNewPenalty));
    expect(info.contract_address).toBe(usdd.contractHex);
    expect(info.contractResult).toEqual([TRUE_WORD]);
    expect(info.log).toEqual([
      {
        address: usdd.contractHex.slice(2),
        topics: [TRANSFER_TOPIC, encodeAddressWord(holder.hex), encodeAddressWord(recipient.hex)],
        data: encodeUint256(amount),
      },
    ]);
    expect(await trc20Balance(devnet, usdd.contractHex, recipient.hex)).toBe(amount);
    expect(await trc20Balance(devnet, usdd.contractHex, holder.hex)).toBe(USDD + 1n - amount);
    // the same transfer to a holder costs what a USDT transfer to a holder costs
    const estimate = await post('/wallet/estimateenergy', {
      owner_address: holder.hex,
      contract_address: usdd.contractHex,
      function_selector: 'transfer(address,uint256)',
      parameter: encodeAddressWord(recipient.hex) + encodeUint256(1n),
    });
    expect(estimate.json).toEqual({ result: { result: true }, energy_required: Number(USDT_ENERGY.transferToHolder) });
    const toNew = await post('/wallet/estimateenergy', {
      owner_address: holder.hex,
      contract_address: usdc.contractHex,
      function_selector: 'transfer(address,uint256)',
      parameter: encodeAddressWord(newWallet().hex) + encodeUint256(1n),
    });
    expect(toNew.json).toEqual({ result: { result: true }, energy_required: Number(USDT_ENERGY.transferToNew) });
  });

  it('approve, allowance and transferFrom: within the allowance it moves and lowers it, beyond it reverts', async () => {
    const recipient = newWallet();
    const token = await at(holderWeb, usdd);
    const approveTxid = await token.approve?.(spender.base58, (USDD / 2n).toString()).send({ feeLimit: 50_000_000 });
    mineUntilSolid(devnet);
    const approval = await receipt(approveTxid as string);
    expect(approval.receipt.result).toBe('SUCCESS');
    expect(approval.receipt.energy_usage_total).toBe(Number(USDT_ENERGY.approveNew));
    expect(approval.log).toEqual([
      {
        address: usdd.contractHex.slice(2),
        topics: [APPROVAL_TOPIC, encodeAddressWord(holder.hex), encodeAddressWord(spender.hex)],
        data: encodeUint256(USDD / 2n),
      },
    ]);
    expect(BigInt(String(await token.allowance?.(holder.base58, spender.base58).call()))).toBe(USDD / 2n);

    const asSpender = await at(spenderWeb, usdd);
    const within = await asSpender.transferFrom?.(holder.base58, recipient.base58, (USDD / 5n).toString()).send({ feeLimit: 50_000_000 });
    const beyondAllowance = await asSpender
      .transferFrom?.(holder.base58, recipient.base58, (USDD / 2n).toString())
      .send({ feeLimit: 50_000_000 });
    mineUntilSolid(devnet);
    const ok = await receipt(within as string);
    expect(ok.receipt.result).toBe('SUCCESS');
    expect(ok.receipt.energy_usage_total).toBe(Number(USDT_ENERGY.transferToNew + USDT_ENERGY.allowanceUpdate));
    expect(ok.contractResult).toEqual([TRUE_WORD]);
    expect(ok.log?.[0]?.topics).toEqual([TRANSFER_TOPIC, encodeAddressWord(holder.hex), encodeAddressWord(recipient.hex)]);
    const reverted = await receipt(beyondAllowance as string);
    expect(reverted.receipt.result).toBe('REVERT');
    expect(reverted.result).toBe('FAILED');
    expect(reverted.log).toBeUndefined();
    expect(await trc20Balance(devnet, usdd.contractHex, recipient.hex)).toBe(USDD / 5n);
    expect(BigInt(String(await token.allowance?.(holder.base58, spender.base58).call()))).toBe(USDD / 2n - USDD / 5n);

    // an unlimited allowance is not lowered, but the balance still bounds what moves
    await token.approve?.(spender.base58, '0').send({ feeLimit: 50_000_000 });
    await token.approve?.(spender.base58, MAX_UINT256.toString()).send({ feeLimit: 50_000_000 });
    devnet.mine(1);
    const unlimited = await asSpender.transferFrom?.(holder.base58, recipient.base58, '1').send({ feeLimit: 50_000_000 });
    const beyondBalance = await asSpender
      .transferFrom?.(holder.base58, recipient.base58, (10n * USDD).toString())
      .send({ feeLimit: 50_000_000 });
    mineUntilSolid(devnet);
    expect((await receipt(unlimited as string)).receipt.energy_usage_total).toBe(Number(USDT_ENERGY.transferToHolder));
    expect((await receipt(beyondBalance as string)).receipt.result).toBe('REVERT');
    expect(BigInt(String(await token.allowance?.(holder.base58, spender.base58).call()))).toBe(MAX_UINT256);
  });

  it('answers triggerconstantcontract and estimateenergy for every function of every token', async () => {
    const who = encodeAddressWord(holder.hex);
    const pair = who + encodeAddressWord(spender.hex);
    for (const token of [usdd, usdc, devnet.findToken('USDT') as DevnetToken]) {
      for (const [selector, parameter] of [
        ['name()', ''],
        ['symbol()', ''],
        ['decimals()', ''],
        ['totalSupply()', ''],
        ['balanceOf(address)', who],
        ['allowance(address,address)', pair],
        ['approve(address,uint256)', encodeAddressWord(spender.hex) + encodeUint256(5n)],
        ['transfer(address,uint256)', encodeAddressWord(spender.hex) + encodeUint256(1n)],
      ] as const) {
        // as the faucet, which holds every token
        const { json } = await constant(token.contractHex, selector, parameter, false, devnet.faucetAddress);
        expect(json.result, `${token.symbol} ${selector}`).toEqual({ result: true });
        expect(json.constant_result, `${token.symbol} ${selector}`).toHaveLength(1);
        const estimate = await post('/wallet/estimateenergy', {
          owner_address: devnet.faucetAddress,
          contract_address: token.contractAddress,
          function_selector: selector,
          parameter,
        });
        expect(estimate.json.energy_required, `${token.symbol} ${selector}`).toBeGreaterThan(0);
      }
    }
    // transferFrom as the spender, within the allowance on USDD
    const estimate = await post('/wallet/estimateenergy', {
      owner_address: spender.hex,
      contract_address: usdd.contractHex,
      function_selector: 'transferFrom(address,address,uint256)',
      parameter: who + encodeAddressWord(spender.hex) + encodeUint256(1n),
    });
    expect(estimate.json).toEqual({ result: { result: true }, energy_required: Number(USDT_ENERGY.transferToNew) });
  });

  it('USDT gains approve, allowance and transferFrom as TetherToken has them', async () => {
    devnet.fund(holder.base58, { usdt: 100n * TRX });
    mineUntilSolid(devnet);
    const usdt = devnet.findToken('USDT') as DevnetToken;
    const asHolder = await at(holderWeb, usdt);
    await asHolder.approve?.(spender.base58, (10n * TRX).toString()).send({ feeLimit: 50_000_000 });
    devnet.mine(1);
    const asSpender = await at(spenderWeb, usdt);
    const txid = await asSpender.transferFrom?.(holder.base58, spender.base58, (4n * TRX).toString()).send({ feeLimit: 50_000_000 });
    mineUntilSolid(devnet);
    expect((await receipt(txid as string)).receipt.result).toBe('SUCCESS');
    expect(await trc20Balance(devnet, usdt.contractHex, spender.hex)).toBe(4n * TRX);
    expect(BigInt(String(await asHolder.allowance?.(holder.base58, spender.base58).call()))).toBe(6n * TRX);
  });

  it('has no blacklist functions on a token deployed without them: calls revert, POST /devnet/blacklist is a 400', async () => {
    for (const selector of ['isBlackListed(address)', 'getBlackListStatus(address)', 'addBlackList(address)']) {
      const { json } = await constant(usdd.contractHex, selector, encodeAddressWord(spender.hex));
      expect(json.transaction, selector).toMatchObject({ ret: [{ ret: 'FAILED' }] });
    }
    const entrys = ((await post('/wallet/getcontract', { value: usdd.contractHex })).json.abi as { entrys: { name: string }[] }).entrys;
    expect(entrys.map((e) => e.name)).toEqual(expect.arrayContaining(['approve', 'allowance', 'transferFrom', 'Approval']));
    expect(entrys.map((e) => e.name)).not.toContain('isBlackListed');

    const refused = await post('/devnet/blacklist', { address: spender.base58, token: 'USDD' });
    expect(refused.status).toBe(400);
    expect(refused.json.field).toBe('token');
    expect((await post('/devnet/blacklist', { address: spender.base58, token: 'NOPE' })).json.field).toBe('token');
    expect(() => devnet.setBlacklisted(spender.base58, true, 'USDD')).toThrow(/no blacklist/);

    // a token deployed with the blacklist has them, and a listed sender's transfer reverts
    const tusd = await post('/devnet/tokens', { symbol: 'TUSD', decimals: 18, blacklist: true });
    expect(tusd.json.blacklist).toBe(true);
    devnet.fund(spender.base58, { tokens: { TUSD: 5n * USDD } });
    const listed = await post('/devnet/blacklist', { address: spender.base58, token: tusd.json.contract_address });
    expect(listed.json).toMatchObject({ token: 'TUSD', blacklisted: true });
    mineUntilSolid(devnet);
    const { json } = await constant(tusd.json.contract_address as string, 'isBlackListed(address)', encodeAddressWord(spender.hex));
    expect(BigInt(`0x${(json.constant_result as string[])[0]}`)).toBe(1n);
    const asSpender = await at(spenderWeb, devnet.findToken('TUSD') as DevnetToken);
    const txid = await asSpender.transfer?.(holder.base58, '1').send({ feeLimit: 50_000_000 });
    mineUntilSolid(devnet);
    expect((await receipt(txid as string)).receipt.result).toBe('REVERT');
    // the USDT stays the default
    expect((await post('/devnet/blacklist', { address: spender.base58, blacklisted: false })).json).toMatchObject({ token: 'USDT' });
  });

  it('lists every token in TronGrid: transfers filtered by contract, and the account trc20 balances', async () => {
    const page = async (query: string) =>
      (await getJson(`${devnet.url}/v1/accounts/${holder.base58}/transactions/trc20${query}`)).json as {
        data: { token_info: { symbol: string; address: string; decimals: number }; value: string }[];
      };
    const all = await page('');
    expect(new Set(all.data.map((r) => r.token_info.symbol))).toEqual(new Set(['USDD', 'USDC', 'USDT']));
    const onlyUsdd = await page(`?contract_address=${usdd.contractAddress}`);
    expect(onlyUsdd.data.length).toBeGreaterThan(0);
    for (const row of onlyUsdd.data) expect(row.token_info).toMatchObject({ symbol: 'USDD', address: usdd.contractAddress, decimals: 18 });
    expect(onlyUsdd.data.at(-1)?.value).toBe((USDD + 1n).toString()); // the faucet's payment, oldest last
    const events = (await getJson(`${devnet.url}/v1/contracts/${usdc.contractAddress}/events?event_name=Transfer`)).json as {
      data: { contract_address: string; result: { to: string; value: string } }[];
    };
    expect(events.data.find((e) => e.result.to === `0x${holder.hex.slice(2)}`)).toMatchObject({
      contract_address: usdc.contractAddress,
      result: { value: '50500000' },
    });

    const account = (await getJson(`${devnet.url}/v1/accounts/${holder.base58}?only_confirmed=true`)).json as {
      data: { address: string; trc20: Record<string, string>[] }[];
    };
    expect(account.data[0]?.address).toBe(holder.hex);
    const balances = Object.assign({}, ...(account.data[0]?.trc20 ?? [])) as Record<string, string>;
    expect(balances[usdd.contractAddress]).toBe(String(await trc20Balance(devnet, usdd.contractHex, holder.hex, true)));
    expect(balances[usdc.contractAddress]).toBe('50500000');
    expect(((await getJson(`${devnet.url}/v1/accounts/${newWallet().base58}`)).json as { data: unknown[] }).data).toEqual([]);
  });

  it('solidifies a new token with its block: walletsolidity knows it only once its block is solid', async () => {
    const token = devnet.deployToken({ symbol: 'LATE', decimals: 2 });
    expect((await constant(token.contractHex, 'decimals()')).json.constant_result).toEqual([encodeUint256(2n)]);
    const solidBefore = await constant(token.contractHex, 'decimals()', '', true);
    expect((solidBefore.json.result as Json).code).toBe('CONTRACT_VALIDATE_ERROR');
    devnet.mine(1);
    expect(((await constant(token.contractHex, 'decimals()', '', true)).json.result as Json).code).toBe('CONTRACT_VALIDATE_ERROR');
    mineUntilSolid(devnet);
    expect((await constant(token.contractHex, 'decimals()', '', true)).json.constant_result).toEqual([encodeUint256(2n)]);
    expect((await constant(token.contractHex, 'totalSupply()', '', true)).json.constant_result).toEqual([
      encodeUint256(100_000_000_000n * 100n),
    ]);
  });

  it('keeps tokens, balances and allowances across a restart and deploys nothing again', async () => {
    const before = devnet.tokens();
    const head = devnet.chain.head.id;
    const balances = [
      await trc20Balance(devnet, usdd.contractHex, holder.hex),
      await trc20Balance(devnet, usdd.contractHex, holder.hex, true),
      await trc20Balance(devnet, usdc.contractHex, holder.hex),
    ];
    const allowance = (
      await constant(usdd.contractHex, 'allowance(address,address)', encodeAddressWord(holder.hex) + encodeAddressWord(spender.hex))
    ).json.constant_result;
    const logged = readFileSync(join(dir, 'blocks.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .flatMap((line) => (JSON.parse(line) as { deploy?: { symbol: string }[] }).deploy ?? []);
    expect(logged.map((d) => d.symbol)).toEqual(['USDC', 'USDD', 'TUSD', 'LATE']);
    await devnet.stop();

    devnet = await startTestDevnet({
      dataDir: dir,
      tokens: [
        { symbol: 'USDC', name: 'USD Coin', decimals: 6 },
        { symbol: 'USDD', decimals: 18 },
      ],
    });
    expect(devnet.tokens()).toEqual(before);
    expect(devnet.chain.head.id).toBe(head);
    expect(devnet.chain.pending).toHaveLength(0);
    expect([
      await trc20Balance(devnet, usdd.contractHex, holder.hex),
      await trc20Balance(devnet, usdd.contractHex, holder.hex, true),
      await trc20Balance(devnet, usdc.contractHex, holder.hex),
    ]).toEqual(balances);
    const again = await constant(
      usdd.contractHex,
      'allowance(address,address)',
      encodeAddressWord(holder.hex) + encodeAddressWord(spender.hex),
    );
    expect(again.json.constant_result).toEqual(allowance);
    // the same symbol with other decimals is refused rather than silently reused
    expect(() => devnet.ensureToken({ symbol: 'USDD', decimals: 6 })).toThrow(/already deployed .* with 18 decimals/);
    expect(devnet.ensureToken({ symbol: 'USDD', decimals: 18 })).toEqual(usdd);
  });
});
