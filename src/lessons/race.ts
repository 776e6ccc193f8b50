// The race lesson: two processes add 1 to one int in a shared segment N times each.
// Without a lock updates are lost; a semaphore around the increment makes the total
// exact; an atomic add does too, and faster. The workers are Node processes that reach the
// int only through the bounds-checked Segment (docs/ARCHITECTURE.md, "The race lesson").
import { availableParallelism } from 'node:os';
import type { Segment } from '../native/index.js';
import { now } from '../proto/events.js';
import { BARRIER, COUNTER, LOCK_TEXT, WORKERS, type Lock } from '../proto/racer.js';
import { describeExit, type PeerProcess } from '../proto/spawn.js';
import { attach, createPrivate, expectOk, explain, need } from './kit.js';
import { defineLesson } from './define.js';
import { peerEnded, startPeer } from './peer-process.js';
import type { StepContext, Text } from './types.js';

const FLOW = 'race-counter';
/** increments per worker: a million keeps the unlocked loops running side by side for
 *  a good part of a second even on a busy machine (at 100 000 one loop could end before the
 *  other was scheduled, and nothing was lost); the semaphore's two system calls per
 *  increment would take minutes for that, so its round does fewer and the times compare per increment */
export const N: Record<Lock, number> = { none: 1_000_000, semaphore: 20_000, atomic: 1_000_000 };

interface RaceState {
  shmid?: number;
  semid?: number;
  seg?: Segment;
  /** the machine lets this process run on one CPU only */
  oneCpu?: boolean;
  /** the last round's workers, for the process list */
  workers?: PeerProcess[];
  /** each round's milliseconds, for the summary */
  ms?: Partial<Record<Lock, number>>;
}

/** the workers as the trace and the process list name them */
const WORKER: Text[] = [
  { en: 'first worker', zh: '工作进程 1' },
  { en: 'second worker', zh: '工作进程 2' },
];


/** Runs both workers with `lock` and measures what they lost; problems unless a lock gave the exact total. */
async function round(ctx: StepContext, state: RaceState, lock: Lock): Promise<string[]> {
  const seg = need(state, 'seg');
  const shmid = need(state, 'shmid');
  const semid = need(state, 'semid');
  seg.writeInt32(COUNTER, 0);
  seg.writeInt32(BARRIER, 0);
  const n = N[lock];
  explain(ctx, `*counter = 0 (at ${seg.address}); both workers start together and add 1, ${n} times each`, `*counter = 0（在 ${seg.address}）；两个工作进程同时开始，各加 1 共 ${n} 次`);
  const workers: PeerProcess[] = [];
  state.workers = workers;
  for (let i = 0; i < WORKERS; i++) {
    workers.push(startPeer(ctx, { role: 'racer', shmid, semid, lock, n, forcePreempt: need(state, 'oneCpu') }, WORKER[i], () => showProcesses(ctx, seg, workers)));
  }
  showProcesses(ctx, seg, workers);
  const problems: string[] = [];
  for (const w of workers) {
    const exit = await peerEnded(w);
    if (exit.code !== 0) problems.push(`worker ${w.pid} ended with ${describeExit(exit)}`);
  }
  if (problems.length) return problems;
  const times = workers.flatMap((w) => w.events.flatMap((e) => (e.type === 'timing' ? [e] : [])));
  const ms = Math.round(Math.max(...times.map((t) => t.end)) - Math.min(...times.map((t) => t.start)));
  const total = seg.readInt32(COUNTER);
  const of = WORKERS * n;
  const lost = of - total;
  (state.ms ??= {})[lock] = ms;
  const pct = ((100 * lost) / of).toFixed(1);
  const ns = perIncrement(ms, of);
  ctx.trace({
    type: 'measure',
    pid: ctx.sys.getpid(),
    what: 'lost updates',
    lock,
    value: lost,
    of,
    ms,
    text: {
      en: `${LOCK_TEXT[lock].en}: *counter = ${total} of ${of}, ${lost} updates lost (${pct}%), ${ms} ms (${ns} ns per increment)`,
      zh: `${LOCK_TEXT[lock].zh}：*counter = ${total}，应为 ${of}，丢失 ${lost} 次更新（${pct}%），${ms} ms（每次加法 ${ns} ns）`,
    },
    at: now(),
  });
  if (lock !== 'none' && lost !== 0) problems.push(`${lost} updates lost ${LOCK_TEXT[lock].en}; none should be`);
  if (lock === 'none' && lost === 0) explain(ctx, 'No update was lost this time: the two loops hardly overlapped. Reset (r) and run it again.', '这次一个更新也没丢：两个循环几乎没有重叠。按 r 重置后再跑一次。');
  // exactly one worker's count: not a coincidence of many small losses but one long one
  if (lock === 'none' && lost === n) {
    explain(
      ctx,
      `Exactly half lost: *counter ended at ${n}, one worker's count, as if the other had never run. One worker was stopped between a load and its store (the scheduler gave its CPU away) while the other ran; its next store put back its old value + 1, so everything added meanwhile was overwritten.`,
      `正好丢了一半：*counter 最后是 ${n}，只是一个工作进程的次数，好像另一个从没运行过。一个工作进程在读和写之间被停下（调度器把它的 CPU 给了别人），另一个却一直在加；它接着写回的是自己旧值加 1，期间加上的全被覆盖了。`,
    );
  }
  return problems;
}

