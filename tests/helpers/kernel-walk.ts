// The Kernel pane after every step of a lesson, as the pane draws it: one walk for the tests
// that run each lesson for real and lay the pane out (kernel-in-view, kernel-named-in-view,
// kernel-record-in-view, kernel-legend-place, kernel-row-columns). The kernel is read as the
// store reads it (the lesson's objects, the focus, IPC_STAT, the first page of bytes of the
// segment in focus and of every segment, the decoded structure), `before` is the kernel before
// the step, and the input, the pane's sizes and its laid-out window are made here once.
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { lessonShmids, madeAndRemoved } from '../../src/app/components/marks.js';
import { keepWhole, kernelEnd, kernelFollow, kernelLines, ownerRoom, stickyLines, type KernelInput, type TableMarks } from '../../src/app/components/kernel-view.js';
import type { NamedColumns } from '../../src/app/components/kernel-named.js';
import { textRoom } from '../../src/app/components/Panel.js';
import { kernelHead } from '../../src/app/components/KernelPane.js';
import { layoutFor, lessonRowsBeside, lessonRowsMost, lessonRowsShare } from '../../src/app/layout.js';
import type { Line } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import { DUMP_BYTES, type Before } from '../../src/app/store/kernel.js';
import type { Lang } from '../../src/lang.js';
import { startLesson } from '../../src/lessons/engine.js';
import { defaultTyped, parseTurn } from '../../src/lessons/turn/fields.js';
import type { Lesson, LessonRun } from '../../src/lessons/types.js';
import { peekAttached, shmctlStat } from '../../src/native/index.js';
import type { SegmentRecord } from '../../src/native/types.js';
import { lessonObjects } from './lesson-objects.js';
import { paneColumns } from '../../src/lessons/pane-words.js';

export const SIZES = [
  [80, 24],
  [120, 34],
] as const;
export const LANGS = ['en', 'zh'] as const;

/** The kernel as the store holds it after a step. */
export type KernelNow = ReturnType<typeof kernelNow>;

/** The kernel now: the lesson's objects (after `others`, segments of another run listed before
 *  them), the store's focus (the run's, else the one segment listed: shownFocus), its IPC_STAT
 *  and first page, every segment's first page, the decoded structure. */
export function kernelNow(run: LessonRun, others: readonly SegmentRecord[] = []) {
  const made = lessonObjects(run.trace);
  const segments = [...others, ...made.segments];
  const focus = run.focus ?? (segments.length === 1 ? segments[0]!.shmid : null);
  const stat = focus !== null ? shmctlStat(focus).ds : null;
  const dump = focus !== null ? peekAttached(focus, DUMP_BYTES, 0) : null;
  const pages = made.segments.flatMap((seg) => {
    const page = peekAttached(seg.shmid, DUMP_BYTES, 0);
    return page ? [page] : [];
  });
  // (a copy: the run's list changes as its processes start and end)
  return { segments, queues: made.queues, semaphores: made.semaphores, focus, stat, dump, pages, decoded: run.decoded ?? null, processes: run.processes.map((p) => ({ ...p })) };
}

/** One step's look: the run after step `step` (0-based) ran, the kernel before it and now. */
export interface StepSeen {
  run: LessonRun;
  step: number;
  now: KernelNow;
  before: Before;
  /** where the step's calls start in the run's trace (the pane's made-and-removed rows) */
  from: number;
}

/** Runs every step of `lesson` and calls `seen` after each; the run is closed at the end,
 *  whatever happens. */
export async function walkLesson(lesson: Lesson, seen: (at: StepSeen) => void | Promise<void>, others: readonly SegmentRecord[] = [], lang?: Lang, yours = false): Promise<void> {
  // `yours`: a your-turn step runs with its form's values as offered (Enter), not only the lesson's own
  // `lang`: the language the steps run in (the text they write: zh bytes take the dump's legend line)
  const run = startLesson(lesson, lang ? () => lang : undefined);
  try {
    let was = kernelNow(run, others);
    while (run.done < lesson.steps.length) {
      const step = run.done;
      const from = run.trace.length;
      const turn = lesson.steps[step]!.turn;
      const typed = yours && turn ? parseTurn(turn, defaultTyped(turn)) : null;
      await run.runNext(typed?.ok ? typed.values : undefined);
      const now = kernelNow(run, others);
      const before: Before = { step, segments: was.segments, queues: was.queues, semaphores: was.semaphores, focus: was.focus, stat: was.stat, decoded: was.decoded, dump: was.dump, pages: was.pages, processes: was.processes };
      await seen({ run, step, now, before, from });
      was = now;
    }
  } finally {
    await run.close().catch(() => undefined);
  }
}

