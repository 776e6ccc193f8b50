// Predict, then run (docs/ARCHITECTURE.md "Checkpoints and checks"): the learner's
// choices for the shown lesson's checkpoints and its end-of-lesson check, graded by the
// run's live answer (RunCopy.graded) and kept, by lesson, in `answers` (saved as progress).
// A step's checkpoint is asked before it runs; Space without a choice runs it and counts
// it skipped, so Space alone still goes through every lesson. After the run a wrong choice
// shows its hint, then the kernel's answer and why; there is no second try after the run
// (the notice and trace already tell), so a digit always answers the question on screen.
// Keys that arrive together (one read of the terminal, or keys that came before its frame)
// each count, but a digit or x among them answers only the question that was on screen
// when they came: one a key of the same read brought (Space at a result shown first, a
// digit that showed a hidden question, the check's answer bringing its next) is held, said
// on the status line, for the learner to press again (issue 16: "21" answered a question
// with its 1 before it was drawn).
import type { StateCreator } from 'zustand/vanilla';
import type { CheckVerdict, LessonAnswers, Verdict } from '../progress.js';
import type { AppState } from '../store.js';
import { keyFor } from '../keymap.js';
import type { HintWhyNot } from '../strings.js';
import { AT_QUESTION } from './panes.js';

/** The learner's choice for a step's checkpoint: a choice index, or 'skip' (x). */
export type Guess = number | 'skip';

export interface QuizChoices {
  /** before a step runs: the choice for its checkpoint, by step index */
  guesses: Record<number, Guess>;
  /** --present: the grading of these steps was revealed by the teacher (v) */
  revealedGrades: Record<number, true>;
  /** the end-of-lesson check: the choice for each question, -1 skipped */
  checkPicks: Record<number, number>;
  /** h: the checkpoints whose hint the learner asked for, by step index (a hint comes before the answer, on request) */
  hints: Record<number, true>;
  /** the checkpoints whose question Enter (or Space) brought into view after the result of
   *  the step before was shown first in its place (store/turn.ts questionBehind), by step index */
  opened: Record<number, true>;
  /** the same for the check's questions, by question index: brought into view after the verdict
   *  of the one before was shown first in their place */
  checkOpened: Record<number, true>;
  /** the first `steps` steps were run by a replay (a resume, or an erratum's jump: `jump`), their
   *  questions not asked: not counted, and shown "not asked" rather than skipped; after a jump the
   *  lesson's introduction is above the step it opened at (lesson-view.ts) */
  replayed: { steps: number; jump: boolean } | null;
  /** an erratum's jump back within the lesson: the choices made before it whose verdict is
   *  the one kept (`picks`, by step index: the verdict names it) */
  jumpedFrom: { picks: Record<number, number> } | null;
  /** the questions that were on screen as a read of the terminal began (readQuestion), by
   *  sightKey: drawn once, a zoom that hides them after does not make them new (issue 16: z then 1
   *  in one read, back from a zoom over check question 1, read for seconds before, held the 1) */
  sighted: Record<string, true>;
}

export const NO_CHOICES: QuizChoices = { guesses: {}, revealedGrades: {}, checkPicks: {}, hints: {}, opened: {}, checkOpened: {}, replayed: null, jumpedFrom: null, sighted: {} };

/** How long a question of the check is on screen before a digit or x answers it (fix14f#2:
 *  "1" pressed twice answered question 1 and also question 2, never seen, in two reads). A key
 *  sooner is not taken: the status line says so (keyHeld), and the next key answers it. */
export const CHECK_READ_MS = 500;

/** Whether the check's question `question` came on screen too short a time ago to be answered at `now`. */
export function checkJustShown(st: Pick<QuizSlice, 'checkShown'>, question: number, now = Date.now()): boolean {
  return st.checkShown !== null && st.checkShown.question === question && now - st.checkShown.at < CHECK_READ_MS;
}

