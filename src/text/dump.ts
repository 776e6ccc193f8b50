// The text column of a hex dump (the Kernel pane's segment dump, the playground's `dump`):
// one text per row of bytes, exactly one cell per byte, each UTF-8 character shown once.
import { cells, graphemes } from './cells.js';
import { sanitize } from './sanitize.js';

/** What the text column shows under a byte of a UTF-8 character its glyph does not stand
 *  over: not a space, which would read as a 0x20 byte between "你" and "好", and not '.',
 *  which reads as a byte no character starts. */
export const DUMP_FILL = '·';
/** DUMP_FILL under --ascii: '.' (the general symbol map's) was the mark of a byte that is no
 *  printable character, so "你." read as 你 and a stray byte (fix23f#4). */
export const DUMP_FILL_ASCII = '_';

/** What the text column shows under a byte of a UTF-8 character drawn on the row above, at
 *  the start of its row: the mark of a continued line (vim's showbreak), so the row reads as
 *  going on from the one above. "··" there read as broken text (fix19e#4). */
export const DUMP_CARRY = '↪';
/** DUMP_CARRY under --ascii, distinct from '.' and DUMP_FILL_ASCII: it points on from the row above. */
export const DUMP_CARRY_ASCII = '>';

/** What the text column shows under a byte of a UTF-8 character drawn on the next row, at
 *  the end of its row: its bytes there have too few cells for its glyph (你's first byte a
 *  row's last: 1 cell, 你 is 2). Drawn whole there it stood one cell past the row's bytes
 *  and the rows no longer lined up (fix18f#1's hang; issue 16, parent-child step 7). */
export const DUMP_AHEAD = '→';
/** DUMP_AHEAD under --ascii, distinct from '.', DUMP_FILL_ASCII and DUMP_CARRY_ASCII. */
export const DUMP_AHEAD_ASCII = '+';

/** Drawn under a combining mark (a zero-width character that joins the one before it): the
 *  Unicode way of showing one alone, so it takes a cell of its own and the character before
 *  it keeps its own. */
export const DUMP_BASE = '◌';

/** The text column's own marks as drawn (--ascii: ASCII marks none of which is '.'). */
export function dumpMarks(ascii: boolean): { fill: string; carry: string; ahead: string } {
  return ascii ? { fill: DUMP_FILL_ASCII, carry: DUMP_CARRY_ASCII, ahead: DUMP_AHEAD_ASCII } : { fill: DUMP_FILL, carry: DUMP_CARRY, ahead: DUMP_AHEAD };
}

/** A glyph that stands as one cluster of its own whatever is drawn beside it (a letter, a mark). */
const alone = (g: string): boolean => graphemes(`a${g}`).length === 2 && graphemes(`${g}a`).length === 2;

/** Zero-width characters that join the one before them: combining marks, variation
 *  selectors, the joiners; drawn on DUMP_BASE. */
const JOINING = /^[\p{Mn}\p{Me}\u200c\u200d]$/u;

/** How the character `ch` is drawn in the text column: itself where it is a glyph of at least
 *  one cell that joins nothing beside it; on DUMP_BASE where it is a combining mark; null
 *  where it cannot stand alone in the cells of its bytes (its bytes are then '.'). */
function glyph(ch: string, len: number): string | null {
  if (sanitize(ch) !== ch) return null;
  const g = JOINING.test(ch) ? `${DUMP_BASE}${ch}` : ch;
  const w = cells(g);
  return w >= 1 && w <= len && alone(g) ? g : null;
}

/** The UTF-8 character whose first byte is `bytes[i]`, its glyph (glyph()) and its length in
 *  bytes; null for a byte that starts none (ASCII is left to the caller), an invalid or
 *  cut-off sequence, or a character the sanitizer would mark (a C1 control, a bidirectional
 *  override) or that has no glyph of its own. */
function charAt(bytes: Uint8Array, i: number): { g: string; len: number } | null {
  const b = bytes[i];
  const len = b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
  if (len === 0 || i + len > bytes.length) return null;
  const seq = bytes.subarray(i, i + len);
  if (!Array.from(seq.subarray(1)).every((c) => c >> 6 === 0b10)) return null;
  const ch = Buffer.from(seq).toString('utf8');
  if (ch.includes('\ufffd')) return null; // an overlong form or a surrogate: no character
  const g = glyph(ch, len);
  return g ? { g, len } : null;
}

/** The dump's text column, one text per row of `perRow` bytes, each exactly `perRow` cells
 *  (cells(), one cell per byte), whatever the bytes: a printable ASCII byte as itself; a UTF-8
 *  character once, its glyph under its first byte on the row it is drawn on, DUMP_FILL under
 *  each of its other bytes there its cells do not cover (你, 3 bytes in 2 cells: "你·"). A
 *  character whose bytes go on past a row's end is drawn on the first of its rows whose bytes
 *  have cells enough for it -- the row it starts on, unless only its last byte or so is there:
 *  DUMP_AHEAD under each of its bytes on a row before the one it is drawn on ("…→" then
 *  "进…"), DUMP_CARRY under each on a row after ("…你" then "↪↪…"). A combining mark is
 *  drawn on DUMP_BASE ("◌́"). Every other byte (a control, 0x00, an invalid sequence, a
 *  character cut off at the end, one with no glyph of its own) as '.'. The hex beside stays
 *  exact. `ascii`: the marks as --ascii draws them (dumpMarks). */
export function dumpTexts(bytes: Uint8Array, perRow: number, ascii = false): string[] {
  const { fill, carry, ahead } = dumpMarks(ascii);
  const texts: string[] = Array.from({ length: Math.ceil(bytes.length / perRow) }, () => '');
  const dot = (i: number) => {
    const b = bytes[i];
    texts[Math.floor(i / perRow)] += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
  };
  for (let i = 0; i < bytes.length; ) {
    const c = bytes[i] < 0x80 ? null : charAt(bytes, i);
    if (!c) {
      dot(i++);
      continue;
    }
    const w = cells(c.g);
    // its bytes on each row it spans; it is drawn on the first whose bytes have cells for it
    const first = Math.floor(i / perRow);
    const last = Math.floor((i + c.len - 1) / perRow);
    const on = (row: number) => Math.min((row + 1) * perRow, i + c.len) - Math.max(row * perRow, i);
    let at = first;
    while (at <= last && on(at) < w) at++;
    if (at > last) {
      // no row has cells enough for it (no such character is known): its bytes as dots
      for (let k = 0; k < c.len; k++) dot(i + k);
      i += c.len;
      continue;
    }
    for (let row = first; row <= last; row++) {
      if (row < at) texts[row] += ahead.repeat(on(row));
      else if (row > at) texts[row] += carry.repeat(on(row));
      else texts[row] += c.g + fill.repeat(on(row) - w);
    }
    i += c.len;
  }
  return texts;
}
