// How often the Kernel pane looks at /proc/sysvipc: often while the learner is at it, less
// once nothing has changed for a while, so that a tutorial left open costs little CPU
// (docs/ARCHITECTURE.md, "Running"; `npm run bench`'s idle CPU).

/** between looks while anything changed in the last QUIET_AFTER_MS */
export const POLL_MS = 250;
/** between looks after that: what changes from outside (ipcrm in another terminal) shows
 *  within this, and the pace is POLL_MS again from the first change seen */
export const IDLE_POLL_MS = 1000;
export const QUIET_AFTER_MS = 5000;

/** The wait before the next look, `quietFor` ms after the store last changed. */
export function pollDelay(quietFor: number): number {
  return quietFor < QUIET_AFTER_MS ? POLL_MS : IDLE_POLL_MS;
}

/** Calls `look` at pollDelay's pace until the returned function stops it. `subscribe` is
 *  the store's: any change (a key, a step, what a look found) counts as activity. */
export function pollKernel(look: () => void, subscribe: (listener: () => void) => () => void, now: () => number = Date.now): () => void {
  let changed = now();
  const unsubscribe = subscribe(() => {
    changed = now();
  });
  let timer: ReturnType<typeof setTimeout>;
  const next = () => {
    timer = setTimeout(() => {
      look();
      next();
    }, pollDelay(now() - changed));
  };
  next();
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
