// Waiting for a peer without busy-looping: a wait ends when one of our signals
// arrives or a short timer fires, whichever is first. The timer is also the handle
// that keeps Node alive while it waits (a signal listener alone does not), and the
// pace at which the caller re-reads the fields and checks the peer.
import { now } from './events.js';

export const POLL_MS = 100;

export type WakeSignal = 'SIGUSR1' | 'SIGUSR2';

/** How a wait for a condition ended: woken by a signal, at the POLL_MS timer (the peer's
 *  store seen before its signal came: the line then says so, or it reads as an effect
 *  before the kill() that causes it), or at once (it held already). */
export type WakeBy = WakeSignal | 'poll' | 'ready';

/** A change already made when the waiter first looked (rv.h's RV_SEEN_AT_ONCE says the same). */
export const AT_ONCE = { en: 'already set when it looked: no wait', zh: '查看时已经写好，无需等待' } as const;

/** What a waiter's line adds for how it saw the change: "(woken by SIGUSR2)", "(seen at its
 *  100 ms poll)", "(already set when it looked: no wait)". Never nothing: a line with no
 *  reason, after the peer's store and before its kill(), reads as seen by magic (newcomers
 *  met "rv->ack == 1：客户端已收到" so, where the same line elsewhere said poll or signal). */
export function wokenText(by: WakeBy): { en: string; zh: string } {
  if (by === 'ready') return { en: ` (${AT_ONCE.en})`, zh: `（${AT_ONCE.zh}）` };
  // not "before the signal": a signal sent just before may wait in Node's loop behind the timer
  if (by === 'poll') return { en: ` (seen at its ${POLL_MS} ms poll)`, zh: `（在每 ${POLL_MS} ms 一次的轮询中看到）` };
  return { en: ` (woken by ${by})`, zh: `（被 ${by} 唤醒）` };
}

/** ms until `deadline` (Infinity for none, without reading the clock) */
const left = (deadline: number): number => (deadline === Infinity ? Infinity : deadline - now());

const ignoring = new Set<WakeSignal>();

/** A listener kept until the process exits: a peer's late signal, after every Wakeups
 *  has closed, would otherwise end this process by SIGUSR2 (or open the inspector on
 *  SIGUSR1). runSide keeps it through the exit itself. */
function ignoreLate(sig: WakeSignal): void {
  if (ignoring.has(sig)) return;
  ignoring.add(sig);
  process.on(sig, () => {});
}

export class Wakeups {
  /** per signal: how many arrived, and when the last did (plain fields: the handler runs
   *  at every round trip, bench (e)) */
  readonly #seen: Record<WakeSignal, { count: number; lastAt: number | null }> = {
    SIGUSR1: { count: 0, lastAt: null },
    SIGUSR2: { count: 0, lastAt: null },
  };
  readonly #handlers = new Map<WakeSignal, () => void>();
  /** the pending wait's continuation (one at a time), called with how it woke: null for a timer */
  #waiter: ((by: WakeSignal | null) => void) | null = null;
  /** the pending wait's short timer (a wait of less than POLL_MS), if any */
  #short: NodeJS.Timeout | null = null;
  readonly #onTimer = () => this.#wake(null);
  readonly #ticker = setInterval(this.#onTimer, POLL_MS).unref();

  /** Listens at once: create it before anyone could signal this process (a Node
   *  process without a listener dies of SIGUSR2 and opens its inspector on SIGUSR1). */
  constructor(signals: WakeSignal[]) {
    for (const sig of signals) {
      ignoreLate(sig);
      const seen = this.#seen[sig];
      const handler = () => {
        seen.count += 1;
        seen.lastAt = now();
        this.#wake(sig);
      };
      this.#handlers.set(sig, handler);
      process.on(sig, handler);
    }
  }

  /** How many times `sig` has arrived so far (standard signals do not queue: two
   *  sent close together may count once). */
  count(sig: WakeSignal): number {
    return this.#seen[sig].count;
  }

  /** When `sig` last arrived (ms since the epoch, as CallRecord.at), or null. */
  lastAt(sig: WakeSignal): number | null {
    return this.#seen[sig].lastAt;
  }

  /** Ends the pending wait, if any: its timers go, then its continuation runs. */
  #wake(by: WakeSignal | null): void {
    const waiter = this.#waiter;
    if (!waiter) return;
    this.#waiter = null;
    if (this.#short) {
      clearTimeout(this.#short);
      this.#short = null;
    }
    this.#ticker.unref();
    waiter(by);
  }

  /** Arms one wait: `waiter` runs when a signal arrives (with it) or after at most
   *  min(ms, POLL_MS) (with null). One timer ticks every POLL_MS for the object's life,
   *  referenced only while someone waits: a wait ended by a signal (the common case, at
   *  every round trip) then costs no timer. */
  #arm(ms: number, waiter: (by: WakeSignal | null) => void): void {
    if (this.#short) clearTimeout(this.#short);
    this.#short = ms < POLL_MS ? setTimeout(this.#onTimer, Math.max(0, ms)) : null;
    this.#ticker.ref();
    this.#waiter = waiter;
  }

  /** Resolves when a signal arrives (to it) or after at most min(ms, POLL_MS) (to null). */
  wait(ms: number): Promise<WakeSignal | null> {
    return new Promise((resolve) => this.#arm(ms, resolve));
  }

  /** Waits until `done()` holds, re-reading it at every wake-up; resolves to how the wait
   *  ended (WakeBy). After a wake-up that left it false, `check()` runs and may throw (the
   *  peer is gone, time is up): a signal that satisfies the wait costs no liveness check.
   *  A peer may store and exit between the read and the check (the last ack, then exit 0):
   *  what `check()` throws counts only if `done()` still fails after it.
   *  One promise per call, however many wake-ups: each wake-up re-reads `done()` as it
   *  comes (in the signal's own callback), not a promise later (the round trip's cost,
   *  bench (e)). */
  until(done: () => boolean, check: () => void, deadline = Infinity): Promise<WakeBy> {
    return new Promise((resolve, reject) => {
      // runs in a signal's or a timer's callback: whatever done() or check() throws rejects
      const woke = (signal: WakeSignal | null) => {
        const by: WakeBy = signal ?? 'poll';
        try {
          if (done()) return resolve(by);
          try {
            check();
          } catch (err) {
            if (!done()) throw err;
          }
          if (done()) return resolve(by);
          this.#arm(left(deadline), woke);
        } catch (err) {
          reject(err);
        }
      };
      try {
        if (done()) return resolve('ready');
        this.#arm(left(deadline), woke);
      } catch (err) {
        reject(err);
      }
    });
  }

  /** Stops listening (a late signal then meets ignoreLate's listener); a pending wait
   *  ends as at its timer. */
  close(): void {
    for (const [sig, handler] of this.#handlers) process.off(sig, handler);
    this.#handlers.clear();
    this.#wake(null);
    clearInterval(this.#ticker);
  }
}
