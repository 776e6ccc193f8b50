// Running a lesson: opening it, its steps in order, reset and quit. Every action that
// touches the lesson runs after the previous one finished (one chain); the store
// copies what the run reports, once per turn of the event loop.
import type { StateCreator } from 'zustand/vanilla';
import { type TurnValues } from '../../lessons/turn/fields.js';
import type { LessonRun } from '../../lessons/types.js';
import { drawPending } from '../frame-throttle.js';
import { revealUnits } from '../reveal.js';
import type { Strings } from '../strings.js';
import type { AppState } from '../store.js';
import type { AppDeps } from './deps.js';
import { keyFor } from '../keymap.js';
import { ASK_RESET, type Ask } from './ask.js';
import { AT_QUESTION, SCROLL_HOME } from './panes.js';
import { shownFocus } from './kernel.js';
import { CHECK_READ_MS, NO_CHOICES } from './quiz.js';
import { changesFrom, NO_RUN, type RunCopy } from './run-copy.js';
import { kernelChange, NO_CHANGE, resultPane, type ResultPane, type ResultWhy } from '../../lessons/result-pane.js';

/** A status message as a function of the UI strings, so a language switch translates it, and of
 *  what Space does as the key bar says it when the message is drawn (keymap.ts runLabel; '' where
 *  the bar names no Space), so a message that names Space says what it really does next. */
export type Status = (s: Strings, space: string) => string;
/** 'opening': the first lesson opening at start, no step to run again (its run set up, the
 *  kernel read): the screen is the ready one, a Space pressed meanwhile runs step 1 once it is open */
export type Busy = 'running' | 'opening' | 'resetting' | 'quitting' | null;

/** What runs while keys come that it does not use: step N (1-based), a lesson opening (null), r's reset. */
export type Running = number | null | 'reset';

/** How many of ipclab's objects of each kind the kernel holds. */
export interface Held {
  segments: number;
  queues: number;
  sets: number;
}

/** What quitting removed, and what it could not (the line printed once the screen is given back). */
export interface QuitReport {
  removed: Held;
  left: Held;
}

