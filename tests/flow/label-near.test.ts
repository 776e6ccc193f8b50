// A label names the one line it stands by: no other edge's line comes as near it as its own,
// any way round (beside it, just above or below, at a corner). sem's "semop -1 / +1"
// stood between two lines a blank from each, shmget-key's "shmctl IPC_RMID: remove" by another
// line's end, parent-child-answer's "经映射写入" under another's corner (issue 16). Every diagram
// of every lesson as its lesson draws it (with its family), at the Flow pane's widths at 80x24
// and 120x34, zoomed and not, English and Chinese; those still drawn so are listed, and the
// list can only shrink.
import { describe, expect, it } from 'vitest';
import { renderDiagram } from '../../src/flow/index.js';
import { LESSONS } from '../../src/lessons/index.js';
import { textRoom } from '../../src/app/components/Panel.js';
import { layoutFor } from '../../src/app/layout.js';

/** farther than this, a line is plainly not the label's */
const LOOK = 4;

const WIDTHS = [...new Set([[80, 24], [120, 34]].flatMap(([w, h]) => [false, true].map((z) => layoutFor(w, h, 10, undefined, z)).map((l) => textRoom(l.mode === 'wide' ? l.flow.w : l.mode === 'tabs' ? l.tabs.w : 0))))];

/** "diagram lang width: label's edge near other edge", still drawn so, to be fixed (issue 16;
 *  45 before the renderer preferred spots with no other line just above or below a label,
 *  44 before it kept labels off the boxes that are not their line's and weighed a narrower
 *  fitting's crossings against its flaws, and drew no line leaving a box in line with another's
 *  arrow into it) */
const STILL_NEAR = new Set<string>([
  'parent-child-ack zh 117: parent->kernel near up->parent',
  'parent-child-ack zh 70: parent->kernel near up->parent',
  'parent-child-ack zh 77: parent->kernel near up->parent',
  'parent-child-answer zh 70: child->up near child->kernel',
  'parent-child-reply en 117: down->child near child->parent',
  'parent-child-reply en 70: down->child near child->parent',
  'parent-child-reply en 77: down->child near child->parent',
  'race-counter en 117: a->counter near b->counter',
  'race-counter en 70: a->counter near b->counter',
  'race-counter en 77: a->counter near b->counter',
  'race-counter zh 117: a->counter near b->counter',
  'race-counter zh 70: a->counter near b->counter',
  'race-counter zh 77: a->counter near b->counter',
  'shmat-map en 117: a1->shm near a2->shm',
  'shmat-map en 77: a1->shm near a2->shm',
  'shmat-map zh 117: a1->shm near a2->shm',
  'shmat-map zh 70: a2->shm near a1->shm',
  'shmget-key en 117: fits->seg near creat->seg',
  'shmget-key en 117: me->seg near creat->seg',
  'shmget-key en 70: fits->seg near creat->seg',
  'shmget-key en 70: me->seg near creat->seg',
  'shmget-key en 77: fits->seg near creat->seg',
  'shmget-key en 77: me->seg near creat->seg',
  'shmget-key zh 70: fits->EINVAL near fits->seg',
  'shmget-key zh 70: fits->seg near creat->seg',
]);

/** Cells between a label and a cell, any way round: 1 touching it. */
const away = (l: { x: number; y: number; w: number; h: number }, x: number, y: number) => Math.max(l.x - x, x - (l.x + l.w - 1), l.y - y, y - (l.y + l.h - 1), 0);

describe('edge labels stand by their own line', () => {
  it('no other line as near a label as its own, at the Flow pane widths', () => {
    expect(WIDTHS).toEqual(expect.arrayContaining([77, 70]));
    const found = new Set<string>();
    for (const lesson of LESSONS) {
      for (const name of new Set(lesson.diagrams)) {
        for (const width of WIDTHS) {
          for (const lang of ['en', 'zh'] as const) {
            const { geometry } = renderDiagram(name, { width, lang, family: lesson.diagrams });
            for (const [id, e] of geometry.edges) {
              const l = e.label;
              if (!l) continue;
              const own = new Set(e.cells.map(([x, y]) => `${x},${y}`));
              const mine = Math.min(...e.cells.map(([x, y]) => away(l, x, y)));
              for (const [other, o] of geometry.edges) {
                if (other === id) continue;
                const near = Math.min(Infinity, ...o.cells.filter(([x, y]) => !own.has(`${x},${y}`)).map(([x, y]) => away(l, x, y)));
                if (near <= Math.min(mine, LOOK)) found.add(`${name} ${lang} ${width}: ${id} near ${other}`);
              }
            }
          }
        }
      }
    }
    expect.soft([...found].filter((k) => !STILL_NEAR.has(k)), 'labels as near another line as their own').toEqual([]);
    expect.soft([...STILL_NEAR].filter((k) => !found.has(k)), 'drawn apart now: take them off the list').toEqual([]);
  }, 180_000);
});
