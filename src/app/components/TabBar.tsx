// At 80x24 the right-hand panes share one place: Flow | Kernel | Trace | C, Tab switches.
// On the right, the lesson's processes (parent and child, server and client) with
// their pids, so they stay in sight whatever tab is shown: after a "pids:" label and
// without the tabs' frames, since Tab does not reach them.
import React from 'react';
import type { Lang } from '../../lang.js';
import type { ProcessInfo } from '../../lessons/types.js';
import { useAppState, useLook } from '../context.js';
import { TABS, type TabId } from '../layout.js';
import { strings, type Strings } from '../strings.js';
import { type Line, fit, lineWidth, run } from '../styled.js';
import { StyledLineView } from './StyledLineView.js';

export function tabName(tab: TabId, s: Strings): string {
  return { flow: s.flow, kernel: s.kernel, trace: s.trace, code: s.code }[tab];
}

export function tabBarLine(p: { tab: TabId; processes: readonly ProcessInfo[]; lang: Lang; ascii: boolean; width: number }): Line {
  const s = strings(p.lang);
  const left: Line = [run(' ')];
  TABS.forEach((t, i) => {
    if (i > 0) left.push(run(p.ascii ? ' | ' : ' │ ', 'frame'));
    // the tab shown in brackets as well as in reverse video: seen without colour (NO_COLOR, --ascii)
    left.push(run(t === p.tab ? `[${tabName(t, s)}]` : ` ${tabName(t, s)} `, t === p.tab ? 'selected' : 'plain'));
  });
  const right: Line = p.processes.length ? [run(`${s.pids}${s.colon}`, 'dim')] : [];
  p.processes.forEach((proc, i) => {
    if (i > 0) right.push(run(s.listSep, 'dim'));
    right.push(run(`${proc.role[p.lang]} `, proc.alive ? 'label' : 'dim'), run(`${proc.pid}${proc.alive ? '' : s.ended}`, proc.alive ? 'plain' : 'dim'));
  });
  const gap = p.width - lineWidth(left) - lineWidth(right) - 1;
  if (right.length && gap >= 2) return fit([...left, run(' '.repeat(gap)), ...right], p.width);
  // no processes to show: say how to switch tabs
  return fit([...left, run(`   Tab ${p.ascii ? '>' : '⇥'}`, 'dim')], p.width);
}

export function TabBar({ width }: { width: number }) {
  const { lang, ascii, color } = useLook();
  const tab = useAppState((s) => s.tab);
  const processes = useAppState((s) => s.processes);
  return <StyledLineView line={tabBarLine({ tab, processes, lang, ascii, width })} color={color} ascii={ascii} />;
}
