// Nothing of a lesson the learner left stays in memory: the real app (store, engine,
// Ink drawing every frame) goes through 20 lesson switches, running every step of each
// lesson, and afterwards every run but the current one, with its trace, must be
// collectable, and the objects on the heap after a full gc must not have grown. Ink draws into a
// terminal of our own that keeps only the newest frame (ink-testing-library keeps
// every frame ever drawn, which would be all the growth there is to see).
import { afterAll, describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { rmSync } from 'node:fs';
import { getHeapSnapshot, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import React from 'react';
import { render } from 'ink';
import { App } from '../../src/app/components/App.js';
import { StoreContext } from '../../src/app/context.js';
import { realDeps } from '../../src/app/deps.js';
import type { StoreAction } from '../../src/app/keymap.js';
import { createAppStore, type AppStore } from '../../src/app/store.js';
import { startLesson } from '../../src/lessons/engine.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { LessonRun, TraceEntry } from '../../src/lessons/types.js';
import { getpid, readSegments } from '../../src/native/index.js';
import { testTempDir } from '../helpers/temp-dir.js';

// a gc() of our own, without --expose-gc on vitest's worker command line
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const stateDirs: string[] = [];
afterAll(() => {
  for (const dir of stateDirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * Bytes of the heap's objects, V8's compiled code left out: bytecode, feedback and optimized
 * code (a heap snapshot's type "code") grow as functions warm up over the switches, about
 * 0.7 MB in 40 of them, and are V8's, not something the app keeps. Read from a snapshot
 * because the heap's spaces mix the two.
 */
async function objectBytes(): Promise<number> {
  let json = '';
  for await (const chunk of getHeapSnapshot()) json += chunk;
  const { snapshot, nodes } = JSON.parse(json) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[] };
  const fields = snapshot.meta.node_fields;
  const type = fields.indexOf('type');
  const size = fields.indexOf('self_size');
  const code = snapshot.meta.node_types[0].indexOf('code');
  let sum = 0;
  for (let i = 0; i < nodes.length; i += fields.length) if (nodes[i + type] !== code) sum += nodes[i + size];
  return sum;
}

/** Full collections until the heap stops shrinking; WeakRefs are cleared only between jobs. */
async function collect(): Promise<number> {
  let used = Infinity;
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, 0));
    gc();
    const now = process.memoryUsage().heapUsed;
    if (now >= used - 64 * 1024) break;
    used = now;
  }
  return objectBytes();
}

/** A terminal of 80x24 that keeps only the newest frame Ink wrote. */
class Screen extends EventEmitter {
  readonly columns = 80;
  readonly rows = 24;
  frame = '';
  write = (text: string) => {
    this.frame = text;
    return true;
  };
}

/** What Ink needs of a keyboard: keys reach the app through the store's dispatch here. */
class NoKeys extends EventEmitter {
  readonly isTTY = true;
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read() {
    return null;
  }
}

async function settle(store: AppStore): Promise<void> {
  const deadline = Date.now() + 20_000;
  await new Promise((res) => setTimeout(res, 0));
  while (store.getState().busy !== null) {
    if (Date.now() > deadline) throw new Error(`the app stayed busy (${store.getState().busy})`);
    await new Promise((res) => setTimeout(res, 5));
  }
}

async function act(store: AppStore, ...actions: StoreAction[]): Promise<void> {
  for (const action of actions) store.getState().dispatch(action);
  await settle(store);
}

/** Space until the lesson shown has run all its steps. */
async function runAll(store: AppStore): Promise<void> {
  const { lessons, lessonIndex } = store.getState();
  const steps = lessons[lessonIndex].steps.length;
  while (store.getState().done < steps) await act(store, 'run');
}

/** m, arrows to `index`, Enter: the learner's way to another lesson. */
async function switchTo(store: AppStore, index: number): Promise<void> {
  store.getState().dispatch('menu');
  const from = store.getState().menuCursor;
  for (let i = 0; i < Math.abs(index - from); i++) store.getState().dispatch(index > from ? 'menuDown' : 'menuUp');
  await act(store, 'menuOpen');
  // questions of the lesson left unanswered: the first Enter asks (fix15a#5), a second opens
  if (store.getState().ask?.kind === 'leave') await act(store, 'menuOpen');
  expect(store.getState().lessonIndex).toBe(index);
}

describe('memory across lesson switches', () => {
  it('20 switches, every step run: old runs and their traces are collected, the heap does not grow', async () => {
    const state = testTempDir('ipclab-memory-');
    stateDirs.push(state);
    const store = createAppStore(realDeps(LESSONS, startLesson, { XDG_STATE_HOME: state }), { lang: 'en', ascii: false, color: true, present: false });
    const screen = new Screen();
    const ink = render(React.createElement(StoreContext.Provider, { value: store }, React.createElement(App)), {
      stdout: screen as unknown as NodeJS.WriteStream,
      stdin: new NoKeys() as unknown as NodeJS.ReadStream,
      exitOnCtrlC: false,
      patchConsole: false,
      // every frame written whole: with CI set Ink would otherwise write none until unmount
      debug: true,
    });
    const runs: WeakRef<LessonRun>[] = [];
    const traces: WeakRef<readonly TraceEntry[]>[] = [];
    let current: LessonRun | null = null;
    const stop = store.subscribe((s) => {
      if (s.run && s.run !== current) {
        current = s.run;
        runs.push(new WeakRef(s.run));
      }
    });
    const cycle = ['shmget', 'shmctl', 'shmdt'].map((id) => LESSONS.findIndex((l) => l.id === id));
    try {
      await store.getState().start({ lesson: 'shmget', restart: true });
      await settle(store);
      // two rounds first: caches that are meant to fill (a drawing per diagram and width) fill here
      let baseline = 0;
      for (let i = 0; i < 20; i++) {
        await runAll(store);
        expect(store.getState().trace.length).toBeGreaterThan(5);
        traces.push(new WeakRef(store.getState().trace));
        await switchTo(store, cycle[(i + 1) % cycle.length]);
        if (i === 2 * cycle.length - 1) baseline = await collect();
      }
      // Ink really drew the lessons all along (its frames come at most 30 a second)
      const title = LESSONS[cycle[20 % cycle.length]].title.en;
      const deadline = Date.now() + 5000;
      while (!screen.frame.includes(title) && Date.now() < deadline) await new Promise((res) => setTimeout(res, 10));
      expect(screen.frame).toContain(title);
      const after = await collect();
      expect(runs.length).toBe(21);
      const kept = runs.slice(0, -1).flatMap((w) => w.deref()?.lesson.id ?? []);
      expect(kept, 'runs of lessons already left that are still reachable').toEqual([]);
      expect(traces.filter((w) => w.deref() !== undefined).length, 'traces of lessons already left that are still reachable').toBe(0);
      const grownMb = (after - baseline) / 2 ** 20;
      expect(grownMb, `objects on the heap after gc grew ${grownMb.toFixed(2)} MB over 14 switches`).toBeLessThan(1);
    } finally {
      stop();
      await store.getState().quit();
      ink.unmount();
    }
    expect(readSegments().filter((s) => s.cpid === getpid())).toEqual([]);
  }, 120_000);
});
