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
  const { lines, firstLit } = useMemo((): { lines: Line[]; firstLit: number } => {
    if (!choice?.diagram) return { lines: [line(s.noDiagram, 'dim')], firstLit: -1 };
    if (!flow) return { lines: [line(s.loadingFlow, 'dim')], firstLit: -1 };
    try {
      const drawn = flow.renderDiagram(choice.diagram, { width: width - 2, ascii }).lines({ active: choice.active, done: choice.done });
      return { lines: drawn, firstLit: drawn.findIndex((l) => l.some((r) => r.tone === 'active')) };
    } catch (err) {
      return { lines: [line(`${choice.diagram}: ${err instanceof Error ? err.message : String(err)}`, 'error')], firstLit: -1 };
    }
  }, [flow, choice, width, ascii, s]);
  const max = maxOffset(lines.length, height);
  useEffect(() => {
    const state = store.getState();
    state.setScrollMax('flow', max);
    // bring the lit part into view: a third of the way down the pane
    const inner = height - 2;
    state.scrollTo('flow', firstLit >= inner ? firstLit - Math.floor(inner / 3) : 0);
  }, [store, max, firstLit, height]);
  return <Panel title={title} width={width} height={height} lines={lines} offset={offset} focused={focused} ascii={ascii} color={color} moreWord={s.more} />;
}
