// The Flow's fold row ("⋮ 31 rows folded…", flowWindow's fold) was written from the pane's left
// edge over the drawing (shmget 3, zh 120x34: over the 内核 frame's left border), then over the
// lines and box sides that end among the folded rows (issue 16: ftok 9, shmdt 2, shmctl 5 at
// 120x34 zh, sem 7 at 80x24: the boxes looked cut). Every step of every lesson whose Flow folds,
// at every width the Flow pane has at the usual terminal sizes (side by side, below the lesson,
// zoomed), English and Chinese, Unicode and ASCII, at every height the pane may have: the fold
// row draws on, at its column, every stroke that crosses the fold's upper or lower edge (a box's
// side, a frame's, an edge's line, though it ends or bends among the folded rows) and nothing
// else; its words stand in a gap between them, a blank either side; and the folds cut no more
// boxes (a box with rows both shown and folded) than they did once foldFor weighed that.
import { describe, expect, it } from 'vitest';
import { flowChoice, flowWindow, foldedWindow, foldRow, litFrames } from '../../src/app/components/flow-view.js';
import { textRoom } from '../../src/app/components/Panel.js';
import { layoutFor } from '../../src/app/layout.js';
import { strings } from '../../src/app/strings.js';
import { renderDiagram, type CellRect } from '../../src/flow/index.js';
import { LESSONS } from '../../src/lessons/index.js';
import { screenCells } from '../helpers/render.js';

/** The Flow pane's inner widths at the usual sizes: below the lesson (60x18, 80x24, 100x30),
 *  beside it (110x30, 120x34) and zoomed (80x24, 120x34, 160x50). */
const WIDTHS = [
  ...new Set(
    [
      [60, 18],
      [80, 24],
      [100, 30],
      [110, 30],
      [120, 34],
    ]
      .map(([w, h]) => layoutFor(w, h, 4, 20))
      .map((l) => textRoom(l.mode === 'wide' ? l.flow.w : l.mode === 'tabs' ? l.tabs.w : 0))
      .concat([80, 120, 160].map((w) => textRoom(w))),
  ),
].sort((a, b) => a - b);

// a line's glyph, and an arrowhead into the box under the fold
const UPRIGHT = { unicode: '│┃║┆┇▼', ascii: '|:H*#v' };
// a stroke leaving a cell downwards, and entering one from above (Unicode only: ASCII's '+', '*'
// and '#' say no direction, so there the drawing's geometry says where its strokes go)
const DOWN = '│┃║┆┇┬┳╦┌┐┏┓╔╗├┤┣┫╠╣┼╋╬▲';
const UP = '│┃║┆┇┴┻╩└┘┗┛╚╝├┤┣┫╠╣┼╋╬▼';

/** The columns where a stroke crosses from row `edge` - 1 into row `edge`: a box's or a frame's
 *  side (a diamond has none), an edge's line (two of its cells one above the other, or its end
 *  and the border of the box it leaves or enters) and, in Unicode, any glyph whose stroke goes on;
 *  drawn, not blank, in both rows. */
