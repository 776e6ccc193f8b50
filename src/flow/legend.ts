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
// a dotted frame was lit by an earlier step: one wording in every view (issue 16: "used by an
// earlier step" here, "lit earlier" there; "kernel: used before", zh "之前点亮" and "前面的步骤用过",
// where 前面 reads as "above" in a drawing, were unclear); it is the frames' names that give way to room.
// "in a step", not "used earlier": a frame is dotted once a step used it or a box in it, now or
// before (app flow-view.ts litFrames); "kernel: used" did not say by what (issue 16): a step, as
// the step list and "just run" name it; short, so the frame's name still fits at 70 columns
// "╌│╌" is a line passing through a frame's border (grid.ts DOORWAY), in no legend before and
// read as a mark of its own (issue 16 pass 12: "└─────────╌┃╌──────┘")
const WORDS: Record<Lang, { now: string; done: string; notYet: string; hidden: string; frameDone: string; doorway: string }> = {
  en: { now: 'just run', done: 'done', notYet: 'not yet', hidden: 'shown later', frameDone: 'in a step', doorway: 'line through a frame' },
  zh: { now: '刚运行', done: '已做', notYet: '未做', hidden: '后面的步骤揭晓', frameDone: '有步骤用到', doorway: '线穿过框边' },
};

/** One line: a sample of each stroke in its tone, and what it means; with `masked` (the
 *  picture hides a result as "?" until its step runs, Highlight.masked) the "?" too, with
 *  `framesDone` (a frame an earlier step lit, drawn dotted) the dotted line, named by the
 *  frames' labels when given: the kernel's frame, dotted on every step of a lesson, was
 *  read as how a kernel is drawn, not as a frame lit before ("┄┄ kernel: lit earlier").
 *  Within `room` cells: the entries a space apart when two do not fit, and the frames unnamed
 *  when they would not fit beside "? shown later" (so they do not come and go with it); with
 *  `doorway` (a "╌│╌" in view) what it is, left out where the rest does not fit with it; the
 *  words themselves never change. */
export function legend(lang: Lang, ascii: boolean, masked = false, framesDone: boolean | readonly string[] = false, room = Infinity, doorway = false): StyledLine {
  const given = typeof framesDone === 'boolean' ? [] : framesDone;
  // the frames are named only where they fit beside "? shown later" too: whether they are
  // named holds still from step to step, as a "?" comes and goes ("┄┄ kernel: in a step" at one
  // step, "┄┄ in a step" at the next read as another meaning, issue 16)
  const fits = (l: StyledLine) => cells(l.map((r) => r.text).join('')) <= room;
  const names = given.length && [' ', '  '].some((gap) => fits(legendLine(lang, ascii, true, true, given, gap, false))) ? given : [];
  const tries: [readonly string[], string][] = [...(names.length ? [[names, '  '], [names, ' ']] as [readonly string[], string][] : []), [[], '  '], [[], ' ']];
  // (the doorway's entry gives way before the frames' names, which would come and go with it)
  const lines = tries.flatMap(([named, gap]) => (doorway ? [true, false] : [false]).map((door) => legendLine(lang, ascii, masked, framesDone === true || given.length > 0, named, gap, door)));
  return lines.find(fits) ?? lines[lines.length - 1];
}

function legendLine(lang: Lang, ascii: boolean, masked: boolean, framesDone: boolean, names: readonly string[], gap: string, doorway: boolean): StyledLine {
  const w = { ...WORDS[lang], frameDone: names.length ? `${names.join(lang === 'zh' ? '、' : ', ')}${lang === 'zh' ? '：' : ': '}${WORDS[lang].frameDone}` : WORDS[lang].frameDone };
  const entries: [string, Tone, string][] = [
    [(ascii ? '*' : '━').repeat(2), 'active', w.now],
    [(ascii ? '#' : '═').repeat(2), 'done', w.done],
    [(ascii ? '-' : '─').repeat(2), 'frame', w.notYet],
    ...(framesDone ? [[(ascii ? '.' : '┄').repeat(2), 'done', w.frameDone] as [string, Tone, string]] : []),
    ...(doorway ? [['╌│╌', 'frame', w.doorway] as [string, Tone, string]] : []),
    ...(masked ? [['?', 'plain', w.hidden] as [string, Tone, string]] : []),
  ];
  return entries.flatMap(([sample, tone, word], i): StyledLine => [
    ...(i ? [{ text: gap, tone: 'plain' as const }] : []),
    { text: sample, tone },
    { text: ` ${word}`, tone: 'plain' },
  ]);
}
