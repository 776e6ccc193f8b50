// issue 16: one rule for a frame: dotted (used) once a step lit it or a box in it. Lit by its own id alone,
// overview's kernel frame was lit in step 3 and "┄┄ kernel: used earlier" in step 4 (the legend
// entry came and went), and shmat's diagram 2 drew the kernel "── not yet" around the segment
// in use.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { flowChoice, litFrames } from '../../src/app/components/flow-view.js';
import { renderDiagram } from '../../src/flow/diagrams.js';

const lesson = (id: string) => LESSONS.find((l) => l.id === id)!;

function framesAt(id: string, view: number) {
  const l = lesson(id);
  const c = flowChoice(l, view, view);
  const g = renderDiagram(c.diagram!, { width: 78, lang: 'en', family: l.diagrams }).geometry;
  const lit = litFrames(c, g.boxes, g.frames);
  return { active: lit.active.filter((f) => g.frames.has(f)), done: lit.done.filter((f) => g.frames.has(f)) };
}

describe('a frame drawn by what is lit inside it', () => {
  it("overview's kernel is drawn one way from step 3 to the end: dotted, never heavy", () => {
    for (let view = 3; view <= lesson('overview').steps.length; view++) expect(framesAt('overview', view), `view ${view}`).toEqual({ active: [], done: ['kernel'] });
  });

  it("shmat's diagram 2 draws the kernel around the segment in use as used", () => {
    const l = lesson('shmat');
    const view = l.steps.findIndex((s) => s.diagram === 'shmat-inherit') + 1;
    expect(framesAt('shmat', view).done).toContain('kernel');
  });

  it('a frame with a box lit in it, now or earlier, is used; one with none is left as it was; a masked one too', () => {
    const boxes = new Map([['a', { x: 2, y: 2, w: 4, h: 3 }], ['b', { x: 20, y: 2, w: 4, h: 3 }]]);
    const frames = new Map([['fa', { x: 0, y: 0, w: 10, h: 8 }], ['fb', { x: 18, y: 0, w: 10, h: 8 }]]);
    expect(litFrames({ active: [], done: ['a'], masked: [] }, boxes, frames)).toEqual({ active: [], done: ['a', 'fa'], masked: [] });
    expect(litFrames({ active: ['b', 'fb'], done: ['a'], masked: ['fa'] }, boxes, frames)).toEqual({ active: ['b'], done: ['a', 'fb'], masked: ['fa'] });
    expect(litFrames({ active: [], done: [], masked: [] }, boxes, frames)).toEqual({ active: [], done: [], masked: [] });
  });
});
