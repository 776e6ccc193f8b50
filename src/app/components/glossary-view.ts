// The glossary overlay's entries: each entry's text, and the parts held back (`shows`) once
// the step that shows them ran. Before that such a part would answer that step's question
// (IPC_PRIVATE's "always creates" above shmget's "the same call again: what comes back?"),
// so the entry names the step instead; `ipclab glossary` prints all of it.
import type { Lang } from '../../lang.js';
import { entryText, GLOSSARY, type GlossaryEntry, type Shown } from '../../lessons/glossary.js';
import { lessonName } from '../../lessons/lesson-name.js';
import type { Lesson } from '../../lessons/types.js';
import type { Strings } from '../strings.js';
import type { ListEntry } from './entry-list.js';

/** `list`: the entries in the order shown (store/navigation.ts glossaryList: the step's new terms
 *  first); `first`: those g put first, each with its step: their headings say so ("new at step 3"),
 *  or the lesson not run that teaches it ("from lesson 2"), but an entry the text points to that
 *  is no new term (step 0). */
export function glossaryEntries(lessons: readonly Lesson[], lang: Lang, s: Strings, shown: (part: Shown) => boolean, list: readonly GlossaryEntry[] = GLOSSARY, first: readonly { entry: number; step: number; lesson?: number }[] = []): ListEntry[] {
  // the steps still ahead, one line a lesson with its steps in order (issue 16: nattch named
  // lesson 4 three times in a row, a line for each of its steps)
  const ahead = (parts: readonly Shown[]): string[] =>
    lessons.flatMap((lesson, n) => {
      const steps = [...new Set(parts.filter((p) => p.lesson === lesson.id).map((p) => lesson.steps.findIndex((st) => st.id === p.step) + 1))].sort((x, y) => x - y);
      return steps.length ? [s.showsAhead(n + 1, lessonName(lesson)[lang], steps)] : [];
    });
  return list.map((e) => {
    // the parts shown join the text, as `ipclab glossary` prints them; each lesson still ahead is named once
    const notes = ahead((e.shows ?? []).filter((p) => !shown(p)));
    const { step, lesson } = first.find((x) => GLOSSARY[x.entry] === e) ?? {};
    const mark = step ? s.glossaryNewAt(step) : lesson !== undefined && lesson >= 0 ? s.glossaryFromLesson(lesson + 1, lessonName(lessons[lesson]!)[lang]) : '';
    // opened in a lesson, the entries g put first are its own: a line heads them and one the rest
    const i = list.indexOf(e);
    const section = first.length === 0 ? undefined : i === 0 ? s.glossaryThisLesson : i === first.length ? s.glossaryOthers : undefined;
    // the legend of ▶, the one mark of the list no heading says, on the list's first line
    const lead = i === 0 ? s.glossaryLegend : undefined;
    return { heading: e.name[lang], ...(mark ? { mark } : {}), parts: [{ text: entryText(e, lang, shown) }, ...notes.map((t) => ({ text: t }))], ...(section ? { section } : {}), ...(lead ? { lead } : {}) };
  });
}
