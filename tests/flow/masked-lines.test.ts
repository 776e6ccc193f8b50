// An edge drawn blank while masked (a `%% hide ID line` edge: which way it goes is the answer)
// leaves nothing of its line: no stub where it leaves a box (┬) or crosses a frame (┼), and its "?"
// stands where the line would be, not in the middle of a long label off in empty space.
// The lessons' diagrams draw only solid edges: a highlight's strokes are the legend's
// (━━ just run ══ done ── not yet), and a dotted edge lit is ┇, which the legend does not list.
import { describe, expect, it } from 'vitest';
import { diagramModel, diagramNames, parseFlowchart, renderDiagram, renderFlow } from '../../src/flow/index.js';
import { hiddenLines, hiddenParts } from '../../src/flow/hidden.js';
import { LESSONS } from '../../src/lessons/index.js';

const SOURCE = `flowchart TD
a[start box]
subgraph k[frame]
  b[end box]
end
a --"a long label that says which way it goes"--> b
%% hide a->b line
`;

function drawn(masked: string[], source = SOURCE): string[] {
  const parsed = parseFlowchart(source);
  const r = renderFlow({ ...parsed, hidden: hiddenParts(parsed, source), hiddenLines: hiddenLines(parsed, source) }, { width: 78 });
  return r.text({ active: [], done: [], masked }).split('\n');
}

describe('a masked edge', () => {
  it('leaves no stub on the box it leaves nor on the frame it crosses, and its "?" on its path', () => {
    const open = drawn([]);
    const hidden = drawn(['a->b']);
    // unmasked: the line leaves the box's bottom border and crosses the frame's top, drawn as
    // the line going on through a doorway in it (─╌│╌─, not a ┼: tests/flow/frame-crossing.test.ts);
    // masked, the border is whole there
    expect(open.join('\n')).toMatch(/┬/);
    expect(open.join('\n')).toMatch(/─╌│╌─/);
    const text = hidden.join('\n');
    expect(text).not.toMatch(/[┬┼▼╌]|─ │ ─|─│─/);
    expect(text).toMatch(/┌─ frame ─+┐/);
    expect(text).not.toContain('long label');
    // the "?" in the column the line went down
    const column = open.findIndex((l) => l.includes('┬'));
    const x = open[column].indexOf('┬');
    const row = hidden.find((l) => l.includes('?'))!;
    expect(row.indexOf('?')).toBe(x);
  });

  it('without "line" keeps its line and arrowhead, its "?" beside the line, not amid blank label cells', () => {
    const hidden = drawn(['a->b'], SOURCE.replace('%% hide a->b line', '%% hide a->b'));
    const text = hidden.join('\n');
    expect(text).toMatch(/▼/);
    expect(text).not.toContain('long label');
    const row = hidden.find((l) => l.includes('?'))!;
    // a cell away from the line (? │), not amid the blank cells of a wrapped label
    expect(row).toMatch(/\? │|│ \?/);
  });

  it("sem's two holders: before their steps ran each edge is a \"?\" on its drawn line, neither says what the kernel gives back", () => {
    const r = renderDiagram('sem-pv', { width: 78, lang: 'en' });
    const before = r.text({ active: ['sem'], done: [], masked: ['h1->sem', 'h2->sem'] });
    const after = r.text({ active: ['sem'], done: [] });
    expect(after).toMatch(/given back/);
    expect(before).not.toMatch(/given back|SEM_UNDO/);
    expect(before.match(/\?/g)).toHaveLength(2);
    // the lines stay: as many arrowheads either way
    expect(before.match(/[►◄▲▼]/g)).toHaveLength(after.match(/[►◄▲▼]/g)!.length);
  });
});

describe("the lessons' diagrams", () => {
  it('draw only solid edges, the strokes the legend names', () => {
    const used = new Set(LESSONS.flatMap((l) => l.diagrams));
    expect(used.size).toBeGreaterThan(5);
    for (const name of diagramNames().filter((n) => used.has(n))) {
      const styled = diagramModel(name).edges.filter((e) => e.style !== 'solid').map((e) => e.id);
      expect(styled, name).toEqual([]);
    }
  });
});
