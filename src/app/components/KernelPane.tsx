// What the kernel holds right now: ipclab's segments, queues and sets as ipcs shows them, the lesson's
// processes, and for the segment in focus the structure a lesson decoded from it,
// its first bytes and IPC_STAT.
import React, { useCallback, useMemo } from 'react';
import { userInfo } from 'node:os';
import { useAppState, useLook } from '../context.js';
import { lineText, type Line } from '../styled.js';
import { useFollowScroll } from '../use-scroll.js';
import { useTerminalSize } from '../use-terminal-size.js';
import { cells } from '../text-fit.js';
import { Panel, textRoom } from './Panel.js';
import { borderKeys, dumpFollow, focusInView, keepWhole, kernelEnd, kernelFollow, kernelLegendLines, kernelLines, kernelMax, kernelSnap, marksShown, ownerRoom, stickyLines, FOCUS_WORDS, hiddenRowsMarked, isFollowed, isFocusedRow, isKeyLine, isRecordLine, keepRowInView, type KernelInput, type TableMarks } from './kernel-view.js';
import type { Strings } from '../strings.js';
import { CHANGE_MARK, lessonShmids, madeAndRemoved, NO_FLEETING } from './marks.js';
import { processesAsRead, shownFocus } from '../store/kernel.js';
import { lessonAt } from '../store/progress.js';
import { questionInSight } from '../store/turn.js';
import { paneNewTerms } from './lesson-view.js';
import { namedColumns } from './kernel-named.js';
import { paneColumns } from '../../lessons/pane-words.js';
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

/** The terminal sizes where the record took its short form ("record:  atime …") at a step: it
 *  keeps the short label at every later step there, in every lesson, all its fields under it where
 *  the pane holds them, rather than turning back into "the kernel's record of segment … (IPC_STAT):"
 *  for a step whose pane had a row more (shmat 5, shmctl 1 at 80x24: issue 16). */
const heldShort = new Set<string>();

/** The dump's offset when each step's kernel was first drawn: another offset since is the
 *  learner's paging ([ ] } s), and the pane follows the dump then, not the step's marks. */
const dumpAtRun = new WeakMap<Before, number>();

const NO_LABELS: readonly ObjectLabel[] = [];
/** The user ipclab runs as: the owner of an object it made (a made-and-removed row's owner). */
const ME = (() => {
  try {
    return userInfo().username;
  } catch {
    return String(process.geteuid?.() ?? '');
  }
})();
const PLAY_ROLES = { a: { en: 'this process', zh: '本进程' }, b: { en: 'helper (@b)', zh: '辅助进程（@b）' } };
/** Beside a lesson, the playground's mappings (kept until the learner goes back with ':'):
 *  they count in nattch like the lesson's, so they are rows of their own, not hidden in
 *  the lesson's "no" (this process's row names the playground as well) */
const PLAY_ROLES_BESIDE = { a: { en: 'playground (:)', zh: '练习场（:）' }, b: { en: 'playground @b', zh: '练习场 @b' } };

/** The pane's title and the legend's lines, for a pane `width` wide with `rows` rows. The
 *  legend is always lines right under the first table (`legendBelow`, for kernelLines), at
 *  every size and every step: beside the title where it fit and under the table where it did
 *  not, the title and the pane's rows jumped from step to step (race 3-5: "内核  ● 本课的 …"
 *  then "内核（图例在表格下方）"), so one place, and the title never says where it went. A
 *  function of its own so the tests lay the pane out as it is drawn (without the legend's
 *  line, race 3's semaphore row was in view in the test and a line below it on screen:
 *  fix25d#3). The title is chosen by the pane's width alone: the long one (naming ipcs) where
 *  it fits with the sign "↑ n more", else the short one -- never one step's and then the other's. */
export function kernelHead(input: KernelInput, width: number, rows: number, title: string, s: Strings, _words: Strings, ascii: boolean): { head: string; legendBelow: Line[] } {
  // frame.ts draws "─ title " and a cell of the border, and " ↑ n more " when scrolled
  const room = width - 2 - (cells(title) + 3) - 1;
  const sign = cells(` ${ascii ? '^' : '↑'} ${s.more(99)} `);
  return { head: room >= sign ? title : s.kernel, legendBelow: legendFits(input, textRoom(width), rows) };
}

/** The legend, its short form where the full one's rows would push a line the step marked out
 *  of the window the pane opens on (shmat 9's new process at 120x34: the rows the step is about come first). */
