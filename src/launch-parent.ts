// The process that started ipclab, as bin/ipclab.mjs read it first thing. A run that
// finds another parent when it installs its cleanup was orphaned while starting (its
// parent killed with -9): it ends there (docs/ARCHITECTURE.md, "Two ways out").
let parent: number | null = null;

export function setLaunchParent(pid: number): void {
  parent = pid;
}

/** null when ipclab was not started through bin/ipclab.mjs (a test calling main) */
export function launchParent(): number | null {
  return parent;
}
