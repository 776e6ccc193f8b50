// One legend per lesson (issue 16): the Flow's key to its marks says each mark in the same words
// at every step of a lesson (at step 1 "╌│╌ line through a frame  ? shown later", later "┄┄ in
// a step" read as other meanings), and every mark the pane draws has an entry there or in the
// glossary's "the Flow's lines" entry, which g reaches.
import { describe, expect, it } from 'vitest';
import { flowChoice, hiddenRows, lessonMarks, litFrames } from '../../src/app/components/flow-view.js';
import { legend, renderDiagram } from '../../src/flow/index.js';
import { GLOSSARY } from '../../src/lessons/glossary.js';
import { cells } from '../../src/text/cells.js';
import { LESSONS } from '../../src/lessons/index.js';

/** Each mark the grid draws (src/flow/grid.ts), by the legend's sample for it. */
const MARKS: [sample: string, drawn: RegExp][] = [
  ['━━', /[━┃┏┓┗┛┣┫┳┻╋]/],
  ['══', /[═║╔╗╚╝╠╣╦╩╬]/],
  ['──', /[─│┌┐└┘├┤┬┴┼]/],
  ['┄┄', /[┄┆┅┇]/],
  ['╌│╌', /[╌╍╎╏]/],
];

/** The glyphs of a mark the glossary's entry names, where the legend has no room for it. */
const GLOSSED: Record<string, string[]> = { '┄┄': ['┄'], '╌│╌': ['╌│╌', '╎'], '?': ['?'] };

/** The legend's words for each sample: "━━" → "just run". */
function words(line: readonly { text: string }[]): Map<string, string> {
  // runs: a sample, " its word", a gap, the next sample...
  const out = new Map<string, string>();
  line.forEach((r, i) => {
    if (r.text.trim() !== '' && !r.text.startsWith(' ') && line[i + 1]) out.set(r.text, line[i + 1].text.trim());
  });
  return out;
}

// the Flow pane's inner width at 80x24 (the Flow alone) and at 120x34 (beside the lesson)
const ROOMS = [77, 70] as const;

describe('one legend per lesson', () => {
  for (const lang of ['en', 'zh'] as const) {
    for (const room of ROOMS) {
      it(`the same words for each mark at every step, and every mark drawn named (${lang}, ${room} columns)`, () => {
        const glossary = GLOSSARY.find((e) => e.id === 'flow-lines')!;
        const wrong: string[] = [];
        let steps = 0;
        for (const lesson of LESSONS) {
          const options = { width: room, lang, family: lesson.diagrams };
          const said = new Map<string, string>();
          // each step before and after its run, then in review with all run: as the pane draws it
          const views = [...lesson.steps.flatMap((_, i) => [[i, i], [i, i + 1]]), ...lesson.steps.map((_, i) => [i, lesson.steps.length])];
          for (const [view, done] of views) {
            const choice = flowChoice(lesson, view, done);
            if (!choice.diagram) continue;
            const rendered = renderDiagram(choice.diagram, options);
            const lit = litFrames(choice, rendered.geometry.boxes, rendered.geometry.frames);
            const drawn = rendered.lines({ active: lit.active, done: lit.done, masked: lit.masked });
            const key = legend(lang, false, lessonMarks(lesson.diagrams, (d) => renderDiagram(d, options), choice.hiddenAtStart), room);
            const text = key.map((r) => r.text).join('');
            const where = `${lesson.id} step ${view + 1} (${done} run): ${text}`;
            if (cells(text) > room) wrong.push(`${where}: wider than ${room}`);
            for (const [sample, word] of words(key)) {
              if (said.has(sample) && said.get(sample) !== word) wrong.push(`${where}: "${sample}" said "${said.get(sample)}" before`);
              said.set(sample, word);
            }
            // an entry once said is never dropped
            for (const sample of said.keys()) if (!words(key).has(sample)) wrong.push(`${where}: "${sample}" dropped`);
            const screen = drawn.map((l) => l.map((r) => r.text).join('')).join('\n');
            const marks = [...MARKS.filter(([, re]) => re.test(screen)).map(([sample]) => sample), ...(hiddenRows(drawn, () => rendered.lines({ active: lit.active, done: lit.done })).length > 0 ? ['?'] : [])];
            for (const sample of marks) {
              const glossed = (GLOSSED[sample] ?? []).length > 0 && GLOSSED[sample].every((g) => glossary.text[lang].includes(g));
              if (!words(key).has(sample) && !glossed) wrong.push(`${where}: "${sample}" drawn, in no entry`);
            }
            steps++;
          }
        }
        expect(wrong.slice(0, 10)).toEqual([]);
        expect(steps).toBeGreaterThan(100);
      });
    }
  }

  it('names the dotted frame, the line through a frame and "?" where a lesson draws them', () => {
    const marks = (id: string) => {
      const lesson = LESSONS.find((l) => l.id === id)!;
      return lessonMarks(lesson.diagrams, (d) => renderDiagram(d, { width: 77, lang: 'en', family: lesson.diagrams }), flowChoice(lesson, 0, 0).hiddenAtStart);
    };
    // msg's kernel frame has lines through its walls; shmat hides results until their steps run
    expect(marks('msg')).toMatchObject({ framesDone: true, doorway: true });
    expect(marks('shmat').masked).toBe(true);
    expect(legend('en', false, { framesDone: true, doorway: true }).map((r) => r.text).join('')).toBe('━━ just run  ══ done  ── not yet  ┄┄ frame in a step  ╌│╌ through a frame');
    expect(legend('zh', false, { framesDone: true, masked: true }).map((r) => r.text).join('')).toBe('━━ 刚运行  ══ 已做  ── 未做  ┄┄ 有步骤用到的框  ? 之后揭晓');
    expect(legend('en', true, { framesDone: true, doorway: true }).map((r) => r.text).join('')).toBe('** just run  ## done  -- not yet  .. frame in a step');
  });

  // issue 16: "used by an earlier step" in one view, "lit earlier" in another
  it('says each mark in one wording at every width and beside every other mark, or leaves it out whole', () => {
    for (const lang of ['en', 'zh'] as const) {
      const said = new Map<string, Set<string>>();
      for (let room = 20; room <= 120; room++)
        for (const masked of [false, true])
          for (const framesDone of [false, true])
            for (const doorway of [false, true]) {
              const line = legend(lang, false, { masked, framesDone, doorway }, room);
              if (line.length > 2) expect(cells(line.map((r) => r.text).join('')), `${lang} ${room}`).toBeLessThanOrEqual(room);
              for (const [sample, word] of words(line)) said.set(sample, new Set([...(said.get(sample) ?? []), word]));
            }
      for (const [sample, all] of said) expect([...all], `${lang} ${sample}`).toHaveLength(1);
    }
  });
});
