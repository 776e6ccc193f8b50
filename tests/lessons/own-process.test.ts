// The lesson's own process is "parent" in parent-child and "lesson" in the list of processes (the tab bar, the Kernel pane) of the
// lessons after it (issue 16: a newcomer met "lesson pid 4242" unexplained). Each lesson of
// two processes or more says, in its introduction, which process that is: parent-child that
// its parent is what later lessons call "lesson", the others what "lesson" there is.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { LESSON_PROCESS } from '../../src/lessons/kit.js';

const SAYS = { en: `"${LESSON_PROCESS.en}" in`, zh: `“${LESSON_PROCESS.zh}”` };
const OWN = { en: "ipclab's own process", zh: 'ipclab 自己的进程' };

describe('the lesson\'s own process is said at first use', () => {
  for (const id of ['parent-child', 'serv-clnt', 'msg', 'sem', 'race'])
    it(id, () => {
      const lesson = LESSONS.find((l) => l.id === id)!;
      for (const lang of ['en', 'zh'] as const) {
        expect(lesson.intro[lang], `${id} ${lang}`).toContain(SAYS[lang]);
        expect(lesson.intro[lang], `${id} ${lang}`).toContain(OWN[lang]);
      }
    });
});
