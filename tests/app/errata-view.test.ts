// The errata screen's entries: before the step that proves it ran, what the notes say and the
// step to run, nothing of what is true (issue 16, pass 11: e at the end of lesson 1 answered
// shmget 2's, ftok 4's, shmat 7's and shmctl 6's questions); once it ran, all of it and where
// it was seen, in one wording ("Seen live", never "Shown live" before it).
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
    it(`${lang}: no step run, every entry says what the notes say and the step to run, not what is true`, () => {
      const entries = errataEntries(LESSONS, lang, s, () => false);
      expect(entries.map((e) => e.heading)).toEqual(ERRATA.map((e) => e.id));
      entries.forEach((entry, i) => {
        const e = ERRATA[i];
        const lesson = LESSONS.findIndex((l) => l.id === e.lesson);
        const step = LESSONS[lesson].steps.findIndex((st) => st.id === e.step);
        const where = s.proofAhead(lesson + 1, lessonName(LESSONS[lesson])[lang], step + 1);
        expect(entry.parts.map((p) => p.text)).toEqual([e.notes[lang], where]);
        expect(texts(entry.parts)).not.toContain(s.inFact);
      });
      expect(texts(entries[4].parts)).toContain(lang === 'en' ? 'Run lesson 6 (shmctl), step 6 to see what is true: Enter goes there.' : '运行第 6 课（shmctl）第 6 步，就能看到实际情况：按 Enter 前往。');
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
