// One line above the keys: what is going on (running, resetting, resumed...) or
// what just went wrong, else a note on the screen shown (a notice hidden by the zoom; the step
// just run cut by the Trace's window, z named until it was used once; the step list's marks
// the first time they show), and on the right how to move between panes.
import React, { useLayoutEffect } from 'react';
import { useAppState, useAppStore, useLook } from '../context.js';
import type { AppStore } from '../store.js';
import { type Line, fit, lineWidth, run } from '../styled.js';
import { cells, layoutText, truncate } from '../text-fit.js';
import { StyledLineView } from './StyledLineView.js';
import { useLessonListMarks } from './LessonPane.js';
import { useTabBarPids } from './TabBar.js';
import { useSpaceWords } from './KeyBar.js';
import { MARKS, markOf } from './step-marks.js';
import type { Strings } from '../strings.js';
import { keyFor } from '../keymap.js';
import { zoomTraceKeys } from './trace-view.js';

/** Where each kind of the step list's marks was explained ("lesson view done"), by app: said on
 *  that screen only, 'gone' once the learner left it (a step ran, another was shown). */
const explained = new WeakMap<AppStore, Map<string, string>>();

function explainedOf(store: AppStore): Map<string, string> {
  let said = explained.get(store);
  if (!said) explained.set(store, (said = new Map()));
  return said;
}

/** What a mark of listMarks means, its mark as the list draws it. */
function markWords(s: Strings, mark: string, ascii: boolean): string {
  if (mark === 'asks') return s.listMarkAsks(markOf('asks', ascii));
  if (mark === 'done') return s.listMarkDone(markOf('done', ascii));
  if (mark.startsWith('missed:')) return s.listMarkMissed(markOf('missed', ascii), mark.slice('missed:'.length).split(' ').map(Number));
  if (mark === 'bad') return s.listMarkBad(MARKS.bad);
  if (mark === 'pids') return s.tabPids;
  const [, n, arrow] = /^hidden:(\d+)(.)$/u.exec(mark)!;
  return s.listMarkHidden(Number(n), arrow);
}

/** The kind of a listMarks mark: a sign of steps out of view by its arrow ("hidden↑"), whatever its
 *  count; ≠ whatever its steps. */
const kindOf = (mark: string) => mark.replace(/^hidden:\d+/, 'hidden').replace(/^missed:.*/, 'missed');

export function StatusLine({ width, hint, note = '' }: { width: number; hint: string; note?: string }) {
  const { s, ascii, color } = useLook();
  const store = useAppStore();
  const busy = useAppState((st) => st.busy);
  const status = useAppState((st) => st.status);
  const jumping = useAppState((st) => st.jumping);
  // the step just run goes on beyond the Trace's window, where z shows it: said until z was used
  // once (issue 16 item 11: newcomers pressed ↓ 13 times, the border's "z: whole" unread), in
  // place of "step 1's result: Trace pane shown", which it says too
  const cut = useAppState((st) => (st.zoomUsed || st.busy !== null || st.traceCut?.step !== st.done - 1 ? null : st.traceCut));
  // what to press, counted from the focus now: z, or the Tabs that bring the focus to the Trace first
  const tab = useAppState((st) => st.tab);
  const cutText = cut ? s.traceCutHint(cut.step + 1, cut.shows, cut.rows, cut.focusFirst ? zoomTraceKeys(s, tab, keyFor('zoom', ascii)) : keyFor('zoom', ascii)) : '';
  // a message naming Space says what it does now, as the key bar does
  const space = useSpaceWords();
  const said = status?.(s, space);
  const told = cut && said === s.resultShown(cut.step + 1, s.trace) ? undefined : said;
  // the step list's marks that say nothing by themselves, on the screen where each kind first
  // shows (issue 16: ✎ and "+3↑" were explained only in ? and the glossary), as many as fit
  // (on a lesson open and idle: a frame drawn as the lesson opens, or as --lesson leaves the first, is no screen read)
  const place = useAppState((st) => (st.run === null || st.busy !== null ? null : `${st.lessonIndex} ${st.view} ${st.done}`));
  // (and the tab bar's processes, said the same way: TabBar useTabBarPids)
  const listMarks = useLessonListMarks();
  const pids = useTabBarPids();
  const marks = [listMarks, pids ? 'pids' : ''].filter(Boolean).join(',');
  // a narrow list's sign ("+2↓") says its count itself, and ✓ is plain enough to wait (the first run's
  // cut result said it in place of z: s35g#7): a result cut by the Trace names z first, and
  // the sign is said on the next screen that shows it (the list narrows as the lesson pane gives the
  // result its rows: overview 1 at 80x24 --no-quiz said "+2↓ 2 more steps below", not z)
  const unsaid = marks && place !== null ? marks.split(',').filter((m) => [undefined, place].includes(explainedOf(store).get(kindOf(m))) && !(cutText && (kindOf(m).startsWith('hidden') || m === 'done'))) : [];
  const legendMarks = unsaid.filter((_, i) => cells(unsaid.slice(0, i + 1).map((m) => markWords(s, m, ascii)).join('  ')) <= width - 3);
  const legend = legendMarks.map((m) => markWords(s, m, ascii)).join('  ');
  // a mark explained on the screen where it first shows, before the Trace-cut hint (said again after
  // every run until z is used) and beside the run's "step 4's result: Trace pane shown", or in its place
  const done = useAppState((st) => st.done);
  const resultNote = told !== undefined && (['flow', 'kernel', 'trace'] as const).some((pane) => told === s.resultShown(done, s[pane]));
  const besideResult = legend && resultNote ? (cells(`${told}  ${legend}`) <= width - 3 ? `${told}  ${legend}` : legend) : undefined;
  const first = besideResult ?? told ?? (note || legend || '');
  const text = busy === 'running' ? s.running : busy === 'resetting' ? (jumping ? s.jumpRunning(jumping.lesson, jumping.steps, jumping.to) : s.resetting) : busy === 'quitting' ? s.quitting : busy === 'opening' ? (said ?? s.opening) : first || cutText;
  // what was said is said on this screen only; a screen left takes the rest with it
  useLayoutEffect(() => {
    const at = explainedOf(store);
    for (const [kind, where] of at) if (where !== place) at.set(kind, 'gone');
    if (place !== null && legend && text.includes(legend)) for (const m of legendMarks) if (!at.has(kindOf(m))) at.set(kindOf(m), place);
  });
  // the message comes first: when it does not fit beside the hint (two spaces apart), the hint gives way
  const right: Line = hint && cells(text) + cells(hint) + 4 <= width ? [run(hint, 'dim'), run(' ')] : [];
  const left: Line = [run(' '), run(truncate(text, Math.max(0, width - lineWidth(right) - 3)), busy ? 'label' : 'plain')];
  const gap = Math.max(0, width - lineWidth(left) - lineWidth(right));
  return <StyledLineView line={fit([...left, run(' '.repeat(gap)), ...right], width)} color={color} ascii={ascii} />;
}
