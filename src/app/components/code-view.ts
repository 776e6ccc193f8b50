// The C pane's content: a file of examples/c with line numbers, long lines wrapped
// at word boundaries (nothing cut: the ftok formula is read whole), and where each
// step's calls are in the file, so the pane can follow the step shown.
import type { TraceEntry } from '../../lessons/types.js';
import { type Line, type Run, run } from '../styled.js';
import { cells, graphemes } from '../text-fit.js';
import { wordStarts } from '../../text/zh-words.js';
import { commentSpans, commentTextStart, translatedSpans } from '../../text/comment-spans.js';
import type { LineSpan } from '../../lessons/code-anchor.js';
import { parseOutputTable, unescapeC } from '../../lessons/c-output.js';
import { wrap } from '../../text/cells.js';

// where a step's lines are, which the validator reads too (what the pane shows before a question)
export { anchorSpan, heldForQuestions, heldFrom, questionsWaiting, stepAnchor, type LineSpan } from '../../lessons/code-anchor.js';

export interface CodeView {
  lines: Line[];
  /** the display row where each source line starts */
  rowOf: number[];
  /** the last row says the lines after are held back (an open checkpoint) */
  held?: boolean;
}

/** A character of a source line: whether it is in a comment, and the column a row
 *  that starts with it hangs at (a comment's words on a line of its own, else the code's text one step in). */
interface Char {
  g: string;
  comment: boolean;
  hang: number;
  /** a comment's Chinese word starts here: its row may break before it (zh-words.ts) */
  word?: boolean;
  /** a comment after code starts here: it goes whole to the next row when the line does not fit */
  trailing?: boolean;
  /** inside a string or character literal of the code: a row is not cut here */
  str?: boolean;
  /** how many parentheses of the code are open here */
  depth?: number;
}

/** Punctuation a wrapped row of Chinese does not start with, or end with. */
const NO_ROW_START = new Set([...'，。、：；！？）」』”’》】']);
const NO_ROW_END = new Set([...'（「『“‘《【']);

/** The number column of a row that continues the line above (the line wrapped). */
export const CONTINUED = '↪';

/** The characters C's operators are made of, the binary operators a row of code may break
 *  before (the loosest binding first; a conditional before its `?`, so its two values share a
 *  row: "… == 0" | "? 0 : 1);", not "… ? 0" | ": 1);"), and the assignments it never breaks
 *  before ("ok" | "= 0;"). */
const OPERATOR_CHARS = new Set([...'=!<>+-*/%?:|&^']);
const LOOSENESS = new Map<string, number>([
  ['?', 0], [':', 0.5], ['||', 1], ['&&', 2], ['|', 3], ['^', 4], ['&', 5], ['==', 6], ['!=', 6],
  ['<', 7], ['>', 7], ['<=', 7], ['>=', 7], ['<<', 8], ['>>', 8], ['+', 9], ['-', 9], ['*', 10], ['/', 10], ['%', 10],
]);
const ASSIGNMENTS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '|=', '&=', '^=', '<<=', '>>=']);

/** How far a wrapped line of code continues to the right of the line's own text. */
const CODE_HANG = 4;

function chars(spans: ReturnType<typeof commentSpans>[number]): Char[] {
  const lead = cells(/^\s*/.exec(spans.map((s) => s.text).join(''))?.[0] ?? '');
  const out: Char[] = [];
  let col = 0;
  let code = false;
  let quote: string | null = null;
  let escaped = false;
  let depth = 0;
  for (const span of spans) {
    // a comment of its own line hangs under its words; one after code, as that code
    // does (under the code's indentation, one step in: the row's whole width for its words)
    const words = col + cells(span.text.slice(0, commentTextStart(span.text)));
    const hang = span.comment && !code ? words : lead + CODE_HANG;
    const starts = span.comment ? wordStarts(span.text) : undefined;
    const trailing = span.comment && code;
    if (!span.comment && span.text.trim() !== '') code = true;
    let at = 0;
    for (const g of graphemes(span.text)) {
      // a string literal's characters, its quotes too ("…(was 0x%08x)\n" is never cut inside)
      let str = false;
      if (!span.comment) {
        if (quote !== null) {
          str = true;
          if (escaped) escaped = false;
          else if (g === '\\') escaped = true;
          else if (g === quote) quote = null;
        } else if (g === '"' || g === "'") {
          quote = g;
          str = true;
        } else if (g === '(') depth++;
        else if (g === ')') depth = Math.max(0, depth - 1);
      }
      out.push({ g, comment: span.comment, hang, word: starts?.has(at), trailing: trailing && at === 0, str, depth });
      col += cells(g);
      at += g.length;
    }
  }
  return out;
}