/** Nanoseconds per increment, both workers together: the rounds run different counts. */
function perIncrement(ms: number, increments: number): number {
  return Math.round((ms * 1e6) / increments);
}

function showProcesses(ctx: StepContext, seg: Segment | undefined, workers: PeerProcess[]): void {
  ctx.setProcesses([
    { pid: ctx.sys.getpid(), role: { en: 'lesson', zh: '本课' }, attached: seg?.attached ?? false, alive: true },
    ...workers.map((w, i) => ({ pid: w.pid, role: WORKER[i], attached: !w.exit, alive: !w.exit })),
  ]);
}

export const race = defineLesson<RaceState>({
  id: 'race',
  title: { en: 'a race — lost updates, a semaphore, an atomic add', zh: '竞争——丢失的更新、信号量、原子加' },
  intro: {
    en: `Why shared memory needs a lock. Two processes add 1 to one int in a segment, ${N.none} times each. counter++ is three steps: load, add, store. When both load the same value, one store overwrites the other and an update is lost.`,
    zh: `为什么共享内存需要锁。两个进程对共享内存里的同一个 int 各加 1 共 ${N.none} 次。counter++ 是三步：读、加、写。两者读到同一个值时，一次写会覆盖另一次，一次更新就丢了。`,
  },
  aside: {
    en: 'The workers are Node processes, not C ones: ipclab checks every access to the segment against its size. Their atomic add is JavaScript\'s Atomics.add, the same instruction race.c gets from __atomic_fetch_add.',
    zh: '工作进程是 Node 进程而不是 C 进程：ipclab 对共享内存的每次访问都检查是否越界。它们的原子加是 JavaScript 的 Atomics.add，和 race.c 里 __atomic_fetch_add 编译出的是同一条指令。',
  },
  outro: {
    en: 'A lost update needs two processes between load and store at once: rare per increment, certain over many. The semaphore is exact but pays two system calls per increment; the atomic add is exact in one instruction. race.c does the same in C.',
    zh: '要丢失一次更新，两个进程得同时处在读和写之间：就某一次加法而言很少见，加上百万次就一定会发生。信号量结果精确，但每次加法要两次系统调用；原子加用一条指令就做到精确。race.c 用 C 做了同样的事。',
  },
  diagrams: [FLOW],
  summary: 'two processes add 1 to one int N times each: lost updates without a lock, none with a semaphore or an atomic add, with the times',
  code: [{ path: 'race.c', kind: 'check' }],
  state: () => ({}),
  steps: [
    {
      id: 'setup',
      title: { en: 'A segment for the int, a semaphore at 1', zh: '一段放 int 的共享内存，一个值为 1 的信号量' },
      say: {
        en: 'shmget and shmat for the counter; semget and SETVAL 1 for the lock used later. Then: how many CPUs may ipclab use?',
        zh: 'shmget 和 shmat 准备计数器；semget 和 SETVAL 1 准备后面要用的锁。再看看 ipclab 能用几个 CPU。',
      },
      notice: {
        en: 'Two CPUs: the workers run at the same moment. One CPU: they take turns, so they are made to yield between load and store.',
        zh: '有两个 CPU 时，两个工作进程真的同时运行。只有一个时它们只能轮流运行，于是本课让它们在读和写之间让出 CPU。',
      },
      diagram: FLOW,
      highlight: ['shm', 'counter'],
      run(ctx, state) {
        const shmid = createPrivate(ctx);
        if (Array.isArray(shmid)) return shmid;
        state.shmid = shmid;
        const seg = attach(ctx, shmid);
        if (Array.isArray(seg)) return seg;
        state.seg = seg;
        const set = ctx.sys.semget(ctx.sys.IPC_PRIVATE, 1, ctx.sys.IPC_CREAT | 0o600);
        if (set.errno !== null) return expectOk(set);
        const semid = set.ret as number;
        state.semid = semid;
        ctx.onReset(() => {
          if (ctx.sys.readSemaphores().some((s) => s.semid === semid)) ctx.sys.semctlRmid(semid);
        });
        const cpus = availableParallelism();
        state.oneCpu = cpus < 2;
        if (state.oneCpu) {
          explain(ctx, 'One CPU: the two workers never run at the same moment, so the race needs two CPUs to show. Each worker sleeps 1 ms between load and store every 1000 increments: a forced preemption.', '只有一个 CPU：两个工作进程从不同时运行，竞争要两个 CPU 才能自然出现。所以每个工作进程每加 1000 次，就在读和写之间睡 1 ms：强制让出 CPU。');
        } else explain(ctx, `${cpus} CPUs: both workers run at once`, `${cpus} 个 CPU：两个工作进程同时运行`);
        return expectOk(ctx.sys.semctlSetval(semid, 0, 1));
      },
    },
    {
      id: 'none',
      title: { en: 'No lock: updates are lost', zh: '不加锁：更新丢失' },
      say: {
        en: 'Each worker runs `x = *counter; *counter = x + 1;` in a loop. Watch the total.',
        zh: '每个工作进程循环执行 `x = *counter; *counter = x + 1;`，看总数。',
      },
      notice: {
        en: 'A lost update is a store that overwrote the other worker\'s. None lost? The loops hardly overlapped: reset (r), run again.',
        zh: '每丢失一次更新，就是一次写覆盖了另一个进程的写，总数就少一。一次也没丢：两个循环几乎没重叠，按 r 重置后再跑一次。',
      },
      diagram: FLOW,
      highlight: ['a', 'b', 'a->counter', 'b->counter', 'counter'],
      run(ctx, state) {
        return round(ctx, state, 'none');
      },
    },
    {
      id: 'semaphore',
      title: { en: 'A semaphore around the increment: exact', zh: '用信号量包住加法：精确' },
      say: {
        en: `Now P (semop -1, SEM_UNDO), the increment, V (semop +1): one worker at a time between load and store. ${N.semaphore} times each: a million would take minutes.`,
        zh: `现在是 P（semop -1，SEM_UNDO）、加法、V（semop +1）：读和写之间一次只有一个工作进程。各 ${N.semaphore} 次：一百万次要花好几分钟。`,
      },
      notice: {
        en: 'Nothing lost, but far slower: two system calls per increment, and the workers wait for each other.',
        zh: '一个不丢，但慢得多：每次加法两次系统调用，两个进程还要互相等待。',
      },
      diagram: FLOW,
      highlight: ['lock', 'lock->counter', 'counter'],
      run(ctx, state) {
        return round(ctx, state, 'semaphore');
      },
    },
    {
      id: 'atomic',
      title: { en: 'An atomic add: exact and fast', zh: '原子加：精确又快' },
      say: {
        en: 'Now each increment is one atomic add instruction (`lock add` on x86; __atomic_fetch_add in C): load, add and store as one step no other CPU can split.',
        zh: '现在每次加法是一条原子加指令（x86 上的 `lock add`；C 里的 __atomic_fetch_add）：读、加、写作为一步完成，别的 CPU 插不进来。',
      },
      notice: {
        en: 'Nothing lost, and in a fraction of the semaphore\'s time: no system call, no sleeping.',
        zh: '一个不丢，用时只是信号量的零头：没有系统调用，也不用睡眠。',
      },
      diagram: FLOW,
      highlight: ['lock', 'lock->counter', 'counter'],
      run(ctx, state) {
        return round(ctx, state, 'atomic');
      },
    },
    {
      id: 'remove',
      title: { en: 'Compare the times; remove both', zh: '比较用时；删除两个对象' },
      say: {
        en: 'The three rounds side by side, in time per increment; then shmdt, IPC_RMID of the segment and of the semaphore set.',
        zh: '把三轮按每次加法的用时放在一起比较；然后 shmdt，再用 IPC_RMID 删除共享内存和信号量集。',
      },
      notice: {
        en: 'A lock is the price of a correct total: pick the cheapest that is correct.',
        zh: '正确的总数要靠锁换来：选正确的里面最便宜的那个。',
      },
      diagram: FLOW,
      highlight: ['counter'],
      run(ctx, state) {
        const ms = need(state, 'ms');
        const line = (lang: 'en' | 'zh') =>
          (['none', 'semaphore', 'atomic'] as const)
            .map((l) => `${LOCK_TEXT[l][lang]} ${ms[l] === undefined ? '?' : perIncrement(ms[l], WORKERS * N[l])} ns`)
            .join(lang === 'en' ? ', ' : '，');
        explain(ctx, line('en'), line('zh'));
        const seg = need(state, 'seg');
        const detached = expectOk(ctx.sys.shmdt(seg));
        showProcesses(ctx, seg, state.workers ?? []);
        return [...detached, ...expectOk(ctx.sys.shmctlRmid(need(state, 'shmid'))), ...expectOk(ctx.sys.semctlRmid(need(state, 'semid')))];
      },
    },
  ],
});
