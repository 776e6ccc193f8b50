// System V message queues: msgget, msgsnd, msgrcv, msgctl, each returning a CallRecord.
// Without IPC_NOWAIT msgsnd (full queue) and msgrcv (no message of the type) block the
// calling thread: the synchronous forms are for a helper process, the *Async forms run
// on a koffi worker thread so a lesson's own process keeps drawing (docs/ARCHITECTURE.md,
// "Blocking calls").
import { raw, errnoCodes, type RawResult } from './libc.js';
import { IPC_RMID, IPC_SET, IPC_STAT } from './constants.js';
import { formatGetFlags, formatKeyArg, formatMsgrcvFlags, formatMsgsndFlags } from './format.js';
import { allocStruct, decode, encode, encodePermSet, layouts, MTYPE_BYTES } from './layout.js';
import { beforeGet, noteRemovedIpc } from './ownership.js';
import { now, record } from './record.js';
import type { CallRecord, MsqidDs } from './types.js';

/** What msgrcv took out of the queue: the type and the text. */
export interface Message {
  mtype: number;
  data: Buffer;
}

/** msgget(key, flags): the msqid, or -1. A queue this call creates is recorded (ownership.ts). */
export function msgget(key: number, flags: number): CallRecord {
  const at = now();
  const created = beforeGet('msg', key, flags);
  const { value, errno } = raw.msgget(key, flags);
  created(value);
  return record(at, 'msgget', `msgget(${formatKeyArg(key)}, ${formatGetFlags(flags)})`, value, value < 0, errno);
}

/** A number as C's long would take it: the fraction cut; what is no number at all is 0. */
function toLong(n: number): number {
  return Number.isFinite(n) ? Math.trunc(n) : 0;
}

/** struct msgbuf as msgsnd reads it: the long mtype, then the text. */
function msgbuf(mtype: number, text: string | Buffer): { buf: Buffer; size: number } {
  const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const buf = Buffer.alloc(MTYPE_BYTES + data.length);
  buf.writeBigInt64LE(BigInt(toLong(mtype)), 0);
  data.copy(buf, MTYPE_BYTES);
  return { buf, size: data.length };
}

function sent(at: number, msqid: number, size: number, flags: number, { value, errno }: RawResult<number>): CallRecord {
  return record(at, 'msgsnd', `msgsnd(${msqid}, &msg, ${size}, ${formatMsgsndFlags(flags)})`, value, value !== 0, errno);
}

/** msgsnd(msqid, &msg, size, flags) with msg.mtype = mtype and msg.mtext = text. */
export function msgsnd(msqid: number, mtype: number, text: string | Buffer, flags = 0): CallRecord {
  const at = now();
  const { buf, size } = msgbuf(mtype, text);
  return sent(at, msqid, size, flags, raw.msgsnd(msqid, buf, size, flags));
}

/** msgsnd on a worker thread: for a send that may wait for room in a full queue. */
export async function msgsndAsync(msqid: number, mtype: number, text: string | Buffer, flags = 0): Promise<CallRecord> {
  const at = now();
  const { buf, size } = msgbuf(mtype, text);
  return sent(at, msqid, size, flags, await raw.msgsndAsync(msqid, buf, size, flags));
}

function received(at: number, msqid: number, maxBytes: number, mtype: number, flags: number, buf: Buffer, { value, errno }: RawResult<number>): { call: CallRecord; message: Message | null } {
  const n = Number(value);
  const call = record(at, 'msgrcv', `msgrcv(${msqid}, &msg, ${maxBytes}, ${toLong(mtype)}, ${formatMsgrcvFlags(flags)})`, n, n < 0, errno);
  if (n < 0) return { call, message: null };
  return { call, message: { mtype: Number(buf.readBigInt64LE(0)), data: Buffer.from(buf.subarray(MTYPE_BYTES, MTYPE_BYTES + n)) } };
}

