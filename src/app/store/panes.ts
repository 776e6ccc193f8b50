// Panes and focus: which pane the tabs show (or has the focus side by side), how far
// the learner scrolled each, the lesson's C source and the flow library. How far a
// pane can scroll depends on its content and size: the pane knows it, so a key gives
// the store an offset already kept inside the content.
import type { StateCreator } from 'zustand/vanilla';
import { anchorFile, anchorsOf, codeStep, fileForF } from '../../lessons/code-anchor.js';
import { anchorSpan } from '../components/code-view.js';
import type { LessonRun } from '../../lessons/types.js';
import { TABS, type ScrollPane, type TabId } from '../layout.js';
import type { AppState } from '../store.js';
import type { OwnOffset } from '../scroll.js';
import type { AppDeps, DiagramRenderer } from './deps.js';
import type { ResultPane, ResultWhy } from '../../lessons/result-pane.js';

/** The panes whose offset outlives them; the others follow part of their content (the
 *  flow its lit part, the trace the last step, the C code the step's call, the Kernel pane
 *  what the step changed) and keep the learner's own offset with the pane. */
export type StoredScroll = Exclude<ScrollPane, 'flow' | 'code' | 'trace' | 'kernel'>;
/** A stored offset that stands for "where the pane's open question is": the store does
 *  not know the layout, the pane does (an answer to the check brings the next question;
 *  a step shown anew opens with its checkpoint's choices in view, LessonPane.questionTop). */
export const AT_QUESTION = -1;
export const SCROLL_HOME: Record<StoredScroll, number> = { lesson: AT_QUESTION };
/** The panes that follow part of their content (scroll.ts followTop); the playground's transcript is the trace's. */
export type FollowScroll = Exclude<ScrollPane, StoredScroll>;

/** What a pane has out of view: above its window, below it. */
export interface PaneRoom {
  up: boolean;
  down: boolean;
}

