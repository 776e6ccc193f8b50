// A box inside a frame never touches the frame's border: at least one blank cell between them
// on every side, so the two never read as one border (newcomers read sem 2's `└─────────►┃ 信号量集`
// and serv-clnt 3's `━━━┫ 客户端` as an arrow replacing the kernel frame's border: the frame's
// side was there drawn as the arrow's line, now a doorway, tests/flow/frame-crossing.test.ts).
// Nor does a box touch another box or a frame it is not in (issue 16: a border beside a border
// reads as one). Every shipped diagram, both languages, natural width and the Flow's 77 and 70, as the app
// draws it (with its lesson's family).
import { describe, expect, it } from 'vitest';
import { diagramModel, diagramNames, renderDiagram, type CellRect } from '../../src/flow/index.js';
import { LESSONS } from '../../src/lessons/index.js';

const familyOf = (name: string) => LESSONS.find((l) => l.diagrams.includes(name) && l.diagrams.length > 1)?.diagrams;

describe("a frame's border and the boxes inside it", () => {
  it('keep a blank cell between them on every side', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const name of diagramNames()) {
      for (const lang of ['en', 'zh'] as const) {
        const model = diagramModel(name, lang);
        for (const width of [undefined, 77, 70]) {
          const r = renderDiagram(name, { width, lang, family: familyOf(name) });
          // nor a box another box or a frame it is not in: their borders side by side read as one
          const rects = [...r.geometry.boxes, ...r.geometry.frames];
          for (const [b, rect] of r.geometry.boxes) {
            for (const [o, other] of rects) {
              if (o === b || (r.geometry.boxes.has(o) && o < b) || apart(rect, other)) continue;
              wrong.push(`${name} ${lang} ${width ?? 'natural'}: ${b} against ${o}'s border`);
            }
          }
          for (const s of model.subgraphs) {
            const f = r.geometry.frames.get(s.id);
            if (!f) continue;
            for (const m of s.members) {
              const b = r.geometry.boxes.get(m);
              if (!b) continue;
              checked++;
              const gaps = [b.x - f.x - 1, f.x + f.w - 1 - (b.x + b.w), b.y - f.y - 1, f.y + f.h - 1 - (b.y + b.h)];
              if (gaps.some((g) => g < 1)) wrong.push(`${name} ${lang} ${width ?? 'natural'}: ${m} in ${s.id}, blank cells left/right/top/bottom ${gaps.join('/')}`);
            }
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });
});

/** Whether two rectangles' borders have a blank cell between them, one inside the other or not. */
export function apart(a: CellRect, b: CellRect): boolean {
  const within = (i: CellRect, o: CellRect) => i.x > o.x && i.y > o.y && i.x + i.w < o.x + o.w && i.y + i.h < o.y + o.h;
  if (within(a, b) || within(b, a)) {
    const [i, o] = within(a, b) ? [a, b] : [b, a];
    return i.x - o.x >= 2 && i.y - o.y >= 2 && o.x + o.w - (i.x + i.w) >= 2 && o.y + o.h - (i.y + i.h) >= 2;
  }
  return a.x + a.w < b.x || b.x + b.w < a.x || a.y + a.h < b.y || b.y + b.h < a.y;
}

describe('apart', () => {
  it('finds borders side by side, outside and inside', () => {
    const box = { x: 5, y: 5, w: 4, h: 3 };
    expect(apart(box, { x: 10, y: 5, w: 3, h: 3 })).toBe(true);
    expect(apart(box, { x: 9, y: 5, w: 3, h: 3 })).toBe(false);
    expect(apart(box, { x: 3, y: 3, w: 8, h: 7 })).toBe(true);
    expect(apart(box, { x: 4, y: 3, w: 8, h: 7 })).toBe(false);
  });
});

