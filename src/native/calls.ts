// The system calls as ipclab uses them: each returns a CallRecord (the call in C,
// its return value, errno name and message) for the trace.
import { raw, addressOf, errnoCodes } from './libc.js';
import { errnoMessage } from './errno.js';
import { now, record } from './record.js';
import { IPC_CREAT, IPC_RMID, IPC_SET, IPC_STAT, IPC_PRIVATE, SHM_RDONLY } from './constants.js';
import { formatAddress, formatCString, formatKey, formatKeyArg, formatProjId, formatShmatFlags, formatShmgetFlags, formatSignal, formatSize } from './format.js';
import { allocStruct, decode, encodePermSet, layouts } from './layout.js';
import { Segment } from './segment.js';
import { readShmRow } from './proc.js';
import { noteCreated, noteRemoved } from './ownership.js';
import { registerRun } from './registry.js';
import type { CallRecord, ShmidDs } from './types.js';

/** shmget(key, size, flags): the shmid, or -1. A segment this process creates is recorded. */
export function shmget(key: number, size: number, flags: number): CallRecord {
  const at = now();
  // the run is in the journal before anything it creates: a kill right after the
  // call still leaves a segment whose creator `clean` knows
  registerRun();
  const { value, errno } = raw.shmget(key, size, flags);
  const rec = record(at, 'shmget', `shmget(${formatKeyArg(key)}, ${formatSize(size)}, ${formatShmgetFlags(flags)})`, value, value < 0, errno);
  if (value >= 0 && (key === IPC_PRIVATE || flags & IPC_CREAT)) noteCreated(value);
  return rec;
}

/** ftok(path, id): the key (unsigned, shown in hex in retText), or -1. */
export function ftok(path: string, id: number): CallRecord {
  const at = now();
  const { value, errno } = raw.ftok(path, id);
  const key = value === -1 ? -1 : value >>> 0;
  return record(at, 'ftok', `ftok(${formatCString(path)}, ${formatProjId(id)})`, key, value === -1, errno, key === -1 ? {} : { retText: formatKey(key) });
}

/** unlink(path): 0, or -1. A lesson's file goes this way, so the trace shows it go. */
export function unlink(path: string): CallRecord {
  const at = now();
  const { value, errno } = raw.unlink(path);
  return record(at, 'unlink', `unlink(${formatCString(path)})`, value, value === -1, errno);
}

/** link(from, to): 0, or -1. A second name for the same inode (ftok's hard link). */
export function link(from: string, to: string): CallRecord {
  const at = now();
  const { value, errno } = raw.link(from, to);
  return record(at, 'link', `link(${formatCString(from)}, ${formatCString(to)})`, value, value === -1, errno);
}

/** rename(from, to): 0, or -1. Over an existing name, as an editor saves a file. */
export function rename(from: string, to: string): CallRecord {
  const at = now();
  const { value, errno } = raw.rename(from, to);
  return record(at, 'rename', `rename(${formatCString(from)}, ${formatCString(to)})`, value, value === -1, errno);
}

// <fcntl.h>: the same numbers on x86_64 and aarch64
const O_WRONLY = 0o1;
const O_CREAT = 0o100;
const O_TRUNC = 0o1000;

/** A file at path holding text, as a C program writes one: open(O_WRONLY|O_CREAT|O_TRUNC,
 *  mode), write (when there is text), close; every call for the trace, up to a failed one. */
export function writeFile(path: string, mode: number, text = ''): CallRecord[] {
  const openedAt = now();
  const fd = raw.open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
  const calls = [record(openedAt, 'open', `open(${formatCString(path)}, O_WRONLY|O_CREAT|O_TRUNC, 0${mode.toString(8)})`, fd.value, fd.value === -1, fd.errno)];
  if (fd.value === -1) return calls;
  const bytes = Buffer.from(text);
  if (bytes.length) {
    const wroteAt = now();
    const wrote = raw.write(fd.value, bytes);
    calls.push(record(wroteAt, 'write', `write(${fd.value}, ${formatCString(text)}, ${bytes.length})`, Number(wrote.value), Number(wrote.value) === -1, wrote.errno));
  }
  const closedAt = now();
  const closed = raw.close(fd.value);
  calls.push(record(closedAt, 'close', `close(${fd.value})`, closed.value, closed.value === -1, closed.errno));
  return calls;
}

/** rmdir(path): 0, or -1 (the folder must be empty). */
export function rmdir(path: string): CallRecord {
  const at = now();
  const { value, errno } = raw.rmdir(path);
  return record(at, 'rmdir', `rmdir(${formatCString(path)})`, value, value === -1, errno);
}

// Live attachments by address: a detached Segment whose address the kernel has
// since given to another attach must not be passed to shmdt again.
const live = new Map<bigint, Segment>();

/** The segments this process has attached and not detached. */
export function attachedSegments(): Segment[] {
  return [...live.values()];
}

/** Bytes of a segment read for a look: where they start, and the segment's size. */
export interface SegmentPeek {
  shmid: number;
  at: number;
  size: number;
  bytes: Buffer;
}

/** `length` bytes of a segment from `offset` (a multiple of `length`), through an
 *  attachment this process already holds (never a new one: an attach would raise
 *  nattch and set atime, changing what ipcs shows). null when nothing of it is attached here. */
