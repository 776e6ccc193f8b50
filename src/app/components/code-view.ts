// The C pane's content: a file of examples/c with line numbers, long lines wrapped
// at word boundaries (nothing cut: the ftok formula is read whole), and where each
// step's calls are in the file, so the pane can follow the step shown.
import type { TraceEntry } from '../../lessons/types.js';
import { type Line, type Run, run } from '../styled.js';
import { cells, graphemes } from '../text-fit.js';
import { wordStarts } from '../../text/zh-words.js';
import { type Span, commentParts, commentSpans, commentTextStart, translatedSpans } from '../../text/comment-spans.js';
import { HAN } from '../../text/zh-words.js';

export interface CodeView {
  lines: Line[];
  /** the display row where each source line starts */
  rowOf: number[];
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
    // code is cut after a comma where one fits (an argument list breaks between its arguments),
    // else at a space, never inside a string literal where there is another space ("ftok = 0x%08x (was" | "0x%08x)\n" read as two)
    const floor = first ? Math.max(lead, 0) : 0;
    const codeSpace = (i: number) => rest[i].g === ' ' && !rest[i].comment && !rest[i].str && rest[i - 1].g !== ' ';
    let comma = -1;
    let space = -1;
    for (let i = n; i > floor; i--) {
      if (!codeSpace(i)) continue;
      if (space < 0) space = i;
      // a comma between the arguments of the line's outer call or declarations, not inside a call within a condition
      if (rest[i - 1].g === ',' && !rest[i - 1].str && (rest[i - 1].depth ?? 0) <= 1) {
        comma = i;
        break;
      }
    }
    // else the last space at the shallowest parentheses in the row's second half ("… != key ||" |
    // "ftok(path, 'T') == key", not "ftok(path," | "'T')")
    const half = floor + (n - floor) / 2;
    let shallow = -1;
    // (a tail of a few cells, "ok =" | "0;", is not worth a row of its own)
    for (let i = n; i > half; i--) if (codeSpace(i) && rest.length - i > 5 && (shallow < 0 || (rest[i].depth ?? 0) < (rest[shallow].depth ?? 0))) shallow = i;
    const codeCut = comma > half ? comma : shallow > 0 ? shallow : space;
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

/** A comment line of prose on a line of its own: its kind (`//` or a block comment's), the
 *  indentation before it, its mark (`/* `, ` * `, `// `), its words, what follows them (` *\/`),
 *  and the column its words start at; null for code, a line of no words, and a line the pane
 *  keeps as written (a column gap of two spaces or more: a table, a command line's comment). */
interface Prose {
  kind: 'line' | 'block';
  code: string;
  before: string;
  words: string;
  after: string;
  column: number;
}

function prose(spans: Span[]): Prose | null {
  const comment = spans[spans.length - 1];
  if (!comment?.comment || spans.slice(0, -1).some((s) => s.comment || s.text.trim() !== '')) return null;
  const code = spans.slice(0, -1).map((s) => s.text).join('');
  const { before, words, after } = commentParts(comment.text);
  if (words === '' || / {2,}/.test(words) || /\*\//.test(words)) return null;
  const kind = before.trimStart().startsWith('//') ? 'line' : 'block';
  return { kind, code, before, words, after, column: cells(code + before) };
}

/** Whether `next` goes on with the paragraph `last` is in: the same kind of comment, its words
 *  at the same column, the block not closed before it nor a new one opened, not a list's item. */
function goesOn(last: Prose, next: Prose): boolean {
  if (last.kind !== next.kind || last.column !== next.column || /^([-•*]|\d+[.)])\s/.test(next.words)) return false;
  return next.kind === 'line' || (!last.after.includes('*/') && !next.before.includes('/*'));
}

/** Two lines' words joined as one text: nothing between Chinese and Chinese or beside a
 *  full-width mark (子进程读取，kill(…)), else a space (两个 IPC_PRIVATE, two | segments). */
function joinWords(a: string, b: string): string {
  const x = graphemes(a).at(-1) ?? '';
  const y = graphemes(b)[0] ?? '';
  const wideMark = (g: string) => cells(g) === 2 && !HAN.test(g);
  return (cells(x) === 2 && cells(y) === 2) || wideMark(x) || wideMark(y) ? `${a}${b}` : `${a} ${b}`;
}

/** The file's lines cut into paragraphs: a comment's lines of prose that go on from one to
 *  the next (consecutive `//` lines, a block comment's lines, up to a line of no words or
 *  one kept as written), each other line alone. */
function paragraphs(lines: Span[][]): number[][] {
  const out: number[][] = [];
  let last: Prose | null = null;
  lines.forEach((spans, i) => {
    const p = prose(spans);
    if (p && last && goesOn(last, p)) out[out.length - 1]!.push(i);
    else out.push([i]);
    last = p;
  });
  return out;
}

/** The file as rows; the lines of `marked` (the step's anchors, one span each) stand out: their
 *  numbers lit, their code bold. `comments`: each comment line's words in another language.
 *  A comment's paragraph (paragraphs()) with a line wider than the pane is laid out afresh as
 *  one text at the pane's width (CJK two cells), under its first line's number and indentation:
 *  never a Chinese comment's line wrapped alone, its tail a row of its own before the next line. */
export function codeLines(text: string, width: number, marked: LineSpan | readonly LineSpan[] | null = null, tabWidth = 4, comments?: ReadonlyMap<string, string>): CodeView {
  const spans: readonly LineSpan[] = marked === null ? [] : 'first' in marked ? [marked] : marked;
  const isMarked = (n: number) => spans.some((m) => n >= m.first && n <= m.last);
  const source = text.replace(/\n$/, '').replace(/\t/g, ' '.repeat(tabWidth)).split('\n');
  const raw = commentSpans(source);
  const all = comments ? translatedSpans(raw, comments) : raw;
  // the number column is as wide as its widest label: a line's number, or the range of the
  // lines a comment laid out afresh holds ("1-3"); a wider column leaves less room, and may lay
  // out more paragraphs afresh, so it is measured again until it holds (it only grows)
  let gutter = String(source.length).length;
  for (;;) {
    const view = laidOutRows(all, width, gutter, isMarked);
    if (view.gutter <= gutter) return { lines: view.lines, rowOf: view.rowOf };
    gutter = view.gutter;
  }
}

/** codeLines' rows with a number column `digits` wide; `gutter`: the width its labels need. */
function laidOutRows(all: Span[][], width: number, digits: number, isMarked: (n: number) => boolean): CodeView & { gutter: number } {
  const room = Math.max(8, width - digits - 1);
  const lines: Line[] = [];
  const rowOf: number[] = [];
  let gutter = digits;
  const wide = (spans: Span[]) => cells(spans.map((s) => s.text).join('')) > room;
  // a paragraph that fits the pane line by line stays as written
  const laidOut = paragraphs(all).flatMap((para) => (para.length > 1 && para.some((n) => wide(all[n]!)) ? [para] : para.map((n) => [n])));
  for (const para of laidOut) {
    const i = para[0]!;
    const lit = para.some(isMarked);
    let cs: Char[];
    const starts = new Map<Char, number>();
    if (para.length > 1) {
      const ps = para.map((n) => prose(all[n]!)!);
      let words = ps[0]!.words;
      const at = [0];
      for (const p of ps.slice(1)) {
        words = joinWords(words, p.words);
        at.push(words.length - p.words.length);
      }
      const first = ps[0]!;
      const spans: Span[] = [...(first.code ? [{ text: first.code, comment: false }] : []), { text: `${first.before}${words}${ps[ps.length - 1]!.after}`, comment: true }];
      cs = chars(spans);
      // where each line's words start in the text laid out afresh, for rowOf
      const offset = first.code.length + first.before.length;
      let pos = 0;
      const byPos = new Map<number, Char>();
      for (const c of cs) {
        byPos.set(pos, c);
        pos += c.g.length;
      }
      at.forEach((a, k) => {
        const c = byPos.get(offset + a);
        if (c) starts.set(c, para[k]!);
      });
    } else cs = chars(all[i]!);
    const laid = rows(cs, room);
    const found = new Set<number>();
    laid.forEach((row, k) => {
      for (const c of row) {
        const n = starts.get(c);
        if (n !== undefined && !found.has(n)) {
          found.add(n);
          while (rowOf.length < n) rowOf.push(lines.length);
          rowOf[n] = lines.length;
        }
      }
      if (k === 0) rowOf[i] = lines.length;
      // a row that goes on with the line above is marked in the number column (never read as
      // a statement of its own: overview.c's comment moved under its code)
      // a paragraph laid out afresh is numbered with the range of its lines ("1-3"), never "1 ↪ ↪ 4"
      // with lines 2 and 3 gone from the column (newcomers met clnt.c's header so in Chinese)
      const label = para.length > 1 ? `${i + 1}-${para[para.length - 1]! + 1}` : String(i + 1);
      gutter = Math.max(gutter, label.length);
      const number = k === 0 ? [run(label.padStart(digits), lit ? 'active' : 'dim'), run(' ')] : [run(CONTINUED.padStart(digits), 'dim'), run(' ')];
      const indent = k === 0 ? [] : [run(' '.repeat(Math.min(row[0].hang, Math.floor(room / 2))))];
      lines.push([...number, ...indent, ...toned(row, lit)]);
    });
    // a line whose words were not found (none should be) starts where its paragraph does
    for (const n of para) if (rowOf[n] === undefined) rowOf[n] = rowOf[i]!;
  }
  return { lines, rowOf, gutter };
}

/** The source lines (1-based, first and last) of the rows top..top+height-1. */
export function shownLines(rowOf: readonly number[], top: number, height: number): { first: number; last: number } {
  const lineAt = (row: number) => {
    let n = 0;
    while (n + 1 < rowOf.length && rowOf[n + 1] <= row) n++;
    return n + 1;
  };
  // the first line with a row in view: in a comment laid out afresh several lines may start in one
  // row (the top row holds line 1 and line 2's first words: the first shown is 1, none above)
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

/** Source lines (0-based, both ends included). */
export interface LineSpan {
  first: number;
  last: number;
}

/** The lines a step's anchor (Step.code) marks in a file, or null when the file does not
 *  hold it: from the anchor to the end of its statement (the parentheses it opens closed,
 *  or a `;`, `{` or the line's end outside them), at most a few lines. */
export function anchorSpan(source: string, anchor: string): LineSpan | null {
  const at = source.indexOf(anchor);
  if (at < 0 || anchor === '') return null;
  const first = source.slice(0, at).split('\n').length - 1;
  let line = first;
  let depth = 0;
  const close = at + anchor.length - 1;
  for (let i = at; i < source.length && line - first < 6; i++) {
    const c = source[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    if (i >= close && depth <= 0 && (c === ';' || c === '{' || c === '\n' || (c === ')' && depth === 0))) break;
    if (c === '\n') line++;
  }
  return { first, last: line };
}

/** Where the C pane stands at step `step` (anchors: each step's Step.code as texts of
 *  this file, null or [] where they are all in another file, undefined where the step has none):
 *  its own anchors, marked, when this file holds them (`span` the first, the one kept in view;
 *  `spans` all of them: a step making several calls lights each); a step with no anchor, where
 *  the nearest step before with one was, unmarked, when that one is in this file (a step with
 *  no C of its own leaves the pane where it was); else null: the top (a file opened with f
 *  whose line is not lit opens at its start, not at some line of a step far off). */
export function stepAnchor(
  source: string,
  anchors: readonly (string | readonly string[] | null | undefined)[],
  step: number,
): { span: LineSpan; spans: LineSpan[]; own: boolean } | null {
  for (let i = Math.min(step, anchors.length - 1); i >= 0; i--) {
    const anchor = anchors[i];
    if (anchor === undefined) continue;
    const texts = anchor === null ? [] : typeof anchor === 'string' ? [anchor] : anchor;
    const spans = texts.flatMap((t) => anchorSpan(source, t) ?? []).sort((a, b) => a.first - b.first);
    return spans.length > 0 ? { span: spans[0]!, spans, own: i === step } : null;
  }
  return null;
}
