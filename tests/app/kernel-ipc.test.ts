// The Kernel pane with message queues and semaphore sets: ipcs-style sections that
// appear only when there are objects, fit an 80x24 screen's pane, and follow the kernel
// (a semaphore's value and waiters are re-read at every poll: /proc does not show them).
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { kernelLines, type TableMarks } from '../../src/app/components/kernel-view.js';
import { layoutFor } from '../../src/app/layout.js';
import { lineText, lineWidth } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import { cells } from '../../src/app/text-fit.js';
import { realDeps } from '../../src/app/deps.js';
import { createAppStore } from '../../src/app/store.js';
import { startLesson } from '../../src/lessons/engine.js';
import { IPC_PRIVATE, cleanupNow, msgget, msgsnd, semctlGetncnt, semctlSetall, semget, semop, semopAsync } from '../../src/native/index.js';
import type { QueueRecord, SemaphoreRecord } from '../../src/native/types.js';
import { fixtureLesson } from './fixture-lesson.js';
import { testTempDir } from '../helpers/temp-dir.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  cleanupNow();
});

const queue: QueueRecord = {
  key: '0x00000000', msqid: 98304, owner: 'root', perms: '600', usedBytes: 5, messages: 1, lspid: 4242, lrpid: 0,
  uid: 0, gid: 0, cuid: 0, cgid: 0, stime: 1_700_000_000, rtime: 0, ctime: 1_700_000_000, ours: true,
};
const set: SemaphoreRecord = {
  key: '0x1d00beef', semid: 32769, owner: 'root', perms: '600', nsems: 3, uid: 0, gid: 0, cuid: 0, cgid: 0, otime: 0, ctime: 1_700_000_000, ours: true,
  sems: [
    { semnum: 0, semval: 0, sempid: 4242, semncnt: 1, semzcnt: 0 },
    { semnum: 1, semval: 1, sempid: 0, semncnt: 0, semzcnt: 0 },
    { semnum: 2, semval: 0, sempid: 0, semncnt: 0, semzcnt: 0 },
  ],
  semsError: null,
};
const marks: TableMarks = { owners: { lesson: new Set(), ipclab: new Set() }, lessonQueues: new Set([98304]), before: null, mark: null, ascii: false };

describe('Kernel pane: queues and sets', () => {
  it('at 80x24 shows a queue and a set with each semaphore, no empty segment table, every line within the pane', () => {
    const layout = layoutFor(80, 24, 8);
    if (layout.mode !== 'tabs') throw new Error(`80x24 is ${layout.mode}`);
    for (const lang of ['en', 'zh'] as const) {
      const s = strings(lang);
      const width = layout.tabs.w - 2;
      const lines = kernelLines({ segments: [], queues: [queue], semaphores: [set], focus: null, stat: null, dump: null, decoded: null, processes: [], marks, lang, s }, width, layout.tabs.h - 2);
      const text = lines.map(lineText);
      for (const l of lines) expect(lineWidth(l)).toBeLessThanOrEqual(width);
      expect(text).not.toContain(s.noSegments);
      // two kinds of table: each has its title, in a short pane as in a tall one (one rule)
      expect(text).toContain(s.queuesHead);
      expect(text).toContain(s.setsHead);
      expect(text).toContainEqual(expect.stringMatching(/^● 0x00000000 +98304 +root +600 +5 +1 +4242 +0$/)); // the lesson's queue
      expect(text).toContainEqual(expect.stringMatching(/^○ 0x1d00beef +32769 +root +600 +3$/)); // another of ipclab's
      expect(text).toContainEqual(expect.stringMatching(/^ +semnum +semval +semncnt +semzcnt +sempid$/));
      const waiting = lines.find((l) => /^ +0 +0 +1 +0 +4242$/.test(lineText(l)))!;
      expect(waiting.some((r) => r.tone === 'active')).toBe(true); // a process waits on it: it stands out
      // too many rows for the pane: no blank line between the sections
      expect(text).not.toContain('');
      // with room, the same titles, and a blank line before each section
      const roomy = kernelLines({ segments: [], queues: [queue], semaphores: [set], focus: null, stat: null, dump: null, decoded: null, processes: [], marks, lang, s }, width, 20).map(lineText);
      expect(roomy.filter((l) => l !== '')).toEqual(text);
      expect(roomy[roomy.indexOf(s.setsHead) - 1]).toBe('');
      // one kind: no title, whatever the height (the column names say what the rows are)
      for (const h of [layout.tabs.h - 2, 20]) {
        const one = kernelLines({ segments: [], queues: [], semaphores: [set], focus: null, stat: null, dump: null, decoded: null, processes: [], marks, lang, s }, width, h).map(lineText);
        expect(one).not.toContain(s.setsHead);
      }
    }
  });

  it('says why the semaphores of a set cannot be read, and shows segments as before when there are any', () => {
    const s = strings('zh');
    const hidden = { ...set, sems: null, semsError: 'EACCES' };
    const lines = kernelLines({ segments: [], queues: [], semaphores: [hidden], focus: null, stat: null, dump: null, decoded: null, processes: [], marks, lang: 'zh', s }, 78, 20).map(lineText);
    expect(lines).toContain(`    ${s.semsUnread('EACCES')}`);
    expect(lines.some((l) => l.startsWith(' '.repeat(4)) && l.includes('semnum'))).toBe(false);
    const none = kernelLines({ segments: [], queues: [], semaphores: [], focus: null, stat: null, dump: null, decoded: null, processes: [], marks, lang: 'zh', s }, 78, 20).map(lineText);
    // nothing at all (a queue lesson after IPC_RMID): one sentence says no object of any kind is left, wrapped whole at the pane
    expect(none.join('')).toBe(s.noObjects);
    expect(none.every((l) => cells(l) <= 78)).toBe(true);
    expect(none.some((l) => l.includes('shmid'))).toBe(false);
  });

  it('the store lists ipclab\'s queues and sets from the kernel and follows a waiting semop', async () => {
    const state = testTempDir('ipclab-store-');
    dirs.push(state);
    const store = createAppStore(realDeps([fixtureLesson()], startLesson, { XDG_STATE_HOME: state }), { lang: 'en', ascii: false, color: true, present: false });
    const q = msgget(IPC_PRIVATE, 0o600).ret as number;
    msgsnd(q, 1, 'hello');
    const sid = semget(IPC_PRIVATE, 2, 0o600).ret as number;
    semctlSetall(sid, [0, 4]);
    store.getState().refreshKernel();
    expect(store.getState().queues.find((x) => x.msqid === q)).toMatchObject({ usedBytes: 5, messages: 1, lspid: process.pid, ours: true });
    expect(store.getState().semaphores.find((x) => x.semid === sid)!.sems!.map((v) => v.semval)).toEqual([0, 4]);

    const waiting = semopAsync(sid, [{ num: 0, op: -1 }]);
    const deadline = Date.now() + 10_000;
    while (semctlGetncnt(sid, 0).ret !== 1) {
      if (Date.now() > deadline) throw new Error('semop did not wait');
      await new Promise((r) => setTimeout(r, 10));
    }
    store.getState().refreshKernel();
    expect(store.getState().semaphores.find((x) => x.semid === sid)!.sems![0]).toMatchObject({ semval: 0, semncnt: 1 });
    semop(sid, [{ num: 0, op: 1 }]);
    await waiting;
    store.getState().refreshKernel();
    expect(store.getState().semaphores.find((x) => x.semid === sid)!.sems![0]).toMatchObject({ semval: 0, semncnt: 0, sempid: process.pid });
  });
});
