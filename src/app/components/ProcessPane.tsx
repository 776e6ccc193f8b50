// The processes a lesson shows (parent and child, server and client): pid, role,
// attached or not, alive or not. Beside the lesson in a large terminal.
import React from 'react';
import { useAppState, useLook } from '../context.js';
import { Panel } from './Panel.js';
import { processLines } from './kernel-view.js';

/** Rows the pane needs for `count` processes: a header line and the frame. */
export function processPaneHeight(count: number): number {
  return count > 0 ? count + 3 : 0;
}

export function ProcessPane({ width }: { width: number }) {
  const { lang, s } = useLook();
  const processes = useAppState((st) => st.processes);
  const lines = processLines(processes, lang, s);
  return <Panel title={s.processes} width={width} height={processPaneHeight(processes.length)} lines={lines} />;
}
