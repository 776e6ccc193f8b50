// Lessons are data: text in both languages, the diagram they show, the C files of
// what they do, and steps whose actions call the native layer and share a state the
// lesson types. src/lessons/index.ts lists them; the engine (src/lessons/engine.ts)
// runs them; the validator (src/lessons/validate.ts) and `ipclab check` check them.
import type { Lang } from '../lang.js';
import type { CallRecord, SegmentRecord, ChildDeath } from '../native/types.js';
import type { Turn, TurnValues } from './turn/fields.js';

export type Text = Record<Lang, string>;

/** What the trace shows, in time order. `call` entries are the native layer's CallRecord. */
export type TraceEntry =
  | CallRecord
  /** output of a real command the lesson ran (ipcs, ipcrm), or 'not installed' */
  | { type: 'output'; pid: number; command: string; text: string; exitCode: number | null; at: number }
  /** something that happened that is not a call: a signal arrived, a child started or died;
   *  `turn`: it explains the result of the learner's own values (the lesson pane shows it
   *  too), and holds those values as the step's trace heading names them; `pane`: the lesson
   *  pane shows it under the step too (a later step setting the lesson's own values back) */
  | { type: 'event'; pid: number; text: Text; at: number; turn?: Text; pane?: true; own?: true }
  /** an ipclab guard refused an access (out of range, read-only, detached); `text` is the
   *  guard's own message, `reason` the same in both languages when the lesson gives it */
  | { type: 'refused'; pid: number; text: string; reason?: Text; at: number }
  /** a throw-away child's fate */
  | { type: 'death'; pid: number; what: string; death: ChildDeath; at: number }
  /** a figure the lesson measured (race: updates lost of `of`, in `ms`); `text` says it in words.
   *  `run --json` prints it as PROTOCOL.md's measure line */
  | { type: 'measure'; pid: number; what: 'lost updates'; lock: 'none' | 'semaphore' | 'atomic'; value: number; of: number; ms: number; text: Text; at: number };

/** A process the lesson shows (parent-child, serv-clnt): pid, role, attached or not. */
export interface ProcessInfo {
  pid: number;
  role: Text;
  attached: boolean;
  alive: boolean;
}

/** A short name a lesson gives one of its objects ("down", "counter"), shown beside its
 *  row in the Kernel pane where a lesson has two or more objects and the learner must
 *  tell them apart. */
export interface ObjectLabel {
  kind: 'shm' | 'msg' | 'sem';
  id: number;
  label: Text;
}

/** A structure decoded from a segment's bytes, for the state panel: serv-clnt's
 *  struct ipclab_rv, read by one of its processes right after it changed it. */
export interface Decoded {
  /** 'struct ipclab_rv' */
  title: string;
  shmid: number;
  /** the process that read these values (they change under the peers) */
  pid: number;
  fields: { name: string; offset: number; value: string }[];
  /** what a field is for, when its name does not say (race's `started`), under the fields */
  note?: Text;
}

