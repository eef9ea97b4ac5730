/**
 * Typed loaders for the TRON test vectors in `test/fixtures/tron/` (public data; its README names the
 * sources). The repository holds its own copy: nothing reads outside it (test/self-contained.test.ts).
 */
import { readFileSync } from 'node:fs';

function load<T>(name: string): T {
  const url = new URL(`./fixtures/tron/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

function cached<T>(name: string): () => T {
  let value: T | undefined;
  return () => {
    value ??= load<T>(name);
    return value;
  };
}

// ---------------------------------------------------------------- addresses.json

export interface KeyVector {
  privateKey: string;
  publicKeyUncompressed: string;
  keccak256_of_pubXY: string;
  addressHex: string;
  addressEvm0x: string;
  addressBase58: string;
  base58check_payload_hex: string;
  source: string;
  expectedFromSource: string | null;
}

export interface KnownAddress {
  base58: string;
  hex: string;
  description: string;
}

export interface AddressVectors {
  keyVectors: KeyVector[];
  knownAddresses: KnownAddress[];
  isAddressCases_from_tronweb_test_index: { valid: string[]; invalid: string[]; source: string };
  checksumAddress_from_tronweb_test: { input: string; toChecksumAddress: string };
}

export const addressVectors = cached<AddressVectors>('addresses.json');

// ---------------------------------------------------------------- bip44.json

export interface Bip44Derived {
  path: string;
  privateKey: string;
  publicKeyCompressed: string;
  addressHex: string;
  addressBase58: string;
}

export interface Bip44Vector {
  mnemonic: string;
  passphrase: string;
  seedHex: string;
  accountXpub_m44_195_0: string;
  derived: Bip44Derived[];
  source: string;
}

export interface Bip44Vectors {
  coinType: number;
  vectors: Bip44Vector[];
}

export const bip44Vectors = cached<Bip44Vectors>('bip44.json');

// ---------------------------------------------------------------- transactions_real.json

export interface ContractJson {
  type: string;
  parameter: { type_url: string; value: Record<string, unknown> };
  Permission_id?: number;
}

export interface RawDataJson {
  contract: ContractJson[];
  ref_block_bytes: string;
  ref_block_hash: string;
  expiration: number;
  timestamp: number;
  fee_limit?: number;
  [key: string]: unknown;
}

export interface TransactionVector {
  name: string;
  network: string;
  provenance: string;
  source: string;
  txID: string;
  raw_data: RawDataJson;
  raw_data_hex: string;
  signature?: string[];
  signature_v_byte?: string;
  recovered_signer_hex?: string;
  recovered_signer_base58?: string;
  signed_transaction_protobuf_hex?: string;
  bandwidth_if_single_sig: number;
  notes?: string;
}

export const transactionVectors = cached<{ description: string; vectors: TransactionVector[] }>('transactions_real.json');

/** Short id of a vector ("T1", "S4", …), the first word of its name. */
export function vectorId(v: { name: string }): string {
  return v.name.split(' ')[0] ?? v.name;
}

// ---------------------------------------------------------------- blocks.json

export interface BlockVector {
  blockID: string;
  raw: {
    number: number;
    txTrieRoot: string;
    witness_address: string;
    parentHash: string;
    version: number;
    timestamp: number;
  };
  witness_signature: string;
  source: string;
  block_header_raw_hex: string;
  sha256_of_header_raw: string;
  derived: { ref_block_bytes: string; ref_block_hash: string };
}

export const blockVectors = cached<{ blocks: BlockVector[]; merkle: string }>('blocks.json');

// ---------------------------------------------------------------- abi_selectors.json

export interface AbiVectors {
  functionSelectors: Record<string, string>;
  eventTopics: Record<string, string>;
  trc20TransferCalldataExample: { to: string; amount_units: number; data: string };
}

export const abiVectors = cached<AbiVectors>('abi_selectors.json');

// ---------------------------------------------------------------- http_responses.json

export interface LogJson {
  address: string;
  topics: string[];
  data?: string;
}

export interface TransactionInfoJson {
  id: string;
  contract_address?: string;
  log?: LogJson[];
  receipt?: Record<string, unknown>;
  [key: string]: unknown;
}

export const httpResponses = cached<Record<string, unknown>>('http_responses.json');

/** Stake 2.0 answers in the shape java-tron prints them (stake_v2_responses.json; values constructed, see its source_of_truth). */
export const stakeV2Responses = cached<Record<string, unknown>>('stake_v2_responses.json');

/** The Stake 2.0 fields of an account without stakes or delegations, as parseAccount / getAccount give them. */
export const NO_STAKE_V2 = {
  frozenV2: [],
  unfrozenV2: [],
  delegatedFrozenV2BalanceForBandwidth: 0n,
  delegatedFrozenV2BalanceForEnergy: 0n,
  acquiredDelegatedFrozenV2BalanceForBandwidth: 0n,
  acquiredDelegatedFrozenV2BalanceForEnergy: 0n,
} as const;

export function transactionInfo(key: string): TransactionInfoJson {
  const value = httpResponses()[key];
  if (value === undefined) throw new Error(`http_responses.json has no ${key}`);
  return value as TransactionInfoJson;
}

// ---------------------------------------------------------------- tronweb_requests.json

export interface CapturedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

export interface TronwebRequests {
  description: string;
  calls: Record<string, { requests: CapturedRequest[]; ok: boolean; error?: string }>;
  notes: string[];
}

export const tronwebRequests = cached<TronwebRequests>('tronweb_requests.json');
