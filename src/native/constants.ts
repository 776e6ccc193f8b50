// System V IPC constants as <sys/ipc.h>, <sys/shm.h>, <sys/msg.h> and <sys/sem.h> define them on Linux
// (the same on x86_64 and aarch64), and the signal numbers the lessons use.
import { constants } from 'node:os';

export const IPC_PRIVATE = 0;
export const IPC_CREAT = 0o1000;
export const IPC_EXCL = 0o2000;
export const IPC_NOWAIT = 0o4000;

export const IPC_RMID = 0;
export const IPC_SET = 1;
export const IPC_STAT = 2;

export const SHM_RDONLY = 0o10000;
export const SHM_RND = 0o20000;
export const SHM_REMAP = 0o40000;
export const SHM_EXEC = 0o100000;

export const SHM_HUGETLB = 0o4000;
export const SHM_NORESERVE = 0o10000;

/** shm_perm.mode status bits: marked for removal, and locked in memory */
export const SHM_DEST = 0o1000;
export const SHM_LOCKED = 0o2000;

/** msgrcv flags: truncate a long message instead of E2BIG; any type but msgtyp */
export const MSG_NOERROR = 0o10000;
export const MSG_EXCEPT = 0o20000;

/** sembuf.sem_flg: the kernel undoes this operation when the process ends */
export const SEM_UNDO = 0x1000;

/** semctl commands */
export const GETPID = 11;
export const GETVAL = 12;
export const GETALL = 13;
export const GETNCNT = 14;
export const GETZCNT = 15;
export const SETVAL = 16;
export const SETALL = 17;

const S = constants.signals;
export const SIGHUP = S.SIGHUP;
export const SIGINT = S.SIGINT;
export const SIGQUIT = S.SIGQUIT;
export const SIGKILL = S.SIGKILL;
export const SIGUSR1 = S.SIGUSR1;
export const SIGSEGV = S.SIGSEGV;
export const SIGUSR2 = S.SIGUSR2;
export const SIGPIPE = S.SIGPIPE;
export const SIGTERM = S.SIGTERM;
export const SIGCHLD = S.SIGCHLD;
export const SIGCONT = S.SIGCONT;

// number -> name, made once: Object.entries(os.constants.signals) at every call cost ~6 µs,
// paid by each kill() the parent-child round trip makes (bench (e)); the first name of a
// number wins (SIGABRT before SIGIOT, SIGIO before SIGPOLL), as the loop it replaces
const NAMES = new Map<number, string>();
for (const [name, value] of Object.entries(S)) if (!NAMES.has(value)) NAMES.set(value, name);

/** 'SIGUSR1' for 10; null when unknown. */
export function signalName(sig: number): string | null {
  return NAMES.get(sig) ?? null;
}
