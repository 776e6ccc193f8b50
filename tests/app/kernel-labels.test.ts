// A lesson's names for its objects ("down" and "up"): the Kernel pane shows each beside
// its row, in the learner's language, within the pane at 80x24 and 120x34, and a
// table whose rows have no names keeps its columns as before.
import { describe, expect, it } from 'vitest';
import { kernelLines, type TableMarks } from '../../src/app/components/kernel-view.js';
import { layoutFor } from '../../src/app/layout.js';
import { lineText, lineWidth } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import type { SegmentRecord, SemaphoreRecord } from '../../src/native/types.js';

const seg = (shmid: number): SegmentRecord => ({
  key: '0x00000000', shmid, owner: 'root', perms: '600', size: 4096, nattch: 2, cpid: 4242, lpid: 4243, status: [], atime: 0, dtime: 0, ctime: 0, ours: true,
});
const segments = [seg(126713874), seg(126713875)];
const set: SemaphoreRecord = {
  key: '0x00000000', semid: 32769, owner: 'root', perms: '600', nsems: 1, uid: 0, gid: 0, cuid: 0, cgid: 0, otime: 0, ctime: 0, ours: true,
  sems: [{ semnum: 0, semval: 1, sempid: 0, semncnt: 0, semzcnt: 0 }], semsError: null,
};
const NAMES = { en: ['down', 'up', 'lock'], zh: ['down', 'up', '锁'] };

function marks(lang: 'en' | 'zh', named: boolean): TableMarks {
  const [down, up, lock] = NAMES[lang];
  return {
    owners: { lesson: new Set(segments.map((x) => x.shmid)), ipclab: new Set() }, lessonSets: new Set([set.semid]), before: null, mark: null, ascii: false,
    labels: named ? { shm: new Map([[126713874, down], [126713875, up]]), sem: new Map([[set.semid, lock]]) } : undefined,
  };
}

describe('Kernel pane: the names a lesson gives its objects', () => {
  it.each([[80, 24], [120, 34]])('at %ix%i each row has its name after the mark, every line within the pane', (w, h) => {
    const layout = layoutFor(w, h, 8);
    if (layout.mode === 'small') throw new Error(`${w}x${h} is too small`);
    const pane = layout.mode === 'tabs' ? layout.tabs : layout.kernel;
    for (const lang of ['en', 'zh'] as const) {
      const s = strings(lang);
      const input = { segments, semaphores: [set], focus: null, stat: null, dump: null, decoded: null, processes: [], lang, s };
      const lines = kernelLines({ ...input, marks: marks(lang, true) }, pane.w - 2, 40);
      for (const l of lines) expect(lineWidth(l)).toBeLessThanOrEqual(pane.w - 2);
      const text = lines.map(lineText);
      const [down, up, lock] = NAMES[lang];
      expect(text).toContainEqual(expect.stringMatching(new RegExp(`^● ${down} +0x00000000 +126713874 `)));
      expect(text).toContainEqual(expect.stringMatching(new RegExp(`^● ${up} +0x00000000 +126713875 `)));
      expect(text).toContainEqual(expect.stringMatching(new RegExp(`^● ${lock} +0x00000000 +32769 `)));
      // the column's heading, above the names
      expect(text.filter((t) => t.startsWith(`  ${s.labelHead} `))).toHaveLength(2);
      // without names: no such column, the mark right before the key
      const bare = kernelLines({ ...input, marks: marks(lang, false) }, pane.w - 2, 40).map(lineText);
      expect(bare).toContainEqual(expect.stringMatching(/^● 0x00000000 +126713874 /));
      expect(bare.some((t) => t.includes(s.labelHead))).toBe(false);
    }
  });
});
