// The store's copy of a lesson run: the fields components draw, taken whenever the
// run reports a change. A field whose content did not change keeps the store's own
// value (see same.ts), so nothing that selects it draws again.
import type { Decoded, LessonRun, ObjectLabel, ProcessInfo, StepOutcome, Text, TraceEntry } from '../../lessons/types.js';
import { sameItems, sameJson } from './same.js';

export interface RunCopy {
  run: LessonRun | null;
  done: number;
  trace: readonly TraceEntry[];
  stepStarts: readonly number[];
  focus: number | null;
  processes: readonly ProcessInfo[];
  /** a structure the lesson decoded from its segment (serv-clnt), for the kernel pane */
  decoded: Decoded | null;
  /** the names the lesson gave its objects, for the kernel pane */
  labels: readonly ObjectLabel[];
  /** problems of steps that did not behave as expected, by step index */
  problems: Record<number, string[]>;
  /** each run step's checkpoint as the run graded it (the kernel's answer and why), by step index */
  graded: Record<number, NonNullable<StepOutcome['checkpoint']>>;
  /** the notices the run's results called for (Step.noticeBy), by step index */
  notices: Record<number, Text>;
}

export const NO_RUN: RunCopy = { run: null, done: 0, trace: [], stepStarts: [], focus: null, processes: [], decoded: null, labels: [], problems: {}, graded: {}, notices: {} };

/** The fields of `now` that `run` changed, with their new values. */
export function changesFrom(run: LessonRun, now: RunCopy): Partial<RunCopy> {
  const problems: Record<number, string[]> = {};
  const graded: RunCopy['graded'] = {};
  const notices: RunCopy['notices'] = {};
  run.outcomes.forEach((o, i) => {
    if (!o.ok) problems[i] = o.problems;
    if (o.checkpoint) graded[i] = o.checkpoint;
    if (o.notice) notices[i] = o.notice;
  });
  const next: Partial<RunCopy> = {};
  if (run.done !== now.done) next.done = run.done;
  if (run.focus !== now.focus) next.focus = run.focus;
  // trace entries are never changed once added: the same entries are the same trace
  if (!sameItems(run.trace, now.trace)) next.trace = run.trace;
  if (!sameItems(run.stepStarts, now.stepStarts)) next.stepStarts = run.stepStarts;
  if (!sameJson(run.processes, now.processes)) next.processes = run.processes;
  if (!sameJson(run.decoded ?? null, now.decoded)) next.decoded = run.decoded ?? null;
  if (!sameJson(run.labels ?? [], now.labels)) next.labels = run.labels ?? [];
  if (!sameJson(problems, now.problems)) next.problems = problems;
  if (!sameJson(graded, now.graded)) next.graded = graded;
  if (!sameJson(notices, now.notices)) next.notices = notices;
  return next;
}
