// After each step the Kernel pane shows the objects the step changed: the lesson's own rows
// come before other runs' (overview 3 at 120x34 zh listed its row under two of others', out
// of view: fix24e#1), and the window holds every line the step marked that fits with the
// first (race's semaphore row stood below the fold, "↓ 16 more": fix24e#6). Every step of
// every lesson, run for real, with three segments of another ipclab run listed before the
// lesson's, at 80x24 and 120x34, en and zh, the lesson's names for its objects, the legend where the pane puts it (under the
// first table when the title has no room: left out here, race 3's semaphore row was in view
// in this test and a line below the window on screen, fix25d#3).
import { describe, expect, it } from 'vitest';
import { kernelFollow, rowHeading, stickyLines, type KernelInput } from '../../src/app/components/kernel-view.js';
import { lineText, type Line } from '../../src/app/styled.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { SegmentRecord } from '../../src/native/types.js';
import { kernelInput, LANGS, laidOut, paneAt, SIZES, walkLesson } from '../helpers/kernel-walk.js';

/** Segments of another ipclab run (○), listed by the kernel before the lesson's. */
const OTHERS: SegmentRecord[] = [1, 2, 3].map((n) => ({ key: '0x00000000', shmid: 2_000_000_000 + n, owner: 'root', perms: '600', size: 4096, nattch: 0, cpid: 1, lpid: 1, status: [], atime: 0, dtime: 0, ctime: 0, ours: true }));

const marked = (l: Line) => l.some((r) => r.tone === 'changed');

describe('Kernel pane: what a step changed is in view after it', () => {
  for (const lesson of LESSONS) {
    it(`${lesson.id}: after every step, the lesson's rows first and the step's marked lines in view`, async () => {
      let checked = 0;
      let raceChecked = 0;
      await walkLesson(
        lesson,
        (at) => {
          const step = at.step;
          for (const lang of LANGS) {
            // the names the lesson gave its objects: their "use" column is on screen too
            const k = kernelInput(at, lang, { ipclab: new Set(OTHERS.map((x) => x.shmid)) });
            for (const [w, h] of SIZES) {
              const { outer, width, rows: [rows] } = paneAt(w, h);
              // the pane as drawn: its legend's lines under the first table
              const laid = (input: KernelInput) => laidOut(input, outer, width, rows!).lines;
              const { lines, top, shown } = laidOut(k, outer, width, rows!);
              const texts = lines.map(lineText);
              const where = `${lesson.id} step ${step + 1} ${lang} ${w}x${h}\n${texts.join('\n')}`;
              // in each table (from its column names on) the lesson's rows (●) before other runs' (○)
              let other = false;
              for (const text of texts) {
                if (/^\s+(?:use\s+|用途\s+)?key\s/.test(text)) other = false;
                if (/^[ +-]{1,3}○/.test(text)) other = true;
                if (/^[ +-]{1,3}●/.test(text)) expect(other, `${text}: ${where}`).toBe(false);
              }
              const hits = lines.flatMap((l, i) => (marked(l) ? [i] : []));
              if (hits.length === 0) continue;
              // every marked line that a window holding the first can hold too
              for (const i of hits.filter((i) => i - hits[0]! < rows! - 1)) expect(shown, `line ${i} at offset ${top}: ${where}`).toContain(lines[i]);
              checked++;
              // race 3 (the lock) as a learner sees it, no other run's segments: the semaphore's
              // row the step marked is in view, below the counter's one row (fix25d#3), in a pane
              // that holds them with the counter's column names (a row never stands without them,
              // fix27b#3: at 120x34's least 8 rows the counter's row, its heading, the legend, the
              // note of columns left out and the set's table leave the semaphore's row a line below)
              if (lesson.id === 'race' && step === 2) {
                const mine = (list: readonly SegmentRecord[]) => list.filter((x) => !OTHERS.includes(x));
                const own = laid({ ...k, segments: mine(k.segments), marks: { ...k.marks, before: { ...at.before, segments: mine(at.before.segments) } } });
                const sems = own.filter((l) => marked(l) && /^.\s{4}0\s/.test(lineText(l)));
                expect(sems.length, where).toBe(1);
                const head = own.findIndex((l) => own.some((r) => rowHeading(r) === l && marked(r)));
                const room = Math.max(rows!, own.indexOf(sems[0]!) - head + 1);
                const at2 = kernelFollow(own, room);
                const view = stickyLines(own, at2, room).slice(at2, at2 + room);
                expect(view, `${lang} ${w}x${h} at ${at2}, ${room} rows\n${own.map(lineText).join('\n')}`).toContain(sems[0]);
                raceChecked++;
              }
            }
          }
        },
        OTHERS,
      );
      expect(checked, lesson.id).toBeGreaterThan(0);
      if (lesson.id === 'race') expect(raceChecked).toBe(4);
    }, 120_000);
  }
});
