// Why a call failed, per call and errno, in the context of that call: what the learner's
// values in a your-turn step can provoke (and what the lessons show anyway). The general line
// for a call and errno is the `why` of its row in the one errno table, ERRNO_FOR_CALL
// (src/text/errno.ts), beside the few words the trace shows; the lines here narrow it by the
// learner's values. An errno with no why gets a line that says so and where to read more.
import type { Text } from '../types.js';
import { ERRNO_FOR_CALL, errnoColumn } from '../../text/errno.js';

type Table = typeof ERRNO_FOR_CALL;
/** The errnos of `C` whose row has a why. */
type WhyErrno<C extends keyof Table> = { [E in keyof Table[C]]: Table[C][E] extends { readonly why: object } ? E : never }[keyof Table[C]];

/** The calls with a why for some errno: those a your-turn step makes. */
export type ExplainedCall = { [C in keyof Table]: [WhyErrno<C>] extends [never] ? never : C }[keyof Table];

type WhyTable = { readonly [C in ExplainedCall]: { readonly [E in WhyErrno<C>]?: Text } };

/** Per call, the why of each errno whose row in ERRNO_FOR_CALL has one. */
export const ERRNO_WHY = errnoColumn('why') as WhyTable;

/** The learner's values of the form, by field name (TurnValues); a number where the field is one. */
type Values = Readonly<Record<string, unknown>>;
const num = (v: Values, name: string): number | undefined => (typeof v[name] === 'number' ? (v[name] as number) : undefined);

/** Lines that hold only for some arguments, before the table's general one: the call in C
 *  (`c`) and the learner's values (`v`) rule out some of the general line's causes (a key of
 *  0 has no existing segment; an mtype of -5 is the cause, not the text's length). Where the
 *  values show the cause, the line names that one cause; the general line lists several only
 *  when the values cannot tell (tests/lessons/turn-fields.test.ts tries each form). */
