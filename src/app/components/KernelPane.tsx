// What the kernel holds right now: ipclab's segments, queues and sets as ipcs shows them, the lesson's
// processes, and for the segment in focus the structure a lesson decoded from it,
// its first bytes and IPC_STAT.
import React, { useMemo } from 'react';
import { useAppState, useLook } from '../context.js';
import { maxOffset } from '../scroll.js';
import type { Line } from '../styled.js';
import { useFollowScroll } from '../use-scroll.js';
import { cells } from '../text-fit.js';
import { Panel, textRoom } from './Panel.js';
import { kernelFollow, kernelLegend, kernelLegendLines, kernelLines, stickyLines, type TableMarks } from './kernel-view.js';
import { CHANGE_MARK, lessonShmids } from './marks.js';
import { shownFocus } from '../store/kernel.js';
import type { ObjectLabel, ProcessInfo } from '../../lessons/types.js';
import type { Before } from '../store/kernel.js';

/** Each step's (statement's) run, by the kernel it was measured against: the pane follows
 *  what the step changed anew after each, wherever the learner had scrolled it before. */
const runs = new WeakMap<Before, number>();
let lastRun = 0;
function runOf(before: Before | null): string {
  if (!before) return 'none';
  let n = runs.get(before);
  if (n === undefined) runs.set(before, (n = ++lastRun));
  return `run ${n}`;
}

const NO_LABELS: readonly ObjectLabel[] = [];
const PLAY_ROLES = { a: { en: 'this process', zh: '本进程' }, b: { en: 'helper (@b)', zh: '辅助进程（@b）' } };
/** Beside a lesson, the playground's mappings (kept until the learner goes back with ':'):
 *  they count in nattch like the lesson's, so they are rows of their own, not hidden in
 *  the lesson's "no" (this process's row names the playground as well) */
const PLAY_ROLES_BESIDE = { a: { en: 'playground (:)', zh: '练习场（:）' }, b: { en: 'playground @b', zh: '练习场 @b' } };

