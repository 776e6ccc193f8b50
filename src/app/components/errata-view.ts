// The errata overlay's entries: what the notes say, what is true and where a step shows it.
// Before that step ran, only what the notes say and the step that tests it (Enter goes there):
// what is true would answer that step's question ahead of it (issue 16: e at the end of lesson 1
// answered shmget 2's, ftok 4's, shmat 7's and shmctl 6's); once it ran, in any session, all of
// it and where it was seen. `ipclab errata --all` prints all of it.
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
