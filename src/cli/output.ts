/**
 * Where a command's output goes: results on stdout (text, or one JSON document with `--json`); banners,
 * progress and warnings on stderr, so that stdout can be piped and parsed.
 */

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function say(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** A banner, progress or warning line: stderr. */
export function note(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** Left-aligned columns under upper-case headers. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}
