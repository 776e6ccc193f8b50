// Checkpoints are graded by the kernel: for every lesson, run on the real kernel, each
// checkpoint's answer is checked against what the kernel did, read here independently
// (the step's call and errno from the trace, IPC_STAT or /proc/sysvipc/shm after it).
// Queues, semaphore sets and the race counter are read the same way: the test's own msgrcv,
// GETNCNT, GETVAL, or its own attachment of the counter. Every explanation of this run must
// fit the lesson pane as `ipclab check` measures the static texts, and quote only what the
// trace shows.
// Where the kernel answers otherwise (a segment already under the key; SHMMAX and
// SHMALL lowered in a private IPC namespace), the grading follows it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { choiceOf } from '../../src/lessons/checkpoint-kit.js';
import { startLesson } from '../../src/lessons/engine.js';
import { LESSONS, lessonById } from '../../src/lessons/index.js';
import type { Choice, LessonRun, TraceEntry } from '../../src/lessons/types.js';
import { wrap } from '../../src/lessons/format.js';
import { MAX_LINES, PANE_WIDTH } from '../../src/lessons/validate.js';
import { IPC_CREAT, IPC_NOWAIT, msgrcv, readQueues, readSegments, semctlGetncnt, semctlGetval, semctlGetzcnt, shmat, shmctlRmid, shmctlStat, shmdt, shmget } from '../../src/native/index.js';
import { COUNTER, WORKERS } from '../../src/proto/racer.js';
import { N } from '../../src/lessons/race.js';
import type { CallRecord } from '../../src/native/types.js';
import { ROOT } from '../lessons/helpers.js';
import { isDemo } from './demo-readers.js';
import { wrongCalls } from './explained-calls.js';

/** What the test sees after a step: its calls, the shmid in focus then and before it, the run. */
interface Seen {
  calls: CallRecord[];
  focus: number | null;
  before: number | null;
  run: LessonRun;
  /** every call of the lesson so far */
  all: CallRecord[];
}

const calls = (entries: readonly TraceEntry[]) => entries.filter((e): e is CallRecord => e.type === 'call');
const named = (seen: Seen, name: string) => seen.calls.filter((c) => c.call === name);
const nattch = (shmid: number | null) => (shmid === null ? -1 : (shmctlStat(shmid).ds?.nattch ?? -1));
const exists = (shmid: number | null) => shmid !== null && shmctlStat(shmid).ds !== null;
const errnoOf = (choices: readonly Choice[], call: CallRecord | undefined, success: number) => choiceOf(choices, call?.errno ?? null, success);

/** Everything the trace shows in `lang`, one entry a line (calls as C, events, output, measures). */
function shown(entries: readonly TraceEntry[], lang: 'en' | 'zh'): string {
  return entries
    .map((e) => (e.type === 'call' ? `${e.c} ${e.retText ?? e.ret}` : e.type === 'event' || e.type === 'measure' ? e.text[lang] : e.type === 'output' || e.type === 'refused' ? e.text : e.what))
    .join('\n');
}

/** The texts an explanation quotes ("…" or “…”), each as the trace writes a text: in
 *  double quotes, whole ("thr" is no quote of "three"). */
const quotes = (text: string) => [...text.matchAll(/"([^"]+)"|“([^”]+)”/g)].map((m) => JSON.stringify(m[1] ?? m[2]));

/** The id the lesson's first `name` call (msgget, semget, shmget) returned. */
const made = (seen: Seen, name: string) => seen.all.find((c) => c.call === name)!.ret as number;
/** The race counter read through the test's own attachment after a round of `n` increments per worker: lost or not, as a choice (0 none, 1 some). */
function lostByCounter(seen: Seen, n: number): number {
  const { segment } = shmat(made(seen, 'shmget'));
  const total = segment!.readInt32(COUNTER);
  shmdt(segment!);
  return WORKERS * n - total > 0 ? 1 : 0;
}

/** How the step's throw-away child ended (crashInChild), as the trace's death line has it. */
function childEnd(seen: Seen): number {
  const death = seen.run.trace.filter((e) => e.type === 'death').at(-1);
  if (death?.type !== 'death') throw new Error('the step traced no death');
  return death.death.signal === 'SIGSEGV' ? 2 : death.death.signal === null && death.death.code === 0 ? 0 : -1;
}

