// The "g" overlay: every term the lessons use, and the marks of the trace and the flow.
import React from 'react';
import { useAppState, useLook } from '../context.js';
import { GLOSSARY } from '../../lessons/glossary.js';
import { EntryList } from './EntryList.js';

export function Glossary({ width, height }: { width: number; height: number }) {
  const { lang, s } = useLook();
  const find = useAppState((st) => st.find);
  const entries = GLOSSARY.map((e) => ({ heading: e.name[lang], parts: [{ text: e.text[lang] }] }));
  return <EntryList title={find === null ? s.glossaryTitle : s.glossaryFind(find)} entries={entries} width={width} height={height} hit={find !== null && find !== ''} />;
}