/** One source line cut into rows of at most `room` cells: each cut after the last
 *  space that fits (past the indentation, not one before a comment's closing mark), else where the row is full; a continuation
 *  starts at its first character's hang (at most half the room), spaces dropped. */
function rows(line: Char[], room: number): Char[][] {
  if (line.length === 0) return [[]];
  const out: Char[][] = [];
  const lead = line.findIndex((c) => c.g !== ' ');
  let rest = line;
  let indent = 0;
  let first = true;
  // a comment after code that does not fit beside it goes whole to the next row, under the
  // code one step in (never "show(shmid); /* nattch 2, still" | "dest */"), when the code fits
  const trailing = line.findIndex((c) => c.trailing);
  const width = (cs: Char[]) => cs.reduce((w, c) => w + cells(c.g), 0);
  let code = trailing > 0 ? line.slice(0, trailing) : [];
  while (code.length > 0 && code[code.length - 1].g === ' ') code = code.slice(0, -1);
  if (trailing > 0 && width(line) > room && width(code) <= room) {
    out.push(code);
    rest = line.slice(trailing);
    indent = Math.min(rest[0].hang, Math.floor(room / 2));
    first = false;
  }
  while (rest.length > 0) {
    let used = indent;
    let n = 0;
    while (n < rest.length && used + cells(rest[n].g) <= room) used += cells(rest[n++].g);
    if (n === rest.length) {
      out.push(rest);
      break;
    }
    let cut = n;
    // code is cut at a space, never inside a string literal where there is another space
    // ("ftok = 0x%08x (was" | "0x%08x)\n" read as two), nor before an assignment's = ("ok" | "= 0; }"):
    // after a statement's ';' or a block's '{' or a comma of the line's outer call, the last
    // in the row's second half; else before an operator ("… != key" | "|| ftok(…)"), else at the
    // last space at the shallowest parentheses there ("… != key ||" | "ftok(path, 'T') == key",
    // not "ftok(path," | "'T')"); else after the last of those anywhere, else the last space
    const floor = first ? Math.max(lead, 0) : 0;
    const half = floor + (n - floor) / 2;
    const codeSpace = (i: number) => rest[i].g === ' ' && !rest[i].comment && !rest[i].str && rest[i - 1].g !== ' ';
    const depth = (i: number) => rest[i].depth ?? 0;
    // the operator a space stands before ("|| x", "== -1"; not "-1", a sign)
    const operatorAfter = (i: number) => {
      let op = '';
      for (let k = i + 1; k < rest.length && OPERATOR_CHARS.has(rest[k].g) && !rest[k].str && !rest[k].comment; k++) op += rest[k].g;
      return rest[i + 1 + op.length]?.g === ' ' ? op : '';
    };
    const beforeAssignment = (i: number) => ASSIGNMENTS.has(operatorAfter(i));
    const ok = (i: number) => codeSpace(i) && !beforeAssignment(i);
    const boundary = (i: number) => ok(i) && !rest[i - 1].str && (rest[i - 1].g === ';' || rest[i - 1].g === '{' || (rest[i - 1].g === ',' && depth(i - 1) <= 1));
    // a space's rank in the row's second half: the shallowest parentheses first, then before the
    // loosest operator (C's precedence: "… && up != x" | "? 0 : 1", never "kind" | "== KIND"),
    // then the last
    // (after a ';' or ',' looser still: "fread(all + len, 1, cap - len," | "stdin)", not "cap" | "- len")
    const rank = (i: number) => depth(i) * 100 + (rest[i - 1].g === ';' ? -2 : rest[i - 1].g === ',' ? -1 : (LOOSENESS.get(operatorAfter(i)) ?? 99));
    let stop = -1;
    let best = -1;
    let anyStop = -1;
    let longTail = -1;
    let space = -1;
    let anySpace = -1;
    for (let i = n; i > floor; i--) {
      if (!codeSpace(i)) continue;
      if (anySpace < 0) anySpace = i;
      if (!ok(i)) continue;
      if (space < 0) space = i;
      if (boundary(i) && anyStop < 0) anyStop = i;
      // (a tail of a few cells, "ok =" | "0;", is not worth a row of its own)
      if (rest.length - i <= 5) continue;
      if (longTail < 0) longTail = i;
      if (i <= half) continue;
      if (boundary(i) && stop < 0) stop = i;
      if (best < 0 || rank(i) < rank(best)) best = i;
    }
    const codeCut = [stop, best, anyStop, longTail, space, anySpace].find((i) => i > 0) ?? -1;
    for (let i = n; i > floor; i--) {
      if (codeCut > 0 && !rest[i].comment) {
        cut = codeCut;
        break;
      }
      // a comment's closing */ stays with its last word, its opening /* with its first
      const opener = rest[i - 1].g === '*' && rest[i - 2]?.g === '/';
      if (rest[i].g === ' ' && rest[i - 1].g !== ' ' && !opener && !(rest[i + 1]?.g === '*' && rest[i + 2]?.g === '/')) {
        cut = i;
        break;
      }
      // Chinese has no spaces: a comment's row may end between two words where one side is CJK
      // (two cells; between words, zh-words.ts: never 删 | 除), not before closing punctuation
      // nor after opening punctuation (code and its strings are cut at spaces only)
      if (rest[i].comment && rest[i - 1].comment && rest[i].word && rest[i].g !== ' ' && rest[i - 1].g !== ' ' && (cells(rest[i].g) === 2 || cells(rest[i - 1].g) === 2) && !NO_ROW_START.has(rest[i].g) && !NO_ROW_END.has(rest[i - 1].g)) {
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

/** A row's runs: code plain (bold on a marked line), comments dim, trailing spaces dropped. */
function toned(row: Char[], marked: boolean): Run[] {
  const runs: Run[] = [];
  const text = row.map((c) => c.g).join('').trimEnd();
  let at = 0;
  for (const c of row) {
    if (at >= text.length) break;
    const tone = c.comment ? 'dim' : marked ? 'title' : 'plain';
    const last = runs[runs.length - 1];
    if (last && last.tone === tone) last.text += c.g;
    else runs.push(run(c.g, tone));
    at += c.g.length;
  }
  return runs;
}

/** The file as rows, each source line laid out on its own: its number on its first row, a row
 *  that goes on with it marked ↪ (a comment's words wrapped at spaces or between Chinese words,
 *  code after a ';' or ',' or before an operator), so every line's number is in the column once,
 *  in order, as cc numbers it (a comment's lines were once laid out as one paragraph and numbered
 *  with a range, "1-3": newcomers took it for a bug). The lines of `marked` (the step's anchors, one
 *  span each) stand out: their numbers lit, their code bold. `comments`: each comment line's words
 *  in another language. */
export function codeLines(
  text: string,
  width: number,
  marked: LineSpan | readonly LineSpan[] | null = null,
  tabWidth = 4,
  comments?: ReadonlyMap<string, string>,
  held?: { from: number; row: string },
  glosses?: ReadonlyMap<number, readonly string[]>,
): CodeView {
  const spans: readonly LineSpan[] = marked === null ? [] : 'first' in marked ? [marked] : marked;
  const isMarked = (n: number) => spans.some((m) => n >= m.first && n <= m.last);
  const whole = text.replace(/\n$/, '').replace(/\t/g, ' '.repeat(tabWidth)).split('\n');
  // (the comments are read over the whole file, so a comment's translation is the same cut or not)
  const raw = commentSpans(whole);
  const cut = held !== undefined && held.from < whole.length ? held.from : whole.length;
  const source = whole.slice(0, cut);
  const all = (comments ? translatedSpans(raw, comments) : raw).slice(0, cut);
  const digits = String(whole.length).length;
  const room = Math.max(8, width - digits - 1);
  const lines: Line[] = [];
  const rowOf: number[] = [];
  all.forEach((spans, i) => {
    const lit = isMarked(i);
    rowOf[i] = lines.length;
    rows(chars(spans), room).forEach((row, k) => {
      // a row that goes on with the line above is marked in the number column (never read as
      // a statement of its own: overview.c's comment moved under its code)
      const number = k === 0 ? [run(String(i + 1).padStart(digits), lit ? 'active' : 'dim'), run(' ')] : [run(CONTINUED.padStart(digits), 'dim'), run(' ')];
      const indent = k === 0 ? [] : [run(' '.repeat(Math.min(row[0].hang, Math.floor(room / 2))))];
      lines.push([...number, ...indent, ...toned(row, lit)]);
    });
    // what the line prints, in the learner's language: dim rows with no number, under its code
    // (not the file's: the C stays as written), at its indent, wrapped between words
    const lead = cells(/^ */.exec(source[i] ?? '')?.[0] ?? '');
    for (const gloss of glosses?.get(i) ?? []) {
      const at = Math.min(lead, Math.floor(room / 2));
      wrap(gloss, Math.max(8, room - at - 2)).forEach((part, k) => {
        lines.push([run(' '.repeat(digits + 1)), run(' '.repeat(at + (k === 0 ? 0 : 2))), run(part, 'dim')]);
      });
    }
  });
  // the lines held back while a checkpoint is open: one row says so, under the last line shown
  if (cut < whole.length) {
    lines.push([run(' '.repeat(digits + 1)), run(held!.row, 'dim')]);
    return { lines, rowOf, held: true };
  }
  return { lines, rowOf };
}

/** What the C file `source` prints, in Chinese, by the line of its code (0-based) that the
 *  text ends on, from the file's output table (examples/c/zh/FILE.out.txt, `table`: the one
 *  the Trace pane shows the program's lines through, src/lessons/c-output.ts), each `label`
 *  then the text in quotes, its conversions (%d, %p) as the format has them: a learner reading
 *  in Chinese sees what `printf("attached at %p: nattch %d")` says (issue 16). A text the table
 *  gives the same in both (a call's line, `shmat(%d, NULL, 0) = %p`) says nothing new: none. */
export function printedGlosses(source: string, table: string | null, label: (text: string) => string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (table === null) return out;
  // the code with its comments blanked: a literal in a comment prints nothing
  const code = commentSpans(source.split('\n')).map((spans) => spans.map((sp) => (sp.comment ? ' '.repeat(sp.text.length) : sp.text)).join(''));
  for (const [en, zh] of parseOutputTable(table).table) {
    const [e, z] = [unescapeC(en), unescapeC(zh)];
    if (e === z) continue;
    // the lines holding the literal as the file writes it; a text of several literals ("a" "b"),
    // the line of its last one: the longest end of the text that is a literal of its own
    let lines = code.flatMap((l, i) => (l.includes(`"${en}"`) ? [i] : []));
    for (let k = 1; lines.length === 0 && en.length - k >= 6; k++) {
      const piece = `"${en.slice(k)}"`;
      if (/[A-Za-z]/.test(piece)) lines = code.flatMap((l, i) => (l.includes(piece) ? [i] : []));
    }
    const shown = z.replace(/\n$/, '').replace(/\n/g, '⏎');
    for (const i of lines) out.set(i, [...(out.get(i) ?? []), label(shown)]);
  }
  return out;
}

/** The source lines (1-based, first and last) of the rows top..top+height-1. */
export function shownLines(rowOf: readonly number[], top: number, height: number): { first: number; last: number } {
  const lineAt = (row: number) => {
    let n = 0;
    while (n + 1 < rowOf.length && rowOf[n + 1] <= row) n++;
    return n + 1;
  };
  // the first line with a row in view (its last row at the top or below)
  let first = 0;
  while (first + 1 < rowOf.length && Math.max(rowOf[first]!, rowOf[first + 1]! - 1) < top) first++;
  return { first: first + 1, last: lineAt(top + Math.max(1, height) - 1) };
}

/** The row where the source line holding display row `row` starts (a wrapped line's first row). */
export function lineStart(rowOf: readonly number[], row: number): number {
  let start = 0;
  for (const r of rowOf) {
    if (r > row) break;
    start = r;
  }
  return start;
}

/** Where a scroll key takes the C pane's top row `top`: one line (↑ ↓, `lines` ±1) to the first
 *  row of the source line before or after the one at the top, a wrapped line's ↪ rows moving
 *  with it; a page (pageLines: the rows in view less one) to the first row of a line, never
 *  further than the page: down, of the line the page reaches; up, where the page reaches a
 *  line's ↪ rows, of the line after it (its start above the page took the window past the row
 *  kept in view, and PgUp skipped a line); the end (`max`) as it is, so the last rows are
 *  always reachable. */
export function snapRow(rowOf: readonly number[], top: number, lines: number, max: number): number {
  const start = lineStart(rowOf, top);
  let at: number;
  if (Math.abs(lines) === 1) {
    const i = rowOf.indexOf(start);
    // up from a line shown from its middle: to its first row
    at = lines < 0 ? (start < top ? start : (rowOf[Math.max(0, i - 1)] ?? 0)) : (rowOf[i + 1] ?? max);
  } else {
    const to = Math.max(0, top + lines);
    const start = lineStart(rowOf, to);
    const after = rowOf.find((r) => r > to) ?? top;
    // (a line so tall that no other starts between the page and the top: to its start)
    at = lines < 0 && start < to && after < top ? after : start;
  }
  return Math.max(0, Math.min(at, max));
}

/** The source lines a window from row `top` of `rows` rows leaves out, whole or in part (a
 *  wrapped line whose first row is above the window counts above, as does one cut below). */
export function hiddenLines(rowOf: readonly number[], top: number, rows: number, total: number): { above: number; below: number } {
  if (rowOf.length === 0) return { above: 0, below: 0 };
  let above = 0;
  while (above < rowOf.length && rowOf[above]! < top) above++;
  // lines starting above the top: the one at the top row, when its first row is hidden, counts too
  const end = top + Math.max(1, rows);
  let below = 0;
  for (let i = rowOf.length - 1; i >= 0; i--) {
    const last = (rowOf[i + 1] ?? total) - 1;
    if (last >= end) below++;
    else break;
  }
  return { above, below };
}

/** The row the pane follows to for the lines `span` (0-based): their first row, with the line
 *  above for context where the pane has rows to spare (`rows` >= 8) and that line takes no more
 *  than a quarter of them; never past `max`, and always a line's first row, so a wrapped line is
 *  never shown from its middle (newcomers met the pane opening on a line's tail). */
export function followRow(rowOf: readonly number[], span: LineSpan, rows: number, max: number): number {
  const at = rowOf[span.first] ?? 0;
  const above = span.first > 0 ? rowOf[span.first - 1] : at;
  const top = rows >= 8 && at - above <= Math.max(1, Math.floor(rows / 4)) ? above : at;
  return lineStart(rowOf, Math.min(top, max));
}

/** The functions each step called, by step, from the trace. */
export function callsByStep(trace: readonly TraceEntry[], stepStarts: readonly number[]): string[][] {
  return stepStarts.map((start, i) => {
    const names: string[] = [];
    for (const e of trace.slice(start, stepStarts[i + 1] ?? trace.length)) if (e.type === 'call' && !names.includes(e.call)) names.push(e.call);
    return names;
  });
}
