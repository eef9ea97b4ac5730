/**
 * Transactions run back to back on one held PostgreSQL connection, each COMMIT sent together with the
 * next transaction's BEGIN as one simple query. A group commit waits on round trips, and this saves one
 * of them per transaction while more work is queued (ADR 0021). Statements of a simple query run one
 * after another: if the COMMIT fails, the BEGIN is not run and the error is thrown. If the connection
 * fails instead, whether the transaction committed is unknown: `CommitOutcomeUnknown` says so.
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
  /** a statement failed without an answer from PostgreSQL: the connection is not to be used again */
  broken = false;

  /** `connection` must be one held connection (`db.connection().execute(...)`), used by nothing else meanwhile. */
  constructor(private readonly connection: Kysely<DB>) {}

  /**
   * Runs `work` in a transaction and commits it. If `more()` says another transaction follows, the
   * next one's BEGIN goes with this COMMIT. If `work` or the commit fails, the transaction is rolled back
   * and the error thrown.
   */
  async run<T>(work: (trx: Transaction<DB>) => Promise<T>, more: () => boolean): Promise<T> {
    if (!this.open) await this.connection.executeQuery(BEGIN).catch((error: unknown) => this.fail(error));
    this.open = false;
    let result: T;
    try {
      // The held connection is inside the transaction opened above; Transaction<DB> is how callees ask for one.
      result = await work(this.connection as Transaction<DB>);
    } catch (error) {
      if (!isServerError(error)) this.broken = true;
      await this.rollback();
      throw error;
    }
    const chain = more();
    try {
      await this.sendCommit(chain);
    } catch (error) {
      await this.rollback();
      // PostgreSQL answered with an error: the transaction did not commit. Anything else (the connection
      // failed) leaves it unknown whether it did.
      if (isServerError(error)) throw error;
      this.broken = true;
      throw new CommitOutcomeUnknown(error, result);
    }
    this.open = chain;
    return result;
  }

  /** Sends the COMMIT, and the next BEGIN with it when `chain`. */
  async sendCommit(chain: boolean): Promise<void> {
    await this.connection.executeQuery(chain ? COMMIT_AND_BEGIN : COMMIT);
  }

  /** Ends a BEGIN sent ahead for work that did not come; call before releasing the connection. */
  async close(): Promise<void> {
    if (this.open) await this.rollback();
  }

  private fail(error: unknown): never {
    if (!isServerError(error)) this.broken = true;
    throw error;
  }

  private async rollback(): Promise<void> {
    this.open = false;
    // After a failed COMMIT there is no transaction left to roll back: PostgreSQL only warns.
    await this.connection.executeQuery(ROLLBACK).catch(() => undefined);
  }
}

/**
 * The COMMIT was sent but no answer came back: the transaction may or may not have committed. Carries
 * what the work returned, so that the caller can look for what it wrote instead of writing it again.
 */
export class CommitOutcomeUnknown<T = unknown> extends Error {
  constructor(
    cause: unknown,
    readonly result: T,
  ) {
    super(`the commit's outcome is unknown: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'CommitOutcomeUnknown';
  }
}

/** An error PostgreSQL sent (it carries a SQLSTATE code), as opposed to a failed connection. */
function isServerError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}
