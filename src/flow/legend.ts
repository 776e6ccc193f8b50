// The key to the line styles of a highlighted flow, in the learner's language: the
// glyphs are the ones the grid draws (src/flow/grid.ts) for each mark.
import type { Lang } from '../lang.js';
import { cells } from '../text/cells.js';
import type { StyledLine, Tone } from './types.js';

// "now" is the step just run: the step list's ▶ already points at the next one
// a frame (the kernel, the processes) an earlier step lit is no step done: drawn dotted (grid.ts)
// "?" is what a later step shows ("shown once run" left newcomers asking what it was; "answer
// to come" was untrue where no question waits: parent-child 1, sem 2; "shown by a later step"
// leaves no room for the frame's name at 70 columns)
// a dotted frame was lit by an earlier step ("kernel: used before" read as unclear, and so was
// zh "内核：之前点亮"): said plainly where the line has room, the short words where it has not
const WORDS: Record<Lang, { now: string; done: string; notYet: string; hidden: string; frameDone: readonly [string, string] }> = {
  en: { now: 'just run', done: 'done', notYet: 'not yet', hidden: 'shown later', frameDone: ['used by an earlier step', 'lit earlier'] },
  zh: { now: '刚运行', done: '已做', notYet: '未做', hidden: '后面的步骤揭晓', frameDone: ['前面的步骤用过', '之前点亮'] },
};

/** One line: a sample of each stroke in its tone, and what it means; with `masked` (the
 *  picture hides a result as "?" until its step runs, Highlight.masked) the "?" too, with
 *  `framesDone` (a frame an earlier step lit, drawn dotted) the dotted line, named by the
 *  frames' labels when given: the kernel's frame, dotted on every step of a lesson, was
 *  read as how a kernel is drawn, not as a frame lit before ("┄┄ kernel: lit earlier").
 *  Within `room` cells: the entries a space apart when two do not fit, the dotted line's
 *  short words when that does not fit, and the frames unnamed when that does not either. */
export function legend(lang: Lang, ascii: boolean, masked = false, framesDone: boolean | readonly string[] = false, room = Infinity): StyledLine {
  const names = typeof framesDone === 'boolean' ? [] : framesDone;
  const words = WORDS[lang].frameDone;
  const tries: [readonly string[], string, string][] = [
    ...(names.length ? words.flatMap((w): [readonly string[], string, string][] => [[names, '  ', w], [names, ' ', w]]) : []),
    ...words.map((w): [readonly string[], string, string] => [[], '  ', w]),
  ];
  const lines = tries.map(([named, gap, word]) => legendLine(lang, ascii, masked, framesDone === true || names.length > 0, named, gap, word));
  return lines.find((l) => cells(l.map((r) => r.text).join('')) <= room) ?? lines[lines.length - 1];
}

function legendLine(lang: Lang, ascii: boolean, masked: boolean, framesDone: boolean, names: readonly string[], gap: string, frameWords: string): StyledLine {
  const w = { ...WORDS[lang], frameDone: names.length ? `${names.join(lang === 'zh' ? '、' : ', ')}${lang === 'zh' ? '：' : ': '}${frameWords}` : frameWords };
  const entries: [string, Tone, string][] = [
    [(ascii ? '*' : '━').repeat(2), 'active', w.now],
    [(ascii ? '#' : '═').repeat(2), 'done', w.done],
    [(ascii ? '-' : '─').repeat(2), 'frame', w.notYet],
    ...(framesDone ? [[(ascii ? '.' : '┄').repeat(2), 'done', w.frameDone] as [string, Tone, string]] : []),
    ...(masked ? [['?', 'plain', w.hidden] as [string, Tone, string]] : []),
  ];
  return entries.flatMap(([sample, tone, word], i): StyledLine => [
    ...(i ? [{ text: gap, tone: 'plain' as const }] : []),
    { text: sample, tone },
    { text: ` ${word}`, tone: 'plain' },
  ]);
}
