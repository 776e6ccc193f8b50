// A label stands off every box but its own line's ends: on the row just above or below a
// box's border, within its columns, it reads as that box's outcome (ftok's diagram 2 drew
// "yes: create" and "yes: open" right under ENOENT and EEXIST, issue 16). Every diagram of
// every lesson as its lesson draws it (with its family), at the Flow pane's widths at 80x24
// and 120x34, zoomed and not, English and Chinese; those still drawn so are listed, and the
// list can only shrink.
import { describe, expect, it } from 'vitest';
import { diagramModel, renderDiagram, type CellRect } from '../../src/flow/index.js';
import { LESSONS } from '../../src/lessons/index.js';
import { textRoom } from '../../src/app/components/Panel.js';
import { layoutFor } from '../../src/app/layout.js';

const WIDTHS = [...new Set([[80, 24], [120, 34]].flatMap(([w, h]) => [false, true].map((z) => layoutFor(w, h, 10, undefined, z)).map((l) => textRoom(l.mode === 'wide' ? l.flow.w : l.mode === 'tabs' ? l.tabs.w : 0))))];

/** "diagram lang width: label's edge against box", still drawn so */
const STILL_AGAINST = new Set<string>([]);

/** "diagram lang width: edge what", still drawn so (issue 16): serv-clnt's "write, ack = seq",
 *  two rows, inside its line's detour over the kernel frame; the spots outside it widen the
 *  picture past 77 columns or make it taller (render.ts spot()) */
const STILL_BY_CORNER = new Set<string>([
  "serv-clnt-3 en 70: client->shm hemmed in by its own line",
  "serv-clnt-3 en 77: client->shm hemmed in by its own line",
  "serv-clnt-c1 en 77: client->shm hemmed in by its own line",
  "serv-clnt-c2 en 77: client->shm hemmed in by its own line",
]);

