// What the kernel holds right now: ipclab's segments as ipcs shows them, IPC_STAT
// of the segment in focus, its first bytes, and the lesson's processes.
import React, { useEffect } from 'react';
import { useAppState, useAppStore } from '../context.js';
import { strings } from '../strings.js';
import { type Line, line } from '../styled.js';
import { Panel, maxOffset } from './Panel.js';
import { dumpLines, processLines, segmentTableLines, statLines } from './kernel-view.js';

/** `withProcesses`: list the lesson's processes here (at 80x24; a large terminal has a pane for them) */
export function KernelPane({ width, height, focused, title, withProcesses }: { width: number; height: number; focused: boolean; title: string; withProcesses: boolean }) {
  const store = useAppStore();
  const lang = useAppState((s) => s.lang);
  const ascii = useAppState((s) => s.ascii);
  const color = useAppState((s) => s.color);
  const segments = useAppState((s) => s.segments);
  const focus = useAppState((s) => s.focus);
  const stat = useAppState((s) => s.stat);
  const dump = useAppState((s) => s.dump);
  const processes = useAppState((s) => s.processes);
  const offset = useAppState((s) => s.scroll.kernel);
  const s = strings(lang);
  const inner = width - 2;
  const lines: Line[] = [...segmentTableLines(segments, focus, s)];
  if (withProcesses && processes.length > 0) lines.push([], ...processLines(processes, lang, s));
  lines.push([], ...statLines(focus, stat, inner, s));
  if (focus !== null) lines.push(line(`${s.dump} (${focus})`, 'label'), ...dumpLines(dump, inner, s));
  const max = maxOffset(lines.length, height);
  useEffect(() => store.getState().setScrollMax('kernel', max), [store, max]);
  return <Panel title={title} width={width} height={height} lines={lines} offset={offset} focused={focused} ascii={ascii} color={color} moreWord={s.more} />;
}
