// What the Kernel pane learns while a step runs (fix16b#1, #2): a figure the step changed and
// brought back is marked ~ (sem step 6: semval 1, 0, 1 as the killed holder's undo gives it
// back), not left looking untouched; and a segment the step made, gave another owner with
// IPC_SET and removed shows that owner, marked, not a blank (shmctl step 4). The store reads
// the real kernel between the step's calls, as it does while a lesson's step awaits.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { kernelLegendLines, kernelLines, type KernelInput } from '../../src/app/components/kernel-view.js';
import { BACK_MARK, CHANGE_MARK, FLEETING_MARK, madeAndRemoved } from '../../src/app/components/marks.js';
import { lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import { realDeps } from '../../src/app/deps.js';
import { createAppStore } from '../../src/app/store.js';
import { startLesson } from '../../src/lessons/engine.js';
import { IPC_PRIVATE, cleanupNow, semctlSetval, semget, semop, shmctlRmid, shmctlSet, shmget } from '../../src/native/index.js';
import { userName } from '../../src/native/users.js';
import { fixtureLesson } from './fixture-lesson.js';
import { testTempDir } from '../helpers/temp-dir.js';

/** The Kernel pane's legend (kernelLegendLines, as the pane draws it) as one text: a width
 *  that holds it on one line. */
const legendText = (k: Parameters<typeof kernelLegendLines>[0]) => kernelLegendLines(k, 1000).map(lineText).join(' ');

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  cleanupNow();
});

function appStore() {
  const state = testTempDir('ipclab-between-');
  dirs.push(state);
  return createAppStore(realDeps([fixtureLesson()], startLesson, { XDG_STATE_HOME: state }), { lang: 'en', ascii: false, color: false, present: false });
}

/** The pane's lines and legend as KernelPane builds them from the store. */
function pane(store: ReturnType<typeof appStore>, lang: 'en' | 'zh', fleeting?: KernelInput['marks']['fleeting']) {
  const st = store.getState();
  const k: KernelInput = {
    segments: st.segments, queues: st.queues, semaphores: st.semaphores, focus: null, stat: null, dump: null, decoded: null, processes: [], lang, s: strings(lang),
    marks: { owners: { lesson: new Set(), ipclab: new Set() }, lessonSets: new Set(), before: st.before, mark: CHANGE_MARK, ascii: false, fleeting },
  };
  return { lines: kernelLines(k, 118, 40).map(lineText), legend: legendText(k) };
}

describe('Kernel pane: what a read while the step ran saw', () => {
  it('a semval taken and given back within the step is marked changed and back', () => {
    const store = appStore();
    const sid = semget(IPC_PRIVATE, 1, 0o600).ret as number;
    semctlSetval(sid, 0, 1);
    store.getState().markBefore(5);
    store.setState({ busy: 'running' });
    semop(sid, [{ num: 0, op: -1 }]);
    store.getState().refreshKernel(true);
    semop(sid, [{ num: 0, op: 1 }]);
    store.getState().refreshKernel(true);
    store.setState({ busy: null });
    for (const lang of ['en', 'zh'] as const) {
      const { lines, legend } = pane(store, lang);
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^ +0 +1${BACK_MARK} +0 +0 +${process.pid}$`)));
      expect(legend).toContain(`${BACK_MARK} ${strings(lang).markBack(6)}`);
    }
    // a step that did not touch it: no mark
    store.getState().markBefore(6);
    store.setState({ busy: 'running' });
    store.getState().refreshKernel(true);
    store.setState({ busy: null });
    expect(pane(store, 'en').lines.some((l) => l.includes(BACK_MARK))).toBe(false);
  });

  it.skipIf(process.geteuid?.() !== 0)('a segment made, given to another owner and removed in the step shows that owner, marked', () => {
    const store = appStore();
    store.getState().markBefore(3);
    store.setState({ busy: 'running' });
    const made = shmget(IPC_PRIVATE, 4096, 0o400);
    const id = made.ret as number;
    const set = shmctlSet(id, { uid: 65534, gid: 65534 });
    store.getState().refreshKernel(true);
    const rm = shmctlRmid(id);
    store.getState().refreshKernel(true);
    store.setState({ busy: null });
    const st = store.getState();
    const fleeting = madeAndRemoved([made, set, rm], st.before, st, userName(process.geteuid!()));
    const row = pane(store, 'en', fleeting).lines.find((l) => l.startsWith(FLEETING_MARK) && l.includes(` ${id} `));
    // the row's +- says it came and went: no * on its owner, as on a row that is gone (fix24e#4);
    // the owner whole (wider than the listed rows' column, never "nobo…") and the word after it
    expect(row?.trim().split(/\s+/)).toEqual([FLEETING_MARK, '0x00000000', `${id}`, userName(65534), 'removed']);
  });
});
