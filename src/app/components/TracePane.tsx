// The calls the lesson made, oldest first. After a run the pane shows the trace to its
// end, until the learner scrolls: the step just run from its heading when it fits, else
// its last lines -- its result, what the lesson's notice talks about (the border says how
// much more is above). In review (← to a step that ran) it shows that step's part from
// its heading, and the end again back at the step to run; the learner scrolls it as ever.
import React, { useMemo } from 'react';
import { useAppState, useLook } from '../context.js';
import { maxOffset } from '../scroll.js';
import { line } from '../styled.js';
import { useFollowScroll } from '../use-scroll.js';
import { Panel } from './Panel.js';
import { listingOwners } from './marks.js';
import { traceView } from './trace-view.js';

export function TracePane({ width, height, focused, title, footer }: { width: number; height: number; focused: boolean; title: string; footer?: string }) {
  const { lang, s, ascii } = useLook();
  const lesson = useAppState((st) => st.lessons[st.lessonIndex]);
  const trace = useAppState((st) => st.trace);
  const stepStarts = useAppState((st) => st.stepStarts);
  const segments = useAppState((st) => st.segments);
  const queues = useAppState((st) => st.queues);
  const semaphores = useAppState((st) => st.semaphores);
  // whose segment (queue, set) each `ipcs` row lists: this lesson's (its shmget, msgget, semget
  // calls returned it), ipclab's (its journals)
  const owners = useMemo(() => listingOwners(trace, { segments, queues, semaphores }), [trace, segments, queues, semaphores]);
  const { lines, tops } = useMemo(
    () => (trace.length === 0 || !lesson ? { lines: [line(s.traceEmpty, 'dim')], tops: [] } : traceView(trace, stepStarts, lesson, lang, width - 2, s, ascii, owners)),
    [trace, stepStarts, lesson, lang, width, s, ascii, owners],
  );
  // the step reviewed (shown, and run already): its part from its heading; else the end
  const reviewed = useAppState((st) => (st.view < st.done ? st.view : null));
  const at = reviewed === null ? undefined : tops[reviewed];
  const max = maxOffset(lines.length, height);
  const top = useFollowScroll(max, at ?? max, `${trace.length} ${stepStarts.length} ${width} ${height} ${at ?? 'end'}`, 'trace', height - 2);
  return <Panel title={title} width={width} height={height} lines={lines} offset={top} focused={focused} footer={footer} />;
}