export function peekAttached(shmid: number, length: number, offset = 0): SegmentPeek | null {
  const segment = [...live.values()].find((s) => s.shmid === shmid && s.attached);
  if (!segment) return null;
  // an offset past the end gives the last piece there is: the segment in focus may be
  // smaller than the one the learner paged through
  const at = Math.max(0, Math.min(offset, Math.floor((segment.size - 1) / length) * length));
  return { shmid, at, size: segment.size, bytes: segment.read(at, Math.min(length, segment.size - at)) };
}

const FAILED_ADDRESS = BigInt.asUintN(64, -1n);

/** shmat(shmid, NULL, flags): a bounds-checked Segment, or null with the failed call. */
export function shmat(shmid: number, flags = 0): { call: CallRecord; segment: Segment | null } {
  const at = now();
  const { value, errno } = raw.shmat(shmid, flags);
  const address = addressOf(value);
  const c = `shmat(${shmid}, NULL, ${formatShmatFlags(flags)})`;
  // shmat reports failure as (void *) -1, never NULL
  if (address === FAILED_ADDRESS) return { call: record(at, 'shmat', c, '(void *) -1', true, errno), segment: null };
  const call = record(at, 'shmat', c, formatAddress(address), false, 0);
  const stat = statBuffer(shmid);
  // IPC_STAT needs read permission, which an attach already proved; /proc is the fallback
  const size = stat.ok ? decode(layouts().shmid_ds, stat.buf).size : (readShmRow(shmid)?.size ?? 0);
  // Keep the mapping out of forked children: Node's spawn forks before exec, and an
  // inherited attachment would bump nattch, then set lpid/dtime to the child's exec —
  // running `ipcs` would change the very figures it shows. (MADV_DONTFORK = 10)
  raw.madvise(value, size, 10);
  const segment = new Segment(shmid, size, (flags & SHM_RDONLY) !== 0, value, address);
  live.set(address, segment);
  return { call, segment };
}

/** shmdt(address). On a segment already detached the kernel answers EINVAL. */
export function shmdt(segment: Segment): CallRecord {
  const at = now();
  const c = `shmdt(${segment.address})`;
  const other = live.get(segment.addressValue);
  if (other && other !== segment) {
    // the kernel would detach the other attachment at this address; answer as it would have for ours
    const einval = errnoCodes().EINVAL;
    return { ...record(at, 'shmdt', c, -1, true, einval), message: `${errnoMessage(einval)} (segment ${segment.shmid} was already detached; ${segment.address} now maps segment ${other.shmid}, so ipclab did not call shmdt)` };
  }
  const { value, errno } = raw.shmdt(segment.pointer);
  if (value === 0) {
    segment.markDetached();
    live.delete(segment.addressValue);
  }
  return record(at, 'shmdt', c, value, value !== 0, errno);
}

function statBuffer(shmid: number): { ok: boolean; errno: number; buf: Buffer } {
  const buf = allocStruct('shmid_ds');
  const { value, errno } = raw.shmctl(shmid, IPC_STAT, buf);
  return { ok: value === 0, errno, buf };
}

/** shmctl(shmid, IPC_STAT, &ds). */
export function shmctlStat(shmid: number): { call: CallRecord; ds: ShmidDs | null } {
  const at = now();
  const { ok, errno, buf } = statBuffer(shmid);
  return { call: record(at, 'shmctl', `shmctl(${shmid}, IPC_STAT, &ds)`, ok ? 0 : -1, !ok, errno), ds: ok ? decode(layouts().shmid_ds, buf) : null };
}

/** shmctl(shmid, IPC_SET, &ds) after an IPC_STAT fills ds; changes only what `change` names. */
export function shmctlSet(shmid: number, change: { mode?: number; uid?: number; gid?: number }): CallRecord {
  const at = now();
  const c = `shmctl(${shmid}, IPC_SET, &ds)`;
  const stat = statBuffer(shmid);
  if (!stat.ok) return record(at, 'shmctl', c, -1, true, stat.errno);
  encodePermSet(layouts().shmid_ds, stat.buf, change);
  // IPC_SET moves shm_ctime forward; the record still names the object (tables.ts sameObject)
  const { value, errno } = raw.shmctl(shmid, IPC_SET, stat.buf);
  return record(at, 'shmctl', c, value, value !== 0, errno);
}

/** shmctl(shmid, IPC_RMID, NULL). Removes (or, while attached, marks) the segment. */
export function shmctlRmid(shmid: number): CallRecord {
  const at = now();
  const { value, errno } = raw.shmctl(shmid, IPC_RMID, null);
  // EINVAL/EIDRM: already gone (another cleanup got there first)
  if (value === 0 || errno === errnoCodes().EINVAL || errno === errnoCodes().EIDRM) noteRemoved(shmid);
  return record(at, 'shmctl', `shmctl(${shmid}, IPC_RMID, NULL)`, value, value !== 0, errno);
}

/** kill(pid, sig). A pid <= 0 would signal a process group or everyone: refused without calling the kernel. */
export function kill(pid: number, sig: number): CallRecord {
  const at = now();
  const c = `kill(${pid}, ${formatSignal(sig)})`;
  if (!Number.isInteger(pid) || pid <= 0) {
    return { ...record(at, 'kill', c, -1, true, errnoCodes().EINVAL), message: `ipclab never signals pid ${pid} (a pid <= 0 names a process group or every process)` };
  }
  const { value, errno } = raw.kill(pid, sig);
  return record(at, 'kill', c, value, value !== 0, errno);
}

export function getpid(): number {
  return raw.getpid();
}
