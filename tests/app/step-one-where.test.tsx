// Every lesson's step 1 says where the learner is in the lesson (fix22a#3): msg 1 and sem 1 at
// 120x34 zh ended the lesson pane with empty rows and no step list. Where the pane has a row
// the text leaves empty, the step list (or its heading over the shown step, or "Step 1/7") is in it.
import { describe, expect, it } from 'vitest';
import { appDrawer } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import { lessonRows, VIEWS } from '../helpers/lesson-views.js';

const draw = appDrawer('step-one-where', { lessons: LESSONS });

describe("step 1's lesson pane says where the learner is", () => {
  for (const lesson of LESSONS)
    it(`${lesson.id}: 80x24 and 120x34, en and zh`, async () => {
      const r = await draw({ width: 80, height: 24, lang: 'en', lesson: lesson.id });
      for (const [lang, width, height] of VIEWS) {
        if (r.store.getState().lang !== lang) await r.press('l');
        r.resize(width, height);
        await r.waitFor((f) => f.split('\n').length === height && r.store.getState().lang === lang, `${lang} ${width}x${height}`);
        const s = strings(lang);
        const n = lesson.steps.length;
        // the pane's rows inside its border
        const rows = lessonRows(r);
        const listed = rows.some((l) => l.trim() === s.stepsHeading || l.trim().startsWith(`${s.stepsHeading} │`) || l.includes(`${s.stepsHeading} 1/${n}`));
        const empty = rows.length > 0 && rows[rows.length - 1].trim() === '';
        expect(listed || !empty, `${lesson.id} ${lang} ${width}x${height}: empty rows and no step list\n${r.frame()}`).toBe(true);
      }
    });
});
