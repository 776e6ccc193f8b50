// Terminal cells of text, and wrapping by them: the one measure of width for the
// screen (src/app), the flowcharts (src/flow), `run`'s text and the lesson validator.
// CJK takes two cells, so lengths are measured in cells, never with .length.
//
// Each grapheme cluster is measured by string-width 8, the very copy Ink lays out and
// draws with (package.json pins it and makes wrap-ansi share it), so a line ipclab
// fits to a pane is the line Ink measures: one version of the measure in the program.
import stringWidth from 'string-width';
import { HAN, wordStarts } from './zh-words.js';

/** Text in which every character is a grapheme cluster of its own, whatever its
 *  neighbours: printable ASCII and ESC, Latin, punctuation, arrows, box drawing, symbols,
 *  CJK punctuation, kana, ideographs and fullwidth forms; no combining mark, joiner,
 *  variation selector, surrogate, Hangul jamo, CR or soft hyphen (tests/text/graphemes.test.ts
 *  checks each character against ICU's segmenter). Almost every line ipclab draws is such
 *  text, and ICU's break data cost ~13 ms to load (bench/startup.md, "Fourth round"). */
export const SINGLE_CLUSTERS = /^[\x1b\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u2bff\u3000-\u3029\u3030-\u3096\u30a0-\u30ff\u4e00-\u9fff\uff01-\uff9d\uffa0-\uffef]*$/;

let icu: Intl.Segmenter | undefined;

interface Segment {
  segment: string;
  index: number;
}

/** What Intl.Segmenter's segment() gives that its users here use: the clusters in order,
 *  and the one containing a given index. */
interface Segments extends Iterable<Segment> {
  containing(index: number): Segment | undefined;
}

function singleClusters(text: string): Segments {
  return {
    *[Symbol.iterator]() {
      for (let index = 0; index < text.length; index++) yield { segment: text[index]!, index };
    },
    containing: (index) => (index >= 0 && index < text.length ? { segment: text[index]!, index } : undefined),
  };
}

/** Intl.Segmenter's grapheme segments, with ICU's segmenter made only for text that needs
 *  it. Ink's tokenizer and slice-ansi get this one too (scripts/build.mjs). */
export const segmenter = {
  segment(text: string): Segments {
    if (SINGLE_CLUSTERS.test(text)) return singleClusters(text);
    icu ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    return icu.segment(text);
  },
};

export const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

// widths of the clusters seen lately: a redraw measures the same texts again
const widths = new Map<string, number>();

/** Cells of one grapheme cluster (string-width sums its clusters: the same figures). */
function clusterWidth(cluster: string): number {
  let w = widths.get(cluster);
  if (w === undefined) {
    w = stringWidth(cluster);
    // a bound, for the odd text of a great many different clusters
    if (widths.size >= 20_000) widths.clear();
    widths.set(cluster, w);
  }
  return w;
}

export interface Cell {
  text: string;
  width: number;
}

/** The text cut into grapheme clusters, each with its cells; clusters of no width are
 *  left out, so what is drawn from them takes exactly the cells measured. */
export function cellsOf(text: string): Cell[] {
  const out: Cell[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const width = clusterWidth(segment);
    if (width > 0) out.push({ text: segment, width });
  }
  return out;
}

// and of whole texts: the panes measure the same lines on every redraw
const textWidths = new Map<string, number>();

/** Columns the text takes in a terminal: the sum of its clusters' cells. */
export function cells(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let w = textWidths.get(text);
  if (w === undefined) {
    w = 0;
    for (const { segment } of segmenter.segment(text)) w += clusterWidth(segment);
    if (textWidths.size >= 4096) textWidths.clear();
    textWidths.set(text, w);
  }
  return w;
}

export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

// Chinese line breaking: a line never starts with closing punctuation (，。）…) nor
// ends with opening punctuation (（“…): each stays glued to its neighbour.
const OPEN = new Set([...'（「『“‘《〈【']);
const CLOSE = new Set([...'，。；：、）」』！？”’》〉】…']);

