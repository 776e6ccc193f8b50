// What the bundle gives every `import stringWidth from 'string-width'` (Ink's, wrap-ansi's,
// src/text/cells.ts's; see scripts/build.mjs): string-width 8 itself, loaded only on the
// first text that needs it. Loading it builds `\p{RGI_Emoji}` and two more /v regexes,
// and the first test of that one compiles it: some 45 ms before the first frame
// (bench/latest.md). A text whose characters are each a grapheme cluster of their own and
// no emoji -- ASCII, Latin, box drawing, arrows, CJK, ▶ -- string-width measures character
// by character in the East Asian Width table; so it is measured here, with that table,
// to the same figures (tests/text/string-width.test.ts checks every such character).
import { eastAsianWidth } from 'get-east-asian-width';
import stripAnsi from 'strip-ansi';

interface Options {
  ambiguousIsNarrow?: boolean;
  countAnsiEscapeCodes?: boolean;
}
type StringWidth = (input: string, options?: Options) => number;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// Blocks of letters, punctuation, symbols and CJK, less whatever can join a neighbour
// into one cluster or is an emoji by itself: marks, joiners and other format or control
// characters, line and paragraph separators, unassigned code points, emoji presentation
// (a pictograph such as ▶ or ⚠ is one only with U+FE0F, itself excluded).
const PLAIN =
  /^(?:[\x20-\x7e]|(?![\p{Emoji_Presentation}\p{M}\p{Grapheme_Extend}\p{Default_Ignorable_Code_Point}\p{C}\p{Zl}\p{Zp}])[\u00a0-\u052f\u2010-\u2bff\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef])*$/u;

const NARROW = { ambiguousAsWide: false };
let lastCode = -1;
let lastWidth = 1;

/** Cells of a text of plain characters only (see PLAIN), else undefined. */
export function plainWidth(text: string): number | undefined {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  if (!PLAIN.test(text)) return undefined;
  // PLAIN holds no surrogates: a character a code unit. The table was asked per character
  // of the first frame's text, run cold (bench/startup.md, "Twelfth round"): now only above
  // U+1100 (below, nothing is wide or fullwidth, and ambiguous counts narrow), and once per
  // run of one character (a border's ─)
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x1100) {
      width += 1;
      continue;
    }
    if (code !== lastCode) {
      lastCode = code;
      lastWidth = eastAsianWidth(code, NARROW);
    }
    width += lastWidth;
  }
  return width;
}

let real: StringWidth | undefined;

/** string-width's own, loaded on first use: a require() the bundler resolves to the real
 *  package and runs only when called (an import would run it as the program starts). */
function realStringWidth(): StringWidth {
  return (real ??= (require('string-width') as { default: StringWidth }).default);
}

export default function stringWidth(input: string, options: Options = {}): number {
  if (typeof input !== 'string' || input.length === 0) return 0;
  if (options.ambiguousIsNarrow === false || options.countAnsiEscapeCodes === true) return realStringWidth()(input, options);
  const text = input.includes('\x1b') || input.includes('\x9b') ? stripAnsi(input) : input;
  return plainWidth(text) ?? realStringWidth()(input, options);
}
