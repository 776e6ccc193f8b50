// The bundle's styledCharsToString (src/text/styled-chars.ts, given to Ink by
// scripts/build.mjs) skips the style diff between neighbours of one style, and its
// styledCharsFromTokens shares one styles array among neighbours: they must give the
// package's own characters and string for every row, styled or not.
import { describe, expect, it } from 'vitest';
import * as pkg from '@alcalzone/ansi-tokenize';
import { styledCharsFromTokens, styledCharsToString } from '../../src/text/styled-chars.js';

const esc = (codes: number[]) => codes.map((c) => `\x1b[${c}m`).join('');
// start codes and their ends, intensity (1, 2: both end with 22) included
const STYLES = [[1], [2], [1, 2], [3], [4], [7], [31], [32], [90], [41], [1, 31], [2, 36], [38, 5, 208], [48, 2, 10, 20, 30]];
const ENDS = [[0], [22], [23], [24], [27], [39], [49]];

/** A reproducible mix of plain runs, styled runs, ends and resets, as Ink's rows have. */
function row(seed: number): string {
  let x = seed;
  const next = (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
  let s = '';
  for (let i = 0; i < 12; i++) {
    const pick = next(4);
    if (pick === 0) s += `\x1b[${STYLES[next(STYLES.length)]!.join(';')}m`;
    else if (pick === 1) s += esc(ENDS[next(ENDS.length)]!);
    s += ['ab ', '   ', '共享内存', '│─┐', 'x'][next(5)];
  }
  return s;
}

describe('styledCharsToString of the bundle', () => {
  it('gives the package own string for plain, styled and mixed rows', () => {
    const rows = ['', 'plain text', `${esc([1])}bold${esc([22])} then plain`, `${esc([31])}red${esc([31])}red again${esc([0])}`];
    for (let seed = 1; seed <= 400; seed++) rows.push(row(seed));
    for (const text of rows) {
      const chars = pkg.styledCharsFromTokens(pkg.tokenize(text));
      expect(styledCharsToString(chars)).toBe(pkg.styledCharsToString(chars));
    }
  });

  it('makes the package own styled characters, and the same string from them', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const tokens = pkg.tokenize(row(seed));
      const chars = styledCharsFromTokens(tokens);
      expect(chars).toEqual(pkg.styledCharsFromTokens(tokens));
      expect(styledCharsToString(chars)).toBe(pkg.styledCharsToString(pkg.styledCharsFromTokens(tokens)));
    }
  });

  it('gives it for a row of blank cells, as Ink makes them, around styled text', () => {
    const blank = () => ({ type: 'char' as const, value: ' ', fullWidth: false, styles: [] });
    const styled = pkg.styledCharsFromTokens(pkg.tokenize(`${esc([1, 36])}ipcs${esc([0])}`));
    const chars = [blank(), blank(), ...styled, blank(), ...styled, ...styled];
    expect(styledCharsToString(chars)).toBe(pkg.styledCharsToString(chars));
  });
});
