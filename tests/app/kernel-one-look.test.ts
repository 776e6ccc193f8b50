// The Kernel pane's two tables read from the same moment while a step runs: the segments' nattch
// and the processes' "attached" come from one look at the kernel (/proc/sysvipc/shm and each
// process's /proc/PID/maps, store/kernel.ts mapped), not the segment table from the look and the
// processes' from the lesson's list, which changes when its step says so (issue 16, s35g#4: shmat 8
// running showed nattch 0* beside "lesson 23330 mapped yes", "no*" only after the run). shmat run
// to a step that leaves its segment unmapped by ipclab's process; then, as a step would mid-run,
// this process (the lesson's own) maps it: the same look reads nattch one higher and "attached"
// yes, the lesson's list still saying no. Real store, lesson engine and kernel.
import { describe, expect, it } from 'vitest';
import { appDrawer, ran } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';
import { processesAsRead } from '../../src/app/store/kernel.js';
import { shmat, shmdt } from '../../src/native/index.js';

const draw = appDrawer('kernel-one-look', { lessons: LESSONS });
const shmat8 = LESSONS.find((l) => l.id === 'shmat')!;

describe('the Kernel pane reads nattch and attached at one look', () => {
  it('shmat: a mapping made mid-step shows in both tables at the same look', async () => {
    const r = await draw({ width: 120, height: 34, lesson: 'shmat', quiz: false });
    await r.waitFor(() => r.store.getState().run !== null && r.store.getState().busy === null, 'the lesson open');
    // the first step after which the lesson's process maps nothing and one of its segments is listed
    let shmid: number | undefined;
    for (let k = 0; k < shmat8.steps.length && shmid === undefined; k++) {
      await ran(r, k + 1);
      const st = r.store.getState();
      const me = st.processes.find((p) => p.pid === process.pid);
      if (me && !me.attached && st.focus !== null && st.segments.some((s) => s.shmid === st.focus)) shmid = st.focus;
    }
    expect(shmid).toBeDefined();
    const nattch = () => r.store.getState().segments.find((s) => s.shmid === shmid)!.nattch;
    const was = nattch();
    r.store.setState({ busy: 'running' });
    const { segment } = shmat(shmid!);
    try {
      r.store.getState().refreshKernel(true);
      const st = r.store.getState();
      const me = processesAsRead(st.processes, st.mapped).find((p) => p.pid === process.pid)!;
      expect(nattch()).toBe(was + 1);
      // the lesson's list, written by its steps, says no; the look says yes, with nattch
      expect(st.processes.find((p) => p.pid === process.pid)!.attached).toBe(false);
      expect(me.attached).toBe(true);
    } finally {
      if (segment) shmdt(segment);
      r.store.setState({ busy: null });
      r.store.getState().refreshKernel(true);
    }
    // at rest the lesson's list is the table's source again
    expect(r.store.getState().mapped).toEqual([]);
  }, 120_000);
});
