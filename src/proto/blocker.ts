// The second process of the msg and sem lessons: it makes the one call that may block
// (msgrcv, or semop taking a semaphore) where blocking cannot freeze the screen, and
// reports it. A semaphore taker may then hold what it took until it is killed, which
// is how the sem lesson shows what SEM_UNDO gives back.
import * as sys from '../native/index.js';
import type { CallRecord } from '../native/types.js';
import { event, now, phase, type Emit } from './events.js';
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

/** The reader's and the waiter's exit statuses, as msg.c's blocked_reader and sem.c's
 *  child give them: 0 when the call did its work, 2 when msgrcv failed with EIDRM (the
 *  queue removed under it), 1 on any other failure. The lessons check them. */
export const BLOCKER_EXIT = { ok: 0, failed: 1, removed: 2 } as const;

/** What a reader's or waiter's exit status says, for the trace's line of its end: a code
 *  alone ("exited with code 2") left newcomers guessing (issue 16 pass 6, msg 7). None for 0. */
export function blockerExitMeaning(code: number | null, call: BlockerOptions['call']['kind']): { en: string; zh: string } | undefined {
  // what the code stands for, not only why it came (issue 16: "exited with code 2" read as
  // the kernel's number): a code is the program's own choice, said with the others it has
  if (code === BLOCKER_EXIT.removed) return { en: `2 is its code for "${call} failed with EIDRM" (0: the call worked, 1: another error)`, zh: `2 是它约定的退出码，表示“${call} 以 EIDRM 失败”（0：调用成功，1：别的错误）` };
  if (code === BLOCKER_EXIT.failed) return { en: `1 is its code for "${call} failed" (0: the call worked, 2: EIDRM)`, zh: `1 是它约定的退出码，表示“${call} 失败”（0：调用成功，2：EIDRM）` };
  return undefined;
}

/** A call that may have slept, stamped when it returned: the trace then shows its result
 *  after its cause (the send or V that woke it, the IPC_RMID), and its entry is the line
 *  `entering` wrote before it (docs/ARCHITECTURE.md, "Second processes"). */
function returned(call: CallRecord): CallRecord {
  return { ...call, at: now() };
}

/** The line at a call's entry: the call itself comes when it returns, maybe much later. */
function entering(name: string, what: { en: string; zh: string }) {
  return event({ en: `enters ${name} (${what.en}); its result shows when it returns`, zh: `进入 ${name}（${what.zh}）；返回时才显示结果` });
}

export class Blocker {
  constructor(private readonly opts: BlockerOptions) {}

  async run(): Promise<number> {
    const { call, emit } = this.opts;
    if (call.kind === 'msgrcv') {
      emit(entering('msgrcv', { en: `msqid ${call.msqid}, type ${call.type}`, zh: `msqid ${call.msqid}，类型 ${call.type}` }));
      emit(phase('calling'));
      const got = sys.msgrcv(call.msqid, MSG_MAX, call.type, 0);
      emit(returned(got.call));
      if (got.message) {
        const text = JSON.stringify(got.message.data.toString('utf8'));
        emit(event({ en: `got msg.mtype ${got.message.mtype}, msg.mtext ${text}`, zh: `收到 msg.mtype ${got.message.mtype}，msg.mtext ${text}` }));
      }
      emit(phase('returned', undefined, got.call.errno ?? undefined));
      return got.call.errno === null ? BLOCKER_EXIT.ok : got.call.errno === 'EIDRM' ? BLOCKER_EXIT.removed : BLOCKER_EXIT.failed;
    }
    emit(entering('semop', { en: `P on semid ${call.semid}`, zh: `对 semid ${call.semid} 做 P` }));
    emit(phase('calling'));
    const took = returned(sys.semop(call.semid, [{ num: 0, op: -1, flags: call.undo ? sys.SEM_UNDO : 0 }]));
    emit(took);
    emit(phase('returned', undefined, took.errno ?? undefined));
    if (took.errno !== null) return BLOCKER_EXIT.failed;
    if (!call.hold) {
      const gave = sys.semop(call.semid, [{ num: 0, op: 1, flags: call.undo ? sys.SEM_UNDO : 0 }]);
      emit(gave);
      return gave.errno === null ? BLOCKER_EXIT.ok : BLOCKER_EXIT.failed;
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
    return BLOCKER_EXIT.ok;
  }

  /** Nothing to remove: the queue and the set are the lesson's. */
  cleanup(): void {}
}
