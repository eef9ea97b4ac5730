/**
 * Money columns on SQLite (docs/adr/0028). An 18-decimal token's amounts pass 2^63 base units at about
 * 9.2 tokens, beyond SQLite's 64-bit integers, so money columns are declared `money_text`: TEXT affinity
 * (SQLite's rule: the declared type contains "TEXT" and not "INT"), every value an exact decimal string.
 * Each connection gets three functions that PostgreSQL's migration defines too, so repositories write
 * the same SQL for both engines: money_add(a, b), money_cmp(a, b) (-1, 0, 1) and the aggregate
 * money_sum(x). Reads turn the declared money columns back into bigint, as PostgreSQL's numeric does.
 *
 * The code is one JavaScript source because the writer thread (sqlite-writer-thread.ts) is evaluated
 * from a string: it embeds this source, and this thread compiles the same text once below.
 */
import type BetterSqlite3 from 'better-sqlite3';

/** The declared type of a money column on SQLite. */
export const SQLITE_MONEY_TYPE = 'money_text';

export const SQLITE_MONEY_SOURCE = `
const MONEY_TYPE = ${JSON.stringify(SQLITE_MONEY_TYPE)};
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
function toBig(v) {
  return typeof v === 'bigint' ? v : BigInt(v);
}
function installMoneyFunctions(db) {
  const options = { deterministic: true, safeIntegers: true };
  db.function('money_add', options, (a, b) => (a === null || b === null ? null : (toBig(a) + toBig(b)).toString()));
  db.function('money_cmp', options, (a, b) => {
    if (a === null || b === null) return null;
    const x = toBig(a);
    const y = toBig(b);
    return x < y ? -1n : x > y ? 1n : 0n;
  });
  db.aggregate('money_sum', {
    ...options,
    start: () => 0n,
    step: (total, v) => (v === null ? total : total + toBig(v)),
    result: (total) => total.toString(),
  });
}
const moneyColumnsByStatement = new WeakMap();
/** Rows with the statement's money columns as bigint. */
function readMoney(stmt, rows) {
  let names = moneyColumnsByStatement.get(stmt);
  if (names === undefined) {
    names = stmt.columns().filter((c) => c.type === MONEY_TYPE).map((c) => c.name);
    moneyColumnsByStatement.set(stmt, names);
  }
  if (names.length === 0) return rows;
  for (const row of rows) {
    for (const name of names) {
      const v = row[name];
      if (v !== null && v !== undefined && typeof v !== 'bigint') row[name] = BigInt(v);
    }
  }
  return rows;
}
/**
 * Parameters as SQLite should store them: an integral number as an integer (better-sqlite3 binds every
 * number as a double, which a text column would keep as "5.0"), a bigint beyond 64 bits as its decimal
 * string (money columns hold text; SQLite cannot bind it otherwise).
 */
function bindable(params) {
  let out = params;
  for (let i = 0; i < params.length; i++) {
    const v = params[i];
    let w = v;
    if (typeof v === 'number') {
      if (Number.isSafeInteger(v)) w = BigInt(v);
    } else if (typeof v === 'bigint' && (v > INT64_MAX || v < INT64_MIN)) {
      w = v.toString();
    }
    if (w !== v) {
      if (out === params) out = params.slice();
      out[i] = w;
    }
  }
  return out;
}
`;

interface SqliteMoney {
  installMoneyFunctions(db: BetterSqlite3.Database): void;
  readMoney<R>(stmt: BetterSqlite3.Statement<unknown[], unknown>, rows: R[]): R[];
  bindable(params: readonly unknown[]): readonly unknown[];
}

// the same text the writer thread runs, compiled once for the connections of this thread
const compiled = new Function(`${SQLITE_MONEY_SOURCE}\nreturn { installMoneyFunctions, readMoney, bindable };`)() as SqliteMoney;

export const { installMoneyFunctions, readMoney, bindable } = compiled;
