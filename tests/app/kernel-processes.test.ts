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
import { cells } from '../../src/app/text-fit.js';
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
    const shown = readers.filter((p) => new RegExp(`\\b${p.pid}\\b`).test(bar)).length;
    const counted = Number(/\+ (\d+) ended/.exec(bar)?.[1] ?? 0);
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
    // the first is the lesson process, named so in every lesson (issue 16), its role after the pid:
    // "worker 1" never stands before a pid
    const en = lineText(tabBarLine({ tab: 'flow', processes, lang: 'en', ascii: false, width: 120 }));
    expect(en).toMatch(/lesson (pid )?31812 \(the worker 1\)/);
    expect(en).not.toMatch(/worker 1 (pid )?31812/);
    const reader = lineText(tabBarLine({ tab: 'flow', processes: [processes[1]], lang: 'en', ascii: false, width: 120 }));
    expect(reader).toMatch(/lesson (pid )?31813 \(the reader\)/);
    expect(lineText(tabBarLine({ tab: 'flow', processes, lang: 'zh', ascii: false, width: 120 }))).toMatch(/本课 (pid )?31812（工作进程 1）/);
  });

  it('the ended list breaks between names, never inside one, every name in one form (fix24e#3: "服务\n端", "持有者 1 pid" beside "等待者 14128")', () => {
    const ended = (role: string, pid: number) => ({ pid, role: { en: role, zh: role }, attached: false, alive: false });
    const procs = [{ pid: process.pid, role: { en: 'this lesson', zh: '本课' }, attached: false, alive: true }, ended('服务端', 4235), ended('服务端', 2972), ended('等待者', 14128), ended('持有者 1', 15060)];
    for (const width of [20, 24, 30, 40, 78]) {
      const text = processLines(procs, 'zh', strings('zh'), true, width).map(lineText);
      for (const p of procs.slice(1)) expect(text.some((l) => l.includes(`${p.role.zh} pid ${p.pid}`)), `${width}: ${text.join('|')}`).toBe(true);
    }
  });

  it('two running workers whose roles differ only at their end stay apart in the rows, cut at their start where cut (pass 12: race 3 zh showed "信号量轮的工作…" twice)', () => {
    const worker = (pid: number, n: number) => ({ pid, role: { en: `semaphore worker ${n}`, zh: `信号量轮的工作进程 ${n}` }, attached: true, alive: true });
    const procs = [{ pid: process.pid, role: { en: 'this lesson', zh: '本课' }, attached: true, alive: true }, worker(27917, 1), worker(27918, 2)];
    const wchans = new Map([[process.pid, '0'], [27917, 'do_semtimedop'], [27918, 'do_semtimedop']]);
    for (const lang of ['en', 'zh'] as const)
      for (const width of [40, 48, 56, 76])
        for (const w of [null, wchans]) {
          const text = processLines(procs, lang, strings(lang), true, width, w).map(lineText);
          const rows = [27917, 27918].map((pid) => text.find((l) => l.startsWith(String(pid))) ?? '');
          const at = `${lang} ${width}: ${text.join('|')}`;
          // each row keeps its role's end, the worker's number; where the role column has its
          // 16 cells and more, no row is wider than the pane
          rows.forEach((r, i) => expect(r, at).toMatch(new RegExp(`(worker|工作进程) ${i + 1} `)));
          if (width >= 56) for (const l of text) expect(cells(l), at).toBeLessThanOrEqual(width);
        }
  });

  it("a wchan of 0 is said as what it means: the process was running (newcomers: the lesson's own row read 'wchan 0', unexplained)", () => {
    const procs = [
      { pid: process.pid, role: { en: 'this lesson', zh: '本课' }, attached: false, alive: true },
      { pid: 31813, role: { en: 'reader', zh: '读者' }, attached: false, alive: true },
    ];
    const wchans = new Map([[process.pid, '0'], [31813, 'do_msgrcv']]);
    for (const lang of ['en', 'zh'] as const) {
      const s = strings(lang);
      const text = processLines(procs, lang, s, false, 78, wchans).map(lineText);
      expect(text.find((l) => l.startsWith(String(process.pid)))).toMatch(new RegExp(`${s.wchanRunning.replace(/[()（）]/g, '.')}$`));
      expect(text.find((l) => l.startsWith('31813'))).toMatch(/ do_msgrcv$/);
    }
  });

  for (const id of ['serv-clnt', 'parent-child', 'shmat', 'sem'] as const) {
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
          // (shmat's first process, its C program, leaves the count no room at 80 columns)
          const alive = rest.filter((p) => p.alive).length;
          if (rest.length > 0 && id !== 'shmat') expect(bar, bar).toContain(s.morePids(alive, rest.length - alive, null));
          // the pane's rows (78 inside, 9 rows at 80x24 tabbed): every process's pid in them
          const shown = processLines(run.processes, lang, s, true, 78).map(lineText);
          for (const p of run.processes) expect(shown.join('\n'), `${id} step ${run.done} ${lang}`).toMatch(new RegExp(`\\b${p.pid}\\b`));
          // a table row for the lesson's own and each running one; the ended ones on the line(s) after,
          // each name whole on a line, none of them a row too (shmat 12 listed its C program both ways: fix24e#3)
          const rows = run.processes.filter((p) => p.alive || p.pid === process.pid);
          expect(shown.length).toBeLessThanOrEqual((rows.length > 0 ? 1 + rows.length : 0) + Math.ceil(rest.length / 2)); // two names a line at least ("ipclab server 1 pid 5731")
          for (const p of run.processes.filter((q) => !rows.includes(q))) {
            const name = s.pidOf(p.role[lang], String(p.pid));
            const pidAlone = new RegExp(`\\b${p.pid}\\b`);
            expect(shown.filter((l) => pidAlone.test(l)), `${id} step ${run.done} ${lang}: ${shown.join('|')}`).toEqual(shown.filter((l) => l.includes(name)));
            expect(shown.filter((l) => l.includes(name)).length).toBe(1);
          }
          ended = Math.max(ended, rest.filter((p) => !p.alive).length);
          // the whole pane at 80x24 holds the process list within its rows when nothing else crowds it
          const pane = kernelLines({ segments: [], queues: [], semaphores: [], focus: null, stat: null, dump: null, decoded: null, processes: run.processes, marks: { owners: { lesson: new Set(), ipclab: new Set() }, before: null, mark: null, ascii: false }, lang, s }, 78, 9).map(lineText);
          for (const p of run.processes) expect(pane.join('\n')).toMatch(new RegExp(`\\b${p.pid}\\b`));
        }
      }
      // the lesson ended processes: the line was drawn
      expect(ended, id).toBeGreaterThan(0);
    }, 120_000);
  }
});