/** The pane's input as KernelPane makes it, in `lang`: the lesson's names for its objects, its
 *  marks against `before`; `ipclab` the segments of other runs (○), `named` the lesson's words. */
export function kernelInput(at: StepSeen, lang: Lang, extra: { ipclab?: ReadonlySet<number>; named?: NamedColumns; wchans?: ReadonlyMap<number, string> } = {}): KernelInput {
  const { run, now, before } = at;
  const labels = { shm: new Map<number, string>(), msg: new Map<number, string>(), sem: new Map<number, string>() };
  for (const l of run.labels ?? []) labels[l.kind].set(l.id, l.label[lang]);
  const marks: TableMarks = {
    owners: { lesson: lessonShmids(run.trace), ipclab: extra.ipclab ?? new Set() },
    lessonQueues: lessonShmids(run.trace, 'msgget'),
    lessonSets: lessonShmids(run.trace, 'semget'),
    before,
    mark: '*',
    ascii: false,
    labels,
    // what the step made and removed within it, as KernelPane finds it
    fleeting: madeAndRemoved(run.trace.slice(at.from), before, now, userInfo().username),
    // the owner column as wide as the lesson's owners, as KernelPane makes it
    ownerCells: ownerRoom(run.lesson),
    // the columns the lesson's calls brought so far, and those the step brought, as KernelPane finds them
    columns: paneColumns(run.trace),
    newColumns: [...paneColumns(run.trace)].filter((head) => !paneColumns(run.trace.slice(0, at.from)).has(head)),
    ...(extra.named ? { named: extra.named } : {}),
  };
  return { segments: now.segments, queues: now.queues, semaphores: now.semaphores, focus: now.focus, stat: now.stat, dump: now.dump, decoded: now.decoded, processes: run.processes, ...(extra.wchans ? { wchans: extra.wchans } : {}), marks, lang, s: strings(lang) };
}

/** The Kernel pane's outer and inner width at a size (tabbed at 80x24, side by side at
 *  120x34) and the heights asked: `usual` the one it has with an 8-row lesson pane; `afterRun`
 *  at 80x24 every height from the tabs' usual rows (the notice giving way) to the lesson pane's
 *  share; `every` at 80x24 from the least (a step's text taking the most) to the share, at
 *  120x34 from the layout's down to 11 rows. */
export function paneAt(width: number, height: number, heights: 'usual' | 'afterRun' | 'every' = 'usual'): { outer: number; width: number; rows: number[] } {
  const l = layoutFor(width, height, 8);
  const span = (a: number, b: number) => {
    const [least, most] = [a, b].sort((x, y) => x - y);
    return Array.from({ length: most - least + 1 }, (_, i) => least + i);
  };
  if (l.mode === 'tabs') {
    const at = (lessonRows: number) => (layoutFor(width, height, lessonRows) as { tabs: { h: number } }).tabs.h - 2;
    const rows = heights === 'usual' ? [l.tabs.h - 2] : heights === 'afterRun' ? span(at(lessonRowsBeside(height)), at(lessonRowsShare(height))) : span(at(lessonRowsMost(height)), at(lessonRowsShare(height)));
    return { outer: l.tabs.w, width: textRoom(l.tabs.w), rows };
  }
  if (l.mode === 'wide') return { outer: l.kernel.w, width: textRoom(l.kernel.w), rows: heights === 'every' ? span(l.kernel.h - 2, 11) : [l.kernel.h - 2] };
  throw new Error(`no pane at ${width}x${height}`);
}

/** The pane laid out as drawn, `rows` high: its head (kernelHead), every line, the window it
 *  opens on after the step (kernelFollow, keepWhole, stickyLines) and that window's lines. */
export function laidOut(k: KernelInput, outer: number, width: number, rows: number): { head: string; legendBelow: Line[]; lines: Line[]; top: number; shown: Line[] } {
  const { head, legendBelow } = kernelHead(k, outer, rows, k.s.kernelWide, k.s, k.s, false);
  const laid = kernelLines(k, width, rows, legendBelow);
  const top = kernelFollow(laid, rows);
  // a sentence the window would end inside moves below it (keepWhole); a blank line ends it
  // where its last window would start at a table's last row (kernelEnd)
  const lines = [...kernelEnd(keepWhole(laid, top, rows), rows)];
  const shown = stickyLines(lines, top, rows).slice(top, top + rows);
  return { head, legendBelow, lines, top, shown };
}

/** Where each process sleeps in the kernel, as the store reads it. */
export function wchans(pids: readonly number[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const pid of pids) {
    try {
      out.set(pid, readFileSync(`/proc/${pid}/wchan`, 'utf8').trim());
    } catch {
      // ended
    }
  }
  return out;
}
