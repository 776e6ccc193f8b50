// The raw libc functions through koffi. Only this module talks to koffi's function
// table; everything above it gets plain numbers, an errno, and opaque pointers.
// koffi loads on first use (loadLibc): its require is 11-24 ms that the TUI's first frame
// does not need (docs/ARCHITECTURE.md, "Running").
import { createRequire } from 'node:module';
import type * as Koffi from 'koffi';

if (process.platform !== 'linux') {
  throw new Error(`ipclab needs Linux (System V IPC through glibc); this is ${process.platform}`);
}
// struct shmid_ds is laid out for these two only (layout.ts); refuse rather than guess
if (process.arch !== 'x64' && process.arch !== 'arm64') {
  throw new Error(`ipclab supports x86_64 and aarch64 Linux; this machine is ${process.arch}`);
}

export type Pointer = unknown;

/** The libc functions ipclab calls, bound once. */
function bind(koffi: typeof Koffi) {
  const lib = koffi.load('libc.so.6');
  // struct passwd as <pwd.h> declares it; koffi decodes the strings, which point into
  // the buffer passed beside it, before the call returns
  koffi.struct('passwd', {
    pw_name: 'const char *',
    pw_passwd: 'const char *',
    pw_uid: 'uint32_t',
    pw_gid: 'uint32_t',
    pw_gecos: 'const char *',
    pw_dir: 'const char *',
    pw_shell: 'const char *',
  });
  return {
    shmget: lib.func('int shmget(int key, size_t size, int shmflg)'),
    shmat: lib.func('void *shmat(int shmid, void *shmaddr, int shmflg)'),
    shmdt: lib.func('int shmdt(void *shmaddr)'),
    shmctl: lib.func('int shmctl(int shmid, int cmd, void *buf)'),
    ftok: lib.func('int ftok(const char *pathname, int proj_id)'),
    unlink: lib.func('int unlink(const char *pathname)'),
    rmdir: lib.func('int rmdir(const char *pathname)'),
    link: lib.func('int link(const char *oldpath, const char *newpath)'),
    rename: lib.func('int rename(const char *oldpath, const char *newpath)'),
    // variadic as <fcntl.h> declares it: the mode travels as the int it is promoted to
    open: lib.func('int open(const char *pathname, int flags, ...)'),
    write: lib.func('long write(int fd, const void *buf, size_t count)'),
    close: lib.func('int close(int fd)'),
    msgget: lib.func('int msgget(int key, int msgflg)'),
    msgsnd: lib.func('int msgsnd(int msqid, const void *msgp, size_t msgsz, int msgflg)'),
    msgrcv: lib.func('long msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp, int msgflg)'),
    msgctl: lib.func('int msgctl(int msqid, int cmd, void *buf)'),
    semget: lib.func('int semget(int key, int nsems, int semflg)'),
    semop: lib.func('int semop(int semid, void *sops, size_t nsops)'),
    semtimedop: lib.func('int semtimedop(int semid, void *sops, size_t nsops, void *timeout)'),
    // variadic as <sys/sem.h> declares it: the fourth argument is a union semun passed by
    // value, which on x86_64 and aarch64 travels exactly as a long or a pointer would
    semctl: lib.func('int semctl(int semid, int semnum, int cmd, ...)'),
    kill: lib.func('int kill(int pid, int sig)'),
    // variadic as <sys/prctl.h> declares it; ipclab passes only unsigned longs
    prctl: lib.func('int prctl(int option, ...)'),
    getpid: lib.func('int getpid(void)'),
    strerror: lib.func('const char *strerror(int errnum)'),
    flock: lib.func('int flock(int fd, int operation)'),
    madvise: lib.func('int madvise(void *addr, size_t length, int advice)'),
    sysconf: lib.func('long sysconf(int name)'),
    _exit: lib.func('void _exit(int status)'),
    setrlimit: lib.func('int setrlimit(int resource, void *rlim)'),
    getpwuid_r: lib.func('int getpwuid_r(uint32_t uid, _Out_ passwd *pwd, void *buf, size_t buflen, _Out_ passwd **result)'),
  };
}

