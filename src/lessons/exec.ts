// Runs a real command (ipcs, ipcrm) for a lesson: bounded in time, never through a
// shell, and a missing program is an answer (exitCode null), not an error.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { sep } from 'node:path';
import { trackChild } from '../native/index.js';
import { packageRoot } from '../paths.js';

/** A command as the trace shows it, the one place that writes one (the engine's `$ cc …`
 *  line, a C program started by the lesson: serv-clnt-c.ts runC): ipclab's own files by their
 *  path in the package, as the C pane names them (`examples/c/inherit.c`, not where this copy
 *  of ipclab happens to be installed: issue 16, a learner's trace showed
 *  `/home/…/node_modules/ipclab/examples/c/inherit.c`), other paths whole (a temp folder the
 *  lesson made is where the program really is), an argument a shell would split quoted. */
export function commandLine(command: string, args: readonly string[], root: string = packageRoot()): string {
  const inRoot = `${root}${sep}`;
  const shown = (a: string) => (a.startsWith(inRoot) ? a.slice(inRoot.length) : a);
  return [command, ...args].map(shown).map((a) => (/^[\w./:=+-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
}

export interface ExecResult {
  /** stdout and stderr as the learner would see them in a terminal */
  text: string;
  /** null only when the program is not installed (or could not start); a command stopped
   *  by a signal gets 128+signal like a shell shows it, 124 when it ran out of time */
  exitCode: number | null;
  /** pid of the command, or null when it did not start */
  pid: number | null;
  notInstalled: boolean;
}

// as long as a lesson waits for a peer (blocked.ts): cc takes ~0.2 s on a quiet machine but
// over 5 s on two CPUs at a load of 40, where a 5 s limit failed shmat's inherit.c
export const EXEC_TIMEOUT_MS = 30_000;
/** how long a command that ran out of time has to end on SIGTERM */
const KILL_GRACE_MS = 2000;

/** Without the blank lines around the output and the spaces ipcs pads its lines with. */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

export function execCommand(command: string, args: string[], timeoutMs = EXEC_TIMEOUT_MS): Promise<ExecResult> {
  return new Promise((resolve) => {
    let text = '';
    let timedOut = false;
    let settled = false;
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    // ipclab's exit path ends it too, should ipclab be stopped while it runs
    if (child.pid !== undefined) trackChild(child);
    const finish = (result: ExecResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(killer);
      resolve(result);
    };
    // SIGTERM first: cc removes its temporary files on it (SIGKILL left cc*.s and cc*.o in
    // /tmp); SIGKILL only for a command that ignores it
    let killer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      killer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    child.on('error', (err: NodeJS.ErrnoException) => {
      const notInstalled = err.code === 'ENOENT';
      finish({ text: notInstalled ? `${command}: not installed` : `${command}: ${err.message}`, exitCode: null, pid: null, notInstalled });
    });
    child.on('close', (code, signal) => {
      const tail = timedOut ? `\n${command}: stopped after ${timeoutMs / 1000} s` : signal ? `\n${command}: killed by ${signal}` : '';
      const exitCode = code ?? (timedOut ? 124 : 128 + (constants.signals[signal as NodeJS.Signals] ?? 0));
      finish({ text: tidy(text) + tail, exitCode, pid: child.pid ?? null, notInstalled: false });
    });
  });
}
