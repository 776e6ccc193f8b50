// The errata screen's entries: before the step that proves it ran, what is true in one sentence
// with what the step shows, then where (issue 16: a learner who did not do that lesson learned
// nothing from "step 6 shows what is true"); once it ran, all of it and where it was seen.
import { describe, expect, it } from 'vitest';
import { errataEntries } from '../../src/app/components/errata-view.js';
import { strings } from '../../src/app/strings.js';
import { ERRATA } from '../../src/lessons/errata.js';
import { lessonName } from '../../src/lessons/lesson-name.js';
import { LESSONS } from '../../src/lessons/index.js';

const texts = (parts: { label?: string; text: string }[]) => parts.map((p) => `${p.label ?? ''}${p.text}`).join('\n');

describe('errataEntries', () => {
  for (const lang of ['en', 'zh'] as const) {
    const s = strings(lang);
    it(`${lang}: no step run, every entry says what the notes say, what is true in a sentence, then the step`, () => {
      const entries = errataEntries(LESSONS, lang, s, () => false);
      expect(entries.map((e) => e.heading)).toEqual(ERRATA.map((e) => e.id));
      entries.forEach((entry, i) => {
        const e = ERRATA[i];
        const lesson = LESSONS.findIndex((l) => l.id === e.lesson);
        const step = LESSONS[lesson].steps.findIndex((st) => st.id === e.step);
        const text = texts(entry.parts);
        expect(text).toContain(e.notes[lang]);
        expect(text).not.toContain(e.truth[lang]);
        // one sentence: what is true, then what the step shows (after a colon), before where
        expect(e.gist[lang]).toMatch(lang === 'en' ? /^[^.]+: the step [^.]+\.$/ : /^[^。]+：这一步[^。]+。$/);
        const where = s.proofAhead(lesson + 1, lessonName(LESSONS[lesson])[lang], step + 1);
        expect(text).toContain(`${s.inFact}${s.colon}${e.gist[lang]}\n${where}`);
      });
      expect(texts(entries[4].parts)).toContain(lang === 'en' ? 'Shown live in lesson 6 (shmctl), step 6: Enter goes there.' : '现场演示在第 6 课（shmctl）第 6 步：按 Enter 前往。');

    });

    it(`${lang}: the proving step ran, the entry says what is true and where it was seen; the others wait`, () => {
      const entries = errataEntries(LESSONS, lang, s, (lesson, step) => lesson === 'shmctl' && step <= 5);
      const e5 = texts(entries[4].parts);
      expect(e5).toContain(`${s.inFact}${s.colon}${ERRATA[4].truth[lang]}`);
      expect(e5).toContain(s.seenLive(6, 'shmctl', 6, LESSONS[5].steps[5].title[lang]));
      expect(texts(entries[0].parts)).not.toContain(ERRATA[0].truth[lang]);
      // a step before the proof ran is not the proof
      expect(texts(errataEntries(LESSONS, lang, s, (lesson, step) => lesson === 'shmctl' && step < 5)[4].parts)).not.toContain(ERRATA[4].truth[lang]);
    });
  }
});