export interface Step<S = unknown> {
  id: string;
  /** one short line for the step list */
  title: Text;
  /** a shorter title, for the step list when the whole one does not fit it (the heading of
   *  the step's text always shows the whole): for a title longer than about 40 columns */
  short?: Text;
  /** what to tell the learner before the step runs */
  say: Text;
  /** what the learner should notice once it has run */
  notice: Text;
  /** the notice for this run, where what the run found decides what to say (how many updates
   *  race lost, how many messages msgrcv took): read from the step as it just ran, like a
   *  checkpoint's explanation; undefined keeps `notice`, which stays the text that holds
   *  whatever the run finds (the validator and the glossary read it) */
  noticeBy?(live: LiveResult<S>): Text | undefined;
  /** how ipclab does this where it differs from C (a Node process, koffi): shown
   *  after the notice and the verdict on the step's question, dimmed, under its own
   *  label, so the main text stays about C */
  aside?: Text;
  /** the diagram (assets/diagrams/<name>.mmd) and the node/edge/subgraph ids it lights */
  diagram: string;
  highlight: string[];
  /** `%% hide`n parts an earlier step's path passes whose label this step's question asks
   *  about: drawn "?" until this step has run (src/lessons/lit.ts unrevealed); never a
   *  decision, which on a lit path reads as a broken drawing (`ipclab check`) */
  reveals?: string[];
  /** where the step is in the lesson's C files: a string one of them holds (`'shmctl(id,
   *  IPC_STAT'`; `'inherit.c: fork()'` names the file where the lesson has several); the
   *  C pane opens there and marks the statement (src/lessons/code-anchor.ts). A step that
   *  makes several calls lists a string for each, in the file's order: the pane lights all of
   *  them and keeps the first in view. A step with no C of its own has none, and the pane
   *  stays where the step before it was. */
  code?: string | readonly string[];
  /** what the step lights when the result of its call varies (the learner's values, the
   *  machine): the paths for the results of the step's calls named `call`, all of them
   *  together (a your-turn run makes the learner's and the lesson's own), by errno name, 'ok'
   *  when it succeeded, 'failed' for an errno not named; a result not named lights
   *  `highlight`, and so does a step not yet run (src/lessons/lit.ts) */
  litBy?: LitBy;
  /** the trace lines the notice points at: after the run the Trace pane shows them, and as
   *  much of the step's part before them as fits (src/app/components/trace-view.ts `stepTop`);
   *  without it, the part's end. A notice that names the Trace declares it (the validator). */
  traceFocus?: readonly TraceMark[];
  /** trace lines that only repeat what earlier steps showed (serv-clnt 5-6: each side's setup and
   *  the exchange, as steps 1-4): in the Trace pane a run of two or more, of one process or several,
   *  none a focus line, is one dim line naming what they did, by process where several, `like`
   *  saying where they were shown whole (trace-view.ts `routineRuns`; issue 16: the steps took 46
   *  lines, their result far from their start) */
  traceRoutine?: { like: Text; lines: readonly TraceMark[] };
  /** the pane that holds this step's result, where the rules of src/lessons/result-pane.ts
   *  cannot tell it from the notice and what the step changed (issue 16: shmget 5's "rw-------"
   *  is only in the Trace though the notice names no pane); after the run that pane is shown */
  resultPane?: 'flow' | 'kernel' | 'trace';
  /** where the result needs two panes (the notice speaks of both), the one not shown and what it
   *  holds, in a few words: the status line says it beside the pane shown ("step 4's result:
   *  Kernel pane shown; Trace: the shmat and the stores"; issue 16 item 11: overview 4's shmat and
   *  stores were in the Trace alone while the Kernel pane was shown, and nothing said so) */
  alsoIn?: { pane: 'kernel' | 'trace'; shows: Text };
  /** "your turn": inputs the learner may set before the step runs (ctx.turn has them) */
  turn?: Turn;
  /** the action: makes the calls through ctx, keeps what later steps need in `state`,
   *  and returns problems (empty when it behaved as expected) */
  run(ctx: StepContext, state: S): Promise<string[]> | string[];
}

/** A trace line a step's notice points at (Step.traceFocus): text the line holds as the
 *  Trace draws it (a call, an errno, a command's output: the same in both languages), text
 *  per language (an event's words), or OUR_ROW. A line wrapped on several rows is one line. */
export type TraceMark = string | Text | typeof OUR_ROW;

/** The `ipcs` rows listing this lesson's objects (marked ● in the Trace). */
export const OUR_ROW = { ipcsRow: 'lesson' } as const;

/** A step's lit path by its call's result (Step.litBy). */
export interface LitBy {
  call: string;
  paths: Partial<Record<string, string[]>>;
  /** a name for the result when its errno alone does not decide the path (the arguments
   *  do: shmat's EINVAL from -1 or from SHM_REMAP without an address); undefined falls
   *  back to the errno */
  result?: (call: CallRecord) => string | undefined;
}

