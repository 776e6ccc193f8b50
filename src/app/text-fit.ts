// Fitting text into panes: cutting with a mark, padding, --ascii symbols and scrolling
// windows, on top of the cell measure and wrapping of src/text/cells.ts, so that no
// line is wider than its pane and a cut is always marked.
import { NO_BREAK, PRINTABLE_ASCII, cells, graphemes, wrap } from '../text/cells.js';
import { asciiPictures } from '../text/sanitize.js';

export { cells, graphemes, wrap };

/** The cells a pane's prose wraps to in its `inner` width: one column kept free before
 *  the right border, so no line of text ends flush against it (issue 16). */
export function proseWidth(inner: number): number {
  return inner - 1;
}

// --ascii: typographic symbols from lesson text, UI strings and the trace, as plain
// ASCII. CJK text and its own punctuation are left alone: only these symbols change.
const ASCII_FOR: Record<string, string> = {
  '…': '...', '–': '-', '—': '--', '―': '--', '‐': '-', '‑': '-', '−': '-',
  '→': '->', '←': '<-', '↑': '^', '↓': 'v', '↔': '<->', '⇒': '=>', '⇐': '<=', '⇥': '>',
  '▶': '>', '►': '>', '▸': '>', '◀': '<', '◂': '<', '▲': '^', '▼': 'v',
  '✓': '*', '✔': '*', '✗': 'x', '✘': 'x', '•': '*', '·': '.', '↪': '.', '×': 'x',
  '●': '@', '○': 'o',
  '≠': '!=', '≤': '<=', '≥': '>=', '≈': '~',
  '“': '"', '”': '"', '„': '"', '‘': "'", '’': "'", '′': "'", '″': '"',
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

/** The text with every typographic symbol in plain ASCII (… as ..., → as ->, “” as "",
 *  the sanitizer's ␛ as ^[), but a NO_BREAK space kept: one cell either way, and wrap
 *  must still see it to keep a number with its unit ("100 ms"). */
function asciiSymbols(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text;
  return asciiPictures(text.replace(TYPOGRAPHIC, (c) => ASCII_FOR[c] ?? boxChar(c)));
}

/** The text as --ascii writes it: asciiSymbols, and a NO_BREAK space as a plain one. */
export function asciiText(text: string): string {
  return asciiSymbols(text).replaceAll(NO_BREAK, ' ');
}

/** Text a pane lays out (wraps, cuts, lines up in columns), in the form it will be
 *  drawn: under --ascii mapped before it is measured (its NO_BREAK spaces only when the
 *  line is written, screenLine), and cut with an ASCII mark. */
export function layoutText(ascii: boolean): { text: (t: string) => string; mark: string } {
  return ascii ? { text: asciiSymbols, mark: asciiText('…') } : { text: (t) => t, mark: '…' };
}

/** Cuts text to at most `width` cells, ending in `mark` when something was cut.
 *  `words`: a cut inside a word goes back to the space before it, when that keeps at
 *  least half the room (a half word reads as another word: "segm…"), and leaves no
 *  comma or colon before the mark. */
export function truncate(text: string, width: number, mark = '…', words = false): string {
  if (width <= 0) return '';
  if (cells(text) <= width) return text;
  const room = width - cells(mark);
  let out = '';
  let used = 0;
  let next = '';
  for (const g of graphemes(text)) {
    const w = cells(g);
    next = g;
    if (used + w > room) break;
    out += g;
    used += w;
  }
  if (!words) return out + mark;
  if (next !== ' ' && !out.endsWith(' ')) {
    const space = out.lastIndexOf(' ');
    if (space > 0 && cells(out.slice(0, space)) >= room / 2) out = out.slice(0, space);
  }
  // no comma or colon left dangling before the mark ("Child reads,…")
  return out.trimEnd().replace(/[,;:，；：、]+$/u, '') + mark;
}

/** Cuts text to at most `width` cells at a word (wrap's: a space, or between Chinese words,
 *  zh-words.ts), ending in `mark`, no comma or colon before it; the text whole where it fits.
 *  A title cut mid-word read as another word ("The oth…", "服务端建立共…": s29f). */
export function cutAtWord(text: string, width: number, mark = '…'): string {
  if (cells(text) <= width) return text;
  const first = wrap(text, Math.max(1, width - cells(mark)))[0] ?? '';
  return first.trimEnd().replace(/[,;:，；：、]+$/u, '') + mark;
}

/** Pads with spaces to exactly `width` cells (cutting first if longer). */
export function pad(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + ' '.repeat(Math.max(0, width - cells(cut)));
}

/** A window of `height` lines out of `lines`, starting at `offset` (clamped), and
 *  whether lines are hidden above or below. */
export function windowOf<T>(lines: readonly T[], height: number, offset: number): { shown: T[]; offset: number; above: number; below: number } {
  const max = Math.max(0, lines.length - height);
  const start = Math.min(Math.max(0, offset), max);
  const shown = lines.slice(start, start + height);
  return { shown, offset: start, above: start, below: Math.max(0, lines.length - start - shown.length) };
}

/** A line printed on the terminal after the screen is given back ("ipclab: removed …"), wrapped
 *  at its width by whole words, the rows after the first under its first word (an 82-cell
 *  line broke mid-word at 80 columns: nc173). */
export function terminalLines(prefix: string, text: string, columns: number): string {
  const width = Math.max(20, columns - cells(prefix));
  return wrap(text, width).map((l, i) => (i ? ' '.repeat(cells(prefix)) : prefix) + l).join('\n');
}
