// Panes and focus: which pane the tabs show (or has the focus side by side), how far
// the learner scrolled each, the lesson's C source and the flow library. How far a
// pane can scroll depends on its content and size: the pane knows it, so a key gives
// the store an offset already kept inside the content.
import type { StateCreator } from 'zustand/vanilla';
import { TABS, type ScrollPane, type TabId } from '../layout.js';
import type { AppState } from '../store.js';
import type { AppDeps, DiagramRenderer } from './deps.js';

/** The panes whose offset outlives them; the flow's follows its lit part and lives with its pane. */
export type StoredScroll = Exclude<ScrollPane, 'flow'>;
export const SCROLL_HOME: Record<StoredScroll, number> = { lesson: 0, kernel: 0, trace: 0, code: 0 };

export interface PanesSlice {
  tab: TabId;
  /** scroll offsets: lines from the top, except trace (lines from the newest) */
  scroll: Record<StoredScroll, number>;
  code: { file: string; text: string | null } | null;
  flow: DiagramRenderer | null;
  nextTab(): void;
  /** c: the C program in place of the flow, and back */
  toggleCode(): void;
  scrollTo(pane: StoredScroll, offset: number): void;
  loadFlow(): void;
}

export const panesSlice =
  (deps: AppDeps): StateCreator<AppState, [], [], PanesSlice> =>
  (set, get) => {
    const loadCode = () => {
      const lesson = get().lessons[get().lessonIndex];
      if (!lesson || get().code?.file === lesson.cFile) return;
      set({ code: { file: lesson.cFile, text: deps.readCode(lesson.cFile) } });
    };
    return {
      tab: 'flow',
      scroll: SCROLL_HOME,
      code: null,
      flow: null,

      nextTab() {
        const next = TABS[(TABS.indexOf(get().tab) + 1) % TABS.length];
        if (next === 'code') loadCode();
        set({ tab: next });
      },

      toggleCode() {
        if (get().tab === 'code') set({ tab: 'flow' });
        else {
          loadCode();
          set({ tab: 'code' });
        }
      },

      scrollTo(pane, offset) {
        const { scroll } = get();
        const next = Math.max(0, offset);
        if (next !== scroll[pane]) set({ scroll: { ...scroll, [pane]: next } });
      },

      loadFlow() {
        void deps.loadFlow().then((flow) => set({ flow }));
      },
    };
  };
