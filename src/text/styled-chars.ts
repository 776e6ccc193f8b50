// What the bundle gives Ink's `import ... from '@alcalzone/ansi-tokenize'` (its screen
// buffer, ink/build/output.js; see scripts/build.mjs): the package itself, with a
// styledCharsToString that skips the style diff between two neighbours of the same
// style, and a styledCharsFromTokens that gives the characters between two codes one
// styles array. The package diffs every pair (three Sets and two arrays each), and most of a
// frame is blank cells and runs of one style: ~30 ms of the first frame's CPU, and a
// share of every key's redraw (bench/startup.md). tests/text/styled-chars.test.ts checks
// it against the package's own.
import { ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, type AnsiCode, type StyledChar, type Token } from '@alcalzone/ansi-tokenize';

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

/** The package's copies the styles array for every character (garbage for the GC). One
 *  array serves a run of characters instead (nothing changes a styles array once made:
 *  the package's reduce makes a new one, and Ink shares a character's with its wide
 *  cells), and neighbours of one style are then told apart by a single comparison. */
export function styledCharsFromTokens(tokens: Token[]): StyledChar[] {
  let codes: AnsiCode[] = NONE;
  const chars: StyledChar[] = [];
  for (const token of tokens) {
    if (token.type === 'ansi') codes = reduceAnsiCodesIncremental(codes, [token]);
    else chars.push({ ...token, styles: codes });
  }
  return chars;
}

export function styledCharsToString(chars: StyledChar[]): string {
  let ret = '';
  let style = NONE;
  for (const char of chars) {
    ret += switchStyle(style, char.styles) + char.value;
    style = char.styles;
  }
  return ret + switchStyle(style, NONE);
}
