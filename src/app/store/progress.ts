// Progress: where the learner got to, saved after every step and lesson change, and
// at start the lesson to open (resuming the saved one by running its steps again).
import type { StateCreator } from 'zustand/vanilla';
import { traceShown, type LessonAt } from '../../lessons/glossary.js';
import type { AppState } from '../store.js';
import type { AppDeps } from './deps.js';

export interface ProgressSlice {
  /** ids of lessons run to the end */
  completed: string[];
  /** the most steps run in each lesson, by id */
  ran: Record<string, number>;
  /** by lesson id: what its trace showed of the glossary (progress.ts Progress.shown) */
  shown: Record<string, string[]>;
  /** opens the first lesson (or resumes saved progress); called once after the first frame */
  start(opts: { lesson?: string; restart: boolean }): Promise<void>;
  saveProgress(): void;
  /** forgets all progress and opens the first lesson */
  startOver(): Promise<void>;
}

/** The shown lesson and the lessons before it the learner ran (at least one step, in any
 *  session): the terms of those count as met, so "New terms" points to a term where this
 *  learner first meets it (glossary.ts LessonAt). */
export function lessonAt(st: Pick<AppState, 'lessons' | 'lessonIndex' | 'completed' | 'ran' | 'shown'>): LessonAt {
  const ran = st.lessons.slice(0, st.lessonIndex).flatMap((l) => ((st.ran[l.id] ?? 0) > 0 || st.completed.includes(l.id) ? [l.id] : []));
  return { index: st.lessonIndex, ran, shown: [...new Set(ran.flatMap((id) => st.shown[id] ?? []))] };
}

export const progressSlice =
  (deps: AppDeps): StateCreator<AppState, [], [], ProgressSlice> =>
  (set, get) => ({
    completed: [],
    ran: {},
    shown: {},

    async start({ lesson, restart }) {
      get().loadFlow();
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
      set({ completed: saved?.completed.filter((c) => ids.includes(c)) ?? [], ran: saved?.ran ?? {}, shown: saved?.shown ?? {}, answers: saved?.answers ?? {}, lessonIndex: index, status: restart ? (s) => s.restarted(index + 1) : null });
      // with no step to run again nothing runs: the screen is the ready one from its first frame
      // (fix22a#4: "running…" and "working" flashed before any key, as if step 1 ran by itself)
      await get().enqueue(replay > 0 ? 'running' : 'opening', () => get().openLesson(index, replay));
    },

    saveProgress() {
      const { lessons, lessonIndex, done, completed, answers, trace, lang } = get();
      const lesson = lessons[lessonIndex]?.id ?? null;
      let { ran, shown } = get();
      if (lesson !== null && done > (ran[lesson] ?? 0)) {
        ran = { ...ran, [lesson]: done };
        set({ ran });
      }
      const more = lesson === null ? [] : traceShown(trace, lang).filter((k) => !shown[lesson]?.includes(k));
      if (lesson !== null && more.length) {
        shown = { ...shown, [lesson]: [...(shown[lesson] ?? []), ...more] };
        set({ shown });
      }
      deps.progress.save({ lesson, step: done, completed, ran, shown, answers });
    },

    async startOver() {
      deps.progress.clear();
      set({ completed: [], ran: {}, shown: {}, answers: {} });
      await get().openLesson(0);
      set({ status: (s) => s.restarted(1) });
    },
  });
