// System V semaphore sets: semget, semop, semtimedop, semctl, each returning a CallRecord.
// A semop that cannot proceed (and has no IPC_NOWAIT) blocks the calling thread: the
// synchronous form is for a helper process, semopAsync runs on a koffi worker thread
// (docs/ARCHITECTURE.md, "Blocking calls"). semctl's fourth argument, union semun, is
// written as C programs conventionally pass it: the value for SETVAL, the array for
// SETALL/GETALL, &ds for IPC_STAT.
import { raw, type RawResult } from './libc.js';
import { GETALL, GETNCNT, GETPID, GETVAL, GETZCNT, IPC_RMID, IPC_STAT, SETALL, SETVAL } from './constants.js';
import { formatGetFlags, formatKeyArg, formatSembufs } from './format.js';
import { allocStruct, decode, encode, layouts, SEMBUF } from './layout.js';
import { beforeGet, noteRemovedIpc } from './ownership.js';
import { readSysvipc } from './proc.js';
import { now, record } from './record.js';
import type { CallRecord, SemidDs, SemOp } from './types.js';

/** semget(key, nsems, flags): the semid, or -1. A set this call creates is recorded (ownership.ts). */
export function semget(key: number, nsems: number, flags: number): CallRecord {
  const at = now();
  const created = beforeGet('sem', key, flags);
  const { value, errno } = raw.semget(key, nsems, flags);
  created(value);
  return record(at, 'semget', `semget(${formatKeyArg(key)}, ${nsems}, ${formatGetFlags(flags)})`, value, value < 0, errno);
}

/** The operations as C's struct sembuf holds them: sem_num unsigned short, sem_op and
 *  sem_flg short (values out of range wrap as C's conversion does). */
function sembufs(ops: SemOp[]): { ops: SemOp[]; buf: Buffer } {
  const held = ops.map((o) => ({ num: o.num & 0xffff, op: (o.op << 16) >> 16, flags: ((o.flags ?? 0) << 16) >> 16 }));
  const buf = Buffer.alloc(SEMBUF.bytes * Math.max(held.length, 1));
  held.forEach((o, i) => encode(SEMBUF, buf, { num: o.num, op: o.op, flg: o.flags }, i * SEMBUF.bytes));
  return { ops: held, buf };
}

function done(at: number, call: string, c: string, { value, errno }: RawResult<number>): CallRecord {
  return record(at, call, c, value, value !== 0, errno);
}

/** semop(semid, sops, n): all n operations at once, or none. */
export function semop(semid: number, ops: SemOp[]): CallRecord {
  const at = now();
  const { ops: held, buf } = sembufs(ops);
  return done(at, 'semop', `semop(${semid}, ${formatSembufs(held)}, ${held.length})`, raw.semop(semid, buf, held.length));
}

/** semop on a worker thread: for operations that may wait (P on 0, wait-for-zero). */
export async function semopAsync(semid: number, ops: SemOp[]): Promise<CallRecord> {
  const at = now();
  const { ops: held, buf } = sembufs(ops);
  return done(at, 'semop', `semop(${semid}, ${formatSembufs(held)}, ${held.length})`, await raw.semopAsync(semid, buf, held.length));
}

/** struct timespec { time_t tv_sec; long tv_nsec; } for `ms` milliseconds (negative: EINVAL from the kernel). */
function timespec(ms: number): { buf: Buffer; sec: number; nsec: number } {
  const whole = Number.isFinite(ms) ? Math.trunc(ms) : 0;
  const sec = Math.trunc(whole / 1000);
  const nsec = (whole % 1000) * 1_000_000;
  const buf = Buffer.alloc(16);
  buf.writeBigInt64LE(BigInt(sec), 0);
  buf.writeBigInt64LE(BigInt(nsec), 8);
  return { buf, sec, nsec };
}

/** semtimedop(semid, ops, n, &(struct timespec){s, ns}): semop that gives up with EAGAIN after the timeout. */
export function semtimedop(semid: number, ops: SemOp[], timeoutMs: number): CallRecord {
  const at = now();
  const { ops: held, buf } = sembufs(ops);
  const ts = timespec(timeoutMs);
  return done(at, 'semtimedop', `semtimedop(${semid}, ${formatSembufs(held)}, ${held.length}, &(struct timespec){${ts.sec}, ${ts.nsec}})`, raw.semtimedop(semid, buf, held.length, ts.buf));
}

/** semtimedop on a worker thread. */
export async function semtimedopAsync(semid: number, ops: SemOp[], timeoutMs: number): Promise<CallRecord> {
  const at = now();
  const { ops: held, buf } = sembufs(ops);
  const ts = timespec(timeoutMs);
  return done(at, 'semtimedop', `semtimedop(${semid}, ${formatSembufs(held)}, ${held.length}, &(struct timespec){${ts.sec}, ${ts.nsec}})`, await raw.semtimedopAsync(semid, buf, held.length, ts.buf));
}

