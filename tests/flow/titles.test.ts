// "Flow: diagram 1 of 5" was never explained (issue 16, newcomers): each diagram of a lesson
// with several is named in the pane's title, in both languages (`%% title LANG = ...` in its
// Mermaid file, src/flow/diagrams.ts diagramTitle).
import { describe, expect, it } from 'vitest';
import { diagramTitle, renderDiagram } from '../../src/flow/diagrams.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import { cells } from '../../src/text/cells.js';

describe("a lesson's diagrams named", () => {
  it('every diagram of a lesson with several has a title in en and zh, short, and one of its own within the lesson', () => {
    const bad: string[] = [];
    for (const lesson of LESSONS.filter((l) => l.diagrams.length > 1)) {
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
  });
});
