// The lesson: its text for the shown step and the step list. Side by side in a
// short wide pane (80x24), one above the other in a tall one. Side by side, only the
// text scrolls: the step list, with the current step marked, never leaves the pane.
import React, { useEffect, useMemo } from 'react';
import { useAppState, useAppStore } from '../context.js';
import { strings } from '../strings.js';
import { type Line, fit, lineWidth, run } from '../styled.js';
import { Panel } from './Panel.js';
import { lessonTextLines, stepListLines, type LessonViewInput } from './lesson-view.js';

/** Width of the step list beside the text: a third of the pane, at least 26 cells
 *  (48 left for the text at 80 columns), no wider than its longest line. */
export function stepColumnWidth(input: LessonViewInput, inner: number): number {
  const longest = Math.max(0, ...stepListLines(input, 200).map(lineWidth));
  return Math.max(26, Math.min(Math.floor(inner / 3), longest));
}

/** Stacked, the text keeps at least this many rows above the step list. */
const MIN_TEXT_ROWS = 4;

export interface LessonPaneView {
  lines: Line[];
  /** text lines hidden above and below (side by side, where the list stays put) */
  above: number;
  below: number;
  /** the largest useful scroll offset of the text */
  max: number;
  /** the text of the step Space runs next is below the window: the sign says so */
  nextBelow: boolean;
}

/** Whether the "▶ step n/m" heading of the step to run next lies at or after `end`. */
function headingAfter(text: Line[], end: number, ascii: boolean): boolean {
  const mark = `${ascii ? '>' : '▶'} `;
  const row = text.findIndex((l) => l[0]?.tone === 'title' && l[0].text.startsWith(mark));
  return row >= end;
}

export function lessonPaneView(input: LessonViewInput, inner: number, rows: number, columns: boolean, offset: number): LessonPaneView {
  if (!columns) {
    // the text on top, the step list right under it (so at the bottom when the text
    // overflows): only the text scrolls. The presenter's blank lines between steps only
    // when the whole text still fits.
    const text = lessonTextLines(input, inner);
    const spaced = stepListLines(input, inner);
    const list = text.length + 1 + spaced.length <= rows ? spaced : stepListLines({ ...input, present: false }, inner);
    const textRows = Math.max(MIN_TEXT_ROWS, rows - list.length - 1);
    const max = Math.max(0, text.length - textRows);
    const top = Math.min(offset, max);
    const shown = text.slice(top, top + textRows);
    return { lines: [...shown, [], ...list], above: top, below: Math.max(0, text.length - top - textRows), max, nextBelow: headingAfter(text, top + textRows, input.ascii) };
  }
  // side by side there is no room for the presenter's blank lines between steps
  const listWidth = stepColumnWidth(input, inner);
  const steps = stepListLines({ ...input, present: false }, listWidth);
  const first = Math.min(Math.max(0, input.view - Math.floor(rows / 2)), Math.max(0, steps.length - rows));
  const text = lessonTextLines(input, inner - listWidth - 3);
  const max = Math.max(0, text.length - rows);
  const top = Math.min(offset, max);
  const sep = run(input.ascii ? ' | ' : ' │ ', 'frame');
  const lines = Array.from({ length: rows }, (_, i) => [...fit(steps[first + i] ?? [], listWidth), sep, ...(text[top + i] ?? [])]);
  return { lines, above: top, below: Math.max(0, text.length - top - rows), max, nextBelow: headingAfter(text, top + rows, input.ascii) };
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
  const rows = Math.max(0, height - 2);
  const pane = useMemo(
    () => (lesson ? lessonPaneView({ lesson, lang, view, done, problems, present, revealed, ascii, s }, width - 2, rows, columns, offset) : { lines: [], above: 0, below: 0, max: 0, nextBelow: false }),
    [lesson, lang, view, done, problems, present, revealed, ascii, s, width, rows, columns, offset],
  );
  useEffect(() => store.getState().setScrollMax('lesson', pane.max), [store, pane.max]);
  return (
    <Panel
      title={s.lessonTitle}
      width={width}
      height={height}
      lines={pane.lines}
      hidden={{ above: pane.above, below: pane.below }}
      ascii={ascii}
      color={color}
      more={s.more}
      keys={{ up: 'PgUp', down: pane.nextBelow ? s.nextStepBelow(view + 1) : 'PgDn' }}
    />
  );
}

