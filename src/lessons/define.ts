// A lesson module writes its lesson through defineLesson, naming the type of the state
// its steps share: the compiler then checks every step's use of it.
import type { Lesson } from './types.js';

/** A lesson as its module writes it: all but cFile, which is the first of its C files. */
export type LessonSpec<S> = Omit<Lesson<S>, 'cFile'>;

/** `defineLesson<{ shmid?: number }>({ ..., state: () => ({}), steps: [...] })` */
export function defineLesson<S>(spec: LessonSpec<S>): Lesson<S> {
  // an empty list is the validator's to report, not a crash at import
  return { ...spec, cFile: spec.code[0]?.path ?? '' };
}
