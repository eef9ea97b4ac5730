import { describe, expect, it } from 'vitest';
import { parsePayoutCsv } from './payout-csv.js';

const A = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';
const B = 'TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC';

describe('parsePayoutCsv', () => {
  it('reads rows without a header, with an optional reference, LF or CRLF, skipping blank lines', () => {
    const { rows, problems } = parsePayoutCsv(`${A},10\r\n\r\n ${B} , 2.5 ,order-7\n`);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 1, payee_address: A, amount: '10' },
      { line: 3, payee_address: B, amount: '2.5', reference_id: 'order-7' },
    ]);
  });

  it('reads a header in any column order (and a byte order mark)', () => {
    const { rows, problems } = parsePayoutCsv(`\uFEFFAmount,reference_id,payee_address\n1,r1,${A}\n2,,${B}\n`);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, payee_address: A, amount: '1', reference_id: 'r1' },
      { line: 3, payee_address: B, amount: '2' },
    ]);
  });

  it('keeps quoted fields as written: commas, doubled quotes and line breaks, numbering lines from where a row starts', () => {
    const { rows, problems } = parsePayoutCsv(`payee_address,amount,reference_id\n"${A}","1","a, ""quoted""\nnote"\n${B},2,x\n`);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, payee_address: A, amount: '1', reference_id: 'a, "quoted"\nnote' },
      { line: 4, payee_address: B, amount: '2', reference_id: 'x' },
    ]);
  });

  it('reports every bad row by its line and reason', () => {
    const text = [`${A},1`, `${A}`, `${A},1,r,extra`, `,5`, `${A},1"0`, `"${A}"x,1`, `${B},3`, `"${A},1`].join('\n');
    const { rows, problems } = parsePayoutCsv(text);
    expect(rows.map((r) => r.line)).toEqual([1, 7]);
    expect(problems).toEqual([
      { line: 2, message: 'expected 2 or 3 fields (payee_address,amount[,reference_id]), found 1' },
      { line: 3, message: 'expected 2 or 3 fields (payee_address,amount[,reference_id]), found 4' },
      { line: 4, message: 'payee_address is empty' },
      { line: 5, message: 'a quote inside an unquoted field (quote the whole field and double the quote)' },
      { line: 6, message: 'text after a closing quote (a quote inside a field must be doubled: "")' },
      { line: 8, message: 'a quoted field is not closed' },
    ]);
  });

  it('refuses a header with unknown, repeated or missing columns', () => {
    expect(parsePayoutCsv('payee_address,amount,memo\n').problems).toEqual([
      { line: 1, message: 'header: unknown column "memo" (columns: payee_address, amount, reference_id)' },
    ]);
    expect(parsePayoutCsv('amount,amount\n').problems).toEqual([
      {
        line: 1,
        message: 'header: column "amount" appears twice; column "payee_address" is missing (columns: payee_address, amount, reference_id)',
      },
    ]);
  });
});
