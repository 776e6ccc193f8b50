// Navigation: which lesson and which step's text are shown (browsing never runs
// anything), the lesson menu and the help overlay.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from '../store.js';
import { NO_RUN } from './run-copy.js';

export type Overlay = 'none' | 'menu' | 'help' | 'end';

export interface NavigationSlice {
  lessonIndex: number;
  /** the step whose text is shown */
  view: number;
  /** presenter mode: lines of the next step's text revealed beyond the first */
  revealed: number;
  overlay: Overlay;
  menuCursor: number;
  /** →: the next step's text (not run) */
  showNext(): void;
  /** ←: the previous step's text */
  showPrev(): void;
  toggleMenu(): void;
  /** moves the menu cursor by one, round the list and "start over" */
  menuMove(by: 1 | -1): void;
  /** Enter in the menu: the lesson chosen, or start over */
  menuOpen(): void;
  openHelp(): void;
  /** Esc: the overlay, else the C code */
  close(): void;
}

export const navigationSlice: StateCreator<AppState, [], [], NavigationSlice> = (set, get) => ({
  lessonIndex: 0,
  view: 0,
  revealed: 0,
  overlay: 'none',
  menuCursor: 0,

  showNext() {
    const { view, done, lessons, lessonIndex } = get();
    const steps = lessons[lessonIndex].steps.length;
    const max = done >= steps ? steps : steps - 1;
    if (view < max) set({ view: view + 1, scroll: { ...get().scroll, lesson: 0 } });
  },

  showPrev() {
    const { view } = get();
    if (view > 0) set({ view: view - 1, scroll: { ...get().scroll, lesson: 0 } });
  },

  toggleMenu() {
    set({ overlay: get().overlay === 'menu' ? 'none' : 'menu', menuCursor: get().lessonIndex });
  },

  menuMove(by) {
    const entries = get().lessons.length + 1;
    set({ menuCursor: (get().menuCursor + entries + by) % entries });
  },

  menuOpen() {
    const cursor = get().menuCursor;
    if (cursor >= get().lessons.length) {
      set({ overlay: 'none' });
      void get().enqueue('resetting', get().startOver);
      return;
    }
    const old = get().run;
    if (cursor === get().lessonIndex || get().busy !== null) {
      set({ overlay: 'none' });
      return;
    }
    // one update closes the menu and shows the new lesson, not yet run: the next
    // frame is already the new lesson while the old one is cleaned up behind it
    set({ ...NO_RUN, overlay: 'none', status: null, lessonIndex: cursor, view: 0, revealed: 0 });
    void get().enqueue('resetting', () => get().openLesson(cursor, 0, old));
  },

  openHelp() {
    set({ overlay: 'help' });
  },

  close() {
    if (get().overlay !== 'none') set({ overlay: 'none' });
    else if (get().tab === 'code') set({ tab: get().tabBeforeCode });
  },
});
