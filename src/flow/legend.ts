// The key to the line styles of a highlighted flow, in the learner's language: the
// glyphs are the ones the grid draws (src/flow/grid.ts) for each mark.
import type { Lang } from '../lang.js';
import type { StyledLine, Tone } from './types.js';

// "now" is the step just run: the step list's ▶ already points at the next one
// a frame (the kernel, the processes) an earlier step lit is no step done: drawn dotted (grid.ts)
const WORDS: Record<Lang, { now: string; done: string; notYet: string; hidden: string; frameDone: string }> = {
  en: { now: 'just run', done: 'done', notYet: 'not yet', hidden: 'shown once run', frameDone: 'used before' },
  zh: { now: '刚运行', done: '已做', notYet: '未做', hidden: '运行后揭晓', frameDone: '之前用过' },
};

/** One line: a sample of each stroke in its tone, and what it means; with `masked` (the
 *  picture hides a result as "?" until its step runs, Highlight.masked) the "?" too, with
 *  `framesDone` (a frame an earlier step lit, drawn dotted) the dotted line. */
export function legend(lang: Lang, ascii: boolean, masked = false, framesDone = false): StyledLine {
  const w = WORDS[lang];
  const entries: [string, Tone, string][] = [
    [(ascii ? '*' : '━').repeat(2), 'active', w.now],
    [(ascii ? '#' : '═').repeat(2), 'done', w.done],
    [(ascii ? '-' : '─').repeat(2), 'frame', w.notYet],
    ...(framesDone ? [[(ascii ? '.' : '┄').repeat(2), 'done', w.frameDone] as [string, Tone, string]] : []),
    ...(masked ? [['?', 'plain', w.hidden] as [string, Tone, string]] : []),
  ];
  return entries.flatMap(([sample, tone, word], i): StyledLine => [
    ...(i ? [{ text: '  ', tone: 'plain' as const }] : []),
    { text: sample, tone },
    { text: ` ${word}`, tone: 'plain' },
  ]);
}
