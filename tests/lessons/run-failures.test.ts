// `ipclab run ID --json` exits 1 only with a line on stderr saying why (a step not as
// expected, with its problems; what was left): stdout is the wire, and a test or a person
// reading stderr saw nothing (fix19e#5). Under load too: two busy loops beside the run.
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { failureLines, type Left } from '../../src/commands/run.js';
import { lessonById } from '../../src/lessons/index.js';
import type { StepOutcome } from '../../src/lessons/types.js';
import { cli } from './helpers.js';

const NOTHING: Left = { segments: [], queues: [], semaphores: [] };

describe('failureLines', () => {
  const lesson = lessonById('shmget')!;
  const outcome = (i: number, problems: string[]): StepOutcome => ({ step: lesson.steps[i], ok: problems.length === 0, problems });

  it('is empty for a run whose every step went as expected and left nothing', () => {
    expect(failureLines(lesson, lesson.steps.map((_, i) => outcome(i, [])), NOTHING, 'en')).toEqual([]);
  });

  it('names every problem of every step not as expected, and what was left, in either language', () => {
    const outcomes = [outcome(0, []), outcome(1, ['shmget returned -1 (ENOMEM)', 'no row in ipcs']), outcome(2, [])];
    const left: Left = { ...NOTHING, queues: [{} as Left['queues'][number], {} as Left['queues'][number]] };
    const of = lesson.steps.length;
    const step = lesson.steps[1].id;
    expect(failureLines(lesson, outcomes, left, 'en')).toEqual([
      `ipclab run shmget: step 2/${of} (${step}) not as expected: shmget returned -1 (ENOMEM)`,
      `ipclab run shmget: step 2/${of} (${step}) not as expected: no row in ipcs`,
      'ipclab run shmget: 2 queues left in the kernel',
    ]);
    expect(failureLines(lesson, outcomes, left, 'zh')).toEqual([
      `ipclab run shmget：第 2/${of} 步（${step}）不符合预期：shmget returned -1 (ENOMEM)`,
      `ipclab run shmget：第 2/${of} 步（${step}）不符合预期：no row in ipcs`,
      'ipclab run shmget：内核里遗留了 2 个消息队列',
    ]);
  });
});

describe('run --json under load', () => {
  const loops: number[] = [];
  afterEach(() => {
    for (const pid of loops.splice(0)) process.kill(pid, 'SIGKILL');
  });

  it.each(['shmget', 'shmat'])('%s: status 1 comes with a stderr line for each problem of each step not ok, status 0 with none', { timeout: 120_000 }, async (id) => {
    for (let i = 0; i < 2; i++) loops.push(spawn('sh', ['-c', 'while :; do :; done'], { stdio: 'ignore' }).pid!);
    const run = await cli(['run', id, '--json'], 110_000);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; id?: string; ok?: boolean; problems?: string[] });
    const end = lines.at(-1)!;
    expect(end.type).toBe('end');
    expect(run.code, run.stderr).toBe(end.ok ? 0 : 1);
    const said = run.stderr.split('\n').filter(Boolean);
    const problems = lines.filter((l) => l.type === 'step' && !l.ok).flatMap((l) => l.problems!.map((p) => `(${l.id}) not as expected: ${p}`));
    for (const p of problems) expect(said.some((l) => l.endsWith(p)), `${p} in ${run.stderr}`).toBe(true);
    if (end.ok) expect(run.stderr).toBe('');
    else expect(said.length).toBeGreaterThan(0);
  });
});
