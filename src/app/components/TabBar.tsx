// At 80x24 the right-hand panes share one place: Flow | Kernel | Trace | C, Tab switches.
import React from 'react';
import { useAppState } from '../context.js';
import { TABS, type TabId } from '../layout.js';
import { strings, type Strings } from '../strings.js';
import { type Line, fit, run } from '../styled.js';
import { StyledLineView } from './StyledLineView.js';

export function tabName(tab: TabId, s: Strings): string {
  return { flow: s.flow, kernel: s.kernel, trace: s.trace, code: s.code }[tab];
}

export function TabBar({ width }: { width: number }) {
  const lang = useAppState((s) => s.lang);
  const color = useAppState((s) => s.color);
  const ascii = useAppState((s) => s.ascii);
  const tab = useAppState((s) => s.tab);
  const s = strings(lang);
  const l: Line = [run(' ')];
  TABS.forEach((t, i) => {
    if (i > 0) l.push(run(ascii ? ' | ' : ' │ ', 'frame'));
    l.push(run(` ${tabName(t, s)} `, t === tab ? 'selected' : 'plain'));
  });
  l.push(run('   Tab ⇥', 'dim'));
  return <StyledLineView line={fit(ascii ? l.map((r) => ({ ...r, text: r.text.replace('⇥', '>') })) : l, width)} color={color} />;
}