/** A file of examples/c/ a lesson declares. */
export interface CFile {
  /** path under examples/c/ */
  path: string;
  /** 'check': builds alone and runs alone, exiting 0 when the kernel behaved as the lesson
   *  shows (`make check` and the C-example test run it); 'program': builds alone but runs
   *  with a peer or arguments (the two-process tests run it); 'header': included, not built */
  kind: 'check' | 'program' | 'header';
  /** a header's functions that the lesson's other files call, each given its one-line purpose
   *  in the header's opening comment ("say(): ..."), which the C pane shows once: a call of one
   *  needs no comment of its own (`ipclab check`, validate.ts documentedHelperProblems) */
  helpers?: readonly string[];
}

/** A choice of a checkpoint or a check question, in words: never a bare number ("nattch 2",
 *  not "2", which reads as the option's own number "[2]"; `ipclab check` says so). `value`:
 *  what the kernel reports for it, when the answer is a number or a field (nattch, perms)
 *  rather than an errno (checkpoint-kit `counts`, `choiceOf`). */
export interface Choice extends Text {
  value?: number | string;
  /** why this choice is not the answer, in one short sentence: shown only to a learner who
   *  picked it and was wrong ("Why not: …"). For a checkpoint, whose answer is the run's,
   *  it says when the choice WOULD be the answer; a check question's answer has none.
   *  Optional for the type; `ipclab check` requires it (validate.ts checkWhyNots). */
  whyNot?: Text;
}

/** What a checkpoint reads its answer from: the step as it just ran on this kernel. */
export interface LiveResult<S = unknown> {
  /** the calls the step made, in order (the trace's call entries) */
  calls: readonly CallRecord[];
  /** everything the step added to the trace (events, deaths, output) */
  entries: readonly TraceEntry[];
  /** the kernel's segments right after the step (/proc/sysvipc/shm) */
  segments: readonly SegmentRecord[];
  /** the lesson's state after the step */
  state: S;
  /** this process */
  pid: number;
}

/** Predict, then run (docs/ARCHITECTURE.md "Checkpoints and checks"): asked before its
 *  step runs, graded by what the kernel did, never by a constant. */
export interface Checkpoint<S = unknown> {
  question: Text;
  choices: Choice[];
  /** index into `choices` of what the kernel did in this run */
  answer(live: LiveResult<S>): number;
  /** shown after a first wrong answer: where to look */
  hint: Text;
  /** why the kernel answered so, with this run's values */
  explain(live: LiveResult<S>): Text;
  /** who answers: the kernel (a call's result, a row it lists; the default) or the run
   *  itself, from what the lesson's processes counted in user space (race's lost updates):
   *  the grading line then says "This run gave", not "The kernel said" */
  answeredBy?: 'kernel' | 'run';
}

/** A question of the end-of-lesson check: about what the lesson showed. */
export interface CheckQuestion {
  question: Text;
  choices: Choice[];
  /** index into `choices` */
  answer: number;
  explain: Text;
}

/** A lesson whose steps share a state of type S (see defineLesson). */
export interface Lesson<S = unknown> {
  id: string;
  title: Text;
  /** a shorter title, for the title bar when the whole one does not fit it (the menu
   *  always shows the whole): for a title longer than about 40 columns. The start of the
   *  title, cut where it still reads (checked), shown with "…" so the lesson is known as
   *  the same one in the menu */
  short?: Text;
  /** shown before the first step */
  intro: Text;
  /** how ipclab does the lesson where it differs from C: shown after the intro,
   *  dimmed, under its own label */
  aside?: Text;
  /** shown after the last step, before the C code */
  outro: Text;
  /** diagrams the lesson shows, in order */
  diagrams: string[];
  /** what the learner does live, one line of Markdown: the lesson's row in the README */
  summary: string;
  /** the files of examples/c/ the lesson shows, the main program first */
  code: CFile[];
  /** path under examples/c/ of the main program, the one shown after the lesson: code[0].path */
  cFile: string;
  /** a fresh state, at the start of the lesson and at every reset */
  state(): S;
  steps: Step<S>[];
  /** predict-then-run questions, by the id of the step that answers them */
  checkpoints?: Partial<Record<string, Checkpoint<S>>>;
  /** the end-of-lesson check: three questions */
  check?: CheckQuestion[];
  /** the names of the users a step may give an object (IPC_SET) besides the learner: the Kernel
   *  pane's owner column is as wide as they are from the first step, so it holds still at that step */
  owners?(): readonly string[];
}