/** A semctl whose answer is its return value (or 0 for success): SETVAL, GET*, IPC_RMID. */
function semctlValue(semid: number, num: number, cmd: number, c: string, val?: number): CallRecord {
  const at = now();
  const { value, errno } = raw.semctl(semid, num, cmd, val === undefined ? undefined : { val });
  return record(at, 'semctl', c, value, value < 0, errno);
}

/** semctl(semid, num, SETVAL, value): sets one semaphore (0..32767, else ERANGE); wakes waiters. */
export function semctlSetval(semid: number, num: number, value: number): CallRecord {
  return semctlValue(semid, num, SETVAL, `semctl(${semid}, ${num}, SETVAL, ${value | 0})`, value);
}

/** semctl(semid, num, GETVAL): the semaphore's value (semval) as the return value. */
export function semctlGetval(semid: number, num: number): CallRecord {
  return semctlValue(semid, num, GETVAL, `semctl(${semid}, ${num}, GETVAL)`);
}

/** semctl(semid, num, GETPID): the pid of the last semop on that semaphore (sempid). */
export function semctlGetpid(semid: number, num: number): CallRecord {
  return semctlValue(semid, num, GETPID, `semctl(${semid}, ${num}, GETPID)`);
}

/** semctl(semid, num, GETNCNT): how many processes wait for it to grow (semncnt). */
export function semctlGetncnt(semid: number, num: number): CallRecord {
  return semctlValue(semid, num, GETNCNT, `semctl(${semid}, ${num}, GETNCNT)`);
}

/** semctl(semid, num, GETZCNT): how many processes wait for it to be zero (semzcnt). */
export function semctlGetzcnt(semid: number, num: number): CallRecord {
  return semctlValue(semid, num, GETZCNT, `semctl(${semid}, ${num}, GETZCNT)`);
}

/** semctl(semid, 0, SETALL, {v0, v1, ...}): one unsigned short per semaphore of the set. */
export function semctlSetall(semid: number, values: number[]): CallRecord {
  const at = now();
  const buf = Buffer.alloc(2 * Math.max(values.length, 1));
  values.forEach((v, i) => buf.writeUInt16LE(v & 0xffff, 2 * i));
  const { value, errno } = raw.semctl(semid, 0, SETALL, { buf });
  return record(at, 'semctl', `semctl(${semid}, 0, SETALL, {${values.map((v) => v & 0xffff).join(', ')}})`, value, value !== 0, errno);
}

/** How many semaphores a set has, from /proc (readable whatever the set's permissions). */
function nsemsOf(semid: number): number {
  return readSysvipc('sem').find((r) => r.semid === semid)?.nsems ?? 0;
}

/** semctl(semid, 0, GETALL, values): every semval of the set, or null when the call failed. */
export function semctlGetall(semid: number): { call: CallRecord; values: number[] | null } {
  const at = now();
  const n = nsemsOf(semid);
  // the kernel writes as many values as the set has; should the id name a bigger set by
  // the time of the call, the array still holds them (SEMMSL is 32000 by default)
  const buf = Buffer.alloc(2 * Math.max(n, 32000));
  const { value, errno } = raw.semctl(semid, 0, GETALL, { buf });
  const call = record(at, 'semctl', `semctl(${semid}, 0, GETALL, values)`, value, value !== 0, errno);
  if (value !== 0) return { call, values: null };
  return { call, values: Array.from({ length: n }, (_, i) => buf.readUInt16LE(2 * i)) };
}

/** semctl(semid, 0, IPC_STAT, &ds). Needs read permission on the set. */
export function semctlStat(semid: number): { call: CallRecord; ds: SemidDs | null } {
  const at = now();
  const buf = allocStruct('semid_ds');
  const { value, errno } = raw.semctl(semid, 0, IPC_STAT, { buf });
  const ok = value === 0;
  return { call: record(at, 'semctl', `semctl(${semid}, 0, IPC_STAT, &ds)`, ok ? 0 : -1, !ok, errno), ds: ok ? decode(layouts().semid_ds, buf) : null };
}

/** semctl(semid, 0, IPC_RMID): removes the set at once; blocked semops wake with EIDRM. */
export function semctlRmid(semid: number): CallRecord {
  const call = semctlValue(semid, 0, IPC_RMID, `semctl(${semid}, 0, IPC_RMID)`);
  // EINVAL/EIDRM: already gone (another cleanup got there first)
  if (call.errno === null || call.errno === 'EINVAL' || call.errno === 'EIDRM') noteRemovedIpc('sem', semid);
  return call;
}