function rcvbuf(maxBytes: number): { buf: Buffer; size: number } {
  // a negative or fractional size is refused here rather than handed to C as a huge size_t
  const size = Number.isSafeInteger(maxBytes) && maxBytes >= 0 ? maxBytes : -1;
  return { buf: Buffer.alloc(MTYPE_BYTES + Math.max(size, 0)), size };
}

/** msgrcv(msqid, &msg, maxBytes, mtype, flags): type 0 takes the first message, a positive
 *  type the first of that type, a negative one the first of the lowest type <= |mtype|. */
export function msgrcv(msqid: number, maxBytes: number, mtype: number, flags = 0): { call: CallRecord; message: Message | null } {
  const at = now();
  const { buf, size } = rcvbuf(maxBytes);
  const result = size < 0 ? { value: -1, errno: errnoCodes().EINVAL } : raw.msgrcv(msqid, buf, size, toLong(mtype), flags);
  return received(at, msqid, maxBytes, mtype, flags, buf, result);
}

/** msgrcv on a worker thread: for a receive that waits for a message (or for EIDRM). */
export async function msgrcvAsync(msqid: number, maxBytes: number, mtype: number, flags = 0): Promise<{ call: CallRecord; message: Message | null }> {
  const at = now();
  const { buf, size } = rcvbuf(maxBytes);
  const result = size < 0 ? { value: -1, errno: errnoCodes().EINVAL } : await raw.msgrcvAsync(msqid, buf, size, toLong(mtype), flags);
  return received(at, msqid, maxBytes, mtype, flags, buf, result);
}

function statBuffer(msqid: number): { ok: boolean; errno: number; buf: Buffer } {
  const buf = allocStruct('msqid_ds');
  const { value, errno } = raw.msgctl(msqid, IPC_STAT, buf);
  return { ok: value === 0, errno, buf };
}

/** msgctl(msqid, IPC_STAT, &ds). Needs read permission on the queue. */
export function msgctlStat(msqid: number): { call: CallRecord; ds: MsqidDs | null } {
  const at = now();
  const { ok, errno, buf } = statBuffer(msqid);
  return { call: record(at, 'msgctl', `msgctl(${msqid}, IPC_STAT, &ds)`, ok ? 0 : -1, !ok, errno), ds: ok ? decode(layouts().msqid_ds, buf) : null };
}

/** msgctl(msqid, IPC_SET, &ds) after an IPC_STAT fills ds; changes only what `change`
 *  names (raising qbytes past msgmnb needs CAP_SYS_RESOURCE: EPERM otherwise). */
export function msgctlSet(msqid: number, change: { mode?: number; uid?: number; gid?: number; qbytes?: number }): CallRecord {
  const at = now();
  const c = `msgctl(${msqid}, IPC_SET, &ds)`;
  const stat = statBuffer(msqid);
  if (!stat.ok) return record(at, 'msgctl', c, -1, true, stat.errno);
  const layout = layouts().msqid_ds;
  encodePermSet(layout, stat.buf, change);
  if (change.qbytes !== undefined) encode(layout, stat.buf, { qbytes: change.qbytes });
  const { value, errno } = raw.msgctl(msqid, IPC_SET, stat.buf);
  return record(at, 'msgctl', c, value, value !== 0, errno);
}

/** msgctl(msqid, IPC_RMID, NULL): removes the queue at once; blocked readers and writers wake with EIDRM. */
export function msgctlRmid(msqid: number): CallRecord {
  const at = now();
  const { value, errno } = raw.msgctl(msqid, IPC_RMID, null);
  // EINVAL/EIDRM: already gone (another cleanup got there first)
  if (value === 0 || errno === errnoCodes().EINVAL || errno === errnoCodes().EIDRM) noteRemovedIpc('msg', msqid);
  return record(at, 'msgctl', `msgctl(${msqid}, IPC_RMID, NULL)`, value, value !== 0, errno);
}
