// The one way UI tests draw ipclab: the real App and store with the real wiring
// (lesson engine, native layer, progress file), rendered by ink-testing-library
// into its fake terminal, given the fixed size the test asks for (the library's
// is always 100 columns and has no rows). Every key goes through Ink's own input
// parsing; frames come back with and without their colour codes.
import { CHECK_READ_MS, checkJustShown, quizPlace } from '../../src/app/store/quiz.js';
import { atLessonEnd, questionHidden } from '../../src/app/store/turn.js';
import { AT_QUESTION } from '../../src/app/store/panes.js';
import React from 'react';
import { rmSync } from 'node:fs';
import { render } from 'ink-testing-library';
// Ink's own map of its instances (not among the package's exports): the one drawing this test's frames
import inkInstances from '../../node_modules/ink/build/instances.js';
import { afterAll, afterEach } from 'vitest';
import { App } from '../../src/app/components/App.js';
import { StoreContext } from '../../src/app/context.js';
import { realDeps } from '../../src/app/deps.js';
import { createAppStore, type AppStore } from '../../src/app/store.js';
import { startLesson } from '../../src/lessons/engine.js';
import type { Lesson } from '../../src/lessons/types.js';
import type { Lang } from '../../src/lang.js';
import { testTempDir } from './temp-dir.js';
import { cells, graphemes } from '../../src/app/text-fit.js';

/** Escape sequences of the keys tests press, as a terminal sends them. */
export const KEYS = {
  space: ' ',
  enter: '\r',
  right: '\x1b[C',
  left: '\x1b[D',
  up: '\x1b[A',
  down: '\x1b[B',
  pageUp: '\x1b[5~',
  pageDown: '\x1b[6~',
  tab: '\t',
  escape: '\x1b',
  ctrlC: '\x03',
  backspace: '\x7f',
} as const;

export interface RenderOptions {
  width: number;
  height: number;
  lessons: Lesson[];
  lang?: Lang;
  ascii?: boolean;
  color?: boolean;
  present?: boolean;
  /** checkpoints and checks (false: --no-quiz); default on */
  quiz?: boolean;
  /** start options (as from --lesson / --restart) */
  lesson?: string;
  restart?: boolean;
  /** environment for the progress file location (defaults to process.env) */
  env?: NodeJS.ProcessEnv;
  /** start in the playground (as `ipclab play`), with these options, instead of a lesson */
  play?: { allowForeign?: boolean; challenge?: string };
  /** false: a Space at a question with no answer picked only asks, as for a learner; default:
   *  waitFor answers the ask as a learner who answers nothing would, pressing Space again and
   *  the Spaces the ask dropped (store/turn.ts runShown), so a test of other things runs steps as before */
  asks?: boolean;
}

