// Ink's frame pacing, given to Ink by the build in place of its throttle (scripts/build.mjs
// `inkFramePacing`; docs/ARCHITECTURE.md "Running"). Ink's (es-toolkit's, leading and
// trailing) wrote a frame at once only when none was written in the interval before it:
// a step's result, coming a few ms after the key's own frame (busy), waited for the
// interval's end. Here a frame after a quiet spell (the first frame, a key's first), and
// within KEY_MS of a key every later one, is written as the code that changed the store
// ends (a microtask: every update of that run of code in one frame; or sooner,
// `drawPending`), not after the interval; other bursts (a lesson's helper reporting) keep
// the interval. Never at once: Ink asks for a frame as a commit ends, before the commit's
// layout effects run, and those tell the store what the panes drew (the lesson pane's
// rest below, which the key bar's Space names): a frame written then showed the bar of the
// layout before (issue 16: the first frame's bar said "Space run 1", the next one, a few ms
// later, "Space step 1's text", and a Space pressed on the first brought the text).

/** how long after a key its frames skip the interval: a step's result is drawn in that time */
const KEY_MS = 100;

let keyAt = -Infinity;
/** the throttles whose frame waits for the end of the code running */
const pending = new Set<() => void>();

/** A key was read (src/app/use-keys.ts): the frames it causes are not held back. */
export function keyRead(): void {
  keyAt = performance.now();
}

/** Writes now the frame that would be written as the code running ends: before slow work
 *  that code still does (src/app/store/run.ts `settle`: saving, reading the kernel), or
 *  Ink's first frame as it renders (src/app/main.tsx). A frame drawn asks for its write (Ink's
 *  log is throttled too): written as well. */
export function drawPending(): void {
  while (pending.size > 0) for (const flush of [...pending]) flush();
}

export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  /** writes the frame that waits, if one does (Ink's unmount) */
  flush(): void;
  /** forgets it */
  cancel(): void;
}

/** `draw` at most once per `intervalMs` outside a key's time, as the code running ends when it
 *  can be; a frame that waits is drawn with the arguments of the last call (Ink's log gets the text). */
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
    if ((!timer && now - last >= intervalMs) || now - keyAt < KEY_MS) {
      clearTimeout(timer);
      timer = undefined;
      soon = true;
      pending.add(flush);
      queueMicrotask(flush);
    } else timer ??= setTimeout(flush, last + intervalMs - now);
  };
  return Object.assign(throttled, { flush, cancel });
}
