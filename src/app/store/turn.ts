// "Your turn": the form of the step Space runs next, when it has a turn. y focuses the
// form; while a field has focus every key is input (keymap scope 'turn'); Enter checks
// every field and runs the step with the values, or names the first wrong one and runs
// nothing; Esc puts the lesson's values back and leaves the form. Space (outside the
// form) runs the step with the values the summary shows: the lesson's own, or the learner's
// kept by a run that waited for the question's answer. One rule for both keys: a run with
// the learner's values waits for the question to be answered (a choice, a skip, or an
// earlier run's answer that stands). docs/ARCHITECTURE.md, "Your turn".
import type { StateCreator } from 'zustand/vanilla';
import { defaultTyped, INPUT_LIMIT, parseField, parseTurn, type Turn } from '../../lessons/turn/fields.js';
import type { Text } from '../../lessons/types.js';
import { keyFor } from '../keymap.js';
import { edit, type EditAction } from '../play/line-editor.js';
import { revealUnits } from '../reveal.js';
import { strings } from '../strings.js';
import type { AppState } from '../store.js';
import { ASK_RUN } from './ask.js';
import { AT_QUESTION } from './panes.js';
import { quizPlace, type QuizPlace } from './quiz.js';
import { onwardJustOpened, type Status } from './run.js';

export interface TurnSlice {
  /** what is typed in the form, and the step (lesson index, step index) it is for */
  turnTyped: { lesson: number; step: number; typed: Record<string, string> } | null;
  /** the field with focus; null when the form is not being edited */
  turnFocus: number | null;
  /** where the cursor is in the focused field: UTF-16 units before it (the line editor's); at
   *  the value's end when a field is reached. One rule for typing, on every field at every
   *  moment: it goes in at the cursor, as the form's key line says (issue 16: a field reached
   *  "as if selected" was replaced by the first key while the line said typing edits) */
  turnCursor: number;
  /** why Enter ran nothing: the first wrong field's message */
  turnError: Text | null;
  /** y: the first field of the shown step's form gets focus */
  turnEdit(): void;
  /** Tab, ↓ / Shift-Tab, ↑: the next or previous field, round the form */
  turnMove(by: 1 | -1): void;
  /** text typed into the focused field, at the cursor; a choice field takes no text (the
   *  status line says to pick with ← →): its value only changes with turnCycle */
  turnType(input: string): void;
  /** a line key in the focused field, as in a shell: Home, End, Backspace, Del, Ctrl-U/K/W; ← → (turnCycle) */
  turnLine(action: EditAction): void;
  /** ← / →: a choice field's previous or next value, round its choices; in another field, the cursor moves */
  turnCycle(by: 1 | -1): void;
  /** Enter: check the fields; run the step with them when all are right */
  turnRun(): void;
  /** Esc: the lesson's values back, the form left */
  turnCancel(): void;
  /** Space, Enter (`enter`): the step with the values the summary shows (the learner's when kept, as
   *  Enter runs them); at the lesson's end, all in view, Enter alone opens the next lesson (onward) */
  runShown(enter?: boolean): void;
  /** A question's key (a digit, x, h: `what`, pressed as `key`) while the question is hidden
   *  (questionHidden): the question comes into view, the zoom ends or Enter's part is done, and
   *  the status line says the key did only that. True when it did (the key acts no further). */
  showHiddenQuestion(what: 'answer' | 'skip' | 'hint' | 'run', key: string): boolean;
}

/** The turn of the step Space runs next, when it is shown: null otherwise. */
export function shownTurn(st: Pick<AppState, 'lessons' | 'lessonIndex' | 'view' | 'done' | 'overlay'>): Turn | null {
  if (st.overlay !== 'none' || st.view !== st.done) return null;
  return st.lessons[st.lessonIndex]?.steps[st.done]?.turn ?? null;
}