export interface RunSlice extends RunCopy {
  busy: Busy;
  /** what the status line says, in the language shown when it is drawn */
  status: Status | null;
  /** the step (index) running now, from its start until its run is done and the kernel
   *  read again (the key bar says it runs; `done` counts it as soon as its calls are made) */
  runningStep: number | null;
  /** the step a re-run in review is running again (its text says so while the steps before it run) */
  rerunStep: number | null;
  /** when → or Enter at a lesson's end last opened the next lesson (Date.now()); 0: never */
  onwardAt: number;
  /** the key that asked before it acts, waiting for its second press (store/ask.ts): Space at a
   *  question with no answer picked, r, Enter on an erratum elsewhere or on "start over".
   *  Any other key forgets it (store.ts dispatch), Esc saying so */
  ask: Ask | null;
  /** set once cleanup after q / Ctrl-C is finished: the app unmounts */
  finished: boolean;
  /** set with `finished`: what the cleanup removed */
  quitReport: QuitReport | null;
  /** runs `work` after the previous action; does nothing (returns the chain) while one runs */
  enqueue(busy: Exclude<Busy, null>, work: () => Promise<void>): Promise<void>;
  /** closes `old`, starts lesson `index` and runs its first `replay` steps again (resuming;
   *  `jump`: an erratum's jump, which the learner did not see run) */
  openLesson(index: number, replay?: number, old?: LessonRun | null, jump?: boolean): Promise<void>;
  /** Space: the next step (or in presenter mode the next sentence of its text);
   *  Enter in a your-turn form: the next step with the learner's values (store/turn.ts) */
  runStep(values?: TurnValues): void;
  /** r: the lesson from its start, what it made removed; the first r only asks (ask) */
  resetLesson(): void;
  /** → or ← (`key`) while a step runs or a lesson opens, or before the lesson just opened was drawn:
   *  it moves nothing (issue 16: →→ at a lesson's end opened the next at its step 2, step 1 never
   *  drawn), said once the screen is there (the Spaces meanwhile too). True when it waits so. */
  moveWaits(key: string): boolean;
  /** A question's key, y or r (`key`: a digit, x, h, y, r) while a step runs: it acts on nothing, said once
   *  the step is over. A digit then answered the running step's question after Space (its verdict
   *  graded on it), or, a moment later, the next step's; y opened nothing and the value typed for its
   *  form answered the next question (issue 16: msg 3). True when a step runs. */
  keyWhileRunning(key: string): boolean;
  /** the Spaces pressed while a step ran (not used) or while the first lesson opened (kept for
   *  step 1) are forgotten (a question that asks before its step runs): how many were */
  forgetQueued(): number;
  /** Keys that came in one read of the terminal (use-keys.ts) begin: after a key among them
   *  that runs a step (or opens a lesson, resets one) the read's keys about the steps
   *  (keymap.ts STEP_ACTIONS) are not used: they were pressed before the learner saw what it
   *  shows (Space Space Space at an unanswered question: the third ran the next step unseen,
   *  or asked at its question; fix15a#2). The status line says how many once the step is over. */
  keysBegin(): void;
  /** the read's keys end */
  keysEnd(): void;
  /** whether the key handled now came in the read whose key started the work under way (a
   *  Tab typed with the Space, before the run showed): not one the learner chose while it ran */
  keyCameWithRun(): boolean;
  /** whether a key of the read shown now is one not used (keysBegin); counts it. `step`: a key
   *  about the steps (keymap.ts STEP_ACTIONS), the only ones not used after a key that ran a
   *  step; after a key that closed a your-turn form none of the read's keys is (formClosed) */
  keyDropped(step: boolean, space?: boolean): boolean;
  /** a key of this read changed what the shown step's screen holds without running it (brought
   *  its question or the rest of its text into view): as after a key that ran a step, the read's
   *  later keys about the steps are not used, as no frame showed what it brought before them
   *  (Space Space in one read at msg 3 brought the question, then ran the step unseen) */
  screenChanged(): void;
  /** whether a key of this read changed the screen since last asked (screenChanged): the read's
   *  later keys wait for its frame (use-keys.ts) */
  keysWait(): boolean;
  /** a key of this read closed a your-turn form (Enter, Esc): the read's keys after it were
   *  being typed into the form, not meant for the lesson (`h` showed the hint, `3` answered the
   *  question: fix15a2#3); none of them is used, and the status line says how many */
  formClosed(): void;
  /** q, Ctrl-C: waits for a running step, removes what the lesson made, cleans up */
  quit(): Promise<void>;
}

/** The pane step `step` (index) of the lesson shown holds its result in, as the store has it
 *  right after that step ran (its `before` is the kernel before it): the notice shown for the
 *  run, the step's trace focus, what it changed in the Kernel pane (src/lessons/result-pane.ts). */
export function resultOf(state: AppState, step: number): { pane: ResultPane; why: ResultWhy } | null {
  const lesson = state.lessons[state.lessonIndex];
  const ran = lesson?.steps[step];
  if (!ran) return null;
  const b = state.before?.step === step ? state.before : null;
  const bytes = !!b?.after?.some((now) => {
    const was = b.pages?.find((p) => p.shmid === now.shmid && p.at === now.at);
    return !!was && now.bytes.some((x, i) => x !== was.bytes[i]);
  });
  const made = !!b?.made && b.made.shm.length + b.made.msg.length + b.made.sem.length > 0;
  const changed = b
    ? kernelChange(
        { segments: b.segments, queues: b.queues, semaphores: b.semaphores, focus: b.focus, stat: b.stat },
        { segments: state.segments, queues: state.queues, semaphores: state.semaphores, focus: shownFocus(state), stat: state.stat },
        b.between,
        bytes || made,
      )
    : NO_CHANGE;
  const decoded = state.decoded?.fields.map((f) => f.name) ?? [];
  return resultPane({ declared: ran.resultPane, notice: state.notices[step] ?? ran.notice, traceFocus: ran.traceFocus, changed, kernelWords: decoded });
}

