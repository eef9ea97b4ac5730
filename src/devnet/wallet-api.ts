/**
 * The java-tron HTTP API subset (PROTOCOL.md §4.2, §9): `/wallet/*` reads head state,
 * `/walletsolidity/*` reads the solidified state and blocks.
 */
import { hexToBytes } from '../tron/bytes.js';
import {
  type Contract,
  decodeSignedTransaction,
  makeTransaction,
  type RefBlock,
  refBlockFields,
  TransactionFormatError,
  transactionFromJson,
  transactionToJson,
} from '../tron/transaction.js';
import { functionSelector } from '../tron/trc20.js';
import type { Block, BroadcastOutcome, ChainTx } from './chain.js';
import type { Devnet } from './devnet.js';
import type { ApiRequest, ApiResponse, Handler } from './http.js';
import { NodeApiError } from './http.js';
import { MULTISEND_ABI } from './multisend.js';
import {
  accountJson,
  accountResourceJson,
  addressOut,
  blockJson,
  type Json,
  transactionInfoJson,
  transactionJson,
  utf8Out,
} from './render.js';
import {
  optionalAddress,
  optionalBool,
  optionalHex,
  optionalInt,
  optionalString,
  requiredAddress,
  requiredInt,
  requiredString,
} from './request-params.js';
import { STAKE_BUILDERS, stakeRoutes } from './stake-api.js';
import { tokenAbi } from './token.js';

const ZERO_ADDRESS = `41${'0'.repeat(40)}`;
const BLOCK_LIMIT = 100n;
const CODE_VERSION = '4.8.1';
const DAY_MS = 86_400_000n;

const blockCache = new WeakMap<Block, Map<string, Buffer>>();
const BLOCK_LIST_OPEN = Buffer.from('{"block":[');
const BLOCK_LIST_CLOSE = Buffer.from(']}');
const COMMA = Buffer.from(',');

/**
 * Blocks never change once sealed, so their JSON is rendered once per form, and kept as UTF-8 bytes: a
 * range of 100 blocks is then written as 100 cached buffers (as a node serves from its store), not
 * joined and re-encoded on every request.
 */
function cachedBlockJson(block: Block, detail: boolean, visible: boolean): Buffer {
  let forms = blockCache.get(block);
  if (!forms) {
    forms = new Map();
    blockCache.set(block, forms);
  }
  const key = `${detail}:${visible}`;
  let bytes = forms.get(key);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(blockJson(block, detail, visible)));
    forms.set(key, bytes);
  }
  return bytes;
}

function visibleBlock(devnet: Devnet, req: ApiRequest, n: bigint): Block | undefined {
  if (req.solid && n > devnet.chain.solidNumber) return undefined;
  return devnet.chain.blockByNumber(n);
}

function latest(devnet: Devnet, req: ApiRequest): Block {
  return req.solid ? devnet.chain.solidBlock : devnet.chain.head;
}

function blockResponse(block: Block | undefined, detail: boolean, visible: boolean): ApiResponse {
  return block ? { raw: [cachedBlockJson(block, detail, visible)] } : { json: {} };
}

function blockList(blocks: Block[], visible: boolean): ApiResponse {
  if (blocks.length === 0) return { json: {} };
  const chunks: Buffer[] = [BLOCK_LIST_OPEN];
  blocks.forEach((b, i) => {
    if (i > 0) chunks.push(COMMA);
    chunks.push(cachedBlockJson(b, true, visible));
  });
  chunks.push(BLOCK_LIST_CLOSE);
  return { raw: chunks };
}

/** A txid or block id in `value`; non-hex is an error, as java-tron's ByteArray.fromHexString throws on it. */
function requiredHexValue(req: ApiRequest): string {
  return optionalHex(req, 'value') ?? requiredString(req, 'value');
}

function visibleTx(devnet: Devnet, req: ApiRequest, txid: string): ChainTx | undefined {
  const entry = devnet.chain.transaction(txid.toLowerCase());
  if (!entry) return undefined;
  if (req.solid && (entry.blockNumber as bigint) > devnet.chain.solidNumber) return undefined;
  return entry;
}

