// The app state (zustand, vanilla store) and every action a key can trigger.
// Data flows one way: the lesson engine calls the native layer, the store copies
// what the engine and the kernel say, components only read the store.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Lang } from '../lang.js';
import type { Decoded, Lesson, LessonRun, ProcessInfo, TraceEntry } from '../lessons/types.js';
import type { SegmentRecord, ShmidDs } from '../native/types.js';
import type { Highlight, StyledLine } from '../flow/types.js';
import type { Action } from './keymap.js';
import type { Progress } from './progress.js';
import { TABS, type ScrollPane, type TabId } from './layout.js';
import { otherLang, type Strings } from './strings.js';
import { revealUnits } from './reveal.js';

/** What the state panel needs from the kernel. Reading it never changes what ipcs shows. */
export interface KernelView {
  /** the raw text of /proc/sysvipc/shm: compared to skip all work while nothing changed */
  procText(): string;
  segments(): SegmentRecord[];
  /** IPC_STAT, or null when it failed (segment gone) */
  stat(shmid: number): ShmidDs | null;
  /** the one cleanup routine shared with the signal handlers */
  cleanupNow(): void;
}

/** The part of src/flow the screen uses (loaded after the first frame). */
export interface DiagramRenderer {
  renderDiagram(name: string, options: { width?: number; ascii?: boolean }): { width: number; height: number; lines(highlight?: Highlight): StyledLine[] };
}

export interface AppDeps {
  lessons: Lesson[];
  startLesson(lesson: Lesson): LessonRun;
  kernel: KernelView;
  /** the first bytes of a segment through an attachment already held (native peekAttached); null when none is */
  peek(shmid: number, length: number): Uint8Array | null;
  readCode(file: string): string | null;
  progress: { load(): Progress; save(p: Progress): void; clear(): void };
  loadFlow(): Promise<DiagramRenderer>;
}

export type Overlay = 'none' | 'menu' | 'help';
/** A status message as a function of the UI strings, so a language switch translates it. */
export type Status = (s: Strings) => string;
export type Busy = 'running' | 'resetting' | 'quitting' | null;

export interface AppData {
  lang: Lang;
  ascii: boolean;
  color: boolean;
  present: boolean;
  lessons: Lesson[];
  lessonIndex: number;
  run: LessonRun | null;
  /** copies of the run's fields, taken on every change it reports */
  done: number;
  trace: readonly TraceEntry[];
  stepStarts: readonly number[];
  focus: number | null;
  processes: readonly ProcessInfo[];
  /** a structure the lesson decoded from its segment (serv-clnt), for the kernel pane */
  decoded: Decoded | null;
  /** the step whose text is shown (browsing never runs anything) */
  view: number;
  /** presenter mode: lines of the next step's text revealed beyond the first */
  revealed: number;
  /** problems of steps that did not behave as expected, by step index */
  problems: Record<number, string[]>;
  completed: string[];
  segments: SegmentRecord[];
  stat: ShmidDs | null;
  dump: Uint8Array | null;
  overlay: Overlay;
  menuCursor: number;
  tab: TabId;
  /** scroll offsets: lines from the top, except trace (lines from the newest) */
  scroll: Record<ScrollPane, number>;
  scrollMax: Record<ScrollPane, number>;
  code: { file: string; text: string | null } | null;
  flow: DiagramRenderer | null;
  busy: Busy;
  /** what the status line says, in the language shown when it is drawn */
  status: Status | null;
  /** set once cleanup after q / Ctrl-C is finished: the app unmounts */
  finished: boolean;
}

export interface AppActions {
  dispatch(action: Action): void;
  /** opens the first lesson (or resumes saved progress); called once after the first frame */
  start(opts: { lesson?: string; restart: boolean }): Promise<void>;
  refreshKernel(force?: boolean): void;
  setScrollMax(pane: ScrollPane, max: number): void;
  scrollTo(pane: ScrollPane, offset: number): void;
  /** q, Ctrl-C: waits for a running step, removes what the lesson made, cleans up */
  quit(): Promise<void>;
}

export type AppState = AppData & AppActions;
export type AppStore = StoreApi<AppState>;

