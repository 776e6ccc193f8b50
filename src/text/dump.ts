// The text column of a hex dump (the Kernel pane's segment dump, the playground's `dump`):
// one text per row of bytes, each UTF-8 character shown once and every column in line.
import { cells } from './cells.js';
import { sanitize } from './sanitize.js';

/** What the text column shows under a byte of a UTF-8 character its glyph does not stand
 *  over: not a space, which would read as a 0x20 byte between "你" and "好", and not '.',
 *  which reads as a byte no character starts (--ascii draws it '.' all the same). */
export const DUMP_FILL = '·';

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
 *  itself; a UTF-8 character once, under its first byte, and DUMP_FILL under each of its
 *  other bytes its cells do not cover (你, 3 bytes in 2 cells: "你·"), in its own row and
 *  the next -- so each row's text starts under the last, as many cells as bytes (one more
 *  where a wide character starts on a row's last byte, when `spare` allows: without it the
 *  character stands over its bytes on the next row, a filler under its first); every other
 *  byte (a control, 0x00, an invalid sequence, a character cut off at the end) as '.'. */
export function dumpTexts(bytes: Uint8Array, perRow: number, spare: number): string[] {
  const texts: string[] = [];
  // the bytes of a character still to come: fillers, but the glyph where it waits for the next row
  let covered = 0;
  let waiting: string | null = null;
  let coveredRow = -1;
  for (let i = 0; i < bytes.length; i++) {
    const row = Math.floor(i / perRow);
    if (texts.length <= row) texts.push('');
    if (covered > 0) {
      if (waiting !== null && row !== coveredRow) {
        // the glyph over the bytes the next row holds (cells(ch) <= covered, checked below)
        texts[row] += waiting + DUMP_FILL.repeat(covered - cells(waiting));
        i += covered - 1;
        covered = 0;
        waiting = null;
        continue;
      }
      covered--;
      if (row !== coveredRow || waiting !== null) texts[row] += DUMP_FILL;
      continue;
    }
    const b = bytes[i];
    const c = b < 0x80 ? null : charAt(bytes, i);
    const here = c ? Math.min(c.len, (row + 1) * perRow - i) : 0;
    if (c && cells(c.ch) - here <= spare) {
      texts[row] += c.ch + DUMP_FILL.repeat(Math.max(0, here - cells(c.ch)));
      covered = c.len - 1;
      coveredRow = row;
    } else if (c && cells(c.ch) <= c.len - here) {
      // too wide for what is left of its row: a filler under its first byte, the glyph on the next row
      texts[row] += DUMP_FILL;
      covered = c.len - 1;
      coveredRow = row;
      waiting = c.ch;
    } else texts[row] += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
  }
  return texts;
}
