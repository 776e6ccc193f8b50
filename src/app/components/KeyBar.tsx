// The bottom line: the main keys (or the playground's, or the your-turn form's while it is
// edited), generated from the keymap.
import React from 'react';
import { useAppState, useLook } from '../context.js';
import { barItems, type SpacePlace } from '../keymap.js';
import { type Line, fit, lineWidth, run } from '../styled.js';
import { StyledLineView } from './StyledLineView.js';
import type { Lang } from '../../lang.js';

export function keyBarLine(lang: Lang, ascii: boolean, width: number, space?: SpacePlace, scope: 'main' | 'play' | 'turn' = 'main'): Line {
  const items = barItems(lang, ascii, space, scope);
  // two spaces between items when they fit, else one
  for (const sep of ['  ', ' ']) {
    const l: Line = [run(' ')];
    items.forEach((it, i) => l.push(run(it.key, 'key'), run(` ${it.label}${i < items.length - 1 ? sep : ''}`)));
    if (lineWidth(l) <= width || sep === ' ') return fit(l, width);
  }
  return [];
}

export function KeyBar({ width }: { width: number }) {
  const { lang, ascii, color } = useLook();
  const view = useAppState((st) => st.view);
  const done = useAppState((st) => st.done);
  const steps = useAppState((st) => st.lessons[st.lessonIndex]?.steps.length ?? 0);
  const lastLesson = useAppState((st) => st.lessonIndex === st.lessons.length - 1);
  const scope = useAppState((st) => (st.screen === 'play' ? 'play' : st.turnFocus !== null ? 'turn' : 'main'));
  return <StyledLineView line={keyBarLine(lang, ascii, width, { view, done, steps, lastLesson }, scope)} color={color} ascii={ascii} />;
}