/** The reference block a node uses for transactions it builds: the solidified block (java-tron's default). */
function nodeReference(devnet: Devnet): { ref: RefBlock; expiration: bigint; timestamp: bigint } {
  const solid = devnet.chain.solidBlock;
  return {
    ref: refBlockFields(solid.number, solid.id),
    expiration: devnet.chain.head.header.timestamp + 60_000n,
    timestamp: BigInt(Date.now()),
  };
}

/**
 * A transaction the node builds (Wallet.createTransactionCapsule): validated by the contract's actuator, whose
 * message comes back as `{"Error": "class org.tron.core.exception.ContractValidateException : …"}`.
 */
function buildValidated(devnet: Devnet, contract: Contract, visible: boolean, memo?: string): ApiResponse {
  const { ref, expiration, timestamp } = nodeReference(devnet);
  const tx = makeTransaction({
    refBlockBytes: ref.refBlockBytes,
    refBlockHash: ref.refBlockHash,
    expiration,
    ...(memo ? { data: hexToBytes(memo) } : {}),
    contract,
    timestamp,
    feeLimit: 0n,
  });
  const rejection = devnet.chain.validate(tx);
  if (rejection) {
    const detail = rejection.message.replace(/^Contract validate error : /, '');
    throw new NodeApiError(detail, 'org.tron.core.exception.ContractValidateException');
  }
  return { json: transactionToJson(tx, visible) };
}

interface CallArgs {
  owner: string;
  contract: string;
  data: Uint8Array;
  callValue: bigint;
}

/** Calldata from `function_selector` + `parameter` (what TronWeb sends) or from `data`. */
function readCall(req: ApiRequest, ownerRequired: boolean): CallArgs {
  const contract = requiredAddress(req, 'contract_address');
  const owner = ownerRequired ? requiredAddress(req, 'owner_address') : (optionalAddress(req, 'owner_address') ?? ZERO_ADDRESS);
  const selector = optionalString(req, 'function_selector');
  let dataHex: string;
  if (selector) {
    dataHex = functionSelector(selector.replace(/\s+/g, '')) + (optionalHex(req, 'parameter') ?? '');
  } else {
    dataHex = optionalHex(req, 'data') ?? '';
  }
  const callValue = optionalInt(req, 'call_value') ?? 0n;
  return { owner, contract, data: hexToBytes(dataHex), callValue };
}

function buildCallTransaction(devnet: Devnet, call: CallArgs, feeLimit: bigint) {
  const { ref, expiration, timestamp } = nodeReference(devnet);
  return makeTransaction({
    refBlockBytes: ref.refBlockBytes,
    refBlockHash: ref.refBlockHash,
    expiration,
    contract: {
      type: 'TriggerSmartContract',
      ownerAddress: hexToBytes(call.owner),
      contractAddress: hexToBytes(call.contract),
      callValue: call.callValue,
      data: call.data,
      callTokenValue: 0n,
      tokenId: 0n,
    },
    timestamp,
    feeLimit,
  });
}

function errorResult(code: string, message: string, visible: boolean): Json {
  return { result: { code, message: utf8Out(message, visible) } };
}

function broadcastJson(outcome: BroadcastOutcome, visible: boolean): Json {
  if (outcome.ok) return { result: true, txid: outcome.txid };
  return { code: outcome.code, txid: outcome.txid, message: utf8Out(outcome.message, visible) };
}

function submitWithFaults(devnet: Devnet, tx: ReturnType<typeof makeTransaction>): BroadcastOutcome {
  const drop = devnet.faults.dropBroadcasts;
  if (drop > 0 && Math.random() < drop) return { ok: true, txid: tx.txID };
  return devnet.chain.submit(tx);
}

type Route = { wallet?: Handler; solidity?: Handler };

