// "Flow: diagram 1 of 5" was never explained (issue 16, newcomers): each diagram of a lesson
// with several is named in the pane's title, in both languages (`%% title LANG = ...` in its
// Mermaid file, src/flow/diagrams.ts diagramTitle).
import { describe, expect, it } from 'vitest';
import { diagramTitle, renderDiagram } from '../../src/flow/diagrams.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import { cells } from '../../src/text/cells.js';
import { flowChoice, flowTitle } from '../../src/app/components/flow-view.js';
import { frameChars, titleRoom } from '../../src/app/components/frame.js';
import { layoutFor } from '../../src/app/layout.js';

describe("a lesson's diagrams named", () => {
  // pass 10: msg, sem and race said only "Flow": a lesson's only diagram is named too
  it('every diagram of a lesson has a title in en and zh, short, and one of its own within the lesson', () => {
    const bad: string[] = [];
    for (const lesson of LESSONS) {
      for (const lang of ['en', 'zh'] as const) {
        const titles = lesson.diagrams.map((d) => diagramTitle(d, lang));
        lesson.diagrams.forEach((d, i) => {
          const t = titles[i];
          if (!t) bad.push(`${lesson.id} ${d} ${lang}: no title`);
          else if (cells(t) > 24) bad.push(`${lesson.id} ${d} ${lang}: "${t}" is ${cells(t)} cells`);
          else if (titles.indexOf(t) !== i) bad.push(`${lesson.id} ${d} ${lang}: "${t}" twice`);
        });
      }
    }
    expect(bad).toEqual([]);
  });

  it('the Flow pane title says which diagram and what it shows (the rendering carries the title)', () => {
    const r = renderDiagram('serv-clnt-1', { width: 77, lang: 'en', family: LESSONS.find((l) => l.id === 'serv-clnt')!.diagrams });
    expect(r.title).toBe('the server gets ready');
    expect(strings('en').flowOf('Flow', 1, 5, false, undefined, r.title)).toBe('Flow: diagram 1 of 5, the server gets ready');
    expect(strings('zh').flowOf('流程', 1, 5, false, undefined, renderDiagram('serv-clnt-1', { width: 77, lang: 'zh' }).title)).toBe('流程：第 1 张图（共 5 张）：服务端就绪');
    expect(strings('en').flowOf('Flow', 1, 1, false, undefined, renderDiagram('sem-pv', { width: 77, lang: 'en' }).title)).toBe('Flow: take and give back');
    expect(strings('zh').flowOf('流程', 1, 1, false, undefined, renderDiagram('sem-pv', { width: 77, lang: 'zh' }).title)).toBe('流程：取得与归还');
  });

  // newcomer passes 4-5 (s25f): parent-child's diagrams 2-4 each show one step, and while it was
  // read the title was "Flow: diagram 2 of 5  Space runs step 6, on diagram 3": the name gives way
  // to where the next step goes (flow-view.ts flowTitle), so a diagram whose name never fits beside
  // that note was never named. Each is named at one view of its own steps at least (the step just
  // run, looked at), in the Flow pane of 80x24 (a tab) and of 120x34 (the right column).
  it('every diagram is named in the Flow title while one of its steps is read, at 80x24 and 120x34, en and zh', () => {
    const bad: string[] = [];
    const widths = [layoutFor(80, 24, 10), layoutFor(120, 34, 10)].map((l) => (l.mode === 'wide' ? l.flow.w : l.mode === 'tabs' ? l.tabs.w : 0));
    for (const lesson of LESSONS) {
      for (const lang of ['en', 'zh'] as const) {
        const s = strings(lang);
        for (const width of widths) {
          const named = new Map<string, string | undefined>();
          for (let view = 0; view < lesson.steps.length; view++) {
            const choice = flowChoice(lesson, view, view);
            if (!choice.diagram || !choice.place) continue;
            const name = diagramTitle(choice.diagram, lang);
            // as the pane chooses it (flowBorders): beside the drawing's widest "↑ N more" and its
            // note, and the focus mark in the right column, at every step alike
            const rows = renderDiagram(choice.diagram, { width: width - 3, lang, family: lesson.diagrams }).height;
            const mark = width === widths[1] ? s.focusMark : '';
            const names = lesson.diagrams.map((d) => diagramTitle(d, lang));
            const title = flowTitle(s.flowOf, s.flow, choice.place, name, titleRoom(rows, width, frameChars(false), s.more, s.litGoesOnAbove, mark), cells, names);
            if (!named.get(choice.diagram)) named.set(choice.diagram, name && title.includes(name) ? title : undefined);
            if (!named.get(choice.diagram) && !named.has(`${choice.diagram} seen`)) named.set(`${choice.diagram} seen`, title);
          }
          for (const d of lesson.diagrams) if (named.has(d) && !named.get(d)) bad.push(`${lesson.id} ${lang} ${width} columns: ${d} never named ("${named.get(`${d} seen`)}")`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
