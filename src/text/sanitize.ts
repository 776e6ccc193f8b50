// Text from outside ipclab (a command's output, a compiler's messages, file names, a
// segment's bytes, another process's lines) made safe to draw. A terminal acts on
// control characters: a tab jumps to its next stop, ESC starts a sequence, CR goes back
// to column 0; a pane drawn with them is no longer the size it measured. So every such
// text passes here before a pane or `run` shows it: tabs become the spaces they stand
// for, every other control character becomes a visible mark, and bytes that were not
// UTF-8 (decoded as U+FFFD) stay visible as such.
import { cells, graphemes, PRINTABLE_ASCII } from './cells.js';

const TAB_STOP = 8;

/** Characters a terminal acts on or draws as nothing: C0 and C1 controls, DEL, line and
 *  paragraph separators, and format characters (bidirectional overrides, zero-width
 *  space, byte-order mark, soft hyphen) except the joiners that emoji and scripts need. */
const HIDDEN = /[\p{Cc}\p{Zl}\p{Zp}]|(?![\u200c\u200d])\p{Cf}/u;

/** The control pictures (U+2400-U+2421) and the replacement character as ASCII. */
const PICTURE = /[\u2400-\u2421\ufffd]/g;

/** ␛ for ESC, ␍ for CR, ␀ for NUL, ␡ for DEL; in ASCII the caret forms ^[ ^M ^@ ^?.
 *  The rest (C1 controls, format characters) have no picture: <U+009B>. */
function mark(ch: string, ascii: boolean): string {
  const code = ch.codePointAt(0)!;
  if (code < 0x20) return ascii ? `^${String.fromCharCode(code + 0x40)}` : String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return ascii ? '^?' : '\u2421';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** A control picture or U+FFFD as ASCII: ^[ for ␛, ? for U+FFFD. */
function asciiPicture(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code === 0xfffd) return '?';
  return mark(String.fromCharCode(code === 0x2421 ? 0x7f : code - 0x2400), true);
}

function line(text: string, ascii: boolean): string {
  let out = '';
  let column = 0;
  for (const g of graphemes(text)) {
    let shown: string;
    if (g === '\t') shown = ' '.repeat(TAB_STOP - (column % TAB_STOP));
    else if (HIDDEN.test(g)) shown = Array.from(g, (ch) => (HIDDEN.test(ch) ? mark(ch, ascii) : ch)).join('');
    else shown = ascii ? g.replace(PICTURE, asciiPicture) : g;
    out += shown;
    column += cells(shown);
  }
  return out;
}

/** The text as it may be drawn, line by line ('\n' kept; CR LF read as one line end):
 *  tabs expanded to the columns they reach from the start of their line, every other
 *  control character a visible mark. `ascii` (--ascii) makes the marks ASCII too. */
export function sanitize(text: string, ascii = false): string {
  if (PRINTABLE_ASCII.test(text)) return text;
  return text
    .replace(/\p{Cs}/gu, '\ufffd') // a lone surrogate (from JSON) is no character either
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => line(l, ascii))
    .join('\n');
}

/** Any control picture or U+FFFD in already safe text as ASCII. */
export function asciiPictures(text: string): string {
  return text.replace(PICTURE, asciiPicture);
}
