// The child of the parent-child exchange (examples/c/communicate_with_child.c), as a
// spawned Node process: it attaches the two IPC_PRIVATE segments by the shmids it was
// given (a forked C child inherits them in its variables), says it is ready, then per
// round: SIGUSR1 -> read `down` -> kill(parent, SIGUSR2); and when answering, write
// into `up` -> kill(parent, SIGUSR1) -> wait for the parent's SIGUSR2.
import * as sys from '../native/index.js';
import type { Segment } from '../native/index.js';
import { event, phase, ProtoError, type Emit, type Text } from './events.js';
import { both } from '../text/strings.js';
import { peerGone } from './liveness.js';
import { Wakeups, type WakeSignal } from './wakeups.js';

export interface ChildOptions {
  down: number;
  up: number;
  parent: number;
  rounds: number;
  /** also send an answer back through `up` each round (false: the one-way bench) */
  answer: boolean;
  emit: Emit;
  /** a lesson's pace: awaited before each action after a wake-up; the bench does not wait */
  gate?: () => Promise<void>;
  /** the bench's child: only 'ready' and 'done' are reported, so the lines of each round
   *  (its wake-up, read and kill) are not built at all. Each round's trace cost ~2 µs of the
   *  child's CPU (four clock reads, JSON.stringify, template strings), which C's round trip
   *  (bench/pingpong.c, no trace) does not pay; a lesson's child is never quiet. */
  quiet?: boolean;
}

/** The answer the child writes for a text it read, in the text's own language (a text with a
 *  Chinese character gets a Chinese answer): the parent-child lesson writes in the learner's,
 *  so an English run shows no Chinese and a Chinese run no English. */
export function answerFor(text: string): string {
  const bytes = Buffer.byteLength(text);
  return (/\p{Script=Han}/u.test(text) ? `收到 ${bytes} 字节：${text}` : `got ${bytes} bytes: ${text}`).slice(0, 1000);
}

/** Both sides' trace line where they start to take the two signals: ipclab's way said as its
 *  own, the C's named beside it (issue 16: "handles SIGUSR1 and SIGUSR2" under a text saying
 *  the parent blocks them and the child waits in sigtimedwait read as two mechanisms). */
export const CATCHES: Text = {
  en: 'ipclab: catches SIGUSR1 and SIGUSR2 with handlers (the C blocks them and waits in sigtimedwait; a: why)',
  zh: 'ipclab：用处理函数接收 SIGUSR1 和 SIGUSR2（C 里是先阻塞它们，再在 sigtimedwait 里等；按 a 看原因）',
};

export class Child {
  #segs: Segment[] = [];
  #wake: Wakeups | null = null;

  constructor(private readonly opts: ChildOptions) {}

  async run(): Promise<void> {
    const { emit, parent } = this.opts;
    const traced = !this.opts.quiet;
    // listen before the parent can learn we exist: SIGUSR1 unheard opens Node's inspector
    this.#wake = new Wakeups(['SIGUSR1', 'SIGUSR2']);
    emit(event(CATCHES));
    const [down, up] = [this.attach(this.opts.down), this.attach(this.opts.up)];
    emit(event({ en: 'tells the parent "ready" (a line on its standard output, a pipe)', zh: '告诉父进程“就绪”（标准输出上的一行，经管道）' }));
    emit(phase('ready'));
    const { gate } = this.opts;
    // `if (gate)`: awaiting an absent gate still costs a promise turn at every step (bench (e))
    for (let round = 1; round <= this.opts.rounds; round++) {
      await this.waitFor('SIGUSR1', round);
      if (gate) await gate();
      const text = down.readText(0);
      // the wording of the parent's own read (lessons/kit.ts readText), so both sides read alike
      if (traced) emit(event({ en: `read at ${down.address}: ${JSON.stringify(text)}`, zh: `从 ${down.address} 读出：${JSON.stringify(text)}` }));
      this.signal(parent, sys.SIGUSR2);
      if (traced) emit(phase('read', round, text));
      if (!this.opts.answer) continue;
      if (gate) await gate();
      const answer = answerFor(text);
      const bytes = up.writeText(0, answer);
      const copy = `strcpy(${up.address}, ${JSON.stringify(answer)})`;
      if (traced) emit(event(both((s) => s.copied(copy, bytes - 1, up.shmid))));
      this.signal(parent, sys.SIGUSR1);
      if (traced) emit(phase('wrote', round));
      await this.waitFor('SIGUSR2', round);
    }
    if (gate) await gate();
    this.cleanup();
    emit(phase('done'));
  }

  private attach(shmid: number): Segment {
    const at = sys.shmat(shmid);
    this.opts.emit(at.call);
    if (!at.segment) throw new ProtoError({ en: `cannot attach segment ${shmid}: ${at.call.message}`, zh: `无法映射段 ${shmid}：${at.call.message}` });
    this.#segs.push(at.segment);
    return at.segment;
  }

  private signal(pid: number, sig: number): void {
    const call = sys.kill(pid, sig);
    if (!this.opts.quiet) this.opts.emit(call);
    if (call.errno) throw parentGone(pid);
  }

  /** Waits for the n-th arrival of `sig`, for as long as the parent lives (a lesson
   *  waits for the learner between steps). Not an async function: the quiet child's wait
   *  is the wait itself, with no promise and turn of its own around it each round. */
  private waitFor(sig: WakeSignal, n: number): Promise<unknown> {
    const wake = this.#wake!;
    const woken = wake.until(
      () => wake.count(sig) >= n,
      () => {
        if (peerGone(this.opts.parent)) throw parentGone(this.opts.parent);
      },
    );
    if (this.opts.quiet) return woken;
    return woken.then(() => {
      this.opts.emit(event({ en: `${sig} arrived`, zh: `收到 ${sig}` }));
      this.opts.emit(phase(sig === 'SIGUSR1' ? 'woken' : 'acked', n));
    });
  }

  cleanup(): void {
    for (const seg of this.#segs) if (seg.attached) this.opts.emit(sys.shmdt(seg));
    this.#segs = [];
  }
}

function parentGone(pid: number): ProtoError {
  return new ProtoError({ en: `the parent (pid ${pid}) is gone`, zh: `父进程（${pid}）已不在` });
}
