// The calls the lesson made, oldest first, the newest always in view unless the
// learner scrolls back.
import React, { useMemo } from 'react';
import { useAppState, useLook } from '../context.js';
import { maxOffset } from '../scroll.js';
import { line } from '../styled.js';
import { useStoredScroll } from '../use-scroll.js';
import { Panel } from './Panel.js';
import { traceLines } from './trace-view.js';

export function TracePane({ width, height, focused, title }: { width: number; height: number; focused: boolean; title: string }) {
  const { lang, s, ascii } = useLook();
  const lesson = useAppState((st) => st.lessons[st.lessonIndex]);
  const trace = useAppState((st) => st.trace);
  const stepStarts = useAppState((st) => st.stepStarts);
  const lines = useMemo(
    () => (trace.length === 0 || !lesson ? [line(s.traceEmpty, 'dim')] : traceLines(trace, stepStarts, lesson, lang, width - 2, s, ascii)),
    [trace, stepStarts, lesson, lang, width, s, ascii],
  );
  // the store counts the trace's offset back from the newest line
  const top = useStoredScroll('trace', maxOffset(lines.length, height), true);
  return <Panel title={title} width={width} height={height} lines={lines} offset={top} focused={focused} />;
}
