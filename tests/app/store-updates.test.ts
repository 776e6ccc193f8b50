// The store follows a running lesson without redrawing for nothing: a step's calls
// reach the store once per event-loop turn, and a field whose content did not change
// keeps its value (components select these fields; a new but equal array or object
// would cost a React commit and a full Ink frame).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realDeps } from '../../src/app/deps.js';
import { createAppStore, type AppStore } from '../../src/app/store.js';
import { startLesson } from '../../src/lessons/engine.js';
import { getpid, readSegments } from '../../src/native/index.js';
import { fixtureLesson } from './fixture-lesson.js';

const stateDirs: string[] = [];
afterAll(() => {
  for (const dir of stateDirs) rmSync(dir, { recursive: true, force: true });
});

async function idle(store: AppStore): Promise<void> {
  const deadline = Date.now() + 10_000;
  do {
    if (Date.now() > deadline) throw new Error(`the store stayed busy (${store.getState().busy})`);
    await new Promise((r) => setTimeout(r, 5));
  } while (store.getState().busy !== null);
}

describe('store updates while a lesson runs', () => {
  it('a step sets the trace once per turn and leaves unchanged fields as they were', async () => {
    const state = mkdtempSync(join(tmpdir(), 'ipclab-store-'));
    stateDirs.push(state);
    const store = createAppStore(realDeps([fixtureLesson()], startLesson, { XDG_STATE_HOME: state }), { lang: 'en', ascii: false, color: true, present: false });
    try {
      await store.getState().start({ restart: true });
      await idle(store);
      const before = store.getState();
      const traces: number[] = [];
      let updates = 0;
      const stop = store.subscribe((s, prev) => {
        updates++;
        if (s.trace !== prev.trace) traces.push(s.trace.length);
      });
      // step 2 attaches and writes: shmat, then the step's end, all in one turn
      for (let i = 0; i < 2; i++) {
        store.getState().dispatch('run');
        await idle(store);
      }
      stop();
      const after = store.getState();
      expect(after.done).toBe(2);
      expect(after.trace.filter((e) => e.type === 'call').map((e) => (e as { call: string }).call)).toEqual(['shmget', 'shmat']);
      expect(traces).toEqual([1, 2]);
      // per step: busy on, the step shown, the kernel as it was before it (the marks of
      // what it changed), its result, the kernel, busy off, and the run's own reports
      // once per turn (not once per call and per busy flag: 21 before)
      expect(updates).toBeLessThanOrEqual(16);
      // no step failed: the very same objects, so nothing that selects them drew again
      expect(after.problems).toBe(before.problems);
      expect(after.processes).toBe(before.processes);
      expect(after.decoded).toBe(null);
    } finally {
      await store.getState().quit();
    }
    expect(readSegments().filter((s) => s.cpid === getpid())).toEqual([]);
  });
});