/** The lesson's processes are listed here too: beside the lesson they took its text's rows. */
export function KernelPane({ width, height, focused, title, footer }: { width: number; height: number; focused: boolean; title: string; footer?: string }) {
  const { lang, s, ascii } = useLook();
  const segments = useAppState((st) => st.segments);
  const queues = useAppState((st) => st.queues);
  const semaphores = useAppState((st) => st.semaphores);
  const focus = useAppState(shownFocus);
  const stat = useAppState((st) => st.stat);
  const dump = useAppState((st) => st.dump);
  const decoded = useAppState((st) => st.decoded);
  // in the playground its own processes, not the lesson's
  const lessonProcesses = useAppState((st) => st.processes);
  const playProcesses = useAppState((st) => st.playProcesses);
  // whose segments are marked as "this lesson's": the lesson's, or in the playground its own
  const play = useAppState((st) => st.screen === 'play');
  const processes: readonly ProcessInfo[] = useMemo(
    () =>
      play
        ? playProcesses.map((p) => ({ pid: p.pid, role: PLAY_ROLES[p.who], attached: p.attached, alive: true }))
        : [...lessonProcesses, ...playProcesses.filter((p) => p.playMapped).map((p) => ({ pid: p.pid, role: PLAY_ROLES_BESIDE[p.who], attached: true, alive: true }))],
    [play, playProcesses, lessonProcesses],
  );
  const trace = useAppState((st) => (st.screen === 'play' ? st.playCalls : st.trace));
  const before = useAppState((st) => st.before);
  // the names the lesson gave its objects; the playground names none
  const labelList = useAppState((st) => (st.screen === 'play' ? NO_LABELS : st.labels));
  const lesson = useMemo(() => ({ shm: lessonShmids(trace), msg: lessonShmids(trace, 'msgget'), sem: lessonShmids(trace, 'semget') }), [trace]);
  const vanished = useAppState((st) => st.vanished);
  const marks: TableMarks = useMemo(() => {
    // a removed segment keeps the owner mark it had
    const ipclab = new Set([...segments, ...(before?.segments ?? [])].filter((seg) => seg.ours).map((seg) => seg.shmid));
    const labels: NonNullable<TableMarks['labels']> = {};
    for (const kind of ['shm', 'msg', 'sem'] as const) labels[kind] = new Map(labelList.filter((l) => l.kind === kind).map((l) => [l.id, l.label[lang]]));
    return { owners: { lesson: lesson.shm, ipclab }, lessonQueues: lesson.msg, lessonSets: lesson.sem, before, mark: CHANGE_MARK, ascii, labels, vanished: play ? [] : vanished };
  }, [segments, lesson, before, ascii, labelList, lang, vanished, play]);
  // the playground's own words: its marks, statements not steps, no s key
  const words = useMemo(
    () =>
      play
        ? { ...s, markLesson: s.markPlay, markChanged: s.markChangedPlay, markNew: s.markNewPlay, markGone: s.markGonePlay, noFocus: s.playNoFocus, noObjects: s.playNoFocus, dumpNone: s.playDumpNone }
        : s,
    [play, s],
  );
  // in review (after ←) the pane still shows the kernel now; the lesson's objects that
  // someone outside ipclab removed are said, not silently dropped
  const view = useAppState((st) => st.view);
  const done = useAppState((st) => st.done);
  const notes = useMemo(() => {
    const out: { text: string; tone: 'label' | 'error' }[] = [];
    // the step reviewed left the kernel as it is only when it is the last one run
    if (!play && view + 1 < done) out.push({ text: s.kernelNow(view + 1, done), tone: 'label' });
    const ours = { shm: lesson.shm, msg: lesson.msg, sem: lesson.sem };
    for (const v of play ? [] : vanished) if (ours[v.kind].has(v.id)) out.push({ text: s.vanished(v.kind, v.id), tone: 'error' });
    return out;
  }, [play, view, done, vanished, lesson, s]);
  const input = useMemo(
    () => ({ segments, queues, semaphores, focus, stat, dump, decoded, processes, marks, lang, s: words, notes }),
    [segments, queues, semaphores, focus, stat, dump, decoded, processes, marks, lang, words, notes],
  );
  // the title's room for the legend (frame.ts draws "─ title " and a cell of the border);
  // a legend no shortening fits there, after the title's own words, is the pane's first
  // lines instead: no mark unexplained
  const roomBeside = (t: string) => width - 2 - (cells(t) + 3) - 1;
  const legendBelow = useMemo(() => (kernelLegend(input, roomBeside(s.kernel)) === '' ? kernelLegendLines(input, textRoom(width)) : []), [input, width, s]);
  const lines: Line[] = useMemo(() => [...legendBelow, ...kernelLines(input, textRoom(width), height - 2 - legendBelow.length)], [input, width, height, legendBelow]);
  // after a step, the first line it marked with its heading in view (the learner's own
  // offset kept until the next step); a table's heading stays in view while its rows do
  const rows = Math.max(0, height - 2);
  const top = useFollowScroll(maxOffset(lines.length, height), useMemo(() => kernelFollow(lines, rows), [lines, rows]), runOf(before), 'kernel', rows);
  const shown = useMemo(() => stickyLines(lines, top), [lines, top]);
  // the title and the scroll sign both fit: the legend shortens by rule (frame.ts draws
  // "─ title " and " ↑ n more ")
  const sign = top > 0 ? ` ${ascii ? '^' : '↑'} ${s.more(top)} ` : '';
  // the legend keeps the step's number before the title keeps its words ("(ipcs: ...)"), and
  // those before the legend drops the number: "+ new" alone would not say which step
  const titled = (t: string, keepStep: boolean) => {
    const legend = kernelLegend(input, roomBeside(t) - cells(sign), keepStep);
    return legend === '' ? null : `${t}${legend}`;
  };
  const head = legendBelow.length ? title : (titled(title, true) ?? titled(s.kernel, true) ?? titled(title, false) ?? titled(s.kernel, false) ?? title);
  return <Panel title={head} width={width} height={height} lines={shown} offset={top} focused={focused} footer={footer} />;
}