export interface PanesSlice {
  tab: TabId;
  /** scroll offsets: lines from the top, or AT_QUESTION */
  scroll: Record<StoredScroll, number>;
  /** the learner's own offset of each following pane, with what it showed then: kept here, not
   *  in the pane, so a full screen (glossary, errata, help, menu) leaves it as it was (nc72#4) */
  followed: Partial<Record<FollowScroll, OwnOffset>>;
  /** the C file shown: which of the lesson's files (`index`), its path and text (null when missing),
   *  and its table of Chinese comments (examples/c/zh/FILE.txt; null when missing) */
  code: { index: number; file: string; text: string | null; zh: string | null; out?: string | null } | null;
  /** the pane shown before c showed the C code: c and Esc go back to it */
  tabBeforeCode: TabId;
  /** the pane the last step's result is in (src/lessons/result-pane.ts), with the step (index),
   *  and whether the run showed it in place of the pane shown (the status line says so) */
  result: { step: number; pane: ResultPane; why: ResultWhy; moved: boolean } | null;
  /** the step just run (with its run) whose result its pane's window cut while it was read:
   *  that pane gets more rows until the learner moves on (store/reading.ts resultGrows) */
  resultCut: { run: LessonRun | null; step: number; at: string } | null;
  /** the result's pane cuts the result being read (`cut`, from what the panes drew at `at`, the
   *  terminal's size and language): noted once per step and size */
  noteResultCut(cut: boolean, at: string): void;
  flow: DiagramRenderer | null;
  /** the panes are tabs below the lesson (a terminal below layout.ts WIDE): the App says so
   *  whenever the terminal's size changes it (a resize is input like a key) */
  tabs: boolean;
  /** z: the pane shown below the lesson (side by side: the one in focus) fills the screen,
   *  at any size: at 120x34 the Flow pane shows ~10 rows of a diagram 25-40 tall */
  zoomed: boolean;
  /** the lesson's run and its steps done when z zoomed: a step run since (in that run or a
   *  new one: another lesson, a reset) has a notice the learner has not seen */
  zoomedAt: { run: LessonRun | null; done: number };
  /** z: zoom or unzoom */
  toggleZoom(): void;
  /** the panes became tabs or side by side (a resize); a zoom stays, as z zooms at every size
   *  (the pane zoomed is the one shown or in focus, the same `tab` either way) */
  setTabs(tabs: boolean): void;
  /** the next pane, or with `by` -1 the one before */
  nextTab(by?: 1 | -1): void;
  /** c: the C program in place of the pane shown, and back */
  toggleCode(): void;
  /** `tab` shown (the Kernel pane, before s [ ] } act on it: a key acts on what is in sight, nc13k#3) */
  showTab(tab: TabId): void;
  /** a step's result is in `tab`: shown and in focus (the tabs, a zoom; side by side the focus,
   *  and the Flow and Kernel where the C code took their place), whichever pane the learner had
   *  shown before the run: 'moved' there; 'there' shown already (or zoomed: the zoom stays);
   *  'chosen': not shown, the learner chose another pane while the step ran */
  showResult(tab: TabId): 'moved' | 'there' | 'chosen';
  /** f: the lesson's next C file (clnt.c, rv.h...) */
  nextFile(): void;
  /** the C pane shown follows the step it is about: the file the step names (Step.code), once
   *  a step runs or another is shown (nc81: serv-clnt's C server ran, clnt.c stayed) */
  followStepFile(): void;
  /** whether each pane drawn (and the closing screen, 'end') has more to show above and below
   *  its window, as it last drew it: a scroll key is offered only where its pane can move that
   *  way (fix27c#1: "↓ scroll" on the bar where nothing scrolled) */
  room: Partial<Record<ScrollPane | 'end', PaneRoom>>;
  noteRoom(pane: ScrollPane | 'end', room: PaneRoom): void;
  /** the step just run whose part the Trace, as it last drew, cuts where z would show it (its
   *  border names z): the status line says so until z was used once (issue 16 item 11: newcomers
   *  pressed ↓ 13 times through overview 1's ipcs output, the border's "z: whole" unread) */
  traceCut: TraceCut | null;
  /** z zoomed once this session: the learner knows it, the status line no longer offers it */
  zoomUsed: boolean;
  noteTraceCut(cut: TraceCut | null): void;
  scrollTo(pane: StoredScroll, offset: number): void;
  follow(pane: FollowScroll, own: OwnOffset): void;
  loadFlow(): void;
}

/** What the Trace cuts of step `step` (0-based), the step just run: its result (`result`)
 *  or its part (`part`) is shown whole by z, else more of it (`more`); `rows`, the rows
 *  the Trace shows; `focusFirst`: side by side with another pane in focus, Tab comes first. */
export interface TraceCut {
  step: number;
  shows: 'result' | 'part' | 'more';
  rows: number;
  focusFirst: boolean;
  /** the learner moved the window from where the run left it: a cut of their own scroll gives
   *  the pane no rows (store/reading.ts; Home on the Trace shrank the lesson text, and the
   *  next PgDn moved that instead: lesson-scroll) */
  scrolled: boolean;
}

/** The following panes no longer drawn when the pane shown goes from `from` to `to`: the tab
 *  left (tabs), or the flow the C code takes the place of and back (side by side). A pane shown
 *  anew follows its content again; a full screen shown in between hides none of them. The
 *  Trace keeps where the learner left it (at its end: following it; scrolled up: there). */
function hiddenBy(from: TabId, to: TabId, tabs: boolean): FollowScroll[] {
  const hidden: FollowScroll[] = tabs ? [from] : to === 'code' ? ['flow'] : from === 'code' ? ['code'] : [];
  return hidden.filter((p) => p !== 'trace');
}