/** A lesson opens on its first pane, the Flow of its first step, not on the pane the last
 *  lesson was left on (issue 16: a new lesson opened with the Trace of the old one in focus),
 *  and not zoomed (a lesson left zoomed opened the next with its introduction hidden: nc4); what
 *  names the old run goes, so it can be collected (tests/app/memory: resultCut kept shmctl's). */
export const LESSON_PANE = { tab: 'flow', tabBeforeCode: 'flow', result: null, zoomed: false, zoomedAt: { run: null, done: 0 }, resultCut: null } as const satisfies Partial<AppState>;

/** How long the lesson → or Enter opened at a lesson's end is on screen before → or ← moves
 *  from its step 1: as long as a question of the check before a key answers it (quiz.ts). */
const ONWARD_READ_MS = CHECK_READ_MS;

/** Whether the lesson → or Enter opened at a lesson's end came on screen too short a time ago
 *  for → or ← to move from its step 1 at `now` (moveWaits). */
export function onwardJustOpened(st: Pick<RunSlice, 'onwardAt'>, now = Date.now()): boolean {
  return now - st.onwardAt < ONWARD_READ_MS;
}

/** how long quit waits for a running step before cleaning up anyway */
const QUIT_WAIT_MS = 3000;

/** Keys act until quitting begins. */
/** While a step runs or the first lesson opens, Space runs nothing now (runStep): while the
 *  first lesson opens it is kept for step 1, shown; while a step runs it is not used (said after). */
function queuesSpace(busy: Busy): boolean {
  return busy === 'running' || busy === 'opening';
}

export function takesKeys(state: Pick<RunSlice, 'busy' | 'finished'>): boolean {
  return !state.finished && state.busy !== 'quitting';
}

