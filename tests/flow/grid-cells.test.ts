// A fitting draws a diagram ten times or more (src/flow/render.ts), each drawing a copy of its
// frames and boxes, cropped at the end: a grid's cells are kept in typed arrays (characters
// and owners by number), not in arrays of strings a garbage collection has to walk
// (bench/latest.md, "Diagram render time"). Copies and crops draw the same.
import { describe, expect, it } from 'vitest';
import { Base, DOWN, Grid, LEFT, RIGHT, Stroke, UP } from '../../src/flow/grid.js';
import { renderFlow, parseFlowchart } from '../../src/flow/index.js';

function drawn(): Grid {
  const g = new Grid(28, 6, false);
  for (let x = 2; x < 20; x++) g.line(x, 1, LEFT | RIGHT, Stroke.Light, 'box', Base.Frame);
  g.text(4, 1, ' 共享内存 ', 'box', Base.Title);
  for (let y = 2; y < 6; y++) g.line(17, y, UP | DOWN, Stroke.Light, 'e1');
  g.line(17, 1, DOWN, Stroke.Light, 'e1');
  g.text(19, 3, 'EINVAL', 'e1', Base.Label);
  g.glyph(17, 5, '▼', 'e1');
  return g;
}

const text = (g: Grid, masked: string[] = []) => g.lines({ active: ['e1'], masked }).map((row) => row.map((r) => `${r.tone}:${r.text}`).join('|'));

describe('a grid keeps its cells in typed arrays', () => {
  it('no per-cell plain array in a grid, its copy, its crop or itself without a column', () => {
    const g = drawn();
    for (const [how, grid] of [['grid', g], ['copy', g.copy()], ['crop', g.crop(1, 0, 20, 6)], ['without a column', g.withoutColumn(0)]] as const) {
      const cells = grid.w * grid.h;
      for (const [field, value] of Object.entries(grid)) {
        if (value && typeof value === 'object' && 'length' in value && (value as { length: number }).length >= cells) expect(ArrayBuffer.isView(value), `${how}: ${field}`).toBe(true);
      }
    }
  });

  it('a copy, a crop and the grid without an empty column draw what the grid draws', () => {
    const g = drawn();
    expect(text(g.copy())).toEqual(text(g));
    expect(text(g.copy(), ['e1'])).toEqual(text(g, ['e1']));
    // column 0 is blank: the crop from column 1 and the grid without column 0 are its rows less their first cell
    const plain = (x: Grid, masked: string[] = []) => x.lines({ active: ['e1'], masked }).map((row) => row.map((r) => r.text).join(''));
    const crop = g.crop(1, 0, 27, 6);
    expect(plain(crop)).toEqual(plain(g).map((r) => r.slice(1)));
    expect(plain(crop, ['e1'])).toEqual(plain(g, ['e1']).map((r) => r.slice(1)));
    expect(plain(crop)[1]).toContain('共享内存');
    expect(text(g.withoutColumn(0))).toEqual(text(crop));
    expect(crop.isEmpty(0, 0)).toBe(true);
    expect(crop.isEmpty(3, 1)).toBe(false);
  });

  it('a rendering cut to a width drops a wide character its edge cuts in two', () => {
    const r = renderFlow(parseFlowchart('flowchart LR\n  a[共享内存段共享内存段] --> b[消息队列消息队列] --> c[信号量信号量信号量]'), { width: 30 });
    for (const line of r.text().split('\n')) expect(line.length).toBeLessThanOrEqual(30);
  });
});
