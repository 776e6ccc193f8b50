// Runs of alike trace lines (a retry loop: one process's same call with the same result) fold:
// the first and the last drawn, one line in place of those between saying how many and over what
// time (issue 16: serv-clnt 5's client retries, a line each, pushed the step's result far up).
// The lines keep their order; a run never crosses a step's start; a run too short to save a row
// stays whole. msg 5 fills its queue with four alike msgsnd calls: its Trace folds them, for real.
// A step's routine lines (Step.traceRoutine: what earlier steps showed line by line) fold too, a
// run of two or more, of one process or several, into one line naming what each did, by process
// in the trace's order (issue 16: serv-clnt 5-6 took 46 lines, then 31-34, their result read only
// with z); serv-clnt 5 and 6 run for real where cc is installed.
import { describe, expect, it } from 'vitest';
import { FOLD_MIN, foldedRuns, routineRuns, traceView } from '../../src/app/components/trace-view.js';
import { lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import { startLesson } from '../../src/lessons/engine.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { Lesson, TraceEntry } from '../../src/lessons/types.js';
import { hasCc } from '../../src/lessons/serv-clnt-c.js';
import { fixtureLesson } from './fixture-lesson.js';

const lesson = fixtureLesson();
const retry = (at: number): TraceEntry => ({ type: 'call', pid: 4242, call: 'shmget', c: 'shmget(0x5300c90c, 0, 0)', ret: -1, errno: 'ENOENT', message: 'No such file or directory', at } as TraceEntry);
const other = (at: number): TraceEntry => ({ type: 'call', pid: 4242, call: 'shmget', c: 'shmget(0x5300c90c, 0, 0)', ret: 32804, errno: null, message: null, at } as TraceEntry);

/** The trace's lines as text, without their pid column, wide enough that none wraps. */
function texts(trace: TraceEntry[], starts: number[], lang: 'en' | 'zh' = 'en', ascii = false): string[] {
  return traceView(trace, starts, lesson, lang, 200, strings(lang), ascii, undefined, 1).lines.map((l) => lineText(l).replace(/^\s*\d+ /, '').trimEnd());
}

describe('the Trace folds runs of alike lines', () => {
  it('twelve retries over 1.1 s: the first, one fold line, the last, then the call that worked', () => {
    const trace = [...Array.from({ length: 12 }, (_, i) => retry(1000 + i * 100)), other(2200)];
    const lines = texts(trace, [0]).slice(1);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^shmget\(0x5300c90c, 0, 0\) = -1 ENOENT/);
    // one count, the calls alike, split into those shown and those folded (issue 16 item 19: "× 2 more of
    // the same hidden here: 4 msgsnd calls alike" read as two different counts), the shown ones by
    // where they stand (s36: "2 shown" was hard to count against the lines on screen)
    expect(lines[1]).toBe('× 12 shmget calls alike within 1.1 s: 1 above, 10 folded here, 1 below');
    expect(lines[2]).toBe(lines[0]);
    expect(lines[3]).toMatch(/= 32804$/);
    expect(texts(trace, [0], 'zh')[2]).toBe('× 连续 12 次相同的 shmget 调用，历时 1.1 s：上面 1 行，这里折叠 10 行，下面 1 行');
    expect(texts(trace, [0], 'en', true)[2]).toMatch(/^x 12 shmget/);
  });
  it(`fewer than ${FOLD_MIN} stay whole; a run across a step's start folds on neither side`, () => {
    const three = [retry(0), retry(1), retry(2)];
    expect(foldedRuns(three, [0]).size).toBe(0);
    expect(texts(three, [0]).slice(1)).toHaveLength(3);
    const across = Array.from({ length: 6 }, (_, i) => retry(i));
    expect(foldedRuns(across, [0, 3]).size).toBe(0);
    expect(foldedRuns(across, [0, 4])).toEqual(new Map([[0, 3]]));
  });
  it('another pid, result or call between ends a run', () => {
    const mixed = [retry(0), retry(1), { ...retry(2), pid: 7 } as TraceEntry, retry(3), retry(4), retry(5), retry(6)];
    expect(foldedRuns(mixed, [0])).toEqual(new Map([[3, 6]]));
  });
  it('msg 5, run for real: its four alike msgsnd calls fold, the EAGAIN after them whole', async () => {
    const msg = LESSONS.find((l) => l.id === 'msg')!;
    const run = startLesson(msg);
    try {
      while (run.done < 5) await run.runNext();
      const view = traceView(run.trace, run.stepStarts, msg, 'en', 78, strings('en'), false);
      const part = view.lines.slice(view.tops[4], view.ends[4]).map((l) => lineText(l));
      // one row at 78 cells: the count and where the shown ones are, read with the lines around it
      const fold = part.findIndex((l) => /× 4 msgsnd calls alike within .*: 1 above, 2 folded here, 1 below$/.test(l));
      expect(fold, part.join('\n')).toBeGreaterThan(0);
      expect(part[fold - 1]).toMatch(/msgsnd\(.*\) = 0$/);
      expect(part[fold + 1]).toBe(part[fold - 1]);
      expect(part.slice(fold + 2).join('\n')).toMatch(/msgsnd\(.*\) = -1 EAGAIN/);
    } finally {
      await run.close();
    }
  });
  describe('routine lines (Step.traceRoutine)', () => {
    const ev = (pid: number, en: string, at: number): TraceEntry => ({ type: 'event', pid, text: { en, zh: en }, at } as TraceEntry);
    const call = (pid: number, c: string, at: number): TraceEntry => ({ type: 'call', pid, call: c.slice(0, c.indexOf('(')), c, ret: 0, errno: null, message: null, at } as TraceEntry);
    const routine: Lesson = { ...lesson, steps: lesson.steps.map((st, k) => (k === 0 ? { ...st, traceFocus: ['IPC_RMID'], traceRoutine: { like: { en: 'as in step 9', zh: '同第 9 步' }, lines: ['shmat(', 'memset(', 'rv->magic', 'IPC_RMID'] } } : st)) } as Lesson;
    const trace = [call(7, 'shmget(0x1, 4096, 0600)', 0), call(7, 'shmat(3, NULL, 0)', 1), ev(7, 'memset(rv, 0, 32)', 2), ev(7, 'rv->magic = 0x4C425631', 3), ev(8, 'rv->magic == 0x4C425631', 4), call(7, 'shmctl(3, IPC_RMID, NULL)', 5), call(7, 'shmat(3, NULL, 0)', 6), call(7, 'shmat(3, NULL, 0)', 7)];
    const lines = (lang: 'en' | 'zh') => traceView(trace, [0, 7], routine, lang, 200, strings(lang), false, undefined, 1).lines.map((l) => lineText(l).replace(/^\s*(?:\d+ )?/, '').trimEnd());
    it('a run of two or more folds into one line naming each, by process where several; one alone, a focus line and another step\'s stay', () => {
      expect(routineRuns(trace, [0, 7], routine, 'en', strings('en'))).toEqual(new Map([[1, 4]]));
      expect(lines('en')).toEqual([
        expect.stringMatching(/^── step 1/),
        'shmget(0x1, 4096, 0600) = 0',
        // no pid in the column: the names say whose each line was, in order
        '× 4 lines as in step 9: 7: shmat, memset, rv->magic; 8: rv->magic',
        'shmctl(3, IPC_RMID, NULL) = 0',
        'shmat(3, NULL, 0) = 0',
        expect.stringMatching(/^── step 2/),
        'shmat(3, NULL, 0) = 0',
      ]);
      expect(lines('zh')[2]).toBe('× 4 行，同第 9 步：7: shmat, memset, rv->magic; 8: rv->magic');
      // one process's run names no pid: the column says it
      const own = trace.slice(0, 4);
      expect(traceView(own, [0], routine, 'en', 200, strings('en'), false, undefined, 1).lines.map((l) => lineText(l).trimEnd())[2]).toBe('    7 × 3 lines as in step 9: shmat, memset, rv->magic');
    });
    it.skipIf(!hasCc())('serv-clnt 5 and 6, run for real: the setup and the exchange as in steps 1-4 folded; the retried shmget, the message printed and the result whole', async () => {
      const lessonSc = LESSONS.find((l) => l.id === 'serv-clnt')!;
      const run = startLesson(lessonSc);
      try {
        while (run.done < 6) await run.runNext();
        const view = traceView(run.trace, run.stepStarts, lessonSc, 'en', 78, strings('en'), false);
        const part = (k: number) => view.lines.slice(view.tops[k], view.ends[k]).map((l) => lineText(l)).join('\n');
        for (const k of [4, 5]) {
          // 46-47 rows before any fold, 32-35 with each side's setup folded; 24-26 with the exchange too
          expect(view.ends[k]! - view.tops[k]!, part(k)).toBeLessThanOrEqual(28);
          expect(part(k)).toMatch(/× \d+ lines as in steps 1-4: .*shmat/);
          // the exchange's signals and data fold by process, in order; the message printed stays
          expect(part(k).replace(/\n {7,}/g, ' ')).toMatch(/× \d+ lines as in steps 1-4: \d+: [^\n]*kill; \d+:/);
          expect(part(k)).toMatch(/• printed "from/);
          expect(part(k)).toMatch(/IPC_RMID/);
        }
        expect(part(4)).toMatch(/shmget\(0x[0-9a-f]+, 0, 0\) = -1 ENOENT/);
        expect(part(4)).toMatch(/shmget\(0x[0-9a-f]+, 0, 0\) = \d+/);
        expect(part(5)).toMatch(/shmget\(0x[0-9a-f]+, 4096, IPC_CREAT\|IPC_EXCL\|0600\) = \d+/);
        // a fold line names code, and a gloss in words by its lead in the shown language: "compare-and-swap"
        // ("比较并交换" in zh: its English word stood in zh's line once; a bare "note" said nothing: issue 16)
        const zh = traceView(run.trace, run.stepStarts, lessonSc, 'zh', 78, strings('zh'), false);
        // each fold line with its wrapped rows (indented under the pid column)
        const foldsOf = (v: typeof view) => v.lines.map((l) => lineText(l)).join('\n').match(/× \d+ (?:lines|行)[^\n]*(?:\n {7,}[^\n]*)*/g) ?? [];
        const folds = [...foldsOf(view), ...foldsOf(zh)];
        expect(folds.length).toBeGreaterThan(0);
        for (const f of folds) expect(f).not.toMatch(/[:：]\s*$|\bnote\b|说明/);
        for (const f of foldsOf(zh)) expect(f).not.toMatch(/compare-and-swap/);
        // the names account for every line counted: each once, "×k" for k lines (issue 16: "× 9 lines"
        // named 7 things at step 6, its "expected = 0" and its note dropped), a process's after its pid
        for (const f of folds) {
          const [, n, names] = /× (\d+) (?:lines|行)[^:：]*[:：]\s*([\s\S]*)$/.exec(f.replace(/\n {7,}/g, ' '))!;
          const counted = names!.split(/, |; /).reduce((sum, name) => sum + Number(/ ×(\d+)$/.exec(name.replace(/^\d+: /, ''))?.[1] ?? 1), 0);
          expect(counted, f).toBe(Number(n));
        }
      } finally {
        await run.close();
      }
    });
  });
});
