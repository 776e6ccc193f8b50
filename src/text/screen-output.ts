// Ink's screen buffer turned into text (ink/build/output.js `get`, replaced by
// scripts/build.mjs): the same rows as Ink's, made a row at a time and kept. Ink fills a
// grid of a fresh cell object for every blank cell, places each written line's styled
// characters in it and joins every row again on every frame; a key redraws the whole
// screen, and most rows of it are rows some frame already had: a row is what was written
// into it (each line where it starts, in order), so a row written as before is the text
// it gave before. tests/text/screen-output.test.ts checks it against Ink's own.
import sliceAnsi from 'slice-ansi';
import type { StyledChar } from '@alcalzone/ansi-tokenize';
import { styledCharsToString } from './styled-chars.js';

/** What this takes of Ink's Output: its size, its operations and its caches. */
export interface InkOutput {
  width: number;
  height: number;
  operations: readonly Operation[];
  caches: {
    getStyledChars(line: string): StyledChar[];
    getStringWidth(text: string): number;
    getWidestLine(text: string): number;
  };
}

interface Clip {
  x1?: number;
  x2?: number;
  y1?: number;
  y2?: number;
}

type Operation =
  | { type: 'write'; x: number; y: number; text: string; transformers: ((line: string, index: number) => string)[] }
  | { type: 'clip'; clip: Clip }
  | { type: 'unclip' };

// never changed: a cell is replaced, not edited, so every blank cell can be this one
const BLANK: StyledChar = { type: 'char', value: ' ', fullWidth: false, styles: [] };

// rows made, by what was written into them; made anew when it grows past a bound
let rowsKept = new Map<string, string>();
const ROWS_KEPT = 2000;

/** Ink's Output.get(): the screen as text, rows without trailing blanks. */
export function screenOutput(output: InkOutput): { output: string; height: number } {
  const { width, height, caches } = output;
  // per row, where each line written into it starts and the line, in the order written
  const writes: { x: number; line: string }[][] = Array.from({ length: height }, () => []);
  const clips: Clip[] = [];
  for (const op of output.operations) {
    if (op.type === 'clip') clips.push(op.clip);
    if (op.type === 'unclip') clips.pop();
    if (op.type !== 'write') continue;
    let { x, y } = op;
    let lines = op.text.split('\n');
    const clip = clips.at(-1);
    if (clip) {
      const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
      const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
      if (clipHorizontally && (x + caches.getWidestLine(op.text) < clip.x1! || x > clip.x2!)) continue;
      if (clipVertically && (y + lines.length < clip.y1! || y > clip.y2!)) continue;
      if (clipHorizontally) {
        const from = x < clip.x1! ? clip.x1! - x : 0;
        lines = lines.map((line) => {
          const lineWidth = caches.getStringWidth(line);
          return sliceAnsi(line, from, x + lineWidth > clip.x2! ? clip.x2! - x : lineWidth);
        });
        if (x < clip.x1!) x = clip.x1!;
      }
      if (clipVertically) {
        const from = y < clip.y1! ? clip.y1! - y : 0;
        const to = y + lines.length > clip.y2! ? clip.y2! - y : lines.length;
        lines = lines.slice(from, to);
        if (y < clip.y1!) y = clip.y1!;
      }
    }
    // as Ink: the first line outside the screen ends the write
    for (let index = 0; index < lines.length; index++) {
      const row = writes[y + index];
      if (!row) break;
      let line = lines[index]!;
      for (const transform of op.transformers) line = transform(line, index);
      row.push({ x, line });
    }
  }
  if (rowsKept.size > ROWS_KEPT) rowsKept = new Map();
  const rows = writes.map((row) => {
    // the width too: a line written past it lands after blank cells or none
    const key = `${width}\x01${row.map((w) => `${w.x}\0${w.line}`).join('\x01')}`;
    let text = rowsKept.get(key);
    if (text === undefined) {
      text = rowText(row, width, caches);
      rowsKept.set(key, text);
    }
    return text;
  });
  return { output: rows.join('\n'), height };
}

/** One row as Ink makes it: blank cells, each line's characters placed from its start
 *  (a wide one followed by empty cells of its style), joined with their styles. */
function rowText(row: readonly { x: number; line: string }[], width: number, caches: InkOutput['caches']): string {
  const cells: (StyledChar | undefined)[] = new Array<StyledChar>(width).fill(BLANK);
  for (const { x, line } of row) {
    let at = x;
    for (const char of caches.getStyledChars(line)) {
      cells[at] = char;
      // one cell for a character below U+0300 (no wide or combining one there)
      const cellsWide = char.value.length === 1 && char.value.charCodeAt(0) < 0x300 ? 1 : Math.max(1, caches.getStringWidth(char.value));
      for (let i = 1; i < cellsWide; i++) cells[at + i] = { type: 'char', value: '', fullWidth: false, styles: char.styles };
      at += cellsWide;
    }
  }
  return styledCharsToString(cells.filter((c): c is StyledChar => c !== undefined)).trimEnd();
}
