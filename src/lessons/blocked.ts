// Waiting, with a deadline, until another process is asleep in a call: the kernel shows
// a semaphore's sleepers as semncnt, but a reader asleep in msgrcv only in its
// /proc/PID/wchan (the kernel function it sleeps in).
import { readFileSync } from 'node:fs';
import { peerGone } from '../proto/liveness.js';

const POLL_MS = 10;
/** A bound on a hang, not a pace: the wait ends as soon as the peer sleeps. A peer is a node
 *  process just started, and on a loaded lab server its start alone took over 10 s. */
export const BLOCK_WAIT_MS = 30_000;

/** Where the process sleeps in the kernel ('do_msgrcv'), or '' when it cannot be read. */
export function wchan(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/wchan`, 'utf8').trim();
  } catch {
    return '';
  }
}

/** Resolves to the problems: none once `done()` holds, or why it did not within `ms`. */
export async function until(done: () => boolean, pid: number, what: string, ms = BLOCK_WAIT_MS): Promise<string[]> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (peerGone(pid)) return [`process ${pid} ended before ${what}`];
    if (Date.now() > deadline) return [`process ${pid}: not ${what} within ${ms / 1000} s`];
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return [];
}

/** Until the process sleeps in msgrcv. */
export function untilInMsgrcv(pid: number): Promise<string[]> {
  return until(() => wchan(pid) === 'do_msgrcv', pid, 'asleep in msgrcv');
}
