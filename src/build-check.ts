// Whether a checkout's dist/ still matches its src/, asked where it costs the start nothing
// (bin/ipclab.mjs hands the check over; docs/ARCHITECTURE.md, "Running"). A command asks
// before it does anything (src/cli.ts); the tutorial right after its first frame, then
// quits at once when the build was stale (src/app/main.tsx). Either way bin then rebuilds
// and starts again: a stale build never runs on silently.
let check: (() => boolean) | undefined;

export function setBuildCheck(fn: () => boolean): void {
  check = fn;
}

/** true when the build is stale (asked once: later calls answer false); false without a check
 *  (an installed package, a test calling main). */
export function buildIsStale(): boolean {
  const asked = check;
  check = undefined;
  return asked?.() ?? false;
}
