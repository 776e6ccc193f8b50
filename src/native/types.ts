// Shared shapes of the native layer. Other layers import these types only;
// the functions live in src/native/index.ts.

/** One system call as the trace shows it, and as `run --json` prints it. */
export interface CallRecord {
  type: 'call';
  pid: number;
  /** the function name: 'shmget' */
  call: string;
  /** the call in C syntax with symbolic flags: 'shmget(IPC_PRIVATE, 4096, 0600)' */
  c: string;
  /** the return value: a number; for shmat the address as '0x7f2bf803f000' or '(void *) -1';
   *  '' for a call shown as it is made that returns only if it fails (a C program's execlp) */
  ret: number | string;
  /** the return value as the trace shows it when that differs from `ret`: ftok's key in hex ('0x5300f7e8') */
  retText?: string;
  /** errno name ('EEXIST') when the call failed, else null */
  errno: string | null;
  /** strerror(errno) when the call failed, else null */
  message: string | null;
  /** wall-clock time in ms (fractional) when the call was entered, so traces of several
   *  processes interleave in order and a cause (a kill) comes before its effects */
  at: number;
}

/** struct ipc_perm, the head of every *_ds that IPC_STAT fills (glibc layout). */
export interface IpcPerm {
  key: number;
  uid: number;
  gid: number;
  cuid: number;
  cgid: number;
  /** permission bits (for a segment also SHM_DEST 01000 and SHM_LOCKED 02000) */
  mode: number;
  seq: number;
}

/** struct shmid_ds as IPC_STAT fills it (glibc layout, x86_64 and aarch64). */
export interface ShmidDs extends IpcPerm {
  size: number;
  atime: number;
  dtime: number;
  ctime: number;
  cpid: number;
  lpid: number;
  nattch: number;
}

/** A segment as `ipclab ipcs --json` and `run --json` state lines show it (lsipc's names). */
export interface SegmentRecord {
  /** 8 lowercase hex digits with 0x, as lsipc prints it: '0x7300f7e8' */
  key: string;
  shmid: number;
  owner: string;
  /** octal permission bits: '600' */
  perms: string;
  size: number;
  nattch: number;
  cpid: number;
  lpid: number;
  /** e.g. ['dest'], ['locked'], [] */
  status: string[];
  atime: number;
  dtime: number;
  ctime: number;
  /** true when ipclab created it (recorded in its run's journal and still the same object) */
  ours: boolean;
}

/** How a throw-away child process ended. */
export interface ChildDeath {
  signal: string | null;
  code: number | null;
}

/** The fields a queue and a set record share, as ipcs and lsipc show them (their ipc_perm,
 *  the last change, and whether ipclab made it). */
export interface IpcObjectRecord {
  /** 8 lowercase hex digits with 0x, as lsipc prints it */
  key: string;
  /** user name of the owner (uid), or the uid as a string */
  owner: string;
  /** octal permission bits: '600' */
  perms: string;
  uid: number;
  gid: number;
  cuid: number;
  cgid: number;
  /** last change (lsipc CTIME); 0 = never */
  ctime: number;
  /** true when ipclab created it (recorded in its run's journal and still the same object) */
  ours: boolean;
}

/** A message queue as `ipcs -q` and `lsipc -q` show it (read from /proc/sysvipc/msg). */
export interface QueueRecord extends IpcObjectRecord {
  msqid: number;
  /** bytes of text queued (ipcs used-bytes, lsipc USEDBYTES) */
  usedBytes: number;
  /** messages queued (ipcs messages, lsipc MSGS) */
  messages: number;
  lspid: number;
  lrpid: number;
  /** last msgsnd (lsipc SEND), last msgrcv (RECV); 0 = never */
  stime: number;
  rtime: number;
}

/** One semaphore of a set as `ipcs -s -i` lists it. */
export interface SemaphoreValue {
  semnum: number;
  /** the value (GETVAL/GETALL) */
  semval: number;
  /** the pid of the last semop on it (GETPID) */
  sempid: number;
  /** how many wait for it to grow (GETNCNT), how many for it to be 0 (GETZCNT) */
  semncnt: number;
  semzcnt: number;
}

/** A semaphore set as `ipcs -s` and `lsipc -s` show it (read from /proc/sysvipc/sem),
 *  with each semaphore as `ipcs -s -i` shows it (read with semctl). */
export interface SemaphoreRecord extends IpcObjectRecord {
  semid: number;
  nsems: number;
  /** last semop (lsipc OTIME); 0 = never */
  otime: number;
  /** every semaphore; null when semctl refused to read them (the errno in semsError) */
  sems: SemaphoreValue[] | null;
  /** 'EACCES' when this user may not read the set (no read permission), else null */
  semsError: string | null;
}

/** struct msqid_ds as IPC_STAT fills it (glibc layout, x86_64 and aarch64). */
export interface MsqidDs extends IpcPerm {
  /** last msgsnd, last msgrcv, last change (seconds since the epoch; 0 = never) */
  stime: number;
  rtime: number;
  ctime: number;
  /** bytes of text queued now (__msg_cbytes) */
  cbytes: number;
  /** messages queued now */
  qnum: number;
  /** most bytes the queue may hold */
  qbytes: number;
  /** pid of the last msgsnd, of the last msgrcv */
  lspid: number;
  lrpid: number;
}

/** struct semid_ds as IPC_STAT fills it (glibc layout; the times sit differently on x86_64 and aarch64). */
export interface SemidDs extends IpcPerm {
  /** last semop, last change (seconds since the epoch; 0 = never) */
  otime: number;
  ctime: number;
  nsems: number;
}

/** One operation of a semop: sem_num, sem_op, sem_flg (IPC_NOWAIT, SEM_UNDO). */
export interface SemOp {
  num: number;
  op: number;
  flags?: number;
}
