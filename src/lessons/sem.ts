// The sem lesson: a semaphore set of one semaphore. SETVAL 1; P and V are semop -1 and
// +1; IPC_NOWAIT on a taken semaphore is EAGAIN; a second process sleeps in semop
// (semncnt 1) until this one posts. Then a holder is killed with SIGKILL: with SEM_UNDO
// the kernel gives its count back, without it the count stays taken.
import * as native from '../native/index.js';
import { readFileSync } from 'node:fs';
import { until, wchan } from './blocked.js';
import { defineLesson } from './define.js';
import { expectErrno, expectOk, explain, LESSON_PROCESS, need } from './kit.js';
import { peerEnded, peerReached, startPeer } from './peer-process.js';
import { describeExit, type PeerProcess } from '../proto/spawn.js';
import type { Choice, LiveResult, StepContext, Text } from './types.js';
import { choiceOf, counts } from './checkpoint-kit.js';
import { explainOwnRun, explainTurn, explainTurnCall } from './turn/explain.js';
import { numberValue, type Turn } from './turn/fields.js';
import { NO_BREAK } from '../text/cells.js';

const FLOW = 'sem-pv';
/** an expression ("> 0") kept on one line */
const nb = (s: string) => s.replaceAll(' ', NO_BREAK);
const WAITER: Text = { en: 'waiter', zh: '等待者' };
/** the two killed holders, one per kill step (with SEM_UNDO, then without): both stay in the process list */
const HOLDERS: [Text, Text] = [
  { en: 'holder 1', zh: '持有者 1' },
  { en: 'holder 2', zh: '持有者 2' },
];

interface SemState {
  semid?: number;
  /** the last process started */
  other?: { peer: PeerProcess; role: Text };
  /** every process the lesson started, in order, for the process list: ended ones stay, as ended */
  others?: { peer: PeerProcess; role: Text }[];
}

/** Which count the waiter's semop -1 at semval 0 is in: semncnt (processes waiting for semval
 *  to grow) or semzcnt (waiting for it to be 0, a sem_op of 0). Both definitions say
 *  "waiting"; which fits a -1 at 0 is the learner's to work out (issue 16: the question was
 *  "semncnt is…" under "(g: semncnt)", whose definition, processes waiting in semop, was
 *  the answer). */
const COUNTED: Choice[] = [
  { en: 'semncnt 1, semzcnt 0', zh: 'semncnt 为 1，semzcnt 为 0', value: 'n', whyNot: { en: 'this time the kernel read otherwise, though a P at 0 waits for semval to grow, which semncnt counts.', zh: '这次内核读到的不同，虽然在 0 上做 P 是在等 semval 增加，这由 semncnt 计数。' } },
  { en: 'semncnt 0, semzcnt 1', zh: 'semncnt 为 0，semzcnt 为 1', value: 'z', whyNot: { en: 'semzcnt counts a semop with sem_op 0, which waits for semval to be 0; a -1 needs semval to grow to 1 first.', zh: 'semzcnt 计的是 sem_op 为 0 的 semop，它等 semval 变成 0；-1 要等 semval 先增加到 1。' } },
  { en: 'semncnt 0, semzcnt 0', zh: 'semncnt 为 0，semzcnt 为 0', value: 'none', whyNot: { en: 'a process asleep in semop is counted in one of the two; the waiter sleeps there.', zh: '在 semop 里睡眠的进程会计入两者之一；等待者正睡在那里。' } },
];

/** semval after the holder's death with SEM_UNDO. */
const AFTER_UNDO = counts('semval', [0, 1], [
  { en: 'with SEM_UNDO the kernel gave the count back when the holder died; without it the count would stay taken.', zh: '带了 SEM_UNDO，持有者死时内核就归还了计数；不带它，计数才会一直被占着。' },
  { en: 'this time the kernel did not undo the P, though SEM_UNDO makes it do so when the holder dies.', zh: '这次内核没有撤销那次 P，虽然 SEM_UNDO 本该让它在持有者死时撤销。' },
]);
/** Without SEM_UNDO, what a later P meets: the step makes that P itself, in this process, with
 *  IPC_NOWAIT (a wait here would freeze the screen), and the choice is graded on its result
 *  (issue 16: the question asked about a P the step never ran). EAGAIN is the P that would wait; the
 *  question and the choices say IPC_NOWAIT's P as the step's text does, which never waits (issue 16:
 *  "is stuck until some process does V" offered for a P the text said could not wait). What the P
 *  does to the count, not "enters" (issue 16: that relied on "critical section", said only in g). */
const AFTER_PLAIN: Choice[] = [
  { en: 'finds semval still 0: cannot take it', zh: '发现 semval 仍是 0：取不到', value: 'EAGAIN', whyNot: { en: 'this time the P got through. Something gave the count back; only that lets a P through.', zh: '这次 P 通过了。有谁归还了计数；只有这样 P 才能通过。' } },
  { en: 'finds semval at 1 again: gets it', zh: '发现 semval 回到 1：取得它', value: 'ok', whyNot: { en: 'only what SEM_UNDO recorded is given back when the holder dies; a plain P leaves the count taken, so no next P gets it.', zh: '持有者死时只归还 SEM_UNDO 记下的计数；普通的 P 取走的就一直被占着，下一个 P 取不到。' } },
];

/** The lesson's own P after the kill (semop by this process with IPC_NOWAIT, the step's last):
 *  'ok' when it took the semaphore, else its errno. */
