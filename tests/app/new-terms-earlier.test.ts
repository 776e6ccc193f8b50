// The words a lesson shares with the lessons before it, for a learner who opened it without
// running those: counted once, on a line under the introduction ("From lessons 1-6 (not done):
// 16 terms, g lists them"), and listed by g after the step's own new terms, each marked with the
// lesson that teaches it (issue 16: parent-child from the menu named 16 words under step 1's
// notice). A learner who ran the lessons before sees no such line.
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS } from '../helpers/render.js';
import { lessonTextLines, paneNewTerms } from '../../src/app/components/lesson-view.js';
import { glossaryList } from '../../src/app/store/navigation.js';
import { lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import { GLOSSARY, type LessonAt } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import { LANGS, type Lang } from '../../src/lang.js';

const index = LESSONS.findIndex((l) => l.id === 'parent-child');
const lesson = LESSONS[index]!;
const NO_RUN = { trace: [], stepStarts: [] };

/** Step 1's text, not run yet, at a width of the lesson pane at 80 columns, joined. */
function stepOne(lang: Lang, at: LessonAt): string {
  const newTerms = paneNewTerms(LESSONS, lang, at, 0, 0, NO_RUN, 'g', false);
  const lines = lessonTextLines({ lesson, lang, view: 0, done: 0, problems: {}, present: false, revealed: 0, ascii: false, s: strings(lang), newTerms }, 72);
  return lines.map(lineText).join('\n');
}

describe('the line under the introduction', () => {
  for (const lang of LANGS)
    it(`${lang}: counts the terms of the lessons not run, by entry, and names those lessons`, () => {
      const fresh = paneNewTerms(LESSONS, lang, { index, ran: [] }, 0, 0, NO_RUN, 'g', false).earlier!;
      const count = new Set(fresh.ids).size;
      expect(count).toBeGreaterThan(7);
      expect(stepOne(lang, { index, ran: [] })).toContain(lang === 'en' ? `From lessons 1-6 (not done): ${count} terms, g lists them` : `你还没学的第 1–6 课里的术语：${count} 个，按 g 列出`);
      // every lesson before run but shmat (lesson 4): only its words are left, under its number
      // alone (the others teach the rest: shmctl's perms are overview's 权限, one entry, one name)
      const four = { index, ran: LESSONS.slice(0, index).filter((l) => l.id !== 'shmat').map((l) => l.id) };
      const left = new Set(paneNewTerms(LESSONS, lang, four, 0, 0, NO_RUN, 'g', false).earlier!.ids).size;
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThan(count);
      expect(stepOne(lang, four)).toContain(lang === 'en' ? `From lesson 4 (not done): ${left === 1 ? '1 term' : `${left} terms`}` : `你还没学的第 4 课里的术语：${left} 个`);
      // every lesson before run, or the course in order: no line
      const lead = lang === 'en' ? 'From lesson' : '你还没学';
      expect(stepOne(lang, { index, ran: LESSONS.slice(0, index).map((l) => l.id) })).not.toContain(lead);
      expect(stepOne(lang, index)).not.toContain(lead);
    });
});

const drawApp = appDrawer('new-terms-earlier', { lessons: LESSONS, restart: true });

describe('g from a lesson opened from the menu', () => {
  it('lists the terms the line counts after the step\'s own, each marked with the lesson that teaches it; the key bar names g', async () => {
    const r = await drawApp({ width: 80, height: 24, lang: 'en', lesson: 'parent-child' });
    await r.waitFor((f) => f.includes('From lessons 1-6 (not done)'), 'the line under the introduction');
    // the line names g, and the key bar does while it is on screen
    expect(r.lines()[23]).toMatch(/\bg terms\b/);
    await r.press('g');
    await r.waitFor((f) => f.includes('Glossary'), 'the glossary');
    const st = r.store.getState();
    const earlier = paneNewTerms(LESSONS, 'en', { index, ran: [] }, 0, 0, NO_RUN, '', true).earlier!;
    const marked = st.glossaryFirst.filter((x) => x.lesson !== undefined);
    expect(new Set(marked.map((x) => GLOSSARY[x.entry]!.id))).toEqual(new Set(earlier.ids));
    // after the step's own new terms, before the lesson's other entries and every other entry
    const list = glossaryList(st).map((e) => e.id);
    const own = st.glossaryFirst.findIndex((x) => x.lesson !== undefined);
    expect(st.glossaryFirst.slice(0, own).every((x) => x.lesson === undefined && x.step > 0)).toBe(true);
    expect(list.slice(own, own + marked.length)).toEqual(marked.map((x) => GLOSSARY[x.entry]!.id));
    const first = marked[0]!;
    await r.waitFor((f) => f.includes(`${GLOSSARY[first.entry]!.name.en}  ◂ from lesson ${first.lesson! + 1}`), 'the first one marked with its lesson');
    await r.press(KEYS.escape);
  });
});
