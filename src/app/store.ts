// The app state: one zustand (vanilla) store made of a slice per concern, each in
// store/: running a lesson, the kernel view, navigation, panes and focus, progress.
// Data flows one way: the lesson engine calls the native layer, the store copies what
// the engine and the kernel say, components only read the store; keys reach it
// through dispatch (the scroll keys through the pane they move, see use-scroll.ts).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Lang } from '../lang.js';
import type { Lesson } from '../lessons/types.js';
import { keyFor, STEP_ACTIONS, type StoreAction } from './keymap.js';
import type { EditAction } from './play/line-editor.js';
import { otherLang } from './strings.js';
import { answers, cancelled } from './store/ask.js';
import type { AppDeps } from './store/deps.js';
import { findSlice, type FindSlice } from './store/find.js';
import { kernelSlice, type KernelSlice } from './store/kernel.js';
import { navigationSlice, type NavigationSlice } from './store/navigation.js';
import { panesSlice, type PanesSlice } from './store/panes.js';
import { playSlice, type PlaySlice } from './store/play.js';
import { progressSlice, type ProgressSlice } from './store/progress.js';
import { quizSlice, type QuizSlice } from './store/quiz.js';
import { runSlice, takesKeys, type RunSlice } from './store/run.js';
import { turnSlice, type TurnSlice } from './store/turn.js';

export type { AppDeps, DiagramRenderer, KernelView } from './store/deps.js';

/** How the tutorial is shown, from the command line (the language also from the l key). */
export interface Settings {
  lang: Lang;
  ascii: boolean;
  color: boolean;
  present: boolean;
  /** checkpoints and end-of-lesson checks (off with --no-quiz); unset: on */
  quiz?: boolean;
}

export interface AppCore extends Settings {
  lessons: Lesson[];
  switchLang(): void;
  /** what a key means, once the keymap has named it; `input` is the key pressed (a digit for choose) */
  dispatch(action: StoreAction, input?: string): void;
  /** a key of the lesson screen that is no binding: the status line says so (a key never does nothing unsaid) */
  unbound(input: string): void;
}

export type AppState = AppCore & RunSlice & KernelSlice & NavigationSlice & PanesSlice & ProgressSlice & PlaySlice & TurnSlice & QuizSlice & FindSlice;
export type AppStore = StoreApi<AppState>;

function handlers(s: AppState, input: string): Record<StoreAction, () => void> {
  // the line keys edit the your-turn field with focus, else the playground's line (keymap: both scopes)
  const lineEdit = (action: EditAction) => (s.turnFocus !== null ? s.turnLine(action) : s.playEdit(action));
  return {
    choose: () => s.choose(Number(input)),
    skip: s.skipQuestion,
    hint: s.showHint,
    reveal: s.revealGrade,
    // Space and Enter run alike but at a lesson's end, where Enter alone goes on (store/turn.ts
    // runShown), and in review (a step that ran shown, after ←), where Enter goes on as → does: a
    // re-run resets the lesson, and only Space, which the bar names for it, does that (issue 16:
    // Enter one step short of the end, meant as "finish", re-ran all of race)
    run: () => (input !== ' ' && s.view < s.done ? s.showNext() : s.runShown(input !== ' ')),
    next: s.showNext,
    aside: s.toggleAside,
    prev: s.showPrev,
    reset: s.resetLesson,
    menu: s.toggleMenu,
    code: s.toggleCode,
    zoom: s.toggleZoom,
    file: s.nextFile,
    // the Kernel pane comes into view first: from the C pane (or Flow, Trace) they moved a dump not in sight (nc13k#3)
    pick: () => (s.showTab('kernel'), s.pickSegment()),
    bytesBack: () => (s.showTab('kernel'), s.pageDump(-1)),
    bytesOn: () => (s.showTab('kernel'), s.pageDump(1)),
    bytesSeek: () => (s.showTab('kernel'), s.seekDump()),
    lang: s.switchLang,
    help: s.openHelp,
    errata: () => s.toggleList('errata'),
    glossary: () => s.toggleList('glossary'),
    quit: () => void s.quit(),
    tab: () => s.nextTab(),
    tabBack: () => s.nextTab(-1),
    menuUp: () => s.menuMove(-1),
    menuDown: () => s.menuMove(1),
    menuPageUp: () => s.menuMove(-10, true),
    menuPageDown: () => s.menuMove(10, true),
    menuFirst: () => s.menuMove(-Infinity, true),
    menuLast: () => s.menuMove(Infinity, true),
    menuOpen: s.menuOpen,
    close: () => (s.screen === 'play' && s.overlay === 'none' ? s.leavePlay() : s.close()),
    play: s.openPlay,
    playEnter: s.playEnter,
    playComplete: s.playComplete,
    playInterrupt: s.playInterrupt,
    playSide: s.playNextSide,
    left: () => s.playEdit('left'),
    right: () => s.playEdit('right'),
    home: () => lineEdit('home'),
    end: () => lineEdit('end'),
    backspace: () => lineEdit('backspace'),
    delete: () => lineEdit('delete'),
    killBefore: () => lineEdit('killBefore'),
    killAfter: () => lineEdit('killAfter'),
    killWord: () => lineEdit('killWord'),
    historyUp: () => s.playEdit('historyUp'),
    historyDown: () => s.playEdit('historyDown'),
    turn: s.turnEdit,
    turnNext: () => s.turnMove(1),
    turnPrev: () => s.turnMove(-1),
    turnRun: s.turnRun,
    turnCancel: s.turnCancel,
    turnCycleBack: () => s.turnCycle(-1),
    turnCycle: () => s.turnCycle(1),
    find: s.findStart,
    findNext: s.findNext,
    findAgain: s.findAgain,
    findEnd: s.findEnd,
    findErase: () => s.findType('', true),
  };
}