function laterP(live: LiveResult<SemState>): string {
  const call = live.calls.filter((c) => c.call === 'semop' && c.pid === live.pid).at(-1);
  if (!call) throw new Error('the step made no semop of its own');
  return call.errno ?? 'ok';
}

/** What the step's last semctl `cmd` (GETVAL, GETNCNT) returned: this run's reading. */
function lastRead(live: LiveResult<SemState>, cmd: string): number {
  const call = live.calls.filter((c) => c.call === 'semctl' && c.pid === live.pid && c.c.endsWith(`, ${cmd})`)).at(-1);
  if (!call || typeof call.ret !== 'number') throw new Error(`the step made no semctl ${cmd}`);
  return call.ret;
}

/** The two kill checkpoints, answered by semval after the kill: with SEM_UNDO, semval; without,
 *  what a later P would meet. */
function afterKill(undo: boolean) {
  const choices = undo ? AFTER_UNDO : AFTER_PLAIN;
  return {
    question: undo
      ? { en: 'The holder took it with SEM_UNDO and is killed with SIGKILL. semval then is…', zh: '持有者带 SEM_UNDO 取得信号量，被 SIGKILL 杀死。之后 semval 是……' }
      : { en: 'A holder takes it without SEM_UNDO and is killed with SIGKILL. Then the lesson process makes a P with IPC_NOWAIT. That P…', zh: '持有者不带 SEM_UNDO 取得信号量，被 SIGKILL 杀死。然后本课进程做一次带 IPC_NOWAIT 的 P。这次 P……' },
    choices,
    answer: (live: LiveResult<SemState>) => (undo ? choiceOf(choices, lastRead(live, 'GETVAL')) : choiceOf(choices, laterP(live))),
    hint: undo
      ? { en: 'SEM_UNDO has the kernel keep a per-process adjustment (semadj). When could the kernel use it?', zh: 'SEM_UNDO 让内核按进程记下调整量（semadj）。内核什么时候会用到它？' }
      : { en: 'SIGKILL leaves the holder no time to run its own V, and without SEM_UNDO the kernel has nothing to undo.', zh: 'SIGKILL 不给持有者执行自己 V 的机会；不带 SEM_UNDO，内核也没有可撤销的。' },
    explain: (live: LiveResult<SemState>) => {
      const v = lastRead(live, 'GETVAL');
      if (undo) return v === 1 ? { en: 'When the holder died, the kernel undid its P: +1.', zh: '持有者死时，内核撤销了它的 P：加 1。' } : { en: `GETVAL read ${v}: the kernel did not undo the P.`, zh: `GETVAL 读到 ${v}：内核没有撤销那次 P。` };
      const p = laterP(live);
      return p === 'EAGAIN'
        ? { en: `GETVAL read ${v}: without SEM_UNDO nothing gave the dead holder's count back, so this P failed at once.`, zh: `GETVAL 读到 ${v}：不带 SEM_UNDO，死去的持有者取走的计数没有谁归还，所以这次 P 立刻失败。` }
        : { en: `GETVAL read ${v}, and the P ${p === 'ok' ? 'went on at once' : `failed with ${p}`}: something gave the count back.`, zh: `GETVAL 读到 ${v}，这次 P ${p === 'ok' ? '取得了信号量' : `以 ${p} 失败`}：有谁归还了计数。` };
    },
  };
}

function showProcesses(ctx: StepContext, state: SemState): void {
  ctx.setProcesses([
    { pid: ctx.sys.getpid(), role: LESSON_PROCESS, attached: false, alive: true },
    ...(state.others ?? []).map(({ peer, role }) => ({ pid: peer.pid, role, attached: false, alive: !peer.exit })),
  ]);
}

/** semctl(semid, 0, GETVAL), traced; problems unless it is `want`. */
function expectValue(ctx: StepContext, semid: number, want: number): string[] {
  const call = ctx.sys.semctlGetval(semid, 0);
  return call.ret === want ? [] : [`semaphore 0 of set ${semid}: semval is ${call.ret}, expected ${want}`];
}

/** semop(semid, &(struct sembuf){0, op, flags}, 1) */
function op(ctx: StepContext, semid: number, delta: number, flags = 0) {
  return ctx.sys.semop(semid, [{ num: 0, op: delta, flags }]);
}

/** SEMVMX: the most a semaphore holds on Linux (semop past it is ERANGE, SETVAL past it too). */
const SEMVMX = 32767;

/** SETVAL's form: the value the learner sets first; the lesson's own 1 follows. */
const SETVAL_TURN: Turn = {
  say: {
    en: `C lets SETVAL pass any int; the kernel takes 0 to ${SEMVMX}.`,
    zh: `C 允许给 SETVAL 传任意 int；内核只接受 0 到 ${SEMVMX}。`,
  },
  fields: [
    {
      name: 'val',
      label: { en: 'val', zh: 'val' },
      kind: { kind: 'number', min: -(2 ** 31), max: 2 ** 31 - 1 },
      default: '1',
      help: { en: `an int; the kernel keeps a semaphore from 0 to SEMVMX (${SEMVMX}) and refuses the rest`, zh: `int 类型；内核只让信号量取 0 到 SEMVMX（${SEMVMX}），其余的值它拒绝` },
    },
  ],
};

