// The Flow's fold row ("⋮ 31 rows folded…", flowWindow's fold) was written from the pane's left
// edge over the drawing (shmget 3, zh 120x34: over the 内核 frame's left border). Every step of
// every lesson whose Flow folds, at the pane's widths (77 at 80x24, 70 at 120x34), English and
// Chinese, Unicode and ASCII, at every height the pane may have: the fold row keeps each frame's
// side across the fold (where a folded row draws it: not a doorway's blanks) and each upright line that goes on through every folded row at its
// column, its words stand in a gap between them, a blank either side.
import { describe, expect, it } from 'vitest';
import { flowChoice, flowWindow, foldedWindow, foldRow } from '../../src/app/components/flow-view.js';
import { strings } from '../../src/app/strings.js';
import { renderDiagram } from '../../src/flow/index.js';
import { LESSONS } from '../../src/lessons/index.js';
import { screenCells } from '../helpers/render.js';


const UPRIGHT = '│┃║┆┇|:H*#';
const DOWN = '│┃║┆┇┬┳╦┌┐┏┓╔╗├┤┣┫╠╣┼╋╬';
const UP = '│┃║┆┇┴┻╩└┘┗┛╚╝├┤┣┫╠╣┼╋╬▼';

describe("the Flow's fold row", () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`covers no frame's side nor a line going on across it (${lang})`, () => {
      const s = strings(lang);
      const wrong: string[] = [];
      let folds = 0;
      for (const lesson of LESSONS) {
        for (let i = 0; i < lesson.steps.length; i++) {
          const choice = flowChoice(lesson, i, i + 1);
          if (!choice.diagram) continue;
          for (const width of [77, 70, 78, 118]) {
            for (const ascii of [false, true]) {
              const r = renderDiagram(choice.diagram, { width, lang, ascii, family: choice.family });
              const drawn = r.lines({ active: choice.active, done: choice.done, masked: choice.masked });
              const lit = drawn.flatMap((l, k) => (l.some((run) => run.tone === 'active') ? [k] : []));
              const parts = { boxes: r.geometry.boxes, edges: r.geometry.edges, frames: r.geometry.frames };
              // up to the zoomed pane's rows (30 at 120x34)
              for (let rows = 3; rows <= 30; rows++) {
                const opened = flowWindow(drawn.length, rows, lit, choice, parts);
                const fold = opened.fold;
                if (!fold) continue;
                folds++;
                // a fold only where the drawing does not fit: never above blank rows at its end
                // (issue 16 pass 12: zoomed parent-child 8, "⋮ 5 rows folded" over 3 blank rows)
                const shownRows = foldedWindow(drawn, rows, opened.top, fold).shown.length;
                if (shownRows !== rows) wrong.push(`${lesson.id} step ${i + 1} ${width} rows ${rows}: the fold leaves ${rows - shownRows} blank rows`);
                const n = fold.to - fold.at;
                const row = foldRow(drawn, fold, width, parts, [s.flowFold(n, 'z: whole'), s.flowFold(n, '')], 'plain' as const);
                const got = screenCells(row.map((run) => run.text).join(''));
                const where = `${lesson.id} step ${i + 1} ${width}${ascii ? ' ascii' : ''} rows ${rows}: '${got.join('')}'`;
                if (got.length !== width) wrong.push(`${where}: ${got.length} cells, not ${width}`);
                if (!got.join('').includes('⋮')) wrong.push(`${where}: no ⋮`);
                const folded = drawn.slice(fold.at, fold.to).map((l) => screenCells(l.map((run) => run.text).join('')));
                const edge = [drawn[fold.at - 1] ?? [], drawn[fold.to] ?? []].map((l) => screenCells(l.map((run) => run.text).join('')));
                const sides = [...r.geometry.frames.values()].filter((f) => f.y < fold.at && f.y + f.h - 1 >= fold.to).flatMap((f) => [f.x, f.x + f.w - 1]);
                for (let c = 0; c < width; c++) {
                  const upright = folded.map((l) => UPRIGHT.includes(l[c] ?? ' ') && (l[c] ?? '') !== '');
                  const through = upright.every(Boolean);
                  // a frame's side left open on every folded row (doorways beside a crossing) stays open
                  if ((through || (sides.includes(c) && upright.some(Boolean))) && !UPRIGHT.includes(got[c] ?? ' ')) wrong.push(`${where}: column ${c} (${through ? 'a line across the fold' : "a frame's side"}) covered by '${got[c]}'`);
                  // a line or box side leaving the row above downwards and going on below, bent or not
                  // among the folded rows (issue 16: "│⋮ 折叠了 16 行…│" broke shmdt 2's boxes)
                  if (DOWN.includes(edge[0][c] || ' ') && UP.includes(edge[1][c] || ' ') && !UPRIGHT.includes(got[c] ?? ' ')) wrong.push(`${where}: column ${c} (a line through the fold) covered by '${got[c]}'`);
                }
                // the words a blank away from any line kept
                const text = got.join('');
                const at = got.indexOf('⋮');
                if (at > 0 && got[at - 1] !== ' ') wrong.push(`${where}: '⋮' right after '${got[at - 1]}'`);
                if (!/⋮[^│┃║┆┇|]*( |$)/.test(text.slice(text.indexOf('⋮')))) wrong.push(`${where}: words glued to a line`);
              }
            }
          }
        }
      }
      expect(wrong).toEqual([]);
      // the sweep saw folds (shmget 3, parent-child 8)
      expect(folds).toBeGreaterThan(0);
      // four widths, both charsets, up to 30 rows: 20 s alone, more beside other test files
    }, 180_000);
  }
});
