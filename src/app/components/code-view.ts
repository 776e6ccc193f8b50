// The C pane's content: a file of examples/c with line numbers, long lines wrapped
// under themselves (nothing cut: the ftok formula is read whole), and where each
// step's calls are in the file, so the pane can follow the step shown.
import type { TraceEntry } from '../../lessons/types.js';
import { type Line, run } from '../styled.js';
import { cells, graphemes } from '../text-fit.js';

export interface CodeView {
  lines: Line[];
  /** the display row where each source line starts */
  rowOf: number[];
}

/** `text` cut into pieces of at most `width` cells, after a space when one is in the
 *  second half of the piece, else anywhere; spaces kept (code's columns matter). */
function pieces(text: string, width: number): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  for (const g of graphemes(text)) {
    if (cells(cur.join('') + g) > width && cur.length > 0) {
      const space = cur.lastIndexOf(' ');
      const cut = space >= cur.length / 2 ? space + 1 : cur.length;
      out.push(cur.slice(0, cut).join(''));
      cur = cur.slice(cut);
    }
    cur.push(g);
  }
  out.push(cur.join(''));
  return out;
}

export function codeLines(text: string, width: number, tabWidth = 4): CodeView {
  const rows = text.replace(/\n$/, '').split('\n');
  const digits = String(rows.length).length;
  const room = Math.max(8, width - digits - 1);
  const lines: Line[] = [];
  const rowOf: number[] = [];
  rows.forEach((r, i) => {
    rowOf.push(lines.length);
    pieces(r.replace(/\t/g, ' '.repeat(tabWidth)), room).forEach((p, k) => lines.push([run(k === 0 ? `${String(i + 1).padStart(digits)} ` : ' '.repeat(digits + 1), 'dim'), run(p)]));
  });
  return { lines, rowOf };
}

/** The functions each step called, by step, from the trace. */
export function callsByStep(trace: readonly TraceEntry[], stepStarts: readonly number[]): string[][] {
  return stepStarts.map((start, i) => {
    const names: string[] = [];
    for (const e of trace.slice(start, stepStarts[i + 1] ?? trace.length)) if (e.type === 'call' && !names.includes(e.call)) names.push(e.call);
    return names;
  });
}

/** A line of a block comment or a line comment: calls named there are not made there. */
const COMMENT = /^\s*(\/\*|\*|\/\/)/;

/** The source line (0-based) of step `step`'s first call in the file, or null: the
 *  steps are followed through the file in order, each from where the one before was
 *  found, so a call made in several places is met where that step makes it. */
export function stepLine(source: string, calls: readonly string[][], step: number): number | null {
  const rows = source.split('\n');
  let from = 0;
  let found: number | null = null;
  for (let i = 0; i <= step && i < calls.length; i++) {
    const hit = rows.findIndex((r, n) => n >= from && !COMMENT.test(r) && calls[i].some((c) => r.includes(`${c}(`)));
    if (hit >= 0) {
      from = hit;
      found = hit;
    } else if (i === step) found = null;
  }
  return found;
}
