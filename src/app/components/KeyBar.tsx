// The bottom line: the main keys, generated from the keymap.
import React from 'react';
import { useLook } from '../context.js';
import { barItems } from '../keymap.js';
import { type Line, fit, lineWidth, run } from '../styled.js';
import { StyledLineView } from './StyledLineView.js';
import type { Lang } from '../../lang.js';

export function keyBarLine(lang: Lang, ascii: boolean, width: number): Line {
  const items = barItems(lang, ascii);
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
  return <StyledLineView line={keyBarLine(lang, ascii, width)} color={color} ascii={ascii} />;
}
