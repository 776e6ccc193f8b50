// The calls the lesson made, oldest first. While a step runs the pane follows the trace's
// end; after the run it shows the step from its heading down (trace-view.ts `stepTop`; issue 16:
// opened at a part's end or mid-step, newcomers paged up to its start for every long step), unless
// what the step's notice points at would be below: its traceFocus (cc's error at ftok 4, the ●
// row of an ipcs listing), else the errnos, signals and data it names (noticeMarks). Then the window
// goes down the least way that shows it whole, with the blocks it is in (a command's output, an
// IPC_STAT dump), and where the window cuts that result, the border says on which side it goes
// on (issue 16: shmctl 2's shm_ctime stood over "↓ 1 more", its value below), and where the
// window cuts the step's part (its heading aside), that z shows it ("z: whole", "z: step 3
// whole": trace-view.ts zoomShows). Zoomed, it opens on the step's heading and the borders say
// what PgUp, PgDn bring (pageShows). In review (← to a step that ran) it shows that step the same
// way, and the end again back at the step to run; the learner scrolls it as ever, the border
// saying how much more is above and below. A window opened inside a step's part names that step
// on its top border, whole ("Trace · step 8"); nothing is ever drawn over a trace line
// (trace-view.ts stepOpenedIn, noteBeside; docs/ARCHITECTURE.md, the Trace).
// Nothing run, nothing moves: an answer or a hint makes the lesson text above it taller or
// shorter, and the pane's height with it; the window keeps the top it had before that key (issue
// 16: after a check's last answer the closing words took a row, and "↑ 29 more" became "↑ 30
// more"), the border saying what is cut below.
// Where the learner leaves it holds while the step's lines arrive and across a zoom, a
// resize and a tab shown in between: at its end it follows the end, scrolled up it stays
// (the bottom border says how much more is below); a step run or reviewed shows that step.
import React, { useLayoutEffect, useMemo, useRef } from 'react';
import { useAppState, useAppStore, useLook } from '../context.js';
import { maxOffset } from '../scroll.js';
import { type Line, line } from '../styled.js';
import { useFollowScroll } from '../use-scroll.js';
import { Panel, useFocusMark } from './Panel.js';
import { listingOwners } from './marks.js';
import { keptServes, noteBeside, pageShows, resultCut, stepOpenedIn, stepTop, type TraceView, traceView, zoomShows, zoomTraceKeys } from './trace-view.js';
import { keyFor } from '../keymap.js';
import { zoomedRows } from '../layout.js';
import { useTerminalSize } from '../use-terminal-size.js';
import type { TraceCut } from '../store/panes.js';

const runKeys = new WeakMap<object, number>();
let runs = 0;
/** A number for each run (a reset or another lesson starts a new one): an offset chosen in
 *  one run does not hold in the next. */
function runKey(run: object | null): number {
  if (!run) return 0;
  if (!runKeys.has(run)) runKeys.set(run, ++runs);
  return runKeys.get(run)!;
}

/** What the status line says of step `step`'s part cut in a window of `rows` rows: what z shows
 *  (zoomShows): the step's part whole, else its result whole (the border's "z: whole"), else
 *  more of the part. No count of lines: the border counts the step's rows below ("↓ 16 more"),
 *  and a second count, the result's, read as a contradiction beside it. */
function traceCutOf(shows: 'part' | 'result' | 'more', resultWhole: boolean, step: number, rows: number, focusFirst: boolean, scrolled: boolean): TraceCut {
  return { step, shows: shows !== 'part' && resultWhole ? 'result' : shows, rows, focusFirst, scrolled };
}

