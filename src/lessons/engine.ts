// Runs a lesson's steps one at a time against the real kernel, keeps the trace of
// everything they did, and removes what the lesson made on reset or close.
import * as native from '../native/index.js';
import type { CallRecord, Segment } from '../native/index.js';
import { commandLine, execCommand } from './exec.js';
import { LESSON_PROCESS } from './kit.js';
import { gradeCheckpoint, liveResult, runNotice } from './grade.js';
import { sanitize } from '../text/sanitize.js';
import { now } from '../native/clock.js';
import { tracedNative, type Native } from './traced.js';
import { defaultValues, describeValues, isCustom, type TurnValues } from './turn/fields.js';
import type { Decoded, Lesson, ObjectLabel, LessonRun, ProcessInfo, StepContext, StepOutcome, TraceEntry } from './types.js';
import type { Lang } from '../lang.js';

/** A throw-away child's role in the lesson's processes: the trace's "forked the child: pid N" */
const THROWAWAY_CHILD = { en: 'child', zh: '子进程' };

/** ctx.turn of a step without a form */
const NO_TURN: StepContext['turn'] = { values: {}, custom: false, shown: { en: '', zh: '' }, own: { en: '', zh: '' } };


function describeError(err: unknown): string {
  if (err instanceof Error) return `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}`;
  return `the step threw ${String(err)}`;
}

class Run implements LessonRun {
  trace: readonly TraceEntry[] = [];
  done = 0;
  outcomes: readonly StepOutcome[] = [];
  stepStarts: readonly number[] = [];
  focus: number | null = null;
  processes: readonly ProcessInfo[] = [];
  decoded: Decoded | null = null;
  labels: readonly ObjectLabel[] = [];
  busy = false;

  private closed = false;
  /** what the steps carry from one to the next, fresh at every reset */
  private state: unknown;
  /** the one context every step gets until the next reset */
  private ctx: StepContext;
  /** shmids this run's shmget calls created (cpid is this process) */
  private created = new Set<number>();
  /** every Segment this run's shmat calls returned */
  private segments: Segment[] = [];
  private resetHooks: Array<() => void | Promise<void>> = [];
  private listeners = new Set<() => void>();
  private queue: Promise<unknown> = Promise.resolve();
  /** where the entries of the step (reset, close) under way begin: see add() */
  private floor = 0;
  private readonly sys: Native;
  /** the running step's turn values (StepContext.turn) */
  private turn: StepContext['turn'] = NO_TURN;

