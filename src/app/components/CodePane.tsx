// The lesson's C files from examples/c, with line numbers, long lines wrapped; f
// switches between the files. It follows the step shown: the first line that makes
// that step's call (for a step not yet run, a call its text names) is brought into
// view, until the learner scrolls it. The title says which file and which of its lines are in view.
import React, { useMemo } from 'react';
import { useAppState, useLook } from '../context.js';
import { maxOffset } from '../scroll.js';
import { line } from '../styled.js';
import { cells } from '../text-fit.js';
import { useFollowScroll } from '../use-scroll.js';
import { Panel } from './Panel.js';
import { callsByStep, codeLines, shownLines, stepCalls, stepLine } from './code-view.js';

export function CodePane({ width, height, focused, title, footer }: { width: number; height: number; focused: boolean; title: string; footer?: string }) {
  const { s } = useLook();
  const code = useAppState((st) => st.code);
  const lesson = useAppState((st) => st.lessons[st.lessonIndex]);
  const view = useAppState((st) => st.view);
  const done = useAppState((st) => st.done);
  const trace = useAppState((st) => st.trace);
  const stepStarts = useAppState((st) => st.stepStarts);
  const shown = useMemo(
    () => (!code ? { lines: [], rowOf: [] } : code.text === null ? { lines: [line(s.codeMissing(code.file), 'error')], rowOf: [] } : codeLines(code.text, width - 2)),
    [code, s, width],
  );
  // the steps' calls: what each step that ran called, what the text of each one not yet run names
  // (English: the calls are C names in both languages)
  const calls = useMemo(
    () => stepCalls(callsByStep(trace, stepStarts), lesson?.steps.map((st) => `${st.title.en} ${st.say.en}`) ?? [], done),
    [trace, stepStarts, lesson, done],
  );
  const source = code?.text ?? '';
  const at = view >= 0 ? stepLine(source, calls, view) : null;
  // a row above the call for context, where the pane has rows to spare (at 80x24 it has four)
  const follow = at === null ? 0 : Math.max(0, (shown.rowOf[at] ?? 0) - (height - 2 >= 8 ? 1 : 0));
  const max = maxOffset(shown.lines.length, height);
  // the learner's own scroll holds across steps, for this file at this width (neither the step
  // nor the height, which the lesson text shown changes at a small terminal, is in the anchor);
  // leaving the pane and coming back follows the step again
  const top = useFollowScroll(max, follow, `${code?.file} ${width}`, 'code');
  const files = lesson?.code.length ?? 0;
  let name = title;
  if (code && code.text !== null) {
    const { first, last } = shownLines(shown.rowOf, top, height - 2);
    const total = shown.rowOf.length;
    const which = files > 1 ? `${s.codeFiles(code.index + 1, files)} ` : '';
    const path = `examples/c/${code.file}`;
    // the longest that fits beside the "more" sign: with the folder, without, the lines as bare numbers
    const room = width - 8 - (top > 0 ? cells(s.more(top)) + 2 : 0);
    const names = [s.codeAt(path, first, last, total), s.codeAt(code.file, first, last, total), `${code.file} ${first}-${last}/${total}`].map((n) => `${title}: ${which}${n}`);
    name = names.find((n) => cells(n) <= room) ?? names[names.length - 1];
  } else if (code) name = `${title}: ${code.file}`;
  return <Panel title={name} width={width} height={height} lines={shown.lines} offset={top} focused={focused} footer={footer} />;
}
