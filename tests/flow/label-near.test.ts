// A label names the one line it stands by: no other edge's line comes as near it as its own,
// or nearly, any way round (beside it, just above or below, at a corner). sem's "semop -1 / +1"
// stood between two lines a blank from each, shmget-key's "shmctl IPC_RMID: remove" by another
// line's end, parent-child-answer's "经映射写入" under another's corner (issue 16). Every diagram
// of every lesson as its lesson draws it (with its family), at the Flow pane's widths at 80x24
// and 120x34, zoomed and not, English and Chinese; the few still drawn so are listed, and the
// list can only shrink.
import { describe, expect, it } from 'vitest';
import { renderDiagram } from '../../src/flow/index.js';
import { LESSONS } from '../../src/lessons/index.js';
import { textRoom } from '../../src/app/components/Panel.js';
import { layoutFor } from '../../src/app/layout.js';

/** cells farther than its own line another edge's line keeps from a label (render.ts LABEL_MARGIN) */
const MARGIN = 2;
/** farther than this, a line is plainly not the label's (render.ts LABEL_LOOK) */
const LOOK = 4;

const WIDTHS = [...new Set([[80, 24], [120, 34]].flatMap(([w, h]) => [false, true].map((z) => layoutFor(w, h, 10, undefined, z)).map((l) => textRoom(l.mode === 'wide' ? l.flow.w : l.mode === 'tabs' ? l.tabs.w : 0))))];

/** "diagram lang width: label's edge near other edge", still drawn so, to be fixed (16; 91
 *  before the renderer held labels to it, s33c) */
const STILL_NEAR = new Set<string>([
  'race-counter en 117: a->sem near main->sem',
  'race-counter en 70: a->sem near main->sem',
  'race-counter en 77: a->sem near main->sem',
  'race-counter zh 117: a->counter near a->sem',
  'race-counter zh 70: a->counter near a->sem',
  'race-counter zh 77: a->counter near a->sem',
  'serv-clnt-3 en 70: server->freed near server->client',
  'serv-clnt-3 zh 70: client->shm near shm->client',
  'serv-clnt-c1 zh 70: client->shm near server->client',
  'serv-clnt-c2 zh 70: client->shm near server->client',
  'shmat-inherit zh 117: ended->shm near kid->shm',
  'shmat-inherit zh 70: ended->shm near kid->shm',
  'shmat-inherit zh 77: ended->shm near kid->shm',
  'shmdt-unmap en 117: map->old near map->shm',
  'shmdt-unmap en 117: proc->shm near old->EINVAL',
  'shmdt-unmap zh 77: map->old near map2->old',
]);

/** Cells between a label and a cell, any way round: 1 touching it. */
const away = (l: { x: number; y: number; w: number; h: number }, x: number, y: number) => Math.max(l.x - x, x - (l.x + l.w - 1), l.y - y, y - (l.y + l.h - 1), 0);

describe('edge labels stand by their own line', () => {
  it('no other line within MARGIN of as near a label as its own, at the Flow pane widths', () => {
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
                if (near <= Math.min(mine + MARGIN - 1, LOOK)) found.add(`${name} ${lang} ${width}: ${id} near ${other}`);
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
