// Ink's frame pacing, given to Ink by the build in place of its throttle (scripts/build.mjs
// `inkFramePacing`; docs/ARCHITECTURE.md "Running"). Ink's (es-toolkit's, leading and
// trailing) wrote a frame at once only when none was written in the interval before it:
// a step's result, coming a few ms after the key's own frame (busy), waited for the
// interval's end. Here a frame is written at once after a quiet spell (the first frame,
// a key's first); within KEY_MS of a key, later frames are written as the code that
// changed the store ends (a microtask: every update of that run of code in one frame;
// or sooner, `drawPending`), not after the interval; other bursts (a lesson's helper
// reporting) keep the interval.

/** how long after a key its frames skip the interval: a step's result is drawn in that time */
const KEY_MS = 100;

let keyAt = -Infinity;
/** the throttles whose frame waits for the end of the code running */
const pending = new Set<() => void>();

/** A key was read (src/app/use-keys.ts): the frames it causes are not held back. */
export function keyRead(): void {
  keyAt = performance.now();
}

/** Writes now a key's frame that would be written as the code running ends: before slow
 *  work that code still does (src/app/store/run.ts `settle`: saving, reading the kernel). */
export function drawPending(): void {
  for (const flush of [...pending]) flush();
}

export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  /** writes the frame that waits, if one does (Ink's unmount) */
  flush(): void;
  /** forgets it */
  cancel(): void;
}

/** `draw` at most once per `intervalMs` outside a key's time, at once when it can be; a
 *  frame that waits is drawn with the arguments of the last call (Ink's log gets the text). */
export function frameThrottle<A extends unknown[]>(draw: (...args: A) => void, intervalMs = 0): Throttled<A> {
  let last = -Infinity;
  let args = [] as unknown as A;
  let timer: NodeJS.Timeout | undefined;
  let soon = false;
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    soon = false;
    pending.delete(flush);
  };
  const flush = () => {
    if (!timer && !soon) return;
    cancel();
    last = performance.now();
    draw(...args);
  };
  const throttled = (...latest: A) => {
    args = latest;
    if (soon) return;
    const now = performance.now();
    if (!timer && now - last >= intervalMs) {
      last = now;
      draw(...args);
    } else if (now - keyAt < KEY_MS) {
      clearTimeout(timer);
      timer = undefined;
      soon = true;
      pending.add(flush);
      queueMicrotask(flush);
    } else timer ??= setTimeout(flush, last + intervalMs - now);
  };
  return Object.assign(throttled, { flush, cancel });
}
