// A notice that points at a trace line (Step.traceFocus) points at it as the learner's language
// shows it: in each language some mark of the step (they are one or another, trace-view.ts
// `marked`) is in that step's trace lines in that language, and what a notice naming the Trace
// quotes ("…", “…”; … for what varies, a pane's name aside) is in them too (issue 16:
// parent-child 5's zh notice spoke of the "read at" line, which zh writes "从 0x… 读出").
// And the processes a step shows have names of their own: no two by one name, ended or not
// (issue 16: serv-clnt 5's Kernel pane ended "server pid 12400, server pid 11678").
// Every lesson is run in-process on the real kernel.
import { afterEach, describe, expect, it } from 'vitest';
import { startLesson } from '../../src/lessons/engine.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { LessonRun, TraceEntry } from '../../src/lessons/types.js';
import { namesTrace } from '../../src/lessons/validate.js';
import { seenEndParts } from '../../src/text/results.js';

/** The panes' names, which a zh notice quotes as names (“跟踪”窗格), not as trace text. */
const PANES = new Set(['跟踪', '内核', '流程图', '流程', 'C', '课程']);

/** A step's trace lines as the Trace writes them in `lang` (a call: C, result, errno). */
function shown(entries: readonly TraceEntry[], lang: 'en' | 'zh'): string {
  return entries
    .map((e) => (e.type === 'call' ? `${e.c} = ${e.retText ?? e.ret} ${e.errno ?? ''}` : e.type === 'event' || e.type === 'measure' ? e.text[lang] : e.type === 'output' ? `$ ${e.command}\n${e.text}` : e.type === 'refused' ? e.text : seenEndParts(e.what, e.death, lang).join('')))
    .join('\n');
}

/** Lessons whose steps still show two processes by one name, a list that can only shrink:
 *  msg's two readers (steps 6 and 7), shmctl's two children. */
const SAME_NAME: Record<string, string> = { msg: 'reader', shmctl: 'child' };

const runs: LessonRun[] = [];
afterEach(async () => {
  for (const run of runs.splice(0)) await run.close();
});

describe('a notice\'s trace marks are in the trace, in each language', () => {
  for (const lesson of LESSONS) {
    it(lesson.id, { timeout: 120_000 }, async () => {
      const run = startLesson(lesson);
      runs.push(run);
      const missing: string[] = [];
      for (const step of lesson.steps) {
        const start = run.trace.length;
        const outcome = await run.runNext();
        expect(outcome.problems, `${lesson.id}/${step.id}`).toEqual([]);
        const roles = run.processes.map((p) => p.role.en);
        const twice = roles.filter((r, i) => roles.indexOf(r) !== i && SAME_NAME[lesson.id] !== r);
        if (twice.length) missing.push(`${step.id}: two processes named ${twice.join(', ')}`);
        for (const lang of ['en', 'zh'] as const) {
          const lines = shown(run.trace.slice(start), lang);
          const flat = lines.replace(/\s+/g, '');
          const marks = (step.traceFocus ?? []).flatMap((m) => (typeof m === 'object' && 'ipcsRow' in m ? [] : [typeof m === 'string' ? m : m[lang]]));
          if (marks.length && !marks.some((m) => flat.includes(m.replace(/\s+/g, '')))) missing.push(`${step.id} ${lang}: none of ${marks.join(', ')}`);
          if (!namesTrace(step.notice)) continue;
          for (const quote of [...step.notice[lang].matchAll(/["“]([^"”]+)["”]/g)].map((m) => m[1]!)) {
            if (PANES.has(quote)) continue;
            const pattern = new RegExp(quote.replace(/\s+/g, ' ').split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*?'));
            if (!pattern.test(lines.replace(/[^\S\n]+/g, ' '))) missing.push(`${step.id} ${lang}: the notice quotes "${quote}"`);
          }
        }
      }
      expect(missing).toEqual([]);
    });
  }
});
