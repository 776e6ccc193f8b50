// Every name the playground knows, with its help in both languages: the calls, the
// constants and the words. Help, completion, "did you mean" and the argument checks
// all read this one table; a call's errnos are the `play` words of its rows in the one
// errno table (ERRNO_FOR_CALL, src/text/errno.ts).
import { IPC_CREAT, IPC_EXCL, IPC_PRIVATE, IPC_RMID, IPC_SET, IPC_STAT, SHM_RDONLY, SHM_RND } from '../native/constants.js';
import { errnoColumn } from '../text/errno.js';
import type { CommandName, Text } from './types.js';

export type ParamType = 'number' | 'pointer' | 'string' | 'path';

export interface Param {
  name: string;
  type: ParamType;
}

export interface FunctionSpec {
  /** the forms it may take; the argument count must match one */
  params: Param[][];
  signature: string;
  help: Text;
  /** errno name to when it happens, from the errno table */
  errors: Record<string, Text>;
}

const PLAY_ERRORS = errnoColumn('play');
/** The playground's words for `call`'s errnos (ERRNO_FOR_CALL's `play`), in the table's order. */
const errorsOf = (call: string): Record<string, Text> => PLAY_ERRORS[call] ?? {};

const num = (name: string): Param => ({ name, type: 'number' });
const ptr = (name: string): Param => ({ name, type: 'pointer' });

export type FunctionName = 'ftok' | 'shmget' | 'shmat' | 'shmdt' | 'shmctl' | 'strcpy' | 'puts' | 'dump';

export const FUNCTIONS: Record<FunctionName, FunctionSpec> = {
  ftok: {
    params: [[{ name: 'path', type: 'path' }, num('id')]],
    signature: 'key_t ftok(const char *path, int id)',
    help: {
      en: "a key from an existing file's inode and device and the low 8 bits of id: ftok(\"/tmp\", 'K')",
      zh: "由一个已存在文件的 inode、设备号和 id 的低 8 位算出 key：ftok(\"/tmp\", 'K')",
    },
    errors: errorsOf('ftok'),
  },
  shmget: {
    params: [[num('key'), num('size'), num('flags')]],
    signature: 'int shmget(key_t key, size_t size, int flags)',
    help: {
      en: 'the id of the segment under key, made when IPC_PRIVATE or IPC_CREAT says so; flags: IPC_CREAT, IPC_EXCL and the mode (0600)',
      zh: '返回 key 对应的段的 id；IPC_PRIVATE 或 IPC_CREAT 时新建；flags：IPC_CREAT、IPC_EXCL 和权限（0600）',
    },
    errors: errorsOf('shmget'),
  },
  shmat: {
    params: [[num('shmid'), num('addr'), num('flags')]],
    signature: 'void *shmat(int shmid, const void *addr, int flags)',
    help: {
      en: 'maps the segment into this process and returns its address; addr NULL lets the kernel choose; flags 0 or SHM_RDONLY',
      zh: '把段映射进本进程并返回地址；addr 为 NULL 时由内核选择；flags 为 0 或 SHM_RDONLY',
    },
    errors: errorsOf('shmat'),
  },
  shmdt: {
    params: [[ptr('addr')]],
    signature: 'int shmdt(const void *addr)',
    help: { en: 'unmaps the segment attached at addr (the address shmat returned)', zh: '解除 addr（shmat 返回的地址）处的映射' },
    errors: errorsOf('shmdt'),
  },
  shmctl: {
    params: [[num('shmid'), num('cmd')], [num('shmid'), num('cmd'), num('arg')]],
    // C's third argument is a struct shmid_ds *; the playground keeps that buffer itself
    // and takes only IPC_SET's new mode, so the signature is written as it is typed here
    signature: 'int shmctl(int shmid, int cmd[, int mode])',
    help: {
      en: 'shmctl(id, IPC_STAT) shows the kernel record; shmctl(id, IPC_SET, 0640) changes the mode; shmctl(id, IPC_RMID) removes (or, while attached, marks). C passes a struct shmid_ds *buf as the third argument; here the playground keeps it (&ds is accepted)',
      zh: 'shmctl(id, IPC_STAT) 显示内核的记录；shmctl(id, IPC_SET, 0640) 修改权限；shmctl(id, IPC_RMID) 删除（仍有映射时只标记）。C 的第三个参数是 struct shmid_ds *buf；这里由练习场保管（也接受 &ds）',
    },
    errors: errorsOf('shmctl'),
  },
  strcpy: {
    params: [[ptr('dest'), { name: 'text', type: 'string' }]],
    signature: 'char *strcpy(char *dest, const char *text)',
    help: { en: 'writes text and a NUL at dest, through the bounds-checked guard: strcpy(p + 16, "hi")', zh: '经越界检查把 text 和结尾的 NUL 写到 dest：strcpy(p + 16, "hi")' },
    errors: errorsOf('strcpy'),
  },
  puts: {
    params: [[ptr('text')]],
    signature: 'int puts(const char *text)',
    help: { en: 'prints the text at the address, up to the first NUL', zh: '打印该地址处的文字，直到第一个 NUL' },
    errors: errorsOf('puts'),
  },
  dump: {
    params: [[ptr('addr'), num('n')]],
    signature: 'dump(const void *addr, size_t n)',
    help: { en: 'shows n bytes at addr in hex and as text (not C: a playground helper)', zh: '以十六进制和文字显示 addr 处的 n 个字节（不是 C 函数，是练习场的工具）' },
    errors: errorsOf('dump'),
  },
};

export interface ConstantSpec {
  value: number;
  help: Text;
}

