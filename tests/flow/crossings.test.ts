// Two lines that cross on their way hide which goes where (shmdt's EINVAL and SIGSEGV,
// shmat's addr 2 and addr 3): at the flow pane's widths (77 at 80x24, 70 at 120x34, 118
// zoomed at 120x34) the diagrams are drawn with no edge crossing another.
import { describe, expect, it } from 'vitest';
import { diagramNames, renderDiagram } from '../../src/flow/index.js';

/** still drawn with a crossing, to be fixed (the test fails once one is not, to shorten the list) */
const STILL_CROSSING = new Set([
  // addr 1's and addr 2's shmat lines into the one segment: the kernel frame's top, beside
  // its title, has room for two crossings (addr 1, addr 3), and going round is 4 columns too
  // wide even with every label wrapped
  'shmat-map zh 70',
]);

function crossings(name: string, lang: 'en' | 'zh', width: number): string[] {
  const { geometry } = renderDiagram(name, { width, lang });
  const owner = new Map<string, string>();
  const pairs = new Set<string>();
  for (const [id, edge] of geometry.edges) {
    for (const [x, y] of edge.cells) {
      const other = owner.get(`${x},${y}`);
      if (other !== undefined && other !== id) pairs.add(`${other} x ${id}`);
      else owner.set(`${x},${y}`, id);
    }
  }
  return [...pairs];
}

describe('edge crossings', () => {
  for (const width of [77, 70, 118]) {
    it(`none at ${width} columns`, () => {
      for (const name of diagramNames()) {
        for (const lang of ['en', 'zh'] as const) {
          const key = `${name} ${lang} ${width}`;
          const found = crossings(name, lang, width);
          if (STILL_CROSSING.has(key)) expect.soft(found.length, `${key} crosses no more: take it off the list`).toBeGreaterThan(0);
          else expect.soft(found, key).toEqual([]);
        }
      }
    });
  }

  // sem's Flow at every width its pane takes, not only the three above (newcomers saw its holders'
  // P lines cross at 80 and 120 columns: holder 2's label, left of its line, walled holder 1's
  // way down; a drawing still crossing is fitted again with labels out of the ways of lines not
  // drawn yet and lines meeting a side in order, render.ts Tidy)
  it('sem-pv: none at any width from 36 to 118 columns', () => {
    for (const lang of ['en', 'zh'] as const) {
      for (let width = 36; width <= 118; width++) expect.soft(crossings('sem-pv', lang, width), `sem-pv ${lang} ${width}`).toEqual([]);
    }
  }, 120_000);
});