function crossing(edge: number, grid: string[][], boxes: Map<string, CellRect>, frames: Map<string, CellRect>, edges: Map<string, { cells: [number, number][] }>, ascii: boolean): Set<number> {
  const out = new Set<number>();
  const spans = (r: CellRect) => r.y < edge && r.y + r.h > edge;
  for (const r of boxes.values()) if (spans(r) && !'╱/'.includes(grid[r.y]?.[r.x] ?? '')) [r.x, r.x + r.w - 1].forEach((c) => out.add(c));
  for (const r of frames.values()) if (spans(r)) [r.x, r.x + r.w - 1].forEach((c) => out.add(c));
  for (const [id, e] of edges) {
    const [from, to] = id.replace(/#\d+$/, '').split('->');
    const inside = (name: string, [x, y]: [number, number]) => {
      const r = boxes.get(name) ?? frames.get(name);
      return r !== undefined && x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
    };
    const path = e.cells;
    const steps: [[number, number], [number, number]][] = path.slice(1).map((p, i) => [path[i], p]);
    if (path.length > 0) {
      const [x0, y0] = path[0];
      const [x1, y1] = path[path.length - 1];
      for (const dy of [-1, 1]) {
        if (inside(from, [x0, y0 + dy])) steps.push([[x0, y0 + dy], path[0]]);
        if (inside(to, [x1, y1 + dy])) steps.push([path[path.length - 1], [x1, y1 + dy]]);
      }
    }
    for (const [[ax, ay], [bx, by]] of steps) if (ax === bx && Math.min(ay, by) === edge - 1 && Math.max(ay, by) === edge) out.add(ax);
  }
  if (!ascii) for (let c = 0; c < (grid[edge]?.length ?? 0); c++) if (DOWN.includes(grid[edge - 1]?.[c] || ' ') && UP.includes(grid[edge][c] || ' ')) out.add(c);
  // a line drawn blank (a masked edge's whose way is the answer: `%% hide ID line`) is not there
  return new Set([...out].filter((c) => [grid[edge - 1]?.[c], grid[edge]?.[c]].every((g) => g !== undefined && g.trim() !== '')));
}

describe("the Flow's fold row", () => {
  it('is measured at the widths the app draws', () => {
    // 57 (60x18), 67 (110x30), 70 (120x34), 77 (80x24 and zoomed), 97, 117, 157 (zoomed)
    expect(WIDTHS).toEqual([57, 67, 70, 77, 97, 117, 157]);
  });
  // the boxes the sweep's folds cut, a count that can only shrink (before foldFor weighed them it
  // was about twice as many: shmdt 1 at 80x24 showed "addr: mapped"'s top border alone over the
  // fold); where the label stands beside a box, or the pane has 3-7 rows, no fold leaves all whole
  const CUT = { en: 454, zh: 480 };
  for (const lang of ['en', 'zh'] as const) {
    it(`draws on every stroke crossing it, and nothing else (${lang})`, () => {
      const s = strings(lang);
      const wrong: string[] = [];
      let folds = 0;
      let cut = 0;
      for (const lesson of LESSONS) {
        for (let i = 0; i < lesson.steps.length; i++) {
          const choice = flowChoice(lesson, i, i + 1);
          if (!choice.diagram) continue;
          for (const width of WIDTHS) {
            for (const ascii of [false, true]) {
              const r = renderDiagram(choice.diagram, { width, lang, ascii, family: choice.family });
              const { boxes, frames, edges } = r.geometry;
              const lit = litFrames(choice, boxes, frames);
              const drawn = r.lines({ active: lit.active, done: lit.done, masked: lit.masked });
              const grid = drawn.map((l) => screenCells(l.map((run) => run.text).join('')));
              const litRows = drawn.flatMap((l, k) => (l.some((run) => run.tone === 'active') ? [k] : []));
              const parts = { boxes, edges, frames };
              // up to the zoomed pane's rows (30 at 120x34)
              for (let rows = 3; rows <= 30; rows++) {
                const opened = flowWindow(drawn.length, rows, litRows, choice, parts);
                const fold = opened.fold;
                if (!fold) continue;
                folds++;
                const where = `${lesson.id} step ${i + 1} ${width}${ascii ? ' ascii' : ''} rows ${rows}`;
                // a fold only where the drawing does not fit: never above blank rows at its end
                // (issue 16 pass 12: zoomed parent-child 8, "⋮ 5 rows folded" over 3 blank rows)
                const shownRows = foldedWindow(drawn, rows, opened.top, fold).shown.length;
                if (shownRows !== rows) wrong.push(`${where}: the fold leaves ${rows - shownRows} blank rows`);
                const n = fold.to - fold.at;
                const texts = [s.flowFold(n, 'z: whole'), s.flowFold(n, '')];
                const row = foldRow(drawn, fold, width, ascii, parts, texts, 'plain' as const);
                const got = screenCells(row.map((run) => run.text).join(''));
                const text = got.join('');
                const shown = `${where}:\n  ${(grid[fold.at - 1] ?? []).join('')}\n> ${text}\n  ${(grid[fold.to] ?? []).join('')}`;
                if (got.length !== width) wrong.push(`${shown}\n  ${got.length} cells, not ${width}`);
                const at = got.indexOf('⋮');
                if (at < 0) wrong.push(`${shown}\n  no ⋮`);
                // where the words end: the longest of those foldRow may write (whole, before their bracket, "⋮")
                const said = [...texts, ...texts.map((t) => t.split(/ ?[(（]/)[0]), '⋮'].filter((w) => text.slice(text.indexOf('⋮')).startsWith(w));
                const words = at < 0 ? 0 : at + Math.max(...said.map((w) => screenCells(w).length));
                const crossed = new Set([...crossing(fold.at, grid, boxes, frames, edges, ascii), ...crossing(fold.to, grid, boxes, frames, edges, ascii)]);
                const upright = UPRIGHT[ascii ? 'ascii' : 'unicode'];
                for (let c = 0; c < width; c++) {
                  const g = got[c] ?? ' ';
                  if (crossed.has(c) && !upright.includes(g)) wrong.push(`${shown}\n  column ${c}: a stroke across the fold, covered by '${g}'`);
                  if (!crossed.has(c) && (c < at || c >= words) && g !== ' ') wrong.push(`${shown}\n  column ${c}: '${g}', no stroke crosses the fold there`);
                }
                // the words a blank away from any line kept
                if (at > 0 && got[at - 1] !== ' ') wrong.push(`${shown}\n  '⋮' right after '${got[at - 1]}'`);
                if (words < width && got[words] !== ' ') wrong.push(`${shown}\n  words glued to '${got[words]}'`);
                // a box with rows both shown and folded reads as broken off
                cut += [...boxes.values()].filter((b) => [fold.at, fold.to].some((edge) => b.y < edge && b.y + b.h > edge)).length;
              }
            }
          }
        }
      }
      expect(wrong).toEqual([]);
      // the sweep saw folds (shmget 3, parent-child 8)
      expect(folds).toBeGreaterThan(0);
      expect(cut).toBeLessThanOrEqual(CUT[lang]);
      // seven widths, both charsets, up to 30 rows
    }, 240_000);
  }
});
