// The closing screen, shown after the last lesson's last step (see closing-view.ts): one
// column, scrolled with a pane's keys when taller than the screen; its keys are on the key bar.
import React, { useMemo, useState } from 'react';
import { useAppState, useAppStore, useLook } from '../context.js';
import { actionFor, isScroll, scrollBy } from '../keymap.js';
import { maxOffset, offsetAfter, pageLines, windowTop } from '../scroll.js';
import { useKeys } from '../use-keys.js';
import { useNoteRoom } from '../use-scroll.js';
import { Panel } from './Panel.js';
import { closingLines } from './closing-view.js';

export function Closing({ width, height }: { width: number; height: number }) {
  const { lang, s, ascii } = useLook();
  const lessons = useAppState((st) => st.lessons);
  const completed = useAppState((st) => st.completed);
  const ran = useAppState((st) => st.ran);
  const answers = useAppState((st) => st.answers);
  // ipclab's own objects of every kind, not others' that the kernel lists too
  const left = useAppState((st) => [...st.segments, ...st.queues, ...st.semaphores].filter((o) => o.ours).length);
  const lines = useMemo(() => closingLines({ lessons, completed, ran, answers, left, lang, ascii, s }, width - 2), [lessons, completed, ran, answers, left, lang, ascii, s, width]);
  const rows = Math.max(0, height - 2);
  const max = maxOffset(lines.length, height);
  const [offset, setOffset] = useState(0);
  const store = useAppStore();
  useKeys((input, key) => {
    if (store.getState().overlay !== 'end') return;
    const action = actionFor('end', input, key);
    if (!action || !isScroll(action)) return;
    const by = scrollBy(action);
    setOffset((was) => offsetAfter(windowTop(was, max), 'pages' in by ? by.pages * pageLines(rows) : by.lines, max));
  });
  useNoteRoom('end', windowTop(offset, max), max);
  return <Panel title={s.closingTitle} width={width} height={height} lines={lines} offset={windowTop(offset, max)} keys={{ up: 'PgUp', down: 'PgDn' }} focused />;
}
