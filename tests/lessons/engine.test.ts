// The engine in this process against the real kernel: steps run in order with their
// calls traced, reset removes what a half-run lesson made, close removes the rest,
// a throwing step fails plainly, a step missing what an earlier one should have left
// fails plainly, the state starts over at reset, and a missing command is an answer.
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startLesson } from '../../src/lessons/engine.js';
import { defineLesson } from '../../src/lessons/define.js';
import { execCommand } from '../../src/lessons/exec.js';
import { lessonById } from '../../src/lessons/index.js';
import { need } from '../../src/lessons/kit.js';
import type { Lesson, LessonRun, Step, TraceEntry } from '../../src/lessons/types.js';
import { cleanupNow, getpid, readSegments } from '../../src/native/index.js';
import { hasCc } from '../../src/lessons/serv-clnt-c.js';
import { segmentsCreatedBy } from './helpers.js';

const runs: LessonRun[] = [];
function start(lesson: Lesson): LessonRun {
  const run = startLesson(lesson);
  runs.push(run);
  return run;
}

afterEach(async () => {
  // whatever a failing assertion left half-done, the kernel ends clean
  for (const run of runs.splice(0)) await run.close().catch(() => undefined);
  expect(segmentsCreatedBy(getpid())).toEqual([]);
});

/** What the test lessons' steps may carry. */
interface TestState {
  count?: number;
  nothing?: string;
}
const text = (en: string) => ({ en, zh: en });
function step(id: string, run: Step<TestState>['run']): Step<TestState> {
  return { id, title: text(id), say: text(id), notice: text(id), diagram: 'overview-lifecycle', highlight: [], run };
}
function lesson(steps: Step<TestState>[]): Lesson<TestState> {
  return defineLesson<TestState>({
    id: 'test',
    title: text('t'),
    intro: text('i'),
    outro: text('o'),
    summary: 'a test',
    diagrams: ['overview-lifecycle'],
    code: [{ path: 'overview.c', kind: 'check' }],
    state: () => ({}),
    steps,
  });
}

