// At 80x24 the right-hand panes share one place: Flow | Kernel | Trace | C, Tab switches.
// Then how to switch tabs (Tab ⇥), always; on the right, the lesson's processes (parent
// and child, server and client) with their pids and whether they ended, so they stay in
// sight whatever tab is shown: after a label that says what they are ("this lesson's
// processes:", short "processes:") and without the tabs' frames, since Tab does not reach them.
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
  // how to switch tabs, always: the pids give way first (their label, then whole entries, the
  // ended ones first: a pid cut mid-number reads as another pid, nc81); those left out are
  // counted with the tab that lists every process (the Kernel pane's processes)
  left.push(run(`   Tab ${p.ascii ? '>' : '⇥'}`, 'dim'));
  if (p.processes.length === 0) return fit(left, p.width);
  const room = p.width - lineWidth(left) - 1 - 2;
  // without the "pids:" label the first entry says its number is a pid ("lesson pid 23930, child 23931")
  const entries = (shown: readonly ProcessInfo[], short = false, labelled = false): Line => {
    const out: Line = [];
    shown.forEach((proc, i) => {
      if (i > 0) out.push(run(s.listSep, 'dim'));
      const tone = proc.alive ? 'plain' : 'dim';
      // a role that ends in a number ("worker 1") says "pid" before its pid: "worker 1 31812" read as one number (nc194)
      if ((labelled || i > 0) && !/\d$/.test(proc.role[p.lang])) out.push(run(`${proc.role[p.lang]} `, proc.alive ? 'label' : 'dim'), run(`${proc.pid}${proc.alive ? '' : s.ended}`, tone));
      else out.push(run(`${s.pidOf(proc.role[p.lang], String(proc.pid))}${proc.alive ? '' : s.ended}`, tone));
    });
    // what is left out, said as what it is: the running ones ("1 more: Kernel", short
    // "1 more running" where that leaves no room for a pid), the ended ones as ended ("2 ended",
    // never "2 more" that reads as processes still there)
    const left = p.processes.filter((x) => !shown.includes(x));
    const running = left.filter((x) => x.alive).length;
    const ended = left.length - running;
    const counts = [...(running > 0 ? [short ? s.moreRunning(running) : s.morePids(running, tabName('kernel', s))] : []), ...(ended > 0 ? [s.moreEnded(ended)] : [])];
    return counts.length > 0 ? [...out, run(`${shown.length > 0 ? s.listSep : ''}${counts.join(s.listSep)}`, 'dim')] : out;
  };
  // the label says what the list is (fix18f#3): the long one, else the short one; all the
  // pids without it where the first one's "pid" says what they are; else the short label
  // kept while pids give way, and left out only where not even one pid fits beside it
  const labelled = (label: string, line: Line): Line => [run(`${label}${s.colon}`, 'dim'), ...line];
  // whose a process is stays said: one named by the one before it ("its child") is never shown
  // without it (fix20a#4: "Tab ⇥  its child pid 7490 (ended), 1 ended" at the end of shmat)
  const says = (shown: readonly ProcessInfo[]) => shown.every((x) => !x.ofBefore || shown.includes(p.processes[p.processes.indexOf(x) - 1]));
  const fewer = dropOrder(p.processes).filter((shown) => shown.length > 0 && says(shown));
  // never "N more" alone while one pid fits: any one of them (the dropping order's
  // last, an ended one's "(ended)" may be what makes it too long), then the count shorter,
  // then without the label, then without the word pid (the Kernel tab's list says what the numbers are)
  const ones = [...p.processes.filter((x) => x.alive), ...p.processes.filter((x) => !x.alive)].map((x) => [x]).filter(says);
  const short = [...fewer.map((x) => entries(x, false, true)), ...ones.map((x) => entries(x, false, true)), ...ones.map((x) => entries(x, true, true))].map((l) => labelled(s.pidsShort, l));
  const all = entries(p.processes, false, true);
  const candidates = [labelled(s.pids, all), labelled(s.pidsShort, all), entries(p.processes), ...short, ...fewer.map((x) => entries(x)), ...ones.map((x) => entries(x)), ...ones.map((x) => entries(x, true)), ...ones.map((x) => entries(x, true, true)), entries([])];
  const right = candidates.find((line) => lineWidth(line) <= room) ?? [];
  const gap = Math.max(2, p.width - lineWidth(left) - lineWidth(right) - 1);
  return fit([...left, run(' '.repeat(gap)), ...right], p.width);
}

/** The processes a bar too narrow for all of them names, fewer each time: the ended ones
 *  leave first, then the last; in the order the lesson gave them. */
function dropOrder(processes: readonly ProcessInfo[]): ProcessInfo[][] {
  const leaving = [...processes.filter((x) => !x.alive).reverse(), ...processes.filter((x) => x.alive).reverse()];
  return leaving.map((_, n) => processes.filter((x) => !leaving.slice(0, n + 1).includes(x)));
}

export function TabBar({ width }: { width: number }) {
  const { lang, ascii, color } = useLook();
  const tab = useAppState((s) => s.tab);
  const processes = useAppState((s) => s.processes);
  return <StyledLineView line={tabBarLine({ tab, processes, lang, ascii, width })} color={color} ascii={ascii} />;
}
