import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/db-harness.js';
import { openDatabase } from '../../db/database.js';
import { SCOPES } from '../../http/ports.js';
import { fixedClock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import { ApiKeysService, generateApiKey, hashApiKey } from './api-keys.service.js';
import { DEFAULT_KEY_SCOPES, DEFAULT_MERCHANT_HD_INDEX } from './merchant.js';
import { bootstrapDefaultMerchant } from './merchants.bootstrap.js';
import { createMerchantsModule, type MerchantsModule } from './merchants.module.js';

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('API key format', () => {
  it('is tpg_ + 43 base62 characters, different every time', () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateApiKey()));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(key).toMatch(/^tpg_[0-9A-Za-z]{43}$/);
  });

  it('draws characters without bias from the random source (bytes ≥ 248 are skipped)', () => {
    const bytes = [255, 248, 0, 61, 62, 247];
    const key = generateApiKey((size) => Uint8Array.from({ length: size }, (_, i) => bytes[i % bytes.length] ?? 0));
    expect(key.slice(4, 8)).toBe('0z0z');
  });

  it('is stored as lowercase hex SHA-256', () => {
    expect(hashApiKey('tpg_abc')).toBe(createHash('sha256').update('tpg_abc').digest('hex'));
  });
});

for (const engine of ENGINES) {
  describe(engine, () => {
    let database: TestDatabase;
    let mod: MerchantsModule;
    const clock = fixedClock(Date.UTC(2025, 0, 1));
    const extraHandles: { close(): Promise<void> }[] = [];

    /** A second gateway process on the same database. */
    function anotherProcess(): MerchantsModule {
      const handle = openDatabase({ ...database.connection, poolSize: 5 });
      extraHandles.push(handle);
      return createMerchantsModule(handle.db, { clock });
    }

    beforeEach(async () => {
      database = await openTestDatabase(engine);
      mod = createMerchantsModule(database.db, { clock });
    });
    afterEach(async () => {
      // Optional chaining keeps a failed set-up's own error the one reported.
      await mod?.apiKeys.flush();
      for (const handle of extraHandles.splice(0)) await handle.close();
      await database?.destroy();
    });

    describe('merchants', () => {
      it('creates a merchant with the first free hot-wallet index, after the default one', async () => {
        const merchant = await mod.merchants.createMerchant({ name: '  Coffee Shop ', settlementFrequency: 'hourly' });
        expect(merchant).toMatchObject({
          name: 'Coffee Shop',
          hdIndex: 1,
          status: 'active',
          settlementFrequency: 'hourly',
          createdAt: clock.now(),
        });
        expect(merchant.id).toMatch(/^mer_[0-9a-f]{32}$/);
        expect(await mod.merchants.getMerchant(merchant.id)).toEqual(merchant);
        const second = await mod.merchants.createMerchant({ name: 'Bakery' });
        expect(second).toMatchObject({ hdIndex: 2, settlementFrequency: null });
        expect((await mod.merchants.listMerchants()).map((m) => m.hdIndex)).toEqual([1, 2]);
      });

      it('gives 20 concurrent creates 20 different indexes, with no gap', async () => {
        const created = await Promise.all(Array.from({ length: 20 }, (_, i) => mod.merchants.createMerchant({ name: `m${i}` })));
        const indexes = created.map((m) => m.hdIndex).sort((a, b) => a - b);
        expect(indexes).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        const stored = await mod.merchants.listMerchants();
        expect(stored.map((m) => m.hdIndex)).toEqual(indexes);
      });

      // SQLite is one process by design (SPEC §6): two synchronous handles in one process would block each other.
      it.skipIf(engine === 'sqlite')('keeps indexes unique when two processes create at once', async () => {
        const other = anotherProcess();
        const created = await Promise.all(
          Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? mod : other).merchants.createMerchant({ name: `m${i}` })),
        );
        expect(new Set(created.map((m) => m.hdIndex)).size).toBe(20);
        expect(Math.max(...created.map((m) => m.hdIndex))).toBe(20);
      });

      it('refuses an empty or overlong name and an unknown settlement frequency, naming each field', async () => {
        const error = await rejection(mod.merchants.createMerchant({ name: '  ', settlementFrequency: 'monthly' }));
        expect(error.code).toBe('validation_failed');
        expect(error.errors.map((e) => e.path)).toEqual(['name', 'settlement_frequency']);
        expect((await rejection(mod.merchants.createMerchant({ name: 'x'.repeat(101) }))).errors[0]?.path).toBe('name');
        expect((await rejection(mod.merchants.createMerchant({ name: 'a\nb' }))).errors[0]?.message).toContain('control');
        expect(await mod.merchants.listMerchants()).toEqual([]);
      });

      it('answers not_found for an unknown merchant', async () => {
        expect((await rejection(mod.merchants.getMerchant('mer_0000000000000000'))).code).toBe('not_found');
        expect(await mod.merchants.findMerchant('mer_0000000000000000')).toBeNull();
      });

      it('creates the default merchant once; later calls and other processes find it', async () => {
        const first = await mod.merchants.ensureDefaultMerchant();
        expect(first.created).toBe(true);
        expect(first.merchant.hdIndex).toBe(DEFAULT_MERCHANT_HD_INDEX);
        const again = await mod.merchants.ensureDefaultMerchant();
        expect(again).toEqual({ merchant: first.merchant, created: false });
        expect(await anotherProcess().merchants.ensureDefaultMerchant()).toEqual({ merchant: first.merchant, created: false });
        expect(await mod.merchants.listMerchants()).toHaveLength(1);
        // The next merchant still gets index 1.
        expect((await mod.merchants.createMerchant({ name: 'next' })).hdIndex).toBe(1);
      });

      it('creates exactly one default merchant when processes race for it', async () => {
        const processes = [mod, anotherProcess(), anotherProcess(), mod];
        const results = await Promise.all(processes.map((p) => p.merchants.ensureDefaultMerchant()));
        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect(new Set(results.map((r) => r.merchant.id)).size).toBe(1);
        expect(await mod.merchants.listMerchants()).toHaveLength(1);
      });
    });

    describe('API keys', () => {
      it('creates a key with the default scopes, stores only its hash, and authenticates it', async () => {
        const merchant = await mod.merchants.createMerchant({ name: 'Shop' });
        const { key, secret, created } = await mod.apiKeys.createKey({ merchantId: merchant.id, name: 'server' });
        expect(created).toBe(true);
        expect(secret).toMatch(/^tpg_[0-9A-Za-z]{43}$/);
        expect(key).toEqual({
          id: expect.stringMatching(/^key_[0-9a-f]{32}$/),
          merchant_id: merchant.id,
          name: 'server',
          prefix: `${secret.slice(0, 8)}…`,
          scopes: [...DEFAULT_KEY_SCOPES],
          status: 'active',
          created_at: '2025-01-01T00:00:00.000Z',
          last_used_at: null,
          revoked_at: null,
        });
        expect(key.scopes).not.toContain('admin');

        const rows = await database.db.selectFrom('api_keys').selectAll().execute();
        expect(rows).toHaveLength(1);
        expect(rows[0]?.key_hash).toBe(createHash('sha256').update(secret).digest('hex'));
        expect(rows[0]?.key_prefix).toBe(secret.slice(0, 8));
        const dump = JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
        expect(dump).not.toContain(secret);
        expect(dump).not.toContain(secret.slice(8));

        const principal = await mod.apiKeys.authenticate(secret);
        expect(principal).toEqual({ merchantId: merchant.id, keyId: key.id, actor: key.id, scopes: new Set(DEFAULT_KEY_SCOPES) });
      });

      it('lists keys without secret or hash, and refuses unknown scopes and bad names', async () => {
        const merchant = await mod.merchants.createMerchant({ name: 'Shop' });
        const a = await mod.apiKeys.createKey({
          merchantId: merchant.id,
          name: 'a',
          scopes: ['reports:read', 'payments:read', 'reports:read'],
        });
        expect(a.key.scopes).toEqual(['payments:read', 'reports:read']);
        clock.advance(1);
        const b = await mod.apiKeys.createKey({ merchantId: merchant.id, name: 'b', scopes: [...SCOPES] });
        const listed = await mod.apiKeys.listKeys(merchant.id);
        expect(listed.map((k) => k.id)).toEqual([a.key.id, b.key.id]);
        const text = JSON.stringify(listed);
        expect(text).not.toContain(a.secret);
        expect(text).not.toContain(hashApiKey(a.secret));
        expect(text).not.toMatch(/[0-9a-f]{64}/);

        const bad = await rejection(mod.apiKeys.createKey({ merchantId: merchant.id, name: '', scopes: ['payments:read', 'root'] }));
        expect(bad.code).toBe('validation_failed');
        expect(bad.errors.map((e) => e.path)).toEqual(['name', 'scopes/1']);
        expect((await rejection(mod.apiKeys.createKey({ merchantId: merchant.id, name: 'x', scopes: [] }))).errors[0]?.path).toBe('scopes');
        expect((await rejection(mod.apiKeys.createKey({ merchantId: 'mer_0000000000000000', name: 'x' }))).code).toBe('not_found');
      });

      it('does not authenticate unknown, malformed or revoked keys', async () => {
        const merchant = await mod.merchants.createMerchant({ name: 'Shop' });
        const { key, secret } = await mod.apiKeys.createKey({ merchantId: merchant.id, name: 'k' });
        expect(await mod.apiKeys.authenticate(generateApiKey())).toBeNull();
        expect(await mod.apiKeys.authenticate('')).toBeNull();
        expect(await mod.apiKeys.authenticate(`${secret} `)).toBeNull();
        expect(await mod.apiKeys.authenticate(secret.toUpperCase())).toBeNull();
        expect(await mod.apiKeys.authenticate("' or 1=1 --")).toBeNull();

        clock.advance(1000);
        const revoked = await mod.apiKeys.revokeKey(merchant.id, key.id);
        expect(revoked).toMatchObject({ id: key.id, status: 'revoked', revoked_at: new Date(clock.now()).toISOString() });
        expect(await mod.apiKeys.authenticate(secret)).toBeNull();
        // Another process sees the revocation at once.
        expect(await anotherProcess().apiKeys.authenticate(secret)).toBeNull();
        // Revoking again returns the key unchanged.
        clock.advance(1000);
        expect(await mod.apiKeys.revokeKey(merchant.id, key.id)).toEqual(revoked);
      });

      it('with a principal cache, requests arriving together share one lookup, and a revocation here takes effect at once', async () => {
        const merchant = await mod.merchants.createMerchant({ name: 'Shop' });
        const { key, secret } = await mod.apiKeys.createKey({ merchantId: merchant.id, name: 'k' });
        const repository = new ApiKeysRepository(database.db);
        let lookups = 0;
        const findByHash = repository.findByHash.bind(repository);
        repository.findByHash = (hash) => {
          lookups++;
          return findByHash(hash);
        };
        const cached = new ApiKeysService({ repository, merchants: mod.merchants, clock, principalCacheMs: 5_000 });
        const principals = await Promise.all(Array.from({ length: 50 }, () => cached.authenticate(secret)));
        expect(new Set(principals.map((p) => p?.keyId))).toEqual(new Set([key.id]));
        expect(lookups).toBe(1);
        clock.advance(4_000); // in the last quarter of the TTL: served, and refreshed behind the scenes
        expect(await cached.authenticate(secret)).toMatchObject({ keyId: key.id });
        await cached.flush();
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(lookups).toBe(2);
        await cached.revokeKey(merchant.id, key.id);
        expect(await cached.authenticate(secret)).toBeNull();
        expect(lookups).toBe(3);
        await cached.flush();
      });

      it("answers not_found for another merchant's key and leaves it working", async () => {
        const alice = await mod.merchants.createMerchant({ name: 'Alice' });
        const bob = await mod.merchants.createMerchant({ name: 'Bob' });
        const bobsKey = await mod.apiKeys.createKey({ merchantId: bob.id, name: 'bob' });
        const error = await rejection(mod.apiKeys.revokeKey(alice.id, bobsKey.key.id));
        expect(error.code).toBe('not_found');
        expect((await rejection(mod.apiKeys.revokeKey(alice.id, 'key_ffffffffffffffff'))).detail).toBe(
          error.detail.replace(bobsKey.key.id, 'key_ffffffffffffffff'),
        );
        expect((await rejection(mod.apiKeys.revokeKey(alice.id, 'not-an-id'))).code).toBe('not_found');
        expect((await rejection(mod.apiKeys.getKey(alice.id, bobsKey.key.id))).code).toBe('not_found');
        expect(await mod.apiKeys.listKeys(alice.id)).toEqual([]);
        expect(await mod.apiKeys.authenticate(bobsKey.secret)).not.toBeNull();
      });

      it('registers a given raw key (the bootstrap key) once; registering it again returns the existing key', async () => {
        const merchant = await mod.merchants.createMerchant({ name: 'Shop' });
        const raw = 'operator-chosen_bootstrap-key-0123456789';
        const first = await mod.apiKeys.createKey({ merchantId: merchant.id, name: 'bootstrap', scopes: [...SCOPES], rawKey: raw });
        expect(first).toMatchObject({ secret: raw, created: true, key: { prefix: 'oper…', scopes: [...SCOPES] } });
        clock.advance(5000);
        const again = await anotherProcess().apiKeys.createKey({
          merchantId: merchant.id,
          name: 'bootstrap',
          scopes: [...SCOPES],
          rawKey: raw,
        });
        expect(again).toEqual({ ...first, created: false });
        expect(await mod.apiKeys.listKeys(merchant.id)).toHaveLength(1);
        const principal = await mod.apiKeys.authenticate(raw);
        expect(principal?.scopes.has('admin')).toBe(true);
        const row = await database.db.selectFrom('api_keys').select('key_hash').executeTakeFirstOrThrow();
        expect(row.key_hash).toBe(hashApiKey(raw));

        const other = await mod.merchants.createMerchant({ name: 'Other' });
        expect((await rejection(mod.apiKeys.createKey({ merchantId: other.id, name: 'x', rawKey: raw }))).code).toBe('conflict');
        expect((await rejection(mod.apiKeys.createKey({ merchantId: other.id, name: 'x', rawKey: 'short' }))).errors[0]?.path).toBe(
          'raw_key',
        );
      });

      it('writes last_used_at in the background, at most once a minute per key', async () => {
        const merchant = await mod.merchants.createMerchant({ name: 'Shop' });
        const { key, secret } = await mod.apiKeys.createKey({ merchantId: merchant.id, name: 'k' });
        const lastUsed = async () => (await mod.apiKeys.getKey(merchant.id, key.id)).last_used_at;

        const start = clock.now();
        await mod.apiKeys.authenticate(secret);
        await mod.apiKeys.flush();
        expect(await lastUsed()).toBe(new Date(start).toISOString());

        clock.advance(30_000);
        await mod.apiKeys.authenticate(secret);
        await anotherProcess().apiKeys.authenticate(secret); // reads the stored time: still within the minute
        await mod.apiKeys.flush();
        expect(await lastUsed()).toBe(new Date(start).toISOString());

        clock.advance(30_000);
        await mod.apiKeys.authenticate(secret);
        await mod.apiKeys.flush();
        expect(await lastUsed()).toBe(new Date(start + 60_000).toISOString());
      });

      it('authentication does not wait for the last_used_at write, and a failing write does not fail it', async () => {
        const merchant = await mod.merchants.createMerchant({ name: 'Shop' });
        const { secret } = await mod.apiKeys.createKey({ merchantId: merchant.id, name: 'k' });
        let failWrite: (error: Error) => void = () => {};
        const repository = new ApiKeysRepository(database.db);
        repository.touch = () => new Promise<void>((_resolve, reject) => (failWrite = reject));
        const failures: unknown[] = [];
        const apiKeys = new ApiKeysService({ repository, merchants: mod.merchants, clock, onBackgroundError: (e) => failures.push(e) });

        expect(await apiKeys.authenticate(secret)).not.toBeNull(); // the write is still pending here
        failWrite(new Error('disk full'));
        await apiKeys.flush();
        expect(failures).toEqual([new Error('disk full')]);
        expect(await apiKeys.authenticate(secret)).not.toBeNull();
      });
    });

    describe('bootstrap of a fresh install', () => {
      it('creates the default merchant and prints one first key with every scope, once', async () => {
        const first = await bootstrapDefaultMerchant(mod);
        expect(first.created).toBe(true);
        expect(first.bootstrapKey).toBeNull();
        expect(first.firstKey?.key.scopes).toEqual([...SCOPES]);
        expect(await mod.apiKeys.authenticate(first.firstKey?.secret ?? '')).not.toBeNull();

        const second = await bootstrapDefaultMerchant(anotherProcess());
        expect(second).toEqual({ merchant: first.merchant, created: false, bootstrapKey: null, firstKey: null });

        // Revoking every key does not make a restart mint a new one.
        await mod.apiKeys.revokeKey(first.merchant.id, first.firstKey?.key.id ?? '');
        expect((await bootstrapDefaultMerchant(mod)).firstKey).toBeNull();
      });

      it('registers the configured bootstrap key with every scope and reuses it on restart', async () => {
        const raw = generateApiKey();
        const first = await bootstrapDefaultMerchant(mod, { bootstrapApiKey: raw });
        expect(first.firstKey).toBeNull();
        expect(first.bootstrapKey?.scopes).toEqual([...SCOPES]);
        const again = await bootstrapDefaultMerchant(anotherProcess(), { bootstrapApiKey: raw });
        expect(again.bootstrapKey).toEqual(first.bootstrapKey);
        expect(await mod.apiKeys.listKeys(first.merchant.id)).toHaveLength(1);
        expect((await mod.apiKeys.authenticate(raw))?.merchantId).toBe(first.merchant.id);
      });
    });
  });
}
