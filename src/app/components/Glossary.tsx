// The "g" overlay: every term the lessons use, and the marks of the trace and the flow.
import React from 'react';
import { useAppState, useLook } from '../context.js';
import { GLOSSARY, glossaryMatches } from '../../lessons/glossary.js';
import { EntryList } from './EntryList.js';

export function Glossary({ width, height }: { width: number; height: number }) {
  const { lang, s } = useLook();
  const find = useAppState((st) => st.find);
  const entries = GLOSSARY.map((e) => ({ heading: e.name[lang], parts: [{ text: e.text[lang] }] }));
  // a query no entry holds: no entry is pointed at (▶), as the status line says none holds it;
  // the window stays where it was, and ▶ comes back on the entry of the last hit (fix15g#4)
  const none = !!find && glossaryMatches(find).length === 0;
  return <EntryList title={find === null ? s.glossaryTitle : s.glossaryFind(find)} entries={entries} width={width} height={height} hit={find !== null && find !== ''} marked={!none} opensOnTop />;
}
