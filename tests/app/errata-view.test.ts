// The errata screen's entries: what is true only once the step that proves it ran
// (its question would be answered before it is asked); then all of it.
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
    it(`${lang}: no step run, every entry says what the notes say and names the step, never what is true`, () => {
      const entries = errataEntries(LESSONS, lang, s, () => false);
      expect(entries.map((e) => e.heading)).toEqual(ERRATA.map((e) => e.id));
      entries.forEach((entry, i) => {
        const e = ERRATA[i];
        const lesson = LESSONS.findIndex((l) => l.id === e.lesson);
        const step = LESSONS[lesson].steps.findIndex((st) => st.id === e.step);
        const text = texts(entry.parts);
        expect(text).toContain(e.notes[lang]);
        expect(text).not.toContain(e.truth[lang]);
        expect(text).not.toContain(s.inFact);
        expect(text).toContain(s.proofAhead(lesson + 1, lessonName(LESSONS[lesson])[lang], step + 1));
      });
      expect(texts(entries[4].parts)).toContain(lang === 'en' ? 'Lesson 6 (shmctl), step 6 shows what is true: Enter goes there.' : '第 6 课（shmctl）第 6 步演示实际情况：按 Enter 前往。');
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