/** The shmid of the first segment a lesson's trace shows created. */
/** A process that exists and is not a zombie waiting to be reaped. */
function running(pid: number): boolean {
  try {
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function shmidOf(trace: readonly TraceEntry[]): number {
  return (trace.find((e) => e.type === 'call' && e.call === 'shmget') as { ret: number }).ret;
}

describe('startLesson', () => {
  it('runs steps in order, traces every native call and notifies subscribers', async () => {
    const run = start(lessonById('shmctl')!);
    let notified = 0;
    const stop = run.subscribe(() => notified++);
    const first = await run.runNext();
    expect(first).toMatchObject({ ok: true, problems: [] });
    expect(first.step.id).toBe('setup');
    expect(run.done).toBe(1);
    expect(run.stepStarts).toEqual([0]);
    const calls = run.trace.filter((e) => e.type === 'call');
    // the lesson's private folder (mkdir 0700), the key's file made in it as C makes it (open,
    // close), then ftok reads it
    expect(calls.map((c) => c.call)).toEqual(['mkdir', 'open', 'close', 'ftok', 'shmget', 'shmat']);
    const shmid = (calls[4] as { ret: number }).ret;
    expect(run.focus).toBe(shmid);
    expect(readSegments().find((s) => s.shmid === shmid)).toMatchObject({ nattch: 1, cpid: getpid() });
    expect(notified).toBeGreaterThanOrEqual(3);
    stop();
    const before = notified;
    await run.runNext();
    expect(notified).toBe(before);
    expect(run.outcomes.map((o) => o.step.id)).toEqual(['setup', 'stat']);
  });

  it('reset removes what a half-run lesson made (detach, IPC_RMID, its temp folder) and starts over', async () => {
    const shmctl = start(lessonById('shmctl')!);
    await shmctl.runNext();
    const shmid = shmidOf(shmctl.trace);
    expect(readSegments().some((s) => s.shmid === shmid)).toBe(true);
    await shmctl.reset();
    expect(readSegments().some((s) => s.shmid === shmid)).toBe(false);
    expect(shmctl.done).toBe(0);
    expect(shmctl.trace).toEqual([]);
    expect(shmctl.focus).toBeNull();
    // and it runs again from the start, all the way
    for (let i = 0; i < shmctl.lesson.steps.length; i++) expect((await shmctl.runNext()).problems).toEqual([]);

    const ftok = start(lessonById('ftok')!);
    for (let i = 0; i < 5; i++) await ftok.runNext(); // up to IPC_CREAT
    const path = (ftok.trace.find((e) => e.type === 'call' && e.call === 'ftok') as { c: string }).c.match(/"(.*)"/)![1];
    const created = ftok.trace.find((e) => e.type === 'call' && e.call === 'shmget' && e.errno === null) as { ret: number };
    expect(existsSync(path)).toBe(true);
    expect(readSegments().some((s) => s.shmid === created.ret)).toBe(true);
    await ftok.reset();
    expect(existsSync(path)).toBe(false);
    expect(readSegments().some((s) => s.shmid === created.ret)).toBe(false);
  });

  it.skipIf(!hasCc())('reset after the fork in shmat ends inherit.c and its forked child, and frees the segment', async () => {
    const shmat = start(lessonById('shmat')!);
    const ids = shmat.lesson.steps.map((s) => s.id);
    for (let i = 0; i <= ids.indexOf('fork'); i++) expect((await shmat.runNext()).problems).toEqual([]);
    // the lesson's own process, named first, then inherit.c and the child it forked, running
    // (step 6's throw-away child is listed too, ended)
    expect(shmat.processes[0]).toMatchObject({ pid: process.pid, role: { en: 'lesson', zh: '本课' }, alive: true });
    const pids = shmat.processes.filter((p) => p.pid !== process.pid && p.alive).map((p) => p.pid);
    expect(pids).toHaveLength(2);
    const shmid = shmidOf(shmat.trace);
    await shmat.reset();
    // the C program is gone at once; its child dies of PR_SET_PDEATHSIG a moment later
    const deadline = Date.now() + 10_000;
    while (pids.some(running) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(pids.filter(running)).toEqual([]);
    expect(readSegments().some((s) => s.shmid === shmid)).toBe(false);
  });

  it("ipclab's way out (cleanupNow, as on Ctrl-C or SIGTERM) also runs a lesson's reset hooks once", async () => {
    const ftok = start(lessonById('ftok')!);
    await ftok.runNext();
    const path = (ftok.trace.find((e) => e.type === 'call' && e.call === 'ftok') as { c: string }).c.match(/"(.*)"/)![1];
    expect(existsSync(path)).toBe(true);
    cleanupNow();
    expect(existsSync(path)).toBe(false);
    // the hook is spent: a later reset does not run it twice, and the lesson starts over cleanly
    await ftok.reset();
    expect((await ftok.runNext()).problems).toEqual([]);
  });

  it('close removes a segment left attached and marked dest, and records the calls it made', async () => {
    const shmctl = start(lessonById('shmctl')!);
    for (let i = 0; i < 6; i++) await shmctl.runNext(); // up to IPC_RMID while attached
    const shmid = shmidOf(shmctl.trace);
    expect(readSegments().find((s) => s.shmid === shmid)?.status).toEqual(['dest']);
    const length = shmctl.trace.length;
    await shmctl.close();
    expect(readSegments().some((s) => s.shmid === shmid)).toBe(false);
    expect(shmctl.trace.slice(length).map((e) => (e.type === 'call' ? e.c : e.type))).toEqual([expect.stringMatching(/^shmdt\(0x[0-9a-f]+\)$/)]);
    await expect(shmctl.runNext()).rejects.toThrow(/closed/);
  });

  it('a throwing step is a failed step with the error as its problem, and the lesson goes on', async () => {
    const run = start(
      lesson([
        step('make', (ctx) => {
          ctx.sys.shmget(ctx.sys.IPC_PRIVATE, 4096, 0o600);
          throw new Error('boom after shmget');
        }),
        step('async', async () => {
          await Promise.resolve();
          throw new TypeError('bad thing');
        }),
        step('needs', (_ctx, state) => [need(state, 'nothing')]),
      ]),
    );
    expect(await run.runNext()).toMatchObject({ ok: false, problems: ['boom after shmget'] });
    expect(await run.runNext()).toMatchObject({ ok: false, problems: ['TypeError: bad thing'] });
    expect(await run.runNext()).toMatchObject({ ok: false, problems: ['this step needs nothing from an earlier step, which did not provide it'] });
    await expect(run.runNext()).rejects.toThrow(/all have run/);
    const shmid = (run.trace[0] as { ret: number }).ret;
    expect(readSegments().some((s) => s.shmid === shmid)).toBe(true);
    await run.close();
    expect(readSegments().some((s) => s.shmid === shmid)).toBe(false);
  });

  it('exec: a missing program is an answer (exitCode null and a plain event), a real one gives its output', async () => {
    const run = start(
      lesson([
        step('missing', async (ctx) => {
          const r = await ctx.exec('ipclab-no-such-program', ['-m']);
          return r.exitCode === null ? [] : ['expected exitCode null'];
        }),
        step('real', async (ctx) => {
          const r = await ctx.exec(process.execPath, ['-e', 'process.stdout.write("out\\n"); process.exit(3)']);
          return r.exitCode === 3 && r.text === 'out' ? [] : [`got ${JSON.stringify(r)}`];
        }),
      ]),
    );
    expect((await run.runNext()).problems).toEqual([]);
    expect(run.trace[0]).toMatchObject({ type: 'output', command: 'ipclab-no-such-program -m', exitCode: null });
    expect(run.trace[1]).toMatchObject({ type: 'event', text: { en: expect.stringContaining('is not installed') } });
    expect((await run.runNext()).problems).toEqual([]);
  });

  it('gives every step the same state, and a fresh one at reset', async () => {
    const count = (_ctx: unknown, state: TestState) => {
      state.count = (state.count ?? 0) + 1;
      return [String(state.count)];
    };
    const run = start(lesson([step('one', count), step('two', count)]));
    expect((await run.runNext()).problems).toEqual(['1']);
    expect((await run.runNext()).problems).toEqual(['2']);
    await run.reset();
    expect((await run.runNext()).problems).toEqual(['1']);
  });

  it('keeps what a step decoded for the state panel until reset', async () => {
    const decoded = { title: 'struct ipclab_rv', shmid: 1, pid: getpid(), fields: [{ name: 'magic', offset: 0, value: '0x4c425631' }] };
    const run = start(lesson([step('decode', (ctx) => (ctx.setDecoded?.(decoded), []))]));
    await run.runNext();
    expect(run.decoded).toEqual(decoded);
    await run.reset();
    expect(run.decoded).toBeNull();
  });

  it('exec stops a command that runs too long and says so', async () => {
    const started = Date.now();
    const result = await execCommand(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], 300);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result).toMatchObject({ exitCode: 124, notInstalled: false });
    expect(result.text).toContain('stopped after 0.3 s');
  });

  it('reset and steps never overlap: busy while one runs, reset waits for the running step', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const run = start(
      lesson([
        step('slow', async (ctx) => {
          ctx.sys.shmget(ctx.sys.IPC_PRIVATE, 4096, 0o600);
          await gate;
          return [];
        }),
      ]),
    );
    const stepDone = run.runNext();
    const resetDone = run.reset();
    await Promise.resolve();
    expect(run.busy).toBe(true);
    release();
    expect((await stepDone).ok).toBe(true);
    await resetDone;
    expect(run.busy).toBe(false);
    expect(run.done).toBe(0);
    expect(segmentsCreatedBy(getpid())).toEqual([]);
  });
});