export function createAppStore(deps: AppDeps, settings: Settings): AppStore {
  const store = createStore<AppState>()((...a) => {
    const [set, get] = a;
    return {
      lang: settings.lang,
      ascii: settings.ascii,
      color: settings.color,
      present: settings.present,
      lessons: deps.lessons,
      ...runSlice(deps)(...a),
      ...kernelSlice(deps)(...a),
      ...navigationSlice(...a),
      ...panesSlice(deps)(...a),
      ...progressSlice(deps)(...a),
      ...playSlice(deps)(...a),
      ...turnSlice(...a),
      ...quizSlice(settings.quiz ?? true)(...a),
      ...findSlice(...a),
      // a redraw in the other language takes a few ms (bench/startup.md): no interim frame
      switchLang: () => set({ lang: otherLang(get().lang) }),
      dispatch(action, input = '') {
        if (!takesKeys(get())) return;
        // a key about the steps after one that ran a step, in the same read: not used (keymap.ts
        // STEP_ACTIONS); after one that closed a form, no key of the read but Ctrl-C is (store/run.ts formClosed)
        if (!(action === 'quit' && input !== 'q') && get().keyDropped(STEP_ACTIONS.has(action), action === 'run')) return;
        // what the status line said was about the last key: the next one that acts clears it
        // (a key with news of its own says it again); a step or reset under way says so itself
        // (only when there is one: an update that changes nothing still wakes every subscriber)
        if (get().busy === null && get().status !== null) set({ status: null });
        // a key that asked (Space at a question, r, Enter on an erratum or "start over") is
        // answered by its second press only: any other forgets the question, Esc saying so and
        // doing nothing else (store/ask.ts)
        const asked = get().ask;
        if (asked !== null && !answers(asked, action)) {
          set({ ask: null });
          const said = action === 'close' ? cancelled(asked) : null;
          if (said) return set({ status: said });
        }
        handlers(get(), input)[action]();
      },
      unbound(input) {
        if (!takesKeys(get()) || get().keyDropped(false)) return;
        set({ ask: null, status: (s) => s.noKey(input, keyFor('help', get().ascii)) });
      },
    };
  });
  // the C pane follows the step it is about, however the step changed (a run, → ←, a reset, a lesson)
  store.subscribe((now, was) => {
    if (now.view !== was.view || now.done !== was.done || now.lessonIndex !== was.lessonIndex) {
      now.followStepFile();
      // the aside a showed is folded again at any other step (a run, → ←, a reset, a lesson)
      if (now.asideShown) store.setState({ asideShown: false });
    }
  });
  return store;
}
