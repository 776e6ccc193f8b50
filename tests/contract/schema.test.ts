// The JSON of `ipcs --json` and `lessons --json` against docs/PROTOCOL.md (the lines of
// `run ID --json`, every lesson, are checked in cli.test.ts), and the checker itself:
// it must fail on what the document does not say.
import { afterEach, describe, expect, it } from 'vitest';
import { ipclab, reap } from '../twoproc/helpers.js';
import { checkIpcs, checkLessons, checkRun, checkRunLine } from './schema.js';
import { endLine, leftInKernel } from '../../src/commands/run.js';
import { IPC_PRIVATE, msgctlRmid, msgget, semctlRmid, semget } from '../../src/native/index.js';

afterEach(reap);

async function json(args: string[]): Promise<unknown> {
  const p = ipclab(args);
  expect(await p.done).toBe(0);
  const out = p.stdout().toString();
  expect(out.endsWith('\n') && out.indexOf('\n') === out.length - 1).toBe(true);
  return JSON.parse(out);
}

describe('JSON output as docs/PROTOCOL.md describes it', () => {
  it('ipcs --json: schema 1, segments, queues and semaphore sets with every documented field', async () => {
    expect(checkIpcs(await json(['ipcs', '--json']))).toEqual([]);
  });

  it('lessons --json: an array, each lesson with schema 1', async () => {
    const lessons = await json(['lessons', '--json']);
    expect(checkLessons(lessons)).toEqual([]);
    expect((lessons as unknown[]).length).toBeGreaterThan(0);
  });
});

describe('run --json: the end line', () => {
  it('lists the queues and semaphore sets a run left beside its segments, and only the segments key when nothing is left', () => {
    const msqid = Number(msgget(IPC_PRIVATE, 0o600).ret);
    const semid = Number(semget(IPC_PRIVATE, 2, 0o600).ret);
    try {
      const left = leftInKernel();
      expect(left.queues.map((q) => q.msqid)).toEqual([msqid]);
      expect(left.semaphores.map((set) => set.semid)).toEqual([semid]);
      const end = endLine(false, left);
      expect(checkRunLine(end, 'end')).toEqual([]);
      expect(end).toMatchObject({ type: 'end', ok: false, leaked: [], leakedQueues: [{ msqid, perms: '600' }], leakedSemaphores: [{ semid, nsems: 2 }] });
    } finally {
      msgctlRmid(msqid);
      semctlRmid(semid);
    }
    expect(endLine(true, leftInKernel())).toEqual({ type: 'end', ok: true, leaked: [] });
    // the checker holds the two lists to the documented shapes
    expect(checkRunLine({ type: 'end', ok: false, leaked: [], leakedQueues: [{ msqid: 1 }] }, 'l')[0]).toMatch(/^l \(end\)\.leakedQueues/);
  });
});

describe('the checker', () => {
  const call = { type: 'call', pid: 1, call: 'shmget', c: 'shmget(IPC_PRIVATE, 4096, 0600)', ret: 3, errno: null, message: null, at: 1.5, step: 'create' };

  it('passes a documented line and fails an undocumented field, a missing one, a wrong type, an unknown line type', () => {
    expect(checkRunLine(call, 'l')).toEqual([]);
    expect(checkRunLine({ ...call, extra: 1 }, 'l')).toEqual(['l (call).extra: not documented']);
    const { errno: _, ...noErrno } = call;
    expect(checkRunLine(noErrno, 'l')).toEqual(['l (call).errno: missing']);
    expect(checkRunLine({ ...call, errno: 'nope' }, 'l')).toEqual(['l (call).errno: "nope" is not as documented']);
    expect(checkRunLine({ type: 'mystery' }, 'l')).toEqual(['l: type "mystery" is not documented']);
  });

  it('fails a run without its schema, without the lesson line first or the end line last', () => {
    const lesson = { type: 'lesson', id: 'x', schema: 1, title: { en: 'x', zh: 'x' }, steps: 1 };
    const end = { type: 'end', ok: true, leaked: [] };
    const lines = (...o: object[]) => o.map((x) => `${JSON.stringify(x)}\n`).join('');
    expect(checkRun(lines(lesson, call, end), 'x')).toEqual([]);
    expect(checkRun(lines({ ...lesson, schema: undefined }, end), 'x')).toEqual(['x line 1 (lesson).schema: missing']);
    expect(checkRun(lines(call, end), 'x')).toEqual(['x: the first line is not the lesson line']);
    expect(checkRun(lines(lesson, end, call), 'x')).toEqual(['x: the end line is not last, once']);
    expect(checkIpcs({ segments: [], queues: [], semaphores: [] })).toEqual(['ipcs.schema: missing']);
    expect(checkLessons({})).toEqual(['lessons: not an array']);
  });
});