/** What the form of the shown turn holds: what was typed for this step, else the lesson's values. */
export function typedFor(st: Pick<AppState, 'lessonIndex' | 'done' | 'turnTyped'>, turn: Turn): Record<string, string> {
  const t = st.turnTyped;
  return t && t.lesson === st.lessonIndex && t.step === st.done ? t.typed : defaultTyped(turn);
}

/** What y says where no form is shown: a step that ran, r; in review, go to the step
 *  with the next form; else that step, or the lessons that have forms. */
function noFormStatus(st: AppState): Status {
  const steps = st.lessons[st.lessonIndex]?.steps ?? [];
  const edit = keyFor('turn', false);
  if (st.view < st.done && steps[st.view]?.turn) return (s) => s.turnRan(edit, st.view + 1, keyFor('reset', false));
  const next = steps.findIndex((step, i) => i >= st.done && step.turn);
  // looking back: the form ahead is reached by going on first
  if (st.view < st.done && next !== -1) return (s) => s.turnReview(edit, next + 1);
  // looking ahead: the form is on the next step to run (back to it), or opens once the steps before it ran
  if (st.view > st.done && next !== -1) return next === st.done ? (s) => s.turnAheadBack(edit, next + 1) : (s) => s.turnAhead(edit, st.view + 1, next + 1);
  // none left here: the lessons that have forms
  const where = st.lessons.filter((l) => l.steps.some((step) => step.turn)).map((l) => l.id);
  return (s) => s.turnNone(edit, next === -1 ? null : next + 1, where, steps.some((step) => step.turn));
}

/** The learner's values kept for the shown step outside the form (a run that waited for the
 *  question's answer keeps them): what the summary shows and Space runs. Null when the form is
 *  edited, or holds the lesson's own. */
export function keptTyped(st: Pick<AppState, 'lessons' | 'lessonIndex' | 'view' | 'done' | 'overlay' | 'turnTyped' | 'turnFocus'>): Record<string, string> | null {
  const turn = shownTurn(st);
  if (!turn || st.turnFocus !== null) return null;
  const typed = typedFor(st, turn);
  return turn.fields.some((f) => (typed[f.name] ?? f.default) !== f.default) ? typed : null;
}

/** Whether the shown step's question, if any, stands answered for a run with the learner's
 *  values: a choice or a skip now, or an earlier run's answer that stands (what the question's
 *  key line says Space keeps). */
function waitsForAnswer(st: AppState, turn: Turn): { choices: number } | null {
  const place = quizPlace(st);
  if (place?.kind !== 'checkpoint' || st.guesses[place.step] !== undefined) return null;
  const lesson = st.lessons[st.lessonIndex];
  const earlier = st.answers[lesson.id]?.checkpoints?.[lesson.steps[place.step].id];
  return earlier === 'right' || earlier === 'wrong' ? null : { choices: place.choices };
}

/** Whether Enter in the shown step's form would keep its values and close it, the step's
 *  question waiting for an answer (turnRun), rather than run them: what its key bars say Enter does. */
export function formWaitsForAnswer(st: AppState): boolean {
  const turn = shownTurn(st);
  return !!turn && waitsForAnswer(st, turn) !== null;
}

/** Whether Space would now run the shown step with its question open and no answer picked
 *  (no choice, no x, no earlier answer that stands), so that the question would count skipped:
 *  the first Space asks (runShown). Not while --present reveals the step's text sentence by sentence. */
export function unansweredRun(st: AppState): boolean {
  const place = quizPlace(st);
  if (place?.kind !== 'checkpoint' || st.guesses[place.step] !== undefined || st.busy !== null) return false;
  const lesson = st.lessons[st.lessonIndex];
  const step = lesson.steps[place.step];
  if (st.present && st.revealed + 1 < revealUnits(step.say[st.lang]).length) return false;
  const earlier = st.answers[lesson.id]?.checkpoints?.[step.id];
  return earlier !== 'right' && earlier !== 'wrong';
}

/** Whether the learner is at the lesson's end, past its last step and its check: what comes next is
 *  another lesson (or the closing screen). */
