// The lesson's own process is "parent" in parent-child and "lesson" in the list of processes (the tab bar, the Kernel pane) of the
// lessons after it (issue 16: a newcomer met "lesson pid 4242" unexplained). Each lesson of
// two processes or more says, in its introduction, which process that is: parent-child that
// its parent is what later lessons call "lesson", the others what "lesson" there is.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { LESSON_PROCESS } from '../../src/lessons/kit.js';
import { TERMS } from '../../src/text/terms.js';

const SAYS = { en: `"${LESSON_PROCESS.en}" in`, zh: `“${LESSON_PROCESS.zh}”` };
// the term list's one name for it (issue 16: the Chinese had four)
const OWN = TERMS.lessonProcess;

describe('the lesson\'s own process is said at first use', () => {
  for (const id of ['parent-child', 'serv-clnt', 'msg', 'sem', 'race'])
    it(id, () => {
      const lesson = LESSONS.find((l) => l.id === id)!;
      for (const lang of ['en', 'zh'] as const) {
        // serv-clnt says it at step 1, where its list of processes first shows (issue 16 pass 6)
        if (id === 'serv-clnt') {
          const aside = lesson.steps[0]!.aside?.[lang] ?? '';
          expect(aside, `${id} ${lang}`).toContain(lang === 'en' ? `"lesson" is the ${OWN.en}` : `“本课”是${OWN.zh}`);
          expect(lesson.intro[lang], `${id} ${lang}`).not.toContain(SAYS[lang]);
          continue;
        }
        expect(lesson.intro[lang], `${id} ${lang}`).toContain(SAYS[lang]);
        expect(lesson.intro[lang], `${id} ${lang}`).toContain(OWN[lang]);
      }
    });
});
