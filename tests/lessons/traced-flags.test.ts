// A trace line is the C of the call really made: its flags are the flags the kernel was
// given. Newcomers read "Yours has IPC_NOWAIT in msgflg, as the lesson's own msgrcv calls
// here do" beside `msgrcv(ID, &msg, 256, 2, 0)` (fix26b#1): the text was wrong, but only a
// check of the trace against the calls made can tell which side is. Here the bindings that
// hand msgsnd, msgrcv and semop to libc are wrapped to note the flags they pass (the real
// call still runs), every step of msg and sem runs (with each form's values too), and each
// traced line of those calls must name exactly the flags its call passed.
import { afterEach, describe, expect, it } from 'vitest';
import { startLesson } from '../../src/lessons/engine.js';
import { lessonById } from '../../src/lessons/index.js';
import { defaultTyped, parseTurn } from '../../src/lessons/turn/fields.js';
import type { LessonRun } from '../../src/lessons/types.js';
import { IPC_NOWAIT, MSG_EXCEPT, MSG_NOERROR, SEM_UNDO } from '../../src/native/index.js';
import { raw } from '../../src/native/libc.js';
import type { CallRecord } from '../../src/native/types.js';

const FLAG: Record<string, number> = { IPC_NOWAIT, MSG_NOERROR, MSG_EXCEPT, SEM_UNDO, '0': 0 };
/** 'IPC_NOWAIT|MSG_NOERROR' as the number it names; NaN for a name the table lacks */
const flagsOf = (text: string) => text.split('|').reduce((n, name) => n | (FLAG[name.trim()] ?? NaN), 0);

/** The flags a traced line names: msgsnd's and msgrcv's last argument, each sembuf's sem_flg. */
function tracedFlags(call: CallRecord): number[] {
  if (call.call === 'semop') return [...call.c.matchAll(/\{-?\d+, -?\d+, ([^}]+)\}/g)].map((m) => flagsOf(m[1]!));
  return [flagsOf(call.c.match(/, ([^,]+)\)$/)![1]!)];
}

type Name = 'msgsnd' | 'msgrcv' | 'semop';
/** The flags each call passed to libc, in order: msgsnd's and msgrcv's msgflg, semop's sem_flg of each struct sembuf. */
const passed: { call: Name; flags: number[] }[] = [];
const restore: (() => void)[] = [];

function note<K extends keyof typeof raw>(key: K, call: Name, flags: (args: Parameters<(typeof raw)[K]>) => number[]): void {
  const real = raw[key] as (...args: unknown[]) => unknown;
  (raw as Record<string, unknown>)[key] = (...args: unknown[]) => {
    passed.push({ call, flags: flags(args as Parameters<(typeof raw)[K]>) });
    return real(...args);
  };
  restore.push(() => ((raw as Record<string, unknown>)[key] = real));
}

/** struct sembuf { unsigned short sem_num; short sem_op; short sem_flg; }: 6 bytes each */
const semFlags = (buf: Buffer, n: number) => Array.from({ length: n }, (_, i) => buf.readInt16LE(i * 6 + 4));

/** each form's values, not its defaults (those run the lesson's own calls alone) */
const TYPED: Record<string, Record<string, string>> = {
  'msg/send': { mtype: '5' },
  'msg/by-type': { msgtyp: '2' },
  'sem/create': { val: '3' },
  'sem/nowait': { op: '-2' },
};

const runs: LessonRun[] = [];
afterEach(async () => {
  for (const run of runs.splice(0)) await run.close().catch(() => undefined);
  for (const undo of restore.splice(0)) undo();
  passed.length = 0;
});

describe('msgsnd, msgrcv and semop trace lines name the flags really passed', () => {
  it.each(['msg', 'sem'])('in every step of %s, with each form filled in', { timeout: 120_000 }, async (id) => {
    note('msgsnd', 'msgsnd', ([, , , flags]) => [flags]);
    note('msgsndAsync', 'msgsnd', ([, , , flags]) => [flags]);
    note('msgrcv', 'msgrcv', ([, , , , flags]) => [flags]);
    note('msgrcvAsync', 'msgrcv', ([, , , , flags]) => [flags]);
    note('semop', 'semop', ([, buf, n]) => semFlags(buf, n));
    note('semopAsync', 'semop', ([, buf, n]) => semFlags(buf, n));
    const lesson = lessonById(id)!;
    const run = startLesson(lesson);
    runs.push(run);
    for (const step of lesson.steps) {
      const typed = TYPED[`${id}/${step.id}`];
      if (step.turn && !typed) throw new Error(`${id}/${step.id}: a form with no values in TYPED`);
      const parsed = step.turn ? parseTurn(step.turn, { ...defaultTyped(step.turn), ...typed }) : undefined;
      if (parsed && !parsed.ok) throw new Error(parsed.error.en);
      const done = await run.runNext(parsed?.ok ? parsed.values : undefined);
      expect(done.problems, `${id} step '${step.id}'`).toEqual([]);
    }
    const traced = run.trace.filter((e): e is CallRecord & { type: 'call' } => e.type === 'call' && e.pid === process.pid && ['msgsnd', 'msgrcv', 'semop'].includes(e.call));
    expect(traced.length).toBeGreaterThan(3);
    expect(traced.map((c) => ({ call: c.call, flags: tracedFlags(c) }))).toEqual(passed);
    // the case of fix26b#1: msg's step 3 traces the form's msgrcv with IPC_NOWAIT and the lesson's own with 0, as its say now tells
    if (id === 'msg') {
      const start = run.stepStarts[lesson.steps.findIndex((s) => s.id === 'by-type')]!;
      const end = run.stepStarts[lesson.steps.findIndex((s) => s.id === 'by-type') + 1]!;
      const rcv = run.trace.slice(start, end).filter((e): e is CallRecord & { type: 'call' } => e.type === 'call' && e.call === 'msgrcv');
      expect(rcv.map((c) => tracedFlags(c)[0]).at(0)).toBe(IPC_NOWAIT);
      expect(rcv.slice(-3).map((c) => tracedFlags(c)[0])).toEqual([0, 0, 0]);
    }
  });
});
