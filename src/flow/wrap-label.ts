// Flowchart labels wrapped to a box: as evenly as the words allow, measured in cells.
import { cells, cellsOf, type Cell } from '../text/cells.js';

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
    const width = cells(para);
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
