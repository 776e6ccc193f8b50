// A Kernel pane row shows the same columns before and after a step, and every column the
// kernel reports for it. Newcomers met a removed segment's row reading "-● down 0x00000000
// 15925289 root" with every column after owner blank (it read as broken), and the status
// column coming in at IPC_RMID in place of cpid (issue 16). The rules: a table's columns only
// grow or stay from one step to the next within a lesson (no column replaces another when a
// step runs); a row the kernel lists (a dest segment too: ipcs still shows its size, nattch,
// pids) has a figure under every column but status (empty until IPC_RMID, as in ipcs); a row
// the kernel no longer holds says so in words ("removed"), not as blank columns. Every step of
// shmctl, shmdt, overview, serv-clnt and parent-child, run for real, the pane laid out as drawn,
// at 80x24 and 120x34, en and zh. A column kept from one step to the next starts at the same cell.
import { describe, expect, it } from 'vitest';
import { rowHeading } from '../../src/app/components/kernel-view.js';
import { lineText, type Line } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import { LESSONS } from '../../src/lessons/index.js';
import { kernelInput, LANGS, laidOut, paneAt, SIZES, walkLesson } from '../helpers/kernel-walk.js';
import { screenCells } from '../helpers/render.js';


/** A heading's columns: each name and the cell it starts at. */
function columnsOf(head: Line): { name: string; at: number }[] {
  const cs = screenCells(lineText(head));
  const out: { name: string; at: number }[] = [];
  for (let i = 0; i < cs.length; i++) {
    if (cs[i] === ' ' || (i > 0 && cs[i - 1] !== ' ')) continue;
    let j = i;
    while (j < cs.length && cs[j] !== ' ') j++;
    out.push({ name: cs.slice(i, j).join(''), at: i });
  }
  return out;
}

/** The column naming a table's rows: which table a heading is. */
const TABLE = /\b(shmid|msqid|semid|semnum)\b/;
/** Columns the kernel may leave empty (status before IPC_RMID) or that are the lesson's own (its names). */
const MAY_BE_BLANK = new Set(['status', 'use', '用途']);

describe('Kernel pane: a row keeps its columns through a lesson, and fills them', () => {
  for (const id of ['shmctl', 'shmdt', 'overview', 'serv-clnt', 'parent-child']) {
    const lesson = LESSONS.find((l) => l.id === id)!;
    it(`${id}: every step at 80x24 and 120x34, en and zh`, async () => {
      const wrong: string[] = [];
      // per size and language and table: the columns the last step showed
      const last = new Map<string, { step: number; cols: { name: string; at: number }[] }>();
      let rows = 0;
      let removed = 0;
      await walkLesson(lesson, (at) => {
        for (const lang of LANGS) {
          const k = kernelInput(at, lang);
          for (const [w, h] of SIZES) {
            const { outer, width, rows: [height] } = paneAt(w, h);
            const { lines } = laidOut(k, outer, width, height!);
            const where = `${id} step ${at.step + 1} ${lang} ${w}x${h}:\n${lines.map(lineText).join('\n')}`;
            const heads = new Set(lines.map(rowHeading).filter((x): x is Line => x !== null));
            for (const head of heads) {
              // the kernel's tables (the processes' and the dump's headings are the pane's own)
              const table = TABLE.exec(lineText(head))?.[1];
              if (!table) continue;
              const cols = columnsOf(head);
              const key = `${w}x${h} ${lang} ${table}`;
              const names = cols.map((c) => c.name);
              const was = last.get(key);
              if (was && was.step === at.step - 1) {
                const lost = was.cols.filter((c) => !names.includes(c.name));
                if (lost.length > 0) wrong.push(`${lost.map((c) => c.name).join(', ')} left the ${table} table at step ${at.step + 1} (${was.cols.map((c) => c.name).join(' ')} -> ${names.join(' ')}): ${where}`);
                // and stayed where it was: shmctl 4's removed row owned by "nobody" widened owner
                // by a cell and moved every column after it for that step (issue 16)
                const moved = cols.filter((c) => was.cols.some((b) => b.name === c.name && b.at !== c.at));
                if (moved.length > 0) wrong.push(`${moved.map((c) => c.name).join(', ')} moved in the ${table} table at step ${at.step + 1}: ${where}`);
              }
              last.set(key, { step: at.step, cols });
              for (const row of lines.filter((l) => rowHeading(l) === head)) {
                const text = lineText(row);
                const cs = screenCells(text);
                // no figure cut to fit its column
                if (text.includes('…')) wrong.push(`a cell cut in "${text}": ${where}`);
                if (/^\+?-/.test(text)) {
                  // a row the kernel no longer holds: said in words
                  removed++;
                  if (!text.includes(strings(lang).markGone(null))) wrong.push(`a removed row not said removed (${text}): ${where}`);
                  continue;
                }
                rows++;
                for (const c of cols) if (!MAY_BE_BLANK.has(c.name) && (cs[c.at] ?? ' ') === ' ') wrong.push(`${c.name} blank in "${text}": ${where}`);
              }
            }
          }
        }
      });
      expect(wrong).toEqual([]);
      expect(rows, id).toBeGreaterThan(0);
      // the removed rows are exercised: shmctl's 0400 segment, parent-child's last step
      if (id === 'shmctl' || id === 'parent-child') expect(removed, id).toBeGreaterThan(0);
    }, 120_000);
  }
});