export interface QuizSlice extends QuizChoices {
  /** checkpoints and checks asked at all (off with --no-quiz) */
  quiz: boolean;
  /** by lesson id: every checkpoint's verdict and check answer so far (progress.json) */
  answers: Record<string, LessonAnswers>;
  /** the check's question that came on screen as the one before it was answered, and when
   *  (Date.now()): a key within CHECK_READ_MS of it does not answer it (checkJustShown, keyHeld) */
  checkShown: { question: number; at: number } | null;
  /** what the lesson pane last drew of lesson `lesson` with `done` steps run and `checked` questions
   *  of the check answered: `pinned`, the result of the step just run (or the verdict of the check's
   *  question answered last) with the next question behind a key (store/turn.ts questionBehind);
   *  `rest`, at step `view`, where the text scrolls to bring the rest of the step Space runs next
   *  into view while part of it is below, else null (store/turn.ts spaceShowsRest) */
  resultShown: { lesson: number; done: number; view: number; checked: number; pinned: boolean; rest: number | null; asks?: boolean; cut?: boolean } | null;
  /** the lesson whose end (its closing words, the check done) the lesson pane drew whole, all in view:
   *  Space there opens the next lesson as the bar said, though a key that only shows another pane (c,
   *  whose C view takes rows from the closing words at 80x24: fix22a#5) leaves part of them below
   *  (issue 16 pass 6: c turned "Space next lesson" into "Space the rest"). LessonPane reads no rest then. */
  endSeen: number | null;
  /** the lesson pane tells what it drew (a layout effect, as App tells the store it draws tabs) */
  noteResultShown(shown: QuizSlice['resultShown']): void;
  /** Enter or Space while the question waits behind them (store/turn.ts questionBehind): it comes into view */
  openQuestion(): void;
  /** the keys of a read of the terminal begin with `seen` the question on screen (store/turn.ts
   *  questionInSight), or end (undefined): a digit or x of the read answers only that one */
  readQuestion(seen: QuizPlace | undefined): void;
  /** a digit key: 1 is the first choice */
  choose(digit: number): void;
  /** x: skip the question shown */
  skipQuestion(): void;
  /** h: the hint of the checkpoint shown */
  showHint(): void;
  /** v (--present): show the grading of the step just run */
  revealGrade(): void;
  /** after step `index` ran: its checkpoint's verdict goes into `answers` (`aside`, not
   *  graded, is no longer given by the lessons: every checkpoint is graded, engine.ts) */
  gradeStep(index: number, aside?: boolean): void;
}

/** What a digit or x acts on where the learner is. */
export type QuizPlace =
  | { kind: 'checkpoint'; step: number; choices: number }
  | { kind: 'check'; question: number; choices: number }
  | null;

/** How `sighted` names a question. */
function sightKey(place: NonNullable<QuizPlace>): string {
  return place.kind === 'check' ? `check ${place.question}` : `step ${place.step}`;
}

/** Whether two places are the same question. */
function sameQuestion(a: QuizPlace, b: QuizPlace): boolean {
  if (a === null || b === null) return a === b;
  return a.kind === 'checkpoint' && b.kind === 'checkpoint' ? a.step === b.step : a.kind === 'check' && b.kind === 'check' && a.question === b.question;
}

/** The question a digit answers now: the shown step's checkpoint before it runs, or the
 *  first open question of the check. */
export function quizPlace(st: AppState): QuizPlace {
  const lesson = st.lessons[st.lessonIndex];
  // an erratum's jump running the steps before its own: no question is open, none answered
  if (!st.quiz || !lesson || st.overlay !== 'none' || st.jumping) return null;
  const { view, done } = st;
  if (view === done && view < lesson.steps.length) {
    const checkpoint = lesson.checkpoints?.[lesson.steps[view].id];
    return checkpoint ? { kind: 'checkpoint', step: view, choices: checkpoint.choices.length } : null;
  }
  if (view >= lesson.steps.length && done >= lesson.steps.length) {
    const question = (lesson.check ?? []).findIndex((_, i) => st.checkPicks[i] === undefined);
    if (question >= 0) return { kind: 'check', question, choices: lesson.check![question].choices.length };
  }
  return null;
}

/** A replay (resume, an erratum's jump, a reset's rebuild) or a re-run never overwrites or
 *  drops an answer the learner gave: the first right or wrong stands, and a skip or a run
 *  not graded only fills a checkpoint never answered (a replay's skip does not turn "not
 *  graded" into "skipped"; docs/ARCHITECTURE.md "Checkpoints and checks"). */
export function keepsVerdict(before: Verdict | undefined, now: Verdict): boolean {
  const answer = (v: Verdict) => v === 'right' || v === 'wrong';
  return before !== undefined && (answer(before) || !answer(now));
}

/** The check's record keeps the best the learner did on each question, whichever run it came in:
 *  right over wrong, an answer over a skip (issue 16: after a reset the check is asked again, and
 *  x at each question turned the menu's "3/3" into "0/0 (3 skipped)", though r had said answers and
 *  score stay). */
