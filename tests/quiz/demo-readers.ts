// The checkpoints of issue 17's demonstration steps (ftok, shmat, shmdt, shmctl), each read
// back here without the lesson's reader: IPC_STAT, /proc/sysvipc/shm, /proc/self/maps, the
// test's own shmget, the call's errno as the trace has it (a child's under its pid).
// tests/quiz/checkpoints-demos.test.ts checks them; tests/quiz/checkpoints.test.ts leaves
// these steps to it.
import { readFileSync } from 'node:fs';
import { choiceOf } from '../../src/lessons/checkpoint-kit.js';
import type { Choice } from '../../src/lessons/types.js';
import { readSegments, shmctlStat, shmget } from '../../src/native/index.js';
import type { CallRecord } from '../../src/native/types.js';

/** What a reader sees after a step: its calls, every call so far, the shmid in focus. */
export interface DemoSeen {
  calls: readonly CallRecord[];
  all: readonly CallRecord[];
  focus: number | null;
}

type Reader = (seen: DemoSeen, choices: readonly Choice[]) => number;

const named = (calls: readonly CallRecord[], name: string) => calls.filter((c) => c.call === name);
const stat = (shmid: number | null) => (shmid === null ? null : shmctlStat(shmid).ds);

/** Where this process maps `shmid` now, by /proc/self/maps (a SysV mapping's inode is its shmid). */
function mappedAt(shmid: number): string[] {
  return readFileSync('/proc/self/maps', 'utf8')
    .split('\n')
    .filter((line) => line.includes('/SYSV') && line.trim().split(/\s+/)[4] === String(shmid))
    .map((line) => `0x${line.split('-')[0].replace(/^0+/, '')}`);
}

/** The errno of the call `c` a child made (null: it worked): a child's calls are call
 *  lines under its own pid (less16), not ipclab's. */
function childErrno(calls: readonly CallRecord[], c: string): string | null {
  const call = calls.find((e) => e.c === c && e.pid !== process.pid);
  if (!call) throw new Error(`no call ${c} by a child`);
  return call.errno;
}

export const DEMO_READERS: Record<string, Record<string, Reader>> = {
  ftok: {
    'id-bits': (s) => {
      const [a, wrapped] = named(s.calls, 'ftok');
      return a.ret === wrapped.ret ? 0 : 1;
    },
    // the test opens the segment's key with size 100 itself
    'open-sizes': (s, c) => {
      const ds = stat(s.focus)!;
      const call = shmget(ds.key, 100, 0);
      return call.errno === null ? (call.ret === s.focus ? 0 : 1) : choiceOf(c, call.errno);
    },
  },
  shmat: {
    fork: (s, c) => choiceOf(c, stat(s.focus)?.nattch ?? -1),
    exit: (s) => {
      const ds = stat(s.focus);
      return !ds ? 1 : ds.nattch === 0 ? 0 : 2;
    },
  },
  shmdt: {
    // mapped again, wherever the kernel put it (/proc/self/maps), or nowhere
    reattach: (s) => (mappedAt(s.focus!).length === 0 ? 2 : 1),
  },
  shmctl: {
    'perms-owner': (s, c) => {
      const locked = named(s.calls, 'shmget')[0].ret;
      return choiceOf(c, childErrno(s.calls, `shmat(${locked}, NULL, 0)`), 1);
    },
    'attach-dest': (s, c) => {
      const row = readSegments().find((seg) => seg.shmid === s.focus);
      if (row?.nattch === 2 && row.status.includes('dest')) return 0;
      return choiceOf(c, named(s.calls, 'shmat').at(-1)?.errno ?? null, 0);
    },
  },
};

/** Whether `step` of `lesson` is one of these (checkpoints.test.ts skips it). */
export function isDemo(lesson: string, step: string): boolean {
  return DEMO_READERS[lesson]?.[step] !== undefined;
}
