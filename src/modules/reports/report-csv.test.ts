import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load.js';
import { csvCell, csvLine, renderRows } from './report-csv.js';
import type { ReportRow } from './reports.repository.js';

const ASSETS = loadConfig({ allowMissingFile: true, env: {} }).assets;

const row = (overrides: Partial<ReportRow> = {}): ReportRow => ({
  id: 'pay_0000000000000001',
  createdAt: Date.UTC(2026, 2, 1, 12),
  status: 'completed',
  method: 'payment_gateway',
  priority: 'normal',
  currency: 'USDT',
  amount: 12_500_000n,
  fee: 18_750n,
  netAmount: 12_481_250n,
  payerAddress: null,
  payeeAddress: 'TLsV52sRDL79HXGGm9yzwKibb6BeruhUzy',
  referenceId: 'order-1',
  transactionId: null,
  completedAt: null,
  ...overrides,
});

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const c of chunks) out += c;
  return out;
}

async function* rows(list: ReportRow[]): AsyncGenerator<ReportRow> {
  yield* list;
}

describe('csvCell', () => {
  it('quotes fields with commas, quotes or line breaks and doubles their quotes (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('defuses a cell a spreadsheet would run as a formula: %j', (value) => {
    expect(csvCell(value).replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('quotes a defused formula that also holds a comma', () => {
    expect(csvCell('=HYPERLINK("x",1)')).toBe('"\'=HYPERLINK(""x"",1)"');
  });

  it('ends lines with CRLF', () => {
    expect(csvLine(['a', null, 'b'])).toBe('a,,b\r\n');
  });
});

describe('renderRows', () => {
  it('writes a CSV header and one line per row with decimal amounts and ISO times', async () => {
    const text = await collect(renderRows(rows([row()]), 'csv', ASSETS));
    expect(text.split('\r\n')).toEqual([
      'id,created_at,status,payment_method,priority,currency,amount,fee,net_amount,payer_address,payee_address,reference_id,transaction_id,completed_at',
      'pay_0000000000000001,2026-03-01T12:00:00.000Z,completed,payment_gateway,normal,USDT,12.5,0.01875,12.48125,,TLsV52sRDL79HXGGm9yzwKibb6BeruhUzy,order-1,,',
      '',
    ]);
  });

  it('writes a JSON array that parses back, also when empty', async () => {
    expect(JSON.parse(await collect(renderRows(rows([]), 'json', ASSETS)))).toEqual([]);
    const parsed = JSON.parse(await collect(renderRows(rows([row(), row({ id: 'pay_0000000000000002' })]), 'json', ASSETS)));
    expect(parsed.map((r: { id: string }) => r.id)).toEqual(['pay_0000000000000001', 'pay_0000000000000002']);
    expect(parsed[0]).toMatchObject({ amount: '12.5', fee: '0.01875', net_amount: '12.48125', completed_at: null });
  });
});