export function TracePane({ width, height, focused, title, footer }: { width: number; height: number; focused: boolean; title: string; footer?: string }) {
  const { lang, s, ascii } = useLook();
  const lesson = useAppState((st) => st.lessons[st.lessonIndex]);
  const trace = useAppState((st) => st.trace);
  const stepStarts = useAppState((st) => st.stepStarts);
  // the notices this run's results called for (noticeBy): what each points at is in view after it
  const notices = useAppState((st) => st.notices);
  const segments = useAppState((st) => st.segments);
  const queues = useAppState((st) => st.queues);
  const semaphores = useAppState((st) => st.semaphores);
  // whose segment (queue, set) each `ipcs` row lists: this lesson's (its shmget, msgget, semget
  // calls returned it), ipclab's (its journals)
  const owners = useMemo(() => listingOwners(trace, { segments, queues, semaphores }), [trace, segments, queues, semaphores]);
  const view = useMemo(
    (): TraceView => (trace.length === 0 || !lesson ? { lines: [line(s.traceEmpty, 'dim')], tops: [], ends: [], focus: [], blocks: [0] } : traceView(trace, stepStarts, lesson, lang, width - 2, s, ascii, owners, process.pid, notices)),
    [trace, stepStarts, lesson, lang, width, s, ascii, owners, notices],
  );
  const { lines } = view;
  // the step reviewed (shown, and run already) or just run: what its notice points at (stepTop);
  // while a step runs, the end, as its lines arrive
  const reviewed = useAppState((st) => (st.view < st.done ? st.view : null));
  const last = useAppState((st) => (st.busy === 'running' || st.done === 0 ? null : st.done - 1));
  const step = reviewed ?? last;
  // zoomed (z: the pane drawn is the one zoomed), the step from its heading (stepTop)
  const zoomed = useAppState((st) => st.zoomed);
  const at = step === null ? undefined : stepTop(view, step, height - 2, zoomed);
  // what the pane shows: this run's steps so far, the one reviewed; not its size (a zoom, a
  // resize) nor the lines that arrived since (nc: zoomed and back, the Trace stopped following)
  const run = useAppState((st) => st.run);
  // keyed by the step, not its line (a resize rewraps the lines); the end once reached is followed
  const anchor = `${runKey(run)} ${stepStarts.length} ${step ?? 'end'}`;
  // the top chosen for the step as last drawn before a quiz key (an answer, a skip, a hint): after
  // one, the same top, whatever rows the lesson text leaves (the lines, the width and the zoom the same)
  const quizKeys = useAppState((st) => Object.keys(st.checkPicks).length + Object.keys(st.guesses).length + Object.keys(st.hints).length);
  const held = useRef<{ key: string; keys: number; top: number; rows: number } | null>(null);
  const holdKey = `${anchor} ${trace.length} ${width} ${zoomed}`;
  const rows = height - 2;
  const end = maxOffset(lines.length, height);
  let follow = Math.min(at ?? end, end);
  const was = step !== null && held.current?.key === holdKey ? held.current : null;
  if (was && was.keys !== quizKeys) follow = Math.min(was.top, end);
  // the same step drawn again, the pane a row taller or shorter (the lesson pane above showed the
  // question, gave rows to the result or took them back): the top stays where the learner reads, a
  // blank row under the trace's end where the pane grew there, unless the window would then show
  // less of the step's result, or cut its part that these rows hold whole (keptServes; issue 16
  // item 11: the Trace's "↑ 49 more" went to 50 and back; s34's hold of every following pane cut
  // results at overview 7, race 5 and serv-clnt 6: 920976af)
  else if (was && keptServes(view, step!, was.top, follow, rows)) {
    follow = was.top;
    held.current = { ...was, rows };
  } else held.current = { key: holdKey, keys: quizKeys, top: follow, rows };
  const max = Math.max(end, follow);
  const shown = max > end ? [...lines, ...Array.from({ length: max - end }, (): Line => [])] : lines;
  const top = useFollowScroll(max, follow, anchor, 'trace', rows, undefined, true);
  // where the window cuts the step's result (a record taller than the pane, or scrolled), the border says on which side
  const cut = step === null ? { above: false, below: false } : resultCut(view, step, top, height - 2);
  // where the window cuts the step's part (its result or lines before it), the border names z and
  // what it shows, while z zooms this pane (the one shown; no your-turn form or key's ask has the keys)
  // side by side with another pane in focus, Tab brings the focus here first (nc: serv-clnt 5 at 120x34, the exit lines cut, no z named)
  const zoomable = useAppState((st) => (st.tab === 'trace' || !st.tabs) && !st.zoomed && st.turnFocus === null && st.ask === null && st.overlay === 'none');
  const tab = useAppState((st) => st.tab);
  const focusFirst = tab !== 'trace';
  const terminal = useTerminalSize();
  const zoom = step === null || !zoomable ? null : zoomShows(view, step, top, height - 2, zoomedRows(terminal.columns, terminal.rows));
  const z = zoomTraceKeys(s, tab, keyFor('zoom', ascii));
  // what z shows: the result the sign says goes on, whole; else the step whole; else more of it
  const resultWhole = zoom && zoom.shows !== 'more' && (cut.above || cut.below);
  const said = !zoom ? '' : resultWhole ? s.zoomWhole(z) : zoom.shows === 'part' ? s.zoomStepWhole(z, step! + 1) : s.zoomMore(z, step! + 1);
  // zoomed, what the next page brings (pageShows): z was pressed to read the step, PgUp/PgDn read on;
  // `short`: the key alone
  const page = (side: 'above' | 'below', short = false) => {
    if (!zoomed || step === null) return '';
    const shows = pageShows(view, top, height - 2, side === 'above' ? 'up' : 'down');
    const key = keyFor(side === 'above' ? 'pageUp' : 'pageDown', ascii);
    // beside "step 2's result goes on below" the key alone: the words whole left no room at 80 columns
    if ((side === 'above' ? cut.above : cut.below) || (short && shows)) return key;
    return !shows ? '' : 'more' in shows ? s.pageMore(key, shows.more + 1) : s.pageSteps(key, shows.first + 1, shows.last + 1);
  };
  // what z or a page key shows on that side; `short`: "z: step 1", the page key alone
  const on = (side: 'above' | 'below', short = false) => (zoom?.side !== side ? page(side, short) : short && !resultWhole ? s.zoomStep(z, step! + 1) : said);
  // the step the window opens inside is named on the border, never drawn over its lines (stepOpenedIn)
  const opened = stepOpenedIn(view, top);
  const named = opened === null ? title : `${title}${ascii ? ' - ' : ' · '}${s.step} ${opened + 1}`;
  // the note beside "↑ N more", fullest first; the title and the step it names are never cut
  // for it (issue 16, nc3 at 80x24: "Trace ·… ↑ 19 more (step 1's result goes on above; z: more
  // of step 1)"): the result's words give way, then z's or the page key's
  const ups = [
    cut.above ? s.resultGoesOnAbove(step! + 1, on('above')) : on('above') ? s.signNote(on('above')) : '',
    on('above', true) ? s.signNote(on('above', true)) : '',
    '',
  ];
  const mark = useFocusMark(focused);
  const keys = {
    up: noteBeside(ups, named, top, width, ascii, s.more, mark),
    down: cut.below ? s.resultGoesOnBelow(step! + 1, on('below')) : on('below') ? s.signNote(on('below')) : '',
  };
  // the step just run cut where z shows it: the store hears what and how much, and the status line
  // says it until z was used once (issue 16 item 11: the border's "z: whole" went unread)
  const store = useAppStore();
  const cutNow = zoom && step !== null && reviewed === null ? traceCutOf(zoom.shows, !!resultWhole, step, height - 2, focusFirst, top !== follow) : null;
  const cutKey = cutNow && JSON.stringify(cutNow);
  useLayoutEffect(() => {
    store.getState().noteTraceCut(cutKey ? (JSON.parse(cutKey) as TraceCut) : null);
  }, [store, cutKey]);
  useLayoutEffect(() => () => store.getState().noteTraceCut(null), [store]);
  return <Panel title={named} width={width} height={height} lines={shown} offset={top} focused={focused} footer={footer} keys={keys} />;
}
