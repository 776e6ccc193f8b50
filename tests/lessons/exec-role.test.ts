// A process that exec'd is another program: the Kernel pane's process list names it by what it
// runs now (newcomers s36: shmat 10's child, turned into sleep by its exec, was still "its child",
// the name it had as a copy of inherit). Every lesson runs for real; after each step, a listed
// process still running whose command (/proc/PID/comm) is not the one it had when first listed
// names the new one in its role, en and zh.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startLesson } from '../../src/lessons/engine.js';
import { LESSONS } from '../../src/lessons/index.js';
import { hasCc } from '../../src/lessons/serv-clnt-c.js';
import type { LessonRun } from '../../src/lessons/types.js';

const runs: LessonRun[] = [];
afterAll(async () => {
  for (const run of runs.splice(0)) await run.close().catch(() => undefined);
});

/** The command a process runs now, or null once it is gone. */
function commandOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return null;
  }
}

describe('a listed process that exec\'d is named by the program it runs now', () => {
  it.skipIf(!hasCc())('every lesson, every step (shmat 10: its child, now sleep)', async () => {
    const problems: string[] = [];
    let execs = 0;
    for (const lesson of LESSONS) {
      const run = startLesson(lesson);
      runs.push(run);
      const first = new Map<number, string>();
      for (let i = 0; i < lesson.steps.length; i++) {
        expect((await run.runNext()).ok).toBe(true);
        for (const p of run.processes.filter((q) => q.alive)) {
          const now = commandOf(p.pid);
          if (now === null) continue;
          const was = first.get(p.pid);
          if (was === undefined) first.set(p.pid, now);
          else if (now !== was) {
            execs++;
            for (const lang of ['en', 'zh'] as const) if (!p.role[lang].includes(now)) problems.push(`${lesson.id} step ${i + 1} (${lang}): pid ${p.pid} runs ${now} since its exec, listed as "${p.role[lang]}"`);
          }
        }
      }
      await run.close();
    }
    // shmat's child execs sleep: the check saw it
    expect(execs).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 300_000);
});