export function atLessonEnd(st: AppState): boolean {
  const steps = st.lessons[st.lessonIndex]?.steps.length ?? 0;
  return st.done >= steps && st.view >= steps && quizPlace(st) === null;
}

/** → or Enter at the lesson's end: the next lesson opens, whatever of the closing words is still
 *  below (Space brings those: one meaning per key at the end, each named by the bar, issue 16: Enter
 *  brought the last rows where the newcomer meant the next lesson). Space never opens it (a Space
 *  from habit opened shmdt, the next ran its step 1 unread); a quick Space or Enter after it opened
 *  waits as → does (store/run.ts moveWaits). */
export function goOnward(get: () => AppState): void {
  get().runStep();
}

/** The status line at the lesson's end: Space goes no further, → or Enter opens the next lesson. */
function sayOnward(get: () => AppState, set: (p: Partial<AppState>) => void): void {
  const last = get().lessonIndex + 1 >= get().lessons.length;
  set({ status: (s) => s.lessonEndKeys(keyFor('run', get().ascii), keyFor('next', get().ascii), last) });
}

/** Whether the shown step's question may wait behind a key while the result of the step just
 *  run (or the lesson's introduction, before step 1) is read first (LessonPane: where the result and the whole question do not both fit):
 *  right after a run, on the lesson screen, the learner not yet acting on the question (a
 *  digit, x, h or Enter, values typed in its form); not while --present reveals the step's text sentence by sentence.
 *  The same for a question of the check after the one before was answered: its verdict first (fix18a#5). */
export function resultFirst(st: AppState): boolean {
  const place = quizPlace(st);
  // zoomed, the lesson text is hidden: Space runs as ever, the status line saying where the notice is
  const { done, zoomed, turnFocus, busy } = st;
  if (place === null || zoomed || turnFocus !== null || busy !== null) return false;
  if (place.kind === 'check') return place.question > 0 && !st.checkOpened[place.question];
  // a lesson's introduction is read first as a result is (issue 16: serv-clnt opened at 80x24
  // scrolled past its opening sentences to keep step 1's question in view)
  if (done === 0 && !st.lessons[st.lessonIndex].intro[st.lang]) return false;
  const step = place.step;
  if (st.guesses[step] !== undefined || st.hints[step] || st.opened[step]) return false;
  // the learner's values kept for the step are acting on it too: their summary and the question in view, as ever
  if (keptTyped(st)) return false;
  const say = st.lessons[st.lessonIndex].steps[step].say[st.lang];
  return !(st.present && st.revealed + 1 < revealUnits(say).length);
}

/** Whether Enter (or Space) now brings the shown step's question into view rather than running
 *  the step: the pane draws the result first (resultShown), or has not drawn this state yet (a
 *  Space pressed while the step ran, acting as it ends: the question is the safe thing to show;
 *  where all fits that press only opens what is in view, and the next asks as ever). Without a
 *  lesson pane ever drawn (a store driven alone) nothing is behind a key. */
export function questionBehind(st: AppState): boolean {
  const shown = st.resultShown;
  if (!shown || !resultFirst(st)) return false;
  return shown.lesson !== st.lessonIndex || shown.done !== st.done || shown.checked !== checkedCount(st) || shown.pinned;
}

/** Where Space scrolls the lesson text rather than run the step shown (fix24l#1): part of that
 *  step's own words (or its question) is below the window as the pane last drew it, so Space
 *  brings it into view first, as it brings a question behind it; null when all of it is in view.
 *  One rule for every step: Space never runs a step whose text the learner has not had in view.
 *  A note not of this state (the pane not drawn since, zoomed) says nothing. */
export function spaceShowsRest(st: AppState): number | null {
  const shown = st.resultShown;
  if (!shown || shown.rest === null || st.zoomed || st.turnFocus !== null) return null;
  if (shown.lesson !== st.lessonIndex || shown.done !== st.done || shown.view !== st.view || st.view !== st.done) return null;
  return shown.rest;
}

