/**
 * Transactions run back to back on one held PostgreSQL connection, each COMMIT sent together with the
 * next transaction's BEGIN as one simple query. A group commit waits on round trips, and this saves one
 * of them per transaction while more work is queued (ADR 0020). Statements of a simple query run one
 * after another: if the COMMIT fails, the BEGIN is not run and the error is thrown.
 */
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.js';

const BEGIN = CompiledQuery.raw('begin');
const COMMIT = CompiledQuery.raw('commit');
// No parameters: pg sends it with the simple protocol, which allows several statements.
const COMMIT_AND_BEGIN = CompiledQuery.raw('commit; begin');
const ROLLBACK = CompiledQuery.raw('rollback');

export class TransactionChain {
  /** a BEGIN has been sent and nothing has run in that transaction yet */
  private open = false;

  /** `connection` must be one held connection (`db.connection().execute(...)`), used by nothing else meanwhile. */
  constructor(private readonly connection: Kysely<DB>) {}

  /**
   * Runs `work` in a transaction and commits it. If `more()` says another transaction follows, the
   * next one's BEGIN goes with this COMMIT. If `work` or the commit fails, the transaction is rolled back
   * and the error thrown.
   */
  async run<T>(work: (trx: Transaction<DB>) => Promise<T>, more: () => boolean): Promise<T> {
    if (!this.open) await this.connection.executeQuery(BEGIN);
    this.open = false;
    let result: T;
    try {
      // The held connection is inside the transaction opened above; Transaction<DB> is how callees ask for one.
      result = await work(this.connection as Transaction<DB>);
      const chain = more();
      await this.connection.executeQuery(chain ? COMMIT_AND_BEGIN : COMMIT);
      this.open = chain;
    } catch (error) {
      await this.rollback();
      throw error;
    }
    return result;
  }

  /** Ends a BEGIN sent ahead for work that did not come; call before releasing the connection. */
  async close(): Promise<void> {
    if (this.open) await this.rollback();
  }

  private async rollback(): Promise<void> {
    this.open = false;
    // After a failed COMMIT there is no transaction left to roll back: PostgreSQL only warns.
    await this.connection.executeQuery(ROLLBACK).catch(() => undefined);
  }
}
