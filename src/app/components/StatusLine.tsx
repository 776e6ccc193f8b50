// One line above the keys: what is going on (running, resetting, resumed...) or
// what just went wrong, else a note on the screen shown (a notice hidden by the zoom; the step
// just run cut by the Trace's window, z named until it was used once),
// and on the right how to move between panes.
import React from 'react';
import { useAppState, useLook } from '../context.js';
import { type Line, fit, lineWidth, run } from '../styled.js';
import { cells, truncate } from '../text-fit.js';
import { StyledLineView } from './StyledLineView.js';
import { useLessonHeadingNote } from './LessonPane.js';
import { keyFor } from '../keymap.js';
import { zoomTraceKeys } from './trace-view.js';

export function StatusLine({ width, hint, note = '' }: { width: number; hint: string; note?: string }) {
  const { s, ascii, color } = useLook();
  const busy = useAppState((st) => st.busy);
  const status = useAppState((st) => st.status);
  // the lesson pane's border holds part of the shown step's title: the whole of it here, when nothing else is said
  const heading = useLessonHeadingNote();
  const jumping = useAppState((st) => st.jumping);
  // the step just run goes on beyond the Trace's window, where z shows it: said until z was used
  // once (issue 16 item 11: newcomers pressed ↓ 13 times, the border's "z: whole" unread), in
  // place of "step 1's result: Trace pane shown", which it says too
  const cut = useAppState((st) => (st.zoomUsed || st.busy !== null || st.traceCut?.step !== st.done - 1 ? null : st.traceCut));
  // what to press, counted from the focus now: z, or the Tabs that bring the focus to the Trace first
  const tab = useAppState((st) => st.tab);
  const cutText = cut ? s.traceCutHint(cut.step + 1, cut.shows, cut.rows, cut.focusFirst ? zoomTraceKeys(s, tab, keyFor('zoom', ascii)) : keyFor('zoom', ascii)) : '';
  const said = status?.(s);
  const told = cut && said === s.resultShown(cut.step + 1, s.trace) ? undefined : said;
  const text = busy === 'running' ? s.running : busy === 'resetting' ? (jumping ? s.jumpRunning(jumping.lesson, jumping.steps, jumping.to) : s.resetting) : busy === 'quitting' ? s.quitting : busy === 'opening' ? (said ?? s.opening) : told ?? (note || cutText || heading || '');
  // the message comes first: when it does not fit beside the hint (two spaces apart), the hint gives way
  const right: Line = hint && cells(text) + cells(hint) + 4 <= width ? [run(hint, 'dim'), run(' ')] : [];
  const left: Line = [run(' '), run(truncate(text, Math.max(0, width - lineWidth(right) - 3)), busy ? 'label' : 'plain')];
  const gap = Math.max(0, width - lineWidth(left) - lineWidth(right));
  return <StyledLineView line={fit([...left, run(' '.repeat(gap)), ...right], width)} color={color} ascii={ascii} />;
}
