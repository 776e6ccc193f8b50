// An edge across a frame's border reads as two boxes overlapping (issue 16: msg-queue's
// "msgctl IPC_RMID" line drawn `┌─ kernel ──┼───`, its ┼ a box's joint). An edge crosses a
// border only to reach a box inside the frame, at most once for each end inside, and the
// crossing is drawn with the edge's own line going on through the border, not a ┼: across a
// top or bottom border through a doorway, the cells beside it dashed (`─╌│╌─ kernel`: `──│──`
// read as an arrow drawn through a wall, and `─ │ ─` the wall's piece by the line as a box's
// corner with it); across a side wall over one cell of it, the wall dashed above and below it
// (`╎`). Every shipped diagram, both languages, at natural width, 80 columns and the flow pane's
// 77 (80x24) and 70 (120x34), alone and with its lesson's family as the app draws it, unicode and ASCII.
// Nor does a line go into a box, or meet another line but straight across it (issue 16).
import { describe, expect, it } from 'vitest';
import { diagramModel, diagramNames, renderDiagram, type CellRect, type FlowModel, type Rendered } from '../../src/flow/index.js';
import { LESSONS } from '../../src/lessons/index.js';
import { toCells } from './check.js';

const THROUGH = { v: { unicode: '│┃║┆┇', ascii: '|H:*#' }, h: { unicode: '─━═┄┅', ascii: '-=.*#' } };

/** The ids a frame holds, nested frames' members too. */
function holds(model: FlowModel, id: string): Set<string> {
  const out = new Set<string>();
  const walk = (f: string) => {
    for (const m of model.subgraphs.find((s) => s.id === f)?.members ?? []) {
      out.add(m);
      walk(m);
    }
  };
  walk(id);
  return out;
}

/** 'h': the cell is on a frame's top or bottom border, 'v': on its left or right side. */
function onBorder(f: CellRect, x: number, y: number): 'h' | 'v' | null {
  const inX = x > f.x && x < f.x + f.w - 1;
  const inY = y > f.y && y < f.y + f.h - 1;
  if (inX && (y === f.y || y === f.y + f.h - 1)) return 'h';
  if (inY && (x === f.x || x === f.x + f.w - 1)) return 'v';
  return null;
}

/** Every way an edge crosses a frame's border that is not one crossing per end inside, drawn
 *  with the edge's own line. */
