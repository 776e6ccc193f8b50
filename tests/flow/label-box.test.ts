// A label stands off every box but its own line's ends: on the row just above or below a
// box's border, within its columns, it reads as that box's outcome (ftok's diagram 2 drew
// "yes: create" and "yes: open" right under ENOENT and EEXIST, issue 16). Every diagram of
// every lesson as its lesson draws it (with its family), at the Flow pane's widths at 80x24
// and 120x34, zoomed and not, English and Chinese; those still drawn so are listed, and the
// list can only shrink.
import { describe, expect, it } from 'vitest';
import { diagramModel, renderDiagram } from '../../src/flow/index.js';
import { LESSONS } from '../../src/lessons/index.js';
import { textRoom } from '../../src/app/components/Panel.js';
import { layoutFor } from '../../src/app/layout.js';

const WIDTHS = [...new Set([[80, 24], [120, 34]].flatMap(([w, h]) => [false, true].map((z) => layoutFor(w, h, 10, undefined, z)).map((l) => textRoom(l.mode === 'wide' ? l.flow.w : l.mode === 'tabs' ? l.tabs.w : 0))))];

/** "diagram lang width: label's edge against box", still drawn so */
const STILL_AGAINST = new Set<string>([]);

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
});