export interface Rendered {
  store: AppStore;
  /** the newest full frame, as the terminal shows it (colour codes removed) */
  frame(): string;
  /** the same with its colour and attribute codes */
  rawFrame(): string;
  lines(): string[];
  press(...keys: string[]): Promise<void>;
  /** polls the frame (and the store) until `check` passes or the deadline ends; returns the frame */
  waitFor(check: (frame: string) => boolean, what: string, timeoutMs?: number): Promise<string>;
  resize(width: number, height: number): void;
  /** q (Ctrl-C twice in the playground): the app's own quit path; resolves when its cleanup is done */
  quit(): Promise<void>;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07/g;

/** Text of the runs drawn in inverse video (highlighted steps, lit flow, selected tab). */
export function inverseSpans(raw: string): string[] {
  const spans: string[] = [];
  let inverse = false;
  let current = '';
  // eslint-disable-next-line no-control-regex
  for (const part of raw.split(/(\x1b\[[0-9;]*m)/)) {
    const sgr = /^\x1b\[([0-9;]*)m$/.exec(part);
    if (!sgr) {
      if (inverse) current += part;
      continue;
    }
    for (const code of sgr[1].split(';').map(Number)) {
      const was = inverse;
      if (code === 7) inverse = true;
      else if (code === 27 || code === 0) inverse = false;
      if (was && !inverse && current) {
        spans.push(current);
        current = '';
      }
    }
  }
  if (current) spans.push(current);
  return spans;
}

export async function renderApp(opts: RenderOptions): Promise<Rendered> {
  const store = createAppStore(realDeps(opts.lessons, startLesson, opts.env, { allowForeign: false, ...opts.play }), {
    lang: opts.lang ?? 'en',
    ascii: opts.ascii ?? false,
    color: opts.color ?? true,
    present: opts.present ?? false,
    quiz: opts.quiz ?? true,
  });
  const ui = render(
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>,
  );
  let size = '';
  const resize = (width: number, height: number) => {
    // a terminal says nothing when its size stays (no SIGWINCH); Ink would draw the whole frame again
    if (size === `${width}x${height}`) return;
    size = `${width}x${height}`;
    Object.defineProperty(ui.stdout, 'columns', { value: width, configurable: true });
    Object.defineProperty(ui.stdout, 'rows', { value: height, configurable: true });
    ui.stdout.emit('resize');
  };
  resize(opts.width, opts.height);
  // Ink draws a frame as each React commit ends, and ink-testing-library (debug mode) every
  // one: a walk's thousands, most of them never read (a run commits some ten times), and Ink's
  // renderer -- the tree laid out into text, each line's width measured -- took a third of a
  // walk's time. Here a commit only marks the frame stale, and a read draws it: the text Ink
  // would have written last, from the same tree. (The layout is still computed at each commit,
  // before the layout effects that measure the panes.)
  const ink = inkInstances.get(ui.stdout as unknown as NodeJS.WriteStream) as unknown as { rootNode: { onRender: () => void }; onRender: () => void };
  let stale = false;
  ink.rootNode.onRender = () => {
    stale = true;
  };
  const rawFrame = () => {
    if (stale) {
      stale = false;
      ink.onRender();
    }
    return ui.lastFrame() ?? '';
  };
  // the frame without its codes, kept for the frame it came from (a check reads it many times)
  let stripped = { raw: '', text: '' };
  const frame = () => {
    const raw = rawFrame();
    if (raw !== stripped.raw) stripped = { raw, text: raw.replace(ANSI, '').replace(/\n$/, '') };
    return stripped.text;
  };
  // the Spaces a question's ask dropped (forgetQueued), pressed again once it is answered
  let dropped = 0;
  if (opts.asks !== false) {
    const forget = store.getState().forgetQueued;
    store.setState({ forgetQueued: () => ((dropped += forget()), 0) });
  }
  // a Space that brought the question into view (the result of the step before shown first,
  // store/turn.ts questionBehind): pressed again, as a learner who does not answer would
  let opened = false;
  if (opts.asks !== false) {
    const open = store.getState().openQuestion;
    store.setState({ openQuestion: () => ((opened = true), open()) });
  }
  const answerAsk = () => {
    const st = store.getState();
    if (opened && st.busy === null && st.ask === null) {
      opened = false;
      st.runShown();
    }
    if (opts.asks === false || st.ask?.kind !== 'run' || st.busy !== null) return;
    st.runShown();
    for (; dropped > 0; dropped--) store.getState().runShown();
  };
  const waitFor = async (check: (f: string) => boolean, what: string, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    for (let polls = 0; ; polls++) {
      answerAsk();
      const f = frame();
      if (check(f)) return f;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen shows:\n${f}`);
      // first after the work already queued (React draws a key's or a resize's frame in a
      // setImmediate): most waits end there, not 10 ms later
      await new Promise((r) => (polls === 0 ? setImmediate(r) : setTimeout(r, 10)));
    }
  };
  await waitFor((f) => f.split('\n').length === opts.height, `a frame of ${opts.height} lines`);
  if (opts.play) store.getState().openPlay();
  else await store.getState().start({ lesson: opts.lesson, restart: opts.restart ?? false });
  return {
    store,
    frame,
    rawFrame,
    lines: () => frame().split('\n'),
    async press(...keys) {
      for (const k of keys) {
        ui.stdin.write(k);
        // let React commit the update before the next key
        await new Promise((r) => setImmediate(r));
      }
    },
    waitFor,
    resize,
    async quit() {
      // over help q closes it, as any key does (fix15a2#1): close it first
      if (store.getState().overlay === 'help') store.getState().dispatch('close');
      // in the your-turn form q is a letter: leave the form first
      if (store.getState().turnFocus !== null) store.getState().turnCancel();
      // in the playground q is text: Ctrl-C twice quits there
      if (store.getState().screen === 'play' && store.getState().overlay === 'none') {
        ui.stdin.write('\x03');
        await new Promise((r) => setImmediate(r));
        ui.stdin.write('\x03');
      } else ui.stdin.write('q');
      const deadline = Date.now() + 10_000;
      while (!store.getState().finished) {
        if (Date.now() > deadline) throw new Error('the app did not finish quitting within 10 s');
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}

export type DrawOptions = Partial<RenderOptions> & {
  width: number;
  height: number;
  /** the state folder of an earlier drawing (its progress file), instead of a new one */
  state?: string;
};

/**
 * One test file's way to draw the app: `defaults` under each call's options, each
 * drawing with a state folder of its own (progress file, run journals) unless it names
 * one. After each test every app still open quits through its own path, so nothing
 * stays in the kernel; after the file the folders go. Call it at the top of the file:
 * it registers those hooks (a file's own afterEach registered before it runs after them).
 */
export function appDrawer(name: string, defaults: Partial<RenderOptions> & { lessons: Lesson[] }): (opts: DrawOptions) => Promise<Rendered & { state: string }> {
  const open: Rendered[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const r of open.splice(0)) if (!r.store.getState().finished) await r.quit();
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  return async ({ state: given, ...opts }) => {
    let state = given;
    if (state === undefined) {
      state = testTempDir(`ipclab-${name}-`);
      dirs.push(state);
    }
    const r = await renderApp({ ...defaults, env: { XDG_STATE_HOME: state }, ...opts });
    open.push(r);
    return Object.assign(r, { state });
  };
}

/** The rows inside the frame whose top border starts with `title` at the left edge: from
 *  below it to above its bottom border. */
export function paneRows(lines: string[], title: string): string[] {
  const top = lines.findIndex((l) => l.startsWith(`┌─ ${title}`));
  if (top < 0) return [];
  const bottom = lines.findIndex((l, i) => i > top && l.startsWith('└'));
  return lines.slice(top + 1, bottom);
}

/** Tab until `tab` is the pane shown (side by side: in focus), as a learner does: a run shows the
 *  pane its result is in (src/lessons/result-pane.ts), so how many Tabs that takes depends on the
 *  step run last. */
export async function tabTo(r: Rendered, tab: 'flow' | 'kernel' | 'trace' | 'code'): Promise<void> {
  for (let i = 0; i < 4 && r.store.getState().tab !== tab; i++) {
    const was = r.store.getState().tab;
    await r.press(KEYS.tab);
    await r.waitFor(() => r.store.getState().tab !== was, 'Tab: the next pane');
  }
  await r.waitFor(() => r.store.getState().tab === tab, `the ${tab} pane shown`);
}

/** Makes the check's question `question` as readable as after the learner's half second on it
 *  (store/quiz.ts CHECK_READ_MS: a key sooner is not taken): the time it came on screen moved
 *  back by that much, not waited out. Nothing on screen changes with that time (a key is judged
 *  against it when it comes), and the walks' waits were a third of their time; the rule itself is
 *  tested with the real clock (tests/quiz/keys-together, tests/app/ask-first). */
export async function checkReadable(r: Rendered, question: number): Promise<void> {
  const { checkShown: shown } = r.store.getState();
  if (shown?.question === question && checkJustShown(r.store.getState(), question)) r.store.setState({ checkShown: { ...shown, at: Date.now() - CHECK_READ_MS } });
  await r.waitFor(() => !checkJustShown(r.store.getState(), question), `check question ${question + 1} readable`);
}

/** The key a learner walking on with no answers presses now (s29n): x at a check question in
 *  view (once it takes keys), Enter at the lesson's end (Space goes no further there), else Space. */
export async function onwardKey(r: Rendered): Promise<string> {
  const st = r.store.getState();
  const place = quizPlace(st);
  if (place?.kind === 'check' && !questionHidden(st)) {
    await checkReadable(r, place.question);
    return 'x';
  }
  return atLessonEnd(st) ? KEYS.enter : KEYS.space;
}

/** Waits until `steps` steps have run and nothing is busy. A step whose question has no answer
 *  picked asks on the first Space ("no answer picked: Space again runs…", store/turn.ts runShown):
 *  here the second Space is pressed for it, as a learner who does not answer would. */
/** Where the next question waits behind Enter after a run (or a pane is zoomed over it), Enter
 *  shows it, as a learner who reads "▸ Enter shows the question" does: a digit, x or h would only
 *  show it (store/turn.ts questionHidden, fix18a#3). */
export async function questionShown(r: Rendered): Promise<void> {
  if (!questionHidden(r.store.getState())) return;
  await r.press(KEYS.enter);
  await r.waitFor(() => !questionHidden(r.store.getState()), 'the question shown');
}

export async function ran(r: Rendered, steps: number): Promise<void> {
  // the Spaces pressed ahead are dropped at such a question, and while a step runs: the steps left are run here
  let asked = false;
  await r.waitFor(() => {
    const st = r.store.getState();
    // a Space that brought the question into view, the result shown first (store/turn.ts questionBehind): one more asks
    if (st.busy === null && st.done < steps && st.ask === null && !asked && st.opened[st.done] && st.guesses[st.done] === undefined) st.runShown();
    // a Space that brought the rest of the step into view (store/turn.ts spaceShowsRest; the pane
    // drew this state, scrolled from where the run left it): one more runs it, as a learner's would
    const shown = st.resultShown;
    const drawn = shown?.lesson === st.lessonIndex && shown.done === st.done && shown.view === st.view;
    if (st.busy === null && st.done < steps && st.ask === null && !asked && st.view === st.done && drawn && (shown.rest !== null || st.scroll.lesson !== AT_QUESTION) && !questionHidden(st)) st.runShown();
    if (st.busy === null && st.done < steps && (st.ask?.kind === 'run' || asked)) {
      asked = true;
      if (st.ask?.kind !== 'run') st.runShown();
      if (r.store.getState().ask?.kind === 'run') r.store.getState().runShown();
    }
    // a Space pressed while a step ran runs nothing (the next step was not on screen: fix28b#1):
    // once the pane drew the step shown (or no pane draws), one more Space, as a learner's
    const now = r.store.getState();
    const nowShown = now.resultShown;
    const nowDrawn = !nowShown || (nowShown.lesson === now.lessonIndex && nowShown.done === now.done && nowShown.view === now.view);
    if (now.busy === null && now.done < steps && now.ask === null && !asked && now.view === now.done && nowDrawn) now.runShown();
    return st.done === steps && st.busy === null;
  }, `step ${steps} run`, 30_000);
}

/** A screen row as cells, as a terminal draws it: a wide character's second cell is ''. */
export function screenCells(row: string): string[] {
  return [...graphemes(row)].flatMap((g) => (cells(g) === 2 ? [g, ''] : [g]));
}
