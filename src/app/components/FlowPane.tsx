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
  const choice = useMemo(() => (lesson ? flowChoice(lesson, view, done) : null), [lesson, view, done]);
  const { lines, lit } = useMemo((): { lines: Line[]; lit: [number, number] | null } => {
    if (!choice?.diagram) return { lines: [line(s.noDiagram, 'dim')], lit: null };
    if (!flow) return { lines: [line(s.loadingFlow, 'dim')], lit: null };
    try {
      const drawn = flow.renderDiagram(choice.diagram, { width: width - 2, ascii }).lines({ active: choice.active, done: choice.done });
      const rows = drawn.flatMap((l, i) => (l.some((r) => r.tone === 'active') ? [i] : []));
      return { lines: drawn, lit: rows.length ? [rows[0], rows[rows.length - 1]] : null };
    } catch (err) {
      return { lines: [line(`${choice.diagram}: ${err instanceof Error ? err.message : String(err)}`, 'error')], lit: null };
    }
  }, [flow, choice, width, ascii, s]);
  const max = maxOffset(lines.length, height);
  const [first, last] = lit ?? [0, 0];
  useEffect(() => {
    const state = store.getState();
    state.setScrollMax('flow', max);
    // bring the lit part into view: all of it when it fits, else its top
    const inner = height - 2;
    state.scrollTo('flow', Math.min(Math.max(0, last - inner + 2), Math.max(0, first - 1)));
  }, [store, max, first, last, height]);
  return <Panel title={title} width={width} height={height} lines={lines} offset={offset} focused={focused} ascii={ascii} color={color} more={s.more} />;
}
