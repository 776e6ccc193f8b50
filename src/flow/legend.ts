// The key to the line styles of a highlighted flow, in the learner's language: the
// glyphs are the ones the grid draws (src/flow/grid.ts) for each mark.
import type { Lang } from '../lang.js';
import { cells } from '../text/cells.js';
import type { LegendMarks, StyledLine, Tone } from './types.js';

// "now" is the step just run: the step list's ▶ already points at the next one.
// "?" is what a later step shows ("shown once run" left newcomers asking what it was; "answer
// to come" was untrue where no question waits: parent-child 1, sem 2).
// "frame in a step": a frame (a group of boxes: the kernel, the processes) is dotted once a
// step used it or a box in it; the frames' own names beside it ("kernel: in a step") came and
// went with the room and the window, so the words changed from step to step (issue 16).
// "╌│╌" is a line passing through a frame's wall, in no legend before and read as a mark of
// its own (issue 16 pass 12: "└─────────╌┃╌──────┘").
const WORDS: Record<Lang, Record<'now' | 'done' | 'notYet' | 'framesDone' | 'doorway' | 'masked', string>> = {
  en: { now: 'just run', done: 'done', notYet: 'not yet', framesDone: 'frame in a step', doorway: 'through a frame', masked: 'shown later' },
  zh: { now: '刚运行', done: '已做', notYet: '未做', framesDone: '有步骤用到的框', doorway: '线穿过框', masked: '之后揭晓' },
};

/** One line: a sample of each stroke in its tone and what it means, and one for each of
 *  `marks` (a lesson's, for all its steps: issue 16, the legend's words changed within a
 *  lesson). Within `room` cells: the entries a space apart where two do not fit, and where
 *  even then they do not, the last left out whole (the glossary's "the Flow's lines", on g,
 *  names every mark). The words never change, so one lesson's legend is one line throughout. */
export function legend(lang: Lang, ascii: boolean, marks: LegendMarks = {}, room = Infinity): StyledLine {
  const w = WORDS[lang];
  const entries: [string, Tone, string][] = [
    [(ascii ? '*' : '━').repeat(2), 'active', w.now],
    [(ascii ? '#' : '═').repeat(2), 'done', w.done],
    [(ascii ? '-' : '─').repeat(2), 'frame', w.notYet],
    ...(marks.framesDone ? [[(ascii ? '.' : '┄').repeat(2), 'done', w.framesDone] as [string, Tone, string]] : []),
    ...(marks.masked ? [['?', 'plain', w.masked] as [string, Tone, string]] : []),
    // last, the first to give way: the dashes beside the line show the wall goes on; ASCII
    // draws no doorway, its border blank beside the line
    ...(marks.doorway && !ascii ? [['╌│╌', 'frame', w.doorway] as [string, Tone, string]] : []),
  ];
  const line = (n: number, gap: string): StyledLine =>
    entries.slice(0, n).flatMap(([sample, tone, word], i): StyledLine => [
      ...(i ? [{ text: gap, tone: 'plain' as const }] : []),
      { text: sample, tone },
      { text: ` ${word}`, tone: 'plain' },
    ]);
  const fits = (l: StyledLine) => cells(l.map((r) => r.text).join('')) <= room;
  for (let n = entries.length; n > 1; n--) {
    const kept = ['  ', ' '].map((gap) => line(n, gap)).find(fits);
    if (kept) return kept;
  }
  return line(1, ' ');
}
