// The glossary's ◂ mark read plainly (issue 16, pass 12): "◂ from lesson 3" was cut mid-word
// after a long heading at 80 columns.
import { describe, expect, it } from 'vitest';
import { entryLines } from '../../src/app/components/entry-list.js';
import { lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import { GLOSSARY } from '../../src/lessons/glossary.js';

const errno = GLOSSARY.find((e) => e.name.en.startsWith('errno:'))!;

describe("the glossary's ◂ marks", () => {
  for (const lang of ['en', 'zh'] as const)
    for (const width of [78, 118]) {
      it(`${lang} ${width}: whole after the heading where it fits, else on the line under it`, () => {
        const s = strings(lang);
        const mark = s.glossaryFromLesson(3, 'ftok');
        const { lines } = entryLines([{ heading: errno.name[lang], mark, parts: [{ text: 'x' }] }], 0, width, 20, false);
        const text = lines.map(lineText);
        expect(text.join('\n')).toContain(mark);
        expect(text.join('\n')).not.toContain('…');
        if (text[0]!.includes(mark)) expect(text[0]).toContain(`${errno.name[lang]}  ${mark}`);
        else expect(text[1]!.trim()).toBe(mark);
      });
    }
});

// issue 16: "◂ 第 2 课的术语" beside errata's "第 3 课（ftok）" read as two numberings: the lesson's name goes with its number
describe("the glossary's ◂ from-lesson mark", () => {
  for (const lang of ['en', 'zh'] as const)
    it(`${lang}: names the lesson with its number`, async () => {
      const { glossaryEntries } = await import('../../src/app/components/glossary-view.js');
      const { LESSONS } = await import('../../src/lessons/index.js');
      const { lessonName } = await import('../../src/lessons/lesson-name.js');
      const [entry] = glossaryEntries(LESSONS, lang, strings(lang), () => false, [errno], [{ entry: GLOSSARY.indexOf(errno), step: 0, lesson: 1 }]);
      expect(entry!.mark).toBe(strings(lang).glossaryFromLesson(2, lessonName(LESSONS[1]!)[lang]));
      expect(entry!.mark).toContain(lessonName(LESSONS[1]!)[lang]);
    });
});
