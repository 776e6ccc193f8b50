// What a run's notice points the learner at is on screen right then (tests/app/notice-says.tsx),
// for the lessons whose steps list the whole machine's objects: alone, so no other file's objects
// are in those lists (tests/helpers/side-by-side.ts, LISTS_MACHINE).
import { LESSONS } from '../../src/lessons/index.js';
import { LISTS_MACHINE } from '../helpers/side-by-side.js';
import { noticeSaysWalk } from './notice-says.js';

noticeSaysWalk(LESSONS.filter((lesson) => LISTS_MACHINE.has(lesson.id)));
