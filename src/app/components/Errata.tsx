// The "e" overlay: where the notes are wrong, what is true once the step that shows it
// ran (errata-view.ts), and that step; Enter opens that lesson with Space ready to run it.
import React from 'react';
import { useAppState, useLook } from '../context.js';
import { errataEntries } from './errata-view.js';
import { EntryList } from './EntryList.js';

export function Errata({ width, height }: { width: number; height: number }) {
  const { lang, s } = useLook();
  const lessons = useAppState((st) => st.lessons);
  const ranSteps = useAppState((st) => st.ran);
  const completed = useAppState((st) => st.completed);
  const here = useAppState((st) => st.lessons[st.lessonIndex]?.id);
  const done = useAppState((st) => st.done);
  // the most steps run of each lesson, in any session, and of the lesson open now
  const ran = (lesson: string, step: number) => completed.includes(lesson) || (ranSteps[lesson] ?? 0) > step || (lesson === here && done > step);
  return <EntryList title={s.errataTitle} entries={errataEntries(lessons, lang, s, ran)} width={width} height={height} />;
}