/** For each checkpoint, the choice the kernel's own record means, read without the lesson's reader. */
const KERNEL: Record<string, Record<string, (seen: Seen, choices: readonly Choice[]) => number>> = {
  overview: {
    create: (s) => (shmctlStat(s.focus!).ds?.key === 0 ? 0 : 1),
    read: (s, c) => choiceOf(c, nattch(s.focus)),
    detach: (s) => (exists(s.focus) ? 0 : 1),
  },
  shmget: {
    second: (s) => (named(s, 'shmget')[0].ret === s.all.find((c) => c.call === 'shmget')!.ret ? 0 : 1),
    'size-zero': (s, c) => errnoOf(c, named(s, 'shmget').at(-1), 1),
    'size-huge': (s, c) => errnoOf(c, named(s, 'shmget')[0], 3),
  },
  ftok: {
    'same-key': (s) => (named(s, 'ftok').at(-1)!.ret === s.all.find((c) => c.call === 'ftok')!.ret ? 0 : 1),
    'no-creat': (s, c) => errnoOf(c, named(s, 'shmget')[0], 0),
    excl: (s, c) => errnoOf(c, named(s, 'shmget')[0], 0),
  },
  shmat: {
    rdonly: childEnd,
    'bad-id': (s, c) => errnoOf(c, named(s, 'shmat')[0], -1),
  },
  shmdt: {
    again: (s, c) => errnoOf(c, named(s, 'shmdt')[0], 0),
    'use-after': childEnd,
  },
  shmctl: {
    // run with the lesson's own 0640: the mode given (0), 600 unchanged (1), or IPC_SET failed (2)
    set: (s) => (named(s, 'shmctl')[0]?.errno ? 2 : ((shmctlStat(s.focus!).ds?.mode ?? 0) & 0o777) === 0o640 ? 0 : 1),
    rmid: (s) => {
      const row = readSegments().find((seg) => seg.shmid === s.focus);
      return !row ? 0 : row.status.includes('dest') && row.key === '0x00000000' ? 1 : 2;
    },
    'last-detach': (s, c) => errnoOf(c, named(s, 'shmctl').at(-1), 0),
  },
  'parent-child': {
    attach: (s, c) => choiceOf(c, nattch(s.focus)),
    // the text reaches the child through "down": the kill to it carries a pid and a signal, nothing more
    write: (s) => {
      const child = s.run.processes.find((p) => p.role.en === 'child')!.pid;
      return new RegExp(`^kill\\(${child}, SIGUSR1\\)$`).test(named(s, 'kill')[0].c) ? 0 : 1;
    },
  },
  'serv-clnt': {
    // a client's shmget(ftok(file, 'S'), 0, 0) finds the segment by its key: none when it is 0
    server: (s) => (shmctlStat(s.focus!).ds?.key === 0 ? 1 : 0),
    client: (s, c) => choiceOf(c, nattch(s.focus)),
    // no row / its row, dest / its row, unchanged: IPC_STAT's own mode bits say dest (SHM_DEST)
    last: (s) => {
      const ds = s.before === null ? null : shmctlStat(s.before).ds;
      return ds === null ? 0 : ds.mode & 0o1000 ? 1 : 2;
    },
  },
  msg: {
    // the one message left says which was taken: "three" (type 3) left means type 1 went
    'by-type': (s, c) => {
      const left = readQueues().find((q) => q.msqid === made(s, 'msgget'))!;
      expect(left.messages).toBe(1);
      return choiceOf(c, left.usedBytes === Buffer.byteLength('three') ? 1 : 3);
    },
    // the choices say what the call does (an error at once), not which errno
    taken: (s, c) => choiceOf(c, msgrcv(made(s, 'msgget'), 64, 0, IPC_NOWAIT).call.errno === null ? null : 'error', 2),
    rmid: (s, c) => {
      expect(readQueues().some((q) => q.msqid === made(s, 'msgget'))).toBe(false);
      const reader = s.run.processes.find((p) => p.role.en === 'reader')!.pid;
      const call = s.calls.filter((e) => e.call === 'msgrcv' && e.pid === reader).at(-1);
      // the choices say what the reader did (woke with an error), not which errno
      return call ? choiceOf(c, call.errno === null ? null : 'failed') : 1;
    },
  },
  sem: {
    // the choices name both counts: semncnt 1 and semzcnt 0 is 'n'
    waiter: (s, c) => {
      const [n, z] = [semctlGetncnt(made(s, 'semget'), 0).ret, semctlGetzcnt(made(s, 'semget'), 0).ret];
      return choiceOf(c, n === 1 && z === 0 ? 'n' : n === 0 && z === 1 ? 'z' : n === 0 && z === 0 ? 'none' : 'other');
    },
    undo: (s, c) => choiceOf(c, semctlGetval(made(s, 'semget'), 0).ret),
    // the set is removed by this step: the lesson's own P after the kill is the record left
    'no-undo': (s, c) => {
      const kill = s.calls.findIndex((e) => e.call === 'kill');
      const p = s.calls.slice(kill).find((e) => e.call === 'semop' && e.pid === process.pid);
      return choiceOf(c, p ? (p.errno ?? 'ok') : null);
    },
  },
  race: {
    none: (s) => lostByCounter(s, N.none),
    semaphore: (s) => lostByCounter(s, N.semaphore),
    atomic: (s) => lostByCounter(s, N.atomic),
  },
};

