// A lesson's diagrams drawn one after another are one picture to the learner: every box and
// frame two of them draw stands in the same place in both (family.ts), and what an earlier
// step did stays drawn as done on a later diagram where that diagram draws the same act.
import { describe, expect, it } from 'vitest';
import { diagramModel, edgeLabel, familyOf, localize, parseFlowchart, diagramSource, renderDiagram } from '../../src/flow/index.js';
import { flowChoice } from '../../src/app/components/flow-view.js';
import { layoutFor } from '../../src/app/layout.js';
import { LESSONS } from '../../src/lessons/index.js';
import { checkRendering } from './check.js';

// the lesson's flow pane at 80x24 (tabs) and 120x34 (right column), less its frame
const paneWidth = (w: number, h: number) => {
  const l = layoutFor(w, h, 10);
  return l.mode === 'wide' ? l.flow.w - 2 : l.mode === 'tabs' ? l.tabs.w - 2 : 0;
};
const WIDTHS = [...new Set([paneWidth(80, 24), paneWidth(120, 34)])];
const FAMILIES = LESSONS.filter((l) => l.diagrams.length > 1);
// two diagrams are one picture when they share boxes (family.ts familyOf): only those are compared

describe("a lesson's diagrams keep each box in one place", () => {
  it('are drawn at the widths of the 80x24 and 120x34 panes; only diagrams that share boxes are one picture', () => {
    expect(WIDTHS).toEqual(expect.arrayContaining([78, 71]));
    const boxes = (n: string) => diagramModel(n).nodes.map((b) => b.id);
    const pc = LESSONS.find((l) => l.id === 'parent-child')!;
    expect(familyOf('parent-child-reply', pc.diagrams, boxes)).toEqual(pc.diagrams);
    const overview = LESSONS.find((l) => l.id === 'overview')!;
    expect(familyOf(overview.diagrams[0], overview.diagrams, boxes)).toEqual([overview.diagrams[0]]);
  });
  for (const lesson of FAMILIES) for (const lang of ['en', 'zh'] as const) for (const width of WIDTHS) {
    it(`${lesson.id} (${lang}, ${width} columns): a box or frame two diagrams draw is at the same cells in both, each well formed`, () => {
      const drawn = lesson.diagrams.map((name) => ({ name, r: renderDiagram(name, { width, lang, family: lesson.diagrams }) }));
      const seen = new Map<string, { name: string; at: string }>();
      for (const { name, r } of drawn) {
        const family = familyOf(name, lesson.diagrams, (n) => diagramModel(n).nodes.map((b) => b.id));
        const model = localize(parseFlowchart(diagramSource(name)), diagramSource(name), lang);
        expect(checkRendering(model, r, false, width), `${name}\n${r.text()}`).toEqual([]);
        expect(r.notes.filter((n) => n.startsWith('cut') || n.startsWith('no room')), `${name}\n${r.text()}`).toEqual([]);
        for (const [id, rect] of [...r.geometry.boxes, ...r.geometry.frames]) {
          const at = JSON.stringify(rect);
          const first = seen.get(`${family[0]} ${id}`);
          if (!first) seen.set(`${family[0]} ${id}`, { name, at });
          else expect(at, `${id}: in ${first.name} ${first.at}, in ${name} ${at}\n${drawn.map((d) => `${d.name}\n${d.r.text()}`).join('\n')}`).toBe(first.at);
        }
      }
    });
  }

  it('parent-child: a box of its first diagram is drawn in the same place as the step goes on to the next diagram (the boxes moved before)', () => {
    const pc = LESSONS.find((l) => l.id === 'parent-child')!;
    const at = (name: string) => renderDiagram(name, { width: 78, lang: 'en', family: pc.diagrams }).geometry.boxes;
    for (const name of pc.diagrams.slice(1)) for (const id of ['parent', 'child', 'down', 'up']) expect(at(name).get(id), `${name} ${id}`).toEqual(at(pc.diagrams[0]).get(id));
  });
});

describe('what earlier steps did, drawn as done on a later diagram', () => {
  it("parent-child: both processes' shmat stays drawn as done through the steps on the other diagrams, until the end's shmdt", () => {
    const pc = LESSONS.find((l) => l.id === 'parent-child')!;
    const attach = pc.steps.findIndex((s) => s.id === 'attach');
    for (let k = attach + 1; k < pc.steps.length; k++) {
      const choice = flowChoice(pc, k, k + 1, () => [], edgeLabel);
      const step = pc.steps[k];
      if (step.id === 'finish') {
        // the end's edges to the kernel are shmdt: another act, not drawn as done
        expect(choice.done, step.id).not.toContain('child->kernel');
        continue;
      }
      expect(choice.done, `step ${k + 1} (${step.id}) on ${choice.diagram}`).toEqual(expect.arrayContaining(['child->kernel', 'parent->kernel']));
    }
  });

  it('an edge of the same id with another label is another act: not carried over (SIGUSR1 then SIGUSR2 between the same processes)', () => {
    const pc = LESSONS.find((l) => l.id === 'parent-child')!;
    const answer = pc.steps.findIndex((s) => s.id === 'answer');
    expect(edgeLabel('parent-child-reply', 'child->parent')).not.toBe(edgeLabel('parent-child-answer', 'child->parent'));
    // step 5 lit child->parent (SIGUSR2) on another diagram; step 6 draws SIGUSR1 there, lit as its own
    const before = flowChoice(pc, answer, answer, () => [], edgeLabel);
    expect(before.diagram).toBe('parent-child-reply');
    const shownAnswer = flowChoice(pc, answer, answer + 2, () => [], edgeLabel);
    expect(shownAnswer.done).not.toContain('child->parent');
    expect(diagramModel('parent-child-answer').edges.map((e) => e.id)).toContain('child->parent');
  });
});
