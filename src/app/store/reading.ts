// While the learner reads a step's result: from its run until they move on to the next step (Space
// brings its question or the rest of its text, an answer, a hint, a form, ← →). Meanwhile the pane
// that holds the result gets the rows it needs where its window, as the run left it, cut it and the
// next step's question waits behind Space anyway, or it asks none (issue 16 item 11: the Trace held 5-7 rows under the lesson at 80x24,
// and newcomers pressed z or PgDn at nearly every step): the lesson pane shrinks to the notice (App,
// LessonPane `lessonRowsResult`), side by side the result's pane grows (layout.ts `grow`); the
// Space that brings the question or the step's text gives the rows back.
import type { AppState } from '../store.js';
import { AT_QUESTION } from './panes.js';
import { quizPlace } from './quiz.js';
import { keptTyped } from './turn.js';
import type { ResultPane } from '../../lessons/result-pane.js';

/** Whether the result of the step just run is being read: nothing done yet about the step shown
 *  next. Not at the lesson's end (its checks take the rows), nor zoomed (one pane fills the screen)
 *  unless `asUnzoomed`: the rows the pane had before z (App: the zoomed Kernel record keeps its form). */
export function readingResult(st: AppState, asUnzoomed = false): boolean {
  const { result, done, view } = st;
  if (!result || result.step !== done - 1 || view !== done || st.busy !== null || (st.zoomed && !asUnzoomed) || st.turnFocus !== null) return false;
  if (done >= (st.lessons[st.lessonIndex]?.steps.length ?? 0)) return false;
  if (st.guesses[done] !== undefined || st.hints[done] || st.opened[done]) return false;
  return st.scroll.lesson === AT_QUESTION && keptTyped(st) === null;
}

/** Whether the next step's text may give the result's pane its rows: its question waits behind
 *  Space anyway (`pinned`: the lesson pane drew the result first), or it asks none (the quiz off, a
 *  step with no checkpoint), so its title and first line stay and Space brings the rest as it
 *  brings a question (issue 16 item 11: with --no-quiz, serv-clnt 1 at 80x24 kept the next step's
 *  text whole over a Trace of 6 rows, and its result took z, Tab and PgUp). A question that fits
 *  under the result keeps its rows: it is answered before Space runs. */
export function nextGivesWay(st: AppState, pinned: boolean): boolean {
  return pinned || quizPlace(st) === null;
}

/** The pane given more rows now: the result's, once its window was found to cut the result in
 *  this reading at this size and language (`at`; `resultCut`, kept until the next run, so the
 *  rows it gets do not take it back). */
export function resultGrows(st: AppState, at: string, asUnzoomed = false): Exclude<ResultPane, 'flow'> | null {
  const cut = st.resultCut;
  if (!cut || cut.at !== at || cut.run !== st.run || cut.step !== st.done - 1 || !readingResult(st, asUnzoomed)) return null;
  const pane = st.result!.pane;
  return pane === 'flow' ? null : pane;
}