/** Whether Space, zoomed, ends the zoom to show the lesson rather than run the step shown (or go on
 *  past the lesson's end): the lesson pane has not drawn this state, the step's text whole, since it
 *  became the next to run (a step run zoomed; its rest below the window as the pane last drew it).
 *  One rule for Space, zoomed or not: it never runs a step whose text was not in view (s28f#1: race 5
 *  and serv-clnt 5 zoomed, the bar said "run 5" where the lesson's said "step 5's text", and Space
 *  ran a step only its title had been read of). Not in review (the step ran, its text read), nor in a
 *  store no lesson pane ever drew (nothing is behind a key). */
export function zoomHidesText(st: AppState): boolean {
  const shown = st.resultShown;
  if (!st.zoomed || !shown || st.turnFocus !== null || st.view !== st.done) return false;
  return shown.lesson !== st.lessonIndex || shown.done !== st.done || shown.view !== st.view || shown.rest !== null;
}

/** How many questions of the check are answered (or skipped): what the lesson pane drew is told apart by it. */
/** Whether the rest Space brings (spaceShowsRest) holds the shown step's question, not yet in
 *  view: the key bar's Space says so ("step N + question"), as the pane's border does (fix27c#3:
 *  newcomers never knew a step asked until Space brought its question). */
export function restAsks(st: AppState): boolean {
  return spaceShowsRest(st) !== null && !!st.resultShown?.asks;
}

export function checkedCount(st: Pick<AppState, 'checkPicks'>): number {
  return Object.keys(st.checkPicks).length;
}

/** Whether Space (or Enter) now brings the shown step's question into view rather than acting
 *  on it: behind the key with the result first (questionBehind), zoomed or not (fix26d#3: zoomed,
 *  the bar said "Space run 3" and Space ran the step the lesson pane held the question of), or
 *  hidden by a zoom while no answer is picked (fix21a#2: the question unseen). What the key
 *  bar's Space says (runLabel: "question N"); runShown ends the zoom with it in view. */
export function spaceShowsQuestion(st: AppState): boolean {
  const { zoomed } = st;
  return questionBehind(zoomed ? { ...st, zoomed: false } : st) || (zoomed && unansweredRun(st));
}

/** Whether a question waits in the lesson pane in view when a zoom ends: not one behind
 *  "▸ Space shows the question" there (questionBehind; issue 16 fixR#5: the zoomed footer said
 *  "a question waits there" while the lesson would show the result and that line). */
export function questionWaitsShown(st: AppState): boolean {
  return quizPlace(st) !== null && !questionBehind({ ...st, zoomed: false });
}

/** Whether the question a digit, x or h would act on is off screen: the panes zoomed over the
 *  lesson text, or the result of the step just run shown first with the question behind Enter.
 *  One rule for its keys (fix18a#3): a key acts only on what is on screen, so while it is hidden
 *  the key bar does not offer them (KeyBar) and each of them shows the question first. */
export function questionHidden(st: AppState): boolean {
  const { zoomed } = st;
  return quizPlace(st) !== null && (zoomed || questionBehind(st));
}

/** The question on screen for a digit or x to answer: none while it is hidden (store/quiz.ts readQuestion). */
export function questionInSight(st: AppState): QuizPlace {
  return questionHidden(st) ? null : quizPlace(st);
}

type Field = Turn['fields'][number];

/** How many of `add` fit after `kept`: any field but text, INPUT_LIMIT characters. A text
 *  field holds text past its maxBytes, as a number field holds a number out of range: the
 *  parse refuses it out loud, with how many bytes it has (tooLong), never a silent cut; only
 *  a paste past a few times the limit (a runaway) is cut, and said so by the same line. */
function fitting(field: Field, kept: readonly string[], add: readonly string[]): number {
  if (field.kind.kind !== 'text') return Math.max(0, Math.min(add.length, INPUT_LIMIT - kept.length));
  const hold = Math.max(4 * field.kind.maxBytes, 256);
  let bytes = Buffer.byteLength(kept.join(''), 'utf8');
  let n = 0;
  for (const c of add) {
    bytes += Buffer.byteLength(c, 'utf8');
    if (bytes > hold) break;
    n++;
  }
  return n;
}

