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

/** Widths of clusters seen so far: labels repeat the same few characters, and string-width is slow. */
const widths = new Map<string, number>();

function clusterWidth(segment: string): number {
  let w = widths.get(segment);
  if (w === undefined) {
    if (DETACHED.test(segment)) w = 0;
    else w = Math.min(stringWidth(segment), 2);
    // a bound, for the odd text of a great many different clusters
    if (widths.size >= 20_000) widths.clear();
    widths.set(segment, w);
  }
  return w;
}

interface Cell {
  text: string;
  width: number;
}

/** The string cut into grapheme clusters, each with its width in cells (zero-width and detached ones dropped). */
export function cellsOf(text: string): Cell[] {
  const out: Cell[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const width = clusterWidth(segment);
    if (width > 0) out.push({ text: segment, width });
  }
  return out;
}

/** A break opportunity: a run of narrow non-space characters stays together; a space or a wide character stands alone. */
interface Token {
  text: string;
  width: number;
  /** the clusters of a word, for cutting one too long to keep whole */
  cells: Cell[];
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let word: Cell[] = [];
  const flushWord = () => {
    if (word.length) out.push({ text: word.map((c) => c.text).join(''), width: word.length, cells: word });
    word = [];
  };
  for (const g of cellsOf(text)) {
    if (g.width === 1 && g.text !== ' ') {
      word.push(g);
      continue;
    }
    flushWord();
    out.push({ text: g.text, width: g.width, cells: [g] });
  }
  flushWord();
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
    const toks = tokens(para);
    const lines = Math.ceil(width / max);
    let best = greedy(toks, max);
    for (let target = Math.ceil(width / lines); target < max; target++) {
      const tried = greedy(toks, target);
      if (tried.length <= lines) {
        best = tried;
        break;
      }
    }
    out.push(...best);
  }
  return out;
}

function greedy(toks: Token[], max: number): string[] {
  const out: string[] = [];
  let line = '';
  let lineWidth = 0;
  const flush = () => {
    if (line.trim()) out.push(line.trim());
    line = '';
    lineWidth = 0;
  };
  const add = (text: string, width: number) => {
    line += text;
    lineWidth += width;
  };
  for (const token of toks) {
    if (token.text === ' ') {
      if (line) add(' ', 1);
      continue;
    }
    if (lineWidth + token.width <= max) {
      add(token.text, token.width);
      continue;
    }
    flush();
    // a word a little too long stays whole (prog/ram reads badly); only a very long one is cut
    if (token.width <= max || (token.width <= 2 * max && token.cells[0].width === 1)) {
      add(token.text, token.width);
      continue;
    }
    for (const g of token.cells) {
      if (lineWidth + g.width > max && line) flush();
      add(g.text, g.width);
    }
  }
  flush();
  return out.length ? out : [''];
}
