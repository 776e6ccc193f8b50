// The glossary is long (issue 16, pass 11: ~660 lines for 11 lessons): opened in a lesson it lists
// that lesson's entries first under "This lesson" / "本课", then the others under their own line;
// / still searches all, and finds a call by its name (/shmat landed on nattch).
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS } from '../helpers/render.js';
import { glossaryEntries } from '../../src/app/components/glossary-view.js';
import { strings } from '../../src/app/strings.js';
import { glossaryList } from '../../src/app/store/navigation.js';
import { GLOSSARY, saidByLesson } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';

const draw = appDrawer('glossary-this-lesson', { lessons: LESSONS, restart: true, quiz: false });

describe('the glossary opened in a lesson', () => {
  for (const lang of ['en', 'zh'] as const) {
    const s = strings(lang);
    it(`${lang}: sem's entries first, the calls its title names among them, then the others; / finds shmat's own entry`, async () => {
      const sem = LESSONS.find((l) => l.id === 'sem')!;
      const r = await draw({ width: 80, height: 24, lang, lesson: 'sem' });
      await r.waitFor(() => r.store.getState().run !== null && r.store.getState().busy === null, 'the lesson open');
      await r.press('g');
      await r.waitFor((f) => f.includes(s.glossaryThisLesson), 'the glossary, headed "This lesson"');
      const st = r.store.getState();
      const list = glossaryList(st);
      const first = st.glossaryFirst.length;
      const own = list.slice(0, first);
      // every entry the lesson's texts use is in the first group, and the calls of its title
      for (const e of saidByLesson(sem, lang)) expect(own, e.id).toContain(e);
      expect(own.map((e) => e.id)).toContain('semget');
      // the rest keep the glossary's order, and none of them is the lesson's
      const rest = list.slice(first);
      expect(rest).toEqual(GLOSSARY.filter((e) => !own.includes(e)));
      expect(rest.some((e) => saidByLesson(sem, lang).has(e))).toBe(false);
      const entries = glossaryEntries(LESSONS, lang, s, () => true, list, st.glossaryFirst);
      expect(entries.flatMap((e, i) => (e.section ? [[i, e.section]] : []))).toEqual([
        [0, s.glossaryThisLesson],
        [first, s.glossaryOthers],
      ]);
      // the search goes over all of them: a call by its name lands on its own entry
      await r.press('/', 's', 'h', 'm', 'a', 't', KEYS.enter);
      await r.waitFor(() => r.store.getState().find === null || r.store.getState().find === 'shmat', 'the search ended');
      await r.waitFor((f) => /▶ shmat\s/.test(f), '▶ on the shmat entry');
      expect(list[r.store.getState().menuCursor]!.id).toBe('shmat');
      await r.quit();
    });
  }

  it('opened from the menu (no lesson): one list, no group lines', () => {
    const s = strings('en');
    expect(glossaryEntries(LESSONS, 'en', s, () => true, GLOSSARY, []).some((e) => e.section !== undefined)).toBe(false);
  });
});
