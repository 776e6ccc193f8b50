// Mounting the tutorial on the terminal, shared by `ipclab` and `ipclab play`: the
// cleanup and signal handlers first, then Ink loaded (without fetch, with ipclab's
// colour decision) and the app run until it quits. Nothing here loads Ink statically.
import type { Lesson, LessonRun } from '../lessons/types.js';
import type { Lang } from '../lang.js';
import { EXIT, signalStatus } from '../exit-codes.js';
import { USAGE_ERRORS } from '../usage-errors.js';
import type { TuiOptions } from './main.js';
import { loadLayoutEngine } from './layout-engine.js';
import { terminalLines } from './text-fit.js';

/** Ink's layout engine (yoga, a web build) loads its inline WebAssembly with fetch()
 *  whenever fetch exists, and the first touch of fetch makes Node load its HTTP stack
 *  (~40 ms of start-up). ipclab never fetches: hide it while Ink loads, then put it back. */
async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!original?.configurable) return load();
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, 'fetch', original);
  }
}

/** Ink colours (the panes' borders) through chalk, which reads FORCE_COLOR once, as it
 *  loads: give it ipclab's decision (src/text/color.ts), then put the learner's own
 *  value back, which the lessons' helper processes inherit. */
async function withColor<T>(color: boolean, load: () => Promise<T>): Promise<T> {
  const original = process.env.FORCE_COLOR;
  process.env.FORCE_COLOR = color ? '1' : '0';
  try {
    return await load();
  } finally {
    if (original === undefined) delete process.env.FORCE_COLOR;
    else process.env.FORCE_COLOR = original;
  }
}

/** q (or a lesson switch) while a step waits on a stopped helper: the quit waits for
 *  that step, then closes the run. Closing ends every helper first (SIGCONT with the
 *  SIGTERM), so the step's wait fails at once instead of running to its own timeout. */
function helpersEndFirst(start: (lesson: Lesson, lang?: () => Lang) => LessonRun, endChildren: () => unknown): (lesson: Lesson, lang?: () => Lang) => LessonRun {
  return (lesson, lang) => {
    const run = start(lesson, lang);
    const close = run.close.bind(run);
    run.close = () => {
      endChildren();
      return close();
    };
    return run;
  };
}

/** Runs the tutorial until it quits, then says on the terminal what the cleanup removed. */
export async function launchTui(options: TuiOptions): Promise<void> {
  const { LESSONS } = await import('../lessons/index.js');
  const [{ installHandlers, watchParent, endChildren, beforeSignalEnd, NativeUnavailable }, { startLesson }, { runTui }] = await Promise.all([
    import('../native/index.js'),
    import('../lessons/engine.js'),
    withColor(options.color, () => withoutFetch(async () => (await Promise.all([import('./main.js'), loadLayoutEngine()]))[0])),
  ]);
  // koffi (libc) loads after the first frame, which reads only /proc; the handlers come
  // first, so no signal finds the terminal in raw mode without them
  installHandlers();
  // SIGINT/SIGTERM/SIGQUIT end the process by the signal, where no 'exit' listener would
  // run: run them first (Ink's last frame, then the screen given back). Not on a hang-up:
  // the terminal is gone.
  beforeSignalEnd((name) => name !== 'SIGHUP' && process.emit('exit', signalStatus(name)));
  // A closed terminal shows first as the end of stdin or EIO on either stream, often
  // before the SIGHUP itself; left alone, that error took the uncaught-error way out and
  // Node then restored the modes of a terminal that is gone (SIGSEGV on Node 20). Each is
  // a hang-up: the SIGHUP handler cleans up and ends the process by SIGHUP, drawing nothing.
  const hangUp = () => process.kill(process.pid, 'SIGHUP');
  process.stdin.once('end', hangUp);
  process.stdin.on('error', hangUp);
  process.stdout.on('error', hangUp);
  // Where koffi cannot load (on its first use: right after the first frame, or sooner for
  // the owner of a segment on show), the run ends as a command's would (src/cli.ts): the
  // screen given back (runTui's 'exit' listener), then one line, status 3.
  process.prependListener('uncaughtException', (err) => {
    if (!(err instanceof NativeUnavailable)) return;
    process.once('exit', () => process.stderr.write(`ipclab: ${USAGE_ERRORS[options.lang].cannotRun(err.message.split('\n')[0])}\n`));
    process.exit(EXIT.environment);
  });
  // runTui draws the first frame before its first await (Ink writes it as it renders)
  setImmediate(watchParent);
  const report = await runTui(options, LESSONS, helpersEndFirst(startLesson, endChildren));
  // after the screen is given back, so the line stays on the learner's terminal
  if (report) process.stdout.write(`${terminalLines('ipclab: ', report, process.stdout.columns || 80)}\n`);
}