function legendFits(input: KernelInput, width: number, rows: number): Line[] {
  // a legend names only the marks the window it opens on shows ("* changed by step 2" beside no
  // * in view, only race 3's "1~": issue 16, s26c#3): laid out, the marks of the window are
  // read and the legend made again of them, until it holds still (a legend out of the window
  // names them all)
  // names them all); the marks are gathered over the rounds, so a legend that moves the window
  // (one line fewer) never takes back a mark an earlier window showed: it holds still
  const text = (ls: readonly Line[]) => ls.map(lineText).join('\n');
  let legend = legendOf(input, width, rows, null);
  const seen = new Set<string>();
  for (let round = 0; round < 4; round++) {
    const lines = kernelLines(input, width, rows, legend);
    const top = kernelFollow(lines, rows);
    const shown = stickyLines(lines, top, rows).slice(top, top + rows);
    if (round === 0 && !legend.some((l) => shown.includes(l))) return legend;
    for (const m of marksShown(shown.filter((l) => !legend.includes(l)))) seen.add(m);
    const next = legendOf(input, width, rows, seen);
    if (text(next) === text(legend)) return legend;
    legend = next;
  }
  return legend;
}

function legendOf(input: KernelInput, width: number, rows: number, only: ReadonlySet<string> | null): Line[] {
  // whole, then the step named once after its marks ("+ new, * changed by step 9"): the
  // shorter where it shows more of what the step marked, the whole one on a tie
  const forms = [kernelLegendLines(input, width, only), kernelLegendLines(input, width, only, true)];
  const marked = (legend: Line[]) => {
    const lines = kernelLines(input, width, rows, legend);
    const top = kernelFollow(lines, rows);
    // (the lines the pane follows, the step's marks and the fields the lesson pane names, and
    // the row in focus they are about)
    return stickyLines(lines, top, rows).slice(top, top + rows).filter((l) => isFollowed(l) || isFocusedRow(l)).length;
  };
  let best = forms[0]!;
  let most = marked(best);
  for (const form of forms.slice(1)) {
    if (form.length >= best.length) continue;
    const n = marked(form);
    if (n > most) [best, most] = [form, n];
  }
  return best;
}

/** The lesson's processes are listed here too: beside the lesson they took its text's rows. */
/** `paneHeight`: zoomed, the pane's height unzoomed: the record keeps the form it has there, its
 *  short label and one order, its fields wrapped rather than laid out anew (issue 16: parent-child 3's
 *  "record:  atime …" became "the kernel's record of segment …" on z). */
const NO_MAPPED: readonly (readonly [number, boolean])[] = [];

/** `fitHeight`: the height the pane has where no result being read grew it (App): its lines, the
 *  record's form with them, are laid out for that, so a grown pane shows more of the same lines,
 *  never a record whole that every other step shows cut ("… z: all of shmid_ds"). */
