// The text column of a hex dump (the Kernel pane's segment dump, the playground's `dump`):
// one text per row of bytes, each UTF-8 character shown once and every column in line.
import { cells } from './cells.js';
import { sanitize } from './sanitize.js';

/** What the text column shows under a byte of a UTF-8 character its glyph does not stand
 *  over: not a space, which would read as a 0x20 byte between "你" and "好", and not '.',
 *  which reads as a byte no character starts. */
export const DUMP_FILL = '·';
/** DUMP_FILL under --ascii: '.' (the general symbol map's) was the mark of a byte that is no
 *  printable character, so "你." read as 你 and a stray byte (fix23f#4). */
export const DUMP_FILL_ASCII = '_';

/** What the text column shows under a byte of a UTF-8 character begun on the row above, at
 *  the start of its row: the mark of a continued line (vim's showbreak), so the row reads as
 *  going on from the one above. "··" there read as broken text (fix19e#4). */
export const DUMP_CARRY = '↪';
/** DUMP_CARRY under --ascii, distinct from '.' and DUMP_FILL_ASCII: it points on from the row above. */
export const DUMP_CARRY_ASCII = '>';

/** The text column's own marks as drawn (--ascii: ASCII marks none of which is '.'). */
export function dumpMarks(ascii: boolean): { fill: string; carry: string } {
  return ascii ? { fill: DUMP_FILL_ASCII, carry: DUMP_CARRY_ASCII } : { fill: DUMP_FILL, carry: DUMP_CARRY };
}

/** The UTF-8 character whose first byte is `bytes[i]`, and its length in bytes; null for a
 *  byte that starts none (ASCII is left to the caller), an invalid or cut-off sequence, or a
 *  character the sanitizer would mark (a C1 control, a bidirectional override). */
function charAt(bytes: Uint8Array, i: number): { ch: string; len: number } | null {
  const b = bytes[i];
  const len = b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
  if (len === 0 || i + len > bytes.length) return null;
  const seq = bytes.subarray(i, i + len);
  if (!Array.from(seq.subarray(1)).every((c) => c >> 6 === 0b10)) return null;
  const ch = Buffer.from(seq).toString('utf8');
  return cells(ch) <= len && sanitize(ch) === ch ? { ch, len } : null;
}

/** The dump's text column, one text per row of `perRow` bytes: a printable ASCII byte as
 *  itself; a UTF-8 character once, on the row where its first byte is, under that byte, and
 *  DUMP_FILL under each of its other bytes its cells do not cover on that row (你, 3 bytes in
 *  2 cells: "你·"), DUMP_CARRY under each on the next row. A character 2 cells wide whose
 *  first byte is a row's last stands whole at that row's end, its second cell one past the
 *  row's bytes, and its other bytes are DUMP_CARRY on the next row: drawn there, it read as
 *  a character split across rows, the first row ending in a filler (fix18f#1). So a row's text is as many cells
 *  as its bytes, or one more where a character hangs past its end: DUMP_HANG cells are kept
 *  for that after every row (the playground's closing |). Every other byte (a control, 0x00,
 *  an invalid sequence, a character cut off at the end) as '.'. The hex beside stays exact.
 *  `ascii`: the marks as --ascii draws them (dumpMarks). */
export function dumpTexts(bytes: Uint8Array, perRow: number, ascii = false): string[] {
  const { fill, carry } = dumpMarks(ascii);
  const texts: string[] = Array.from({ length: Math.ceil(bytes.length / perRow) }, () => '');
  for (let i = 0; i < bytes.length; ) {
    const row = Math.floor(i / perRow);
    const end = (row + 1) * perRow;
    const b = bytes[i];
    const c = b < 0x80 ? null : charAt(bytes, i);
    if (!c) {
      texts[row] += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
      i++;
      continue;
    }
    texts[row] += c.ch;
    // its other bytes: under those its cells stand over on its row nothing more; a filler
    // under each of the rest on its row, a carry mark under each on the next (a hanging
    // glyph's cell is past the row's bytes)
    const w = cells(c.ch);
    for (let k = 1; k < c.len; k++) {
      if (i + k >= end) texts[row + 1] += carry;
      else if (k >= w) texts[row] += fill;
    }
    i += c.len;
  }
  return texts;
}

/** The cells kept after every row's text for a character that hangs past the row's end. */
export const DUMP_HANG = 1;
