// The notes' flow for the shown step, drawn by src/flow, with what the step did lit.
// Scrolls itself to the lit part when the diagram is taller than the pane.
import React, { useEffect, useMemo } from 'react';
import { useAppState, useAppStore } from '../context.js';
import { strings } from '../strings.js';
import { type Line, line } from '../styled.js';
import { Panel, maxOffset } from './Panel.js';
import { flowChoice } from './flow-view.js';

export function FlowPane({ width, height, focused, title }: { width: number; height: number; focused: boolean; title: string }) {
  const store = useAppStore();
  const lang = useAppState((s) => s.lang);
  const ascii = useAppState((s) => s.ascii);
  const color = useAppState((s) => s.color);
  const flow = useAppState((s) => s.flow);
  const lesson = useAppState((s) => s.lessons[s.lessonIndex]);
  const view = useAppState((s) => s.view);
  const done = useAppState((s) => s.done);
  const offset = useAppState((s) => s.scroll.flow);
  const s = strings(lang);
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
  // a lit part out of view is named beside the "more" sign, so nobody misses it
  const top = Math.min(offset, max);
  const keys = { up: litRows.some((r) => r < top) ? s.litThere : '', down: litRows.some((r) => r >= top + height - 2) ? s.litThere : '' };
  useEffect(() => {
    const state = store.getState();
    state.setScrollMax('flow', max);
    // bring the lit part into view: all of it when it fits, else its top
    const inner = height - 2;
    state.scrollTo('flow', Math.min(Math.max(0, last - inner + 2), Math.max(0, first - 1)));
  }, [store, max, first, last, height]);
  return <Panel title={title} width={width} height={height} lines={lines} offset={offset} focused={focused} ascii={ascii} color={color} more={s.more} keys={keys} />;
}
