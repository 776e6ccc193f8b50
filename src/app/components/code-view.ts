// The C pane's content: a file of examples/c with line numbers, long lines wrapped
// at word boundaries (nothing cut: the ftok formula is read whole), and where each
// step's calls are in the file, so the pane can follow the step shown.
import type { TraceEntry } from '../../lessons/types.js';
import { type Line, type Run, run } from '../styled.js';
import { cells, graphemes } from '../text-fit.js';
import { commentSpans, commentTextStart } from './comment-spans.js';

export interface CodeView {
  lines: Line[];
  /** the display row where each source line starts */
  rowOf: number[];
}

/** A character of a source line: whether it is in a comment, and the column a row
 *  that starts with it hangs at (a comment's words, or code's text one step in). */
interface Char {
  g: string;
  comment: boolean;
  hang: number;
}

/** How far a wrapped line of code continues to the right of the line's own text. */
const CODE_HANG = 4;

function chars(spans: ReturnType<typeof commentSpans>[number]): Char[] {
  const lead = cells(/^\s*/.exec(spans.map((s) => s.text).join(''))?.[0] ?? '');
  const out: Char[] = [];
  let col = 0;
  for (const span of spans) {
    const words = col + cells(span.text.slice(0, commentTextStart(span.text)));
    for (const g of graphemes(span.text)) {
      out.push({ g, comment: span.comment, hang: span.comment ? words : lead + CODE_HANG });
      col += cells(g);
    }
  }
  return out;
}

/** One source line cut into rows of at most `room` cells: each cut after the last
 *  space that fits (past the indentation), else where the row is full; a continuation
 *  starts at its first character's hang (at most half the room), spaces dropped. */
function rows(line: Char[], room: number): Char[][] {
  if (line.length === 0) return [[]];
  const out: Char[][] = [];
  const lead = line.findIndex((c) => c.g !== ' ');
  let rest = line;
  let indent = 0;
  let first = true;
  while (rest.length > 0) {
    let used = indent;
    let n = 0;
    while (n < rest.length && used + cells(rest[n].g) <= room) used += cells(rest[n++].g);
    if (n === rest.length) {
      out.push(rest);
      break;
    }
    let cut = n;
    for (let i = n; i > (first ? Math.max(lead, 0) : 0); i--) {
      if (rest[i].g === ' ' && rest[i - 1].g !== ' ') {
        cut = i;
        break;
      }
    }
    out.push(rest.slice(0, Math.max(1, cut)));
    rest = rest.slice(Math.max(1, cut));
    while (rest.length > 0 && rest[0].g === ' ') rest = rest.slice(1);
    if (rest.length > 0) indent = Math.min(rest[0].hang, Math.floor(room / 2));
    first = false;
  }
  return out;
}

/** A row's runs: code plain, comments dim, trailing spaces dropped. */
function toned(row: Char[]): Run[] {
  const runs: Run[] = [];
  const text = row.map((c) => c.g).join('').trimEnd();
  let at = 0;
  for (const c of row) {
    if (at >= text.length) break;
    const tone = c.comment ? 'dim' : 'plain';
    const last = runs[runs.length - 1];
    if (last && last.tone === tone) last.text += c.g;
    else runs.push(run(c.g, tone));
    at += c.g.length;
  }
  return runs;
}

export function codeLines(text: string, width: number, tabWidth = 4): CodeView {
  const source = text.replace(/\n$/, '').replace(/\t/g, ' '.repeat(tabWidth)).split('\n');
  const digits = String(source.length).length;
  const room = Math.max(8, width - digits - 1);
  const lines: Line[] = [];
  const rowOf: number[] = [];
  commentSpans(source).forEach((spans, i) => {
    rowOf.push(lines.length);
    rows(chars(spans), room).forEach((row, k) => {
      const gutter = run(k === 0 ? `${String(i + 1).padStart(digits)} ` : ' '.repeat(digits + 1), 'dim');
      const indent = k === 0 ? [] : [run(' '.repeat(Math.min(row[0].hang, Math.floor(room / 2))))];
      lines.push([gutter, ...indent, ...toned(row)]);
    });
  });
  return { lines, rowOf };
}

/** The functions a step's text names as calls ("kill(…, SIGUSR1)"): where a step not yet
 *  run is looked for in the file. */
export function namedCalls(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(/\b([a-z_][a-z0-9_]*)\(/g), (m) => m[1]))];
}

/** The calls each step is about: what it called, for a step that ran; what its text
 *  names, for one not yet run. */
export function stepCalls(traced: readonly string[][], texts: readonly string[], done: number): string[][] {
  return texts.map((text, i) => (i < done ? (traced[i] ?? []) : namedCalls(text)));
}

/** The source lines (1-based, first and last) of the rows top..top+height-1. */
export function shownLines(rowOf: readonly number[], top: number, height: number): { first: number; last: number } {
  const lineAt = (row: number) => {
    let n = 0;
    while (n + 1 < rowOf.length && rowOf[n + 1] <= row) n++;
    return n + 1;
  };
  return { first: lineAt(top), last: lineAt(top + Math.max(1, height) - 1) };
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
 *  found, so a call made in several places is met where that step makes it. A step
 *  whose calls are not in the file is where the step before it was. */
export function stepLine(source: string, calls: readonly string[][], step: number): number | null {
  const rows = source.split('\n');
  let from = 0;
  let found: number | null = null;
  for (let i = 0; i <= step && i < calls.length; i++) {
    const hit = rows.findIndex((r, n) => n >= from && !COMMENT.test(r) && calls[i].some((c) => r.includes(`${c}(`)));
    if (hit >= 0) {
      from = hit;
      found = hit;
    }
  }
  return found;
}
