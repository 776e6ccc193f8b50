// The calls the lesson made, oldest first, the newest always in view unless the
// learner scrolls back.
import React, { useMemo } from 'react';
import { useAppState, useLook } from '../context.js';
import { maxOffset } from '../scroll.js';
import { line } from '../styled.js';
import { useStoredScroll } from '../use-scroll.js';
import { Panel } from './Panel.js';
import { lessonShmids } from './marks.js';
import { traceLines } from './trace-view.js';

export function TracePane({ width, height, focused, title }: { width: number; height: number; focused: boolean; title: string }) {
  const { lang, s, ascii } = useLook();
  const lesson = useAppState((st) => st.lessons[st.lessonIndex]);
  const trace = useAppState((st) => st.trace);
  const stepStarts = useAppState((st) => st.stepStarts);
  const segments = useAppState((st) => st.segments);
  // whose segment each `ipcs` row lists: this lesson's (its shmget calls returned it), ipclab's (its journals)
  const owners = useMemo(() => ({ lesson: lessonShmids(trace), ipclab: new Set(segments.filter((seg) => seg.ours).map((seg) => seg.shmid)) }), [trace, segments]);
  const lines = useMemo(
    () => (trace.length === 0 || !lesson ? [line(s.traceEmpty, 'dim')] : traceLines(trace, stepStarts, lesson, lang, width - 2, s, ascii, owners)),
    [trace, stepStarts, lesson, lang, width, s, ascii, owners],
  );
  // the store counts the trace's offset back from the newest line
  const top = useStoredScroll('trace', maxOffset(lines.length, height), true);
  return <Panel title={title} width={width} height={height} lines={lines} offset={top} focused={focused} />;
}