export const DUMP_BYTES = 64;
/** lines a PgUp / PgDn moves the lesson text */
const PAGE = 4;
/** how long quit waits for a running step before cleaning up anyway */
const QUIT_WAIT_MS = 3000;

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a === b || (a.length === b.length && a.every((v, i) => v === b[i]));
}

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export function createAppStore(deps: AppDeps, init: { lang: Lang; ascii: boolean; color: boolean; present: boolean }): AppStore {
  let unsubscribeRun: (() => void) | null = null;
  let lastProcText: string | null = null;
  // every action that touches the lesson runs after the previous one finished
  let chain: Promise<void> = Promise.resolve();

  const store = createStore<AppState>()((set, get) => {
    const enqueue = (busy: Exclude<Busy, null>, work: () => Promise<void>): Promise<void> => {
      if (get().busy !== null) return chain;
      set({ busy });
      chain = chain
        .then(work)
        .catch((err: unknown) => set({ status: (s) => s.stepFailed(err instanceof Error ? err.message : String(err)) }))
        .finally(() => {
          if (get().busy === busy) set({ busy: null });
        });
      return chain;
    };

    const saveProgress = () => {
      const { lessons, lessonIndex, done, completed } = get();
      deps.progress.save({ lesson: lessons[lessonIndex]?.id ?? null, step: done, completed });
    };

    // Copies what the run reports, keeping the store's own value of every field whose
    // content did not change: components select these fields, and a new array or object
    // with the same content would draw the same screen again (a React commit and a full
    // Ink frame each).
    const snapshot = () => {
      const { run } = get();
      if (!run) return;
      const problems: Record<number, string[]> = {};
      run.outcomes.forEach((o, i) => {
        if (!o.ok) problems[i] = o.problems;
      });
      const now = get();
      const next: Partial<AppData> = {};
      if (run.done !== now.done) next.done = run.done;
      if (run.focus !== now.focus) next.focus = run.focus;
      // trace entries are never changed once added: the same entries are the same trace
      if (!sameItems(run.trace, now.trace)) next.trace = run.trace;
      if (!sameItems(run.stepStarts, now.stepStarts)) next.stepStarts = run.stepStarts;
      if (!sameJson(run.processes, now.processes)) next.processes = run.processes;
      if (!sameJson(run.decoded ?? null, now.decoded)) next.decoded = run.decoded ?? null;
      if (!sameJson(problems, now.problems)) next.problems = problems;
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

    const loadCode = () => {
      const lesson = get().lessons[get().lessonIndex];
      if (!lesson || get().code?.file === lesson.cFile) return;
      set({ code: { file: lesson.cFile, text: deps.readCode(lesson.cFile) } });
    };

    const openLesson = async (index: number, replay = 0, old = get().run) => {
      if (old) {
        unsubscribeRun?.();
        unsubscribeRun = null;
        await old.close();
      }
      const lesson = get().lessons[index];
      const run = deps.startLesson(lesson);
      unsubscribeRun = run.subscribe(onRunChange);
      set({
        lessonIndex: index,
        run,
        view: 0,
        revealed: 0,
        scroll: { lesson: 0, flow: 0, kernel: 0, trace: 0, code: 0 },
        code: null,
        tab: get().tab === 'code' ? 'flow' : get().tab,
      });
      snapshot();
      if (replay > 0) {
        // resuming: run the steps already done again, so the kernel holds what they made
        const steps = Math.min(replay, lesson.steps.length);
        const resuming: Status = (s) => s.resuming(steps);
        set({ status: resuming });
        for (let i = 0; i < steps; i++) {
          const outcome = await run.runNext();
          if (!outcome.ok) {
            set({ status: (s) => s.resumeFailed(i + 1, outcome.problems.join('; ')) });
            break;
          }
        }
        if (run.done >= lesson.steps.length) await run.close();
        snapshot();
        set({ view: run.done });
        if (get().status === resuming) set({ status: (s) => s.resumed(lesson.id, run.done) });
      }
      saveProgress();
      get().refreshKernel(true);
    };

    const runStep = async () => {
      const { run, present, revealed, lessons, lessonIndex } = get();
      if (!run) return;
      const lesson = lessons[lessonIndex];
      if (run.done >= lesson.steps.length) {
        if (lessonIndex + 1 < lessons.length) {
          set({ status: null });
          await openLesson(lessonIndex + 1);
        } else set({ status: (s) => s.allDone });
        return;
      }
      const step = lesson.steps[run.done];
      if (present && revealed + 1 < revealUnits(step.say[get().lang]).length) {
        set({ view: run.done, revealed: revealed + 1 });
        return;
      }
      set({ view: run.done, status: null });
      await run.runNext();
      const finished = run.done >= lesson.steps.length;
      // a lesson that ended removes what it made; its trace stays to be read
      if (finished) await run.close();
      snapshot();
      const completed = finished && !get().completed.includes(lesson.id) ? [...get().completed, lesson.id] : get().completed;
      set({ view: run.done, revealed: 0, completed, scroll: { ...get().scroll, trace: 0, lesson: 0 } });
      saveProgress();
      get().refreshKernel(true);
    };

    const scrollBy = (pane: ScrollPane, delta: number) => {
      const { scroll } = get();
      // the trace counts from the newest line, so "up" means further from it
      get().scrollTo(pane, scroll[pane] + (pane === 'trace' ? -delta : delta));
    };

    const menuEntries = () => get().lessons.length + 1;

    const handlers: Record<Action, () => void> = {
      run: () => void enqueue('running', runStep),
      next: () => {
        const { view, done, lessons, lessonIndex } = get();
        const steps = lessons[lessonIndex].steps.length;
        const max = done >= steps ? steps : steps - 1;
        if (view < max) set({ view: view + 1, scroll: { ...get().scroll, lesson: 0 } });
      },
      prev: () => {
        const { view } = get();
        if (view > 0) set({ view: view - 1, scroll: { ...get().scroll, lesson: 0 } });
      },
      reset: () =>
        void enqueue('resetting', async () => {
          set({ status: (s) => s.resetting });
          const { run } = get();
          if (!run) return;
          await run.reset();
          snapshot();
          set({ view: 0, revealed: 0, status: (s) => s.resetDone, scroll: { ...get().scroll, trace: 0 } });
          saveProgress();
          get().refreshKernel(true);
        }),
      menu: () => set({ overlay: get().overlay === 'menu' ? 'none' : 'menu', menuCursor: get().lessonIndex }),
      code: () => {
        if (get().tab === 'code') set({ tab: 'flow' });
        else {
          loadCode();
          set({ tab: 'code' });
        }
      },
      lang: () => set({ lang: otherLang(get().lang) }),
      help: () => set({ overlay: 'help' }),
      quit: () => void get().quit(),
      tab: () => {
        const next = TABS[(TABS.indexOf(get().tab) + 1) % TABS.length];
        if (next === 'code') loadCode();
        set({ tab: next });
      },
      scrollUp: () => scrollBy(get().tab, -1),
      scrollDown: () => scrollBy(get().tab, 1),
      pageUp: () => scrollBy('lesson', -PAGE),
      pageDown: () => scrollBy('lesson', PAGE),
      menuUp: () => set({ menuCursor: (get().menuCursor + menuEntries() - 1) % menuEntries() }),
      menuDown: () => set({ menuCursor: (get().menuCursor + 1) % menuEntries() }),
      menuOpen: () => {
        const cursor = get().menuCursor;
        if (cursor < get().lessons.length) {
          const old = get().run;
          if (cursor === get().lessonIndex || get().busy !== null) {
            set({ overlay: 'none' });
            return;
          }
          // one update closes the menu and shows the new lesson, not yet run: the next
          // frame is already the new lesson while the old one is cleaned up behind it
          set({ overlay: 'none', status: null, lessonIndex: cursor, run: null, done: 0, view: 0, revealed: 0, trace: [], stepStarts: [], focus: null, processes: [], decoded: null, problems: {} });
          void enqueue('resetting', () => openLesson(cursor, 0, old));
          return;
        }
        set({ overlay: 'none' });
        void enqueue('resetting', async () => {
          deps.progress.clear();
          set({ completed: [] });
          await openLesson(0);
          set({ status: (s) => s.restarted });
        });
      },
      close: () => {
        if (get().overlay !== 'none') set({ overlay: 'none' });
        else if (get().tab === 'code') set({ tab: 'flow' });
      },
    };

    return {
      lang: init.lang,
      ascii: init.ascii,
      color: init.color,
      present: init.present,
      lessons: deps.lessons,
      lessonIndex: 0,
      run: null,
      done: 0,
      trace: [],
      stepStarts: [],
      focus: null,
      processes: [],
      decoded: null,
      view: 0,
      revealed: 0,
      problems: {},
      completed: [],
      segments: [],
      stat: null,
      dump: null,
      overlay: 'none',
      menuCursor: 0,
      tab: 'flow',
      scroll: { lesson: 0, flow: 0, kernel: 0, trace: 0, code: 0 },
      scrollMax: { lesson: 0, flow: 0, kernel: 0, trace: 0, code: 0 },
      code: null,
      flow: null,
      busy: null,
      status: null,
      finished: false,

      dispatch(action) {
        if (get().finished || get().busy === 'quitting') return;
        handlers[action]();
      },

      async start({ lesson, restart }) {
        void deps.loadFlow().then((flow) => set({ flow }));
        const saved = restart ? null : deps.progress.load();
        if (restart) deps.progress.clear();
        const ids = get().lessons.map((l) => l.id);
        let index = 0;
        let replay = 0;
        if (lesson !== undefined) index = Math.max(0, ids.indexOf(lesson));
        else if (saved?.lesson && ids.includes(saved.lesson)) {
          index = ids.indexOf(saved.lesson);
          replay = saved.step;
          if (replay >= get().lessons[index].steps.length) {
            // that lesson was finished: go on with the next one (or begin the last again)
            index = Math.min(index + 1, ids.length - 1);
            replay = 0;
          }
        }
        set({ completed: saved?.completed.filter((c) => ids.includes(c)) ?? [], lessonIndex: index, status: restart ? (s) => s.restarted : null });
        await enqueue('running', () => openLesson(index, replay));
      },

      refreshKernel(force = false) {
        const text = deps.kernel.procText();
        if (!force && text === lastProcText) return;
        lastProcText = text;
        const { focus } = get();
        // ipclab's segments: recorded ones, and ours or in focus even after IPC_RMID took
        // them out of the record while still attached (status dest, key 0: still in ipcs)
        const segments = deps.kernel.segments().filter((s) => s.ours || s.cpid === process.pid || s.shmid === focus);
        const stat = focus !== null ? deps.kernel.stat(focus) : null;
        const dump = focus !== null ? deps.peek(focus, DUMP_BYTES) : null;
        const next: Partial<AppData> = {};
        if (!sameJson(segments, get().segments)) next.segments = segments;
        if (!sameJson(stat, get().stat)) next.stat = stat;
        if (!sameBytes(dump, get().dump)) next.dump = dump;
        if (Object.keys(next).length > 0) set(next);
      },

      setScrollMax(pane, max) {
        const { scrollMax, scroll } = get();
        if (scrollMax[pane] === max) return;
        set({ scrollMax: { ...scrollMax, [pane]: max }, scroll: { ...scroll, [pane]: Math.min(scroll[pane], max) } });
      },

      scrollTo(pane, offset) {
        const { scroll, scrollMax } = get();
        const next = Math.min(Math.max(0, offset), scrollMax[pane]);
        if (next !== scroll[pane]) set({ scroll: { ...scroll, [pane]: next } });
      },

      async quit() {
        if (get().busy === 'quitting' || get().finished) return;
        const waiting = chain;
        set({ busy: 'quitting', status: (s) => s.quitting, overlay: 'none' });
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([waiting, new Promise((resolve) => (timer = setTimeout(resolve, QUIT_WAIT_MS)))]);
        clearTimeout(timer);
        const { run } = get();
        if (run) {
          saveProgress();
          unsubscribeRun?.();
          try {
            await run.close();
          } catch {
            // cleanupNow below removes whatever the reset could not
          }
        }
        deps.kernel.cleanupNow();
        set({ finished: true });
      },
    };
  });
  return store;
}
