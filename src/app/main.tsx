// Mounts the tutorial in the terminal: the first frame is drawn before the first
// lesson starts (and before the flow library loads), then the store takes over.
import { EventEmitter } from 'node:events';
import React from 'react';
import { render } from 'ink';
import type { Lang } from '../lang.js';
import type { Lesson, LessonRun } from '../lessons/types.js';
import { buildIsStale } from '../build-check.js';
import { App } from './components/App.js';
import { StoreContext } from './context.js';
import { type PlayOptions, realDeps } from './deps.js';
import { type AppDeps, createAppStore } from './store.js';
import { strings } from './strings.js';
import { asciiText } from './text-fit.js';
import { drawPending } from './frame-throttle.js';
import { ALT_SCREEN_OFF, ALT_SCREEN_ON, type FirstFrame, firstFrame, firstOf, frameKey, frameShows, overdraw, saveFrame } from '../first-frame.js';

export interface TuiOptions {
  lang: Lang;
  ascii: boolean;
  color: boolean;
  present: boolean;
  quiz: boolean;
  lesson?: string;
  restart: boolean;
  /** the playground's options; `open`: start in it (`ipclab play`) rather than in a lesson */
  play?: PlayOptions & { open: boolean };
}

/** Runs the tutorial until the learner quits; what the cleanup removed, as one line in the
 *  language shown last, in ASCII under --ascii as the screen was (null when the app ended another way). */
export async function runTui(options: TuiOptions, lessons: Lesson[], startLesson: (lesson: Lesson, lang?: () => Lang) => LessonRun): Promise<string | null> {
  const store = createAppStore(realDeps(lessons, startLesson, process.env, options.play), options);
  // choose the lesson (its synchronous part) before the first frame, so that frame already shows it;
  // the playground opens no lesson until Esc asks for one
  if (options.play?.open) store.getState().openPlay();
  else void store.getState().start({ lesson: options.lesson, restart: options.restart });
  // a screen of its own, given back on any exit (q, Ctrl-C, a signal's cleanup); bin may
  // have switched to it already, to draw the first frame kept from the last start
  // (src/first-frame.ts), which this one now takes over
  const kept = firstFrame();
  if (kept) kept.taken = true;
  if (kept?.shown === undefined) process.stdout.write(ALT_SCREEN_ON);
  const leave = () => process.stdout.write(ALT_SCREEN_OFF);
  // Ink writes its first frame as it renders: held back here, to be written as it is, or
  // over the kept frame only where it differs (nothing, when the kept frame was this one)
  const write = process.stdout.write;
  let written = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    written += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof write;
  let ink;
  try {
    ink = render(
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>,
      // a key press must redraw at once: Ink's default 30 fps throttle could hold a frame back 33 ms
      { exitOnCtrlC: false, patchConsole: false, maxFps: 120 },
    );
    // Ink's first frame, written as the mount's code ends (src/app/frame-throttle.ts): now, with
    // what the mount's layout effects told the store (the key bar's Space as the lesson pane laid out)
    drawPending();
  } finally {
    process.stdout.write = write;
  }
  // the first frame alone is kept and compared; what Ink wrote after it while mounting (a
  // second frame, written now or a few ms later as the load has it) follows it as written
  const [first, after] = firstOf(written);
  if (kept?.shown === undefined) process.stdout.write(written);
  // nothing written (not expected): Ink's next frame is drawn from the top left of a clear screen
  else process.stdout.write(first ? overdraw(kept.shown, first) + after : '\x1b[H\x1b[2J');
  // kept for the next start when it shows nothing of the kernel's; at once: a start killed
  // right after its first frame (the measure) still keeps it
  // the key whose frame the file now holds (none: it holds another's, or none was kept)
  let keptFor: string | undefined;
  // a first frame with the kernel's objects on it (the panes side by side) says the next
  // start's will have them too at this size: none is made at quit then
  const kernelAt = frameShows.kernel ? `${process.stdout.columns}x${process.stdout.rows}` : undefined;
  if (kept && first && first === kept.shown) keptFor = kept.key;
  else if (kept && first && !frameShows.kernel) {
    saveFrame(kept.key, first);
    keptFor = kept.key;
  }
  // On an exit by signal, Ink's own exit hook would draw its last frame after ours
  // ran, onto the learner's screen: unmount it first, then give the screen back.
  const onExit = () => {
    ink.unmount();
    leave();
  };
  process.once('exit', onExit);
  // a checkout's build, checked once the first frame is out (src/build-check.ts): a stale
  // one quits at once (as q does, once the lesson's start lets it), and bin starts again
  setImmediate(() => {
    if (!buildIsStale()) return;
    const quit = () => {
      if (store.getState().busy === 'quitting' || store.getState().finished) return;
      void store.getState().quit();
      setTimeout(quit, 20);
    };
    quit();
  });
  try {
    await ink.waitUntilExit();
  } finally {
    process.off('exit', onExit);
    leave();
  }
  const { quitReport, lang } = store.getState();
  if (!quitReport) return null;
  // a quit: the frame the next start will draw is kept now for its key (progress as saved
  // at quit), at exit, once the screen is given back, the report said and this run's
  // journal removed (the next start's key does not name it)
  if (kept && !options.play?.open) process.once('exit', () => keepNext(kept, keptFor, kernelAt, options, lessons, startLesson));

  const line = strings(lang).quitReport(quitReport.removed, quitReport.left);
  return options.ascii ? asciiText(line) : line;
}

