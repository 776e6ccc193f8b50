// Terminal cell widths (East Asian Width through string-width) and label wrapping.
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Columns a string takes in a terminal: CJK and other wide characters count two. */
export function cellWidth(text: string): number {
  return stringWidth(text);
}

/** The string cut into grapheme clusters, each with its width in cells (zero-width ones dropped). */
export function cellsOf(text: string): { text: string; width: number }[] {
  const out: { text: string; width: number }[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const width = stringWidth(segment);
    if (width > 0) out.push({ text: segment, width: Math.min(width, 2) });
  }
  return out;
}

/** Splits a label into lines at most `max` cells wide: breaks at spaces, or between
 *  wide characters (Chinese needs no spaces), or inside a word only when it alone is too long. */
export function wrapLabel(label: string, max: number): string[] {
  const out: string[] = [];
  for (const para of label.split('\n')) {
    if (!Number.isFinite(max) || cellWidth(para) <= max) {
      out.push(para);
      continue;
    }
    // tokens: words (runs of narrow non-space characters), single wide characters, spaces
    const tokens: string[] = [];
    for (const g of cellsOf(para)) {
      const last = tokens[tokens.length - 1];
      const narrowWord = g.width === 1 && g.text !== ' ';
      if (narrowWord && last !== undefined && last !== ' ' && cellWidth(last[last.length - 1] ?? '') === 1 && !/ $/.test(last)) tokens[tokens.length - 1] = last + g.text;
      else tokens.push(g.text);
    }
    let line = '';
    const flush = () => {
      out.push(line.trimEnd());
      line = '';
    };
    for (const token of tokens) {
      if (token === ' ') {
        if (line) line += ' ';
        continue;
      }
      if (cellWidth(line + token) <= max) {
        line += token;
        continue;
      }
      if (line.trim()) flush();
      if (cellWidth(token) <= max) {
        line = token;
        continue;
      }
      for (const g of cellsOf(token)) {
        if (cellWidth(line) + g.width > max && line) flush();
        line += g.text;
      }
    }
    if (line.trim() || out.length === 0) flush();
  }
  return out;
}
