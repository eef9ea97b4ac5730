/**
 * The payout file of `payouts send --csv` and of the dashboard's batch upload (pure, so the browser
 * bundle uses it too): `payee_address,amount[,reference_id]` per line, RFC 4180
 * quoting (a field in double quotes may hold commas, line breaks and doubled quotes), LF or CRLF, an
 * optional header line naming the columns (in any order), blank lines skipped. Every problem is reported
 * with the line it starts on; the amounts and addresses themselves are checked by the payments module.
 */

export const PAYOUT_COLUMNS = ['payee_address', 'amount', 'reference_id'] as const;
export type PayoutColumn = (typeof PAYOUT_COLUMNS)[number];

export interface PayoutRow {
  /** the line the row starts on (1-based) */
  line: number;
  payee_address: string;
  amount: string;
  reference_id?: string;
}

export interface CsvProblem {
  line: number;
  message: string;
}

interface CsvRecord {
  line: number;
  fields: string[];
}

export function parsePayoutCsv(text: string): { rows: PayoutRow[]; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const records = splitRecords(text.replace(/^\uFEFF/, ''), problems).filter((r) => !(r.fields.length === 1 && r.fields[0] === ''));
  const first = records[0];
  let columns: PayoutColumn[] = [...PAYOUT_COLUMNS];
  // a header names at least one of the two required columns; a data row never holds those words
  const hasHeader = first?.fields.some((f) => ['payee_address', 'amount'].includes(f.toLowerCase())) === true;
  if (first && hasHeader) {
    const header = headerColumns(first, problems);
    if (!header) return { rows: [], problems };
    columns = header;
  }
  const rows: PayoutRow[] = [];
  for (const record of hasHeader ? records.slice(1) : records) {
    const row = toRow(record, columns, hasHeader, problems);
    if (row) rows.push(row);
  }
  return { rows, problems: problems.sort((a, b) => a.line - b.line) };
}

function headerColumns(record: CsvRecord, problems: CsvProblem[]): PayoutColumn[] | null {
  const names = record.fields.map((f) => f.toLowerCase());
  const unknown = names.filter((n) => !(PAYOUT_COLUMNS as readonly string[]).includes(n));
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  const missing = PAYOUT_COLUMNS.slice(0, 2).filter((c) => !names.includes(c));
  const problem = [
    ...unknown.map((n) => `unknown column "${n}"`),
    ...repeated.map((n) => `column "${n}" appears twice`),
    ...missing.map((n) => `column "${n}" is missing`),
  ];
  if (problem.length === 0) return names as PayoutColumn[];
  problems.push({ line: record.line, message: `header: ${problem.join('; ')} (columns: ${PAYOUT_COLUMNS.join(', ')})` });
  return null;
}

function toRow(record: CsvRecord, columns: readonly PayoutColumn[], hasHeader: boolean, problems: CsvProblem[]): PayoutRow | null {
  const { line, fields } = record;
  const required = columns.filter((c) => c !== 'reference_id').length;
  if (fields.length > columns.length || fields.length < required) {
    const expected = hasHeader ? `${columns.length} fields (${columns.join(',')})` : '2 or 3 fields (payee_address,amount[,reference_id])';
    problems.push({ line, message: `expected ${expected}, found ${fields.length}` });
    return null;
  }
  const value = (column: PayoutColumn) => {
    const index = columns.indexOf(column);
    return index === -1 ? undefined : fields[index];
  };
  const payee = value('payee_address') ?? '';
  const amount = value('amount') ?? '';
  const empty = [payee === '' ? 'payee_address' : null, amount === '' ? 'amount' : null].filter((c) => c !== null);
  if (empty.length > 0) {
    problems.push({ line, message: `${empty.join(' and ')} ${empty.length === 1 ? 'is' : 'are'} empty` });
    return null;
  }
  const reference = value('reference_id');
  return { line, payee_address: payee, amount, ...(reference !== undefined && reference !== '' ? { reference_id: reference } : {}) };
}

/** RFC 4180 records with the line each starts on. Unquoted fields are trimmed; quoted ones are kept as written. */
function splitRecords(text: string, problems: CsvProblem[]): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    let broken: string | null = null;
    for (;;) {
      let field = '';
      if (text[i] === '"' || (text[i] === ' ' && /^ *"/.test(text.slice(i, i + 64)))) {
        while (text[i] === ' ') i++;
        i++; // the opening quote
        let closed = false;
        while (i < text.length) {
          const c = text[i] as string;
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        if (!closed) broken ??= 'a quoted field is not closed';
        while (text[i] === ' ') i++;
        if (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          broken ??= 'text after a closing quote (a quote inside a field must be doubled: "")';
          while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
        }
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          if (text[i] === '"') broken ??= 'a quote inside an unquoted field (quote the whole field and double the quote)';
          field += text[i];
          i++;
        }
        field = field.trim();
      }
      fields.push(field);
      if (text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    // the record's line end: CRLF, LF or a lone CR
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    if (broken) problems.push({ line: start, message: broken });
    else records.push({ line: start, fields });
  }
  return records;
}
