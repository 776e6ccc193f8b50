// Scrolled mid-diagram, the Flow's window cut through boxes and labels, and its top rows
// showed pieces that meant nothing alone: half a box's label, an edge's label whose line was
// out of view (issue 16). plainCuts (flow-view.ts), for every diagram of every lesson as its
// lesson draws it, at the Flow pane's widths at 80x24 and 120x34 (below the lesson and
// zoomed), English and Chinese, at every window the pane can scroll to: an edge label shows
// only whole and with a cell of its line in view; a box the window cuts through its label rows
// shows its sides and a blank inside; nothing else changes.
import { describe, expect, it } from 'vitest';
import { plainCuts } from '../../src/app/components/flow-view.js';
import { textRoom } from '../../src/app/components/Panel.js';
import { layoutFor } from '../../src/app/layout.js';
import { renderDiagram } from '../../src/flow/index.js';
import { LESSONS } from '../../src/lessons/index.js';
import { toCells } from '../flow/check.js';

const WIDTHS = [...new Set([[80, 24], [120, 34]].flatMap(([w, h]) => [false, true].map((z) => layoutFor(w, h, 10, undefined, z)).map((l) => textRoom(l.mode === 'wide' ? l.flow.w : l.mode === 'tabs' ? l.tabs.w : 0))))];
/** drawing rows the pane shows at 80x24 and 120x34 (its legend and borders left out) */
const ROWS = [9, 15];

describe('the Flow window cut mid-diagram', () => {
  it('shows no label without its line, nor in part, and no half a box label', () => {
    expect(WIDTHS).toEqual(expect.arrayContaining([77, 70]));
    for (const lesson of LESSONS) {
      for (const name of new Set(lesson.diagrams)) {
        for (const width of WIDTHS) {
          for (const lang of ['en', 'zh'] as const) {
            const r = renderDiagram(name, { width, lang, family: lesson.diagrams });
            const lines = r.lines();
            const before = toCells(r.text());
            for (const rows of ROWS) {
              for (let top = 0; top + rows < lines.length; top++) {
                const shown = (y: number) => y >= top && y < top + rows;
                const after = toCells(plainCuts(lines, shown, 'plain', r.geometry).map((l) => l.map((run) => run.text).join('').trimEnd()).join('\n'));
                const where = `${lesson.id} ${name} ${lang} ${width} rows ${top}..${top + rows - 1}`;
                // the cells each rule may blank
                const mayBlank = new Set<string>();
                for (const [id, e] of r.geometry.edges) {
                  const l = e.label;
                  if (!l) continue;
                  const labelRows = Array.from({ length: l.h }, (_, k) => l.y + k);
                  const plain = labelRows.every(shown) && e.cells.some(([, y]) => shown(y));
                  for (const y of labelRows.filter(shown)) {
                    const text = (after[y] ?? []).slice(l.x, l.x + l.w).join('').trim();
                    if (!plain) expect.soft(text, `${where}: ${id}'s label row ${y}`).toBe('');
                    for (let x = l.x; x < l.x + l.w; x++) mayBlank.add(`${x},${y}`);
                  }
                }
                for (const [id, b] of r.geometry.boxes) {
                  const inside = Array.from({ length: b.h - 2 }, (_, k) => b.y + 1 + k);
                  if (!inside.some(shown) || inside.every(shown)) continue;
                  for (const y of inside.filter(shown)) {
                    expect.soft((after[y] ?? []).slice(b.x + 1, b.x + b.w - 1).join('').trim(), `${where}: box ${id} row ${y}`).toBe('');
                    expect.soft([after[y]?.[b.x], after[y]?.[b.x + b.w - 1]].join(''), `${where}: box ${id}'s sides on row ${y}`).toBe([before[y][b.x], before[y][b.x + b.w - 1]].join(''));
                    for (let x = b.x + 1; x < b.x + b.w - 1; x++) mayBlank.add(`${x},${y}`);
                  }
                }
                for (let y = 0; y < before.length; y++) {
                  for (let x = 0; x < before[y].length; x++) {
                    const was = before[y][x];
                    const is = after[y]?.[x] ?? ' ';
                    if (was !== is && !(mayBlank.has(`${x},${y}`) && is.trim() === '')) expect.soft(`${where}: cell ${x},${y} '${was}' became '${is}'`).toBe('');
                  }
                }
              }
            }
          }
        }
      }
    }
  }, 180_000);
});
