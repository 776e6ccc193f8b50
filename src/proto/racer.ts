// A worker of the race lesson: adds 1 to the int at offset 0 of a shared segment `n`
// times, with no lock, inside a semaphore (P, add, V), or with an atomic add. Every access
// goes through the bounds-checked Segment. Two of them start together at a barrier in the
// same segment (offset 4), so their loops overlap; each reports when its loop ran.
import * as sys from '../native/index.js';
import type { Segment } from '../native/index.js';
import { NO_BREAK } from '../text/cells.js';
import { event, now, phase, ProtoError, type Emit } from './events.js';

export type Lock = 'none' | 'semaphore' | 'atomic';

/** each way to add, as the trace and the lesson name it */
export const LOCK_TEXT: Record<Lock, { en: string; zh: string }> = {
  none: { en: 'without a lock', zh: '不加锁' },
  semaphore: { en: 'with a semaphore', zh: '用信号量' },
  atomic: { en: 'with an atomic add', zh: '用原子加' },
};

export interface RacerOptions {
  shmid: number;
  semid: number;
  lock: Lock;
  n: number;
  /** which of the round's workers this is, from 1: its trace line says it, as the process
   *  list does, so the lesson can give the loop times in the workers' order */
  worker: number;
  /** one CPU: sleep between load and store now and then, so the other worker runs in
   *  between (on two CPUs they run at the same moment and need no help) */
  forcePreempt: boolean;
  emit: Emit;
}

export const COUNTER = 0;
export const BARRIER = 4;
export const WORKERS = 2;
const BARRIER_MS = 10_000;
/** how often the one-CPU worker sleeps between load and store, and for how long */
const PREEMPT_EVERY = 1000;
const PREEMPT_MS = 1;

/** A blocking sleep: the process gives up the CPU between the load and the store. */
const pause = new Int32Array(new SharedArrayBuffer(4));
function sleepMs(ms: number): void {
  Atomics.wait(pause, 0, 0, ms);
}

export class Racer {
  #seg: Segment | null = null;

  constructor(private readonly opts: RacerOptions) {}

  async run(): Promise<void> {
    const { emit, lock, n, worker } = this.opts;
    const at = sys.shmat(this.opts.shmid);
    emit(at.call);
    if (!at.segment) throw new ProtoError({ en: `cannot attach segment ${this.opts.shmid}: ${at.call.message}`, zh: `无法映射段 ${this.opts.shmid}：${at.call.message}` });
    const seg = (this.#seg = at.segment);
    emit(phase('ready'));
    this.barrier(seg);
    const start = now();
    if (lock === 'none') this.unlocked(seg, n);
    else if (lock === 'atomic') for (let i = 0; i < n; i++) seg.addInt32(COUNTER, 1);
    else this.locked(seg, n);
    const end = now();
    emit({ type: 'timing', pid: process.pid, start, end, at: end });
    const ms = (end - start).toFixed(1);
    emit(event({ en: `worker ${worker} added 1 to the counter ${n} times ${LOCK_TEXT[lock].en} in ${ms}${NO_BREAK}ms`, zh: `工作进程 ${worker} 加 1 共 ${n} 次（${LOCK_TEXT[lock].zh}），用时 ${ms}${NO_BREAK}ms` }));
    this.cleanup();
    emit(phase('done'));
  }

  /** Counts itself in and spins until both workers are there. */
  private barrier(seg: Segment): void {
    seg.addInt32(BARRIER, 1);
    const deadline = now() + BARRIER_MS;
    while (seg.readInt32(BARRIER) < WORKERS) {
      if (now() > deadline) throw new ProtoError({ en: 'the other worker did not start', zh: '另一个工作进程没有启动' });
    }
  }

  /** x = *counter; *counter = x + 1: two accesses, and the other process may store between them. */
  private unlocked(seg: Segment, n: number): void {
    const preempt = this.opts.forcePreempt;
    for (let i = 0; i < n; i++) {
      const x = seg.readInt32(COUNTER);
      if (preempt && i % PREEMPT_EVERY === 0) sleepMs(PREEMPT_MS);
      seg.writeInt32(COUNTER, x + 1);
    }
  }

  /** P, add, V: semop(semid, {0, -1, SEM_UNDO}) ... semop(semid, {0, +1, SEM_UNDO}). */
  private locked(seg: Segment, n: number): void {
    const p = [{ num: 0, op: -1, flags: sys.SEM_UNDO }];
    const v = [{ num: 0, op: 1, flags: sys.SEM_UNDO }];
    for (let i = 0; i < n; i++) {
      const taken = sys.semop(this.opts.semid, p);
      if (taken.errno !== null) throw new ProtoError({ en: `${taken.c} failed: ${taken.message}`, zh: `${taken.c} 失败：${taken.message}` });
      seg.writeInt32(COUNTER, seg.readInt32(COUNTER) + 1);
      sys.semop(this.opts.semid, v);
    }
  }

  cleanup(): void {
    if (this.#seg?.attached) this.opts.emit(sys.shmdt(this.#seg));
    this.#seg = null;
  }
}
