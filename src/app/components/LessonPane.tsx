// The lesson: its text for the shown step and the step list. Side by side in a
// short wide pane (80x24), one above the other in a tall one.
import React, { useEffect } from 'react';
import { useAppState, useAppStore } from '../context.js';
import { strings } from '../strings.js';
import { type Line, fit, run } from '../styled.js';
import { Panel, maxOffset } from './Panel.js';
import { lessonTextLines, stepListLines, type LessonViewInput } from './lesson-view.js';

/** Width of the step list when it stands beside the text. */
export const STEP_COLUMN = 26;

export function lessonPaneLines(input: LessonViewInput, inner: number, columns: boolean, present: boolean): Line[] {
  if (!columns) {
    const text = lessonTextLines(input, inner);
    const gap: Line[] = present ? [[], []] : [[]];
    return [...text, ...gap, ...stepListLines(input, inner)];
  }
  const steps = stepListLines(input, STEP_COLUMN);
  const textWidth = inner - STEP_COLUMN - 3;
  const text = lessonTextLines(input, textWidth);
  const sep = run(input.ascii ? ' | ' : ' │ ', 'frame');
  return Array.from({ length: Math.max(steps.length, text.length) }, (_, i) => [...fit(steps[i] ?? [], STEP_COLUMN), sep, ...(text[i] ?? [])]);
}

export function LessonPane({ width, height, columns }: { width: number; height: number; columns: boolean }) {
  const store = useAppStore();
  const offset = useAppState((s) => s.scroll.lesson);
  const lang = useAppState((s) => s.lang);
  const ascii = useAppState((s) => s.ascii);
  const color = useAppState((s) => s.color);
  const lesson = useAppState((s) => s.lessons[s.lessonIndex]);
  const view = useAppState((s) => s.view);
  const done = useAppState((s) => s.done);
  const problems = useAppState((s) => s.problems);
  const present = useAppState((s) => s.present);
  const revealed = useAppState((s) => s.revealed);
  const s = strings(lang);
  const lines = lesson ? lessonPaneLines({ lesson, lang, view, done, problems, present, revealed, ascii, s }, width - 2, columns, present) : [];
  const max = maxOffset(lines.length, height);
  useEffect(() => store.getState().setScrollMax('lesson', max), [store, max]);
  return <Panel title={s.lessonTitle} width={width} height={height} lines={lines} offset={offset} ascii={ascii} color={color} moreWord={s.more} keys={{ up: 'PgUp', down: 'PgDn' }} />;
}
