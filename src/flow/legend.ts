// The key to the line styles of a highlighted flow, in the learner's language: the
// glyphs are the ones the grid draws (src/flow/grid.ts) for each mark.
import type { Lang } from '../lang.js';
import type { StyledLine, Tone } from './types.js';

// "now" is the step just run: the step list's ▶ already points at the next one
const WORDS: Record<Lang, { now: string; done: string; notYet: string }> = {
  en: { now: 'just run', done: 'done', notYet: 'not yet' },
  zh: { now: '刚运行', done: '已做', notYet: '未做' },
};

/** One line: a sample of each stroke in its tone, and what it means. */
export function legend(lang: Lang, ascii: boolean): StyledLine {
  const w = WORDS[lang];
  const entries: [string, Tone, string][] = [
    [ascii ? '*' : '━', 'active', w.now],
    [ascii ? '#' : '═', 'done', w.done],
    [ascii ? '-' : '─', 'frame', w.notYet],
  ];
  return entries.flatMap(([glyph, tone, word], i): StyledLine => [
    ...(i ? [{ text: '  ', tone: 'plain' as const }] : []),
    { text: glyph.repeat(2), tone },
    { text: ` ${word}`, tone: 'plain' },
  ]);
}
