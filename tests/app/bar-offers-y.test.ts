// Wherever a step offers y (its your-turn form: "press y", "y (run it with values you type)"), the
// key bar shows y, at 80 columns too, its question behind Space or not, the rest of its text below or
// not (issue 16: shmget 3 and shmat 7 said "press y", their bars left y out while the question
// waited behind Space). A spare key gives way for it.
import { describe, expect, it } from 'vitest';
import { keyBarLine } from '../../src/app/components/KeyBar.js';
import { courseNamedKeys, lessonNamedKeys, namedKeys, type SpacePlace } from '../../src/app/keymap.js';
import { lineText } from '../../src/app/styled.js';
import { LESSONS } from '../../src/lessons/index.js';
import { LANGS } from '../../src/lang.js';

const named = courseNamedKeys(LESSONS);
const courseSteps = Math.max(...LESSONS.map((l) => l.steps.length));
/** a text that offers y: "press y", "按 y", "y (…)", "y:" */
const OFFERS_Y = /(?:press|按) ?y\b|(?:^|[\s(（])y[\s\u00a0]*[(（:：]/;

describe('the key bar offers y where the step does', () => {
  it('a step whose text offers y has a form', () => {
    const offered = LESSONS.flatMap((l) => l.steps.flatMap((s, i) => (LANGS.some((lang) => OFFERS_Y.test(s.say[lang])) ? [{ id: `${l.id} ${i + 1}`, form: !!s.turn }] : [])));
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.filter((o) => !o.form)).toEqual([]);
  });
  for (const lesson of LESSONS)
    it(`${lesson.id}: every step with a form has y on its bar, 80 and 120 columns, en and zh`, () => {
      const missing: string[] = [];
      lesson.steps.forEach((step, i) => {
        if (!step.turn) return;
        const base: SpacePlace = { view: i, done: i, steps: lesson.steps.length, lastLesson: false, form: true, named, own: [...namedKeys(lesson, i)], lesson: [...lessonNamedKeys(lesson)], courseSteps };
        const places: [string, SpacePlace][] = [
          ['shown', base],
          ['question behind Space', { ...base, opens: true }],
          ['rest below', { ...base, rest: true }],
          ['rest with the question below', { ...base, rest: true, restAsks: true }],
          ['question behind Space, words cut', { ...base, opens: true, restAsks: true }],
          ['its form waiting for the answer', { ...base, formWaits: true }],
        ];
        for (const [where, space] of places)
          for (const lang of LANGS)
            for (const [width, tabs] of [[80, true], [120, false]] as const) {
              const bar = lineText(keyBarLine(lang, false, width, space, 'main', 0, { tabs, zoomed: false }));
              if (!/(^|\s)y\s/.test(bar)) missing.push(`step ${i + 1}, ${where}, ${lang} ${width}: ${bar.trim()}`);
            }
      });
      expect(missing).toEqual([]);
    });
});
