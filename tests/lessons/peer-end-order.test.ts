// A newcomer read race's step 4 as "worker 2 exited" above "worker 1 exited", though worker
// 1's shmdt, its last line before it exits, came first (issue 16). ipclab learns of a peer's
// end when its pipes are read out ('close'), and two peers that exit within a millisecond
// are read out in no set order; the trace is in stamp order. So a peer that exits on its own
// has its end listed before the ends seen with it of peers whose own last line came after
// its own: the ends go in the order they happened. A peer killed (a signal) ended when it
// was seen, and its end is listed then.
import { describe, expect, it, vi } from 'vitest';
import type { ProtoEvent } from '../../src/proto/events.js';
import type { PeerExit } from '../../src/proto/spawn.js';

/** Peers this test starts, whose lines and ends it makes by hand. */
const fakes: FakePeer[] = [];
class FakePeer {
  static next = 9001;
  readonly pid = FakePeer.next++;
  readonly events: ProtoEvent[] = [];
  exit: PeerExit | null = null;
  stderr = '';
  readonly exited: Promise<PeerExit>;
  end!: (exit: PeerExit) => void;
  constructor(
    _spec: unknown,
    readonly onEvent: (e: ProtoEvent) => void,
  ) {
    this.exited = new Promise((resolve) => (this.end = (exit) => ((this.exit = exit), resolve(exit))));
    fakes.push(this);
  }
  line(text: string, at: number): void {
    const e: ProtoEvent = { type: 'event', pid: this.pid, text: { en: text, zh: text }, at };
    this.events.push(e);
    this.onEvent(e);
  }
  async stop(): Promise<void> {}
}
vi.mock('../../src/proto/spawn.js', () => ({ PeerProcess: FakePeer, describeExit: () => '' }));

const { startPeer, endStamp } = await import('../../src/lessons/peer-process.js');
const { now } = await import('../../src/proto/events.js');
import type { StepContext, TraceEntry } from '../../src/lessons/types.js';

/** A context whose trace keeps entries in stamp order, as the engine does. */
function context(): { ctx: StepContext; lines: () => string[] } {
  const trace: TraceEntry[] = [];
  const ctx = {
    trace: (e: TraceEntry) => {
      trace.push(e);
      trace.sort((a, b) => a.at - b.at);
    },
    onReset: () => {},
  } as unknown as StepContext;
  return { ctx, lines: () => trace.map((e) => (e.type === 'event' ? e.text.en : e.type)) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("peers' ends in the trace: in the order they happened", () => {
  /** Two workers whose last lines come in `order` (worker numbers), worker 2's pipes read out
   *  first: the trace's lines. */
  async function ends(order: [1, 2] | [2, 1]): Promise<{ lines: string[]; ends: string[] }> {
    const { ctx, lines } = context();
    const workers = {} as Record<1 | 2, FakePeer>;
    for (const n of [1, 2] as const) workers[n] = startPeer(ctx, { role: 'racer' } as never, { en: `worker ${n}`, zh: `工作进程 ${n}` }) as unknown as FakePeer;
    const t = now();
    order.forEach((n, k) => workers[n].line(`worker ${n} shmdt`, t + k * 0.01));
    // ipclab reads worker 2's pipes out first
    for (const n of [2, 1] as const) {
      workers[n].end({ code: 0, signal: null });
      await tick();
    }
    return { lines: lines(), ends: lines().filter((l) => / exited /.test(l)) };
  }

  it('two workers read out in the other order: worker 1, whose last line came first, is listed first', async () => {
    const { lines, ends: listed } = await ends([1, 2]);
    expect(listed, lines.join('\n')).toEqual([expect.stringContaining('worker 1 (pid'), expect.stringContaining('worker 2 (pid')]);
    // each end after its own last line
    expect(lines.indexOf(listed[0]!)).toBeGreaterThan(lines.indexOf('worker 1 shmdt'));
    expect(lines.indexOf(listed[1]!)).toBeGreaterThan(lines.indexOf('worker 2 shmdt'));
  });

  it('read out in their own order, they stay in it', async () => {
    expect((await ends([2, 1])).ends).toEqual([expect.stringContaining('worker 2 (pid'), expect.stringContaining('worker 1 (pid')]);
  });

  it('a peer killed ends when it is seen; an end long after another is not moved before it', () => {
    const listed = [{ at: 100, last: 99 }];
    // killed: its last line means nothing of when it ended
    expect(endStamp(105, null, listed)).toBe(105);
    // exited on its own, its last line before the other's: listed before the other's end
    const at = endStamp(105, 98, listed);
    expect(at).toBeLessThan(100);
    expect(at).toBeGreaterThan(98);
    // seen a second after the other's end: the other's end came first
    expect(endStamp(1100, 98, listed)).toBe(1100);
  });
});
