// A CallRecord for the trace: the call in C, its result, errno's name and message, when.
import { errnoMessage, errnoName } from './errno.js';
import type { CallRecord } from './types.js';

export { now } from './clock.js';

/** `at` is when the call was entered: whatever another process does in answer (a signal
 *  arriving, say) happens after it, so a trace sorted by time shows causes first. */
export function record(at: number, call: string, c: string, ret: number | string, failed: boolean, errno: number, extra: Partial<CallRecord> = {}): CallRecord {
  return {
    type: 'call',
    pid: process.pid,
    call,
    c,
    ret,
    errno: failed ? errnoName(errno) : null,
    message: failed ? errnoMessage(errno) : null,
    at,
    ...extra,
  };
}