/** Step 1 with the learner's value: SETVAL it, GETVAL what the kernel holds, explained. */
function setvalTurn(ctx: StepContext, semid: number): string[] {
  const val = numberValue(ctx.turn.values, 'val');
  const call = ctx.sys.semctlSetval(semid, 0, val);
  explainTurnCall(
    ctx,
    call,
    val === 0
      ? { en: 'semval is now 0: a P (semop -1) would wait at once.', zh: 'semval 现在是 0：P（semop -1）会立刻等待。' }
      : { en: `semval is now ${val}: ${val} P (semop -1) would get through before the next one waits.`, zh: `semval 现在是 ${val}：${val} 次 P（semop -1）能通过，再下一次才等待。` },
  );
  const ok = val >= 0 && val <= SEMVMX;
  const problems = ok ? expectOk(call) : expectErrno(call, 'ERANGE');
  explainOwnRun(ctx, 'later');
  return [...problems, ...expectValue(ctx, semid, ok ? val : 0)];
}

/** semop's form where the lesson has IPC_NOWAIT: sem_op and sem_flg on semval 0. */
const NOWAIT_TURN: Turn = {
  say: {
    // the rule for the learner's call; why, the step's text says, right above (s36: said there and
    // here, the same reason twice on one screen); the freeze itself is the step's aside (ASIDE_ONLY)
    en: 'Yours needs IPC_NOWAIT too: on semval 0 a sem_op below 0 would wait.',
    zh: '你的 semop 也必须带 IPC_NOWAIT：semval 为 0 时，负的 sem_op 会等待。',
  },
  yours: { en: "first your own semop (sem_op, sem_flg) on semval 0, then the lesson's", zh: '先在 semval 为 0 时做你自己的 semop（sem_op、sem_flg），再做本课的' },
  fields: [
    {
      name: 'op',
      label: { en: 'sem_op', zh: 'sem_op' },
      kind: { kind: 'number', min: -32768, max: 32767 },
      default: '-1',
      help: { en: `sem_op is a short in struct sembuf; ${nb('> 0')} adds (V), ${nb('< 0')} takes (P), 0 waits for semval 0`, zh: 'sem_op 在 struct sembuf 里是 short；大于 0 加上（V），小于 0 减去（P），0 等 semval 变为 0' },
    },
    {
      name: 'flg',
      label: { en: 'sem_flg', zh: 'sem_flg' },
      kind: {
        kind: 'flags',
        bits: [{ name: 'IPC_NOWAIT', value: native.IPC_NOWAIT }],
        maxMode: 0,
        call: 'semop',
        // steps 6 and 7 teach it, in processes that exit: here the undo would stay with ipclab
        // not when the kernel undoes it: that is step 6's question (issue 16: "only when ipclab exits (steps 6 and 7 show it)")
        notOffered: [{ name: 'SEM_UNDO', why: { en: 'it has the kernel record a change to undo (semadj) for the lesson process, which stays running; the lesson uses it later, in processes of their own', zh: '它让内核为本课进程记下要撤销的改动（semadj），而这个进程一直在运行；本课稍后在另起的进程里用它' } }],
      },
      default: 'IPC_NOWAIT',
      // the limits say "0 or IPC_NOWAIT"; 0 is taken only where it cannot wait (nc: offered, then refused)
      help: {
        en: `on semval 0, IPC_NOWAIT with a sem_op ${nb('< 0')}, as a wait here would freeze ipclab's screen; 0 only with sem_op 0 or more, which never wait there`,
        zh: 'semval 为 0 时，sem_op 小于 0 必须带 IPC_NOWAIT，因为在这里等待会卡住 ipclab 的界面；sem_op 为 0 或更大时才可以是 0，它们在这里不会等待',
      },
    },
  ],
  rules: [
    {
      field: 'flg',
      // semval is 0 here: only a sem_op below 0 waits (0 waits for semval 0 and returns at once)
      holds: (v) => Number(v.op) >= 0 || (Number(v.flg) & native.IPC_NOWAIT) !== 0,
      error: (v) => ({
        en: `sem_flg: sem_op ${v.op} on semval 0 would wait, and a wait in the lesson process freezes the screen; type IPC_NOWAIT`,
        zh: `sem_flg：semval 为 0 时 sem_op ${v.op} 会等待，而 ipclab 的进程一等待，界面就卡住；请输入 IPC_NOWAIT`,
      }),
    },
  ],
};

/** Step 3 with the learner's sem_op and sem_flg on semval 0: what the kernel did, explained;
 *  a count added is taken back, so the lesson's own P meets semval 0. */
function nowaitTurn(ctx: StepContext, semid: number): string[] {
  const delta = numberValue(ctx.turn.values, 'op');
  const flags = numberValue(ctx.turn.values, 'flg');
  // past the form too: a wait in this process would freeze the screen
  if (delta < 0 && !(flags & ctx.sys.IPC_NOWAIT)) {
    explainTurn(ctx, { en: `Your values: semop with sem_op ${delta} and no IPC_NOWAIT could sleep in ipclab; it was not made.`, zh: `你的取值：sem_op 为 ${delta} 且不带 IPC_NOWAIT 的 semop 可能在 ipclab 里睡眠，没有执行。` });
    explainOwnRun(ctx, 'notice');
    return [];
  }
  const call = op(ctx, semid, delta, flags);
  const success: Text =
    delta > 0
      ? { en: `semval 0 + ${delta} = ${delta}: a V never waits. The lesson takes it back (semop -${delta}), so its own P meets semval 0.`, zh: `semval 0 + ${delta} = ${delta}：V 从不等待。本课随即把它减回（semop -${delta}），让自己的 P 面对 semval 0。` }
      : { en: 'sem_op 0 waits for semval 0, and semval is 0: it returns at once.', zh: 'sem_op 为 0 是等 semval 变为 0，而 semval 正是 0：立刻返回。' };
  explainTurnCall(ctx, call, success);
  // on semval 0: a V succeeds, 0 succeeds, a P cannot (EAGAIN with IPC_NOWAIT)
  const problems = delta >= 0 ? expectOk(call) : expectErrno(call, 'EAGAIN');
  if (delta > 0 && call.errno === null) problems.push(...expectOk(op(ctx, semid, -delta, ctx.sys.IPC_NOWAIT)));
  explainOwnRun(ctx, 'notice');
  return problems;
}

