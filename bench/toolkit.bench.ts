/**
 * Toolkit benchmarks, all on the calling (main) thread, i.e. one core:
 *  - build + sign + encode signed TRC-20 transfers (native libsecp256k1 and pure-JS noble backends)
 *  - base58 address validation (valid addresses and checksum rejections)
 *  - signer recovery (both backends, informational)
 *  - HD public derivation (informational)
 */
import { randomBytes } from 'node:crypto';
import { addressToBytes, bytesToBase58Address, checkBase58Address } from '../src/tron/address.js';
import { base58Encode, checksum4 } from '../src/tron/base58.js';
import { hexToBytes } from '../src/tron/bytes.js';
import { HdWallet } from '../src/tron/hd.js';
import { generatePrivateKey, privateKeyToAddressBytes, publicKeyToAddressBytes } from '../src/tron/keys.js';
import { nativeBackend, nobleBackend, type Secp256k1Backend, secp } from '../src/tron/secp256k1.js';
import {
  buildTriggerSmartContract,
  encodeSignedTransaction,
  refBlockFields,
  signTransaction,
  type Transaction,
} from '../src/tron/transaction.js';
import { encodeTransferCall } from '../src/tron/trc20.js';
import { type BenchResult, type Measurement, measure, result, Sink } from './harness.js';

const USDT_MAINNET = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';
const RECIPIENTS = 1024;

function randomAddressBytes(): Uint8Array {
  const out = new Uint8Array(21);
  out[0] = 0x41;
  out.set(randomBytes(20), 1);
  return out;
}

/** signTransaction with an explicit backend (the toolkit's own signTransaction always uses `secp`). */
function signWith(backend: Secp256k1Backend, tx: Transaction, privateKey: Uint8Array): Transaction {
  const { signature, recid } = backend.sign(hexToBytes(tx.txID), privateKey);
  const sig = new Uint8Array(65);
  sig.set(signature, 0);
  sig[64] = recid + 27;
  return { ...tx, signatures: [...tx.signatures, sig] };
}

function rate(m: Measurement): number {
  return Math.round(m.opsPerSec);
}

/** Run spread: the value reported is the median run; best/worst show how noisy the machine was. */
function timing(m: Measurement): Record<string, number | string> {
  return {
    ops: m.ops,
    elapsed_ms: Math.round(m.elapsedMs),
    runs: m.runs.length,
    median_run: Math.round(m.opsPerSec),
    best_run: Math.round(m.best),
    worst_run: Math.round(m.worst),
  };
}