  constructor(readonly lesson: Lesson, private readonly lang: () => Lang = () => 'en') {
    this.sys = tracedNative({ record: (entry) => this.add(entry), afterCall: (name, _args, result) => this.track(name, result) });
    this.state = lesson.state();
    this.ctx = this.context();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  runNext(values?: TurnValues): Promise<StepOutcome> {
    return this.exclusive(async () => {
      if (this.closed) throw new Error(`lesson '${this.lesson.id}' was closed; reset it to run it again`);
      const step = this.lesson.steps[this.done];
      if (!step) throw new Error(`lesson '${this.lesson.id}' has ${this.lesson.steps.length} steps and all have run`);
      const start = this.trace.length;
      this.stepStarts = [...this.stepStarts, start];
      let problems: string[];
      try {
        if (step.turn) {
          const own = defaultValues(step.turn);
          const used = values ?? own;
          this.turn = { values: used, custom: isCustom(step.turn, used), shown: describeValues(step.turn, used), own: step.turn.ownSaid ?? describeValues(step.turn, own) };
        } else this.turn = NO_TURN;
        problems = [...(await step.run(this.ctx, this.state))];
      } catch (err) {
        problems = [describeError(err)];
      }
      const live = liveResult({ entries: this.trace.slice(start), state: this.state });
      // every checkpoint is graded on what the kernel did in this step: most ask about the
      // lesson's own values, which run after the learner's; a step whose learner's result stays
      // (Turn.yoursStay) runs only theirs, and its question fits any values (validate.ts)
      const graded = gradeCheckpoint(this.lesson, step.id, live);
      if (graded.problem) problems.push(graded.problem);
      const said = runNotice(step, live);
      if (said.problem) problems.push(said.problem);
      // a problem may quote outside text (a peer's last line, a compiler's message)
      const outcome: StepOutcome = { step, ok: problems.length === 0, problems: problems.map((p) => sanitize(p)), checkpoint: graded.checkpoint, notice: said.notice };
      this.outcomes = [...this.outcomes, outcome];
      this.done += 1;
      return outcome;
    });
  }

  reset(): Promise<void> {
    return this.exclusive(async () => {
      await this.removeAll();
      this.trace = [];
      this.floor = 0;
      this.done = 0;
      this.outcomes = [];
      this.stepStarts = [];
      this.state = this.lesson.state();
      this.ctx = this.context();
      this.focus = null;
      this.processes = [];
      this.decoded = null;
      this.labels = [];
      this.closed = false;
    });
  }

  close(): Promise<void> {
    return this.exclusive(async () => {
      await this.removeAll();
      this.focus = null;
      this.closed = true;
    });
  }

  /** One thing at a time: a step, a reset or a close never overlap. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      this.busy = true;
      this.floor = this.trace.length;
      this.emit();
      try {
        return await work();
      } finally {
        this.busy = false;
        this.floor = this.trace.length;
        this.emit();
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Entries of several processes come over separate pipes, not in the order they
   *  happened: each goes where its time puts it among the entries since `floor`. What
   *  came before (earlier steps, already shown and printed by `run`) is never reordered. */
  private add(entry: TraceEntry): void {
    // a process the trace shows under its own pid that the lesson did not list is a throw-away
    // child (shmat 6's and shmdt 3's crashInChild, shmctl's attemptAs), whose lines come once it
    // ended: one of the lesson's processes too, ended (a command's output is not one)
    if (entry.type !== 'output' && entry.pid !== native.getpid() && !this.processes.some((p) => p.pid === entry.pid)) {
      this.listProcesses([...this.processes, { pid: entry.pid, role: THROWAWAY_CHILD, attached: false, alive: false }]);
    }
    let i = this.trace.length;
    while (i > this.floor && this.trace[i - 1].at > entry.at) i--;
    this.trace = [...this.trace.slice(0, i), entry, ...this.trace.slice(i)];
    this.emit();
  }

  /** The lesson's processes (what the tab bar and the Kernel pane name), one rule in every
   *  lesson: once the lesson lists one or a step started one, its own process first (by the role the lesson gave
   *  it, else "lesson"), running, then those the lesson lists, then every one it listed before
   *  or that died in a step (a throw-away child), ended: the counts say every process the
   *  steps started and ended. A process listed before and listed no more (msg's second reader
   *  in the first one's place, race's workers of the next round, shmat's C program after its
   *  last step's empty list) ended; never the lesson's own, which runs on (nc191, issue 16:
   *  shmat's end said "inherit (C) pid … (ended)" first). */
  private listProcesses(list: readonly ProcessInfo[]): void {
    const me = native.getpid();
    const attached = this.segments.some((s) => s.attached);
    const mine = list.find((p) => p.pid === me) ?? { pid: me, role: this.processes.find((p) => p.pid === me)?.role ?? LESSON_PROCESS, attached, alive: true };
    const others = list.filter((p) => p.pid !== me);
    const dropped = this.processes.filter((p) => p.pid !== me && !others.some((q) => q.pid === p.pid)).map((p) => ({ ...p, attached: false, alive: false }));
    // none before the lesson lists one (its own alone, race's step 1: nc81) or a step starts one
    this.processes = list.length + dropped.length === 0 ? [] : [{ ...mine, alive: true }, ...others, ...dropped];
    this.emit();
  }

  /** Remembers what the lesson made, so reset and close can remove exactly that. */
  private track(name: string, result: unknown): void {
    if (name === 'shmget') {
      const call = result as CallRecord;
      if (typeof call.ret !== 'number' || call.ret < 0 || this.created.has(call.ret)) return;
      // shmget also opens existing segments; only one this process created is ours to remove
      const { ds } = native.shmctlStat(call.ret);
      if (ds && ds.cpid === native.getpid()) this.created.add(call.ret);
    } else if (name === 'shmat') {
      const { segment } = result as { segment: Segment | null };
      if (segment) this.segments.push(segment);
    }
  }

  private async removeAll(): Promise<void> {
    for (const segment of this.segments) if (segment.attached) this.sys.shmdt(segment);
    this.segments = [];
    const me = native.getpid();
    const live = native.readSegments();
    for (const shmid of this.created) {
      // after a detach a segment marked for removal is already gone; ipcrm may have removed it too
      if (live.some((s) => s.shmid === shmid && (s.ours || s.cpid === me) && !s.status.includes('dest'))) this.sys.shmctlRmid(shmid);
    }
    this.created.clear();
    const hooks = this.resetHooks.reverse();
    this.resetHooks = [];
    for (const hook of hooks) {
      try {
        await hook();
      } catch (err) {
        const why = describeError(err);
        this.add({ type: 'event', pid: me, text: { en: `cleaning up failed: ${why}`, zh: `清理时出错：${why}` }, at: now() });
      }
    }
  }

  private context(): StepContext {
    const turnNow = () => this.turn;
    return {
      get turn() {
        return turnNow();
      },
      lang: () => this.lang(),
      sys: this.sys,
      trace: (entry) => this.add(entry),
      focus: (shmid) => {
        this.focus = shmid;
        this.emit();
      },
      setProcesses: (list) => {
        // the lesson's own process makes calls in the trace: a table of its processes names it
        // too, whether or not the lesson listed it (parent-child lists it as the parent)
        this.listProcesses(list);
      },
      label: (kind, id, label) => {
        this.labels = [...this.labels.filter((l) => l.kind !== kind || l.id !== id), { kind, id, label }];
        this.emit();
      },
      setDecoded: (decoded) => {
        this.decoded = decoded;
        this.emit();
      },
      exec: async (command, args) => {
        const result = await execCommand(command, args);
        const pid = result.pid ?? native.getpid();
        this.add({ type: 'output', pid, command: commandLine(command, args), text: result.text, exitCode: result.exitCode, at: now() });
        if (result.notInstalled) {
          this.add({
            type: 'event',
            pid,
            text: {
              en: `\`${command}\` is not installed on this machine, so it could not run.`,
              zh: `这台机器上没有安装 \`${command}\`，所以无法运行它。`,
            },
            at: now(),
          });
        }
        return { text: result.text, exitCode: result.exitCode };
      },
      onReset: (fn) => {
        // also on ipclab's way out (Ctrl-C, SIGTERM), where no reset runs
        const remove = native.addCleanup(fn);
        this.resetHooks.push(() => {
          remove();
          return fn();
        });
      },
    };
  }
}

/** Starts a lesson: nothing runs until runNext(). `lang`: the language the learner reads
 *  when a step runs (StepContext.lang), English unless told. */
export function startLesson(lesson: Lesson, lang?: () => Lang): LessonRun {
  return new Run(lesson, lang);
}
