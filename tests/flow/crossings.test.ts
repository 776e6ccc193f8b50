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

/** widths (36..118) still drawn with a crossing, by diagram and language: 42 (s36c: shmdt-unmap zh
 *  53-55, its "shmat" kept off a corner); 39 (s35: shmget-key's
 *  size decision's neutral words, as long as its old ones, cross 9 widths fewer in English); 48 (65 before
 *  render.ts fitted() weighed a tidier fitting's crossings against its flaws; 54 before
 *  shmget-key's removing edge said "remove", which crosses 11 widths fewer in Chinese and
 *  5 more, 45-49, in English) */
// round 12's labels (本课进程 kept whole, shmget's your-turn path) added race-counter zh 40,
// shmdt-unmap zh 47-52 and shmget-key zh 48-53: narrower than any Flow pane (70 and up);
// session 30's overview chart in story order (shmat drawn, s30g) overview-lifecycle 36-37
// (zh 36 only since program A's arrow to "shmget: create", s32g);
// session 31's zh word 工作进程 kept whole (s31g) race-counter zh 41-47;
// race 4's Flow label "add 1 to *counter" (7b42db47) took race-counter en 36-38 off and put en 48
// and zh 48 on; labels kept clear of lines just above or below (s33g) took en 48-49 off;
// labels kept off the boxes not their line's, and no line leaving a box in line with another's
// arrow into it (s34c), took serv-clnt-c2 en 39 off and put serv-clnt-c1 en 39-41, shmat-inherit
// en 38 and shmget-key zh 43-45 on, far below the Flow pane's 70 columns (shmget-key cut there)
const SWEPT: Record<string, string> = {
  'overview-lifecycle en': '36-37',
  'overview-lifecycle zh': '36',
  'race-counter en': '39-42',
  'race-counter zh': '36-48',
  'serv-clnt-c1 en': '39-41',
  'serv-clnt-c2 zh': '41',
  'shmat-map zh': '68-73',
  'shmat-inherit en': '38',
  'shmdt-unmap en': '36-40',
  // 53-55 since s36c: with labels wrapped at 6 columns, "shmat" no longer a cell from the
  // corner of its ∩ (label-box.test.ts), that fitting crosses and a wider one is kept
  'shmdt-unmap zh': '47-55',
  'shmget-key en': '36',
  'shmget-key zh': '38 43-53',
};

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

  // every diagram at every width its pane takes, 36 to 118 columns, not only the three above
  // (newcomers saw sem's holders' P lines cross at 80 and 120 columns, and race-counter's
  // worker 2 line to the segment cross the lesson process's to the set at 40 and 46-52 in
  // Chinese). SWEPT lists the widths still drawn with a crossing: a list that can only
  // shrink (a width listed that crosses no more fails, to be taken off; one not listed that
  // crosses fails). sem-pv draws none at any width (render.ts Tidy); race-counter's, and the
  // 11 others gone from 65, went with a tidier fitting kept for weighing less (a crossing as
  // three flaws) though it writes a label on its own line (render.ts fitted())
  it('every diagram: crossings at 36 to 118 columns only where SWEPT lists them', () => {
    const listed = new Set(
      Object.entries(SWEPT).flatMap(([key, widths]) =>
        widths.split(' ').flatMap((w) => {
          const [a, b = a] = w.split('-').map(Number);
          return Array.from({ length: b - a + 1 }, (_, i) => `${key} ${a + i}`);
        }),
      ),
    );
    for (const name of diagramNames()) {
      for (const lang of ['en', 'zh'] as const) {
        for (let width = 36; width <= 118; width++) {
          const key = `${name} ${lang} ${width}`;
          const found = crossings(name, lang, width);
          if (listed.has(key)) expect.soft(found.length, `${key} crosses no more: take it off SWEPT`).toBeGreaterThan(0);
          else expect.soft(found, key).toEqual([]);
        }
      }
    }
  }, 600_000);
});
