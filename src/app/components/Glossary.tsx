// The "g" overlay: every term the lessons use, and the marks of the trace and the flow; a
// part of an entry that answers a question shows once its step ran (glossary-view.ts).
import React from 'react';
import { useAppState, useLook } from '../context.js';
import { glossaryMatches } from '../../lessons/glossary.js';
import { partsShown } from '../store/steps-ran.js';
import { glossaryList } from '../store/navigation.js';
import { EntryList } from './EntryList.js';
import { glossaryEntries } from './glossary-view.js';

export function Glossary({ width, height }: { width: number; height: number }) {
  const { lang, s } = useLook();
  const find = useAppState((st) => st.find);
  const landed = useAppState((st) => st.findLanded);
  const lessons = useAppState((st) => st.lessons);
  const ran = useAppState((st) => st.ran);
  const completed = useAppState((st) => st.completed);
  const lessonIndex = useAppState((st) => st.lessonIndex);
  const done = useAppState((st) => st.done);
  const shown = partsShown({ lessons, ran, completed, lessonIndex, done });
  const first = useAppState((st) => st.glossaryFirst);
  const entries = glossaryEntries(lessons, lang, s, shown, glossaryList({ glossaryFirst: first }), first);
  // a query no entry holds: no entry is pointed at (▶), as the status line says none holds it;
  // the window stays where it was, and ▶ comes back on the entry of the last hit (fix15g#4)
  const none = !!find && glossaryMatches(find, undefined, shown).length === 0;
  return <EntryList title={find === null ? s.glossaryTitle : s.glossaryFind(find)} entries={entries} width={width} height={height} landed={landed} marked={!none} opensOnTop />;
}
