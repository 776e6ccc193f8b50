// Terminal cells of text and wrapping by them, shared by the screen (src/app) and by
// what must measure text as the screen shows it (the lesson validator, `run`'s text
// output). CJK takes two cells, so lengths are measured with string-width, never .length.
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// string-width counts ▶ (U+25B6) as an emoji, two cells; without the emoji selector
// (U+FE0F) terminals draw it in one, as wcwidth says, and so do we.
const TEXT_TRIANGLE = /\u25B6(?!\uFE0F)/g;

export const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// widths of the non-ASCII strings seen lately: a redraw measures the same texts again
const widths = new Map<string, number>();

export function cells(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let w = widths.get(text);
  if (w === undefined) {
    if (widths.size > 4096) widths.clear();
    w = stringWidth(text.replace(TEXT_TRIANGLE, '>'));
    widths.set(text, w);
  }
  return w;
}

export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

// Chinese line breaking: a line never starts with closing punctuation (，。）…) nor
// ends with opening punctuation (（“…): each stays glued to its neighbour.
const OPEN = new Set([...'（「『“‘《〈【']);
const CLOSE = new Set([...'，。；：、）」』！？”’》〉】…']);

function glue(tokens: string[]): string[] {
  const out: string[] = [];
  let open = '';
  for (const t of tokens) {
    if (OPEN.has(t)) {
      open += t;
      continue;
    }
    const prev = out[out.length - 1];
    if (CLOSE.has(t) && !open && prev !== undefined && !/^\s/.test(prev)) out[out.length - 1] = prev + t;
    else {
      out.push(open + t);
      open = '';
    }
  }
  if (open) out.push(open);
  return out;
}

/** Words (runs of narrow non-space characters), single wide characters, and runs of
 *  spaces; punctuation glued to the word it belongs with. */
function tokenize(para: string): string[] {
  const tokens: string[] = [];
  let word = '';
  for (const g of graphemes(para)) {
    const space = /^\s$/.test(g);
    const wide = cells(g) > 1;
    if (word && (space || wide || /^\s/.test(word))) {
      if (!(space && /^\s/.test(word))) {
        tokens.push(word);
        word = '';
      }
    }
    if (wide) tokens.push(g);
    else word += g;
  }
  if (word) tokens.push(word);
  return glue(tokens);
}

/** Wraps a paragraph (or several, split on \n) to `width` cells. Breaks at spaces
 *  for Latin text and between any two CJK characters. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    if (para === '') {
      out.push('');
      continue;
    }
    let line = '';
    let lineWidth = 0;
    const tokens = tokenize(para);
    for (const token of tokens) {
      const w = cells(token);
      if (/^\s+$/.test(token)) {
        if (lineWidth > 0 && lineWidth + w <= width) {
          line += token;
          lineWidth += w;
        } else if (lineWidth > 0) {
          out.push(line.trimEnd());
          line = '';
          lineWidth = 0;
        }
        continue;
      }
      if (lineWidth + w > width && lineWidth > 0) {
        out.push(line.trimEnd());
        line = '';
        lineWidth = 0;
      }
      if (w > width) {
        // a word longer than the line: hard-break it
        for (const g of graphemes(token)) {
          const gw = cells(g);
          if (lineWidth + gw > width) {
            out.push(line);
            line = '';
            lineWidth = 0;
          }
          line += g;
          lineWidth += gw;
        }
        continue;
      }
      line += token;
      lineWidth += w;
    }
    out.push(line.trimEnd());
  }
  return out;
}
