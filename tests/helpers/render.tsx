// The one way UI tests draw ipclab: the real App and store with the real wiring
// (lesson engine, native layer, progress file), into a fake terminal of a fixed
// size. Frames are plain text (no colour codes), every key goes through Ink's own
// input parsing. Modelled on ink-testing-library, whose terminal is always 100
// columns wide; this one takes the size the test asks for and can be resized.
import React from 'react';
import { EventEmitter } from 'node:events';
import type { Instance } from 'ink';
import type { AppStore } from '../../src/app/store.js';
import type { Lesson } from '../../src/lessons/types.js';
import type { Lang } from '../../src/lang.js';

// Test workers have no terminal, so chalk (inside Ink) would drop every attribute;
// frames must carry them to show what is highlighted. Set before Ink is loaded.
process.env.FORCE_COLOR = '1';

class FakeStdout extends EventEmitter {
  frames: string[] = [];
  isTTY = true;
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write(data: string) {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  }
  read = () => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

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
} as const;

export interface RenderOptions {
  width: number;
  height: number;
  lessons: Lesson[];
  lang?: Lang;
  ascii?: boolean;
  color?: boolean;
  present?: boolean;
  /** start options (as from --lesson / --restart) */
  lesson?: string;
  restart?: boolean;
  /** environment for the progress file location (defaults to process.env) */
  env?: NodeJS.ProcessEnv;
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
  /** q: the app's own quit path; resolves when the app has unmounted */
  quit(): Promise<void>;
  unmount(): void;
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
  const [{ render: inkRender }, { App }, { StoreContext }, { realDeps }, { createAppStore }, { startLesson }] = await Promise.all([
    import('ink'),
    import('../../src/app/components/App.js'),
    import('../../src/app/context.js'),
    import('../../src/app/deps.js'),
    import('../../src/app/store.js'),
    import('../../src/lessons/engine.js'),
  ]);
  const stdout = new FakeStdout(opts.width, opts.height);
  const stdin = new FakeStdin();
  const store = createAppStore(realDeps(opts.lessons, startLesson, opts.env), {
    lang: opts.lang ?? 'en',
    ascii: opts.ascii ?? false,
    color: opts.color ?? true,
    present: opts.present ?? false,
  });
  const instance: Instance = inkRender(
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>,
    {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stderr: new FakeStdout(opts.width, opts.height) as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  const exited = instance.waitUntilExit();
  let unmounted = false;
  const frame = () => (stdout.frames.at(-1) ?? '').replace(ANSI, '').replace(/\n$/, '');
  const waitFor = async (check: (f: string) => boolean, what: string, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const f = frame();
      if (check(f)) return f;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen shows:\n${f}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  await store.getState().start({ lesson: opts.lesson, restart: opts.restart ?? false });
  return {
    store,
    frame,
    rawFrame: () => stdout.frames.at(-1) ?? '',
    lines: () => frame().split('\n'),
    async press(...keys) {
      for (const k of keys) {
        stdin.write(k);
        // let React commit the update before the next key
        await new Promise((r) => setImmediate(r));
      }
    },
    waitFor,
    resize(width, height) {
      stdout.columns = width;
      stdout.rows = height;
      stdout.emit('resize');
    },
    async quit() {
      stdin.write('q');
      await exited;
      unmounted = true;
    },
    unmount() {
      if (unmounted) return;
      unmounted = true;
      instance.unmount();
    },
  };
}
