import { type CompiledQuery, type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/db-harness.js';
import type { DB } from './schema.js';
import { CommitOutcomeUnknown, TransactionChain } from './transaction-chain.js';

/** A connection that records the statements sent to it and fails those `failing` names. */
function recordingConnection(failing: Set<string> = new Set()) {
  const sent: string[] = [];
  const connection = {
    async executeQuery(query: CompiledQuery) {
      sent.push(query.sql);
      if (failing.has(query.sql)) throw new Error(`${query.sql} failed`);
      return { rows: [] };
    },
  } as unknown as Kysely<DB>;
  return { sent, connection };
}

describe('TransactionChain', () => {
  it('sends each COMMIT with the next BEGIN while more follows, and a plain COMMIT at the end', async () => {
    const { sent, connection } = recordingConnection();
    const chain = new TransactionChain(connection);
    const work = (name: string) => async () => {
      sent.push(name);
      return name;
    };
    expect(await chain.run(work('a'), () => true)).toBe('a');
    expect(await chain.run(work('b'), () => true)).toBe('b');
    expect(await chain.run(work('c'), () => false)).toBe('c');
    await chain.close();
    expect(sent).toEqual(['begin', 'a', 'commit; begin', 'b', 'commit; begin', 'c', 'commit']);
  });

  it('rolls back a BEGIN sent ahead for work that did not come', async () => {
    const { sent, connection } = recordingConnection();
    const chain = new TransactionChain(connection);
    await chain.run(
      async () => undefined,
      () => true,
    );
    await chain.close();
    expect(sent).toEqual(['begin', 'commit; begin', 'rollback']);
  });

  it('rolls back when the work fails, and the next transaction begins afresh', async () => {
    const { sent, connection } = recordingConnection();
    const chain = new TransactionChain(connection);
    await expect(
      chain.run(
        async () => {
          throw new Error('constraint');
        },
        () => true,
      ),
    ).rejects.toThrow('constraint');
    await chain.run(
      async () => undefined,
      () => false,
    );
    expect(sent).toEqual(['begin', 'rollback', 'begin', 'commit']);
  });

  it('throws a COMMIT that PostgreSQL refused as it is (the BEGIN with it is not run) and begins the next transaction afresh', async () => {
    const sent: string[] = [];
    const connection = {
      async executeQuery(query: CompiledQuery) {
        sent.push(query.sql);
        if (query.sql === 'commit; begin') throw Object.assign(new Error('could not serialize access'), { code: '40001' });
        return { rows: [] };
      },
    } as unknown as Kysely<DB>;
    const chain = new TransactionChain(connection);
    await expect(
      chain.run(
        async () => 'written',
        () => true,
      ),
    ).rejects.toMatchObject({ code: '40001' });
    expect(chain.broken).toBe(false);
    expect(sent).toEqual(['begin', 'commit; begin', 'rollback']);
    sent.length = 0;
    await expect(
      chain.run(
        async () => undefined,
        () => true,
      ),
    ).rejects.toThrow();
    expect(sent[0]).toBe('begin');
  });

  it('reports a COMMIT left without an answer as an unknown outcome, with what the work returned, and marks the connection broken', async () => {
    const { sent, connection } = recordingConnection(new Set(['commit']));
    const chain = new TransactionChain(connection);
    const failure = await chain
      .run(
        async () => ({ probe: 'pay_1' }),
        () => false,
      )
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CommitOutcomeUnknown);
    expect((failure as CommitOutcomeUnknown<{ probe: string }>).result).toEqual({ probe: 'pay_1' });
    expect(((failure as Error).cause as Error).message).toBe('commit failed');
    expect(chain.broken).toBe(true);
    expect(sent).toEqual(['begin', 'commit', 'rollback']);
  });

  it('marks the connection broken when the work fails without an answer from PostgreSQL, not when PostgreSQL refuses a statement', async () => {
    const { connection } = recordingConnection();
    const chain = new TransactionChain(connection);
    await expect(
      chain.run(
        async () => {
          throw Object.assign(new Error('duplicate key'), { code: '23505' });
        },
        () => true,
      ),
    ).rejects.toThrow('duplicate key');
    expect(chain.broken).toBe(false);
    await expect(
      chain.run(
        async () => {
          throw new Error('Connection terminated unexpectedly');
        },
        () => true,
      ),
    ).rejects.toThrow('Connection terminated');
    expect(chain.broken).toBe(true);
  });
});

describe('TransactionChain on PostgreSQL', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase('postgres');
    await sql`create table chain_probe (n int primary key)`.execute(database.db);
  });
  afterEach(async () => database?.destroy());

  /** Whether the connection is inside a transaction that began before this statement. */
  const insideOlderTransaction = async (connection: Kysely<DB>) => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { rows } = await sql<{ inside: boolean }>`select now() <> statement_timestamp() as inside`.execute(connection);
    return rows[0]?.inside;
  };

  it('commits each transaction, rolls back a failed one, and leaves the connection outside any transaction', async () => {
    const count = async () => Number((await sql<{ n: bigint }>`select count(*) as n from chain_probe`.execute(database.db)).rows[0]?.n);
    await database.db.connection().execute(async (connection) => {
      const chain = new TransactionChain(connection);
      await chain.run(
        (trx) => sql`insert into chain_probe values (1)`.execute(trx),
        () => true,
      );
      // committed: another connection sees it while the chain's next transaction is already open
      expect(await count()).toBe(1);
      expect(await insideOlderTransaction(connection)).toBe(true);
      await expect(
        chain.run(
          async (trx) => {
            await sql`insert into chain_probe values (2)`.execute(trx);
            await sql`insert into chain_probe values (1)`.execute(trx); // duplicate key
          },
          () => true,
        ),
      ).rejects.toThrow(/duplicate key/);
      expect(await count()).toBe(1);
      await chain.run(
        (trx) => sql`insert into chain_probe values (3)`.execute(trx),
        () => true,
      );
      await chain.close();
      expect(await insideOlderTransaction(connection)).toBe(false);
    });
    const { rows } = await sql<{ n: number }>`select n from chain_probe order by n`.execute(database.db);
    expect(rows.map((r) => r.n)).toEqual([1, 3]);
  });
});
