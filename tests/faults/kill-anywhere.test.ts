// Kill at every moment: each lesson is run, SIGKILLed at moments spread over its
// measured length, and followed by `ipclab clean`; nothing of the run may be left
// (segments its processes made, queues and sets under its keys, its processes, its temp
// folders, its journal).
// CI kills each lesson a few times; `npm run soak` sets IPCLAB_SOAK_KILLS for many more.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
// @ts-expect-error: a plain .mjs script, typed by use
import { probe } from '../../scripts/kill-probe.mjs';

interface Result {
  lesson: string;
  killAt: number | null;
  signal: string | null;
  cleanStatus: number | null;
  cleanOut: string;
  count: number;
  left: Record<string, unknown[]>;
}

const KILLS = Number(process.env.IPCLAB_SOAK_KILLS ?? 3);

describe('kill -9 at any moment, then ipclab clean: nothing left', () => {
  for (const lesson of LESSONS) {
    it(`${lesson.id}: ${KILLS} kills spread over its run`, { timeout: 20_000 * (KILLS + 1) }, async () => {
      const results = (await probe({ lessons: [lesson.id], kills: KILLS })) as Result[];
      expect(results).toHaveLength(KILLS + 1);
      for (const r of results) {
        const at = r.killAt === null ? 'the measured run' : `kill at ${r.killAt} ms`;
        expect(r.cleanStatus, `${at}: clean said ${r.cleanOut}`).toBe(0);
        expect(r.left, `${at}: clean said ${r.cleanOut}`).toEqual({ processes: [], segments: [], queues: [], sets: [], folders: [], journals: [] });
      }
      // at least one kill hit the run while it was going, or the test proved nothing
      expect(results.some((r) => r.killAt !== null && r.signal === 'SIGKILL')).toBe(true);
    });
  }
});
