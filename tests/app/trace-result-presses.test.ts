// The keys a learner presses after Space to read all of the step's part of the Trace
// (tests/app/trace-result-presses.ts), for every lesson but those that list the whole machine's objects,
// which trace-result-presses-ipcs.test.ts walks alone.
import { LESSONS } from '../../src/lessons/index.js';
import { LISTS_MACHINE } from '../helpers/side-by-side.js';
import { tracePressesWalk } from './trace-result-presses.js';

tracePressesWalk(LESSONS.filter((lesson) => !LISTS_MACHINE.has(lesson.id)));
