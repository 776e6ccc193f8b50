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
import { GLOSSARY, outsideBrackets } from './glossary.js';
import { keepWhole } from '../text/cells.js';

// wrap keeps the glossary's terms and headings of several words on one line where they fit
// ("System V IPC", "kill -9"): every text that names one is wrapped after this module loads
// (one that joins two terms, "lspid and lrpid", is two: not kept as one)
keepWhole(GLOSSARY.flatMap((e) => [...e.terms, ...(['en', 'zh'] as const).flatMap((l) => outsideBrackets(e.name[l]).split(/,\s*|、|\s+\/\s+/))].filter((t) => !/\s(?:and|or)\s/.test(t))));

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
