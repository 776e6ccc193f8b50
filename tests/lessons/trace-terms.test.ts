// Every term a learner sees is explained, the trace's too: what `ipclab run` prints of each
// lesson (its text and every trace line, calls, notes and command output, as the Trace
// pane shows them) names no code-like term (termsIn) that the glossary lacks. The lesson
// texts are checked as data by `ipclab check`; the trace exists only once the steps ran.
import { describe, expect, it } from 'vitest';
import { entryFor, termsIn } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import { cli } from './helpers.js';

describe('the trace of every lesson', () => {
  it.each(LESSONS.map((l) => l.id))('%s: every code-like term it shows is in the glossary, in both languages', async (id) => {
    const runs = await Promise.all((['en', 'zh'] as const).map((lang) => cli(['run', id, '--lang', lang, '--no-quiz'], 60_000)));
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(termsIn(run.stdout).filter((t) => !entryFor(t))).toEqual([]);
    }
  }, 90_000);
});