export const runSlice =
  (deps: AppDeps): StateCreator<AppState, [], [], RunSlice> =>
  (set, get) => {
    let unsubscribeRun: (() => void) | null = null;
    let chain: Promise<void> = Promise.resolve();
    // Spaces pressed while the first lesson opened (its step 1 on screen): each runs the next
    // step once the opening has finished; a reset, a lesson change or quitting forgets them
    let spacesWaiting = 0;
    // a read of the terminal's keys is under way (keysBegin), and one of its keys started work
    // (a step, a lesson, a reset): the keys after it in the read are counted, not used
    let inRead = false;
    let readStarted = false;
    // a key of the read changed the screen without running anything (screenChanged)
    let readChanged = false;
    // a key of the read closed a your-turn form: every key after it in the read is not used
    let readClosedForm = false;
    let dropped = 0;
    // the keys not used came after a form closed (said as such), not after a run
    let droppedForm = false;
    // every key not used was a Space (said as "Space pressed twice")
    let droppedSpaces = true;
    // what is on screen once the keys not used are said: the step shown (1-based), null past the last
    const onScreen = (): number | null => {
      const { run, view } = get();
      return run && view < run.lesson.steps.length ? view + 1 : null;
    };
    const droppedSaid = (n: number): Status => {
      if (droppedForm) return (s) => s.keysAfterForm(n);
      const spaces = droppedSpaces;
      const shown = onScreen();
      return (s, space) => s.keysDropped(n, spaces, shown, space);
    };
    // Spaces pressed while a step ran (or a reset): not kept for after it (a Space never runs a step whose
    // screen the learner has not seen); said once the work is over: the step ran (null: a lesson
    // opened; 'reset': r's reset) and the one on screen now
    let spacesWhileRunning = 0;
    let ranStep: Running = null;
    // the work under way is r's reset (not a lesson opening from the menu or an erratum)
    let resetting = false;
    // other keys about the steps pressed meanwhile (keyWhileRunning: → ←, a digit, x, h, y), and
    // which: one key's name, or null for several
    let othersWhileRunning = 0;
    let otherKey: string | null = null;
    /** the step running now (1-based), null while a lesson opens (Enter or → left the last one's
     *  end, the menu, an erratum), 'reset' while r resets the lesson */
    const runningNow = (): Running => {
      if (get().busy === 'resetting' && resetting) return 'reset';
      const lesson = get().lessons[get().lessonIndex];
      return get().runningStep !== null ? get().runningStep! + 1 : get().done >= (lesson?.steps.length ?? 0) ? null : get().done + 1;
    };
    const countWhileRunning = (key: string) => {
      if (othersWhileRunning === 0) otherKey = key;
      else if (otherKey !== key) otherKey = null;
      othersWhileRunning++;
      if (spacesWhileRunning === 0) ranStep = runningNow();
    };
    /** what the keys pressed while a step ran (or a lesson opened) say once it is over */
    const keysWhileSaid = (): Status => {
      const n = spacesWhileRunning + othersWhileRunning;
      const key = othersWhileRunning === 0 ? 'Space' : spacesWhileRunning === 0 ? otherKey : null;
      const ran = ranStep;
      const shown = onScreen();
      spacesWhileRunning = othersWhileRunning = 0;
      return (s, space) => s.keysWhileRunning(n, key, ran, shown, space);
    };
    // the status naming the pane a run showed, or that the reset is done: a note, which what the
    // keys not used say replaces (issue 16 item 13: "r   " in one read, the reset's note hid that
    // the three Spaces were not used)
    let noteSaid: Status | null = null;
    const saysNothingElse = () => get().status === null || get().status === noteSaid;

    const snapshot = () => {
      const { run } = get();
      if (!run) return;
      const next = changesFrom(run, get());
      if (Object.keys(next).length > 0) set(next);
    };

    // A step reports every call it makes, one after the other in the same turn of the
    // event loop: the screen follows once per turn, not once per call.
    let runChangePending = false;
    const onRunChange = () => {
      if (runChangePending) return;
      runChangePending = true;
      setImmediate(() => {
        runChangePending = false;
        if (get().finished) return;
        snapshot();
        get().refreshKernel(true);
      });
    };

    /** after a step or a reset: what it left is shown, its frame written (a key's would
     *  wait for the end of this code: src/app/frame-throttle.ts), then saved and read */
    const settle = (after: Partial<AppState> | (() => Partial<AppState>)) => {
      snapshot();
      // the kernel read before the step is over (busy still: its removals are its own, not
      // vanished), so the frame that says the next step is the one that shows what it left
      get().refreshKernel(true);
      const then = typeof after === 'function' ? after() : after;
      set({ ...then, runningStep: null, ...(get().busy === 'running' ? { busy: null } : {}) });
      drawPending();
      get().saveProgress();
    };

    /** Runs the first `steps` steps of a fresh run again (resume, re-run); the first
     *  that misbehaves stops it: its number and problems, else null. */
    const rebuild = async (run: LessonRun, steps: number): Promise<{ step: number; why: string } | null> => {
      for (let i = 0; i < steps; i++) {
        // the last step replayed is marked in the Kernel pane as after any run ("changed by
        // step 5", "step 5 changed nothing"): an erratum's jump showed no mark at all
        if (i === steps - 1) get().markBefore(i);
        const outcome = await run.runNext();
        if (!outcome.ok) return { step: i + 1, why: outcome.problems.join('; ') };
      }
      return null;
    };

    /** ipclab's objects in the kernel, as the kernel pane counts them */
    const held = (): Held => ({
      segments: deps.kernel.segments().filter((x) => x.ours || x.cpid === process.pid).length,
      queues: deps.kernel.queues().length,
      sets: deps.kernel.semaphores().length,
    });

    const nextStep = async (values?: TurnValues) => {
      const { run, present, revealed, lessons, lessonIndex, view } = get();
      if (!run) return;
      const lesson = lessons[lessonIndex];
      if (view < run.done) {
        await rerun(run, view);
        return;
      }
      if (run.done >= lesson.steps.length) {
        if (lessonIndex + 1 < lessons.length) {
          set({ status: null });
          await get().openLesson(lessonIndex + 1);
          set({ onwardAt: Date.now() });
        } else set({ status: null, overlay: 'end' });
        return;
      }
      const step = lesson.steps[run.done];
      if (!values && present && revealed + 1 < revealUnits(step.say[get().lang]).length) {
        set({ view: run.done, revealed: revealed + 1 });
        return;
      }
      // (a key's dispatch has usually cleared the status already: no update for nothing)
      if (get().view !== run.done || get().status !== null) set({ view: run.done, status: null });
      await runOne(run, values);
    };

    /** In review (after ←), Space runs the step shown again: what it depends on is
     *  rebuilt first (the lesson reset, the steps before it replayed, as resume does). */
    const rerun = async (run: LessonRun, index: number) => {
      const rerunning: Status = (s) => s.rerunning(index + 1);
      set({ status: rerunning, rerunStep: index });
      await run.reset();
      get().markBefore(null);
      const failed = await rebuild(run, index);
      if (failed) {
        settle({ view: run.done, revealed: 0, rerunStep: null, status: (s) => s.rerunFailed(index + 1, failed.step, failed.why) });
        return;
      }
      // a question never answered (skipped, or not asked on an erratum's jump there): the
      // re-run stops before the step, its question open, as when it was first asked (fix13q#1)
      const lesson = run.lesson;
      const id = lesson.steps[index].id;
      const kept = get().answers[lesson.id]?.checkpoints[id];
      if (get().quiz && lesson.checkpoints?.[id] && kept !== 'right' && kept !== 'wrong') {
        settle({ view: index, revealed: 0, rerunStep: null, scroll: { ...get().scroll, lesson: AT_QUESTION }, status: (s) => s.rerunAsks(index + 1) });
        return;
      }
      set({ rerunStep: null });
      await runOne(run);
      if (get().status === rerunning) set({ status: (s) => s.rerun(index + 1) });
    };

    /** The next step of `run`; a lesson that ends removes what it made. */
    const runOne = async (run: LessonRun, values?: TurnValues) => {
      const lesson = run.lesson;
      set({ runningStep: run.done });
      get().markBefore(run.done);
      await run.runNext(values);
      // the checkpoint graded before the lesson closes: its answer is the step's, read live
      snapshot();
      // every checkpoint is graded, a step run with the learner's values too (engine.ts)
      get().gradeStep(run.done - 1);
      const finished = run.done >= lesson.steps.length;
      // a lesson that ended removes what it made; its trace stays to be read
      if (finished) await run.close();
      // a lesson with a step that failed is not done: the menu's ✓ waits for a clean run
      const clean = Object.keys(get().problems).length === 0;
      const completed = finished && clean && !get().completed.includes(lesson.id) ? [...get().completed, lesson.id] : get().completed;
      // the C pane follows the step's line again, after a run in review too (its lit line is
      // the same step's then: the learner's scroll of it is forgotten here, not by its anchor)
      // (set before the result's pane is shown, which reads it; only when the C code was
      // followed: a set that changes nothing still wakes every subscriber)
      const { code: scrolled, ...followed } = get().followed;
      if (scrolled) set({ followed });
      const step = run.done - 1;
      // the pane that holds the step's result shown, as the kernel is read once the step is over
      settle(() => ({ view: run.done, revealed: 0, completed, scroll: { ...get().scroll, lesson: AT_QUESTION }, ...showResultPane(step) }));
    };

    /** The pane step `step`'s result is in (src/lessons/result-pane.ts), shown and in focus
     *  (panes.ts showResult) whichever pane was shown before the run, said on the status line as
     *  it happens, in both languages ("step 5's result: Trace pane shown", and what the other pane
     *  holds where the result needs two: Step.alsoIn; issue 16: parent-child
     *  5's focus went from the Kernel to the Trace unsaid). A status of the run's own (a re-run)
     *  keeps the line; the zoom's note has it while zoomed (the notice waits in the lesson). */
    const showResultPane = (step: number): Partial<AppState> => {
      const result = resultOf(get(), step);
      if (!result) return { result: null };
      const shown = get().showResult(result.pane);
      const moved = shown === 'moved';
      // a result that needs two panes says what the other holds, the pane moved or not (Step.alsoIn);
      // one in a pane other than the learner chose while the step ran says where it is
      const also = get().lessons[get().lessonIndex]?.steps[step]?.alsoIn;
      const said = (shown !== 'there' || !!also) && get().status === null && !get().zoomed;
      if (said)
        noteSaid = (s) =>
          shown === 'chosen' ? s.resultElsewhere(step + 1, s[result.pane]) : also ? s.resultAlso(step + 1, s[result.pane], s[also.pane], also.shows) : s.resultShown(step + 1, s[result.pane]);
      return { result: { step, ...result, moved }, ...(said ? { status: noteSaid } : {}) };
    };

    return {
      ...NO_RUN,
      busy: null,
      status: null,
      runningStep: null,
      rerunStep: null,
      onwardAt: 0,
      ask: null,
      finished: false,
      quitReport: null,

      enqueue(busy, work) {
        if (get().busy !== null) return chain;
        if (!queuesSpace(busy)) spacesWaiting = spacesWhileRunning = othersWhileRunning = 0;
        if (inRead) readStarted = true;
        set({ busy });
        chain = chain
          .then(work)
          .catch((err: unknown) => set({ status: (s) => s.stepFailed(err instanceof Error ? err.message : String(err)) }))
          .finally(() => {
            // (a step that threw never settled)
            if (get().runningStep !== null) set({ runningStep: null });
            if (get().busy === busy) set({ busy: null });
            // the keys not used are said once what they came before is shown (a status of the
            // step's own, a failure, says more: it stays)
            if (dropped > 0 && !inRead) {
              const n = dropped;
              dropped = 0;
              const said = droppedSaid(n);
              droppedForm = false;
              droppedSpaces = true;
              if (saysNothingElse() && takesKeys(get())) set({ status: said });
            }
            if (busy === 'resetting') resetting = false;
            // the Spaces pressed while the step ran (or the reset) ran nothing: said so, with what is on screen now
            if (spacesWhileRunning + othersWhileRunning > 0) {
              const said = keysWhileSaid();
              if (saysNothingElse() && takesKeys(get())) set({ status: said });
            }
            // a Space pressed while the first lesson opened runs step 1 (its screen was there): it asks
            // first at a question with no answer picked (runShown)
            if (busy === 'opening' && spacesWaiting > 0 && takesKeys(get())) {
              spacesWaiting--;
              get().runShown();
            }
          });
        return chain;
      },

      async openLesson(index, replay = 0, old = get().run, jump = false) {
        if (old) {
          unsubscribeRun?.();
          unsubscribeRun = null;
          await old.close();
        }
        const lesson = get().lessons[index];
        const run = deps.startLesson(lesson, () => get().lang);
        unsubscribeRun = run.subscribe(onRunChange);
        set({ ...NO_CHOICES, rerunStep: null, ask: null, lessonIndex: index, run, view: 0, revealed: 0, before: null, picked: null, scroll: SCROLL_HOME, followed: {}, code: null, ...LESSON_PANE });
        snapshot();
        if (replay > 0) {
          // resuming: run the steps already done again, so the kernel holds what they made
          const steps = Math.min(replay, lesson.steps.length);
          const resuming: Status = (s) => s.resuming(steps);
          set({ status: resuming });
          const failed = await rebuild(run, steps);
          if (failed) set({ status: (s) => s.resumeFailed(failed.step, failed.why) });
          if (run.done >= lesson.steps.length) await run.close();
          snapshot();
          // their questions were not asked: not counted (no gradeStep), said so in review
          set({ view: run.done, replayed: { steps: run.done, jump } });
          if (get().status === resuming) set({ status: (s) => s.resumed(lesson.id, run.done) });
        }
        get().saveProgress();
        get().refreshKernel(true);
      },

      runStep(values) {
        const { busy } = get();
        if (busy !== null) {
          // the learner's values are for the step shown, not one after it: a busy Enter runs nothing.
          // A Space while a step runs or the lesson resets is not kept: the step after it is not on
          // screen yet (said once it is; issue 16 item 13: Spaces during a reset went unsaid)
          if (!values && busy === 'opening') spacesWaiting++;
          else if (!values && busy !== 'quitting') {
            spacesWhileRunning++;
            ranStep = runningNow();
          }
          return;
        }
        void get().enqueue('running', () => nextStep(values));
      },

      moveWaits(key) {
        const { busy, resultShown, lessonIndex } = get();
        // the lesson pane has not drawn the lesson shown: a lesson just opened (a store with no pane draws nothing)
        const undrawn = resultShown !== null && resultShown.lesson !== lessonIndex;
        if (busy === null && !undrawn && !onwardJustOpened(get())) return false;
        if (busy === null) {
          // the lesson is open: said now
          set({ status: (s, space) => s.keysWhileRunning(1, key, null, onScreen(), space) });
          return true;
        }
        countWhileRunning(key);
        return true;
      },

      keyWhileRunning(key) {
        if (get().busy !== 'running' && get().busy !== 'resetting') return false;
        countWhileRunning(key);
        return true;
      },

      keysBegin() {
        inRead = true;
        readStarted = false;
        readClosedForm = false;
      },

      keysEnd() {
        inRead = false;
        readStarted = false;
        readClosedForm = false;
        // the work they came with may be over already (a step that could not start)
        if (dropped > 0 && get().busy === null) {
          const said = droppedSaid(dropped);
          dropped = 0;
          droppedForm = false;
          set({ status: said });
        }
      },

      keyCameWithRun() {
        return inRead && readStarted;
      },

      keyDropped(step, space = false) {
        if (!inRead || !(readClosedForm || (readStarted && step))) return false;
        if (readClosedForm) droppedForm = true;
        if (!space) droppedSpaces = false;
        dropped++;
        return true;
      },

      screenChanged() {
        if (inRead) readChanged = true;
      },

      keysWait() {
        const was = readChanged;
        readChanged = false;
        return was;
      },

      formClosed() {
        if (inRead) readClosedForm = true;
      },

      forgetQueued() {
        const forgotten = spacesWaiting + spacesWhileRunning;
        spacesWaiting = 0;
        spacesWhileRunning = 0;
        return forgotten;
      },

      resetLesson() {
        // nothing is reset while a step runs (enqueue would do nothing): nor is anything asked;
        // an r then is said once the step ends, as a Space then is
        if (get().keyWhileRunning(keyFor('reset', get().ascii)) || get().busy !== null) return;
        // it removes what the lesson made and asks its questions anew: the first r only asks
        if (get().ask?.kind !== 'reset') {
          set({ ask: ASK_RESET, status: (s) => s.resetAsk });
          return;
        }
        set({ ask: null });
        resetting = true;
        void get().enqueue('resetting', async () => {
          set({ status: (s) => s.resetting });
          const { run } = get();
          if (!run) return;
          await run.reset();
          noteSaid = (s) => s.resetDone;
          settle({ ...NO_CHOICES, view: 0, revealed: 0, before: null, picked: null, status: noteSaid });
        });
      },

      async quit() {
        if (!takesKeys(get())) return;
        const waiting = chain;
        // a step may be waiting on a helper that someone stopped: end the helpers first,
        // so that wait fails now and q never takes longer than QUIT_WAIT_MS
        const stepRunning = get().busy === 'running';
        spacesWaiting = spacesWhileRunning = othersWhileRunning = 0;
        if (stepRunning) deps.kernel.endHelpers();
        set({ busy: 'quitting', status: (s) => (stepRunning ? s.quittingHelpers : s.quitting), overlay: 'none' });
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([waiting, new Promise((resolve) => (timer = setTimeout(resolve, QUIT_WAIT_MS)))]);
        clearTimeout(timer);
        // what is there now, the running step's objects too, against what is left after
        const before = held();
        const { run } = get();
        if (run) {
          get().saveProgress();
          unsubscribeRun?.();
          try {
            await run.close();
          } catch {
            // cleanupNow below removes whatever the reset could not
          }
        }
        await get().closePlay();
        deps.kernel.cleanupNow();
        const left = held();
        const removed = { segments: Math.max(0, before.segments - left.segments), queues: Math.max(0, before.queues - left.queues), sets: Math.max(0, before.sets - left.sets) };
        set({ finished: true, quitReport: { removed, left } });
      },
    };
  };