export function walletRoutes(): Map<string, Route> {
  const routes = new Map<string, Route>();
  const both = (name: string, h: Handler) => routes.set(name, { wallet: h, solidity: h });
  const fullOnly = (name: string, h: Handler) => routes.set(name, { wallet: h });

  both('getnowblock', (d, req) => blockResponse(latest(d, req), true, req.visible));

  both('getblock', (d, req) => {
    const idOrNum = optionalString(req, 'id_or_num') ?? (req.params.id_or_num === undefined ? undefined : String(req.params.id_or_num));
    const detail = optionalBool(req, 'detail') ?? false;
    if (idOrNum === undefined || idOrNum === '') return blockResponse(latest(d, req), detail, req.visible);
    if (/^\d{1,19}$/.test(idOrNum)) return blockResponse(visibleBlock(d, req, BigInt(idOrNum)), detail, req.visible);
    if (/^[0-9a-fA-F]{64}$/.test(idOrNum)) {
      const block = d.chain.blockById(idOrNum.toLowerCase());
      return blockResponse(block && visibleBlock(d, req, block.number), detail, req.visible);
    }
    throw new NodeApiError('id_or_num must be a block number or a 64-hex block id');
  });

  both('getblockbynum', (d, req) => blockResponse(visibleBlock(d, req, requiredInt(req, 'num')), true, req.visible));

  both('getblockbyid', (d, req) => {
    const id = requiredHexValue(req);
    const block = d.chain.blockById(id);
    return blockResponse(block && visibleBlock(d, req, block.number), true, req.visible);
  });

  both('getblockbylimitnext', (d, req) => {
    const start = requiredInt(req, 'startNum');
    const end = requiredInt(req, 'endNum');
    if (start < 0n || end <= start || end - start > BLOCK_LIMIT) return { json: {} };
    const blocks: Block[] = [];
    for (let n = start; n < end; n++) {
      const block = visibleBlock(d, req, n);
      if (!block) break;
      blocks.push(block);
    }
    return blockList(blocks, req.visible);
  });

  both('getblockbylatestnum', (d, req) => {
    const num = requiredInt(req, 'num');
    if (num <= 0n || num > BLOCK_LIMIT) return { json: {} };
    const top = latest(d, req).number;
    const blocks: Block[] = [];
    for (let n = top - num + 1n; n <= top; n++) if (n >= 0n) blocks.push(d.chain.blockByNumber(n) as Block);
    return blockList(blocks, req.visible);
  });

  both('gettransactionbyid', (d, req) => {
    const entry = visibleTx(d, req, requiredHexValue(req));
    return { json: entry ? transactionJson(entry, req.visible) : {} };
  });

  both('gettransactioninfobyid', (d, req) => {
    const entry = visibleTx(d, req, requiredHexValue(req));
    return { json: entry ? transactionInfoJson(entry, req.visible) : {} };
  });

  both('gettransactioninfobyblocknum', (d, req) => {
    const num = requiredInt(req, 'num');
    if (num <= 0n) return { json: {} };
    const block = visibleBlock(d, req, num);
    return { json: block ? block.txs.map((t) => transactionInfoJson(t, req.visible)) : [] };
  });

  both('gettransactioncountbyblocknum', (d, req) => {
    const block = visibleBlock(d, req, requiredInt(req, 'num'));
    return { json: block ? { count: block.txs.length } : {} };
  });

  both('getaccount', (d, req) => {
    const address = requiredAddress(req, 'address');
    const acc = (req.solid ? d.chain.solidState : d.chain.headState).account(address);
    return { json: acc ? accountJson(acc, d.chain.resourceView(req.solid), req.visible) : {} };
  });

  fullOnly('getaccountresource', (d, req) => {
    const acc = d.chain.headState.account(requiredAddress(req, 'address'));
    return { json: acc ? accountResourceJson(acc, d.chain.resourceView()) : {} };
  });

  /** java-tron's SmartContract message of a token; null when no contract lives at `address`. */
  const smartContract = (d: Devnet, address: string, visible: boolean): Json | null => {
    if (address === d.chain.multisendAddress) {
      const owner = d.chain.token.owner;
      const abi = { entrys: MULTISEND_ABI };
      return {
        origin_address: addressOut(owner, visible),
        contract_address: addressOut(address, visible),
        abi,
        name: 'Multisend',
        origin_energy_limit: 10_000_000,
      };
    }
    const called = d.chain.tokenAt(address);
    if (!called) return null;
    const { token } = called;
    return {
      origin_address: addressOut(token.owner, visible),
      contract_address: addressOut(address, visible),
      abi: { entrys: tokenAbi(token) },
      // java-tron prints the contract's Solidity name; deployed devnet tokens share one
      name: token.model === 'TetherToken' ? 'TetherToken' : 'DevnetTRC20',
      origin_energy_limit: 10_000_000,
    };
  };

  fullOnly('getcontract', (d, req) => ({ json: smartContract(d, requiredAddress(req, 'value'), req.visible) ?? {} }));

  // The bytecode (`runtimecode`) is not modelled: the tokens are native, so it is omitted as an empty proto3 field.
  // energy_factor (in 1/10,000) is the dynamic-energy penalty every token's energy model carries (×3.4).
  fullOnly('getcontractinfo', (d, req) => {
    const contract = smartContract(d, requiredAddress(req, 'value'), req.visible);
    if (!contract) return { json: {} };
    return { json: { smart_contract: contract, contract_state: { energy_factor: 34_000 } } };
  });

  fullOnly('triggersmartcontract', (d, req) => {
    const call = readCall(req, true);
    if (!d.chain.isContract(call.contract)) {
      return { json: errorResult('CONTRACT_VALIDATE_ERROR', 'No contract or not a valid smart contract', req.visible) };
    }
    const feeLimit = optionalInt(req, 'fee_limit') ?? 0n;
    const tx = buildCallTransaction(d, call, feeLimit);
    return { json: { result: { result: true }, transaction: transactionToJson(tx, req.visible) } };
  });

  both('triggerconstantcontract', (d, req) => {
    const call = readCall(req, false);
    const outcome = d.chain.callConstant(call.owner, call.contract, call.data, call.callValue, req.solid);
    if ('code' in outcome) return { json: errorResult(outcome.code, outcome.message, req.visible) };
    const tx = transactionToJson(buildCallTransaction(d, call, 0n), req.visible);
    const failed = outcome.result !== 'SUCCESS';
    const result: Json = { result: true };
    if (failed && outcome.message) result.message = utf8Out(outcome.message, req.visible);
    return {
      json: {
        result,
        energy_used: Number(outcome.energyUsed),
        constant_result: [outcome.returnData],
        transaction: { ret: [failed ? { ret: 'FAILED' } : {}], ...tx },
      },
    };
  });

  both('estimateenergy', (d, req) => {
    const call = readCall(req, false);
    const outcome = d.chain.callConstant(call.owner, call.contract, call.data, call.callValue, req.solid);
    if ('code' in outcome) return { json: errorResult(outcome.code, outcome.message, req.visible) };
    if (outcome.result !== 'SUCCESS') {
      return { json: errorResult('CONTRACT_EXE_ERROR', outcome.message ?? 'REVERT opcode executed', req.visible) };
    }
    return { json: { result: { result: true }, energy_required: Number(outcome.energyUsed) } };
  });

  fullOnly('createtransaction', (d, req) => {
    const memo = optionalHex(req, 'extra_data');
    const contract: Contract = {
      type: 'TransferContract',
      ownerAddress: hexToBytes(requiredAddress(req, 'owner_address')),
      toAddress: hexToBytes(requiredAddress(req, 'to_address')),
      amount: requiredInt(req, 'amount'),
    };
    return buildValidated(d, contract, req.visible, memo);
  });

  for (const [name, contractOf] of STAKE_BUILDERS) fullOnly(name, (d, req) => buildValidated(d, contractOf(req), req.visible));

  fullOnly('broadcasttransaction', (d, req) => {
    const contracts = (req.params.raw_data as { contract?: unknown } | undefined)?.contract;
    if (!Array.isArray(contracts) || contracts.length === 0) {
      return { json: { code: 'CONTRACT_VALIDATE_ERROR', message: utf8Out('Contract validate error : No contract!', req.visible) } };
    }
    const tx = transactionFromJson(req.params);
    return { json: broadcastJson(submitWithFaults(d, tx), req.visible) };
  });

  fullOnly('broadcasthex', (d, req) => {
    const hex = optionalHex(req, 'transaction');
    if (!hex) throw new NodeApiError('transaction must be the signed transaction protobuf in hex');
    let tx: ReturnType<typeof decodeSignedTransaction>;
    try {
      tx = decodeSignedTransaction(hexToBytes(hex));
    } catch (err) {
      if (err instanceof TransactionFormatError) throw new NodeApiError(err.message, 'com.google.protobuf.InvalidProtocolBufferException');
      throw err;
    }
    const outcome = submitWithFaults(d, tx);
    return {
      json: {
        result: outcome.ok,
        code: outcome.ok ? 'SUCCESS' : outcome.code,
        message: outcome.ok ? '' : outcome.message,
        transaction: JSON.stringify(transactionToJson(tx, true)),
        txid: tx.txID,
      },
    };
  });

  both('getnodeinfo', (d) => {
    const head = d.chain.head;
    const solid = d.chain.solidBlock;
    return {
      json: {
        activeConnectCount: 0,
        beginSyncNum: Number(head.number),
        block: `Num:${head.number},ID:${head.id}`,
        solidityBlock: `Num:${solid.number},ID:${solid.id}`,
        currentConnectCount: 0,
        passiveConnectCount: 0,
        totalFlow: 0,
        configNodeInfo: {
          codeVersion: CODE_VERSION,
          versionNum: '18636',
          p2pVersion: 'devnet',
          listenPort: 0,
          discoverEnable: false,
          maxConnectCount: 0,
          supportConstant: true,
          dbVersion: 2,
        },
      },
    };
  });

  fullOnly('getchainparameters', (d) => {
    const p = d.chain.params;
    const entries: [string, bigint][] = [
      ['getMaintenanceTimeInterval', 21_600_000n],
      ['getCreateAccountFee', p.createAccountFee],
      ['getTransactionFee', p.transactionFee],
      ['getCreateNewAccountFeeInSystemContract', p.createNewAccountFeeInSystemContract],
      ['getCreateNewAccountBandwidthRate', 1n],
      ['getEnergyFee', p.energyFee],
      ['getFreeNetLimit', p.freeNetLimit],
      ['getMaxFeeLimit', p.maxFeeLimit],
      ['getAllowTvmTransferTrc10', 1n],
      ['getAllowDynamicEnergy', 1n],
      ['getTotalEnergyLimit', p.totalEnergyCurrentLimit],
      ['getTotalEnergyCurrentLimit', p.totalEnergyCurrentLimit],
      ['getTotalNetLimit', p.totalNetLimit],
      ['getAllowDelegateResource', 1n],
      ['getAllowNewResourceModel', 0n],
      // an integer number of days: a delay shortened for tests reads as at least 1
      ['getUnfreezeDelayDays', (p.unfreezeDelayMs + DAY_MS - 1n) / DAY_MS],
      ['getMaxDelegateLockPeriod', p.maxDelegateLockPeriod],
      ['getAllowCancelAllUnfreezeV2', 1n],
    ];
    return { json: { chainParameter: entries.map(([key, value]) => (value ? { key, value: Number(value) } : { key })) } };
  });

  both('getenergyprices', (d) => ({ json: { prices: `0:${d.chain.params.energyFee}` } }));
  both('getbandwidthprices', (d) => ({ json: { prices: `0:${d.chain.params.transactionFee}` } }));
  both('getburntrx', (d) => ({ json: { burnTrxAmount: Number(d.chain.totalBurned) } }));

  fullOnly('validateaddress', (_d, req) => {
    const address = optionalString(req, 'address') ?? '';
    try {
      requiredAddress(req, 'address');
      const form = /^(0x)?41/.test(address) ? 'Hex string format' : 'Base58check format';
      return { json: { result: true, message: form } };
    } catch {
      return { json: { message: 'Invalid address' } };
    }
  });

  for (const [name, handler] of stakeRoutes()) both(name, handler);

  return routes;
}
