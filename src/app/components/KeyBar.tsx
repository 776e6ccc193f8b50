// The bottom line: the main keys (or the playground's, or the your-turn form's while it is
// edited), generated from the keymap.
import React from 'react';
import { useAppState, useLook } from '../context.js';
import { barItems, type BarItem, type SpacePlace } from '../keymap.js';
import { quizPlace } from '../store/quiz.js';
import { type Line, fit, lineWidth, run } from '../styled.js';
import { StyledLineView } from './StyledLineView.js';
import type { Lang } from '../../lang.js';

/** `choices`: the choices of the question waiting for a digit (0: none). */
export function keyBarLine(lang: Lang, ascii: boolean, width: number, space?: SpacePlace, scope: 'main' | 'play' | 'turn' = 'main', choices = 0): Line {
  const all = barItems(lang, ascii, space, scope, choices);
  // two spaces between items when they fit, else without spare keys (the bar's order:
  // the first gives way first), then with one space
  const spares = all.filter((it) => it.spare);
  const without = spares.map((_, k) => all.filter((it) => !spares.slice(0, k + 1).includes(it)));
  const fewest = without.at(-1) ?? all;
  const tries: [BarItem[], string][] = [[all, '  '], ...without.map((items): [BarItem[], string] => [items, '  ']), [fewest, ' ']];
  for (const [items, sep] of tries) {
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
  const choices = useAppState((st) => quizPlace(st)?.choices ?? 0);
  return <StyledLineView line={keyBarLine(lang, ascii, width, { view, done, steps, lastLesson }, scope, choices)} color={color} ascii={ascii} />;
}
