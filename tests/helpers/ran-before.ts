// A state folder whose progress shows every lesson before one run to its end: a learner who
// went through the course in order, whose step 1 has no line counting the terms of lessons not
// run (lesson-view Earlier). For tests of keys and layout that take that learner's step 1 (its
// text whole at 80x24), not a newcomer's from the menu.
import { progressPath, saveProgress } from '../../src/app/progress.js';
import { LESSONS } from '../../src/lessons/index.js';
import { testTempDir } from './temp-dir.js';

export function ranBefore(id: string): string {
  const dir = testTempDir('ipclab-ran-before-');
  const before = LESSONS.slice(0, LESSONS.findIndex((l) => l.id === id));
  saveProgress({ lesson: null, step: 0, completed: before.map((l) => l.id), ran: Object.fromEntries(before.map((l) => [l.id, l.steps.length])), answers: {} }, progressPath({ XDG_STATE_HOME: dir }));
  return dir;
}
