/**
 * A named lease in the database: one holder at a time across every process sharing it (one active
 * scanner, one send tracker). A holder renews before `expires_at`; a stand-by takes over once it has
 * passed. `token` grows with every new holder, so a holder that paused past its lease can tell it lost it.
 */
import { type CompiledQuery, type Expression, type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import { type AtomicWriter, transactionWriter } from '../../db/atomic-writes.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';

type Executor = Kysely<DB> | Transaction<DB>;
type LeaseRow = { holder: string; token: bigint | number | string; expires_at: bigint | number | string };

export interface HeldLease {
  name: string;
  holder: string;
  token: bigint;
  expiresAt: number;
}

/** A `where` condition: the lease is still held (for a write that must not happen once it is lost). */
export type HeldCondition = Expression<SqlBool>;

export class LeaseStore {
  private readonly writeAtomically: AtomicWriter;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    /** Database.writeAtomically; a plain transaction by default */
    writeAtomically?: AtomicWriter,
  ) {
    this.writeAtomically = writeAtomically ?? transactionWriter(db);
  }

  /**
   * Takes the lease if it is free, expired or already ours (then renews it); null when another holder
   * has it. Atomic on both engines: one conditional upsert.
   */
  async acquire(name: string, holder: string, ttlMs: number): Promise<HeldLease | null> {
    const now = this.clock.now();
    const expiresAt = now + ttlMs;
    await this.db
      .insertInto('leases')
      .values({ name, holder, token: 1, expires_at: expiresAt, updated_at: now })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet((eb) => ({
            // a new holder gets a new token; the same holder keeps its own
            token: eb
              .case()
              .when('leases.holder', '=', holder)
              .then(eb.ref('leases.token'))
              .else(eb(eb.ref('leases.token'), '+', 1))
              .end(),
            holder,
            expires_at: expiresAt,
            updated_at: now,
          }))
          .where((eb) => eb.or([eb('leases.holder', '=', holder), eb('leases.expires_at', '<', now)])),
      )
      .execute();
    const row = await this.db.selectFrom('leases').selectAll().where('name', '=', name).executeTakeFirst();
    if (!row || row.holder !== holder || Number(row.expires_at) !== expiresAt) return null;
    return { name, holder, token: BigInt(row.token), expiresAt };
  }

  /** Whether `lease` is still held (same holder and token, not expired), read inside the caller's transaction. */
  async stillHeld(executor: Executor, lease: HeldLease): Promise<boolean> {
    return this.holds(await this.leaseRow(executor, lease).executeTakeFirst(), lease);
  }

  /**
   * Writes that must happen only while `lease` is held, as one atomic batch (atomic-writes.ts: on SQLite
   * the write lock is not held across round trips). Each query puts `held` in its own `where`; the batch
   * also reads the lease, which says whether they ran. False when the lease was lost.
   */
  async writeWhileHeld(lease: HeldLease, build: (held: HeldCondition) => CompiledQuery[]): Promise<boolean> {
    const now = this.clock.now();
    const held = sql<SqlBool>`exists (select 1 from leases where name = ${lease.name} and holder = ${lease.holder} and token = ${lease.token} and expires_at > ${now})`;
    const [check] = await this.writeAtomically([this.leaseRow(this.db, lease).compile(), ...build(held)]);
    return this.holds(check?.rows[0] as LeaseRow | undefined, lease, now);
  }

  private leaseRow(executor: Executor, lease: HeldLease) {
    return executor.selectFrom('leases').select(['holder', 'token', 'expires_at']).where('name', '=', lease.name);
  }

  private holds(row: LeaseRow | undefined, lease: HeldLease, now = this.clock.now()): boolean {
    return !!row && row.holder === lease.holder && BigInt(row.token) === lease.token && Number(row.expires_at) > now;
  }

  async release(lease: HeldLease): Promise<void> {
    await this.db
      .updateTable('leases')
      .set({ expires_at: 0, updated_at: this.clock.now() })
      .where('name', '=', lease.name)
      .where('holder', '=', lease.holder)
      .where('token', '=', lease.token)
      .execute();
  }

  async current(name: string): Promise<{ holder: string; token: bigint; expiresAt: number } | null> {
    const row = await this.db.selectFrom('leases').selectAll().where('name', '=', name).executeTakeFirst();
    return row ? { holder: row.holder, token: BigInt(row.token), expiresAt: Number(row.expires_at) } : null;
  }
}