export function frameCrossings(model: FlowModel, r: Rendered, ascii: boolean, lit = false): string[] {
  const rows = toCells(lit ? r.text({ active: [...r.geometry.edges.keys()] }) : r.text());
  const out: string[] = [];
  // where two edges share a cell it is a crossing, one straight across the other: a corner
  // there (or both along one axis) joins them into one line that turns off the other's way
  const axes = new Map<string, [string, string]>();
  for (const [id, { cells }] of r.geometry.edges) {
    cells.forEach(([x, y], i) => {
      const [p, n] = [cells[i - 1] ?? cells[i], cells[i + 1] ?? cells[i]];
      const axis = p[1] === y && n[1] === y ? 'h' : p[0] === x && n[0] === x ? 'v' : 'corner';
      const other = axes.get(`${x},${y}`);
      if (other && (axis === 'corner' || other[1] === 'corner' || axis === other[1])) out.push(`${other[0]} and ${id} meet at ${x},${y} (${other[1]}, ${axis}), not crossing`);
      axes.set(`${x},${y}`, [id, axis]);
    });
    // and a line never enters a box: its ends stop at the border
    for (const [b, rect] of r.geometry.boxes) if (cells.some(([x, y]) => x >= rect.x && x < rect.x + rect.w && y >= rect.y && y < rect.y + rect.h)) out.push(`${id} runs through box ${b}`);
  }
  for (const e of model.edges) {
    const cells = r.geometry.edges.get(e.id)?.cells ?? [];
    for (const [fid, f] of r.geometry.frames) {
      if (fid === e.from || fid === e.to) continue;
      const mine = holds(model, fid);
      const ends = Number(mine.has(e.from)) + Number(mine.has(e.to));
      const allowed = ends === 1 ? 1 : 0;
      const crossed: string[] = [];
      cells.forEach(([x, y], i) => {
        const side = onBorder(f, x, y);
        if (!side) return;
        crossed.push(`${x},${y}`);
        const c = rows[y]?.[x] ?? ' ';
        // the line goes on through the border: across a top/bottom border it is vertical
        const want = THROUGH[side === 'h' ? 'v' : 'h'][ascii ? 'ascii' : 'unicode'];
        if (!want.includes(c)) out.push(`${e.id} crosses ${fid}'s border at ${x},${y} (cell ${i}) drawn '${c}', not its own line`);
        // a doorway in a top or bottom border: no plain stretch of it right beside the crossing
        // (a corner, a title or another line may be there); a side wall stays whole above and
        // below a sideways edge (blanked, a wall read as open for three rows)
        const plain = THROUGH[side][ascii ? 'ascii' : 'unicode'].replace(/[*#]/g, '');
        const beside = side === 'h' ? [rows[y]?.[x - 1], rows[y]?.[x + 1]] : [rows[y - 1]?.[x], rows[y + 1]?.[x]];
        if (side === 'v' && beside.some((b) => b === ' ')) out.push(`${e.id} crosses ${fid}'s side at ${x},${y} with the wall blank beside it: '${beside.join('')}'`);
        // and dashed there (╎), not drawn whole: the line read as ending at the wall, not
        // passing through it (issue 16: serv-clnt 1's "server ───┘" across the kernel's wall)
        if (side === 'v' && !ascii && beside.some((b) => b !== undefined && '│┃║'.includes(b))) out.push(`${e.id} crosses ${fid}'s side at ${x},${y} with the wall drawn whole beside it: '${beside.join('')}'`);
        if (side === 'h' && beside.some((b) => b !== undefined && b !== '' && plain.includes(b))) out.push(`${e.id} crosses ${fid}'s border at ${x},${y} with the border drawn right beside it: '${beside.join('')}'`);
        // drawn dashed, not blank: a blank between the line and the border read as the wall
        // ending there, a box's corner with the line (msg-queue's IPC_RMID "looks like a box");
        // a blank before a title's word is the title's own (a wide character's second cell, '', too)
        const beyond = [rows[y]?.[x - 2], rows[y]?.[x + 2]];
        if (side === 'h' && !ascii && beside.some((b, j) => b === ' ' && beyond[j] !== '' && plain.includes(beyond[j] ?? ' '))) out.push(`${e.id} crosses ${fid}'s border at ${x},${y} through a blank doorway: '${beyond[0]}${beside[0]}${c}${beside[1]}${beyond[1]}'`);
      });
      if (crossed.length > allowed) out.push(`${e.id} crosses ${fid}'s border ${crossed.length} times (${crossed.join(' ')}), ${ends} of its ends inside`);
    }
  }
  return out;
}

/** drawn crossing a frame twice still (the frame leaves no room inside for the line): can only
 *  shrink. parent-child-reply's SIGUSR2, child to parent inside "processes", goes over the top
 *  of the frame in the family's Chinese layout. */
const STILL = new Set(['parent-child-reply zh natural family', 'parent-child-reply zh 80 family', 'parent-child-reply zh 77 family']);

const familyOf = (name: string) => LESSONS.find((l) => l.diagrams.includes(name) && l.diagrams.length > 1)?.diagrams;

describe("an edge across a frame's border", () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`crosses only to reach a box inside, once, drawn as its own line (${lang})`, () => {
      const found: string[] = [];
      for (const name of diagramNames()) {
        const model = diagramModel(name, lang);
        for (const width of [undefined, 80, 77, 70]) {
          for (const family of [undefined, familyOf(name)]) {
            if (family === undefined && width !== undefined && familyOf(name)) continue;
            for (const ascii of [false, true]) {
              const r = renderDiagram(name, { lang, width, family, ascii });
              const key = `${name} ${lang} ${width ?? 'natural'}${family ? ' family' : ''}`;
              const twice = (p: string) => STILL.has(key) && / times \(/.test(p);
              for (const lit of [false, true]) {
                const problems = frameCrossings(model, r, ascii, lit);
                if (STILL.has(key) && !ascii && !lit) expect.soft(problems.some(twice), `${key} crosses once now: take it off STILL`).toBe(true);
                for (const p of problems) if (!twice(p)) found.push(`${key}${ascii ? ' ascii' : ''}${lit ? ' lit' : ''}: ${p}`);
              }
            }
          }
        }
      }
      expect(found).toEqual([]);
    });
  }
});

describe('frameCrossings on lines that meet', () => {
  it('finds a corner shared by two lines and a line into a box, not a straight crossing', () => {
    const drawn = (edges: [string, [number, number][]][], boxes: [string, CellRect][] = []) =>
      ({ text: () => '', geometry: { edges: new Map(edges.map(([id, cells]) => [id, { cells }])), boxes: new Map(boxes), frames: new Map() } }) as unknown as Rendered;
    const none = { edges: [] } as unknown as FlowModel;
    const across: [string, [number, number][]] = ['b', [[1, 0], [1, 1], [1, 2]]];
    expect(frameCrossings(none, drawn([['a', [[0, 1], [1, 1], [2, 1]]], across]), false)).toEqual([]);
    expect(frameCrossings(none, drawn([['a', [[0, 1], [1, 1], [1, 2]]], across]), false)).toEqual(['a and b meet at 1,1 (corner, v), not crossing', 'a and b meet at 1,2 (v, v), not crossing']);
    expect(frameCrossings(none, drawn([across], [['box', { x: 1, y: 2, w: 3, h: 3 }]]), false)).toEqual(['b runs through box box']);
  });
});
