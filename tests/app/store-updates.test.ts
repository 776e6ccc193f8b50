// The store follows a running lesson without redrawing for nothing: a step's calls
// reach the store once per event-loop turn, and a field whose content did not change
// keeps its value (components select these fields; a new but equal array or object
// would cost a React commit and a full Ink frame).
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { realDeps } from '../../src/app/deps.js';
import { createAppStore, type AppStore } from '../../src/app/store.js';
import { startLesson } from '../../src/lessons/engine.js';
import { getpid, readSegments } from '../../src/native/index.js';
import { fixtureLesson } from './fixture-lesson.js';
import { testTempDir } from '../helpers/temp-dir.js';

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

/** The fixture lesson's store with a state folder of its own, started, idle and its flow library
 *  loaded (the start loads it, progress.ts: its one update is the opening's, not a step's, and
 *  landed among a step's when the load took longer than the start) */
async function startedStore() {
  const state = testTempDir('ipclab-store-');
  stateDirs.push(state);
  const store = createAppStore(realDeps([fixtureLesson()], startLesson, { XDG_STATE_HOME: state }), { lang: 'en', ascii: false, color: true, present: false });
  await store.getState().start({ restart: true });
  await idle(store);
  const deadline = Date.now() + 10_000;
  while (store.getState().flow === null) {
    if (Date.now() > deadline) throw new Error('the flow library did not load within 10 s');
    await new Promise((r) => setTimeout(r, 5));
  }
  return store;
}

describe('store updates while a lesson runs', () => {
  it('a step sets the trace once per turn and leaves unchanged fields as they were', async () => {
    const store = await startedStore();
    try {
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
      // once per turn (not once per call and per busy flag: 21 before); 16 on a quiet machine, and
      // on a loaded one a report of the run may arrive in a turn of its own (17 seen at load 12).
      // The result's pane shown (store/run.ts showResultPane) costs 2 more: step 1's result is in
      // the Kernel, not the Flow the lesson opened on, so its tab is set (panes.ts show), and the
      // status line's "step 1's result: Kernel pane shown" is cleared by step 2's key (step 2's
      // result is in the Kernel too: no set). 18 + 2; 18 seen on a quiet machine (23 when the
      // switch came in: a tabByHand set and a followed set per step that changed nothing, fixed)
      expect(updates).toBeLessThanOrEqual(20);
      // no step failed: the very same objects, so nothing that selects them drew again
      expect(after.problems).toBe(before.problems);
      expect(after.processes).toBe(before.processes);
      expect(after.decoded).toBe(null);
    } finally {
      await store.getState().quit();
    }
    expect(readSegments().filter((s) => s.cpid === getpid())).toEqual([]);
  });
  it('a step counts as running until its run is over and the kernel read again: the update that ends it holds the kernel as it is', async () => {
    const store = await startedStore();
    try {
      const ends: { step: number; shown: number[]; kernel: number[]; busy: string | null }[] = [];
      const running: (number | null)[] = [];
      const ids = (list: readonly { shmid: number }[]) => list.map((x) => x.shmid).sort((a, b) => a - b);
      const stop = store.subscribe((s, prev) => {
        if (s.runningStep !== prev.runningStep) running.push(s.runningStep);
        if (prev.runningStep !== null && s.runningStep === null) {
          ends.push({ step: prev.runningStep, shown: ids(s.segments), kernel: ids(readSegments().filter((x) => x.cpid === getpid())), busy: s.busy });
        }
      });
      // the fixture's four steps: create, attach and write, IPC_RMID while attached, detach (the segment goes)
      for (let i = 0; i < 4; i++) {
        store.getState().dispatch('run');
        await idle(store);
      }
      stop();
      expect(running).toEqual([0, null, 1, null, 2, null, 3, null]);
      expect(ends.map((e) => e.step)).toEqual([0, 1, 2, 3]);
      for (const e of ends) {
        // the same update says the step is over (not busy) and shows the kernel it left
        expect(e.busy, `step ${e.step + 1}`).toBe(null);
        expect(e.shown, `step ${e.step + 1}`).toEqual(e.kernel);
      }
      expect(ends[3].shown).toEqual([]);
      expect(ends[0].shown).toHaveLength(1);
    } finally {
      await store.getState().quit();
    }
    expect(readSegments().filter((s) => s.cpid === getpid())).toEqual([]);
  });
});
