// Is the peer still there? Signals do not say when the sender died, so each side
// looks at the other's pid on every turn of its wait loop.
import { readFileSync } from 'node:fs';

/** Gone: kill(pid, 0) gives ESRCH (EPERM means alive, just not ours), or the kernel
 *  lists it as a zombie (dead, waiting for its parent to reap it). A pid <= 0 is never a peer. */
export function peerGone(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return true;
  }
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false; // no /proc: kill() said it exists
  }
  // the name (field 2) may hold spaces and ')': the state follows the last ')'
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state === 'Z' || state === 'X';
}
