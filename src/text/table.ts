// Columns as ipcs prints them: every column padded to at least 10 cells, wider cells
// widen it. Cells are outside text (user names, keys): sanitized, then measured.
import { cells } from './cells.js';
import { sanitize } from './sanitize.js';

export function table(headers: string[], rows: string[][]): string[] {
  const safe = rows.map((r) => r.map((c) => sanitize(c)));
  const widths = headers.map((h, i) => Math.max(10, cells(h), ...safe.map((r) => cells(r[i]))));
  const line = (row: string[]) => row.map((c, i) => c + ' '.repeat(widths[i] - cells(c))).join(' ').trimEnd();
  return [line(headers), ...safe.map(line)];
}