/** Starts a second process that takes the semaphore (P); `hold`: and keeps it. */
function startTaker(ctx: StepContext, state: SemState, role: Text, undo: boolean, hold: boolean): PeerProcess {
  const semid = need(state, 'semid');
  const peer = startPeer(ctx, { role: 'blocker', call: { kind: 'semop', semid, undo, hold }, parent: ctx.sys.getpid() }, role, () => showProcesses(ctx, state));
  state.other = { peer, role };
  // a step run again replaces its own process in the list, not the others'
  state.others = [...(state.others ?? []).filter((o) => o.role !== role), state.other];
  showProcesses(ctx, state);
  return peer;
}

/** A holder takes the semaphore (with or without SEM_UNDO) and is killed with SIGKILL
 *  while it holds it; problems unless semval is `after` then. */
async function killHolder(ctx: StepContext, state: SemState, undo: boolean, after: number): Promise<string[]> {
  const semid = need(state, 'semid');
  const holder = startTaker(ctx, state, HOLDERS[undo ? 0 : 1], undo, true);
  const problems = await peerReached(holder, 'holding');
  if (problems.length) return problems;
  problems.push(...expectValue(ctx, semid, 0));
  // the record step 6's notice names, which no pane shows (a newcomer pass)
  if (undo) explain(ctx, `pid ${holder.pid} took it with SEM_UNDO: the kernel now keeps a semadj of +1 for pid ${holder.pid} on this semaphore, the undo of its -1`, `进程 ${holder.pid} 带 SEM_UNDO 取得它：内核现在为进程 ${holder.pid} 在这个信号量上记着 semadj +1，即它那次 -1 的撤销量`);
  const start = native.processStart(holder.pid);
  problems.push(...expectOk(ctx.sys.kill(holder.pid, ctx.sys.SIGKILL)));
  const exit = await peerEnded(holder, () => showProcesses(ctx, state));
  if (exit.signal !== 'SIGKILL') problems.push(`the holder ended with ${describeExit(exit)}, not by SIGKILL`);
  // SIGKILL left it no chance to remove its own run journal; it made nothing, so nothing is left for `clean`
  if (start !== null) native.forgetEndedRun(holder.pid, start);
  return [...problems, ...expectValue(ctx, semid, after)];
}

/** How long step 4 watches the asleep waiter's CPU time. */
const ASLEEP_MS = 200;

/** The CPU time a process has used, in ms: utime + stime of /proc/PID/stat (fields 14 and
 *  15, after the name in brackets, which may hold spaces), in ticks of 1/100 s (USER_HZ,
 *  100 on Linux); undefined once it is gone. */
function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

