// The lessons in the order a learner meets them (DESIGN.md's table).
import { ftok } from './ftok.js';
import { overview } from './overview.js';
import { parentChild } from './parent-child.js';
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
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}