const CHECK_RANK: Record<CheckVerdict, number> = { skipped: 0, wrong: 1, right: 2 };

export function keepsCheck(before: CheckVerdict | undefined, now: CheckVerdict): boolean {
  return before !== undefined && CHECK_RANK[before] >= CHECK_RANK[now];
}

export const quizSlice =
  (quiz: boolean): StateCreator<AppState, [], [], QuizSlice> =>
  (set, get) => {
    /** records one answer of the shown lesson and saves the progress */
    const record = (change: (a: LessonAnswers) => LessonAnswers) => {
      const id = get().lessons[get().lessonIndex].id;
      const now = get().answers[id] ?? { checkpoints: {}, check: {} };
      set({ answers: { ...get().answers, [id]: change(now) } });
      get().saveProgress();
    };
    /** the check's question `question` answered (or skipped) now: kept where it betters the record */
    const recordCheck = (question: number, verdict: CheckVerdict) => {
      const before = get().answers[get().lessons[get().lessonIndex].id]?.check[question];
      if (!keepsCheck(before, verdict)) record((a) => ({ ...a, check: { ...a.check, [question]: verdict } }));
    };
    /** what a key adds to the lesson text (a choice marked, a hint, a verdict) comes into
     *  view, wherever the learner scrolled (nc: h after PgUp showed only "↓ 3 more") */
    const inView = () => ({ scroll: { ...get().scroll, lesson: AT_QUESTION } });
    // the question on screen when the keys of the read under way came (readQuestion); undefined
    // outside a read (a call of the store's own), where a key answers the question as it is
    let seenAtRead: QuizPlace | undefined;
    /** a digit or x (`key`) that came before `place` was on screen: not taken, the status line says so */
    const held = (place: NonNullable<QuizPlace>, key: string): boolean => {
      // (not on screen as the read began, nor ever before: the key came before the question)
      const unseen = seenAtRead !== undefined && !sameQuestion(seenAtRead, place) && !get().sighted[sightKey(place)];
      const early = unseen || (place.kind === 'check' && checkJustShown(get(), place.question));
      if (early) set({ status: (s) => s.keyHeld(key, place.kind === 'check' ? { check: place.question + 1 } : { step: place.step + 1 }) });
      return early;
    };
    /** a digit or x that came while `place` was on screen, hidden since by a z of the same read
     *  (issue 16: "z1" at sem's check lost its 1): the zoom ends, and the key answers as it was meant */
    const seenBeforeZoom = (place: QuizPlace) => {
      if (place && get().zoomed && seenAtRead && sameQuestion(seenAtRead, place)) get().toggleZoom();
    };
    return {
      ...NO_CHOICES,
      quiz,
      answers: {},
      checkShown: null,
      resultShown: null,
      endSeen: null,

      noteResultShown(shown) {
        // zoomed, a lesson pane drawn (side by side, with no rows) shows nothing: the note of what
        // the learner saw is the one before z (store/turn.ts zoomHidesText; a form edited shows the lesson)
        if (get().zoomed && get().turnFocus === null) return;
        const steps = shown ? (get().lessons[shown.lesson]?.steps.length ?? 0) : 0;
        const end = !!shown && shown.view >= steps && shown.done >= steps;
        if (shown && end && shown.rest === null && quizPlace(get()) === null && get().endSeen !== shown.lesson) set({ endSeen: shown.lesson });
        else if (shown && shown.done < steps && get().endSeen === shown.lesson) set({ endSeen: null });
        const was = get().resultShown;
        if (was?.lesson !== shown?.lesson || was?.done !== shown?.done || was?.view !== shown?.view || was?.checked !== shown?.checked || was?.pinned !== shown?.pinned || was?.rest !== shown?.rest || !!was?.asks !== !!shown?.asks || !!was?.cut !== !!shown?.cut) set({ resultShown: shown });
      },

      openQuestion() {
        const place = quizPlace(get());
        // what it brings is not on screen before the next frame: the read's later step keys wait (store/run.ts screenChanged)
        if (place !== null) get().screenChanged();
        if (place?.kind === 'checkpoint') set({ opened: { ...get().opened, [place.step]: true }, ...inView() });
        // a check's question is on screen from now: the read time starts here (checkJustShown), unless
        // it was on screen before (a zoom hid it since): the time counts from when it was first drawn
        else if (place?.kind === 'check') {
          const shown = get().sighted[sightKey(place)] ? {} : { checkShown: { question: place.question, at: Date.now() } };
          set({ checkOpened: { ...get().checkOpened, [place.question]: true }, ...shown, ...inView() });
        }
      },

      readQuestion(seen) {
        seenAtRead = seen;
        if (seen && !get().sighted[sightKey(seen)]) set({ sighted: { ...get().sighted, [sightKey(seen)]: true } });
      },

      choose(digit) {
        // the answer keys do nothing while an erratum's jump runs steps (their status says so)
        // a key acts only on a question on screen: a hidden one is shown first (store/turn.ts showHiddenQuestion)
        if (get().jumping || get().keyWhileRunning(String(digit))) return;
        const place = quizPlace(get());
        seenBeforeZoom(place);
        // a hidden question is shown first; brought by a key that came with the answer to the one before, it is held too
        if (get().showHiddenQuestion('answer', String(digit))) return void (place && seenAtRead && held(place, String(digit)));
        const choice = digit - 1;
        // a digit that answers nothing says why (strings: chooseRange)
        if (!place) return set({ status: (s) => s.noQuestion(String(digit)) });
        if (choice < 0 || choice >= place.choices) return set({ status: (s) => s.chooseRange(String(digit), place.choices) });
        if (held(place, String(digit))) return;
        if (place.kind === 'checkpoint') set({ guesses: { ...get().guesses, [place.step]: choice }, ...inView() });
        else {
          // the next question comes into view, wherever the learner scrolled
          set({ checkPicks: { ...get().checkPicks, [place.question]: choice }, checkShown: { question: place.question + 1, at: Date.now() }, ...inView() });
          const right = get().lessons[get().lessonIndex].check![place.question].answer === choice;
          recordCheck(place.question, right ? 'right' : 'wrong');
        }
      },

      skipQuestion() {
        const key = keyFor('skip', get().ascii);
        if (get().jumping || get().keyWhileRunning(key)) return;
        const place = quizPlace(get());
        seenBeforeZoom(place);
        if (get().showHiddenQuestion('skip', key)) return void (place && seenAtRead && held(place, key));
        if (!place) return set({ status: (s) => s.noQuestion(key) });
        if (held(place, key)) return;
        if (place.kind === 'checkpoint') set({ guesses: { ...get().guesses, [place.step]: 'skip' }, ...inView() });
        else {
          set({ checkPicks: { ...get().checkPicks, [place.question]: -1 }, checkShown: { question: place.question + 1, at: Date.now() }, ...inView() });
          recordCheck(place.question, 'skipped');
        }
      },

      showHint() {
        if (get().jumping || get().keyWhileRunning(keyFor('hint', get().ascii))) return;
        const place = quizPlace(get());
        if (place?.kind === 'checkpoint') {
          if (!get().showHiddenQuestion('hint', keyFor('hint', get().ascii))) set({ hints: { ...get().hints, [place.step]: true }, ...inView() });
          return;
        }
        // no hint to show: the status line says why, rather than nothing happening
        const { view, done, quiz: asked, overlay, lessons, lessonIndex } = get();
        if (overlay !== 'none') return;
        const end = view >= (lessons[lessonIndex]?.steps.length ?? 0);
        const why: HintWhyNot = !asked ? 'off' : end ? 'end' : view > done ? 'later' : view < done ? 'ran' : 'none';
        set({ status: (s) => s.hintWhyNot(keyFor('hint', get().ascii), why, view + 1, done + 1) });
      },

      revealGrade() {
        const previous = get().done - 1;
        if (get().present && previous >= 0 && get().graded[previous] && !get().revealedGrades[previous]) set({ revealedGrades: { ...get().revealedGrades, [previous]: true }, ...inView() });
        else set({ status: (s) => s.noReveal(keyFor('reveal', get().ascii)) });
      },

      gradeStep(index, aside = false) {
        const graded = get().graded[index];
        const lesson = get().lessons[get().lessonIndex];
        const step = lesson.steps[index].id;
        if (!get().quiz || !(graded || (aside && lesson.checkpoints?.[step]))) return;
        const guess = get().guesses[index];
        const verdict: Verdict = !graded ? 'aside' : guess === undefined || guess === 'skip' ? 'skipped' : guess === graded.answer ? 'right' : 'wrong';
        const before = get().answers[get().lessons[get().lessonIndex].id]?.checkpoints[step];
        if (!keepsVerdict(before, verdict)) record((a) => ({ ...a, checkpoints: { ...a.checkpoints, [step]: verdict } }));
      },
    };
  };
