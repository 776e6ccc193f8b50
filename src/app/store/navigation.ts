// Navigation: which lesson and which step's text are shown (browsing never runs
// anything), the lesson menu, the help overlay, and the errata and glossary lists.
import type { StateCreator } from 'zustand/vanilla';
import { ERRATA } from '../../lessons/errata.js';
import { lessonName } from '../../lessons/lesson-name.js';
import { GLOSSARY, entryFor, pointedEntry, saidByLesson, type GlossaryEntry, type LessonAt } from '../../lessons/glossary.js';
import { paneNewTerms } from '../components/lesson-view.js';
import type { Lesson, Text } from '../../lessons/types.js';
import type { Lang } from '../../lang.js';
import type { AppState } from '../store.js';
import { keyFor } from '../keymap.js';
import { ASK_START_OVER, askErratum, askLeave } from './ask.js';
import { atLessonEnd, goOnward } from './turn.js';
import { NO_RUN } from './run-copy.js';
import { AT_QUESTION } from './panes.js';
import { lessonAt } from './progress.js';
import { LESSON_PANE, type Status } from './run.js';

export type Overlay = 'none' | 'menu' | 'help' | 'errata' | 'glossary' | 'end';
/** The overlays that are lists with a cursor, besides the menu. */
export type ListOverlay = 'errata' | 'glossary';

export interface NavigationSlice {
  lessonIndex: number;
  /** the step whose text is shown */
  view: number;
  /** presenter mode: lines of the next step's text revealed beyond the first */
  revealed: number;
  overlay: Overlay;
  /** the cursor of the list shown: the menu, the errata or the glossary (in the glossary, an
   *  index of glossaryList: the step's new terms first) */
  menuCursor: number;
  /** the glossary as g opened it: the entry the text on screen points to ("(g: semncnt)"), then
   *  the new terms of the step shown (and of the step just run), each with its step (1-based; 0:
   *  pointed to, no new term), then every other entry in the list's order (fix27c#4:
   *  g opened at the top, and "+3 in the Kernel pane" left the three to be found), then the
   *  terms of the lesson that lessons not run teach, each with that lesson (`lesson`, 0-based;
   *  step 0), as the line under its introduction counts them (lesson-view Earlier), then the
   *  lesson's other entries (step 0): the screen heads these "This lesson", the rest after them */
  glossaryFirst: readonly { entry: number; step: number; lesson?: number }[];
  /** an erratum's jump is running the steps before its own (`steps` of them, to step `to`,
   *  1-based): the screen takes no answer meanwhile and the status line says so */
  jumping: { lesson: Text; steps: number; to: number } | null;
  /** a: the aside of the step just run, folded for room (lesson-view lessonTextLines), is shown
   *  in place under its notice; folded again by a, or by any change of the step shown (store.ts) */
  asideShown: boolean;
  toggleAside(): void;
  /** →: the next step's text (not run) */
  showNext(): void;
  /** ←: the previous step's text */
  showPrev(): void;
  toggleMenu(): void;
  /** one entry, or a page or to an end (`jump`), stopping at the ends of the list (a wrap
   *  round showed the top with "↓ 254 more" for a Down at the end); the menu's list ends with
   *  "start over", which one entry down reaches and a jump does not (it stops at the last lesson) */
  menuMove(by: number, jump?: boolean): void;
  /** Enter in the menu: the lesson chosen, or start over; in the errata: the step that shows the erratum chosen */
  menuOpen(): void;
  /** e, g: the errata or the glossary, or back to the screen when it is shown */
  toggleList(list: ListOverlay): void;
  openHelp(): void;
  /** Esc: the overlay, else the C code */
  close(): void;
}

/** The entries g lists first: those of the step's own "New terms: … (g: glossary)" line (the
 *  one beside its text, the learner is reading it; the words it counts in another pane too,
 *  "+3 in the Kernel pane"), then those of the step just run's (under its notice), each once,
 *  with its step; the glossary opens on the first, at the top. The same words the pane lists
 *  (paneNewTerms), so g never puts first a term the screen did not name (or count) first. */