const runs: LessonRun[] = [];
afterEach(async () => {
  for (const run of runs.splice(0)) await run.close();
});

/** Runs `id` to its end, checking each checkpoint against the kernel right after its step. */
async function runChecked(id: string): Promise<{ checked: string[]; answers: Record<string, number> }> {
  const lesson = lessonById(id)!;
  const run = startLesson(lesson);
  runs.push(run);
  const checked: string[] = [];
  const answers: Record<string, number> = {};
  let before: number | null = null;
  for (const step of lesson.steps) {
    const start = run.trace.length;
    const outcome = await run.runNext();
    expect(outcome.problems, `${id}/${step.id}`).toEqual([]);
    // issue 17's steps are checked by checkpoints-demos.test.ts
    const checkpoint = isDemo(id, step.id) ? undefined : lesson.checkpoints?.[step.id];
    if (checkpoint) {
      const seen: Seen = { calls: calls(run.trace.slice(start)), focus: run.focus, before, run, all: calls(run.trace) };
      const kernel = KERNEL[id][step.id](seen, checkpoint.choices);
      expect(kernel, `${id}/${step.id}: the kernel's record is one of the choices`).toBeGreaterThanOrEqual(0);
      expect(outcome.checkpoint?.answer, `${id}/${step.id}`).toBe(kernel);
      for (const lang of ['en', 'zh'] as const) {
        const lines = wrap(outcome.checkpoint!.explanation[lang], PANE_WIDTH).length;
        expect(lines, `${id}/${step.id}: the ${lang} explanation fits the pane`).toBeLessThanOrEqual(MAX_LINES.explain);
        // an explanation quotes what the trace shows, not a literal of its own ("one" for "one again")
        const screen = shown(run.trace, lang);
        for (const quote of quotes(outcome.checkpoint!.explanation[lang])) expect(screen, `${id}/${step.id}: the ${lang} explanation quotes ${quote}`).toContain(quote);
        // and names only calls this step made
        expect(wrongCalls(outcome.checkpoint!.explanation[lang], checkpoint.question[lang], seen.calls), `${id}/${step.id}: the ${lang} explanation's calls`).toEqual([]);
      }
      answers[step.id] = kernel;
      checked.push(step.id);
    }
    before = run.focus ?? before;
  }
  return { checked, answers };
}

describe('every checkpoint is graded by what the kernel did', () => {
  for (const lesson of LESSONS) {
    it(`${lesson.id}: each answer is the kernel's (read back independently)`, async () => {
      const { checked } = await runChecked(lesson.id);
      expect(checked.sort()).toEqual(Object.keys(KERNEL[lesson.id]).sort());
      expect(checked.length).toBeGreaterThanOrEqual(2);
    }, 60_000);
  }
});