/** A text field's line while it holds more than its maxBytes: the parse's own refusal
 *  ("text: 70 bytes; type at most 64 (…)"), counting all that was typed. */
function tooLong(field: Field, typed: string): Text | null {
  if (field.kind.kind !== 'text' || Buffer.byteLength(typed, 'utf8') <= field.kind.maxBytes) return null;
  const parsed = parseField(field, typed);
  return parsed.ok ? null : parsed.error;
}

/** The line that says what of the `add` typed (a key, or a paste read at once) was taken,
 *  by the limit the form states: never "that character" for many. */
function refused(field: Field, add: readonly string[], taken: number): Text {
  const say = (lang: 'en' | 'zh') => {
    const s = strings(lang);
    const limit = field.kind.kind === 'text' ? s.turnBytes(field.kind.maxBytes) : s.turnChars(INPUT_LIMIT);
    return s.turnRefused(field.label[lang], limit, taken, add.length, add[0] ?? '');
  };
  return { en: say('en'), zh: say('zh') };
}

export const turnSlice: StateCreator<AppState, [], [], TurnSlice> = (set, get) => {
  const leave = () => set({ turnFocus: null, turnCursor: 0, turnError: null, turnTyped: null });
  /** the cursor at the end of field `at`'s value, as a field is focused */
  const atEnd = (turn: Turn, typed: Record<string, string>, at: number) => (typed[turn.fields[at].name] ?? turn.fields[at].default).length;
  /** the shown turn, or nothing when the form is gone (a step ran, another is shown) */
  const current = (): Turn | null => {
    const turn = shownTurn(get());
    if (!turn && get().turnFocus !== null) leave();
    return turn;
  };
  /** the focused field being typed into (not a choice), with the form's values: what keys edit */
  const editing = () => {
    const turn = current();
    const focus = get().turnFocus;
    if (!turn || focus === null) return null;
    const field = turn.fields[focus];
    return field.kind.kind === 'choice' ? null : { field, typed: typedFor(get(), turn) };
  };
  /** a key meant for a value, on a choice field: never dropped unseen (a choice is picked) */
  const onChoice = () => {
    const turn = current();
    const focus = get().turnFocus;
    const field = turn && focus !== null ? turn.fields[focus] : null;
    if (field?.kind.kind === 'choice') set({ status: (s) => s.turnChoiceTyped(field.label) });
  };
  return {
    turnTyped: null,
    turnFocus: null,
    turnCursor: 0,
    turnError: null,

    turnEdit() {
      const turn = current();
      // while a step runs, said once it is over: what the learner types next is for no form
      if (get().keyWhileRunning(keyFor('turn', get().ascii)) || get().busy !== null) return;
      if (!turn) {
        set({ status: noFormStatus(get()) });
        return;
      }
      const typed = typedFor(get(), turn);
      // the window goes to the form, wherever the learner scrolled: while it is edited no key scrolls (LessonPane questionTop)
      set({ turnFocus: 0, turnCursor: atEnd(turn, typed, 0), turnError: null, turnTyped: { lesson: get().lessonIndex, step: get().done, typed }, scroll: { ...get().scroll, lesson: AT_QUESTION } });
    },

    turnMove(by) {
      const turn = current();
      const focus = get().turnFocus;
      if (!turn || focus === null) return;
      const at = (focus + by + turn.fields.length) % turn.fields.length;
      set({ turnFocus: at, turnCursor: atEnd(turn, typedFor(get(), turn), at) });
    },

    turnType(input) {
      const edited = editing();
      if (!edited) return onChoice();
      const { field, typed } = edited;
      const now = typed[field.name] ?? '';
      // only what can be typed: no control characters; never more than the limit
      const add = [...input].filter((c) => c >= ' ' && c !== '\x7f');
      if (add.length === 0) {
        // the key is not dropped unseen: the form is what holds it
        set({ status: (s) => s.turnKeyHeld(keyFor('turnCancel', false)) });
        return;
      }
      const cursor = Math.min(get().turnCursor, now.length);
      const before = now.slice(0, cursor);
      const after = now.slice(cursor);
      const kept = [...before, ...after];
      const n = fitting(field, kept, add);
      const taken = add.slice(0, n).join('');
      // a key or paste past the limit is refused out loud, on the form's error line, which stays
      // until the next edit (never dropped unseen): what of it was taken, and the limit
      const turnError = tooLong(field, before + add.join('') + after) ?? (n < add.length ? refused(field, add, n) : null);
      set({
        turnCursor: before.length + taken.length,
        turnError,
        ...(turnError ? { scroll: { ...get().scroll, lesson: AT_QUESTION } } : {}),
        turnTyped: { lesson: get().lessonIndex, step: get().done, typed: { ...typed, [field.name]: before + taken + after } },
      });
    },

    turnLine(action) {
      const edited = editing();
      if (!edited) return onChoice();
      const { field, typed } = edited;
      const text = typed[field.name] ?? '';
      // no history: a field is one line of its own
      const next = edit({ text, cursor: Math.min(get().turnCursor, text.length), history: [], at: null, draft: '' }, action);
      const changed = next.text !== text;
      set({
        turnCursor: next.cursor,
        ...(changed ? { turnError: tooLong(field, next.text), turnTyped: { lesson: get().lessonIndex, step: get().done, typed: { ...typed, [field.name]: next.text } } } : {}),
      });
    },

    turnCycle(by) {
      const turn = current();
      const focus = get().turnFocus;
      if (!turn || focus === null) return;
      const field = turn.fields[focus];
      if (field.kind.kind !== 'choice') {
        get().turnLine(by < 0 ? 'left' : 'right');
        return;
      }
      const values = field.kind.choices.map((c) => c.value);
      const typed = typedFor(get(), turn);
      const at = values.indexOf(typed[field.name] ?? field.default);
      const next = values[(Math.max(at, 0) + by + values.length) % values.length];
      set({ turnError: null, turnTyped: { lesson: get().lessonIndex, step: get().done, typed: { ...typed, [field.name]: next } } });
    },

    turnRun() {
      const turn = current();
      if (!turn || get().busy !== null) return;
      const parsed = parseTurn(turn, typedFor(get(), turn));
      if (!parsed.ok) {
        // the window opens at the error (LessonPane questionTop): PgUp does not reach a form being edited
        set({ turnFocus: parsed.field, turnCursor: atEnd(turn, typedFor(get(), turn), parsed.field), turnError: parsed.error, scroll: { ...get().scroll, lesson: AT_QUESTION } });
        return;
      }
      // the run is graded on the lesson's own values run after: a question not yet answered
      // is answered first, outside the form, which keeps the values for Space (or y and Enter)
      const waits = waitsForAnswer(get(), turn);
      // the keys typed after Enter in the same read were meant for the form: not used
      if (get().turnFocus !== null) get().formClosed();
      if (waits) {
        set({ turnFocus: null, turnError: null, scroll: { ...get().scroll, lesson: AT_QUESTION }, status: (s) => s.quizAnswerFirst(waits.choices, keyFor('skip', false), keyFor('run', false)) });
        return;
      }
      leave();
      get().runStep(parsed.values);
    },

    runShown(enter = false) {
      // the result of the step just run is shown first, the question behind this key (LessonPane):
      // the key brings the question, as the pane's line says; the next asks or runs as ever
      if (questionBehind(get())) {
        get().openQuestion();
        return;
      }
      // zoomed over an unanswered question: the zoom ends with it in view, as a digit does
      if (spaceShowsQuestion(get()) && get().showHiddenQuestion('run', keyFor('run', get().ascii))) return;
      // zoomed over a step whose text was not in view: the zoom ends with the lesson shown (its
      // rest, if any, is the next Space's, as the pane draws it anew); the status line says so
      if (zoomHidesText(get()) && get().busy === null) {
        const { done } = get();
        const step = done < (get().lessons[get().lessonIndex]?.steps.length ?? 0) ? done + 1 : null;
        get().toggleZoom();
        get().screenChanged();
        set({ status: (s) => s.zoomShowsText(keyFor('run', get().ascii), step) });
        return;
      }
      // a lesson just opened whose screen the lesson pane has not drawn yet: no step of it runs
      // unseen (issue 16: its first Space runs step 1 only after its introduction was drawn)
      const shown = get().resultShown;
      if (shown && shown.lesson !== get().lessonIndex && !get().zoomed && get().busy === null) return get().screenChanged();
      // nor a quick second Space or Enter after → or Enter opened it: it waits as → and ← do (issue 16)
      if (get().busy === null && onwardJustOpened(get()) && get().moveWaits(enter ? 'Enter' : keyFor('run', get().ascii))) return;
      // the step's own words go on below the window: Space brings them before it runs the step
      // (at the lesson's end, Space alone: Enter opens the next lesson, as the bar says)
      const rest = enter && atLessonEnd(get()) ? null : spaceShowsRest(get());
      if (rest !== null) {
        // the rest counts as shown from this press (the next Space in a read of its own runs the
        // step, the pane's next frame showing it)
        set({ scroll: { ...get().scroll, lesson: rest }, resultShown: { ...get().resultShown!, rest: null } });
        // not on screen before the next frame: a second Space in the same read (pasted, or two
        // quick presses the terminal gave in one read) is not used (store/run.ts screenChanged)
        get().screenChanged();
        return;
      }
      // no answer picked for the question shown: the first Space (or Enter) only says so, a
      // second runs the step without one (fix14f#1: a double press after the form's "keep
      // these", or a quick Space, recorded the question skipped unseen); Spaces queued meanwhile are dropped
      if (get().busy === null && unansweredRun(get()) && get().ask?.kind !== 'run') {
        get().forgetQueued();
        // the view stays where the learner put it (fix15i#4: after PgDn to the choices, the ask
        // had put the window back at the text's top, the choices under "↓ 3 more"); the status line says what to do
        set({ ask: ASK_RUN, status: (s) => s.runUnanswered });
        return;
      }
      // at a question of the check Space never skips it (fix24a#1, issue 16: a Space from habit
      // skipped every question): hidden by a zoom it is shown; in view, its keys are said (1-N, x)
      const place = quizPlace(get());
      if (place?.kind === 'check') {
        if (get().showHiddenQuestion('run', keyFor('run', get().ascii))) return;
        get().forgetQueued();
        return set({ status: (s) => s.checkSpace(place.choices, keyFor('skip', get().ascii)) });
      }
      // at the lesson's end Space goes no further; Enter opens the next lesson (→ too: navigation.ts showNext)
      if (get().busy === null && atLessonEnd(get())) {
        if (enter) return goOnward(get);
        get().forgetQueued();
        return sayOnward(get, set);
      }
      if (get().ask?.kind === 'run') set({ ask: null });
      const kept = keptTyped(get());
      const turn = shownTurn(get());
      // the lesson's values: Space as ever (a question unanswered is skipped, as its key line says)
      if (!kept || !turn) {
        get().runStep();
        return;
      }
      // the learner's values the summary shows; a question not answered is skipped, as Space
      // does with the lesson's values (one rule for Space, as its key line says)
      if (get().busy !== null) return;
      if (waitsForAnswer(get(), turn)) get().skipQuestion();
      get().turnRun();
    },

    showHiddenQuestion(what, key) {
      if (!questionHidden(get())) return false;
      if (get().zoomed) get().toggleZoom();
      // the lesson pane back, the result may come first again: the question is what the key was for
      if (resultFirst(get())) get().openQuestion();
      get().screenChanged();
      set({ scroll: { ...get().scroll, lesson: AT_QUESTION }, status: (s) => s.questionShownFirst(what, key) });
      return true;
    },

    turnCancel() {
      if (get().turnFocus !== null) get().formClosed();
      leave();
    },
  };
};
