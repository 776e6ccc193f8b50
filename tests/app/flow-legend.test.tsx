// One legend per lesson, on screen (issue 16): the Flow's legend said "╌│╌ line through a frame
// ? shown later" at step 1 and "┄┄ in a step" later, each entry coming and going with what the
// window showed, and read as other meanings. Every step of a lesson, before and after its run, the
// legend says each mark in the same words, drops none it said, and every mark in the pane's
// drawing rows has an entry, or is one the glossary's "the Flow's lines" (g) names.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { GLOSSARY } from '../../src/lessons/glossary.js';
import { appDrawer, KEYS, paneRows, type Rendered, ran, tabTo } from '../helpers/render.js';

const draw = appDrawer('flow-legend', { lessons: LESSONS, quiz: false });

/** Each mark the pane draws, by the legend's sample for it (src/flow/grid.ts). */
const MARKS: [string, RegExp][] = [
  ['━━', /[━┃┏┓┗┛┣┫┳┻╋]/],
  ['══', /[═║╔╗╚╝╠╣╦╩╬]/],
  ['──', /[─│┌┐└┘├┤┬┴┼]/],
  ['┄┄', /[┄┆┅┇]/],
  ['╌│╌', /[╌╍╎╏]/],
];

/** The legend row's words by sample ("━━" → "just run"), and the drawing rows under it. */
function flowPane(r: Rendered, title: string): { said: Map<string, string>; legend: string; drawing: string } {
  const [legend = '', ...drawing] = paneRows(r.lines(), title).map((l) => l.replace(/^│|│$/g, ''));
  const said = new Map<string, string>();
  // entries a gap of one or two blanks apart: the sample, a blank, its words
  for (const m of legend.matchAll(/(━━|══|──|┄┄|╌│╌|\?) (.+?)(?= {1,2}(?:━━|══|──|┄┄|╌│╌|\?) |\s*$)/g)) said.set(m[1], m[2].trim());
  return { said, legend, drawing: drawing.join('\n') };
}

describe('one legend per lesson, on screen', () => {
  const seen = new Set<string>();
  for (const [id, lang] of [['shmat', 'en'], ['serv-clnt', 'en'], ['msg', 'zh'], ['overview', 'zh']] as const) {
    it(`${id}: every step at 80x24 (${lang})`, async () => {
      const lesson = LESSONS.find((l) => l.id === id)!;
      const title = lang === 'zh' ? '流程' : 'Flow';
      const glossary = GLOSSARY.find((e) => e.id === 'flow-lines')!.text[lang];
      const r = await draw({ width: 80, height: 24, lesson: id, restart: true, lang });
      const said = new Map<string, string>();
      const wrong: string[] = [];
      const drawn = new Set<string>();
      for (let k = 0; k <= lesson.steps.length; k++) {
        if (k > 0) {
          await r.press(KEYS.space);
          await ran(r, k);
          // the run showed the pane its result is in: the learner goes back to the Flow
          await tabTo(r, 'flow');
        }
        await r.waitFor(() => flowPane(r, title).said.has('━━'), `after step ${k}: the flow drawn`);
        const pane = flowPane(r, title);
        for (const [sample, words] of pane.said) {
          if (said.has(sample) && said.get(sample) !== words) wrong.push(`after step ${k}: "${sample} ${words}", was "${said.get(sample)}": ${pane.legend}`);
          said.set(sample, words);
        }
        for (const sample of said.keys()) if (!pane.said.has(sample)) wrong.push(`after step ${k}: "${sample}" dropped: ${pane.legend}`);
        for (const [sample, re] of MARKS) {
          if (!re.test(pane.drawing)) continue;
          drawn.add(sample);
          // where the legend has no room for it, the glossary's entry names it
          if (!pane.said.has(sample) && !glossary.includes(sample)) wrong.push(`after step ${k}: "${sample}" drawn, in no entry: ${pane.legend}`);
        }
      }
      expect(wrong).toEqual([]);
      for (const d of drawn) seen.add(d);
    }, 90_000);
  }
  // the walks saw what they check: lines through the kernel frame's walls, a dotted frame
  it('saw a line through a frame and a dotted frame', () => {
    expect([...seen]).toEqual(expect.arrayContaining(['╌│╌', '┄┄', '━━']));
  });
});
