// Every line style a lesson's flow draws is in the legend above it: the dotted frame (┄ ┆)
// of a frame an earlier step lit is named while the picture has one, and only then.
import { describe, expect, it } from 'vitest';
import { flowChoice, framesDoneNames, litFrames, showsFramesDone } from '../../src/app/components/flow-view.js';
import { legend, renderDiagram } from '../../src/flow/index.js';
import { cells } from '../../src/text/cells.js';
import { LESSONS } from '../../src/lessons/index.js';

const DOTTED = /[┄┆┅┇]/;

describe('the legend names every line style drawn', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`a dotted frame is drawn only with "┄┄" in the legend, at 77 columns (${lang})`, () => {
      let dotted = 0;
      for (const lesson of LESSONS) {
        // each step shown once it ran, and in review with every step run
        for (let i = 0; i < lesson.steps.length; i++) {
          for (const choice of [flowChoice(lesson, i, i + 1), flowChoice(lesson, i, lesson.steps.length)]) {
            const rendered = renderDiagram(choice.diagram!, { width: 77, lang });
            const drawn = rendered.text({ active: choice.active, done: choice.done, masked: choice.masked });
            const key = legend(lang, false, false, showsFramesDone(choice, rendered.geometry.frames)).map((r) => r.text).join('');
            expect(key.includes('┄┄'), `${lesson.id} step ${i + 1} (${choice.diagram}):\n${key}\n${drawn}`).toBe(DOTTED.test(drawn));
            if (DOTTED.test(drawn)) dotted++;
          }
        }
      }
      // the lessons do draw some: the check is not empty
      expect(dotted).toBeGreaterThan(0);
    });
  }

  // the kernel frame drawn dotted on every step of overview was read as how a kernel is drawn
  for (const [room, lang] of [[77, 'en'], [70, 'en'], [77, 'zh'], [70, 'zh']] as const) {
    it(`a dotted frame is named by its label in the legend, within ${room} columns (${lang})`, () => {
      let named = 0;
      for (const lesson of LESSONS) {
        for (let i = 0; i < lesson.steps.length; i++) {
          const choice = flowChoice(lesson, i, i + 1);
          const rendered = renderDiagram(choice.diagram!, { width: room, lang });
          const drawn = rendered.lines({ active: choice.active, done: choice.done, masked: choice.masked });
          const names = framesDoneNames(choice, rendered.geometry.frames, drawn);
          expect(names.length > 0, `${lesson.id} step ${i + 1}: a frame drawn dotted has its label read`).toBe(showsFramesDone(choice, rendered.geometry.frames));
          const key = legend(lang, false, true, names, room).map((r) => r.text).join('');
          expect(cells(key), `${lesson.id} step ${i + 1}: ${key}`).toBeLessThanOrEqual(room);
          for (const name of names) expect(key, `${lesson.id} step ${i + 1}`).toContain(name);
          named += names.length;
        }
      }
      expect(named).toBeGreaterThan(0);
    });
  }

  it('names the frames lit earlier, and leaves the names out where they do not fit', () => {
    expect(legend('en', false, false, ['kernel']).map((r) => r.text).join('')).toBe('━━ just run  ══ done  ── not yet  ┄┄ kernel: in a step');
    expect(legend('zh', false, true, ['内核']).map((r) => r.text).join('')).toBe('━━ 刚运行  ══ 已做  ── 未做  ┄┄ 内核：有步骤用到  ? 后面的步骤揭晓');
    expect(legend('en', false, true, ['kernel'], 77).map((r) => r.text).join('')).toBe('━━ just run  ══ done  ── not yet  ┄┄ kernel: in a step  ? shown later');
    expect(legend('en', false, true, ['kernel'], 70).map((r) => r.text).join('')).toBe('━━ just run  ══ done  ── not yet  ┄┄ kernel: in a step  ? shown later');
    expect(legend('en', false, true, ['kernel'], 60).map((r) => r.text).join('')).toBe('━━ just run ══ done ── not yet ┄┄ in a step ? shown later');
    expect(legend('en', false, true, ['kernel'], 55).map((r) => r.text).join('')).toContain('┄┄ in a step');
  });

  // issue 16: "used by an earlier step" in one view, "lit earlier" in another
  it('says each mark in one wording at every width and beside every other mark', () => {
    for (const lang of ['en', 'zh'] as const) {
      const words = new Set<string>();
      for (const room of [Infinity, 77, 70, 60, 40])
        for (const masked of [false, true])
          for (const names of [true, ['kernel'], ['kernel', 'processes']]) {
            const line = legend(lang, false, masked, names, room);
            const at = line.findIndex((r) => r.text === '┄┄');
            words.add(line[at + 1].text.replace(/^.*[:：]\s*/, '').trim());
          }
      expect([...words], lang).toHaveLength(1);
    }
  });

  it('says what the dotted frame means, in both languages', () => {
    expect(legend('en', false, false, true).map((r) => r.text).join('')).toBe('━━ just run  ══ done  ── not yet  ┄┄ in a step');
    expect(legend('zh', false, true, true).map((r) => r.text).join('')).toBe('━━ 刚运行  ══ 已做  ── 未做  ┄┄ 有步骤用到  ? 后面的步骤揭晓');
    expect(legend('en', true, false, true).map((r) => r.text).join('')).toContain('.. in a step');
  });
});

// issue 16: a changed word read as a changed meaning. parent-child's legend said "kernel,
// processes: in a step" at one step and "processes, kernel: in a step" at the next (the steps'
// order), and shmat's "┄┄ kernel: in a step" turned "┄┄ in a step" where "? shown later" came in.
describe('the legend holds its words still within a lesson', () => {
  it('names dotted frames in the drawing\'s order, whatever order the steps lit them', () => {
    const lesson = LESSONS.find((l) => l.id === 'parent-child')!;
    const orders = new Set<string>();
    for (let i = 0; i < lesson.steps.length; i++) {
      const step = flowChoice(lesson, i, i + 1);
      const rendered = renderDiagram(step.diagram!, { width: 77, lang: 'en', family: lesson.diagrams });
      // as the Flow pane draws it (FlowPane.tsx)
      const choice = litFrames(step, rendered.geometry.boxes, rendered.geometry.frames);
      const drawn = rendered.lines({ active: choice.active, done: choice.done, masked: choice.masked });
      const names = framesDoneNames(choice, rendered.geometry.frames, drawn);
      if (names.length > 1) orders.add(names.join(', '));
    }
    expect(orders.size, [...orders].join(' | ')).toBe(1);
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`names the frames with "? shown later" or without it alike, at every room (${lang})`, () => {
      const text = (masked: boolean, room: number) => legend(lang, false, masked, ['kernel'], room).map((r) => r.text).join('');
      const named = (t: string) => t.includes('kernel');
      let both = 0;
      for (let room = 30; room <= 120; room++) {
        expect(named(text(false, room)), `${room}: ${text(false, room)} / ${text(true, room)}`).toBe(named(text(true, room)));
        if (named(text(false, room))) both++;
      }
      expect(both).toBeGreaterThan(0);
    });
  }
});
