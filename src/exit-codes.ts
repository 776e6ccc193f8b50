// The exit statuses of every ipclab command, defined once: the commands return them,
// and the help, the man page and docs/PROTOCOL.md ("Exit status") describe them. They
// are a contract with shells and graders: a status may be added, never renumbered.
import { constants } from 'node:os';

export const EXIT = {
  ok: 0,
  /** the command ran, and what it checks did not hold: a lesson step not as expected,
   *  something left in the kernel, an exchange that failed, a lesson check that failed */
  failed: 1,
  /** bad arguments (an unknown command, option or lesson id) */
  usage: 2,
  /** this machine or account cannot run lessons: the native layer does not load here,
   *  or the state folder cannot be used */
  environment: 3,
} as const;

export type ExitStatus = (typeof EXIT)[keyof typeof EXIT];

/** The status of a process that ended by `signal`: 128+n, as a shell reports it. */
export function signalStatus(signal: NodeJS.Signals): number {
  return 128 + constants.signals[signal];
}