export const CONSTANTS: Record<string, ConstantSpec> = {
  NULL: { value: 0, help: { en: 'the null pointer: shmat(id, NULL, 0) lets the kernel choose the address', zh: '空指针：shmat(id, NULL, 0) 让内核选择地址' } },
  IPC_PRIVATE: { value: IPC_PRIVATE, help: { en: 'key 0: always a new segment, reached only by its id', zh: 'key 0：总是新建一个段，只能通过 id 访问' } },
  IPC_CREAT: { value: IPC_CREAT, help: { en: 'shmget flag 01000: create when no segment has the key', zh: 'shmget 标志 01000：key 没有段时新建' } },
  IPC_EXCL: { value: IPC_EXCL, help: { en: 'shmget flag 02000: with IPC_CREAT, fail with EEXIST when the key is taken', zh: 'shmget 标志 02000：与 IPC_CREAT 一起用，key 已有段时以 EEXIST 失败' } },
  SHM_RDONLY: { value: SHM_RDONLY, help: { en: 'shmat flag 010000: map read-only (a write is SIGSEGV)', zh: 'shmat 标志 010000：只读映射（写入会收到 SIGSEGV）' } },
  SHM_RND: { value: SHM_RND, help: { en: 'shmat flag 020000: round addr down to SHMLBA', zh: 'shmat 标志 020000：把 addr 向下取整到 SHMLBA' } },
  IPC_STAT: { value: IPC_STAT, help: { en: "shmctl command 2: copy the kernel's record (struct shmid_ds)", zh: 'shmctl 命令 2：读出内核的记录（struct shmid_ds）' } },
  IPC_SET: { value: IPC_SET, help: { en: 'shmctl command 1: change mode (and owner)', zh: 'shmctl 命令 1：修改权限（和所有者）' } },
  IPC_RMID: { value: IPC_RMID, help: { en: 'shmctl command 0: remove; while attached, mark for removal (dest)', zh: 'shmctl 命令 0：删除；仍有映射时只标记为待删除（dest）' } },
};

export const COMMAND_HELP: Record<CommandName | 'crash' | '@b' | 'errno', { usage: string; help: Text }> = {
  help: { usage: 'help [NAME]', help: { en: 'everything the playground knows, or one call, constant or word', zh: '练习场认识的一切，或某个调用、常量、命令的说明' } },
  ipcs: { usage: 'ipcs', help: { en: 'the segments in the kernel, as ipcs -m shows them (* = made here)', zh: '内核里的共享内存段，同 ipcs -m（* = 在这里创建的）' } },
  ipcrm: { usage: 'ipcrm -m SHMID', help: { en: 'removes a segment, as shmctl(id, IPC_RMID)', zh: '删除一个段，同 shmctl(id, IPC_RMID)' } },
  reset: { usage: 'reset', help: { en: 'detaches and removes everything the playground made, forgets the variables', zh: '解除映射并删除练习场创建的一切，清空变量' } },
  quit: { usage: 'quit', help: { en: 'removes everything made, and leaves', zh: '删除创建的一切，然后退出' } },
  hint: { usage: 'hint', help: { en: "the next hint of the open challenge", zh: '当前挑战的下一条提示' } },
  solution: { usage: 'solution', help: { en: 'the solution of the open challenge', zh: '当前挑战的答案' } },
  vars: { usage: 'vars', help: { en: 'the variables and their values', zh: '变量和它们的值' } },
  crash: { usage: 'crash strcpy(p, "x")', help: { en: 'makes the access for real in a throw-away child, to see the SIGSEGV the guard spares you', zh: '在临时子进程里真的做这次访问，看看 ipclab 的访问检查替你挡住的 SIGSEGV' } },
  '@b': { usage: '@b STATEMENT', help: { en: 'runs the statement in the helper process b (another pid): @b q = shmat(id, NULL, SHM_RDONLY)', zh: '在辅助进程 b（另一个 pid）里执行语句：@b q = shmat(id, NULL, SHM_RDONLY)' } },
  errno: { usage: 'errno', help: { en: 'the errno of the last call that failed', zh: '最近一次失败调用的 errno' } },
};

/** The System V calls of queues and semaphore sets: the playground has none of them (its
 *  cleanup, guard and Kernel view are for segments), and says so rather than guessing a
 *  shm call that looks alike; the value is the lesson that runs the call live. */
export const ELSEWHERE: Readonly<Record<string, string>> = {
  msgget: 'msg', msgsnd: 'msg', msgrcv: 'msg', msgctl: 'msg',
  semget: 'sem', semop: 'sem', semtimedop: 'sem', semctl: 'sem',
};

export function isFunction(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTIONS, name);
}

export function constantOf(name: string): ConstantSpec | undefined {
  return Object.hasOwn(CONSTANTS, name) ? CONSTANTS[name] : undefined;
}

export function wordHelpOf(name: string): { usage: string; help: Text } | undefined {
  return Object.hasOwn(COMMAND_HELP, name) ? COMMAND_HELP[name as keyof typeof COMMAND_HELP] : undefined;
}

/** A name the playground itself gives a meaning (a variable cannot take it). */
export function isReserved(name: string): boolean {
  return isFunction(name) || constantOf(name) !== undefined || wordHelpOf(name) !== undefined || name === 'crash';
}

/** Every word a line can start with or name, for completion and "did you mean". */
export function knownWords(): string[] {
  return [...Object.keys(FUNCTIONS), ...Object.keys(CONSTANTS), ...Object.keys(COMMAND_HELP).filter((w) => w !== '@b')];
}