/** koffi did not load: this machine cannot run lessons (status 3 of src/exit-codes.ts). */
export class NativeUnavailable extends Error {}

let loaded: { koffi: typeof Koffi; fns: ReturnType<typeof bind> } | undefined;

/** Loads koffi and binds libc's functions, once; NativeUnavailable where koffi cannot
 *  load. Every call below does it on first use; the TUI does it right after its first
 *  frame, so that the first step does not wait for it. */
export function loadLibc(): { koffi: typeof Koffi; fns: ReturnType<typeof bind> } {
  if (!loaded) {
    // a CommonJS require, as the bundle's own would be: koffi is external to it (scripts/build.mjs)
    let koffi: typeof Koffi;
    try {
      koffi = createRequire(import.meta.url)('koffi') as typeof Koffi;
    } catch (err) {
      throw new NativeUnavailable((err as Error).message);
    }
    loaded = { koffi, fns: bind(koffi) };
  }
  return loaded;
}

const fns = () => loadLibc().fns;

export interface RawResult<T> {
  value: T;
  /** errno read right after the call; meaningful only when the call failed */
  errno: number;
}

// errno is read straight after the call: any later libc use (even by V8) may change it.
function call<T>(fn: (...args: unknown[]) => unknown, args: unknown[]): RawResult<T> {
  const value = fn(...args) as T;
  const errno = loadLibc().koffi.errno();
  return { value, errno };
}

type AsyncFn = { async: (...args: unknown[]) => void };

// The same on one of koffi's worker threads, for a call that may block (msgrcv, semop):
// the event loop keeps running. koffi (3.2 on) hands the call's errno to the callback.
function callAsync<T>(fn: AsyncFn, args: unknown[]): Promise<RawResult<T>> {
  return new Promise((resolve, reject) => {
    fn.async(...args, (err: unknown, value: T) => (err ? reject(err) : resolve({ value, errno: loadLibc().koffi.errno() })));
  });
}

/** semun as semctl's fourth argument: an int (SETVAL) or a pointer (IPC_STAT, GETALL, SETALL). */
export type Semun = { val: number } | { buf: Buffer };

function semunArgs(arg: Semun | undefined): unknown[] {
  if (arg === undefined) return [];
  return 'val' in arg ? ['long', arg.val | 0] : ['void *', arg.buf];
}

