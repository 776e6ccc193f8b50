// The processes a lesson shows (parent and child, server and client): pid, role,
// attached or not, alive or not. Beside the lesson in a large terminal.
import React from 'react';
import { useAppState } from '../context.js';
import { strings } from '../strings.js';
import { Panel } from './Panel.js';
import { processLines } from './kernel-view.js';

/** Rows the pane needs for `count` processes: a header line and the frame. */
export function processPaneHeight(count: number): number {
  return count > 0 ? count + 3 : 0;
}

export function ProcessPane({ width }: { width: number }) {
  const lang = useAppState((s) => s.lang);
  const ascii = useAppState((s) => s.ascii);
  const color = useAppState((s) => s.color);
  const processes = useAppState((s) => s.processes);
  const s = strings(lang);
  const lines = processLines(processes, lang, s);
  return <Panel title={s.processes} width={width} height={processPaneHeight(processes.length)} lines={lines} ascii={ascii} color={color} more={s.more} />;
}
