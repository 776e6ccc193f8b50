// Terminal cell widths (East Asian Width through string-width) and label wrapping.
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Columns a string takes in a terminal: CJK and other wide characters count two.
 *  The sum of what cellsOf draws, so a measured label always fills exactly its cells. */
export function cellWidth(text: string): number {
  // plain ASCII (most labels) is one column a character
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let w = 0;
  for (const g of cellsOf(text)) w += g.width;
  return w;
}

/** A cluster that begins with a mark or a format character has nothing to stand on: drawn
 *  in a cell of its own it would join whatever the terminal shows before or after it. */
const DETACHED = /^[\p{M}\p{Cf}\p{Cc}\p{Cs}]/u;

/** The string cut into grapheme clusters, each with its width in cells (zero-width and detached ones dropped). */
export function cellsOf(text: string): { text: string; width: number }[] {
  const out: { text: string; width: number }[] = [];
  for (const { segment } of segmenter.segment(text)) {
    if (DETACHED.test(segment)) continue;
    const width = stringWidth(segment);
    if (width > 0) out.push({ text: segment, width: Math.min(width, 2) });
  }
  return out;
}

/** Splits a label into lines about `max` cells wide, as evenly as it can (共享/内存,
 *  not 共享内/存): breaks at spaces or between wide characters; a word up to twice
 *  `max` stays whole, a longer one is cut. */
export function wrapLabel(label: string, max: number): string[] {
  const out: string[] = [];
  for (const para of label.split('\n')) {
    const width = cellWidth(para);
    if (!Number.isFinite(max) || width <= max) {
      out.push(para);
      continue;
    }
    const lines = Math.ceil(width / max);
    let best = greedy(para, max);
    for (let target = Math.ceil(width / lines); target < max; target++) {
      const tried = greedy(para, target);
      if (tried.length <= lines) {
        best = tried;
        break;
      }
    }
    out.push(...best);
  }
  return out;
}

/** Break opportunities: runs of narrow non-space characters stay together; spaces and wide characters stand alone. */
function tokens(text: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const g of cellsOf(text)) {
    if (g.width === 1 && g.text !== ' ') {
      word += g.text;
      continue;
    }
    if (word) out.push(word);
    word = '';
    out.push(g.text);
  }
  if (word) out.push(word);
  return out;
}

function greedy(text: string, max: number): string[] {
  const out: string[] = [];
  let line = '';
  const flush = () => {
    if (line.trim()) out.push(line.trim());
    line = '';
  };
  for (const token of tokens(text)) {
    if (token === ' ') {
      if (line) line += ' ';
      continue;
    }
    if (cellWidth(line + token) <= max) {
      line += token;
      continue;
    }
    flush();
    // a word a little too long stays whole (prog/ram reads badly); only a very long one is cut
    if (cellWidth(token) <= max || (cellWidth(token) <= 2 * max && cellWidth(token[0]) === 1)) {
      line = token;
      continue;
    }
    for (const g of cellsOf(token)) {
      if (cellWidth(line) + g.width > max && line) flush();
      line += g.text;
    }
  }
  flush();
  return out.length ? out : [''];
}
