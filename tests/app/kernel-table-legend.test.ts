// A legend line sits under the table whose rows or columns it explains (issue 16): at race 1 the
// segments' table's legend said "new column: sempid", a column of the semaphores' table further
// down; and a set of an earlier run (○) was explained only by that legend, a PgDn away from its row.
// The legend under the first table names its own rows' owner marks and columns; a later table has a
// line of its own under its rows for the marks the first has none of and the columns the step
// brought it. Laid out as the pane draws it, en and zh.
import { describe, expect, it } from 'vitest';
import { kernelLegendLines, kernelLines, type KernelInput, type TableMarks } from '../../src/app/components/kernel-view.js';
import { lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import type { Before } from '../../src/app/store/kernel.js';
import type { SegmentRecord, SemaphoreRecord } from '../../src/native/types.js';
import { ownerMark } from '../../src/app/components/marks.js';

const seg: SegmentRecord = { key: '0x00000000', shmid: 93552664, owner: 'root', perms: '600', size: 4096, nattch: 1, cpid: 3674, lpid: 3674, status: [], atime: 1, dtime: 0, ctime: 1, ours: true };
const set = (semid: number): SemaphoreRecord => ({ key: '0x00000000', semid, owner: 'root', perms: '600', nsems: 1, uid: 0, gid: 0, cuid: 0, cgid: 0, otime: 0, ctime: 1, ours: true, sems: [{ semnum: 0, semval: 1, sempid: 3674, semncnt: 0, semzcnt: 0 }], semsError: null });
const mine = set(32769);
const earlier = set(32770);

describe('Kernel pane: each table’s marks and new columns explained under it', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`${lang}: race 1's sempid and an earlier run's set are said under the sets' table, not under the segments'`, () => {
      const s = strings(lang);
      // step 1 made the segment and the set, and SETVAL brought sempid
      const before: Before = { step: 0, segments: [], queues: [], semaphores: [earlier], focus: null, stat: null, decoded: null };
      const marks: TableMarks = { owners: { lesson: new Set([seg.shmid]), ipclab: new Set([seg.shmid]) }, lessonSets: new Set([mine.semid]), before, mark: '*', ascii: false, columns: new Set(['sempid']), newColumns: ['sempid'] };
      const k: KernelInput = { segments: [seg], semaphores: [mine, earlier], queues: [], focus: seg.shmid, stat: null, dump: null, decoded: null, processes: [], marks, lang, s };
      const width = 78;
      const legend = kernelLegendLines(k, width);
      const lines = kernelLines(k, width, 100, legend).map(lineText);
      const legendText = legend.map(lineText).join(' ');
      expect(legendText).toContain(`● ${s.markLesson}`);
      expect(legendText, 'the segments’ legend names no column of the sets').not.toContain('sempid');
      expect(legendText, 'nor the owner mark only a set carries').not.toContain(`${ownerMark('ipclab', false)} ${s.markIpclab}`);
      // the sets' own line: right under their last row, before anything else
      const earlierRow = lines.findIndex((l) => l.includes(String(earlier.semid)));
      const own = lines.findIndex((l, i) => i > earlierRow && l.startsWith(s.legendKey));
      expect(own, lines.join('\n')).toBeGreaterThan(earlierRow);
      expect(lines.slice(earlierRow + 1, own).every((l) => /^\s+\d|^\s+semnum/.test(l)), lines.join('\n')).toBe(true);
      expect(lines[own]).toContain(`${ownerMark('ipclab', false)} ${s.markIpclab}`);
      expect(lines[own]).toContain(s.columnNew('sempid'));
    });
  }
});