export async function runToolkit(log: (line: string) => void = console.log): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const sink = new Sink();
  const privateKey = generatePrivateKey();
  const owner = privateKeyToAddressBytes(privateKey);
  const usdt = addressToBytes(USDT_MAINNET);
  const recipients = Array.from({ length: RECIPIENTS }, () => bytesToBase58Address(randomAddressBytes()));
  const ref = refBlockFields(68_000_000n, randomBytes(32));
  const t0 = BigInt(Date.now());

  // (a) build + sign + encode: distinct recipient, amount and timestamp per transaction.
  const buildTransfer = (i: number): Transaction =>
    buildTriggerSmartContract({
      ref,
      timestamp: t0 + BigInt(i),
      expiration: t0 + BigInt(i) + 600_000n,
      from: owner,
      contract: usdt,
      data: encodeTransferCall(recipients[i % RECIPIENTS] as string, BigInt(1_000_000 + i)),
      feeLimit: 30_000_000n,
    });

  log(`toolkit: default secp256k1 backend is "${secp.name}"${nativeBackend ? '' : ' (native addon missing!)'}`);
  log('toolkit: build + sign + encode TRC-20 transfers …');
  const defaultSign = measure(
    'sign default',
    (i) => sink.add(encodeSignedTransaction(signTransaction(buildTransfer(i), privateKey)).length),
    {
      durationMs: 2500,
      repeats: 5,
      warmupMs: 500,
    },
  );
  results.push(
    result(`TRC-20 transfer build+sign+encode (${secp.name}, default)`, rate(defaultSign), 'tx/s', {
      target: { op: '>=', value: 2000 },
      details: {
        ...timing(defaultSign),
        backend: secp.name,
        thread: 'main (1 core)',
        path: 'buildTriggerSmartContract → signTransaction → encodeSignedTransaction',
      },
    }),
  );
  if (!nativeBackend) {
    results.push(result('native libsecp256k1 backend loaded', 0, 'bool', { target: { op: '>=', value: 1 } }));
  }
  const nobleSign = measure(
    'sign noble',
    (i) => sink.add(encodeSignedTransaction(signWith(nobleBackend, buildTransfer(i), privateKey)).length),
    {
      durationMs: 1500,
      repeats: 3,
      warmupMs: 500,
    },
  );
  results.push(
    result('TRC-20 transfer build+sign+encode (noble)', rate(nobleSign), 'tx/s', {
      details: { ...timing(nobleSign), backend: 'noble', note: 'informational: pure-JS fallback' },
    }),
  );
  const buildOnly = measure('build only', (i) => sink.add(encodeSignedTransaction(buildTransfer(i)).length), {
    durationMs: 1000,
    repeats: 5,
  });
  results.push(
    result('TRC-20 transfer build+encode, no signature', rate(buildOnly), 'tx/s', {
      details: { ...timing(buildOnly), note: 'informational: cost split (calldata, protobuf, txID sha256)' },
    }),
  );

  // (b) address validation on a rotating set of valid addresses, and checksum rejections.
  log('toolkit: address validation …');
  const valid = recipients;
  const badChecksum = Array.from({ length: RECIPIENTS }, () => {
    for (;;) {
      const payload = randomAddressBytes();
      const full = new Uint8Array(25);
      full.set(payload);
      full.set(checksum4(payload), 21);
      full[24] = (full[24] as number) ^ 0x01;
      const text = base58Encode(full);
      if (text.length === 34) return text;
    }
  });
  let wrong = 0;
  for (const a of valid) if (!checkBase58Address(a).ok) wrong++;
  for (const a of badChecksum) {
    const c = checkBase58Address(a);
    if (c.ok || c.reason !== 'checksum') wrong++;
  }
  const validate = measure('validate', (i) => sink.add(checkBase58Address(valid[i % RECIPIENTS]).ok ? 1 : 0), {
    durationMs: 2500,
    repeats: 5,
    batch: 256,
  });
  results.push(
    result('checkBase58Address, valid addresses', rate(validate), 'addr/s', {
      target: { op: '>=', value: 200_000 },
      details: { ...timing(validate), distinct_inputs: RECIPIENTS, misclassified: wrong },
    }),
  );
  const reject = measure('reject', (i) => sink.add(checkBase58Address(badChecksum[i % RECIPIENTS]).ok ? 1 : 0), {
    durationMs: 1000,
    repeats: 5,
    batch: 256,
  });
  results.push(
    result('checkBase58Address, bad checksum rejected', rate(reject), 'addr/s', {
      details: { ...timing(reject), distinct_inputs: RECIPIENTS, note: 'informational' },
    }),
  );

  // (c) signer recovery (what the devnet does per broadcast).
  log('toolkit: signer recovery …');
  const signed = Array.from({ length: 256 }, (_, i) => {
    const digest = randomBytes(32);
    const { signature, recid } = secp.sign(digest, privateKey);
    return { digest, signature, recid, i };
  });
  for (const backend of [nativeBackend, nobleBackend]) {
    if (!backend) continue;
    let mismatches = 0;
    const m = measure(
      `recover ${backend.name}`,
      (i) => {
        const s = signed[i % signed.length] as (typeof signed)[number];
        const pub = backend.recover(s.digest, s.signature, s.recid);
        const address = pub ? publicKeyToAddressBytes(pub) : null;
        if (!address || address[20] !== owner[20]) mismatches++;
      },
      { durationMs: backend.name === 'native' ? 1000 : 1500, repeats: 3, batch: backend.name === 'native' ? 64 : 8 },
    );
    results.push(
      result(`signer recovery → address (${backend.name})`, rate(m), 'sig/s', {
        details: { ...timing(m), mismatches, note: 'informational' },
      }),
    );
  }

  // (d) HD public derivation of deposit addresses.
  log('toolkit: HD public derivation …');
  const wallet = HdWallet.fromSeed(randomBytes(64));
  const hd = measure('hd', (i) => sink.add(wallet.addressAt(0, i).base58.length), { durationMs: 1000, repeats: 3, batch: 16 });
  results.push(
    result('HdWallet.addressAt (public derivation)', rate(hd), 'addr/s', {
      details: { ...timing(hd), backend: secp.name, note: 'informational' },
    }),
  );

  if (sink.value === 42) log('');
  return results;
}
