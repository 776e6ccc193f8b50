// A test run's folder (vitest.config.ts): $TMPDIR/ipclab-test-state-PID-START-XXXXXX, named
// for the vitest process that made it: its pid and start time (clock ticks since boot, field
// 22 of /proc/PID/stat), as ipclab names its journals, since a pid alone can be reused. The
// name says whose folder it is from the moment it exists, so a later run can tell the folder
// of a run that was killed (no teardown, no 'exit' handler ran) from a live run's.
import { lstatSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'ipclab-test-state-';
const NAME = /^ipclab-test-state-(\d+)-(\d+)-[^/]+$/;

/** The variable that names the run's folder in every test process: a test may point
 *  XDG_STATE_HOME elsewhere for a while, this stays. */
export const RUN_DIR_ENV = 'IPCLAB_TEST_RUN_DIR';

/** A process's start time, or null when it is gone (or a zombie). */
export function startOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name may hold spaces and parentheses: split after the last ')'
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return rest[0] === 'Z' || rest[0] === 'X' ? null : Number(rest[19]);
  } catch {
    return null;
  }
}

/** Makes the run folder of process `pid` (this one unless told) in `parent`. */
export function makeRunFolder(parent = tmpdir(), pid = process.pid): string {
  const start = startOf(pid);
  if (start === null) throw new Error(`process ${pid} is gone: a run folder must name a live owner`);
  return mkdtempSync(join(parent, `${PREFIX}${pid}-${start}-`));
}

/** The run folders in `parent` whose owner is gone: this user's, and named with a pid and
 *  start that no longer name a process. A folder named otherwise (made before owners were
 *  recorded) is not judged: its owner cannot be known. */
export function goneRunFolders(parent = tmpdir()): string[] {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const m = NAME.exec(name);
    if (!m || startOf(Number(m[1])) === Number(m[2])) return [];
    const path = join(parent, name);
    try {
      const st = lstatSync(path);
      return st.isDirectory() && st.uid === process.getuid?.() ? [path] : [];
    } catch {
      return []; // removed meanwhile (another run's sweep)
    }
  });
}

const SIDE = 'side-';

/** The state folder of side-by-side worker `worker` (its VITEST_POOL_ID) in run folder `run`
 *  (tests/helpers/side-state.ts): ipclab counts every journal in a state folder as its own,
 *  so two workers sharing one would each see the other's objects as the app's. */
export function sideStateHome(run: string, worker: string): string {
  return join(run, `${SIDE}${worker}`);
}

/** Every state folder of run folder `run`: the run's own and its side-by-side workers'. */
export function stateHomes(run: string): string[] {
  let names: string[];
  try {
    names = readdirSync(run);
  } catch {
    return [run]; // gone, or never made: only the run's own to look at
  }
  return [run, ...names.filter((n) => n.startsWith(SIDE)).map((n) => join(run, n))];
}
