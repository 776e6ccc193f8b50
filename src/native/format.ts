// How calls look in C: symbolic flags, keys in hex, modes in octal.
import { IPC_CREAT, IPC_EXCL, IPC_NOWAIT, IPC_PRIVATE, IPC_RMID, IPC_SET, IPC_STAT, MSG_EXCEPT, MSG_NOERROR, SEM_UNDO, SHM_EXEC, SHM_HUGETLB, SHM_NORESERVE, SHM_RDONLY, SHM_REMAP, SHM_RND, signalName } from './constants.js';

/** A key as lsipc prints it: '0x7300f7e8' (8 lowercase hex digits, unsigned). */
export function formatKey(key: number): string {
  return `0x${(key >>> 0).toString(16).padStart(8, '0')}`;
}

/** A key argument in C: IPC_PRIVATE for 0, else hex. */
export function formatKeyArg(key: number): string {
  return key === IPC_PRIVATE ? 'IPC_PRIVATE' : formatKey(key);
}

/** Permission bits as C writes them: 0600. */
export function formatMode(mode: number): string {
  return `0${(mode & 0o777).toString(8).padStart(3, '0')}`;
}

function flagList(flags: number, names: [number, string][], withMode: boolean): string {
  const parts: string[] = [];
  let rest = flags;
  for (const [bit, name] of names) {
    if (rest & bit) {
      parts.push(name);
      rest &= ~bit;
    }
  }
  const mode = withMode ? rest & 0o777 : 0;
  if (withMode) rest &= ~0o777;
  if (rest) parts.push(`0${rest.toString(8)}`);
  if (mode) parts.push(formatMode(mode));
  // no flags at all is written 0, as in shmget(key, 0, 0)
  return parts.length ? parts.join('|') : '0';
}

const SHMGET_FLAGS: [number, string][] = [[IPC_CREAT, 'IPC_CREAT'], [IPC_EXCL, 'IPC_EXCL'], [SHM_HUGETLB, 'SHM_HUGETLB'], [SHM_NORESERVE, 'SHM_NORESERVE']];
const SHMAT_FLAGS: [number, string][] = [[SHM_RDONLY, 'SHM_RDONLY'], [SHM_RND, 'SHM_RND'], [SHM_REMAP, 'SHM_REMAP'], [SHM_EXEC, 'SHM_EXEC']];

const GET_FLAGS: [number, string][] = [[IPC_CREAT, 'IPC_CREAT'], [IPC_EXCL, 'IPC_EXCL']];
const MSGSND_FLAGS: [number, string][] = [[IPC_NOWAIT, 'IPC_NOWAIT']];
const MSGRCV_FLAGS: [number, string][] = [[IPC_NOWAIT, 'IPC_NOWAIT'], [MSG_NOERROR, 'MSG_NOERROR'], [MSG_EXCEPT, 'MSG_EXCEPT']];
const SEM_FLAGS: [number, string][] = [[IPC_NOWAIT, 'IPC_NOWAIT'], [SEM_UNDO, 'SEM_UNDO']];

/** msgget's and semget's flags: 'IPC_CREAT|IPC_EXCL|0600', '0600', '0'. */
export function formatGetFlags(flags: number): string {
  return flagList(flags, GET_FLAGS, true);
}

/** msgsnd's flags: 'IPC_NOWAIT', '0'. */
export function formatMsgsndFlags(flags: number): string {
  return flagList(flags, MSGSND_FLAGS, false);
}

/** msgrcv's flags: 'IPC_NOWAIT|MSG_NOERROR', '0'. */
export function formatMsgrcvFlags(flags: number): string {
  return flagList(flags, MSGRCV_FLAGS, false);
}

/** The operations of a semop as C can write them in the call, one {sem_num, sem_op,
 *  sem_flg} each, as compound literals: one is '&(struct sembuf){0, -1, SEM_UNDO}' (what
 *  `struct sembuf op = {0, -1, SEM_UNDO}; semop(id, &op, 1)` passes), several
 *  '(struct sembuf[]){{0, -1, 0}, {1, 1, 0}}'. */
export function formatSembufs(ops: { num: number; op: number; flags?: number }[]): string {
  const each = ops.map((o) => `{${o.num}, ${o.op}, ${flagList(o.flags ?? 0, SEM_FLAGS, false)}}`);
  return each.length === 1 ? `&(struct sembuf)${each[0]}` : `(struct sembuf[]){${each.join(', ')}}`;
}

/** shmget's third argument: 'IPC_CREAT|IPC_EXCL|0600', '0600', '0'. */
export function formatShmgetFlags(flags: number): string {
  return flagList(flags, SHMGET_FLAGS, true);
}

/** shmat's third argument: 'SHM_RDONLY', '0'. */
export function formatShmatFlags(flags: number): string {
  return flagList(flags, SHMAT_FLAGS, false);
}

/** shmctl's command: IPC_STAT, IPC_SET, IPC_RMID, or the number. */
export function formatShmctlCmd(cmd: number): string {
  return cmd === IPC_STAT ? 'IPC_STAT' : cmd === IPC_SET ? 'IPC_SET' : cmd === IPC_RMID ? 'IPC_RMID' : String(cmd);
}

/** A signal argument: SIGUSR1, or the number (kill(pid, 0) probes). */
export function formatSignal(sig: number): string {
  return sig === 0 ? '0' : (signalName(sig) ?? String(sig));
}

/** A C string literal. */
export function formatCString(text: string): string {
  return JSON.stringify(text);
}

/** ftok's id as the notes write it: 'S' when printable ASCII, else the number. */
export function formatProjId(id: number): string {
  if (id >= 0x20 && id < 0x7f) {
    const ch = String.fromCharCode(id);
    return ch === "'" || ch === '\\' ? `'\\${ch}'` : `'${ch}'`;
  }
  return String(id);
}

/** An address as '0x7f2bf803f000'. */
export function formatAddress(address: bigint): string {
  return `0x${address.toString(16)}`;
}

/** A size_t argument as C would print it: exact digits even past 2^53 (2^62 is 4611686018427387904). */
export function formatSize(size: number): string {
  return Number.isSafeInteger(size) || !Number.isInteger(size) ? String(size) : BigInt(size).toString();
}
