// The notes' flow for the shown step, drawn by src/flow, with what the step did lit.
// Scrolls itself to the lit part when the diagram is taller than the pane.
import React, { useMemo } from 'react';
import { useAppState, useLook } from '../context.js';
import { maxOffset } from '../scroll.js';
import { type Line, line } from '../styled.js';
import { useFollowScroll } from '../use-scroll.js';
import { Panel } from './Panel.js';
import { flowChoice } from './flow-view.js';

/** Where the lit rows `first`..`last` are in view: all of them when they fit, else their top. */
function litTop(first: number, last: number, height: number): number {
  return Math.min(Math.max(0, last - (height - 2) + 2), Math.max(0, first - 1));
}

export function FlowPane({ width, height, focused, title }: { width: number; height: number; focused: boolean; title: string }) {
  const { s, ascii } = useLook();
  const flow = useAppState((st) => st.flow);
  const lesson = useAppState((st) => st.lessons[st.lessonIndex]);
  const view = useAppState((st) => st.view);
  const done = useAppState((st) => st.done);
  // drawn again only when what it shows changes: browsing steps that light the same
  // parts, or switching language, leaves the drawing as it is
  const choice = lesson ? flowChoice(lesson, view, done) : null;
  const choiceKey = choice ? JSON.stringify(choice) : '';
  const drawing = useMemo((): { lines: Line[]; litRows: number[] } | Error | null => {
    if (!choice?.diagram || !flow) return null;
    try {
      const drawn = flow.renderDiagram(choice.diagram, { width: width - 2, ascii }).lines({ active: choice.active, done: choice.done });
      return { lines: drawn, litRows: drawn.flatMap((l, i) => (l.some((r) => r.tone === 'active') ? [i] : [])) };
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
    // choiceKey stands for choice: equal choices are the same drawing
  }, [flow, choiceKey, width, ascii]);
  const { lines, litRows } =
    drawing === null
      ? { lines: [line(choice?.diagram ? s.loadingFlow : s.noDiagram, 'dim')], litRows: [] }
      : drawing instanceof Error
        ? { lines: [line(`${choice?.diagram}: ${drawing.message}`, 'error')], litRows: [] }
        : drawing;
  const max = maxOffset(lines.length, height);
  const first = litRows[0] ?? 0;
  const last = litRows[litRows.length - 1] ?? 0;
  // the lit part is brought into view whenever it, the drawing's length or the pane's height changes
  const top = useFollowScroll(max, litTop(first, last, height), `${max} ${first} ${last} ${height}`);
  // a lit part out of view is named beside the "more" sign, so nobody misses it
  const keys = { up: litRows.some((r) => r < top) ? s.litThere : '', down: litRows.some((r) => r >= top + height - 2) ? s.litThere : '' };
  return <Panel title={title} width={width} height={height} lines={lines} offset={top} focused={focused} keys={keys} />;
}
