// Why a call failed, per call and errno, in the context of that call: what the learner's
// values in a your-turn step can provoke (and what the lessons show anyway). One table;
// an errno it does not hold gets a line that says so and where to read more. What each errno
// means for its call in a few words, as the trace shows it after the errno's name, is the table
// beside this one, ERRNO_FOR_CALL (src/text/errno.ts): its keys are these, and the type below
// lets no call and errno here go without a row there.
import type { Text } from '../types.js';
import { ERRNO_FOR_CALL, ERRNO_MEANINGS } from '../../text/errno.js';

export type ExplainedCall = 'shmget' | 'ftok' | 'shmat' | 'shmdt' | 'shmctl' | 'msgsnd' | 'msgrcv' | 'semop' | 'semctl';

/** Per call, a why for some of the errnos ERRNO_FOR_CALL holds for it, and for no other. */
type WhyTable = { readonly [C in ExplainedCall]: { readonly [E in keyof (typeof ERRNO_FOR_CALL)[C]]?: Text } };

export const ERRNO_WHY: WhyTable = {
  shmget: {
    EINVAL: {
      en: 'the size is below SHMMIN (1) or above SHMMAX, or a segment with this key exists and is smaller than the size asked',
      zh: '大小小于 SHMMIN（1）或大于 SHMMAX，或者这个 key 的段已存在而比所要的大小小',
    },
    EEXIST: { en: 'IPC_CREAT|IPC_EXCL was given and a segment with this key already exists', zh: '给了 IPC_CREAT|IPC_EXCL，而这个 key 的段已经存在' },
    ENOENT: { en: 'no segment has this key and IPC_CREAT was not given, so there was nothing to open ("No such file or directory" is only errno\'s generic text, and no file is involved)', zh: `没有段用这个 key，又没有给 IPC_CREAT，所以无从打开（“${ERRNO_MEANINGS.ENOENT.zh}”只是 errno 的通用说明，这里不涉及任何文件）` },
    EACCES: { en: 'the segment exists but its mode does not let this user have the access asked', zh: '段存在，但它的权限不允许这个用户做所要的访问' },
    ENOMEM: { en: 'the limits allow the size, but the kernel could not reserve that much memory for it', zh: '上限允许这个大小，但内核预留不出这么多内存' },
    ENOSPC: { en: 'the size would take the segments above SHMALL pages in all, or SHMMNI segments exist already', zh: '加上这段，所有段的页数会超过 SHMALL，或者段数已达 SHMMNI' },
    EPERM: { en: 'SHM_HUGETLB was asked without the right to lock memory', zh: '要求 SHM_HUGETLB，但没有锁定内存的权限' },
  },
  ftok: {
    ENOENT: { en: 'the file does not exist, and ftok needs an existing file, since the key is made from its inode', zh: '文件不存在，而 key 要由文件的 inode 算出，所以 ftok 需要一个存在的文件' },
    EACCES: { en: 'a folder on the path may not be searched by this user, so stat() cannot reach the file', zh: '路径上某个目录不允许这个用户进入，stat() 找不到这个文件' },
    ENOTDIR: { en: 'a part of the path that should be a folder is a file', zh: '路径中应是目录的一段其实是文件' },
  },
  shmat: {
    EINVAL: {
      en: 'the shmid names no segment (-1 is what a failed shmget returns), or the flags need an address (SHM_REMAP) and NULL was given',
      zh: 'shmid 不指向任何段（-1 是 shmget 失败时的返回值），或者标志需要一个地址（SHM_REMAP）而传的是 NULL',
    },
    EACCES: {
      en: 'the mode does not allow the access asked (read, and write unless SHM_RDONLY, or execute with SHM_EXEC)',
      zh: '权限不允许所要的访问（读；不带 SHM_RDONLY 时还要写；带 SHM_EXEC 时还要执行）',
    },
    EIDRM: { en: 'the segment was removed (IPC_RMID) while the call looked it up', zh: '查找时这段已被删除（IPC_RMID）' },
    ENOMEM: { en: 'the process has no room left in its address space for the mapping', zh: '进程的地址空间里已放不下这个映射' },
  },
  shmdt: {
    EINVAL: { en: 'no segment is attached at that exact address; shmdt takes the address shmat returned, not one inside the mapping', zh: '这个地址上没有映射任何段；shmdt 要的是 shmat 返回的那个地址，而不是映射中间的地址' },
  },
  shmctl: {
    EINVAL: { en: 'the shmid names no segment (any more), or cmd is not a valid command', zh: 'shmid 不（再）指向任何段，或 cmd 不是有效的命令' },
    EPERM: { en: 'IPC_SET and IPC_RMID need the owner, the creator or root, and this process is none of them', zh: 'IPC_SET 和 IPC_RMID 只能由属主、创建者或 root 执行，本进程都不是' },
    EACCES: { en: 'IPC_STAT needs read permission on the segment', zh: 'IPC_STAT 需要对这段有读权限' },
    EFAULT: { en: 'buf points outside the address space', zh: 'buf 指向地址空间之外' },
    EIDRM: { en: 'the segment was removed while the call looked it up', zh: '查找时这段已被删除' },
  },
  msgsnd: {
    EINVAL: { en: 'mtype is below 1, or the text is longer than msgmax (8192 bytes by default), or the msqid names no queue', zh: 'mtype 小于 1，或正文超过 msgmax（默认 8192 字节），或 msqid 不指向任何队列' },
    EAGAIN: { en: 'the text would take the queue past msg_qbytes, and IPC_NOWAIT forbids waiting for room', zh: '放进这段正文，队列就会超过 msg_qbytes，而 IPC_NOWAIT 不许等待腾出空间' },
  },
  msgrcv: {
    ENOMSG: {
      en: 'no queued message fits msgtyp (none of that type for a positive one, none of a type up to its absolute value for a negative one, none at all for 0), and IPC_NOWAIT forbids waiting',
      zh: '队列里没有符合 msgtyp 的消息（正数要这个类型的，负数要类型不超过其绝对值的，0 要任意一条），而 IPC_NOWAIT 不许等待',
    },
    E2BIG: {
      en: 'the message msgtyp picks has more text than msgsz and MSG_NOERROR was not given, so msgrcv refuses it and it stays in the queue',
      zh: 'msgtyp 选中的那条消息正文比 msgsz 长，又没有给 MSG_NOERROR，所以 msgrcv 拒收，这条消息留在队列里',
    },
    EINVAL: { en: 'the msqid names no queue, or msgsz is negative', zh: 'msqid 不指向任何队列，或 msgsz 是负数' },
  },
  semop: {
    EAGAIN: { en: 'semval is below what sem_op takes away (or not 0 for a sem_op of 0), so the call would wait, and IPC_NOWAIT forbids waiting', zh: 'semval 小于 sem_op 要减去的量（sem_op 为 0 时则是 semval 不为 0），调用本该等待，而 IPC_NOWAIT 不许等待' },
    ERANGE: { en: 'semval plus sem_op would pass SEMVMX (32767), the most a semaphore holds', zh: 'semval 加上 sem_op 会超过 SEMVMX（32767），即一个信号量能容纳的最大值' },
    EFBIG: { en: 'sem_num is not a semaphore of the set', zh: 'sem_num 不是这个信号量集里的信号量' },
  },
  semctl: {
    ERANGE: { en: 'SETVAL takes 0 to SEMVMX (32767), as a semaphore is never negative nor above that', zh: 'SETVAL 只接受 0 到 SEMVMX（32767），因为信号量不会是负数，也不会超过它' },
    EINVAL: { en: 'the semid names no set, or semnum is not one of its semaphores', zh: 'semid 不指向任何信号量集，或 semnum 不是集里的信号量' },
  },
};

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
      const t = num(v, 'msgtyp')!;
      const none: Text =
        t === 0
          ? { en: 'the queue holds no message at all (msgtyp 0 takes any)', zh: '队列里一条消息也没有（msgtyp 为 0 时任意一条都行）' }
          : t > 0
            ? { en: `no queued message has type ${t}`, zh: `队列里没有类型为 ${t} 的消息` }
            : { en: `no queued message has a type up to ${-t}`, zh: `队列里没有类型不超过 ${-t} 的消息` };
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
