// Small pieces both sides of the rendezvous use.
import type { Segment } from '../native/index.js';
import { ProtoError } from './events.js';

/** ftok's id: 'S' */
export const PROJ_ID = 'S'.charCodeAt(0);

/** How long a side that is done keeps listening for the peer's late wake-ups (never an error). */
export const SETTLE_MS = 1000;

/** How often a side that is done looks whether the peer has gone, and how long the client
 *  still listens after the segment is removed (a server may remove it, then signal). */
export const SETTLE_POLL_MS = 10;

/** Stores a field the peer polls (magic, seq, ack) with an atomic read-modify-write:
 *  a full barrier, so the peer that sees the new value also sees every write before it.
 *  Each of these fields has one writer, so the swap always succeeds. */
export function publish(seg: Segment, offset: number, value: number): void {
  seg.compareExchangeInt32(offset, seg.readInt32(offset), value | 0);
}

/** Reads a field the peer publishes (magic, client_pid, seq, ack) as an atomic: a
 *  compare-and-swap of 0 by 0 never changes the value but orders the reads after it,
 *  so the fields the peer wrote before this one are seen too (on aarch64 plain loads
 *  may pass each other). Unsigned, as the struct declares all but the pids. */
export function load(seg: Segment, offset: number): number {
  return seg.compareExchangeInt32(offset, 0, 0) >>> 0;
}

/** A segment at our key that does not follow the protocol: refused, written to never. */
export function segmentNotOurs(shmid: number, why: string): ProtoError {
  return new ProtoError({
    en: `segment ${shmid} at this key is not an ipclab rendezvous (${why}); left alone`,
    zh: `此 key 上的段 ${shmid} 不是 ipclab 的会合段（${why}）；未做改动`,
  });
}

/** A message as a C string literal for the trace, shortened when long. */
export function preview(bytes: Buffer, max = 60): string {
  const text = bytes.toString('utf8');
  return text.length > max ? `${JSON.stringify(text.slice(0, max))}...` : JSON.stringify(text);
}
