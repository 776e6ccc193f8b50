// What the kernel holds right now: ipclab's segments as ipcs shows them, the lesson's
// processes, and for the segment in focus the structure a lesson decoded from it,
// its first bytes and IPC_STAT.
import React, { useEffect, useMemo } from 'react';
import { useAppState, useAppStore } from '../context.js';
import { strings } from '../strings.js';
import type { Line } from '../styled.js';
import { Panel, maxOffset } from './Panel.js';
import { kernelLines } from './kernel-view.js';

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
  const decoded = useAppState((s) => s.decoded);
  const processes = useAppState((s) => s.processes);
  const offset = useAppState((s) => s.scroll.kernel);
  const lines: Line[] = useMemo(
    () => kernelLines({ segments, focus, stat, dump, decoded, processes: withProcesses ? processes : [], lang, s: strings(lang) }, width - 2, height - 2),
    [segments, focus, stat, dump, decoded, processes, withProcesses, lang, width, height],
  );
  const max = maxOffset(lines.length, height);
  useEffect(() => store.getState().setScrollMax('kernel', max), [store, max]);
  return <Panel title={title} width={width} height={height} lines={lines} offset={offset} focused={focused} ascii={ascii} color={color} more={strings(lang).more} />;
}
