// The keys a learner presses after Space to read all of the step's part of the Trace
// (tests/app/trace-result-presses.ts), for the lessons whose steps list the whole machine's objects: alone, so
// no other file's objects are in those lists (tests/helpers/side-by-side.ts, LISTS_MACHINE).
import { LESSONS } from '../../src/lessons/index.js';
import { LISTS_MACHINE } from '../helpers/side-by-side.js';
import { tracePressesWalk } from './trace-result-presses.js';

tracePressesWalk(LESSONS.filter((lesson) => LISTS_MACHINE.has(lesson.id)));
