// What the protocol's state machines report as they go. The serv/clnt commands print
// these on stderr; a peer started by a lesson sends them as JSON lines on its stdout.
import type { CallRecord } from '../native/index.js';
import type { Lang } from '../lang.js';
import type { RvFields } from './layout.js';
import { EXIT } from '../exit-codes.js';
import { now } from '../native/clock.js';

// the trace's clock, shared by every process (src/native/clock.ts)
export { now };

export type Text = Record<Lang, string>;

/** Where a side is in the protocol (the lessons wait for these). */
export type Phase =
  | 'ready' // server: magic written / child: attached and listening
  | 'joined' // client: claimed client_pid and woke the server / server: saw client_pid
  | 'sent' // server: wrote message seq and woke the client
  | 'received' // client: printed message seq and acknowledged it
  | 'acked' // server: ack == seq / parent-child child: SIGUSR2 arrived (the parent read our answer)
  | 'woken' // parent-child: SIGUSR1 arrived (there is text for us)
  | 'read' // parent-child: the text was read (in `text`)
  | 'wrote' // parent-child: the answer was written
  | 'calling' // msg reader, semaphore taker: about to make the call that may block
  | 'returned' // msg reader, semaphore taker: that call returned (its record came just before)
  | 'holding' // semaphore taker: holds the semaphore until it is killed
  | 'done'; // finished normally

export type ProtoEvent =
  | CallRecord
  /** a field or data access, as a C statement: `rv->magic = 0x4C425631` */
  | { type: 'event'; pid: number; text: Text; at: number }
  /** the struct right after this side changed or examined it */
  | { type: 'fields'; pid: number; shmid: number; fields: RvFields; at: number }
  /** a message text the client received (the bytes in base64: they pass unchanged) */
  | { type: 'message'; pid: number; seq: number; base64: string; at: number }
  | { type: 'phase'; pid: number; phase: Phase; seq?: number; text?: string; at: number }
  /** the answer of the playground's helper to request `seq` (src/play/helper.ts reads the body) */
  | { type: 'reply'; pid: number; seq: number; body: unknown; at: number }
  /** a race worker's loop: when it started and ended its increments (ms, the clock of `at`) */
  | { type: 'timing'; pid: number; start: number; end: number; at: number };

export type Emit = (event: ProtoEvent) => void;


export function event(text: string | Text): ProtoEvent {
  return { type: 'event', pid: process.pid, text: typeof text === 'string' ? { en: text, zh: text } : text, at: now() };
}

export function phase(name: Phase, seq?: number, text?: string): ProtoEvent {
  return { type: 'phase', pid: process.pid, phase: name, ...(seq === undefined ? {} : { seq }), ...(text === undefined ? {} : { text }), at: now() };
}

/** A protocol failure that ends the side with a clear line and an exit code
 *  (failed: the peer or the segment is wrong; usage: the input was refused). */
export class ProtoError extends Error {
  constructor(
    readonly text: Text,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(text.en);
  }
}
