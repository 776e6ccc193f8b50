// The "e" overlay: where the notes are wrong, what is true, and the step that shows it;
// Enter opens that lesson with Space ready to run the step.
import React from 'react';
import { useAppState, useLook } from '../context.js';
import { ERRATA } from '../../lessons/errata.js';
import { lessonName } from '../../lessons/lesson-name.js';
import type { ListEntry } from './entry-list.js';
import { EntryList } from './EntryList.js';

export function Errata({ width, height }: { width: number; height: number }) {
  const { lang, s } = useLook();
  const lessons = useAppState((st) => st.lessons);
  const entries: ListEntry[] = ERRATA.map((e) => {
    const lesson = lessons.find((l) => l.id === e.lesson);
    const n = lesson ? lesson.steps.findIndex((st) => st.id === e.step) : -1;
    const where = lesson && n >= 0 ? [{ text: s.seenLive(lessons.indexOf(lesson) + 1, lessonName(lesson)[lang], n + 1, lesson.steps[n].title[lang]) }] : [];
    return {
      heading: e.id,
      parts: [{ label: `${e.kind === 'belief' ? s.commonBelief : s.notesSay}${s.colon}`, text: e.notes[lang] }, { label: `${s.inFact}${s.colon}`, text: e.truth[lang] }, ...where],
    };
  });
  return <EntryList title={s.errataTitle} entries={entries} width={width} height={height} />;
}