function glossaryFirstOf(lessons: readonly Lesson[], lang: Lang, at: LessonAt, view: number, done: number, run: Parameters<typeof paneNewTerms>[5], quiz: boolean): NavigationSlice['glossaryFirst'][number][] {
  // not a term the pane holds back until the step ran
  const { names, justRun, earlier } = paneNewTerms(lessons, lang, at, view, done, run, '', quiz);
  const out: NavigationSlice['glossaryFirst'][number][] = [];
  const add = (words: readonly string[], step: number) => {
    for (const word of words) {
      const e = entryFor(word);
      const entry = e ? GLOSSARY.indexOf(e) : -1;
      if (entry >= 0 && !out.some((x) => x.entry === entry)) out.push({ entry, step });
    }
  };
  add(names, view + 1);
  add(justRun ?? [], done);
  // those the line under the introduction counts, from lessons this learner did not run
  earlier?.ids.forEach((id, i) => {
    const entry = GLOSSARY.findIndex((e) => e.id === id);
    if (entry >= 0 && !out.some((x) => x.entry === entry)) out.push({ entry, step: 0, lesson: earlier.lessons[i]! });
  });
  // an entry the text on screen points to ("(g: semncnt)", the last one: nearest the question)
  // comes first, where the learner was sent (issue 16); `step` 0 when it is no new term there
  const lesson = lessons[typeof at === 'number' ? at : at.index];
  const step = lesson?.steps[view];
  const shown = [view === done && done > 0 ? lesson?.steps[done - 1]?.notice[lang] : '', step?.title[lang], step?.say[lang], step?.aside?.[lang], view < done ? step?.notice[lang] : ''];
  const pointed = pointedEntry(shown.filter(Boolean).join('\n'));
  const at0 = pointed ? GLOSSARY.indexOf(pointed) : -1;
  if (at0 >= 0) {
    const had = out.findIndex((x) => x.entry === at0);
    const [item] = had >= 0 ? out.splice(had, 1) : [{ entry: at0, step: 0 }];
    out.unshift(item!);
  }
  // then the rest of the lesson's own entries, the glossary being long (issue 16, pass 11: ~660
  // lines for 11 lessons): the words its texts use, and the calls its title names ("semaphores —
  // semget, semop, semctl"), whose entries no text points to
  if (lesson) {
    const said = saidByLesson(lesson, lang);
    const title = lesson.title.en.toLowerCase();
    GLOSSARY.forEach((e, entry) => {
      const named = e.terms.length === 0 && e.name.en.split(/,\s*/).some((part) => part !== '' && title.includes(part.toLowerCase()));
      if ((said.has(e) || named) && !out.some((x) => x.entry === entry)) out.push({ entry, step: 0 });
    });
  }
  return out;
}

/** The glossary as listed: the entries g put first (glossaryFirst), then the others in the
 *  list's order; menuCursor is an index of it. */
export function glossaryList(st: Pick<NavigationSlice, 'glossaryFirst'>): GlossaryEntry[] {
  const first = st.glossaryFirst.map((x) => GLOSSARY[x.entry]!);
  return [...first, ...GLOSSARY.filter((e) => !first.includes(e))];
}

/** The choices made on the steps run, by step index, whose right or wrong is the verdict
 *  the progress keeps for the step (the first answer counts: a later other one is left out). */
function picksKept(st: AppState, lesson: Lesson): Record<number, number> {
  const kept = st.answers[lesson.id]?.checkpoints ?? {};
  const picks: Record<number, number> = {};
  for (let i = 0; i < st.done; i++) {
    const guess = st.guesses[i];
    const graded = st.graded[i];
    if (typeof guess !== 'number' || !graded) continue;
    if (kept[lesson.steps[i].id] === (guess === graded.answer ? 'right' : 'wrong')) picks[i] = guess;
  }
  return picks;
}

/** In review (a step already run shown), Space resets the lesson and runs the steps before
 *  the one shown again: the status line says so as the step is shown, before Space is pressed. */
function reviewSays(view: number, done: number): { status?: Status } {
  return view < done ? { status: (s) => s.reviewRerun(view + 1) } : {};
}

/** The questions of the lesson shown that leaving it leaves unanswered (fix15a#5): its
 *  checkpoints without a verdict right or wrong (not reached, or skipped); none with --no-quiz. */
export function unansweredHere(st: AppState): number {
  const lesson = st.lessons[st.lessonIndex];
  if (!lesson || !st.quiz) return 0;
  const kept = st.answers[lesson.id]?.checkpoints ?? {};
  return lesson.steps.filter((step) => lesson.checkpoints?.[step.id] && kept[step.id] !== 'right' && kept[step.id] !== 'wrong').length;
}

/** How a status line names a lesson: lessons/lesson-name.ts, shared with the errata. */
export { lessonName };