const BY_ARGS: readonly { call: ExplainedCall; errno: string; when: (c: string, v: Values) => boolean; why: Text | ((v: Values) => Text) }[] = [
  {
    call: 'shmget',
    errno: 'EINVAL',
    when: (c, v) => c.startsWith('shmget(IPC_PRIVATE,') && num(v, 'size') === 0,
    why: { en: 'the size 0 is below SHMMIN (1), and IPC_PRIVATE always makes a new segment of the size asked', zh: '大小 0 小于 SHMMIN（1），而 IPC_PRIVATE 总是按所要的大小新建一段' },
  },
  {
    call: 'shmget',
    errno: 'EINVAL',
    when: (c, v) => c.startsWith('shmget(IPC_PRIVATE,') && (num(v, 'size') ?? 0) > 0,
    why: { en: 'the size is above SHMMAX, this machine\'s most for one segment (/proc/sys/kernel/shmmax)', zh: '大小超过了 SHMMAX，即这台机器上单个段的上限（/proc/sys/kernel/shmmax）' },
  },
  {
    call: 'shmget',
    errno: 'EINVAL',
    when: (c) => c.startsWith('shmget(IPC_PRIVATE,'),
    why: { en: 'the size is below SHMMIN (1) or above SHMMAX; IPC_PRIVATE always makes a new segment of the size asked', zh: '大小小于 SHMMIN（1）或大于 SHMMAX；IPC_PRIVATE 总是按所要的大小新建一段' },
  },
  {
    call: 'shmat',
    errno: 'EINVAL',
    when: (c) => c.startsWith('shmat(-1,'),
    why: { en: 'the shmid names no segment; -1 is what a failed shmget returns', zh: 'shmid 不指向任何段；-1 是 shmget 失败时的返回值' },
  },
  {
    call: 'shmat',
    errno: 'EINVAL',
    when: (c) => c.includes('SHM_REMAP') && c.includes('NULL'),
    why: { en: 'SHM_REMAP replaces a mapping at the address given, and shmaddr is NULL, so there is no address to replace at', zh: 'SHM_REMAP 要替换给定地址上的映射，而 shmaddr 是 NULL，所以没有可替换的地址' },
  },
  {
    call: 'shmat',
    errno: 'EACCES',
    when: (c) => c.includes('SHM_EXEC'),
    why: { en: 'SHM_EXEC asks to execute the segment, and its mode gives no x (execute) bit', zh: 'SHM_EXEC 要求执行权限，而段的权限里没有 x（执行）位' },
  },
  {
    call: 'msgsnd',
    errno: 'EINVAL',
    when: (_c, v) => (num(v, 'mtype') ?? 1) < 1,
    why: (v) => ({
      en: `mtype ${num(v, 'mtype')} is below 1, and msgsnd takes types above 0 only (msgrcv reads 0 and negatives as rules of choice)`,
      zh: `mtype ${num(v, 'mtype')} 小于 1，而 msgsnd 只收大于 0 的类型（0 和负数是 msgrcv 的挑选规则）`,
    }),
  },
  {
    call: 'msgrcv',
    errno: 'ENOMSG',
    when: (_c, v) => num(v, 'msgtyp') !== undefined,
    why: (v) => {
      const none = noMessageFits(num(v, 'msgtyp')!);
      return { en: `${none.en}, and IPC_NOWAIT forbids waiting`, zh: `${none.zh}，而 IPC_NOWAIT 不许等待` };
    },
  },
  {
    call: 'semop',
    errno: 'EAGAIN',
    when: (_c, v) => (num(v, 'op') ?? 0) < 0,
    why: (v) => ({
      en: `semval is below the ${-num(v, 'op')!} that sem_op ${num(v, 'op')} takes away, so the call would wait, and IPC_NOWAIT forbids waiting`,
      zh: `semval 小于 sem_op ${num(v, 'op')} 要减去的 ${-num(v, 'op')!}，调用本该等待，而 IPC_NOWAIT 不许等待`,
    }),
  },
  {
    call: 'semctl',
    errno: 'ERANGE',
    when: (_c, v) => (num(v, 'val') ?? 0) < 0,
    why: (v) => ({ en: `val ${num(v, 'val')} is negative, and a semaphore holds 0 to SEMVMX (32767), never less`, zh: `val ${num(v, 'val')} 是负数，而信号量只能取 0 到 SEMVMX（32767），不会小于 0` }),
  },
  {
    call: 'semctl',
    errno: 'ERANGE',
    when: (_c, v) => (num(v, 'val') ?? 0) > 32767,
    why: (v) => ({ en: `val ${num(v, 'val')} is above SEMVMX (32767), the most a semaphore holds`, zh: `val ${num(v, 'val')} 超过了 SEMVMX（32767），即一个信号量能容纳的最大值` }),
  },
];

/** Why `call` failed with `errno`: a line for its arguments (`c`, the call in C; `values`,
 *  the learner's values of the form) when one fits, else the table's, else one saying the
 *  table has none. */
export function errnoWhy(call: ExplainedCall, errno: string, c = '', values: Values = {}): Text {
  const byArgs = BY_ARGS.find((b) => b.call === call && b.errno === errno && b.when(c, values))?.why;
  if (byArgs) return typeof byArgs === 'function' ? byArgs(values) : byArgs;
  return (
    (ERRNO_WHY[call] as Readonly<Record<string, Text | undefined>> | undefined)?.[errno] ?? {
      en: `${errno} is not one a learner usually meets here; man 2 ${call} lists when it happens`,
      zh: `${errno} 在这里不常见；man 2 ${call} 列出了它出现的情形`,
    }
  );
}

/** Why msgrcv with `msgtyp` found nothing to take, without what IPC_NOWAIT made of it (msg 3
 *  says this alone: what IPC_NOWAIT does is msg 4's question). */
export function noMessageFits(t: number): Text {
  return t === 0
    ? { en: 'the queue holds no message at all (msgtyp 0 takes any)', zh: '队列里一条消息也没有（msgtyp 为 0 时任意一条都行）' }
    : t > 0
      ? { en: `no queued message has type ${t}`, zh: `队列里没有类型为 ${t} 的消息` }
      : { en: `no queued message has a type up to ${-t}`, zh: `队列里没有类型不超过 ${-t} 的消息` };
}
