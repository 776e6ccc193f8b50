// The lesson's processes as the tab bar and the Kernel pane count them (fix16b#5): msg runs
// two readers, one after the other, in the same place of its list; both are counted as
// ended ("1 ended" was said after two had run). Real processes, the real lesson.
import { afterAll, describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { startLesson } from '../../src/lessons/engine.js';
import { tabBarLine } from '../../src/app/components/TabBar.js';
import { kernelLines, processLines } from '../../src/app/components/kernel-view.js';
import { strings } from '../../src/app/strings.js';
import { lineText } from '../../src/app/styled.js';
import type { LessonRun } from '../../src/lessons/types.js';

const runs: LessonRun[] = [];
afterAll(async () => {
  for (const run of runs) await run.close().catch(() => undefined);
});

describe('the processes a lesson started and ended', () => {
  it('msg: both readers are counted as ended, the lesson itself running', async () => {
    const run = startLesson(LESSONS.find((l) => l.id === 'msg')!);
    runs.push(run);
    // every process the lesson listed at any moment of the run
    const seen = new Set<number>();
    const stop = run.subscribe(() => {
      for (const p of run.processes) seen.add(p.pid);
    });
    // a step slow under load may report a problem (not asleep within 10 s): the list is the point here
    for (const _ of run.lesson.steps) await run.runNext();
    stop();
    const readers = run.processes.filter((p) => p.pid !== process.pid);
    expect(seen.size).toBe(3);
    expect(new Set(run.processes.map((p) => p.pid))).toEqual(seen);
    expect(readers.every((p) => !p.alive && !p.attached)).toBe(true);
    expect(run.processes.find((p) => p.pid === process.pid)?.alive).toBe(true);
    // the tab bar at 80 columns counts them whole
    const bar = lineText(tabBarLine({ tab: 'flow', processes: run.processes, lang: 'en', ascii: false, width: 80 }));
    const shown = readers.filter((p) => bar.includes(String(p.pid))).length;
    const counted = Number(/\+ (\d+) (more )?\(0 running\)/.exec(bar)?.[1] ?? 0);
    expect(shown + counted, bar).toBe(2);
  }, 60_000);

  it('shmat: its list of children empties at the end, and the lesson process is never said to have ended', async () => {
    const run = startLesson(LESSONS.find((l) => l.id === 'shmat')!);
    runs.push(run);
    const saidEnded: number[] = [];
    const stop = run.subscribe(() => {
      if (run.processes.some((p) => p.pid === process.pid && !p.alive)) saidEnded.push(run.done);
    });
    for (const _ of run.lesson.steps) await run.runNext();
    stop();
    expect(run.done).toBe(run.lesson.steps.length);
    expect(saidEnded, 'steps after which this process was listed as ended').toEqual([]);
  }, 60_000);

  it('a role that ends in a number says "pid" before its pid, in both languages (nc194: "worker 1 31812")', () => {
    // the tab bar names the first process (the others it counts)
    const processes = [
      { pid: 31812, role: { en: 'worker 1', zh: '工作进程 1' }, attached: false, alive: false },
      { pid: 31813, role: { en: 'reader', zh: '读者' }, attached: false, alive: true },
    ];
    const en = lineText(tabBarLine({ tab: 'flow', processes, lang: 'en', ascii: false, width: 120 }));
    expect(en).toContain('worker 1 pid 31812');
    const reader = lineText(tabBarLine({ tab: 'flow', processes: [processes[1]], lang: 'en', ascii: false, width: 120 }));
    expect(reader).toContain('reader 31813');
    expect(lineText(tabBarLine({ tab: 'flow', processes, lang: 'zh', ascii: false, width: 120 }))).toContain('工作进程 1 pid 31812');
  });

  for (const id of ['serv-clnt', 'parent-child'] as const) {
    it(`${id}: after every step the Kernel pane at 80x24 shows every process the tab bar counts, the ended ones on a line of their own (fix23f#2)`, async () => {
      const lesson = LESSONS.find((l) => l.id === id)!;
      const run = await startLesson(lesson);
      runs.push(run);
      let ended = 0;
      while (run.done < lesson.steps.length) {
        await run.runNext();
        for (const lang of ['en', 'zh'] as const) {
          const s = strings(lang);
          const [, ...rest] = run.processes;
          const bar = lineText(tabBarLine({ tab: 'kernel', processes: run.processes, lang, ascii: false, width: 80 }));
          if (rest.length > 0) expect(bar, bar).toContain(`+ ${rest.length}`);
          // the pane's rows (78 inside, 9 rows at 80x24 tabbed): every process's pid in them
          const shown = processLines(run.processes, lang, s, true, 78).map(lineText);
          for (const p of run.processes) expect(shown.join('\n'), `${id} step ${run.done} ${lang}`).toMatch(new RegExp(`\\b${p.pid}\\b`));
          // a table row for the lesson's own and each running one; the ended ones on the line(s) after
          expect(shown.length).toBeLessThanOrEqual(1 + run.processes.filter((p, i) => i === 0 || p.alive).length + Math.ceil(rest.length / 3));
          ended = Math.max(ended, rest.filter((p) => !p.alive).length);
          // the whole pane at 80x24 holds the process list within its rows when nothing else crowds it
          const pane = kernelLines({ segments: [], queues: [], semaphores: [], focus: null, stat: null, dump: null, decoded: null, processes: run.processes, marks: { owners: { lesson: new Set(), ipclab: new Set() }, before: null, mark: null, ascii: false }, lang, s }, 78, 9).map(lineText);
          for (const p of run.processes) expect(pane.join('\n')).toContain(String(p.pid));
        }
      }
      // the lesson ended processes: the line was drawn
      expect(ended, id).toBeGreaterThan(0);
    }, 120_000);
  }
});
