// The second process of the msg and sem lessons: it makes the one call that may block
// (msgrcv, or semop taking a semaphore) where blocking cannot freeze the screen, and
// reports it. A semaphore taker may then hold what it took until it is killed, which
// is how the sem lesson shows what SEM_UNDO gives back.
import * as sys from '../native/index.js';
import { event, phase, type Emit } from './events.js';
import { peerGone } from './liveness.js';

export interface BlockerOptions {
  /** msgrcv(msqid, max, type, 0) or semop(semid, {0, -1, flags}) */
  call: { kind: 'msgrcv'; msqid: number; type: number } | { kind: 'semop'; semid: number; undo: boolean; hold: boolean };
  /** the lesson's process: a holder leaves when it is gone */
  parent: number;
  emit: Emit;
}

/** Bytes a lesson message may hold: the reader's buffer. */
export const MSG_MAX = 256;

const HOLD_CHECK_MS = 100;

export class Blocker {
  constructor(private readonly opts: BlockerOptions) {}

  async run(): Promise<void> {
    const { call, emit } = this.opts;
    emit(phase('calling'));
    if (call.kind === 'msgrcv') {
      const got = sys.msgrcv(call.msqid, MSG_MAX, call.type, 0);
      emit(got.call);
      if (got.message) {
        const text = JSON.stringify(got.message.data.toString('utf8'));
        emit(event({ en: `got msg.mtype ${got.message.mtype}, msg.mtext ${text}`, zh: `收到 msg.mtype ${got.message.mtype}，msg.mtext ${text}` }));
      }
      emit(phase('returned', undefined, got.call.errno ?? undefined));
      return;
    }
    const took = sys.semop(call.semid, [{ num: 0, op: -1, flags: call.undo ? sys.SEM_UNDO : 0 }]);
    emit(took);
    emit(phase('returned', undefined, took.errno ?? undefined));
    if (took.errno !== null) return;
    if (!call.hold) {
      emit(sys.semop(call.semid, [{ num: 0, op: 1, flags: call.undo ? sys.SEM_UNDO : 0 }]));
      return;
    }
    emit(event({ en: 'holds the semaphore and does not give it back', zh: '拿着信号量不还' }));
    emit(phase('holding'));
    // until the lesson kills it (or is gone itself)
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (peerGone(this.opts.parent)) {
          clearInterval(timer);
          resolve();
        }
      }, HOLD_CHECK_MS);
    });
  }

  /** Nothing to remove: the queue and the set are the lesson's. */
  cleanup(): void {}
}