export const panesSlice =
  (deps: AppDeps): StateCreator<AppState, [], [], PanesSlice> =>
  (set, get) => {
    /** file `index` of the lesson's C files (the main program first), unless it is shown already */
    const loadCode = (index = get().code?.index ?? 0) => {
      const lesson = get().lessons[get().lessonIndex];
      const file = lesson?.code[index]?.path ?? lesson?.cFile;
      const was = get().code;
      if (!file || (was?.file === file && was.index === index)) return;
      const same = was?.file === file ? was : null;
      // out: what the file prints, in Chinese (the C pane's glosses under a line that prints)
      set({ code: { index, file, text: same ? same.text : deps.readCode(file), zh: same ? same.zh : deps.readCode(`zh/${file}.txt`), out: same ? same.out : deps.readCode(`zh/${file}.out.txt`) } });
    };
    /** the file the lesson text shown points to with "(f)": the step's texts, at the end the outro */
    const namedForF = () => {
      const { lessons, lessonIndex, view, done, lang } = get();
      const lesson = lessons[lessonIndex];
      if (!lesson) return null;
      const n = lesson.steps.length;
      const shown = view >= n ? [lesson.outro, lesson.steps[n - 1]?.notice] : [lesson.steps[view]?.say, view === done && view > 0 ? lesson.steps[view - 1]?.notice : undefined];
      return fileForF(shown.flatMap((t) => (t ? [t[lang]] : [])), lesson.code.map((f) => f.path));
    };
    /** the file the shown step's C anchor names (Step.code), where the lesson has several:
     *  the C pane shown anew opens on it, as it opens at the step's line */
    const stepFile = () => {
      const { lessons, lessonIndex, view } = get();
      const lesson = lessons[lessonIndex];
      const anchor = anchorsOf(lesson?.steps[codeStep(view, lesson.steps.length)]?.code)[0];
      if (!anchor) return undefined;
      const paths = lesson.code.map((f) => f.path);
      const named = anchorFile(anchor, paths);
      if (named !== null) return named;
      // a bare anchor is in the first of the lesson's files that has it (as tests/lessons/
      // c-follows-lesson reads it): a file picked with f holds only until the next step runs
      const shown = get().code;
      const has = (text: string | null | undefined) => !!text && anchorSpan(text, anchor) !== null;
      const i = paths.findIndex((p) => has(p === shown?.file ? shown.text : deps.readCode(p)));
      return i < 0 ? undefined : i;
    };
    // the step (its run, its index) while which the learner chose a pane, in a read of its own
    // (Tab, c, f, s…): that pane stays once the step ends (showResult)
    let chosenDuring: { run: LessonRun | null; step: number } | null = null;
    /** `tab` shown by a key (Tab, c, f, s…), with the panes it hides forgetting the learner's offsets */
    const choose = (tab: TabId, more: Partial<PanesSlice> = {}) => {
      const { busy, runningStep, run } = get();
      if (busy === 'running' && runningStep !== null && !get().keyCameWithRun()) chosenDuring = { run, step: runningStep };
      show(tab, more);
    };
    /** `tab` shown, with the panes it hides forgetting the learner's offsets */
    const show = (tab: TabId, more: Partial<PanesSlice> = {}) => {
      // zoomed, one pane is drawn at a time, as with tabs
      const gone = hiddenBy(get().tab, tab, get().tabs || get().zoomed).filter((p) => get().followed[p] !== undefined);
      // the same object where no offset is forgotten: an equal new one woke every pane that reads it, at every run
      const followed = gone.length === 0 ? get().followed : Object.fromEntries(Object.entries(get().followed).filter(([p]) => !gone.includes(p as FollowScroll)));
      set({ tab, followed, ...more });
    };
    return {
      tab: 'flow',
      tabBeforeCode: 'flow',
      result: null,
      resultCut: null,
      scroll: SCROLL_HOME,
      room: {},
      followed: {},
      code: null,
      flow: null,
      tabs: true,
      zoomed: false,
      zoomedAt: { run: null, done: 0 },
      traceCut: null,
      zoomUsed: false,

      toggleZoom() {
        set({ zoomed: !get().zoomed, zoomedAt: { run: get().run, done: get().done }, ...(get().zoomed ? {} : { zoomUsed: true }) });
      },

      setTabs(tabs) {
        if (tabs !== get().tabs) set({ tabs });
      },

      nextTab(by = 1) {
        const next = TABS[(TABS.indexOf(get().tab) + by + TABS.length) % TABS.length];
        // C reached by Tab too: c and Esc go back to the pane it came from
        if (next === 'code') {
          loadCode(stepFile());
          choose(next, { tabBeforeCode: get().tab });
        } else choose(next);
      },

      showTab(tab) {
        if (get().tab !== tab) choose(tab);
      },

      showResult(tab) {
        // a pane shown before the run (Tab, c, a scroll) was the learner looking around, not asking
        // to keep it: the result's pane is shown (issue 16 item 11: "your pane stays" cost newcomers
        // a Tab, then z, at nearly every step). One chosen while the step ran, in a read after its
        // Space, stays, as one chosen after the run does until the next (issue 16 item 13: a Tab
        // during serv-clnt 1's run was undone as it ended, and read as lost; the status line says
        // where the result is). Zoomed, the pane stays: z chose it to fill the screen, and the
        // zoom's note says where the notice is (tests/app/zoom: a zoomed Trace turned into the
        // Kernel under the reader)
        const chosen = chosenDuring !== null && chosenDuring.run === get().run && chosenDuring.step === get().runningStep;
        chosenDuring = null;
        if (get().tab === tab || get().zoomed) return 'there';
        if (chosen) return 'chosen';
        // side by side too the result's pane takes the focus, whichever it is, so z zooms it and ↑↓
        // scroll it (issue 16: Tab Tab, then z, to read a step's result cut at 120x34; the focus
        // went to a result in the Trace and stayed on the Flow for one in the Kernel)
        show(tab);
        return 'moved';
      },

      toggleCode() {
        if (get().tab === 'code') choose(get().tabBeforeCode);
        else {
          loadCode(stepFile());
          choose('code', { tabBeforeCode: get().tab });
        }
      },

      nextFile() {
        const lesson = get().lessons[get().lessonIndex];
        if (!lesson || lesson.code.length === 0) return;
        // one file: f says so rather than doing nothing the learner can see
        if (lesson.code.length === 1) set({ status: (s) => s.codeOneFile });
        // With the pane shown, f goes on by one, always: "1/3" then "2/3", never a jump the learner
        // reads as a file skipped (serv-clnt's outro names rv.h (f): f at 1/3 serv.c went to 3/3
        // rv.h). With it not shown, f opens it where the text shown says "(f)", else at the step's
        // file, as c does: "the file after the step's" skipped that one (fix18f#6: at serv-clnt
        // step 5, rv.h's, f opened stamp.h, and rv.h came only after three more presses).
        const { code, tab } = get();
        if (tab === 'code') loadCode(((code?.index ?? 0) + 1) % lesson.code.length);
        else {
          loadCode(namedForF() ?? stepFile() ?? code?.index ?? 0);
          choose('code', { tabBeforeCode: tab });
        }
      },

      followStepFile() {
        const file = stepFile();
        if (get().tab === 'code' && file !== undefined) loadCode(file);
      },

      noteRoom(pane, room) {
        const was = get().room[pane];
        if (was?.up !== room.up || was?.down !== room.down) set({ room: { ...get().room, [pane]: room } });
      },

      noteTraceCut(cut) {
        const was = get().traceCut;
        const same = was === cut || (was !== null && cut !== null && (Object.keys(cut) as (keyof TraceCut)[]).every((k) => was[k] === cut[k]));
        if (!same) set({ traceCut: cut });
      },

      noteResultCut(cut, at) {
        const { run, done, resultCut } = get();
        // at another size or language nothing cut: the rows kept for the last one go (Space then acts as ever)
        if (!cut && resultCut && resultCut.at !== at) set({ resultCut: null });
        if (cut && (resultCut?.run !== run || resultCut.step !== done - 1 || resultCut.at !== at)) set({ resultCut: { run, step: done - 1, at } });
      },

      scrollTo(pane, offset) {
        const { scroll } = get();
        const next = Math.max(0, offset);
        if (next !== scroll[pane]) set({ scroll: { ...scroll, [pane]: next } });
      },

      follow(pane, own) {
        const was = get().followed[pane];
        if (was?.anchor !== own.anchor || was.offset !== own.offset) set({ followed: { ...get().followed, [pane]: own } });
      },

      loadFlow() {
        void deps.loadFlow().then((flow) => set({ flow }));
      },
    };
  };
