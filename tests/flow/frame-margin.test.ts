// A box inside a frame never touches the frame's border: at least one blank cell between them
// on every side, so the two never read as one border (newcomers read sem 2's `└─────────►┃ 信号量集`
// and serv-clnt 3's `━━━┫ 客户端` as an arrow replacing the kernel frame's border: the frame's
// side was there drawn as the arrow's line, now a doorway, tests/flow/frame-crossing.test.ts).
// Every shipped diagram, both languages, natural width and the Flow's 77 and 70, as the app
// draws it (with its lesson's family).
import { describe, expect, it } from 'vitest';
import { diagramModel, diagramNames, renderDiagram } from '../../src/flow/index.js';
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