describe('edge labels stand off the boxes that are not their line\'s', () => {
  it('no label right above or below another box, at the Flow pane widths', () => {
    expect(WIDTHS).toEqual(expect.arrayContaining([77, 117, 70]));
    const found = new Set<string>();
    for (const lesson of LESSONS) {
      for (const name of new Set(lesson.diagrams)) {
        for (const lang of ['en', 'zh'] as const) {
          const ends = new Map(diagramModel(name, lang).edges.map((e) => [e.id, [e.from, e.to]]));
          for (const width of WIDTHS) {
            const { geometry } = renderDiagram(name, { width, lang, family: lesson.diagrams });
            for (const [id, e] of geometry.edges) {
              const l = e.label;
              if (!l) continue;
              for (const [box, r] of geometry.boxes) {
                if (ends.get(id)!.includes(box) || l.x >= r.x + r.w || l.x + l.w <= r.x) continue;
                if (l.y === r.y + r.h || l.y + l.h === r.y) found.add(`${name} ${lang} ${width}: ${id} against ${box}`);
              }
            }
          }
        }
      }
    }
    // ftok's two, named: the test fails on the drawing that had them
    for (const lang of ['en', 'zh']) for (const width of [70, 77, 117]) for (const k of [`creat->seg against ENOENT`, `fits->seg against EEXIST`]) expect(found).not.toContain(`shmget-key ${lang} ${width}: ${k}`);
    expect.soft([...found].filter((k) => !STILL_AGAINST.has(k)), 'labels right against a box not their line\'s').toEqual([]);
    expect.soft([...STILL_AGAINST].filter((k) => !found.has(k)), 'drawn apart now: take them off the list').toEqual([]);
  }, 180_000);

  // A label on its own line with a corner a cell beyond it, the line coming from and going back
  // to one side, reads as written in a box's top (shmdt's `┌──shmat: nattch 1─┐` over two
  // lines going down, issue 16); one on a border cuts it; one its own line hems in on three
  // sides reads as a box's text.
  it('no label on a border, by a corner of its line, or hemmed in by its line, at the Flow pane widths', () => {
    const found: string[] = [];
    const ring = (r: CellRect, x: number, y: number) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h && (x === r.x || x === r.x + r.w - 1 || y === r.y || y === r.y + r.h - 1);
    for (const lesson of LESSONS) {
      for (const name of new Set(lesson.diagrams)) {
        for (const lang of ['en', 'zh'] as const) {
          for (const width of WIDTHS) {
            const { geometry } = renderDiagram(name, { width, lang, family: lesson.diagrams });
            for (const [id, e] of geometry.edges) {
              const l = e.label;
              if (!l) continue;
              const key = `${name} ${lang} ${width}: ${id}`;
              const rects = [...geometry.boxes, ...geometry.frames];
              for (let y = l.y; y < l.y + l.h; y++) for (let x = l.x; x < l.x + l.w; x++) for (const [b, r] of rects) if (ring(r, x, y)) found.push(`${key} on the border of ${b} at ${x},${y}`);
              found.push(...cornerBy(key, l, e.cells));
              const rows = e.cells.filter(([, y]) => y >= l.y && y < l.y + l.h);
              const inline = rows.some(([x, y]) => x >= l.x && x < l.x + l.w && y >= l.y && y < l.y + l.h);
              const hemmed = !inline && rows.some(([x]) => x < l.x) && rows.some(([x]) => x >= l.x + l.w) && e.cells.some(([x, y]) => x >= l.x && x < l.x + l.w && (y < l.y || y >= l.y + l.h));
              if (hemmed) found.push(`${key} hemmed in by its own line`);
            }
          }
        }
      }
    }
    expect.soft(found.filter((k) => !STILL_BY_CORNER.has(k)), 'labels on a border, by a corner or hemmed in').toEqual([]);
    expect.soft([...STILL_BY_CORNER].filter((k) => !found.includes(k)), 'drawn apart now: take them off the list').toEqual([]);
  }, 180_000);

  it('the check finds a label a cell from its corner', () => {
    // ┌─label─┐ as cells: a line up, along the top and down, the label on the top
    const cells: [number, number][] = [[0, 2], [0, 1], [0, 0], [1, 0], [2, 0], [3, 0], [4, 0], [5, 0], [6, 0], [6, 1], [6, 2]];
    expect(cornerBy('k', { x: 2, y: 0, w: 3, h: 1 }, cells)).toEqual(['k inline a cell from a corner of its line']);
    expect(cornerBy('k', { x: 2, y: 0, w: 2, h: 1 }, cells)).toEqual(['k inline a cell from a corner of its line']);
    expect(cornerBy('k', { x: 3, y: 0, w: 1, h: 1 }, cells)).toEqual([]);
    // down, along and on down (a Z): the label may stand by its corner
    const z = cells.map(([x, y]): [number, number] => (x === 0 ? [x, -y] : [x, y]));
    expect(cornerBy('k', { x: 2, y: 0, w: 3, h: 1 }, z)).toEqual([]);
  });
});

/** An inline label (on its own line's row) on a stretch that comes from above (below) and goes
 *  back there, its line turning within one cell of it. */
function cornerBy(key: string, l: CellRect, cells: [number, number][]): string[] {
  const on = cells.map(([x, y], i) => (y === l.y && l.h === 1 && x >= l.x && x < l.x + l.w ? i : -1)).filter((i) => i >= 0);
  if (on.length === 0) return [];
  let [a, b] = [Math.min(...on), Math.max(...on)];
  // two cells of level line beyond each end of the label, in the label's row
  const level = (i: number) => i > 0 && i < cells.length - 1 && cells[i - 1][1] === l.y && cells[i + 1][1] === l.y;
  if ([a - 1, a - 2, b + 1, b + 2].every(level)) return [];
  while (a > 0 && cells[a - 1][1] === l.y) a--;
  while (b < cells.length - 1 && cells[b + 1][1] === l.y) b++;
  const from = cells[a - 1]?.[1];
  const to = cells[b + 1]?.[1];
  return from !== undefined && to !== undefined && Math.sign(from - l.y) === Math.sign(to - l.y) ? [`${key} inline a cell from a corner of its line`] : [];
}