export const raw = {
  shmget: (key: number, size: number, flags: number) => call<number>(fns().shmget, [key | 0, size, flags | 0]),
  shmat: (shmid: number, flags: number) => call<Pointer>(fns().shmat, [shmid | 0, null, flags | 0]),
  shmdt: (ptr: Pointer) => call<number>(fns().shmdt, [ptr]),
  shmctl: (shmid: number, cmd: number, buf: Buffer | null) => call<number>(fns().shmctl, [shmid | 0, cmd, buf]),
  ftok: (path: string, id: number) => call<number>(fns().ftok, [path, id | 0]),
  unlink: (path: string) => call<number>(fns().unlink, [path]),
  rmdir: (path: string) => call<number>(fns().rmdir, [path]),
  link: (from: string, to: string) => call<number>(fns().link, [from, to]),
  rename: (from: string, to: string) => call<number>(fns().rename, [from, to]),
  open: (path: string, flags: number, mode: number) => call<number>(fns().open, [path, flags | 0, 'int', mode | 0]),
  write: (fd: number, buf: Buffer) => call<number>(fns().write, [fd | 0, buf, buf.length]),
  close: (fd: number) => call<number>(fns().close, [fd | 0]),
  msgget: (key: number, flags: number) => call<number>(fns().msgget, [key | 0, flags | 0]),
  msgsnd: (msqid: number, msgp: Buffer, size: number, flags: number) => call<number>(fns().msgsnd, [msqid | 0, msgp, size, flags | 0]),
  msgrcv: (msqid: number, msgp: Buffer, size: number, mtype: number, flags: number) => call<number>(fns().msgrcv, [msqid | 0, msgp, size, mtype, flags | 0]),
  msgsndAsync: (msqid: number, msgp: Buffer, size: number, flags: number) => callAsync<number>(fns().msgsnd, [msqid | 0, msgp, size, flags | 0]),
  msgrcvAsync: (msqid: number, msgp: Buffer, size: number, mtype: number, flags: number) => callAsync<number>(fns().msgrcv, [msqid | 0, msgp, size, mtype, flags | 0]),
  msgctl: (msqid: number, cmd: number, buf: Buffer | null) => call<number>(fns().msgctl, [msqid | 0, cmd, buf]),
  semget: (key: number, nsems: number, flags: number) => call<number>(fns().semget, [key | 0, nsems | 0, flags | 0]),
  semop: (semid: number, sops: Buffer, nsops: number) => call<number>(fns().semop, [semid | 0, sops, nsops]),
  semopAsync: (semid: number, sops: Buffer, nsops: number) => callAsync<number>(fns().semop, [semid | 0, sops, nsops]),
  semtimedop: (semid: number, sops: Buffer, nsops: number, timeout: Buffer | null) => call<number>(fns().semtimedop, [semid | 0, sops, nsops, timeout]),
  semtimedopAsync: (semid: number, sops: Buffer, nsops: number, timeout: Buffer | null) => callAsync<number>(fns().semtimedop, [semid | 0, sops, nsops, timeout]),
  semctl: (semid: number, num: number, cmd: number, arg?: Semun) => call<number>(fns().semctl, [semid | 0, num | 0, cmd, ...semunArgs(arg)]),
  kill: (pid: number, sig: number) => call<number>(fns().kill, [pid | 0, sig | 0]),
  prctl: (option: number, arg: number) => call<number>(fns().prctl, [option | 0, 'unsigned long', arg]),
  flock: (fd: number, op: number) => call<number>(fns().flock, [fd, op]),
  madvise: (ptr: Pointer, length: number, advice: number) => call<number>(fns().madvise, [ptr, length, advice | 0]),
  sysconf: (name: number) => Number(fns().sysconf(name)),
  _exit: (status: number): never => {
    fns()._exit(status);
    throw new Error('_exit returned');
  },
  setrlimit: (resource: number, rlim: Buffer) => call<number>(fns().setrlimit, [resource, rlim]),
  /** value: 0 or an error number (getpwuid_r returns it, errno is not used); name: null when no such user */
  getpwuid_r: (uid: number, buflen: number): { value: number; name: string | null } => {
    const pwd: { pw_name?: string } = {};
    const result: unknown[] = [null];
    const value = fns().getpwuid_r(uid >>> 0, pwd, Buffer.alloc(buflen), buflen, result) as number;
    // result[0] is a null pointer when the uid has no entry
    return { value, name: value === 0 && result[0] ? (pwd.pw_name ?? null) : null };
  },
  getpid: () => fns().getpid() as number,
  strerror: (errno: number) => fns().strerror(errno) as string,
};

/** The address a pointer holds, as an unsigned 64-bit number. */
export function addressOf(ptr: Pointer): bigint {
  return ptr === null ? 0n : BigInt.asUintN(64, loadLibc().koffi.address(ptr));
}

/** An ArrayBuffer over `length` bytes of unmanaged memory at `ptr`, without copying. */
export function viewOf(ptr: Pointer, length: number): ArrayBuffer {
  return loadLibc().koffi.view(ptr, length);
}

/** errno numbers as koffi knows them for this platform (name -> number). */
export function errnoCodes(): Record<string, number> {
  return loadLibc().koffi.os.errno;
}
