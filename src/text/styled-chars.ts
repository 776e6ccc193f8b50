// What the bundle gives Ink's `import ... from '@alcalzone/ansi-tokenize'` (its screen
// buffer, ink/build/output.js; see scripts/build.mjs): the package itself, with a
// styledCharsToString that skips the style diff between two neighbours of the same
// style. The package diffs every pair (three Sets and two arrays each), and most of a
// frame is blank cells and runs of one style: ~30 ms of the first frame's CPU, and a
// share of every key's redraw (bench/startup.md). tests/text/styled-chars.test.ts checks
// it against the package's own.
import { ansiCodesToString, diffAnsiCodes, type AnsiCode, type StyledChar } from '@alcalzone/ansi-tokenize';

export * from '@alcalzone/ansi-tokenize';

/** Both lists hold the same codes in the same order: nothing to switch between them. */
function sameStyle(a: AnsiCode[], b: AnsiCode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.code !== b[i]!.code || a[i]!.endCode !== b[i]!.endCode) return false;
  }
  return true;
}

const NONE: AnsiCode[] = [];

const switchStyle = (from: AnsiCode[], to: AnsiCode[]) => (sameStyle(from, to) ? '' : ansiCodesToString(diffAnsiCodes(from, to)));

export function styledCharsToString(chars: StyledChar[]): string {
  let ret = '';
  let style = NONE;
  for (const char of chars) {
    ret += switchStyle(style, char.styles) + char.value;
    style = char.styles;
  }
  return ret + switchStyle(style, NONE);
}