describe('where the kernel answers otherwise, the grading follows it', () => {
  it('ftok: a segment already under the key makes shmget without IPC_CREAT open it: "a shmid", not ENOENT', async () => {
    const lesson = lessonById('ftok')!;
    const run = startLesson(lesson);
    runs.push(run);
    await run.runNext();
    const key = calls(run.trace).find((c) => c.call === 'ftok')!.ret as number;
    // someone else made a segment under this key first
    const made = shmget(key, 4096, IPC_CREAT | 0o600);
    expect(made.errno).toBeNull();
    try {
      // the steps between (same-key, id-bits) run as they are
      while (lesson.steps[run.done].id !== 'no-creat') await run.runNext();
      const noCreat = await run.runNext();
      expect(noCreat.checkpoint?.answer).toBe(0);
      expect(noCreat.checkpoint?.explanation.en).toContain(`returned ${made.ret}`);
      // the lesson itself reports that the kernel did not do what it shows
      expect(noCreat.ok).toBe(false);
    } finally {
      shmctlRmid(made.ret as number);
    }
  });

  // A lucky run loses nothing without a lock (the loops hardly ran at the same moment): the round's own
  // measure is the answer, not the lesson's expectation. The measure is built here, as the
  // engine would trace it, since no run can be made to lose nothing on demand.
  it('race: a round without a lock that lost nothing is graded "none", and says why', () => {
    const none = lessonById('race')!.checkpoints!.none!;
    const measure: TraceEntry = { type: 'measure', pid: 1, what: 'lost updates', lock: 'none', value: 0, of: 2 * N.none, ms: 5, text: { en: '', zh: '' }, at: 0 };
    for (const oneCpu of [false, true]) {
      const live = { calls: [], entries: [measure], segments: [], state: { oneCpu }, pid: 1 };
      expect(none.answer(live)).toBe(0);
      expect(none.explain(live).en).toMatch(oneCpu ? /one CPU/ : /hardly ran at the same moment/);
    }
  });

  const unshare = spawnSync('unshare', ['-Uri', 'true']).status === 0;
  it.skipIf(!unshare)('shmget 2^62: EINVAL with SHMMAX lowered, ENOSPC with SHMALL lowered (a private IPC namespace)', () => {
    const answer = (limits: string) => {
      const script = `${limits} && exec "${process.execPath}" bin/ipclab.mjs run shmget --json`;
      const out = spawnSync('unshare', ['-Uri', 'sh', '-c', script], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
      const line = out.stdout.split('\n').find((l) => l.includes('"step":"size-huge"') && l.includes('"type":"checkpoint"'));
      expect(line, out.stderr).toBeDefined();
      return JSON.parse(line!) as { answer: number; explanation: { en: string } };
    };
    const lowMax = answer('echo 1048576 > /proc/sys/kernel/shmmax');
    expect(lowMax.answer).toBe(0);
    expect(lowMax.explanation.en).toMatch(/SHMMAX/);
    const lowAll = answer('echo 256 > /proc/sys/kernel/shmall');
    expect(lowAll.answer).toBe(1);
    expect(lowAll.explanation.en).toMatch(/SHMALL/);
  });
});

describe('run --json', () => {
  it('prints each checkpoint before its step\'s calls, with the answer of that run; --no-quiz prints none', async () => {
    const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'ipclab.mjs'), 'run', 'shmget', '--json', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    const lines = run([]).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const at = lines.findIndex((l) => l.type === 'checkpoint' && l.step === 'second');
    expect(at).toBeGreaterThan(0);
    expect(lines[at]).toMatchObject({ lesson: 'shmget', question: lessonById('shmget')!.checkpoints!.second!.question, answer: 1 });
    // the call that answers it follows, tagged with its step
    expect(lines[at + 1]).toMatchObject({ type: 'call', call: 'shmget', step: 'second' });
    expect(lines.filter((l) => l.type === 'checkpoint').map((l) => l.step)).toEqual(Object.keys(lessonById('shmget')!.checkpoints!));
    expect(run(['--no-quiz']).stdout).not.toContain('"type":"checkpoint"');
  });
});
