// The closing screen, shown after the last lesson's last step (see closing-view.ts).
import React from 'react';
import { useAppState, useLook } from '../context.js';
import { Panel } from './Panel.js';
import { closingLines } from './closing-view.js';

export function Closing({ width, height }: { width: number; height: number }) {
  const { lang, s, ascii } = useLook();
  const lessons = useAppState((st) => st.lessons);
  const completed = useAppState((st) => st.completed);
  const ran = useAppState((st) => st.ran);
  const answers = useAppState((st) => st.answers);
  const left = useAppState((st) => st.segments.length);
  const lines = closingLines({ lessons, completed, ran, answers, left, lang, ascii, s }, width - 2, height - 2);
  return <Panel title={s.closingTitle} width={width} height={height} lines={lines} focused />;
}
