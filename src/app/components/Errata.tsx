// The "e" overlay: where the notes are wrong, what is true once the step that shows it
// ran (errata-view.ts), and that step; Enter opens that lesson with Space ready to run it.
import React from 'react';
import { useAppState, useLook } from '../context.js';
import { stepsRan } from '../store/steps-ran.js';
import { errataEntries } from './errata-view.js';
import { EntryList } from './EntryList.js';

export function Errata({ width, height }: { width: number; height: number }) {
  const { lang, s } = useLook();
  const lessons = useAppState((st) => st.lessons);
  const ranSteps = useAppState((st) => st.ran);
  const completed = useAppState((st) => st.completed);
  const lessonIndex = useAppState((st) => st.lessonIndex);
  const done = useAppState((st) => st.done);
  // the most steps run of each lesson, in any session, and of the lesson open now
  const ran = stepsRan({ lessons, ran: ranSteps, completed, lessonIndex, done });
  return <EntryList title={s.errataTitle} entries={errataEntries(lessons, lang, s, ran)} width={width} height={height} />;
}
