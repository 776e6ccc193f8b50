// How a drawing sits in its pane and what its strokes say: a column of margin left of the
// drawing where the pane has it (a box or label flush against the pane's border reads as
// part of it), and a frame lit by an earlier step drawn in a style no legend entry uses
// (the legend's ══ is "done": a frame is no step done).
import { describe, expect, it } from 'vitest';
import { diagramNames, renderDiagram } from '../../src/flow/index.js';
import { parseFlowchart, renderFlow } from '../../src/flow/index.js';

/** drawn flush against the pane's left border: no narrower drawing without a cut, more flaws or crossings, and no blank column to spare (render.ts squeezed()) */
const STILL_FLUSH = new Set<string>([]);

describe('the left margin', () => {
  for (const width of [70, 77, 118]) {
    it(`every shipped diagram at ${width} columns leaves the pane's first column blank`, () => {
      for (const name of diagramNames()) {
        for (const lang of ['en', 'zh'] as const) {
          const key = `${name} ${lang} ${width}`;
          const r = renderDiagram(name, { width, lang });
          const flush = r.text().split('\n').some((l) => l.length > 0 && l[0] !== ' ');
          expect.soft(r.width, key).toBeLessThanOrEqual(width);
          if (STILL_FLUSH.has(key)) expect.soft(flush, `${key} has its margin now: take it off the list`).toBe(true);
          else {
            expect.soft(flush, key).toBe(false);
            for (const [id, box] of r.geometry.boxes) expect.soft(box.x, `${key}: ${id}`).toBeGreaterThanOrEqual(1);
          }
        }
      }
    });
  }

  it('moves the geometry with the picture, and only when a width is given', () => {
    const model = parseFlowchart('flowchart LR\na[one] --go--> b[two]');
    const natural = renderFlow(model);
    const inPane = renderFlow(model, { width: 60 });
    expect(natural.text().split('\n')[0][0]).not.toBe(' ');
    expect(inPane.width).toBe(natural.width + 1);
    expect(inPane.text().split('\n').map((l) => l.slice(1))).toEqual(natural.text().split('\n'));
    expect(inPane.geometry.boxes.get('a')!.x).toBe(natural.geometry.boxes.get('a')!.x + 1);
    expect(inPane.geometry.edges.get('a->b')!.cells[0][0]).toBe(natural.geometry.edges.get('a->b')!.cells[0][0] + 1);
  });
});

describe('a lit frame', () => {
  const model = parseFlowchart('flowchart TD\nsubgraph k[kernel]\n  s[segment]\nend\np[process] --> s');
  const text = (highlight: { active?: string[]; done?: string[] }, ascii = false) => renderFlow(model, { ascii }).text(highlight);
  it('done: dotted, neither the legend\'s ══ (done) nor ── (not yet) nor ━━ (just run)', () => {
    const frameRows = text({ done: ['k'] }).split('\n').filter((l) => l.includes('kernel'));
    expect(frameRows[0]).toMatch(/┌┄ kernel /);
    expect(text({ done: ['k'] })).not.toMatch(/[═║╔╗╚╝━┃]/);
    expect(text({ done: ['k'] }, true)).toMatch(/\+\. kernel /);
    expect(text({ done: ['k'] }, true)).not.toMatch(/#/);
  });
  it('just run: heavy as any lit part; a done edge in it still double', () => {
    expect(text({ active: ['k'] })).toMatch(/┏━ kernel /);
    expect(text({ done: ['k', 'p->s', 'p'] })).toMatch(/║/);
  });
});
