// The lesson pane's window and the scroll keys as a learner meets them (nc71, nc72):
// after Space the verdict on the guess is in view, PgUp PgDn reach the pane in the tab
// when the lesson text has nothing to scroll, each pane keeps its place across full
// screens, Home and End in every pane. Real lessons, real store, real kernel.
import { describe, expect, it } from 'vitest';
import { KEYS, appDrawer } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import type { Lang } from '../../src/lang.js';

const draw = appDrawer('lscroll', { lessons: LESSONS });

describe('after Space ran a step with a guess (nc72#1)', () => {
  const SIZES: [Lang, number, number][] = [
    ['zh', 120, 34],
    ['en', 80, 24],
  ];
  for (const [lang, width, height] of SIZES)
    for (const id of ['ftok', 'shmdt'])
      it(`${id} ${lang} ${width}x${height}: every step with a prediction shows its verdict`, async () => {
        const lesson = LESSONS.find((l) => l.id === id)!;
        const r = await draw({ width, height, lang, lesson: id });
        // right or wrong, the verdict starts with the learner's choice
        const chose = strings(lang).quizWrong('\0').split('\0')[0];
        const missing: string[] = [];
        for (let k = 0; k < lesson.steps.length; k++) {
          const checkpoint = lesson.checkpoints?.[lesson.steps[k].id];
          // the last choice: a guess the run grades
          if (checkpoint) await r.press(String(checkpoint.choices.length));
          await r.press(KEYS.space);
          await r.waitFor(() => r.store.getState().done === k + 1 && r.store.getState().busy === null, `step ${k + 1} run`);
          if (!checkpoint) continue;
          const f = r.frame();
          if (!f.includes(`✗ ${chose}`) && !f.includes(`✓ ${chose}`)) missing.push(`step ${k + 1}->${k + 2}:\n${f}`);
        }
        expect(missing).toEqual([]);
      }, 60_000);
});

describe('the end of a lesson with its check open (nc71#2)', () => {
  for (const [lang, width, height] of [['en', 80, 24], ['zh', 120, 34]] as const)
    it(`${lang} ${width}x${height}: the hint and the key bar say the check is answered with 1-N or skipped with Space`, async () => {
      const lesson = LESSONS.find((l) => l.id === 'shmdt')!;
      const n = lesson.check![0].choices.length;
      const s = strings(lang);
      const r = await draw({ width, height, lang, lesson: 'shmdt' });
      for (let k = 0; k < lesson.steps.length; k++) {
        await r.press(KEYS.space);
        await r.waitFor(() => r.store.getState().done === k + 1 && r.store.getState().busy === null, `step ${k + 1} run`);
      }
      const f = await r.waitFor((f) => f.includes(s.checkTitle(1, lesson.check!.length)), 'the check');
      const lines = f.split('\n');
      // the hint's first words (the pane wraps the rest)
      expect(f.replace(/[│\s]+/g, ' ')).toContain(s.endHint(false, n).slice(0, 12));
      const bar = lines[lines.length - 1];
      const answer = bar.indexOf(`1-${n}`);
      const space = bar.indexOf('Space');
      expect(answer, bar).toBeGreaterThanOrEqual(0);
      expect(space, bar).toBeGreaterThan(answer);
      expect(bar).toContain(lang === 'en' ? 'skip check' : '跳过小测');
    });
});