/** ASCII quotes and brackets standing alone (next to a CJK character): opening when a
 *  space or the start is before them, else closing -- 读到 "ni hao 你好"；keeps its closing
 *  quote on 好's line. */
const ASCII_OPEN = /^["'(\[]+$/;
const ASCII_CLOSE = /^["')\],.;:!?]+$/;

/** A token of closing punctuation alone: "，", "……". */
const closing = (t: string): boolean => t !== '' && [...t].every((c) => CLOSE.has(c));

function glue(tokens: string[]): string[] {
  const out: string[] = [];
  let open = '';
  for (const [i, t] of tokens.entries()) {
    const afterSpace = i === 0 || /\s$/.test(tokens[i - 1]);
    // an opening bracket ends no line: a call's name and its '(' go with the argument after
    // them ("ftok(" over "会合文件, 'S')")
    const before = out[out.length - 1];
    if (!open && before !== undefined && /[(\[]$/.test(before) && !/^\s/.test(t) && !/^\s/.test(before)) {
      out[out.length - 1] = before + t;
      continue;
    }
    if (OPEN.has(t) || (afterSpace && ASCII_OPEN.test(t))) {
      open += t;
      continue;
    }
    const prev = out[out.length - 1];
    if ((closing(t) || (!afterSpace && ASCII_CLOSE.test(t))) && !open && prev !== undefined && !/^\s/.test(prev)) out[out.length - 1] = prev + t;
    else {
      out.push(open + t);
      open = '';
    }
  }
  if (open) out.push(open);
  return out;
}

/** A parenthesised or quoted group at most this wide is one token: a short pointer such
 *  as "(g: glossary)" or "（按 g 查看术语表）" is never split, leaving "(g:" at a row's end,
 *  nor a short quoted value (“测试 abc”). */
const SHORT_GROUP = 20;
const BRACKET: Record<string, string> = { '(': ')', '（': '）' };
const GROUP_CLOSE: Record<string, string> = { ...BRACKET, '“': '”', '「': '」', '『': '』', '《': '》' };

/** The tokens with every short parenthesised group (SHORT_GROUP) joined into one: from a
 *  token that opens it to the first that closes it, spaces and all. A longer group
 *  breaks as prose does. */
function holdShortGroups(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const close = GROUP_CLOSE[t[0]!];
    let end = -1;
    if (close && !t.includes(close)) {
      // a bracket is a pointer held whole; a quotation only when it is a value with a
      // space in it (“测试 abc”): Chinese words inside quotes break as prose does
      let width = cells(t);
      for (let j = i + 1; j < tokens.length && width <= SHORT_GROUP; j++) {
        width += cells(tokens[j]!);
        if (tokens[j]!.includes(close)) {
          if (width <= SHORT_GROUP && (BRACKET[t[0]!] || tokens.slice(i + 1, j).some((x) => /^\s+$/.test(x)))) end = j;
          break;
        }
      }
    }
    if (end < 0) out.push(t);
    else {
      out.push(tokens.slice(i, end + 1).join(''));
      i = end;
    }
  }
  return holdKeyPointers(out);
}

/** A key named as a pointer ("g:", "(e:" in "(e: errata, g: glossary)"): one character and a
 *  colon, maybe after an opening bracket. */
const KEY_POINTER = /^[(（]?[^\s(（]:$/;

/** The tokens with each key pointer joined to the word after it (across the space), so
 *  that no row ends with "(g:" or "g:" away from what the key opens. */
function holdKeyPointers(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (KEY_POINTER.test(t) && /^\s+$/.test(tokens[i + 1] ?? '') && tokens[i + 2] !== undefined) {
      out.push(t + tokens[i + 1]! + tokens[i + 2]!);
      i += 2;
    } else out.push(t);
  }
  return out;
}

/** A command word: lower-case letters, maybe after an opening mark ("(kill"). */
const COMMAND_WORD = /^[(“"'（]?[a-z][a-z0-9_]*$/;
/** A flag after it: a dash and letters or digits, maybe with closing marks glued on ("-9,", "-m)"). */
const FLAG = /^-[A-Za-z0-9]+["'),.;:!?”）]*$/;

/** The tokens with a command word joined to the flags after it ("kill -9", "ipcs -m -i"),
 *  across the spaces, when together they fit a line: a command is not cut at its space,
 *  leaving "kill" at a line's end and "-9" at the next one's start. */
function holdFlags(tokens: string[], width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let t = tokens[i]!;
    if (COMMAND_WORD.test(t)) {
      while (/^ +$/.test(tokens[i + 1] ?? '') && FLAG.test(tokens[i + 2] ?? '') && cells(t + tokens[i + 1]! + tokens[i + 2]!) <= width) {
        t += tokens[i + 1]! + tokens[i + 2]!;
        i += 2;
        if (/[^A-Za-z0-9]$/.test(t)) break;
      }
    }
    out.push(t);
  }
  return out;
}

/** A space no line breaks at: between a number and its unit ("27 ns"). */
export const NO_BREAK = '\u00a0';

/** Inline code in lesson text: `ipcs -m` (README's table shows them alike). */
const CODE_SPAN = /`([^`\n]+)`/g;

/** A grapheme of a paragraph; `held` when no line may break before it: it is inside a
 *  code span that fits a line, which moves whole to the next line instead. */
interface Piece {
  g: string;
  held: boolean;
  /** held only as a kept phrase's (holdPhrases), not as code: a space wrap may still break at
   *  where going down whole would leave the line short (wordsHeld) */
  phrase?: true;
}

/** The paragraph's graphemes. With `code`, backticks mark inline code: they are not
 *  drawn (a terminal line has no code font, and raw backticks read as noise), and a
 *  span no wider than the line is held together ("ipclab clean", "shmget(key, 4096,
 *  IPC_CREAT|0600)"); a longer one breaks at its spaces, like prose. */
function piecesOf(para: string, width: number, code: boolean): Piece[] {
  const out: Piece[] = [];
  const add = (text: string, held: (k: number) => boolean) => graphemes(text).forEach((g, k) => out.push({ g, held: held(k) }));
  let last = 0;
  const han = chinese(para);
  if (code) {
    for (const m of para.matchAll(CODE_SPAN)) {
      add(para.slice(last, m.index), () => false);
      const span = m[1]!;
      const around = han ? gluedWidth(para, m.index, m.index + m[0].length) : 0;
      const whole = cells(span) + around <= width && !/^\s/.test(span);
      const bound = whole ? new Set<number>() : boundInArguments(span);
      add(span, (k) => (whole && k > 0) || bound.has(k));
      last = m.index + m[0].length;
    }
  }
  add(para.slice(last), () => false);
  if (han) holdAsciiRuns(out, width);
  if (han) holdUnits(out);
  holdPhrases(out, width, han);
  return out;
}

// the phrases of several words no line breaks inside where they fit: the glossary's terms
// and headings ("System V IPC", "kill -9", "struct shmid_ds"), given by the lessons' layer
// (keepWhole), which src/text does not import
let phrases: RegExp | undefined;

/** Makes wrap keep each of `terms` that has a space in it on one line wherever it fits
 *  (a newcomer read "System V" at a line's end and "IPC" below it); matched in any case,
 *  as whole words. Chinese words need no space to be kept: zh-words.ts keeps them. */
export function keepWhole(terms: Iterable<string>): void {
  const spaced = [...new Set(terms)].filter((t) => /\S\s+\S/.test(t.trim())).map((t) => t.trim());
  const escaped = spaced.sort((x, y) => y.length - x.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  phrases = escaped.length ? new RegExp(`(?<![\\p{L}\\p{N}_])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_])`, 'giu') : undefined;
  wrapped.clear();
}

/** Holds each kept phrase (keepWhole) of a paragraph's graphemes together, as a code
 *  span is, when it fits the line with the punctuation glued to it. */
function holdPhrases(pieces: Piece[], width: number, han: boolean): void {
  if (!phrases) return;
  const text = pieces.map((p) => p.g).join('');
  if (!/\s/.test(text)) return;
  // the grapheme starting at each UTF-16 offset
  const at = new Map<number, number>();
  let offset = 0;
  pieces.forEach((p, k) => {
    at.set(offset, k);
    offset += p.g.length;
  });
  at.set(offset, pieces.length);
  for (const m of text.matchAll(phrases)) {
    const a = at.get(m.index);
    const b = at.get(m.index + m[0].length);
    if (a === undefined || b === undefined) continue;
    if (cells(m[0]) + (han ? gluedWidth(text, m.index, m.index + m[0].length) : 0) > width) continue;
    for (let j = a + 1; j < b; j++) {
      if (!pieces[j]!.held) pieces[j]!.phrase = true;
      pieces[j]!.held = true;
    }
  }
}


/** In a code span too wide for a line, the graphemes of a call or prototype's argument
 *  list that no line may break before: a space inside one argument and the character after
 *  it, so that a line breaks after a comma, never between a parameter's type and its name
 *  ("int shmflg", "struct shmid_ds *buf", "const char *path"). By grapheme index. */
function boundInArguments(span: string): Set<number> {
  const out = new Set<number>();
  const gs = graphemes(span);
  let depth = 0;
  for (let k = 0; k < gs.length; k++) {
    const g = gs[k]!;
    if (g === '(') depth++;
    else if (g === ')') depth = Math.max(0, depth - 1);
    else if (g === ' ' && depth > 0) {
      let before = k - 1;
      while (before >= 0 && gs[before] === ' ') before--;
      if (before >= 0 && gs[before] !== ',' && gs[before] !== '(') {
        out.add(k);
        if (k + 1 < gs.length) out.add(k + 1);
      }
    }
  }
  return out;
}

/** Cells of the punctuation that glue() joins to text[start, end) in Chinese text: an
 *  opening mark just before it, closing marks just after it ("：", "）。"). Text held
 *  together is held only when it fits a line with them, so that no line starts with a
 *  closing mark cut from it. */
function gluedWidth(text: string, start: number, end: number): number {
  let w = 0;
  if (start > 0 && OPEN.has(text[start - 1]!)) w += cells(text[start - 1]!);
  for (let k = end; k < text.length && CLOSE.has(text[k]!); k++) w += cells(text[k]!);
  return w;
}

// with … standing for what a call's arguments leave out: shmget(IPC_PRIVATE, …)
/** Whether a paragraph is Chinese text: it has no fewer Chinese characters than ASCII
 *  words. An English sentence quoting a message in Chinese ("one 一") is not. */
function chinese(para: string): boolean {
  if (!HAN.test(para)) return false;
  let han = 0;
  for (const c of para) if (HAN.test(c)) han++;
  return han >= (para.match(/[A-Za-z0-9_]+/g)?.length ?? 0);
}

const ASCII_CHAR = /^[\x20-\x7e…]$/;

/** The pieces' text as one string, and where each piece starts in it (one more: the end). */
function joined(pieces: Piece[]): { text: string; offsets: number[] } {
  const offsets: number[] = [];
  let at = 0;
  for (const p of pieces) {
    offsets.push(at);
    at += p.g.length;
  }
  offsets.push(at);
  return { text: pieces.map((p) => p.g).join(''), offsets };
}

/** In Chinese text, a run of ASCII between Chinese characters is one thing: a command
 *  (ipcs -s -i), an option with its value (ps -o pid,wchan), a call, a quoted value. One
 *  no wider than the line is held together, spaces and all, as a code span is; a longer
 *  one breaks at its spaces, like prose. */
function holdAsciiRuns(pieces: Piece[], width: number): void {
  const { text, offsets } = joined(pieces);
  for (let k = 0; k < pieces.length; ) {
    if (!ASCII_CHAR.test(pieces[k]!.g)) {
      k++;
      continue;
    }
    let end = k;
    while (end < pieces.length && ASCII_CHAR.test(pieces[end]!.g)) end++;
    let a = k;
    let b = end;
    // a closing mark right after a Chinese character is its own (glue), as an opening
    // mark right before one is
    if (k > 0) while (a < b && /["')\],.;:!?]/.test(pieces[a]!.g)) a++;
    if (end < pieces.length) while (b > a && /["'(\[]/.test(pieces[b - 1]!.g)) b--;
    while (a < b && pieces[a]!.g === ' ') a++;
    while (b > a && pieces[b - 1]!.g === ' ') b--;
    if (b - a + gluedWidth(text, offsets[a]!, offsets[b]!) <= width && pieces.slice(a, b).some((p) => p.g === ' ')) for (let j = a + 1; j < b; j++) pieces[j]!.held = true;
    k = end;
  }
}

/** Chinese measure words and units that a number or a name before them belongs with. */
const MEASURE = /^(?:个|字节|次|位|行|秒|毫秒|微秒|条|种|项|组|份|倍|页|块|段|列|号|步|课|字|处|对|把|张)/;

/** In Chinese text, a number and the measure word after it ("3 个", "8 位"), and a
 *  one-capital-letter name and the Chinese word after it ("C 程序", "C 库"; not a key: "按 g 看"): no line breaks
 *  between them (a newcomer read "这个 C" at a line's end and "程序" below it). */
function holdUnits(pieces: Piece[]): void {
  const { text, offsets } = joined(pieces);
  for (const m of text.matchAll(/(?<=^|[\s\p{Script=Han}（，。；：、])(?:(\d+(?:\.\d+)?)|[A-Z]) (?=\p{Script=Han})/gu)) {
    const space = m.index + m[0].length - 1;
    if (m[1] !== undefined && !MEASURE.test(text.slice(space + 1))) continue;
    const k = offsets.indexOf(space);
    if (k < 0 || k + 1 >= pieces.length) continue;
    pieces[k]!.held = true;
    pieces[k + 1]!.held = true;
  }
}

/** Words (runs of narrow non-space characters), Chinese words (wordStarts; single wide
 *  characters in text without Chinese), and runs of spaces; punctuation glued to the word it belongs with, the two sides of a NO_BREAK
 *  space (a number and its unit, a choice's number and its text), and a held code span
 *  (piecesOf) in one piece. */
function tokenize(pieces: readonly Piece[], width: number): string[] {
  const tokens: string[] = [];
  let word = '';
  let alone = false;
  // in Chinese text, a wide character breaks from its neighbours only where a word starts
  const starts = wordStarts(pieces.map((p) => p.g).join(''), true);
  let at = 0;
  for (const { g, held } of pieces) {
    const here = at;
    at += g.length;
    if (held) {
      word += g;
      alone = false;
      continue;
    }
    const space = g !== NO_BREAK && /^\s$/.test(g);
    const wide = cells(g) > 1;
    // a wide character is a word of its own (unless a held span follows it), but a
    // NO_BREAK space binds both its neighbours, wide or not ("2) 共享内存段")
    const bound = g === NO_BREAK || word.endsWith(NO_BREAK);
    // (a closing mark stays with the wide character or mark it closes, and no opening mark ends a word: “，” broke as
    // “， / ” 的字节 and as “ / ，” 的字节, and “程” as “程 / ” 的字节 where a NO_BREAK space after
    // the mark had bound it to the words after: the dump legend's quote cut)
    const last = word.at(-1) ?? '';
    const closes = CLOSE.has(g) && (CLOSE.has(last) || cells(last) > 1);
    const apart = !closes && !OPEN.has(last) && (wide || alone) && (starts === undefined || starts.has(here));
    if (word && !bound && (space || apart || /^\s/.test(word))) {
      if (!(space && /^\s/.test(word))) {
        tokens.push(word);
        word = '';
      }
    }
    word += g;
    alone = wide;
  }
  if (word) tokens.push(word);
  return holdFlags(holdShortGroups(glue(tokens)), width);
}

// texts wrapped lately, by width: every redraw wraps the lesson's text again, and a
// language switch back and forth wraps the same two texts (bench/latest.md, keys)
const wrapped = new Map<string, readonly string[]>();

export interface WrapOptions {
  /** the text marks inline code with backticks, as lesson text does (piecesOf) */
  code?: boolean;
}

/** Wraps a paragraph (or several, split on \n) to `width` cells. Breaks at spaces
 *  for Latin text and between Chinese words (zh-words.ts), never at a NO_BREAK space, nor
 *  inside a code span (`code`) or, in Chinese text, a run of ASCII that fits the line;
 *  a word wider than the line is cut where the line is full. */
export function wrap(text: string, width: number, options: WrapOptions = {}): string[] {
  const code = options.code === true;
  const key = `${width}\0${code ? 'c' : ''}\0${text}`;
  let lines = wrapped.get(key);
  if (lines === undefined) {
    lines = wrapAnew(text, width, code);
    if (wrapped.size >= 2048) wrapped.clear();
    wrapped.set(key, lines);
  }
  // a copy: callers may add to what they get
  return [...lines];
}

/** The units wrap breaks `text` into at `width`, per paragraph: words with what is held to them
 *  (a NO_BREAK group, a held code span or phrase, a short bracketed group), and runs of spaces. What
 *  a line may break between, for tests that read a wrap as a reader does (tests/text/lesson-wrap.test.ts). */
export function wrapUnits(text: string, width: number, options: WrapOptions = {}): string[][] {
  return text.split('\n').map((para) => (para === '' ? [] : tokenize(piecesOf(para, width, options.code === true), width)));
}

/** A line that is only a label: a few words and a colon ("Check 2/3: ", "✓ 小测 3/3："). */
function label(line: string): boolean {
  const l = line.trimEnd();
  return /[:：]$/.test(l) && cells(l) <= 16 && !/[:：]/.test(l.slice(0, -1));
}

/** Where the last word of a line of Chinese text starts (after its last space, or a
 *  wordStarts offset), when it is not the whole line: it may go down to the next line; -1 otherwise. */
function lastWord(text: string): number {
  const starts = wordStarts(text, true);
  if (!starts) return -1;
  // a start at punctuation is no place to break: a line never begins with a closing mark
  const at = Math.max(text.lastIndexOf(' ') + 1, ...[...starts].filter((k) => k < text.length && !/\p{P}/u.test(text[k]!)));
  return at > 0 && !/\s/.test(text.slice(at)) ? at : -1;
}

function wrapAnew(text: string, width: number, code: boolean): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    if (para === '') {
      out.push('');
      continue;
    }
    let line = '';
    let lineWidth = 0;
    const first = out.length;
    const pieces = piecesOf(para, width, code);
    // where a space of the paragraph binds only as a phrase's or a NO_BREAK one (by UTF-16 offset)
    const loose = new Set<number>();
    pieces.reduce((at, p) => (p.phrase || p.g === NO_BREAK ? loose.add(at) : loose, at + p.g.length), 0);
    const tokens = tokenize(pieces, width);
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t]!;
      const w = cells(token);
      // a label alone on its line ("✓ 小测 3/3：" over the question): a held call after it that
      // does not fit beside it breaks after a comma instead, its start on the label's line
      if (lineWidth > 0 && lineWidth + w > width && w <= width && /, +\S/.test(token.trim()) && label(line)) {
        tokens.splice(t, 1, ...token.split(/(?<=,)( +)/).filter((x) => x !== ''));
        t--;
        continue;
      }
      // words held as one (a NO_BREAK group or a kept phrase of plain words: "old pointer.",
      // "System V IPC") go down whole only where that leaves the line less than ROOM cells
      // short; else they break at their spaces as prose does, since that cuts no word and no
      // code token (issue 16: "…keeps using the" over "old pointer. It…" at 80 columns)
      if (lineWidth > 0 && lineWidth + w > width && width - cells(line.trimEnd()) >= ROOM && !chinese(para) && wordsHeld(token) && spacesLoose(token, tokens.slice(0, t).join('').length, loose)) {
        tokens.splice(t, 1, ...token.split(/([ \u00a0]+)/).map((x) => (/^\s+$/.test(x) ? ' ' : x)));
        t--;
        continue;
      }
      if (/^\s+$/.test(token)) {
        if (lineWidth > 0 && lineWidth + w <= width) {
          line += token;
          lineWidth += w;
        } else if (lineWidth > 0) {
          out.push(line.trimEnd());
          line = '';
          lineWidth = 0;
        }
        continue;
      }
      if (lineWidth + w > width && lineWidth > 0) {
        // a one-character Chinese word is not left alone on its line before a word that does
        // not fit after it (再 | shmget(…)): the last word of the line above comes down with it
        const alone = line.trimEnd();
        const above = out.length > first ? out[out.length - 1]! : '';
        const word = graphemes(alone).length === 1 && HAN.test(alone) ? lastWord(above) : -1;
        const from = word > 0 && cells(above.slice(word)) + cells(alone) <= width ? word : -1;
        if (from > 0) out[out.length - 1] = above.slice(0, from).trimEnd();
        out.push(from > 0 ? above.slice(from) + alone : alone);
        line = '';
        lineWidth = 0;
      }
      if (w > width) {
        // a word longer than the line: hard-break it, after its last '/' that fits when
        // there is one (a path breaks between its parts), else where the line is full; not
        // after opening punctuation, nor before closing punctuation when a Chinese
        // character can go down with it (a held span glued to its comma keeps the span whole)
        const gs = graphemes(token);
        let cut = -1;
        // a quoted path or text that fits a line is not cut at its '/' where the word starts with
        // it; inside a call it is (ftok("/tmp/…/ / another-name", …): never after the '(')
        const quoted = new Set<number>();
        for (let k = 0, open = -1; k < gs.length; k++) {
          if (gs[k] !== '"') continue;
          if (open < 0) open = k;
          else {
            // (only one the word starts with: cut after a call's '(' instead, the line ended in
            // an opening bracket, "ftok(" over the path: issue 16)
            if (gs.slice(0, open).every((x) => OPEN.has(x) || ASCII_OPEN.test(x)) && cells(gs.slice(open, k + 1).join('')) + 2 <= width) for (let j = open; j <= k; j++) quoted.add(j);
            open = -1;
          }
        }
        gs.forEach((g, k) => {
          const gw = cells(g);
          if (lineWidth + gw > width) {
            let at = cut > 0 && cells(line.slice(cut)) + gw <= width ? cut : line.length;
            if (at === line.length) {
              const have = graphemes(line);
              let n = have.length;
              const bad = (m: number) => CLOSE.has(m === have.length ? g : have[m]!) || OPEN.has(have[m - 1]!);
              while (n > 1 && bad(n) && !ASCII_CHAR.test(have[n - 1]!)) n--;
              if (n > 1 && !bad(n)) at = have.slice(0, n).join('').length;
            }
            out.push(line.slice(0, at));
            line = line.slice(at);
            lineWidth = cells(line);
            cut = -1;
          }
          line += g;
          lineWidth += gw;
          if (g === '/' && !quoted.has(k) && k < gs.length - 1) cut = line.length;
        });
        continue;
      }
      line += token;
      lineWidth += w;
    }
    out.push(line.trimEnd());
    if (out.length - first >= 2) keepLastWordCompany(out, para, width);
  }
  return out;
}

/** A token of several plain words, held as one by a NO_BREAK space or a kept phrase (keepWhole):
 *  Latin letters, with the punctuation that closes a word; never a number and its unit, a flag,
 *  a choice's mark, a key with its word or a C name (27 ns, kill -9, [2] text, g: glossary,
 *  struct shmid_ds), which stay whole. */
export function wordsHeld(token: string): boolean {
  const words = token.trim().split(/[ \u00a0]+/);
  return words.length > 1 && !KEY_POINTER.test(words[0]!) && words.every((w) => /^[A-Za-z][A-Za-z'’-]*[,.;:!?…"”]*$/.test(w));
}

/** Whether every space inside `token` (at offset `at` of its paragraph) binds only as a phrase's
 *  or a NO_BREAK one: a code span of plain words ("ipclab clean") stays whole. */
function spacesLoose(token: string, at: number, loose: ReadonlySet<number>): boolean {
  const end = token.trimEnd().length;
  for (let k = token.length - token.trimStart().length; k < end; k++) if (/\s/.test(token[k]!) && !loose.has(at + k)) return false;
  return true;
}

/** The most cells of a paragraph's last line that would read as a stray: a lone number
 *  or short word ("1" after "nattch is now") is not left on a line of its own. */
const STRAY = 3;

/** The fewest free cells at a line's end that read as a gap when the next line's first word
 *  would have fit there. */
const ROOM = 8;

/** When a paragraph's last line is one short token, the word before it goes down with it
 *  (when both fit), so the token keeps the word it belongs to; only where the paragraph
 *  broke at a space between them (not inside a word cut for length, not between CJK). */
function keepLastWordCompany(out: string[], para: string, width: number): void {
  const last = out[out.length - 1];
  const prev = out[out.length - 2];
  if (last === '' || /\s/.test(last) || cells(last) > STRAY) return;
  const space = prev.lastIndexOf(' ');
  if (space <= 0) return;
  let word = prev.slice(space + 1);
  let head = prev.slice(0, space).trimEnd();
  // in Chinese text the word before the space is its last Chinese word, not all after the
  // space: "两次 P 通过，然后才到 / 0。" gives "然后才到 0。", not "通过，然后才到 0。"
  const han = HAN.test(word) ? lastWord(word) : -1;
  if (han > 0) {
    head = prev.slice(0, space + 1 + han).trimEnd();
    word = word.slice(han);
  }
  // a flag goes down with its command (holdFlags): "ipcrm -m 5", not "ipcrm" above "-m 5"
  const command = head.lastIndexOf(' ');
  const flagged = FLAG.test(word) && COMMAND_WORD.test(head.slice(command + 1));
  if (flagged) {
    word = `${head.slice(command + 1)} ${word}`;
    head = command > 0 ? head.slice(0, command).trimEnd() : '';
  }
  const tail = para.trimEnd();
  const before = tail.slice(0, tail.length - last.length);
  if (!tail.endsWith(last) || !/ $/.test(before) || !before.trimEnd().endsWith(word)) return;
  if (head === '' || cells(`${word} ${last}`) > width) return;
  // never at the cost of a line left short: a long word (or NO_BREAK group) going down left
  // ROOM cells or more free above it where it fit (issue 16: "…keeps using the" over
  // "old pointer. It…"); a short token alone on the last line reads better than that. A command
  // and its flags still go down whole (holdFlags: "ipcrm -m 5.", never "ipcrm -m" over "5.")
  if (!flagged && width - cells(head) >= ROOM) return;
  // in Chinese text, ASCII on both sides of the space is one run (holdAsciiRuns)
  if (HAN.test(para) && /[\x21-\x7e]$/.test(head) && /^[\x21-\x7e]/.test(word)) return;
  out[out.length - 2] = head;
  out[out.length - 1] = `${word} ${last}`;
}
