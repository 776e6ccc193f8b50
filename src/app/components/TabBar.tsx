// At 80x24 the right-hand panes share one place: Flow | Kernel | Trace | C, Tab switches.
// Then how to switch tabs (Tab ⇥), but while a form takes Tab for its fields; on the right, the lesson's processes: its own
// with its pid, then the others the Kernel tab lists counted by state, "+ 2 alive, 1 ended" (not "running": a process
// asleep in semop is not running by the kernel's word, issue 16), so they stay in sight whatever tab is
// shown: after a label that says what they are ("this lesson's processes:", short
// "processes:") and without the tabs' frames, since Tab does not reach them. Which processes
// is the engine's one rule (listProcesses): the lesson's own first, running, then every other
// the steps started, throw-away children too, running or ended.
import React from 'react';
import type { Lang } from '../../lang.js';
import { LESSON_PROCESS } from '../../lessons/kit.js';
import type { ProcessInfo } from '../../lessons/types.js';
import { useAppState, useLook } from '../context.js';
import { storeNote } from '../store-note.js';
import { TABS, type TabId } from '../layout.js';
import { strings, type Strings } from '../strings.js';
import { type Line, fit, lineText, lineWidth, run } from '../styled.js';
import { StyledLineView } from './StyledLineView.js';

export function tabName(tab: TabId, s: Strings): string {
  return { flow: s.flow, kernel: s.kernel, trace: s.trace, code: s.code }[tab];
}

/** `formOpen`: a form takes Tab for its fields, so the bar does not offer it (its place kept blank:
 *  "Tab ⇥" beside the form's "Tab field" read as two meanings of one key, a newcomer pass). */
export function tabBarLine(p: { tab: TabId; processes: readonly ProcessInfo[]; lang: Lang; ascii: boolean; width: number; formOpen?: boolean }): Line {
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
  const hint = `   Tab ${p.ascii ? '>' : '⇥'}`;
  left.push(run(p.formOpen ? ' '.repeat(hint.length) : hint, 'dim'));
  if (p.processes.length === 0) return fit(left, p.width);
  const room = p.width - lineWidth(left) - 1 - 2;
  // one shape through the lesson (fix21f#3): the first process (the lesson's own: whose the
  // list is) and how many more the Kernel tab lists, whatever ran or ended -- "server 7977
  // client 7978" turned into "server 7977 (ended), 1 ended" as processes ended, and the label
  // came and went with the width of "(ended)"
  const [first, ...rest] = p.processes;
  // the rest counted alive and ended, each count with its word ("2 more in Kernel" read as two
  // processes still running after both had ended: fix22e#2; "+ 3 more, ended" as the lesson's own
  // ended too: pass 12), and where they are listed where there is room
  const more = (alive: number, ended: number, where: boolean) => (alive + ended > 0 ? [run(` ${s.morePids(alive, ended, where ? tabName('kernel', s) : null)}`, 'dim')] : []);
  // the first entry says its number is a pid where no label says so ("lesson pid 23930"); it is
  // named the lesson process in every lesson, its role there after it where it has one and room
  // ("lesson pid 10404 (the parent)": lesson 7 said "parent pid", lessons 8-11 "lesson pid", issue 16)
  const entry = (proc: ProcessInfo, labelled: boolean, ended: boolean, withRole: boolean): Line => {
    const mark = ended ? s.ended : '';
    const tone = ended ? 'dim' : 'plain';
    const role = !withRole || proc.role.en === LESSON_PROCESS.en ? '' : s.lessonRole(proc.role[p.lang]);
    if (labelled) return [run(`${LESSON_PROCESS[p.lang]} `, ended ? 'dim' : 'label'), run(`${proc.pid}${role}${mark}`, tone)];
    return [run(`${s.pidOf(LESSON_PROCESS[p.lang], String(proc.pid))}${role}${mark}`, tone)];
  };
  // the role gives way before the count of the others does
  const forms: ((ended: boolean, alive: number, gone: number) => Line)[] = [true, false].flatMap((withRole) => [
    (ended: boolean, a: number, g: number) => [run(`${s.pids}${s.colon}`, 'dim'), ...entry(first, true, ended, withRole), ...more(a, g, true)],
    (ended: boolean, a: number, g: number) => [run(`${s.pidsShort}${s.colon}`, 'dim'), ...entry(first, true, ended, withRole), ...more(a, g, true)],
    (ended: boolean, a: number, g: number) => [...entry(first, false, ended, withRole), ...more(a, g, true)],
    (ended: boolean, a: number, g: number) => [...entry(first, false, ended, withRole), ...more(a, g, false)],
  ]);
  forms.push((ended) => entry(first, false, ended, false));
  // chosen for the widest it can be at any step (9 others, no lesson starts more, both counts
  // said), drawn as it is now: the words never change shape as processes start and end (the
  // first is ipclab's own process, which ends only with the lesson)
  const most = Math.max(9, rest.length);
  const form = forms.find((f) => lineWidth(f(!first.alive, most - 1, 1)) <= room);
  const alive = rest.filter((proc) => proc.alive).length;
  const right = form ? form(!first.alive, alive, rest.length - alive) : [];
  const gap = Math.max(2, p.width - lineWidth(left) - lineWidth(right) - 1);
  return fit([...left, run(' '.repeat(gap)), ...right], p.width);
}

/** Whether a tab bar on screen shows the lesson's processes ("lesson pid 12513 + 1 ended"), by app:
 *  the status line says what they are on the screen where they first show, as it does the step list's
 *  marks (StatusLine; issue 16: explained only by the Kernel pane's table, steps later). */
const pidsShown = storeNote(false);

export function useTabBarPids(): boolean {
  return pidsShown.use();
}

export function TabBar({ width }: { width: number }) {
  const { lang, ascii, color } = useLook();
  const tab = useAppState((s) => s.tab);
  const processes = useAppState((s) => s.processes);
  const formOpen = useAppState((s) => s.turnFocus !== null);
  const line = tabBarLine({ tab, processes, lang, ascii, width, formOpen });
  // (the first process's pid on the bar: it names the lesson process in every form)
  const shows = processes.length > 0 && lineText(line).includes(String(processes[0]!.pid));
  pidsShown.usePublish(shows);
  return <StyledLineView line={line} color={color} ascii={ascii} />;
}
