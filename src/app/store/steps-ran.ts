// Whether the learner ran a step, as the progress knows it: in any session (the most steps
// run of each lesson, the lessons completed) and in the lesson open now. The errata and the
// glossary show what is true only once the step that shows it ran.
import type { Shown } from '../../lessons/glossary.js';
import type { AppState } from '../store.js';

type Progress = Pick<AppState, 'lessons' | 'ran' | 'completed' | 'lessonIndex' | 'done'>;

/** `ran(lessonId, stepIndex)` */
export function stepsRan(st: Progress): (lesson: string, step: number) => boolean {
  const here = st.lessons[st.lessonIndex]?.id;
  return (lesson, step) => st.completed.includes(lesson) || (st.ran[lesson] ?? 0) > step || (lesson === here && st.done > step);
}

/** Whether a glossary entry's held part is shown: its step ran, or the lesson open now comes
 *  after that step's (a learner who skipped ahead meets IPC_PRIVATE in every later lesson, and
 *  no question of an earlier lesson waits there). */
export function partsShown(st: Progress): (part: Shown) => boolean {
  const ran = stepsRan(st);
  return (part) => {
    const lesson = st.lessons.findIndex((l) => l.id === part.lesson);
    const step = st.lessons[lesson]?.steps.findIndex((s) => s.id === part.step) ?? -1;
    return step >= 0 && (ran(part.lesson, step) || st.lessonIndex > lesson);
  };
}