/** What a step's action gets, the same object for every step until the lesson is reset.
 *  Every call it makes goes into the trace through here. */
export interface StepContext {
  /** the language the learner reads as the step runs: what a lesson sends as data (serv-clnt's
   *  messages) is chosen in it, so a Chinese run shows no English words and an English run no
   *  Chinese; absent in a context made by hand (English then) */
  lang?(): Lang;
  /** the native layer with every call traced (same functions as src/native/index.ts) */
  sys: typeof import('../native/index.js');
  /** add an entry that is not a native call (output, event, refused, death) */
  trace(entry: TraceEntry): void;
  /** the segment the state panel details (IPC_STAT, dump); null for none */
  focus(shmid: number | null): void;
  /** processes to show beside the state (lessons with children) */
  setProcesses(list: ProcessInfo[]): void;
  /** names an object the lesson made (ObjectLabel); the Kernel pane shows it beside the row */
  label(kind: ObjectLabel['kind'], id: number, label: Text): void;
  /** the decoded structure the state panel shows beside the dump (optional: serv-clnt); null clears it */
  setDecoded?(decoded: Decoded | null): void;
  /** run a real command (ipcs, ipcrm); resolves with its output, or exitCode null when it is not installed */
  exec(command: string, args: string[]): Promise<{ text: string; exitCode: number | null }>;
  /** things to remove when the lesson is reset or ends (beyond what the native registry tracks) */
  onReset(fn: () => void | Promise<void>): void;
  /** the values of the running step's turn (its defaults unless the learner set others),
   *  whether they differ from the lesson's own, and both as phrases (describeValues: "size
   *  100, shmflg 0600"); empty for a step without a turn */
  readonly turn: { values: TurnValues; custom: boolean; shown: Text; own: Text };
}

export interface StepOutcome {
  step: Step;
  ok: boolean;
  problems: string[];
  /** the step's checkpoint graded by this run: the choice the kernel's result means, and why */
  checkpoint?: { answer: number; explanation: Text };
  /** what Step.noticeBy made of this run, shown in place of the step's notice */
  notice?: Text;
}

/** The engine running one lesson, as the store and `run` see it. */
export interface LessonRun {
  readonly lesson: Lesson;
  /** how many steps have run */
  readonly done: number;
  readonly trace: readonly TraceEntry[];
  readonly focus: number | null;
  readonly processes: readonly ProcessInfo[];
  /** the names the lesson gave its objects (optional: engines that predate it leave it undefined) */
  readonly labels?: readonly ObjectLabel[];
  /** what the last setDecoded gave (optional: engines that predate it leave it undefined) */
  readonly decoded?: Decoded | null;
  /** the outcome of every step run so far, in order (length == done) */
  readonly outcomes: readonly StepOutcome[];
  /** true while a step, a reset or a close is in progress */
  readonly busy: boolean;
  /** index in `trace` where each step's entries begin: one per step run or running */
  readonly stepStarts: readonly number[];
  /** runs step `done`, with the learner's values for its turn (its defaults when none
   *  are given); rejects only on a bug, never on a failing call */
  runNext(values?: TurnValues): Promise<StepOutcome>;
  /** removes everything the lesson made and starts it over */
  reset(): Promise<void>;
  /** removes everything the lesson made (its calls go into the trace) and keeps the
   *  trace for reading; call it when the lesson ends or the learner leaves it */
  close(): Promise<void>;
  /** called on every change (a step ran, a signal arrived, a child died) */
  subscribe(listener: () => void): () => void;
}

export type { SegmentRecord };
