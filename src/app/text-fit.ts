// Fitting text into terminal cells: CJK takes two cells, so lengths are measured
// with string-width, never with .length. Panes wrap and cut with these so that no
// line is wider than its pane and a cut is always marked.
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// string-width counts ▶ (U+25B6) as an emoji, two cells; without the emoji selector
// (U+FE0F) terminals draw it in one, as wcwidth says, and so do we.
const TEXT_TRIANGLE = /\u25B6(?!\uFE0F)/g;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// widths of the non-ASCII strings seen lately: a redraw measures the same texts again
const widths = new Map<string, number>();

export function cells(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let w = widths.get(text);
  if (w === undefined) {
    if (widths.size > 4096) widths.clear();
    w = stringWidth(text.replace(TEXT_TRIANGLE, '>'));
    widths.set(text, w);
  }
  return w;
}

function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

// --ascii: typographic symbols from lesson text, UI strings and the trace, as plain
// ASCII. CJK text and its own punctuation are left alone: only these symbols change.
const ASCII_FOR: Record<string, string> = {
  '…': '...', '–': '-', '—': '--', '―': '--', '‐': '-', '‑': '-', '−': '-',
  '→': '->', '←': '<-', '↑': '^', '↓': 'v', '↔': '<->', '⇒': '=>', '⇐': '<=', '⇥': '>',
  '▶': '>', '►': '>', '▸': '>', '◀': '<', '◂': '<', '▲': '^', '▼': 'v',
  '✓': '*', '✔': '*', '✗': 'x', '✘': 'x', '•': '*', '·': '.', '×': 'x',
  '≠': '!=', '≤': '<=', '≥': '>=', '≈': '~',
  '“': '"', '”': '"', '„': '"', '‘': "'", '’': "'", '′': "'", '″': '"',
  '\u00a0': ' ',
};
const TYPOGRAPHIC = new RegExp(`[${Object.keys(ASCII_FOR).join('')}\u2500-\u259f]`, 'g');

/** Box drawing (U+2500-U+257F) as - | +, block elements (U+2580-U+259F) as #. */
function boxChar(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  if (code >= 0x2580) return '#';
  if (/[─━┄┅┈┉╌╍═╴╶╸╺╼╾]/.test(c)) return '-';
  if (/[│┃┆┇┊┋╎╏║╵╷╹╻╽╿]/.test(c)) return '|';
  return '+';
}

/** The text with every typographic symbol in plain ASCII (… as ..., → as ->, “” as ""). */
export function asciiText(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text;
  return text.replace(TYPOGRAPHIC, (c) => ASCII_FOR[c] ?? boxChar(c));
}

/** Text a pane lays out (wraps, cuts, lines up in columns), in the form it will be
 *  drawn: under --ascii mapped before it is measured, and cut with an ASCII mark. */
export function layoutText(ascii: boolean): { text: (t: string) => string; mark: string } {
  return ascii ? { text: asciiText, mark: asciiText('…') } : { text: (t) => t, mark: '…' };
}

/** Cuts text to at most `width` cells, ending in `mark` when something was cut. */
export function truncate(text: string, width: number, mark = '…'): string {
  if (width <= 0) return '';
  if (cells(text) <= width) return text;
  const room = width - cells(mark);
  let out = '';
  let used = 0;
  for (const g of graphemes(text)) {
    const w = cells(g);
    if (used + w > room) break;
    out += g;
    used += w;
  }
  return out + mark;
}

/** Pads with spaces to exactly `width` cells (cutting first if longer). */
export function pad(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + ' '.repeat(Math.max(0, width - cells(cut)));
}

// Chinese line breaking: a line never starts with closing punctuation (，。）…) nor
// ends with opening punctuation (（“…): each stays glued to its neighbour.
const OPEN = new Set([...'（「『“‘《〈【']);
const CLOSE = new Set([...'，。；：、）」』！？”’》〉】…']);

function glue(tokens: string[]): string[] {
  const out: string[] = [];
  let open = '';
  for (const t of tokens) {
    if (OPEN.has(t)) {
      open += t;
      continue;
    }
    const prev = out[out.length - 1];
    if (CLOSE.has(t) && !open && prev !== undefined && !/^\s/.test(prev)) out[out.length - 1] = prev + t;
    else {
      out.push(open + t);
      open = '';
    }
  }
  if (open) out.push(open);
  return out;
}

/** Words (runs of narrow non-space characters), single wide characters, and runs of
 *  spaces; punctuation glued to the word it belongs with. */
function tokenize(para: string): string[] {
  const tokens: string[] = [];
  let word = '';
  for (const g of graphemes(para)) {
    const space = /^\s$/.test(g);
    const wide = cells(g) > 1;
    if (word && (space || wide || /^\s/.test(word))) {
      if (!(space && /^\s/.test(word))) {
        tokens.push(word);
        word = '';
      }
    }
    if (wide) tokens.push(g);
    else word += g;
  }
  if (word) tokens.push(word);
  return glue(tokens);
}

/** Wraps a paragraph (or several, split on \n) to `width` cells. Breaks at spaces
 *  for Latin text and between any two CJK characters. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    if (para === '') {
      out.push('');
      continue;
    }
    let line = '';
    let lineWidth = 0;
    const tokens = tokenize(para);
    for (const token of tokens) {
      const w = cells(token);
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
        out.push(line.trimEnd());
        line = '';
        lineWidth = 0;
      }
      if (w > width) {
        // a word longer than the line: hard-break it
        for (const g of graphemes(token)) {
          const gw = cells(g);
          if (lineWidth + gw > width) {
            out.push(line);
            line = '';
            lineWidth = 0;
          }
          line += g;
          lineWidth += gw;
        }
        continue;
      }
      line += token;
      lineWidth += w;
    }
    out.push(line.trimEnd());
  }
  return out;
}

/** A window of `height` lines out of `lines`, starting at `offset` (clamped), and
 *  whether lines are hidden above or below. */
export function windowOf<T>(lines: readonly T[], height: number, offset: number): { shown: T[]; offset: number; above: number; below: number } {
  const max = Math.max(0, lines.length - height);
  const start = Math.min(Math.max(0, offset), max);
  const shown = lines.slice(start, start + height);
  return { shown, offset: start, above: start, below: Math.max(0, lines.length - start - shown.length) };
}