/** At the exit after a quit: the first frame the next start with the same command line,
 *  terminal size and environment will draw, kept for its key, so that that start finds it
 *  (a session that ran steps changed progress.json, which is in the key). Nothing when the
 *  file already holds that key's frame (progress unchanged), when that frame would show the
 *  kernel's objects (as this start's did at this size), or when anything fails: the next start is then as without one. */
function keepNext(kept: FirstFrame, keptFor: string | undefined, kernelAt: string | undefined, options: TuiOptions, lessons: Lesson[], startLesson: (lesson: Lesson, lang?: () => Lang) => LessonRun): void {
  try {
    const { columns, rows } = process.stdout;
    if (!columns || !rows || kernelAt === `${columns}x${rows}`) return;
    const key = frameKey(kept.bundle, kept.argv, columns, rows);
    if (key === undefined || key === keptFor) return;
    const frame = nextFirstFrame(options, lessons, startLesson, columns, rows);
    // progress.json changed while the frame was made (another ipclab): not this key's frame
    if (frame === undefined || frameKey(kept.bundle, kept.argv, columns, rows) !== key) return;
    saveFrame(key, frame);
  } catch {
    // nothing kept: the next start draws its own first frame
  }
}

/** The bytes Ink writes as it first renders a new start of the tutorial (runTui's first
 *  frame, as the next start will make it: a new store, the options of this start, the
 *  progress as saved), rendered off the screen, to a stream of the terminal's size; undefined
 *  when that frame shows the kernel's objects. The store's start runs only its synchronous
 *  part for real (the lesson chosen, the progress read): what it would do after the frame
 *  (open the lesson, run steps again, load the flow) does nothing here. */
function nextFirstFrame(options: TuiOptions, lessons: Lesson[], startLesson: (lesson: Lesson, lang?: () => Lang) => LessonRun, columns: number, rows: number): string | undefined {
  const store = createAppStore(inert(realDeps(lessons, startLesson, process.env, options.play)), options);
  void store.getState().start({ lesson: options.lesson, restart: options.restart });
  let frame = '';
  const stdout = Object.assign(new EventEmitter(), {
    isTTY: true,
    columns,
    rows,
    write(chunk: string | Uint8Array) {
      frame += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    },
  });
  const stdin = Object.assign(new EventEmitter(), { isTTY: true, setRawMode: () => stdin, setEncoding: () => stdin, ref: () => stdin, unref: () => stdin, read: () => null });
  const stderr = Object.assign(new EventEmitter(), { write: () => true });
  frameShows.kernel = false;
  const ink = render(
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>,
    { stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, stderr: stderr as unknown as NodeJS.WriteStream, exitOnCtrlC: false, patchConsole: false, maxFps: 120 },
  );
  drawPending();
  // its first frame alone, as runTui keeps and compares it (firstOf)
  const [first] = firstOf(frame);
  const kernel = frameShows.kernel;
  ink.unmount();
  return kernel || !first ? undefined : first;
}

/** The real wiring, less everything that would act: no lesson started (its steps run
 *  again), no kernel object removed or attached, no file written, the flow never loaded. */
function inert(deps: AppDeps): AppDeps {
  const never = () => new Promise<never>(() => undefined);
  return {
    ...deps,
    startLesson: () => {
      throw new Error('the next start\'s first frame: no lesson is opened');
    },
    kernel: { ...deps.kernel, cleanupNow: () => undefined, endHelpers: () => undefined },
    peek: () => null,
    progress: { load: deps.progress.load, save: () => undefined, clear: () => undefined },
    loadFlow: never,
    play: { start: never, loadHistory: () => [], saveHistory: () => undefined, solved: () => undefined },
  };
}