export const sem = defineLesson<SemState>({
  id: 'sem',
  title: { en: 'semaphores — semget, semop, semctl', zh: '信号量——semget、semop、semctl' },
  intro: {
    // names no term a later step teaches: P and V, holder and kill -9 are new where their steps
    // say them, and the Flow (sem-pv) masks them until then (issue 16: sem 1 listed all four)
    en: 'The third System V object. A semaphore set holds counters (semval) that processes take and give back; one that finds the count at 0 waits. At 1 a semaphore is a lock. "lesson" in the list of processes is the lesson process, ipclab itself.',
    zh: '第三种 System V 对象。信号量集是一组计数（semval），进程取得它、再归还它；遇到计数为 0 的进程要等待。计数为 1 时信号量就是锁。进程列表里的“本课”是本课进程，即 ipclab 自己。',
  },
  outro: {
    en: 'P and V are semops the kernel does whole: no other semop comes between the test and the change. SEM_UNDO frees a lock whose holder dies.',
    zh: 'P 和 V 都是内核一次做完的 semop：检查和修改之间插不进别的 semop。SEM_UNDO 让持有者死后锁自动释放。',
  },
  diagrams: [FLOW],
  summary: 'a set of one semaphore: SETVAL, P and V, EAGAIN with IPC_NOWAIT, a second process asleep in semop (semncnt 1), SEM_UNDO giving back a killed holder\'s count',
  code: [
    { path: 'sem.c', kind: 'check' },
    { path: 'cleanup.h', kind: 'header' },
  ],
  state: () => ({}),
  steps: [
    {
      id: 'create',
      code: 'int set = semget(IPC_PRIVATE, 1, 0600)',
      title: { en: 'semget and SETVAL 1', zh: 'semget 与 SETVAL 1' },
      say: {
        // sempid said where its column first holds a pid (issue 16: the legend said "last semop's pid" with no semop yet)
        en: 'semget(IPC_PRIVATE, 1, 0600) makes a set of one semaphore; semctl(semid, 0, SETVAL, 1) sets its semval to 1, and on Linux its sempid to the caller\'s pid (Kernel pane).',
        zh: 'semget(IPC_PRIVATE, 1, 0600) 建一个只含一个信号量的集合；semctl(semid, 0, SETVAL, 1) 把它的 semval 设为 1，在 Linux 上还把它的 sempid 设为调用者的 pid（见“内核”窗格）。',
      },
      notice: {
        // sempid is the say's: the notice names what is in view after the run, the Trace at 80x24 (notice-says-in-view-ipcs)
        // the start value where it is seen, for check 2's "Linux starts the others at 0" (issue 16: 0 never shown)
        // in sentences (issue 16: "Trace: new, it read 0 (the first semctl read; …)" read as garbled)
        en: 'One semaphore. In the Trace, semctl first read it as 0: Linux starts a new semaphore at 0. Then SETVAL set it to 1.',
        zh: '集合里有一个信号量。跟踪里，semctl 第一次读到的是 0：Linux 上新信号量的初值是 0。随后 SETVAL 把它设成 1。',
      },
      // the first GETVAL's 0, the notice's start value, with SETVAL under it
      traceFocus: ['GETVAL) = 0'],
      diagram: FLOW,
      highlight: ['sem'],
      turn: SETVAL_TURN,
      async run(ctx, state) {
        const call = ctx.sys.semget(ctx.sys.IPC_PRIVATE, 1, 0o600);
        if (call.errno !== null) return expectOk(call);
        const semid = call.ret as number;
        state.semid = semid;
        ctx.onReset(() => {
          if (ctx.sys.readSemaphores().some((s) => s.semid === semid)) ctx.sys.semctlRmid(semid);
        });
        showProcesses(ctx, state);
        const yours = [...expectValue(ctx, semid, 0), ...(ctx.turn.custom ? setvalTurn(ctx, semid) : [])];
        const problems = [...yours, ...expectOk(ctx.sys.semctlSetval(semid, 0, 1)), ...expectValue(ctx, semid, 1)];
        await ctx.exec('ipcs', ['-s']);
        return problems;
      },
    },
    {
      id: 'p',
      code: 'op(set, -1, 0);',
      // P in the title says what it names; the text defines P and V before later titles use them
      // (issue 16: "P: semop -1 takes it" named P before any text had)
      title: { en: 'semop -1 takes it (P)', zh: 'semop -1 取得它（P）' },
      // struct sembuf's fields each said where first used (issue 16: named, never explained), and
      // no more of them than the step uses: sem_flg is step 3's (issue 16: 11 new terms in steps
      // 1-2); sem_num is the Kernel pane's semnum, said once (as shmctl says att_time is atime)
      say: {
        en: `P takes a semaphore, V gives it back: semop -1 and +1. Here op is a struct sembuf ${nb('{0, -1, 0}')}: sem_num 0 (which one: the Kernel pane's semnum), sem_op -1 (added to semval), no flags.`,
        zh: `P 是取得信号量，V 是归还：sem_op 为 -1 和 +1 的 semop。op 是 struct sembuf ${nb('{0, -1, 0}')}：sem_num 0（哪一个，即“内核”窗格的 semnum）、sem_op -1（加到 semval 上），不带标志。`,
      },
      notice: {
        en: 'semval 0: the lesson process holds it. sempid (last process to operate on it; Linux counts SETVAL too) is the lesson process.',
        zh: 'semval 为 0：本课进程持有它。sempid（最后操作它的进程；Linux 把 SETVAL 也算在内）是本课进程。',
      },
      diagram: FLOW,
      highlight: ['me', 'me->sem', 'sem'],
      run(ctx, state) {
        const semid = need(state, 'semid');
        const problems = [...expectOk(op(ctx, semid, -1)), ...expectValue(ctx, semid, 0)];
        const pid = ctx.sys.semctlGetpid(semid, 0);
        return pid.ret === ctx.sys.getpid() ? problems : [...problems, `sempid is ${pid.ret}, not this process`];
      },
    },
    {
      id: 'nowait',
      code: 'op(set, -1, IPC_NOWAIT)',
      title: { en: 'Taken: semop -1 with IPC_NOWAIT', zh: '已被占用：带 IPC_NOWAIT 的 semop -1' },
      short: { en: 'Taken: IPC_NOWAIT', zh: '已占用：IPC_NOWAIT' },
      say: {
        // why it may not sleep, in a few words (issue 16: "may not" gave no reason); the aside says more
        en: 'Another P, now with sem_flg IPC_NOWAIT (op\'s third field, its flags). The count is 0 (its holder, the lesson process, took it); the call may not sleep, as that process draws the screen.',
        zh: '再做一次 P，这次 sem_flg 为 IPC_NOWAIT（op 的第三个字段，即标志）。计数为 0（持有者本课进程已取走它），而这个调用不许睡眠：本课进程还要绘制这个界面。',
      },
      notice: {
        en: 'EAGAIN: without IPC_NOWAIT it would have waited. The call changed nothing: semval is still 0.',
        zh: 'EAGAIN：要是不带 IPC_NOWAIT，它就会等待。这次调用什么也没改：semval 仍是 0。',
      },
      // why the form insists on IPC_NOWAIT: ipclab's reason, not the kernel's (s28b#2: it stood in the form's
      // line); what the text's reason comes to, not the reason again (s36: the text and this said it alike)
      aside: {
        en: 'asleep in semop, the lesson process would draw nothing. The screen would freeze until some V came.',
        zh: '本课进程一旦在 semop 里睡眠，就什么也画不了，界面会卡住，直到有人做 V。',
      },
      // the result is the call's EAGAIN, in the Trace (issue 16 pass 6: the Kernel pane was shown, "step 3 changed nothing")
      traceFocus: ['EAGAIN'],
      diagram: FLOW,
      highlight: ['me', 'me->sem', 'sem'],
      turn: NOWAIT_TURN,
      run(ctx, state) {
        const semid = need(state, 'semid');
        const yours = ctx.turn.custom ? nowaitTurn(ctx, semid) : [];
        return [...yours, ...expectErrno(op(ctx, semid, -1, ctx.sys.IPC_NOWAIT), 'EAGAIN'), ...expectValue(ctx, semid, 0)];
      },
    },
    {
      id: 'waiter',
      code: 'pid_t child = fork()',
      // not "sleeps": with semncnt said to count sleepers, the title would answer the question
      title: { en: 'A waiter: P on the taken semaphore', zh: '等待者对已被占用的信号量做 P' },
      short: { en: 'A waiter does P', zh: '等待者做 P' },
      say: {
        // what each count counts, before the question (issue 16, pass 6: "two counts of waiting
        // processes" left the question a guess); which of the two a P at 0 is, is the learner's to apply
        en: 'The waiter, a second process, makes semop -1 at semval 0, no IPC_NOWAIT. In the Trace, GETNCNT reads semncnt (processes waiting for semval to grow), GETZCNT semzcnt (waiting for 0).',
        zh: '等待者（第二个进程）在 semval 为 0 时做不带 IPC_NOWAIT 的 semop -1。跟踪里，GETNCNT 读 semncnt（等 semval 增加的进程数），GETZCNT 读 semzcnt（等它变为 0 的进程数）。',
      },
      notice: {
        en: 'semncnt 1, semzcnt 0: a P at 0 waits for the value to grow, so semncnt counts it. Asleep, the waiter does not run (Trace: its CPU time).',
        zh: 'semncnt 为 1，semzcnt 为 0：0 上的 P 等信号量的值增加，所以计入 semncnt。等待者睡着时根本不运行：跟踪里有它用的 CPU 时间。',
      },
      traceFocus: [{ en: 'ms of CPU', zh: 'ms CPU' }],
      // how ipclab makes the waiter, under the notice once it ran: with the introduction it kept
      // step 1 and its form from fitting the pane (issue 16: sem 1 at 120x34 zh needed Space)
      aside: {
        en: 'the waiter and the holders killed later are ipclab\'s program started again, as a semop asleep in the lesson process would freeze the screen.',
        zh: '等待者和后面被杀的持有者都是 ipclab 的程序再启动一次，因为 semop 若在本课进程里睡眠，界面就卡住了。',
      },
      diagram: FLOW,
      highlight: ['sem', 'sem->waiter', 'waiter'],
      async run(ctx, state) {
        const semid = need(state, 'semid');
        const waiter = startTaker(ctx, state, WAITER, false, false);
        const problems = await peerReached(waiter, 'calling');
        if (problems.length) return problems;
        // polled untraced: one traced GETNCNT below shows the figure
        const asleep = await until(() => native.semctlGetncnt(semid, 0).ret === 1, waiter.pid, 'asleep in semop');
        const ncnt = ctx.sys.semctlGetncnt(semid, 0);
        const zcnt = ctx.sys.semctlGetzcnt(semid, 0);
        // the kernel function it sleeps in, as the Kernel pane's wchan column shows it (nc: "__do_semtimedop" unexplained)
        const where = asleep.length ? '' : wchan(waiter.pid);
        const at = where ? { en: ` (/proc/${waiter.pid}/wchan: ${where})`, zh: `（/proc/${waiter.pid}/wchan：${where}）` } : { en: '', zh: '' };
        if (!asleep.length) explain(ctx, `semncnt ${ncnt.ret}, semzcnt ${zcnt.ret}: process ${waiter.pid} sleeps in semop${at.en}`, `semncnt 为 ${ncnt.ret}，semzcnt 为 ${zcnt.ret}：进程 ${waiter.pid} 在 semop 里睡眠${at.zh}`);
        // what asleep costs, measured rather than said (issue 16: "uses no CPU" was on no screen)
        const before = asleep.length ? undefined : cpuMs(waiter.pid);
        if (before !== undefined) {
          await new Promise((resolve) => setTimeout(resolve, ASLEEP_MS));
          const used = (cpuMs(waiter.pid) ?? before) - before;
          explain(ctx, `process ${waiter.pid} used ${used} ms of CPU in ${ASLEEP_MS} ms asleep (user + system CPU time, utime + stime, as the kernel counts it)`, `进程 ${waiter.pid} 睡眠的 ${ASLEEP_MS} ms 里用了 ${used} ms CPU（用户态加内核态 CPU 时间，即内核记下的 utime + stime）`);
        }
        return [...asleep, ...(zcnt.ret === 0 ? [] : [`semzcnt is ${zcnt.ret}, expected 0`])];
      },
    },
    {
      id: 'v',
      code: '/* V: the child gets through',
      title: { en: 'V: semop +1 wakes it', zh: 'V：semop +1 唤醒它' },
      say: {
        // what the waiter does once woken, its program: not the result, which the notice gives
        // (issue 16: newcomers, not told it gives the semaphore back, predicted semval 0)
        en: 'The lesson process gives the semaphore back with semop +1, while the waiter sleeps in its semop -1. Woken, the waiter takes it, then gives it back with its own V and exits.',
        zh: '等待者正睡在它的 semop -1 里，本课进程用 semop +1 归还信号量。等待者被唤醒后取得信号量，随后用自己的 V 归还，然后退出。',
      },
      notice: {
        en: 'The waiter\'s semop returned right after the V; it gave the semaphore back and exited: semncnt 0, semval 1, sempid the waiter.',
        zh: '等待者的 semop 紧跟在 V 之后返回；它归还信号量后退出：semncnt 为 0，semval 为 1，sempid 是等待者。',
      },
      diagram: FLOW,
      // the figures in the Kernel pane; the waiter's semop returning, only in the Trace (issue 16 item 5)
      alsoIn: { pane: 'trace', shows: { en: "the waiter's semop returning", zh: '等待者的 semop 返回' } },
      highlight: ['me', 'me->sem', 'sem', 'sem->waiter', 'waiter'],
      // woken, the waiter takes the semaphore, gives it back and exits: no longer drawn after (fix26f#4)
      async run(ctx, state) {
        const semid = need(state, 'semid');
        const waiter = need(state, 'other').peer;
        const problems = expectOk(op(ctx, semid, 1));
        const exit = await peerEnded(waiter, () => showProcesses(ctx, state));
        if (exit.code !== 0) problems.push(`the waiter ended with ${describeExit(exit)}`);
        const ncnt = ctx.sys.semctlGetncnt(semid, 0).ret;
        if (ncnt !== 0) problems.push(`semncnt is ${ncnt}, expected 0`);
        return [...problems, ...expectValue(ctx, semid, 1)];
      },
    },
    {
      id: 'undo',
      code: 'killed_holder(set, SEM_UNDO)',
      title: { en: 'SEM_UNDO: kill -9 the holder', zh: 'SEM_UNDO：kill -9 持有者' },
      short: { en: 'SEM_UNDO: kill -9', zh: 'SEM_UNDO 与 kill -9' },
      say: {
        // what SEM_UNDO makes the kernel record, on screen; not when it is applied, the question (issue 16: "(g: semadj)" alone)
        en: 'A new holder, another process, takes the semaphore with SEM_UNDO, so the kernel keeps a semadj for it, a record of that P. The lesson process sends it kill -9 (SIGKILL).',
        zh: '新的持有者（另一个进程）带 SEM_UNDO 取得信号量，内核于是为它记下 semadj，记录那次 P。本课进程用 kill -9（即 SIGKILL）杀死它：没有处理函数，也没有自己的清理。',
      },
      notice: {
        // sempid: Linux's exit_sem sets it to the dying process as it undoes (nc: "so" did not follow)
        en: 'semval 1 again: the holder\'s SEM_UNDO P left a semadj of +1, added as it died. sempid: Linux counts that undo as the holder\'s change.',
        zh: 'semval 回到 1：持有者带 SEM_UNDO 的 P 留下 semadj +1，它死时内核加回。sempid 是持有者：Linux 把这次撤销算作它的改动。',
      },
      diagram: FLOW,
      highlight: ['h1', 'h1->sem', 'sem', 'me', 'me->h1'],
      // killed, holder 1 holds nothing after this step
      run(ctx, state) {
        return killHolder(ctx, state, true, 1);
      },
    },
    {
      id: 'no-undo',
      code: 'killed_holder(set, 0)',
      title: { en: 'Without SEM_UNDO: kill -9 the holder', zh: '不带 SEM_UNDO：kill -9 持有者' },
      short: { en: 'No SEM_UNDO: kill -9', zh: '无 SEM_UNDO：kill -9' },
      say: {
        en: 'The same without SEM_UNDO. Then the lesson process makes a P with IPC_NOWAIT, as in step 3, and removes the set with semctl(IPC_RMID).',
        zh: '不带 SEM_UNDO 再做一遍。然后本课进程像第 3 步那样做一次带 IPC_NOWAIT 的 P，再用 semctl(IPC_RMID) 删除信号量集。',
      },
      notice: {
        en: 'The P got EAGAIN: a semop P without IPC_NOWAIT would wait until some process does V, which the dead holder never will.',
        zh: 'P 得到 EAGAIN：不带 IPC_NOWAIT 的 semop P 会一直等到有进程做 V，而死去的持有者再也不会做。',
      },
      traceFocus: ['EAGAIN'],
      diagram: FLOW,
      // holder 2 last: the Flow's window keeps the last box lit anew, and the step is about holder 2,
      // the set's removal its end (issue 16: the window showed the set removed beside step 4's waiter)
      highlight: ['me', 'me->sem', 'sem', 'sem->gone', 'gone', 'me->h2', 'h2->sem', 'h2'],
      async run(ctx, state) {
        const semid = need(state, 'semid');
        const problems = await killHolder(ctx, state, false, 0);
        // the P the checkpoint asks about, made here and graded on (IPC_NOWAIT: a wait would freeze the screen)
        problems.push(...expectErrno(op(ctx, semid, -1, ctx.sys.IPC_NOWAIT), 'EAGAIN'));
        return [...problems, ...expectOk(ctx.sys.semctlRmid(semid))];
      },
    },
  ],
  checkpoints: {
    waiter: {
      question: { en: 'The waiter\'s semop -1 found semval 0. GETNCNT and GETZCNT then read…', zh: '等待者的 semop -1 遇到 semval 为 0。随后 GETNCNT 和 GETZCNT 读到……' },
      choices: COUNTED,
      answer: (live) => {
        const [n, z] = [lastRead(live, 'GETNCNT'), lastRead(live, 'GETZCNT')];
        return choiceOf(COUNTED, n === 1 && z === 0 ? 'n' : n === 0 && z === 1 ? 'z' : n === 0 && z === 0 ? 'none' : 'other');
      },
      hint: { en: 'Its sem_op is -1: what must semval do before it can go on? In semncnt the n is for "increase", in semzcnt the z for "zero".', zh: '它的 sem_op 是 -1：semval 要怎样变，它才能继续？semncnt 的 n 指“增加”，semzcnt 的 z 指“零”。' },
      explain: (live) => ({
        en: `A P at 0 waits for semval to grow, which semncnt counts: GETNCNT read ${lastRead(live, 'GETNCNT')}, GETZCNT ${lastRead(live, 'GETZCNT')}. semzcnt counts a semop with sem_op 0, waiting for semval to be 0.`,
        zh: `在 0 上做 P 是等 semval 增加，由 semncnt 计数：GETNCNT 读到 ${lastRead(live, 'GETNCNT')}，GETZCNT 读到 ${lastRead(live, 'GETZCNT')}。semzcnt 计的是 sem_op 为 0、等 semval 变为 0 的 semop。`,
      }),
    },
    undo: afterKill(true),
    'no-undo': afterKill(false),
  },
  check: [
    {
      question: { en: 'semval is 2. Three processes in turn each make semop -1 with IPC_NOWAIT. The three calls…', zh: 'semval 为 2。三个进程依次各做一次带 IPC_NOWAIT 的 semop -1。这三次调用……' },
      choices: [
        // short enough, with the errno's meaning the list adds, for one row of the 45-cell pane
        // side by side at 120x34 (issue 16: [2] wrapped its last word alone)
        { en: '0, 0, -1 with EAGAIN', zh: '返回 0、0，再以 EAGAIN 失败' },
        { en: '0, -1, -1 with EAGAIN', zh: '返回 0，再两次以 EAGAIN 失败', whyNot: { en: 'semval 2 lets two P through before it reaches 0.', zh: 'semval 为 2，能让两次 P 通过，然后才到 0。' } },
        { en: 'all return 0', zh: '三次都返回 0', whyNot: { en: 'the third -1 would take semval below 0, which semop never allows.', zh: '第三次减 1 会让 semval 成为负数，semop 绝不允许。' } },
      ],
      answer: 0,
      explain: { en: 'Two P take 2 down to 0. The third would have to sleep; IPC_NOWAIT turns that into EAGAIN, and semval stays 0.', zh: '两次 P 把 2 减到 0。第三次本该睡眠；IPC_NOWAIT 把它变成 EAGAIN，semval 仍为 0。' },
    },
    {
      question: { en: 'On Linux, a new set of 3 semaphores gets SETVAL 1 on semaphore 0 only. A semop -1 on semaphore 2, without IPC_NOWAIT…', zh: '在 Linux 上，一个程序建了含 3 个信号量的集合，只对 0 号信号量做了 SETVAL 1。它对 2 号信号量做不带 IPC_NOWAIT 的 semop -1，结果……' },
      choices: [
        { en: 'waits in semop', zh: '在 semop 里等待' },
        { en: 'takes semaphore 2 at once', zh: '立刻取得 2 号信号量', whyNot: { en: 'SETVAL set semaphore 0 alone; semaphore 2 starts at 0, so a P on it waits.', zh: 'SETVAL 只设了 0 号；2 号的初值是 0，P 要等待。' } },
        { en: 'fails with EINVAL', zh: '以 EINVAL 失败', whyNot: { en: 'semaphore 2 is in the set (numbers 0 to 2); its value is there, and it is 0.', zh: '2 号在集合里（编号 0 到 2）；它的值一直都在，就是 0。' } },
      ],
      answer: 0,
      explain: { en: 'SETVAL sets one semaphore. Linux starts the others at 0 (in step 1, GETVAL read 0 before SETVAL); a P on 0 waits. POSIX\'s semget leaves start values unspecified: SETVAL each one.', zh: 'SETVAL 只设一个信号量。Linux 把其余的都初始化为 0（第 1 步里 SETVAL 之前 GETVAL 读到 0）；计数为 0 时 P 要等待。POSIX 标准没有规定 semget 所建信号量的初值，用到的每一个都要 SETVAL。' },
    },
    {
      question: { en: 'semval 0, eight processes asleep in P: semncnt 8. The holder makes one V. Then…', zh: 'semval 为 0，8 个进程睡在 P 里：semncnt 为 8。持有者做一次 V。之后……' },
      choices: [
        { en: 'all eight pass', zh: '8 个都通过', whyNot: { en: 'each P takes 1 and the V added only 1; after the first, semval is 0 again.', zh: '每次 P 取走 1，而 V 只加了 1；第一个通过后，semval 又是 0。' } },
        { en: 'one passes; semncnt 7', zh: '一个通过；semncnt 为 7' },
        { en: 'semval -7', zh: 'semval 为 -7', whyNot: { en: 'semval never goes below 0; a P that cannot take 1 sleeps on, counted in semncnt.', zh: 'semval 从不低于 0；取不到 1 的 P 继续睡眠，计入 semncnt。' } },
      ],
      answer: 1,
      explain: { en: 'The V makes semval 1; one sleeper\'s P takes it back to 0 and returns, and the other seven sleep on until more V come.', zh: 'V 让 semval 变为 1；一个睡眠者的 P 把它减回 0 并返回，其余 7 个继续睡，直到再有 V。' },
    },
  ],
});