export const navigationSlice: StateCreator<AppState, [], [], NavigationSlice> = (set, get) => {
  /** The lesson of erratum `index` with the steps before its proof run again, so that
   *  Space runs the proof; nothing to run again when the learner is already there. */
  const openErratum = (index: number) => {
    const erratum = ERRATA[index];
    const lessonIndex = get().lessons.findIndex((l) => l.id === erratum?.lesson);
    const step = lessonIndex < 0 ? -1 : get().lessons[lessonIndex].steps.findIndex((s) => s.id === erratum.step);
    if (step < 0 || get().busy !== null) {
      set({ overlay: 'none' });
      return;
    }
    if (lessonIndex === get().lessonIndex && get().done === step) {
      set({ overlay: 'none', view: step, status: (s) => s.erratumReady(erratum.id, step + 1, null) });
      return;
    }
    // the lesson is opened anew and its steps run again up to the proof: what the learner
    // had is gone, so Enter asks first and, once there, the status says how to go back
    const here = get().lessons[get().lessonIndex];
    const target = get().lessons[lessonIndex];
    const same = lessonIndex === get().lessonIndex;
    // the lesson left, when it is done, stays done in the menu (fix13q#2)
    const place = { lesson: lessonName(here), step: Math.min(get().done + 1, here.steps.length), same, done: get().completed.includes(here.id) };
    // the questions of the steps the jump runs: not asked on the way (fix13q#1); those never
    // answered are said once there, with the way to them (← to the step, Space re-runs it)
    const asking = target.steps.slice(0, step).filter((st) => target.checkpoints?.[st.id]);
    const ask = get().ask;
    if (ask?.kind !== 'erratum' || ask.index !== index) {
      // every step run: the learner is at the lesson's end, not at a step (fix13h#4)
      const atEnd = get().done >= here.steps.length;
      const left = same ? 0 : unansweredHere(get());
      set({ ask: askErratum(index), status: (s) => s.erratumAsk(erratum.id, lessonName(target), step + 1, place.step, same, atEnd, asking.length, left) });
      return;
    }
    const kept = get().answers[target.id]?.checkpoints ?? {};
    const unasked = asking.filter((st) => kept[st.id] !== 'right' && kept[st.id] !== 'wrong').length;
    const ready = { overlay: 'none' as const, view: step, ask: null, status: ((s) => s.erratumReady(erratum.id, step + 1, place, unasked)) as Status };
    const old = get().run;
    // the end-of-lesson check answered stays answered across a jump within its lesson, as
    // across a re-run (←, Space): the jump runs the same steps again, it asks nothing anew
    const checkPicks = same ? get().checkPicks : {};
    // back within the lesson: a verdict kept from then names the choice made (when it is the
    // choice that verdict was given on); the step list marks only the steps run since
    const jumpedFrom = same ? { picks: picksKept(get(), here) } : null;
    set({ ...NO_RUN, ...LESSON_PANE, overlay: 'none', status: null, ask: null, lessonIndex, view: 0, revealed: 0, jumping: { lesson: lessonName(target), steps: step, to: step + 1 } });
    void get()
      .enqueue('resetting', async () => {
        await get().openLesson(lessonIndex, step, old, true);
        set({ checkPicks, jumpedFrom });
        // the replay stops early when a step misbehaves: its status says so
        if (get().done === step) set(ready);
      })
      // once the queue is free (busy cleared), not before: no frame between shows a question
      .finally(() => set({ jumping: null }));
  };
  return {
    lessonIndex: 0,
    view: 0,
    revealed: 0,
    overlay: 'none',
    menuCursor: 0,
    glossaryFirst: [],
    jumping: null,
    asideShown: false,

    toggleAside() {
      const { view, done, lessons, lessonIndex, ascii } = get();
      const steps = lessons[lessonIndex]?.steps ?? [];
      const key = keyFor('aside', ascii);
      // the step whose aside the text shown holds: after a run the step just run's (under its notice,
      // folded where rows are short), in review the step shown's (whole, maybe below the window)
      const of = view === done ? done - 1 : view < done ? view : -1;
      // a always does something in view (issue 16: in review of race 4 the aside was below and a did
      // nothing; at the end a did nothing unsaid): where there is no aside the status line says why
      if (of < 0) return set({ status: (s) => s.asideLater(key) });
      if (!steps[of]?.aside) return set({ status: (s) => s.asideNone(key, view >= steps.length ? null : of + 1) });
      const shown = !get().asideShown;
      // the pane opens where the aside is in view (LessonPane asideTop), or where it opens without it
      set({ asideShown: shown, scroll: { ...get().scroll, lesson: AT_QUESTION }, status: (s) => (shown ? s.asideInView(key, of + 1) : s.asideBack(key)) });
    },

    showNext() {
      if (get().moveWaits(keyFor('next', get().ascii))) return;
      const { view, done, lessons, lessonIndex } = get();
      const steps = lessons[lessonIndex].steps.length;
      const max = done >= steps ? steps : steps - 1;
      if (view < max) set({ view: view + 1, scroll: { ...get().scroll, lesson: AT_QUESTION }, ...reviewSays(view + 1, done) });
      // past the lesson's end → opens the next lesson, as Enter does (turn.ts goOnward)
      else if (atLessonEnd(get())) goOnward(get);
    },

    showPrev() {
      if (get().moveWaits(keyFor('prev', get().ascii))) return;
      const { view, done } = get();
      if (view > 0) set({ view: view - 1, scroll: { ...get().scroll, lesson: AT_QUESTION }, ...reviewSays(view - 1, done) });
    },

    toggleMenu() {
      set({ overlay: get().overlay === 'menu' ? 'none' : 'menu', menuCursor: get().lessonIndex });
    },

    menuMove(by, jump = false) {
      const { overlay } = get();
      const entries = overlay === 'errata' ? ERRATA.length : overlay === 'glossary' ? glossaryList(get()).length : get().lessons.length + 1;
      const last = overlay === 'menu' ? entries - 2 : entries - 1;
      const from = get().menuCursor;
      const to = Math.min(jump ? last : entries - 1, Math.max(0, from + by));
      // a jump down from "start over" stays there rather than going back up
      set({ menuCursor: by > 0 ? Math.max(from, to) : to, ask: null });
      // (PgUp PgDn reach it from the list, not dispatch: a move forgets an Enter that asked)
    },

    toggleList(list) {
      const { overlay, lessons, lang, view, done, trace, stepStarts, notices } = get();
      if (overlay === list) set({ overlay: 'none' });
      else set({ overlay: list, find: null, menuCursor: 0, ...(list === 'glossary' ? { glossaryFirst: glossaryFirstOf(lessons, lang, lessonAt(get()), view, done, { trace, stepStarts, notices }, get().quiz) } : {}) });
    },

    menuOpen() {
      if (get().overlay === 'errata') {
        openErratum(get().menuCursor);
        return;
      }
      const cursor = get().menuCursor;
      if (cursor >= get().lessons.length) {
        // it forgets every lesson's progress: the first Enter only asks
        if (get().ask?.kind !== 'startOver') {
          set({ ask: ASK_START_OVER });
          return;
        }
        set({ overlay: 'none', ask: null });
        void get().enqueue('resetting', get().startOver);
        return;
      }
      const old = get().run;
      if (cursor === get().lessonIndex || get().busy !== null) {
        set({ overlay: 'none' });
        return;
      }
      // questions of this lesson left unanswered: the first Enter says how many (fix15a#5)
      const left = unansweredHere(get());
      const ask = get().ask;
      if (left > 0 && (ask?.kind !== 'leave' || ask.index !== cursor)) {
        const name = lessonName(get().lessons[cursor]);
        set({ ask: askLeave(cursor), status: (s) => s.leaveAsk(left, name) });
        return;
      }
      set({ ask: null });
      // one update closes the menu and shows the new lesson, not yet run: the next
      // frame is already the new lesson while the old one is cleaned up behind it
      set({ ...NO_RUN, ...LESSON_PANE, overlay: 'none', status: null, lessonIndex: cursor, view: 0, revealed: 0 });
      void get().enqueue('resetting', () => get().openLesson(cursor, 0, old));
    },

    openHelp() {
      set({ overlay: 'help' });
    },

    close() {
      // (Esc on a pending ask, an erratum's jump, only forgets it: store.ts dispatch)
      // Esc closes the glossary once no word is typed in its search (store/find.ts findEnd), a
      // search kept for n forgotten with it (s28f#2: after "/atime Enter" the first Esc only
      // ended the search; testers then typed an answer and Space into the glossary)
      if (get().overlay === 'glossary') set({ overlay: 'none', find: null, findLast: null });
      else if (get().overlay !== 'none') set({ overlay: 'none' });
      else if (get().tab === 'code') get().toggleCode();
    },
  };
};