export function KernelPane({ width, height, focused, title, footer, paneHeight, fitHeight }: { width: number; height: number; focused: boolean; title: string; footer?: string; paneHeight?: number; fitHeight?: number }) {
  const { lang, s, ascii } = useLook();
  const segments = useAppState((st) => st.segments);
  const queues = useAppState((st) => st.queues);
  const semaphores = useAppState((st) => st.semaphores);
  const focus = useAppState(shownFocus);
  const stat = useAppState((st) => st.stat);
  const dump = useAppState((st) => st.dump);
  const decoded = useAppState((st) => st.decoded);
  // in the playground its own processes, not the lesson's
  // while a step runs, "attached" as the look that read the segments' nattch read it (store/kernel.ts
  // mapped): the lesson's list changes when its step says so, and the two tables read apart
  const listed = useAppState((st) => st.processes);
  const mapped = useAppState((st) => (st.busy === 'running' ? st.mapped : NO_MAPPED));
  const lessonProcesses = useMemo(() => processesAsRead(listed, mapped), [listed, mapped]);
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
  // the columns the lesson pane's words name now (its text, question, notice, New terms):
  // shown before those it does not name (kernel-named.ts); none in the playground
  const lessonShown = useAppState((st) => (st.screen === 'play' ? undefined : st.lessons[st.lessonIndex]));
  const view = useAppState((st) => st.view);
  const done = useAppState((st) => st.done);
  const termWords = useAppState((st) => {
    if (st.screen === 'play') return '';
    const t = paneNewTerms(st.lessons, st.lang, lessonAt(st), st.view, st.done, st, '', st.quiz);
    return [...t.names, ...(t.justRun ?? [])].join('\n');
  });
  // the lessons before this one in course order: the fields the learner has met there
  const lessons = useAppState((st) => st.lessons);
  const lessonIndex = useAppState((st) => st.lessonIndex);
  const named = useMemo(
    () => namedColumns(lessonShown, view, done, termWords ? termWords.split('\n') : [], lessons.slice(0, lessonIndex)),
    [lessonShown, view, done, termWords, lessons, lessonIndex],
  );
  // where each of the lesson's processes sleeps in the kernel (the store reads it at every look)
  const wchanList = useAppState((st) => st.wchans);
  const wchans = useMemo(() => new Map(wchanList), [wchanList]);
  // a lesson's step running: the pane says so rather than "changed nothing" (kernel-view.ts)
  const running = useAppState((st) => st.busy === 'running' && st.screen !== 'play');
  const stepStarts = useAppState((st) => st.stepStarts);
  // the learner moved the focus with s since the step: ▸ is theirs, not the step's
  const picked = useAppState((st) => st.picked !== null);
  // what the last step made and removed within it: never listed by a poll, shown once
  const fleeting = useMemo(() => {
    const from = before ? stepStarts[before.step] : undefined;
    if (play || !before || from === undefined) return NO_FLEETING;
    return madeAndRemoved(trace.slice(from), before, { segments, queues, semaphores }, ME);
  }, [play, before, stepStarts, trace, segments, queues, semaphores]);
  // as wide as the owners the lesson's steps may give an object, from its first step
  const ownerCells = useMemo(() => ownerRoom(lessonShown), [lessonShown]);
  // the columns that come later than their object (sempid, semncnt, lspid, …): drawn from the call
  // that brings each, named by the legend at the step it came (pane-words.ts); all in the playground
  const columns = useMemo(() => {
    if (play) return {};
    const now = paneColumns(trace);
    const from = before ? stepStarts[before.step] : undefined;
    const was = from === undefined ? now : paneColumns(trace.slice(0, from));
    return { columns: now, newColumns: [...now].filter((head) => !was.has(head)) };
  }, [play, trace, before, stepStarts]);
  const marks: TableMarks = useMemo(() => {
    // a removed segment keeps the owner mark it had
    const ipclab = new Set([...segments, ...(before?.segments ?? [])].filter((seg) => seg.ours).map((seg) => seg.shmid));
    const labels: NonNullable<TableMarks['labels']> = {};
    for (const kind of ['shm', 'msg', 'sem'] as const) labels[kind] = new Map(labelList.filter((l) => l.kind === kind).map((l) => [l.id, l.label[lang]]));
    return { owners: { lesson: lesson.shm, ipclab }, lessonQueues: lesson.msg, lessonSets: lesson.sem, before, mark: CHANGE_MARK, ascii, labels, vanished: play ? [] : vanished, fleeting, running, named, picked, ownerCells, ...columns };
  }, [segments, lesson, before, ascii, labelList, lang, vanished, play, fleeting, running, named, picked, ownerCells, columns]);
  // the playground's own words: its marks, statements not steps, no s, [ ] or } key to explain
  const words = useMemo(
    () =>
      play
        ? { ...s, markLesson: s.markPlay, markChanged: s.markChangedPlay, markChangedBytes: s.markChangedPlay, markNew: s.markNewPlay, markGone: s.markGonePlay, noFocus: s.playNoFocus, markNothing: s.markNothingPlay, markElsewhere: s.markElsewherePlay, noObjects: s.playNoFocus, dumpNone: () => s.playDumpNone, pickKeyWords: '', dumpKeyWords: '', focusStep: () => FOCUS_WORDS[lang] }
        : s,
    [play, s, lang],
  );
  // in review (after ←) the pane still shows the kernel now; the lesson's objects that
  // someone outside ipclab removed are said, not silently dropped
  const notes = useMemo(() => {
    const out: { text: string; tone: 'label' | 'error' }[] = [];
    // the step reviewed left the kernel as it is only when it is the last one run
    if (!play && view + 1 < done) out.push({ text: s.kernelNow(view + 1, done), tone: 'label' });
    const ours = { shm: lesson.shm, msg: lesson.msg, sem: lesson.sem };
    for (const v of play ? [] : vanished) if (ours[v.kind].has(v.id)) out.push({ text: s.vanished(v.kind, v.id), tone: 'error' });
    return out;
  }, [play, view, done, vanished, lesson, s]);
  // (held: 0 rows unzoomed, so a pane that holds every line takes the short label too)
  const size = useTerminalSize();
  const held = `${size.columns}x${size.rows}`;
  // (zoomed too: the label it has unzoomed)
  const unzoomed = !play && heldShort.has(held) ? 0 : paneHeight !== undefined ? Math.max(0, paneHeight - 2) : undefined;
  const input = useMemo(
    () => ({ segments, queues, semaphores, focus, stat, dump, decoded, processes, wchans: play ? undefined : wchans, marks, lang, s: words, notes, paneRows: unzoomed }),
    [segments, queues, semaphores, focus, stat, dump, decoded, processes, wchans, play, marks, lang, words, notes, unzoomed],
  );
  const rows = Math.max(0, height - 2);
  const { head, legendBelow } = useMemo(() => kernelHead(input, width, rows, title, s, words, ascii), [input, width, rows, title, s, words, ascii]);
  const fitRows = fitHeight === undefined ? rows : Math.min(rows, Math.max(0, fitHeight - 2));
  const laid: Line[] = useMemo(() => kernelLines(input, textRoom(width), fitRows, legendBelow), [input, width, fitRows, legendBelow]);
  if (!play && laid.some((l) => isRecordLine(l) && lineText(l).startsWith(s.statHeadShort(0)))) heldShort.add(held);
  // after a step, the first line it marked with its heading in view (the learner's own
  // offset kept until the next step); a table's heading is drawn above its rows in view
  // (never over one: every row is in view at some offset)
  // paging the dump ([ ] }) brings its rows into view: the legend under the table took a
  // row of short panes, and the page shown was below the fold
  const dumpAt = useAppState((st) => st.dumpAt);
  if (before && !dumpAtRun.has(before)) dumpAtRun.set(before, dumpAt);
  const paged = before !== null && dumpAtRun.get(before) !== dumpAt;
  // while a question is in view the row in focus is too: the question is about that object
  const asking = useAppState((st) => st.screen !== 'play' && questionInSight(st) !== null);
  const follow = useMemo(() => {
    const top = (paged ? dumpFollow(laid, rows) : null) ?? kernelFollow(laid, rows);
    return asking ? focusInView(laid, top, rows) : top;
  }, [paged, laid, rows, asking]);
  // the window it opens on ends inside no sentence of the pane's (a note, the "ended:" line):
  // one cut there moves below it whole (s26c#1)
  const lines = useMemo(() => kernelEnd(keepWhole(laid, follow, rows), rows), [laid, follow, rows]);
  const max = kernelMax(lines, rows);
  // ↑ ↓ pass the offset where a table's last row would stand alone: its heading leaves with it
  const snap = useCallback((at: number, by: number) => kernelSnap(lines, at, by, max), [lines, max]);
  // (the question's coming opens the pane there anew, as a step does)
  const moved = useFollowScroll(max, follow, `${paged ? `${runOf(before)} dump ${dumpAt}` : runOf(before)}${asking ? ' asking' : ''}`, 'kernel', rows, snap);
  // (an offset kept from before a poll changed the lines lands past such a row too)
  const top = kernelSnap(lines, moved, 0, max);
  // a heading kept over rows it hid says how many ("↑1"): docs/ARCHITECTURE.md, the Kernel pane (s36a#1)
  const shown = useMemo(() => hiddenRowsMarked(lines, keepRowInView(lines, stickyLines(lines, top, rows), top, rows), top, rows, ascii), [lines, top, rows, ascii]);
  // the keys' words where their lines are below the window: on the bottom border, beside "↓ n
  // more", so a key a lesson's text names is on screen without scrolling (docs/ARCHITECTURE.md,
  // the Kernel pane: shmdt 2's "} jumps to it", the hint two rows below the 80x24 pane: issue 16, s36a#3)
  const below = Math.max(0, lines.length - top - rows);
  const keysBelow = below > 0 && lines.some(isKeyLine) && !shown.slice(top, top + rows).some(isKeyLine);
  // (" ↓ n more · " before the words, a cell of the border each side; "·" as the Flow's "↓ n more · lit below")
  const keyWords = keysBelow ? borderKeys(input, width - 2 - cells(` ${ascii ? 'v' : '↓'} ${s.more(below)} · `) - 3) : '';
  return <Panel title={head} width={width} height={height} lines={shown} offset={top} focused={focused} footer={footer} keys={keyWords ? { up: '', down: `· ${keyWords}` } : undefined} />;
}
