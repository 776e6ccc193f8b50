// The lessons in the order a learner meets them: the only list of them. What else names
// lessons derives from it: `ipclab lessons` and `run`, `make check` in examples/c (through
// `ipclab lessons --json`), the README's table (scripts/readme-lessons.ts), `ipclab
// check` and the tests. A new lesson is a module of its own and a line here.
import { ftok } from './ftok.js';
import { msg } from './msg.js';
import { overview } from './overview.js';
import { parentChild } from './parent-child.js';
import { race } from './race.js';
import { sem } from './sem.js';
import { servClnt } from './serv-clnt.js';
import { shmat } from './shmat.js';
import { shmctl } from './shmctl.js';
import { shmdt } from './shmdt.js';
import { shmget } from './shmget.js';
import type { Lesson } from './types.js';

export const LESSONS: Lesson[] = [
  overview,
  shmget,
  ftok,
  shmat,
  shmdt,
  shmctl,
  parentChild,
  servClnt,
  msg,
  sem,
  race,
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}

/** The programs of examples/c that check themselves (kind 'check'), without '.c', in
 *  lesson order: what `make check` runs. */
export function checkPrograms(lessons: readonly Lesson[] = LESSONS): string[] {
  return lessons.flatMap((l) => l.code.filter((f) => f.kind === 'check').map((f) => f.path.replace(/\.c$/, '')));
}
