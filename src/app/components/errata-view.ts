// The errata overlay's entries: what the notes say, and what is true only once the step
// that proves it ran. Before that, what is true would answer the step's question ahead of
// it (E2 holds shmget step 2's answer), so the entry names the step instead; `ipclab
// errata` does the same from the progress file, and `ipclab errata --all` prints all of it.
import type { Lang } from '../../lang.js';
import { ERRATA } from '../../lessons/errata.js';
import { lessonName } from '../../lessons/lesson-name.js';
import type { Lesson } from '../../lessons/types.js';
import type { Strings } from '../strings.js';
import type { ListEntry } from './entry-list.js';

/** `ran(lessonId, stepIndex)`: whether the learner ran that step (the progress knows). */
export function errataEntries(lessons: readonly Lesson[], lang: Lang, s: Strings, ran: (lesson: string, step: number) => boolean): ListEntry[] {
  return ERRATA.map((e) => {
    const said = { label: `${e.kind === 'belief' ? s.commonBelief : s.notesSay}${s.colon}`, text: e.notes[lang] };
    const lesson = lessons.find((l) => l.id === e.lesson);
    const n = lesson ? lesson.steps.findIndex((st) => st.id === e.step) : -1;
    if (!lesson || n < 0) return { heading: e.id, parts: [said, { label: `${s.inFact}${s.colon}`, text: e.truth[lang] }] };
    const number = lessons.indexOf(lesson) + 1;
    const name = lessonName(lesson)[lang];
    if (!ran(lesson.id, n)) return { heading: e.id, parts: [said, { text: s.proofAhead(number, name, n + 1) }] };
    return { heading: e.id, parts: [said, { label: `${s.inFact}${s.colon}`, text: e.truth[lang] }, { text: s.seenLive(number, name, n + 1, lesson.steps[n].title[lang]) }] };
  });
}
