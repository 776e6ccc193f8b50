// The calls the lesson made, oldest first, the newest always in view unless the
// learner scrolls back.
import React, { useEffect, useMemo } from 'react';
import { useAppState, useAppStore } from '../context.js';
import { strings } from '../strings.js';
import { line } from '../styled.js';
import { Panel, maxOffset } from './Panel.js';
import { traceLines } from './trace-view.js';

export function TracePane({ width, height, focused, title }: { width: number; height: number; focused: boolean; title: string }) {
  const store = useAppStore();
  const lang = useAppState((s) => s.lang);
  const ascii = useAppState((s) => s.ascii);
  const color = useAppState((s) => s.color);
  const lesson = useAppState((s) => s.lessons[s.lessonIndex]);
  const trace = useAppState((s) => s.trace);
  const stepStarts = useAppState((s) => s.stepStarts);
  const back = useAppState((s) => s.scroll.trace);
  const s = strings(lang);
  const lines = useMemo(
    () => (trace.length === 0 || !lesson ? [line(s.traceEmpty, 'dim')] : traceLines(trace, stepStarts, lesson, lang, width - 2, s, ascii)),
    [trace, stepStarts, lesson, lang, width, s, ascii],
  );
  const max = maxOffset(lines.length, height);
  useEffect(() => store.getState().setScrollMax('trace', max), [store, max]);
  // `back` counts lines from the newest
  return <Panel title={title} width={width} height={height} lines={lines} offset={max - Math.min(back, max)} focused={focused} ascii={ascii} color={color} more={s.more} />;
}
