// Every line the Mermaid writes with --> ends in an arrowhead at the box it goes to, lit or
// not, in the widths the Flow pane draws (issue 16, pass 10: parent-child's "shmat both" read as
// running into the kernel without one). Cells, not characters: a Chinese label takes two.
import { describe, expect, it } from 'vitest';
import { diagramModel, renderDiagram } from '../../src/flow/diagrams.js';
import { LESSONS } from '../../src/lessons/index.js';
import { cells } from '../../src/text/cells.js';

const HEADS = '►◄▲▼';

describe('arrowheads', () => {
  it("every --> edge of every lesson's diagram ends in an arrowhead, at 70 and 78 columns, en and zh, unlit and lit", () => {
    const bad: string[] = [];
    for (const lesson of LESSONS)
      for (const d of lesson.diagrams)
        for (const lang of ['en', 'zh'] as const)
          for (const width of [70, 78]) {
            const r = renderDiagram(d, { width, lang, family: lesson.diagrams });
            const edges = diagramModel(d, lang).edges.filter((e) => e.arrow);
            for (const lit of [undefined, { done: edges.map((e) => e.id) }]) {
              const rows = r.lines(lit).map((l) => [...l.map((run) => run.text).join('')].flatMap((c) => (cells(c) === 2 ? [c, ''] : [c])));
              for (const e of edges) {
                const end = r.geometry.edges.get(e.id)?.cells.at(-1);
                if (!end) continue;
                const ch = rows[end[1]]?.[end[0]] ?? '';
                if (!HEADS.includes(ch) || ch === '') bad.push(`${d} ${lang} ${width}${lit ? ' lit' : ''} ${e.id}: ends in '${ch}'`);
              }
            }
          }
    expect(bad).toEqual([]);
  }, 120_000);
});
