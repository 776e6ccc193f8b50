// The lesson: its text for the shown step and the step list. Side by side in a
// short wide pane (80x24), one above the other in a tall one. Side by side, only the
// text scrolls: the step list, with the current step marked, never leaves the pane.
import React, { useLayoutEffect, useMemo } from 'react';
import { useShallow } from 'zustand/shallow';
import { useAppState, useAppStore, useLook } from '../context.js';
import { lessonAt } from '../store/progress.js';
import { quizPlace } from '../store/quiz.js';
import { resultFirst } from '../store/turn.js';
import type { AppState } from '../store.js';
import { keyFor } from '../keymap.js';
import { type Line, continues, fit, lineText, lineWidth, run, trimEnd } from '../styled.js';
import { cells, layoutText, proseWidth, truncate, wrap } from '../text-fit.js';
import { keptChoice } from '../kept-layout.js';
import { lessonRowsBeside, lessonRowsMost, lessonRowsShare } from '../layout.js';
import { useStoredScroll } from '../use-scroll.js';
import { storeNote } from '../store-note.js';
import { pageLines } from '../scroll.js';
import { useTerminalSize } from '../use-terminal-size.js';
import { Panel } from './Panel.js';
import { frameChars, titleRoom } from './frame.js';
import { markOf } from './step-marks.js';
import { ASIDE_BAR, lessonTextLines, listMarks, paneNewTerms, stepListLines, stepRows, textNewTerms, type Earlier, type LessonViewInput } from './lesson-view.js';
import type { LessonAt } from '../../lessons/glossary.js';
import type { Lesson } from '../../lessons/types.js';
import type { Lang } from '../../lang.js';
import type { TermPane } from '../strings.js';
import { useTurnForm, useTurnResults } from './TurnForm.js';

/** Width of the step list beside the text: a third of the pane, at least 26 cells
 *  (48 left for the text at 80 columns), no wider than its longest line. */
export function stepColumnWidth(input: LessonViewInput, inner: number): number {
  const longest = Math.max(0, ...stepListLines(input, 200).map(lineWidth));
  return Math.max(26, Math.min(Math.floor(inner / 3), longest));
}

/** Stacked, the text keeps at least this many rows above the step list, and the list
 *  at least this many (a sign, the shown step and its neighbours, a sign). */
const MIN_TEXT_ROWS = 4;
/** the fewest rows of a windowed list: the shown step between its two signs, or above one sign for both (listWindow) */
const MIN_WINDOW_ROWS = 2;

/** `rows` lines of the step list with the shown step's lines in view, near the middle;
 *  where steps are out of view, a sign in their place says how many ("2 more ↑"), as a
 *  pane's border does. */
function listWindow(input: LessonViewInput, width: number, rows: number): Line[] {
  const all = stepRows(input, width);
  const lines = all.flatMap((r) => r.lines);
  if (lines.length <= rows) return lines;
  const at = all.slice(0, input.view).reduce((n, r) => n + r.lines.length, 0);
  const own = all[input.view]?.lines.length ?? 1;
  const first = Math.min(Math.max(0, at - Math.floor((rows - own) / 2)), lines.length - rows);
  const start = first > 0 ? Math.min(first + 1, at) : 0;
  const end = first + rows < lines.length ? Math.max(first + rows - 1, at + own) : lines.length;
  // the steps out of view, counted as steps (a presenter's list has two lines a step)
  const stepsIn = (from: number, to: number) => {
    let line = 0;
    return all.filter((r) => {
      const at = line;
      line += r.lines.length;
      return at >= from && at < to;
    }).length;
  };
  // a sign in the marks' column, "3 more ↑" (zh "↑ 还有 3 步"); in the narrow list " +3↑": a
  // count with its + and arrow, never a bare number beside an arrow, which read as a step's
  // number (issue 16: "↑3"); the glossary's step-list entry says both
  const narrowSign = (arrow: string, n: number) => ` +${n}${arrow}`;
  const sign = (arrow: string, n: number): Line => {
    const said = ` ${input.s.stepsHidden(n, arrow)}`;
    return [run(cells(said) <= width ? said : narrowSign(arrow, n), 'dim')];
  };
  const window = [...(start > 0 ? [sign('↑', stepsIn(0, start))] : []), ...lines.slice(start, end), ...(end < lines.length ? [sign('↓', stepsIn(end, lines.length))] : [])];
  if (window.length <= rows) return window;
  // two rows: the shown step and one sign for both sides, "2 more ↑ 3 more ↓" (fix25a#3: at
  // 120x34 zh the rows under the list's heading were left blank where a window needed three)
  const [up, down] = [stepsIn(0, at), stepsIn(at + own, lines.length)];
  const both = ` ${input.s.stepsHidden(up, '↑')} ${input.s.stepsHidden(down, '↓')}`;
  const narrow = `${narrowSign('↑', up)}${narrowSign('↓', down)}`;
  // where even the narrow pair is wider than the list, the steps still to come are counted
  // alone ("+1↓"), else those before: cut, the pair read " +6…", a sign the glossary never explains (issue 16)
  const said = cells(both) <= width ? both : cells(narrow) <= width ? narrow : down > 0 ? narrowSign('↓', down) : narrowSign('↑', up);
  return [...lines.slice(at, at + own), [run(said, 'dim')]].slice(0, rows);
}

/** The step list beside the text as narrow as it goes (" ▶ 12"): when the text needs the
 *  width to fit its rows. Its heading names the shown step whole; the list is never
 *  narrower than its heading, so the heading is the same word in every lesson. */
function narrowListWidth(input: LessonViewInput): number {
  return Math.max(3 + String(input.lesson.steps.length).length, cells(input.s.stepsHeading));
}

/** The step list's first row: "Step" (without its leading space in a narrow list), so its
 *  marks and numbers read as a list of steps, not as line numbers of the text beside it. */
function listHeading(input: LessonViewInput, width: number): Line {
  const said = ` ${input.s.stepsHeading}`;
  return [run(cells(said) <= width ? said : input.s.stepsHeading, 'dim')];
}

/** The one row left for the step list under the text: where the learner is and the steps out
 *  of view either side, "Step 2/7  1 more ↑ 5 more ↓" (narrow: "Step 2/7 +1↑ +5↓"), never a
 *  heading alone (issue 16 fixR#1: a bare "步骤 1/6" read as an empty list at 120x34 zh). */
function whereLine(input: LessonViewInput, width: number): string {
  const { s, view } = input;
  const n = input.lesson.steps.length;
  const [up, down] = [Math.min(view, n), Math.max(0, n - view - 1)];
  const at = ` ${s.stepsHeading} ${Math.min(view + 1, n)}/${n}`;
  const said = [up > 0 ? s.stepsHidden(up, '↑') : '', down > 0 ? s.stepsHidden(down, '↓') : ''].filter(Boolean).join(' ');
  const whole = `${at}  ${said}`;
  if (cells(whole) <= width) return whole;
  return `${at}${up > 0 ? ` +${up}↑` : ''}${down > 0 ? ` +${down}↓` : ''}`;
}

/** The pane's content for its size, before a scroll offset picks what is in view. */
export interface LessonPaneContent {
  /** the text of the shown step, wrapped */
  text: Line[];
  /** rows of text in view */
  textRows: number;
  /** the largest useful scroll offset of the text */
  max: number;
  /** the rows of text in view from `top` ([start, end)) and the rows below them. No line is
   *  ever drawn above them: a heading pinned there read as the title of the text under it,
   *  the results of the step before (nc12k#1) */
  window(top: number): { start: number; end: number; below: number };
  /** the shown step's heading is not wholly in view from `top`: the pane's border names the step */
  headingOut(top: number): boolean;
  /** the top border's title from `top`, what PgUp brings said beside its "↑ n more" (`upKey`),
   *  the title's words the border could not hold (`rest`), drawn on the pane's first rows
   *  (lessonBorderTitle), and under them the row that says the shown step's text starts above
   *  (`startAbove`, '' where the window holds its start: stepTextAbove) */
  border(top: number): { title: string; rest: string[]; upKey: string; startAbove: string };
  /** the pane's lines with the text from row `top` */
  lines(top: number): Line[];
  /** the result of the step just run comes first, the shown step's question behind Enter (lessonPaneContent) */
  pinned: boolean;
  /** the question behind the pinned line with the step's words cut above it ("▸ Space: more of step 4 + question") */
  cut?: boolean;
  /** the rows of the your-turn form being edited ([start, end)): questionTop keeps them all in view */
  form: { start: number; end: number } | null;
  /** the step list's rows drawn with the text from row `top` (its marks, explained on the status line: listMarks) */
  listLines(top: number): Line[];
}

/** The rows of the shown step's heading ("▶ step 2/6: …", wrapped) in the text: the title
 *  tone's lines from the one naming the step; null at the lesson's end (no step shown). */
export function headingRows(input: LessonViewInput, text: readonly Line[]): [number, number] | null {
  if (input.view >= input.lesson.steps.length) return null;
  const named = `${input.s.step} ${input.view + 1}/`;
  const starts = [named, `${input.ascii ? '>' : '▶'} ${named}`];
  const at = text.findIndex((l) => l[0]?.tone === 'title' && starts.some((x) => (l[0]?.text ?? '').startsWith(x)));
  if (at < 0) return null;
  let end = at + 1;
  while (end < text.length && text[end][0]?.tone === 'title' && text[end].length === 1) end++;
  return [at, end];
}

/** The rows of the your-turn form being edited in `text` wrapped at `inner` cells: right under
 *  the shown step's heading (lesson-view textLines), from its keys line to its last field's. */
function formRows(input: LessonViewInput, text: readonly Line[], inner: number): LessonPaneContent['form'] {
  const heading = headingRows(input, text);
  if (!input.form?.alone || !heading) return null;
  return { start: heading[1], end: heading[1] + input.form.lines(proseWidth(inner)).length };
}

/** Whether row `row` of the text starts a paragraph or a part (a heading, a notice, a choice, a
 *  sentence): it has words and does not go on from the row above (styled.ts `continues`). */
function startsPart(text: readonly Line[], row: number): boolean {
  const l = text[row];
  return row === 0 || (l !== undefined && !continues(l) && lineText(l).trim() !== '');
}

/** Where the pane that scrolls itself to `top` opens instead: the row nearest it in [lo, hi] that
 *  starts a paragraph (issue 16: "│ it full screen." under "↑ 2 more"), never a wrapped one's
 *  later row. From a wrapped row, its paragraph's start above first (the sentence read whole),
 *  else the next start below; from a blank row, the start under it first. `top` where none does. */
export function paragraphTop(text: readonly Line[], top: number, lo = 0, hi = top): number {
  if (startsPart(text, top)) return top;
  const up = () => {
    for (let row = top - 1; row >= Math.max(0, lo); row--) if (startsPart(text, row)) return row;
    return null;
  };
  const down = () => {
    for (let row = top + 1; row <= hi; row++) if (startsPart(text, row)) return row;
    return null;
  };
  const blank = lineText(text[top] ?? []).trim() === '';
  return (blank ? (down() ?? up()) : (up() ?? down())) ?? top;
}

/** Whether the shown step's heading is not wholly in the text's `rows` rows from `top`. */
function headingOutOf(input: LessonViewInput, text: readonly Line[], rows: number): (top: number) => boolean {
  const heading = headingRows(input, text);
  return (top) => !!heading && !(heading[0] >= top && heading[1] <= top + rows);
}

/** The text's window of `rows` rows from `top`, and whether the shown step's heading is out
 *  of it (then the border names the step: lessonBorderTitle, its words the border cannot hold on
 *  the first `titleRows(top)` rows, which the text gives up). Its last window starts a
 *  paragraph too, with blank rows under the text's end where it must: a window End scrolls to
 *  never opens mid-sentence either (Space's rest stops at the text's last row: restTop). */
function textWindow(input: LessonViewInput, text: readonly Line[], rows: number, titleRows: (top: number) => number): Pick<LessonPaneContent, 'max' | 'window' | 'headingOut'> {
  const headingOut = headingOutOf(input, text, rows);
  const shown = (top: number) => Math.max(1, rows - (headingOut(top) ? titleRows(top) : 0));
  // the first window that holds the text's end, the title's rows above it
  let end = Math.max(0, text.length - rows);
  while (end > 0 && end + shown(end) < text.length) end++;
  return {
    max: end === 0 ? 0 : paragraphTop(text, end, end, text.length - 1),
    window: (top) => ({ start: top, end: top + shown(top), below: Math.max(0, text.length - top - shown(top)) }),
    headingOut,
  };
}

/** The lesson pane's border title: "Lesson", and while the shown step's heading is out of
 *  view, the step it is after it ("Lesson · ▶ step 3/9: 'A' and 'A'+256"). One rule at every
 *  width (issue 16: shmctl 3 dropped "Lesson · " where shmget 3 kept it): the pane's name first,
 *  the step's number, then its title whole where `room` cells hold it; else the border names the
 *  step alone and the whole title wraps onto the pane's first rows (`rest`, `width` cells), as a
 *  heading wraps. A title split between the border and the row under it read as two texts
 *  (issue 16, s35g#2: "┌─ 课程 · ▶ 步骤 4/7：读出最后一条，再读空 ──┐" over "│队列"). */
export function lessonBorderTitle(input: LessonViewInput, out: boolean, room: number, width: number): { title: string; rest: string[] } {
  const { s, lesson, view, lang, ascii } = input;
  const step = lesson.steps[view];
  if (!out || !step) return { title: s.lessonTitle, rest: [] };
  const named = `${s.lessonTitle}${ascii ? ' - ' : ' · '}${ascii ? '>' : '▶'} ${s.step} ${view + 1}/${lesson.steps.length}`;
  const title = layoutText(ascii).text(step.title[lang]);
  if (cells(`${named}${s.colon}${title}`) <= room) return { title: `${named}${s.colon}${title}`, rest: [] };
  return { title: named, rest: wrap(title, Math.max(4, width), { code: true }) };
}

export interface LessonPaneView {
  lines: Line[];
  /** text lines hidden above and below (side by side, where the list stays put) */
  above: number;
  below: number;
}

/** Side by side, whether the lesson's step list is the narrow one (marks and numbers) at
 *  this size: one layout for the whole lesson, not one a step (nc2#4). Narrow when a step,
 *  opened after the one before it ran, needs more than `most` rows (all the tabs leave)
 *  beside the titled list. The learner's answers and values are left out: the choice
 *  holds while they change. */
export function narrowList(input: LessonViewInput, inner: number, most: number): boolean {
  const { lesson, lang, ascii, present, quiz, stepTerms } = input;
  // the "New terms" lines count as every other line (fix18a#6: sem 1-3 zh at 80x24 needed PgDn):
  // what the learner met before this lesson decides them, so they are part of the key
  const terms = (stepTerms ?? []).map((t) => `${t.names.join(',')}/${t.justRun?.join(',') ?? ''}/${JSON.stringify(t.where ?? {})}`).join(';');
  const key = `${lang} ${ascii} ${present} ${quiz !== undefined} ${inner} ${most} ${terms}`;
  const known = narrowKnown.get(lesson) ?? new Map<string, boolean>();
  narrowKnown.set(lesson, known);
  let narrow = known.get(key);
  if (narrow === undefined) {
    // from the lesson's texts and the size alone: kept across runs too (kept-layout.ts)
    narrow = keptChoice(`narrow-list ${lesson.id} ${key}`, () => {
      const width = inner - stepColumnWidth(input, inner) - 3;
      const fresh = { ...input, quiz: quiz && { ...quiz, guesses: {}, graded: {} }, form: undefined, turnResults: undefined, problems: {}, notices: {}, revealed: 0, asideShown: false };
      return lesson.steps.some((_, k) => lessonTextLines({ ...fresh, view: k, done: k, newTerms: stepTerms?.[k] }, width, most).length > most);
    });
    known.set(key, narrow);
  }
  return narrow;
}

// narrowList by lesson and size: every render asks, the answer is the lesson's
const narrowKnown = new WeakMap<LessonViewInput['lesson'], Map<string, boolean>>();

/** `most`: the most rows of text the pane gets at this terminal size (layout.ts
 *  lessonRowsMost); side by side it decides the step list's layout for the lesson.
 *  Right after a run, where the result of the step just run and the whole question of the
 *  next do not both fit (the question's rule would scroll the result up), the result comes
 *  first, top-aligned, and one line pinned under the text says the question is behind Enter
 *  (`pinned`; store/turn.ts questionBehind): the learner reads what the run showed before
 *  predicting the next, and no PgUp is needed for either. */
export function lessonPaneContent(input: LessonViewInput, inner: number, rows: number, columns: boolean, most = rows): LessonPaneContent {
  const whole = paneContent(input, inner, rows, columns, most, true, false, false);
  // whether the question fits beside the result is decided without the aside: a shows it in
  // the rows the text had, scrolled (asideTop), never folding a question that was in view (issue 16)
  const plain = input.asideShown ? paneContent({ ...input, asideShown: false }, inner, rows, columns, most, true, false, false) : whole;
  const result = input.resultFirst ? resultRow(input, plain.text) : -1;
  const asking = result < 0 || !openQuestion(input, plain.text) || questionTop(input, plain) <= result;
  const first = asking ? whole : paneContent(input, inner, rows, columns, most, false, false, false);
  // the shown step's "New terms" line is in view whenever its text is (fix19a#1): where the pane
  // opens with its words in view and the line cut or below, the line is pinned under the text
  const apart = termsCut(input, first);
  const content = apart ? paneContent(input, inner, rows, columns, most, asking, true, false) : first;
  // a pinned line under words cut where the pane opens read as their end ("… checks SHMMAX (per
  // segment)," then "New terms: …"): the last pinned line says the rest of the step is behind it (fix20a#1)
  return wordsCut(input, content, apart) ? paneContent(input, inner, rows, columns, most, asking, apart, true) : content;
}

/** Where the pane opens, lines are pinned under the text (the step's "New terms" line, `apart`, or
 *  the key to its question) and the shown step's words go on below them. */
function wordsCut(input: LessonViewInput, content: LessonPaneContent, apart: boolean): boolean {
  if (input.view >= input.lesson.steps.length || input.quiz?.place?.kind === 'check') return false;
  if (!apart && !content.pinned) return false;
  return content.window(questionTop(input, content)).below > 0;
}

/** The rows ([start, end)) of the shown step's own "New terms" line (lesson-view textLines:
 *  under its text, above its question), the first after its heading; null when it has none. */
function termsRows(input: LessonViewInput, text: readonly Line[]): [number, number] | null {
  const heading = headingRows(input, text);
  if (!heading) return null;
  const lead = input.s.newTerms('\u0000', '').split('\u0000')[0];
  const single = (l: Line | undefined) => l?.length === 1 && l[0].tone === 'dim';
  // a step read again lists what its run showed first under its notice, below a blank line: not its own
  const textEnd = input.view < input.done ? text.findIndex((l, i) => i >= heading[1] && l.length === 0) : -1;
  const start = text.findIndex((l, i) => i >= heading[1] && (textEnd < 0 || i < textEnd) && single(l) && l[0].text.startsWith(lead));
  if (start < 0) return null;
  let end = start + 1;
  while (single(text[end]) && !text[end][0].text.startsWith(lead)) end++;
  return [start, end];
}

/** Where the pane opens, the shown step's words (from its introduction at step 1, else its
 *  heading) are in view and its "New terms" line is not wholly: a term would be read before it. */
function termsCut(input: LessonViewInput, content: LessonPaneContent): boolean {
  const terms = termsRows(input, content.text);
  if (!terms) return false;
  const top = questionTop(input, content);
  const { end } = content.window(top);
  const from = input.view === 0 ? 0 : (headingRows(input, content.text)?.[0] ?? terms[0]);
  return !(terms[0] >= top && terms[1] <= end) && from < end;
}

/** The pane's content with the shown step's question (`asking`), or with the line that says it
 *  is behind a key in its place; `apart`: the step's "New terms" line pinned under the text;
 *  `cut`: the step's words go on below the pinned lines, and the last says where the rest is. */
function paneContent(input: LessonViewInput, inner: number, rows: number, columns: boolean, most: number, asking: boolean, apart: boolean, cut: boolean): LessonPaneContent {
  const place = input.quiz?.place;
  const { s } = input;
  // what Space brings, in the key bar's words (strings spaceBrings): the rest of the step's words
  // (its question with them, where the step asks), or the question behind the key (with those words where cut)
  const asks = place?.kind === 'checkpoint' && place.step === input.view;
  const brings = asking ? (cut ? s.spaceBrings(input.view + 1, true, asks) : null) : place?.kind === 'check' ? s.spaceCheck(place.question + 1, input.lesson.check?.length ?? 0) : s.spaceBrings(input.view + 1, cut, true);
  const said = brings === null ? null : s.spaceMarker(brings);
  const behind = (width: number): Line[] => (said === null ? [] : wrap(layoutText(input.ascii).text(said), width).map((l) => [run(l, 'key')]));
  // the text, and the lines pinned under it: the step's new terms (`apart`), the key to its question
  // `rest`: the last pinned lines say "PgDn: the rest of step n" (the question is asked: `asking`)
  const textAndPinned = (textInner: number, textRows: number): { text: Line[]; pinned: Line[]; rest: number } => {
    const key = behind(proseWidth(textInner));
    const rest = asking ? key.length : 0;
    const text = lessonTextLines(input, textInner, textRows - key.length, asking);
    const terms = apart ? termsRows(input, text) : null;
    if (!terms) return { text, pinned: key, rest };
    return { text: [...text.slice(0, terms[0]), ...text.slice(terms[1])], pinned: [...text.slice(terms[0], terms[1]), ...key], rest };
  };
  // the rest line points at text below the window: scrolled to the text's end, it goes (fix22a#1:
  // serv-clnt 5 at 80x24 kept it under the whole text, and PgDn again scrolled another pane)
  const pinnedAt = ({ pinned, rest }: { pinned: Line[]; rest: number }, win: Pick<LessonPaneContent, 'window'>, top: number) => (rest && win.window(top).below === 0 ? pinned.slice(0, pinned.length - rest) : pinned);
  if (!columns) {
    // the text on top, the step list right under it (so at the bottom when the text
    // overflows): only the text scrolls. The text gets the rows it needs, the list the
    // rest, windowed around the shown step. The presenter's
    // blank lines between steps only when the whole text still fits.
    // the list's room is the text's: the pane keeps a column blank before its border
    // (textRoom), so a title too long is cut with its … by stepRows, never by the pane
    const listRoom = proseWidth(inner);
    const stacked = textAndPinned(inner, rows);
    const { text, pinned } = stacked;
    const spaced = stepListLines(input, listRoom);
    const whole = text.length + pinned.length + 1 + spaced.length <= rows ? spaced : stepListLines({ ...input, present: false }, listRoom);
    // the list gives way to a text that needs the rows (a step with its question, nc92 at
    // 120x34): a window of 2 rows at least (the shown step, ↑ n ↓ n), else none, the text's
    // own "▶ step n/m" heading saying where the learner is
    const room = rows - text.length - pinned.length - 1;
    const listRows = Math.min(whole.length, room >= MIN_WINDOW_ROWS ? room : 0);
    const windowed = whole === spaced ? spaced : listRows === 0 ? [] : listWindow({ ...input, present: false }, listRoom, listRows);
    // the row between the text and the list names it. With no room for a window, a row left
    // empty says where the learner is, "Step 1/7" (fix22a#3: msg 1 and sem 1 at 120x34 zh had
    // two and no list); no part of the list, which would hide the rest unsaid
    const n = input.lesson.steps.length;
    const free = input.view < n && !windowed.length ? rows - text.length - pinned.length : 0;
    const list = windowed;
    const heading = list.length ? [listHeading(input, listRoom)] : free >= 1 ? [[run(truncate(whereLine(input, listRoom), listRoom), 'dim')]] : [];
    const textRows = Math.max(MIN_TEXT_ROWS, rows - list.length - heading.length) - pinned.length;
    const border = borderOf(input, text, inner, textRows, proseWidth(inner));
    const win = textWindow(input, text, textRows, (top) => titleLines(border(top)).length);
    const shown = (top: number) => [...titleLines(border(top)), ...cutShown(text, top, win.window(top).end - top, pinned, proseWidth(inner), input.ascii)];
    // the last window opens at a paragraph (textWindow), rows left under the text's end: with no
    // list drawn, the pane's last row says where the learner is, as a free row does
    const where = (top: number) => {
      const spare = win.window(top).end - top - Math.max(0, text.length - top);
      return heading.length || input.view >= n || spare < 1 ? [] : [...Array.from({ length: spare - 1 }, (): Line => []), [run(truncate(whereLine(input, listRoom), listRoom), 'dim')]];
    };
    return { text, textRows, pinned: !asking, cut: !asking && cut, form: formRows(input, text, inner), ...win, border, lines: (top) => [...shown(top), ...pinnedAt(stacked, win, top), ...heading, ...list, ...where(top)], listLines: (top) => [...heading, ...list, ...where(top)] };
  }
  // side by side there is no room for the presenter's blank lines between steps; the list
  // narrows to its marks and numbers when the lesson's texts need the width to fit
  const listWidth = narrowList(input, inner, most) ? narrowListWidth(input) : stepColumnWidth(input, inner);
  const beside = textAndPinned(inner - listWidth - 3, rows);
  const { text, pinned } = beside;
  const textRows = rows - pinned.length;
  const steps = [listHeading(input, listWidth), ...listWindow({ ...input, present: false }, listWidth, rows - 1)];
  const sep = run(input.ascii ? ' | ' : ' │ ', 'frame');
  const border = borderOf(input, text, inner, textRows, proseWidth(inner - listWidth - 3));
  const win = textWindow(input, text, textRows, (top) => titleLines(border(top)).length);
  return {
    text,
    textRows,
    pinned: !asking,
    cut: !asking && cut,
    form: formRows(input, text, inner - listWidth - 3),
    ...win,
    border,
    listLines: () => steps.slice(0, rows),
    lines: (top) => {
      // the pinned lines right under the text's last row in view, as stacked: at the pane's bottom,
      // under empty rows, the key line read as if the question would have fit there (fix20a#2)
      const shown = [...titleLines(border(top)), ...cutShown(text, top, win.window(top).end - top, pinned, proseWidth(inner - listWidth - 3), input.ascii), ...pinnedAt(beside, win, top)];
      return Array.from({ length: rows }, (_, i) => [...fit(steps[i] ?? [], listWidth), sep, ...(shown[i] ?? [])]);
    },
  };
}

/** The border's title with the text from `top` (lessonBorderTitle, at the room the top border
 *  leaves beside its "↑ n more" sign: the pane's `inner` cells and a cell of frame each side), and
 *  what PgUp brings named beside the sign where the step's number still fits (fix28b#3: a bare
 *  "↑ 1 more PgUp" named nothing; fix24l#3: a narrow pane cut the title to "▶ 步骤 …"). */
function borderOf(input: LessonViewInput, text: readonly Line[], inner: number, textRows: number, restWidth: number): LessonPaneContent['border'] {
  const { s } = input;
  const headingOut = headingOutOf(input, text, textRows);
  const c = frameChars(input.ascii);
  const named = cells(lessonBorderTitle(input, true, 0, restWidth).title);
  const result = input.view === input.done && input.done > 0 ? stepResultRow(input, text) : -1;
  const hidden = stepTextAbove(input, text);
  const step = input.view + 1;
  return (top) => {
    const out = headingOut(top);
    const sign = result >= 0 && result < top ? aboveSign(input, text, result, top, textRows) : null;
    // the window opens inside the shown step's text: the border names it above too, not only the
    // notice PgUp lands on (issue 16: "↑ 8 more PgUp: notice (step 2)" over shmctl 3's later lines)
    const cut = hidden(top);
    const tries = !cut ? (sign === null ? [] : [sign]) : sign === s.resultAbove(input.done) ? [s.resultTextAbove(input.done, step), s.textAbove(step)] : [sign ?? s.textAbove(step)];
    const room = (key: string) => titleRoom(top, inner + 2, c, s.more, key);
    // a showed the aside where the open question left it no row: the border says where it is
    const asideLast = input.asideShown && !cut ? asideEnd(input, text) : -1;
    const aside = asideLast >= 0 && asideLast < top && room(s.asideAbove) >= (out ? named : 0) ? s.asideAbove : undefined;
    // else the step's title whole on the border before the sign's words, down to a bare "↑ N more": a
    // title wrapped onto the pane's first row cost the text that row, and the window opened inside
    // the text (issue 16, shmctl 3 at 80x24: "in buf" over a later line, read as a skipped line)
    const whole = (key: string) => lessonBorderTitle(input, out, room(key), restWidth).rest.length === 0;
    const upKey = aside ?? (out ? [...tries, ''].find(whole) : undefined) ?? tries.find((key) => room(key) >= (out ? named : 0)) ?? '';
    const startAbove = cut ? truncate(layoutText(input.ascii).text(s.stepTextAbove(step, cut)), restWidth, layoutText(input.ascii).mark, true) : '';
    return { ...lessonBorderTitle(input, out, room(upKey), restWidth), upKey, startAbove };
  };
}

/** The rows of the shown step's own text above `top` (after its heading, up to the blank row that
 *  ends it: lesson-view textLines) where the window opens below its first row and above its end;
 *  0 where it opens at that row or outside the text. The heading is then out of view, named on
 *  the border, and the rows under it are not the text's start: a row says so (stepTextAbove;
 *  issue 16: shmctl 3's "in buf" over "lesson's 0640 lets…" read as a skipped line). */
function stepTextAbove(input: LessonViewInput, text: readonly Line[]): (top: number) => number {
  const heading = headingRows(input, text);
  if (!heading) return () => 0;
  let end = heading[1];
  while (end < text.length && text[end].length > 0) end++;
  return (top) => (top > heading[1] && top < end ? top - heading[1] : 0);
}

/** The border title's words that did not fit on it, then the row that says the step's text starts above, as the pane's first rows. */
function titleLines(border: { rest: string[]; startAbove?: string }): Line[] {
  return [...border.rest.map((l): Line => [run(l, 'title')]), ...(border.startAbove ? [[run(border.startAbove, 'dim')]] : [])];
}

/** The text's rows in view from `top`; where lines are pinned under them and the text goes on
 *  below, the last ends in a mark: a sentence cut there read as finished over the pinned
 *  "New terms" line (fix21a#1: "… checks SHMMAX (per segment)," then "New terms: …"). */
export function cutShown(text: readonly Line[], top: number, rows: number, pinned: readonly Line[], width: number, ascii: boolean): Line[] {
  const shown = text.slice(top, top + rows);
  // only words below call for the mark: blank rows there are no rest (issue 16: race 4 zh ended
  // "新术语：缓存行（按 g 查看术语表） …" with nothing after it)
  const rest = text.slice(top + rows).some((l) => lineWidth(trimEnd(l)) > 0);
  if (!pinned.length || !rest || !shown.length) return shown;
  // nor where the cut falls between paragraphs: the last row blank, or the next blank or a
  // step's heading (issue 16: a "…" alone on a blank row, and one after a "New terms" line,
  // read as stray; the pinned line under them says the rest is below)
  const said = (l: Line | undefined) => !!l && lineWidth(trimEnd(l)) > 0;
  const next = text[top + rows];
  if (!said(shown[shown.length - 1]) || !said(next) || next![0]?.tone === 'title') return shown;
  return [...shown.slice(0, -1), markCut(shown[shown.length - 1], width, ascii)];
}

/** `l` ending in " …" (--ascii " ..."), within `width` cells: the words it cannot keep beside the
 *  mark go, back to a space where half the line stays (truncate's words), as the rest is below;
 *  a heading's row too wide for the mark is left whole. */
function markCut(l: Line, width: number, ascii: boolean): Line {
  const said = trimEnd(l);
  const mark = `${said.length ? ' ' : ''}${layoutText(ascii).mark}`;
  if (lineWidth(said) + cells(mark) <= width) return [...said, run(mark, 'dim')];
  // a step's title is never cut (issue 16): a heading's row stays whole, the line pinned under it says the rest is below
  if (said[0]?.tone === 'title') return l;
  const out: Line = [];
  let room = width - cells(mark);
  for (const r of said) {
    const w = cells(r.text);
    if (w <= room) {
      out.push(r);
      room -= w;
      continue;
    }
    const kept = truncate(r.text, room, '', true).trimEnd();
    if (kept) out.push(run(kept, r.tone));
    break;
  }
  return [...out, run(mark, 'dim')];
}

/** The rows the lesson pane's content needs side by side at `inner` cells in a terminal
 *  `height` rows tall: its text beside the lesson's step list (narrowList), at least its
 *  share of the rows; past lessonRowsBeside (the flow's rows below) only what the shown step's
 *  own text needs, from its heading (step 1's from the introduction): the notice above gives way. */
export function lessonRowsNeeded(shown: LessonViewInput, inner: number, height: number): number {
  // the aside a shows takes no rows from the panes below: it scrolls in the pane's rows (issue 16:
  // at 120x34 a took 3 rows from the flow)
  const input = { ...shown, asideShown: false };
  const most = lessonRowsMost(height);
  const listWidth = narrowList(input, inner, most) ? narrowListWidth(input) : stepColumnWidth(input, inner);
  const text = lessonTextLines(input, inner - listWidth - 3, most);
  const heading = input.view > 0 ? (headingRows(input, text)?.[0] ?? 0) : 0;
  return Math.max(lessonRowsShare(height), Math.min(text.length, Math.max(text.length - heading, lessonRowsBeside(height))));
}

/** With tabs below it, the rows of text the lesson pane takes while the result of the step just
 *  run is read and its pane cut it (store/reading.ts resultGrows): the fewest, up to `usual`, that
 *  draw the text above the shown step's heading whole from the top (the notice, the verdict on the
 *  guess, the new terms), with the blank row under it (a row of words right above the pinned line
 *  is drawn cut, ending in " …": cutShown) and the line pinned under it that names Space for the
 *  question; the pane below gets the rest. null where none does (the lesson's end: no heading). */
export function lessonRowsResult(input: LessonViewInput, inner: number, height: number, usual: number): number | null {
  const most = lessonRowsMost(height);
  for (let n = 2; n < usual; n++) {
    const content = lessonPaneContent(input, inner, n, true, most);
    const heading = headingRows(input, content.text)?.[0];
    if (heading === undefined) return null;
    let end = heading;
    while (end > 0 && lineWidth(trimEnd(content.text[end - 1]!)) === 0) end--;
    if (questionTop(input, content) === 0 && content.window(0).end > end) return n;
  }
  return null;
}

/** What is in view with the text scrolled to `top` (at most `content.max`). */
export function lessonPaneView(content: LessonPaneContent, top: number): LessonPaneView {
  const { below } = content.window(top);
  return {
    lines: content.lines(top),
    above: top,
    below,
  };
}

/** Where Space scrolls the text with it at `top` (fix24l#1; store/turn.ts spaceShowsRest): the
 *  step it runs next is shown and part of its own words or question is below the window (the
 *  text ends with that step: lesson-view textLines), or at the lesson's end, no question of the
 *  check open, part of its closing words is (fix26d#2: shmat at 80x24 cut them, Space went on to
 *  the next lesson). Its end comes to the window's last row, or where the step is taller than
 *  the window, its heading to the first, then a window at a time; null when none of it is below
 *  (a question behind a key has its own line: `pinned`). */
export function restTop(input: LessonViewInput, content: LessonPaneContent, top: number): number | null {
  if (input.view !== input.done || content.pinned || content.form) return null;
  const end = input.view >= input.lesson.steps.length;
  if (end && input.quiz?.place) return null;
  if (content.window(top).below === 0) return null;
  const from = input.view === 0 || end ? 0 : (headingRows(input, content.text)?.[0] ?? 0);
  // never past the text's last row of words: the last window brings that row to the pane's
  // last row, not under it (issue 16: serv-clnt 5 at 80x24 ended in 2 blank rows after Space)
  let last = content.text.length - 1;
  while (last > 0 && lineWidth(trimEnd(content.text[last])) === 0) last--;
  let want = Math.min(content.max, Math.max(0, last + 1 - content.textRows));
  // (the rows the border's title takes while its heading is out of view: the window ends higher)
  while (want < content.max && content.window(want).end <= last) want++;
  if (want <= top) return null;
  // a page as PgDn moves it (scroll.ts pageLines), never a paragraph's start short of it: snapped
  // back to one, Space brought 1-2 rows a press at a lesson's end (issue 16)
  return want <= from || top < from ? Math.min(want, Math.max(from, top + 1)) : Math.min(want, top + pageLines(content.textRows));
}

/** Whether the shown step's question (its label's row: quiz-view questionLines) is below the
 *  window from `top`: Space's rest brings it, and says so (fix27c#3). */
export function questionBelow(input: LessonViewInput, content: LessonPaneContent, top: number): boolean {
  const place = input.quiz?.place;
  if (place?.kind !== 'checkpoint' || place.step !== input.view) return false;
  const label = `${input.s.question}${input.s.colon}`;
  const at = content.text.map((l) => l[0]?.tone === 'label' && (l[0]?.text ?? '').startsWith(label)).lastIndexOf(true);
  return at >= 0 && at >= content.window(top).end;
}

/** Where the text opens (AT_QUESTION, store/panes.ts). Two rules, the first over the second:
 *  1. while a question is asked (the key bar offers its digits), its label and every one of its
 *     choices are in view (fix13h#1): what is above gives way, never a choice;
 *  2. after a run with the learner's values, the start of that run's result (theirs first, then
 *     the notice) is the first row (fix13h#2), unless rule 1 needs the room; after a run of the
 *     lesson's values, the verdict on the guess, or the top when all fits.
 *  Else: at the lesson's end, from the verdict of the check's question answered last; the
 *  introduction at its top until the learner acts on step 1's question; once the learner acted
 *  on the open question (a digit, x or h), what that added (the question's end) in view. */
export function questionTop(input: LessonViewInput, content: LessonPaneContent): number {
  const top = rawQuestionTop(input, content);
  if (content.form || content.pinned) return top;
  // at the start of a paragraph (issue 16), the open question's block still whole in view
  const block = openQuestion(input, content.text);
  const at = Math.min(top, content.max);
  if (!block) return paragraphTop(content.text, at, 0, content.max);
  let from = paragraphTop(content.text, at, block.end + 1 - content.textRows, Math.min(block.start, content.max));
  // the border's title may take rows while the step's heading is out of view: the question's end stays in it
  while (from < Math.min(block.start, content.max) && content.window(from).end <= block.end) from++;
  return from;
}

/** Where the pane opens while a shows the step just run's aside (`asideShown`): as little from
 *  questionTop as brings the aside in view, its label at the top when it is taller than the
 *  window, an open question kept whole in view over it; null while it is folded or drawn in no
 *  text of the pane. */
function asideTop(input: LessonViewInput, content: LessonPaneContent): number | null {
  if (!input.asideShown) return null;
  const start = asideStart(input, content.text);
  if (start < 0) return null;
  const asked = questionTop(input, content);
  // an open question in view stays so, its last row too (the learner's answer, a hint: issue 16,
  // a digit pressed with the aside shown scrolled "your answer" out of view): the aside comes as
  // far into view as that leaves room, its top under "↑ n more" where it cannot all
  if (!content.pinned && openQuestion(input, content.text)) {
    const last = content.window(asked).end;
    let top = Math.min(start, asked);
    while (top < asked && content.window(top).end < last) top++;
    return top;
  }
  return Math.min(content.max, start, keepQuestion(asked, { start, end: asideEnd(input, content.text) }, content.textRows));
}

/** The row of the label of the step just run's aside (under its result), in review the step shown's; -1 where none is drawn. */
function asideStart(input: LessonViewInput, text: readonly Line[]): number {
  const label = `${input.s.aside}${input.s.colon}`;
  const bar = layoutText(input.ascii).text(ASIDE_BAR);
  // in review the step shown's aside, under its heading (step 1's: not the introduction's above it)
  const heading = `${input.s.step} ${input.view + 1}/${input.lesson.steps.length}${input.s.colon}`;
  const from = Math.max(0, input.view < input.done ? text.findIndex((l) => l.map((r) => r.text).join('').includes(heading)) : stepResultRow(input, text));
  return text.findIndex((l, i) => i >= from && l[0]?.text === bar && (l[1]?.text ?? '').startsWith(label));
}

/** The aside's last row (asideStart); -1 where none is drawn. */
function asideEnd(input: LessonViewInput, text: readonly Line[]): number {
  const bar = layoutText(input.ascii).text(ASIDE_BAR);
  let end = asideStart(input, text);
  if (end < 0) return -1;
  while (text[end + 1]?.[0]?.text === bar) end++;
  return end;
}

/** The row the lesson's closing text starts at (its summary, then what comes next: lesson-view
 *  textLines, the text's last two paragraphs) at its end with no question of the check open; -1 else. */
export function closingRow(input: LessonViewInput, text: readonly Line[]): number {
  if (input.view < input.lesson.steps.length || input.quiz?.place) return -1;
  let parts = 0;
  for (let row = text.length - 1; row > 0; row--) if (startsPart(text, row) && ++parts === 2) return row;
  return 0;
}

function rawQuestionTop(input: LessonViewInput, content: LessonPaneContent): number {
  // at the lesson's end, no question open: its closing text in view whichever pane is below
  // (issue 16: the C pane's rows left serv-clnt's below the fold), what is above as far as room allows
  // once the check is answered, its last verdict first: the learner's answer is judged before the
  // lesson sums up (the closing words' Space is also on the key bar)
  const closing = closingRow(input, content.text);
  if (closing >= 0) {
    const verdict = checkVerdictRow(input, content.text);
    return Math.min(content.max, verdict >= 0 ? verdict : closing);
  }
  // rule -1, over all (fix15i#2, fix18a#1): the your-turn form being edited is in view whole, its
  // keys line, every field, the error that stopped Enter; keys go to the form, so no PgUp could
  // bring a cut part of it into view. The question under it as far as room allows, the step's
  // heading above when all fits. A form taller than the pane opens at its error, else its top.
  if (content.form) {
    const { start, end } = content.form;
    const error = content.text.findIndex((l, i) => i >= start && i < end && l[0]?.tone === 'error');
    if (end - start > content.textRows) return error >= 0 ? error : start;
    const last = openQuestion(input, content.text)?.end ?? end - 1;
    return Math.max(0, Math.min(start, last + 1 - content.textRows));
  }
  // the result first, the question behind Enter: from the result's start (the introduction above after an erratum's jump)
  if (content.pinned) return Math.max(0, resultRow(input, content.text));
  const top = openTop(input, content);
  // rule 0, over the others (fix15g#1): a step just ran, the next step (or the lesson's end)
  // shown and nothing done there yet: the start of that step's result (the learner's values'
  // lines, else its notice) is in view, the first row unless the rules above keep the window
  // higher (the lesson's end over it), and as far as the open question below, whole, leaves room
  // (rule 1); the step shown is named on the top border.
  const { quiz } = input;
  const place = quiz?.place;
  const touched = place?.kind === 'checkpoint' && (quiz?.guesses[place.step] !== undefined || !!quiz?.hints?.[place.step]);
  const picked = Object.keys(quiz?.checkPicks ?? {}).length > 0;
  // (the learner's values typed in the step's form are acting on it too: its summary in view)
  const justRan = !touched && !picked && input.view === input.done && input.done > 0 && !input.form?.alone && !input.form?.custom ? resultRow(input, content.text) : -1;
  if (justRan < 0) return top;
  // the result gives way to the open question from its top (fix16e#1): the top border says it is up there
  const block = openQuestion(input, content.text);
  return block ? keepQuestion(Math.min(justRan, top), block, content.textRows) : Math.min(justRan, top);
}

/** questionTop's rules 1 and 2, and where the text opens else. */
function openTop(input: LessonViewInput, content: LessonPaneContent): number {
  const { text, textRows } = content;
  const { s, quiz, lesson } = input;
  const checkVerdict = checkVerdictRow(input, text);
  // after an erratum's jump the introduction is above (PgUp): the window opens at the notice under it
  const introEnd = input.introAbove ? text.findIndex((l) => (l[0]?.text ?? '').startsWith(s.noticeOfStep(input.view))) : -1;
  // a step just ran (the next one shown, waiting): its result opens the text, under the
  // introduction only after an erratum's jump (lessonTextLines: noticeOf first)
  const ranJust = input.view === input.done && input.view > 0 && input.view < lesson.steps.length && !input.form?.alone;
  // the learner's own values ran: what came back for them is read first (nc131#2); a run of
  // the lesson's values opens at the verdict on the guess, so the next step below stays whole
  // (tests/app/walkthrough.test.ts: at 80x24 no step's text needs PgDn)
  const result = ranJust && input.turnResults?.[input.view - 1] ? Math.max(0, introEnd) : -1;
  const verdictJust = ranJust ? stepVerdict(input, text) : -1;
  const anchor = checkVerdict >= 0 ? checkVerdict : result >= 0 ? result : verdictJust >= 0 ? verdictJust : Math.max(0, introEnd);
  const place = quiz?.place;
  // the learner acted on the open question (a digit, x or h): what that added is in view
  const guess = place?.kind === 'checkpoint' ? quiz?.guesses[place.step] : undefined;
  const touched = place?.kind === 'checkpoint' && (guess !== undefined || !!quiz?.hints?.[place.step]);
  const block = openQuestion(input, text);
  if (!block) return anchor;
  const { end } = block;
  // where the text would open were the question not there
  const wanted =
    // step 1's introduction from its top until the learner acts on the question
    input.view === 0 && input.done === 0 && !touched && lesson.intro[input.lang]
      ? 0
      : // what the learner's key added (the question's end, "your answer", the hint) in view
        touched
        ? Math.max(end + 1 <= textRows ? 0 : anchor, end + 1 - textRows)
        : result >= 0
          ? result
          : // the verdict on the guess first, unless all from the top to the question's end fits
            verdictJust >= 0 && checkVerdict < 0
            ? end + 1 <= textRows ? 0 : verdictJust
            : Math.max(anchor, end + 1 - textRows);
  return keepQuestion(wanted, block, textRows);
}

/** The open question's rows in the text: its label (the last line so labelled: a question
 *  shown again under the notice above, not asked on a replay, is labelled the same), its
 *  choices, a hint, then its keys line (dim) to `end`, inclusive; null when none is open. */
export function openQuestion(input: LessonViewInput, text: readonly Line[]): { start: number; end: number } | null {
  const { s, quiz, lesson } = input;
  const place = quiz?.place;
  const asked =
    place?.kind === 'check' ? s.checkTitle(place.question + 1, lesson.check?.length ?? 0) : place?.kind === 'checkpoint' && input.view === input.done ? s.question : null;
  if (asked === null) return null;
  let start = text.length - 1;
  while (start >= 0 && !(text[start][0]?.tone === 'label' && (text[start][0]?.text ?? '').startsWith(asked))) start--;
  if (start < 0) return null;
  let end = start;
  while (end + 1 < text.length && text[end + 1][0]?.tone !== 'dim') end++;
  while (end + 1 < text.length && text[end + 1][0]?.tone === 'dim') end++;
  return { start, end };
}

/** Rule 1 over every other (fix16e#1): `top`, moved as little as keeps the open question's
 *  block, from its label to its keys line, in `rows`; what is above gives way from its top. */
function keepQuestion(top: number, block: { start: number; end: number }, rows: number): number {
  return Math.max(0, Math.min(top, block.start), block.end + 1 - rows);
}

/** The row of the verdict of the check's question answered last (its mark comes before its title); -1 when none. */
function checkVerdictRow(input: LessonViewInput, text: readonly Line[]): number {
  const { s, quiz, lesson } = input;
  const picked = Object.keys(quiz?.checkPicks ?? {}).map(Number);
  const last = picked.length ? Math.max(...picked) : -1;
  return last < 0 ? -1 : text.findIndex((l) => ['ok', 'error'].includes(l[0]?.tone ?? '') && (l[0]?.text ?? '').includes(s.checkTitle(last + 1, lesson.check?.length ?? 0)));
}

/** The first row of the result of the step just run (its learner's values' lines, else its
 *  notice, each naming the step: lessonTextLines noticeOf), or while a question of the check is
 *  open after another, the verdict of the one answered last; -1 when none. */
function resultRow(input: LessonViewInput, text: readonly Line[]): number {
  if (input.quiz?.place?.kind === 'check' && input.quiz.place.question > 0) return checkVerdictRow(input, text);
  // before step 1 the introduction stands where a result would: the lesson opens at its top
  return input.done === 0 && input.view === 0 && input.lesson.intro[input.lang] ? 0 : stepResultRow(input, text);
}

/** The first row of the result of the step just run: its learner's values' lines, else its notice; -1 when none. */
function stepResultRow(input: LessonViewInput, text: readonly Line[]): number {
  const { s, done } = input;
  const starts = [s.stepYourValues(done), s.stepSaid(done), s.noticeOfStep(done)];
  return text.findIndex((l) => starts.some((x) => (l[0]?.text ?? '').startsWith(x)));
}

/** What the "↑ n more" sign names above the window's top: where PgUp lands, the part of the
 *  text at the window's top after a page up (`rows` the text's rows, a page one fewer:
 *  scroll.ts pageLines), named as the pane names it: the check's question there, the step's
 *  result, the text of the step there or the lesson's end (issue 16: "PgUp: check 2" named the check's question
 *  nearest above while PgUp went up a page, past it); null where it lands above all of them. */
function aboveSign(input: LessonViewInput, text: readonly Line[], result: number, top: number, rows: number): string | null {
  const { s } = input;
  const n = input.lesson.check?.length ?? 0;
  const steps = input.lesson.steps.length;
  const title = (row: number) => (text[row] ?? []).map((r) => r.text).join('');
  const heading = new RegExp(`${s.step} (\\d+)/${steps}\\b`);
  const lands = Math.max(0, top - pageLines(rows));
  for (let row = lands; row >= 0; row--) {
    if (row === result) return s.resultAbove(input.done);
    for (let k = 1; k <= n; k++) if (title(row).includes(s.checkTitle(k, n))) return s.checkAbove(k);
    const step = text[row]?.[0]?.tone === 'title' ? heading.exec(title(row)) : null;
    if (step) return s.textAbove(Number(step[1]));
    if (title(row).startsWith(s.endOfLesson)) return s.endAbove;
  }
  return null;
}

/** The row of the verdict on the guess of the step just run (quiz-view gradeLines: ✓ in 'ok',
 *  ≠ in 'error', skipped in 'done'); -1 when none. */
function stepVerdict(input: LessonViewInput, text: readonly Line[]): number {
  const marks = [`${markOf('done', input.ascii)} `, `${markOf('missed', input.ascii)} `];
  return text.findIndex((l) => {
    const [tone, said] = [l[0]?.tone, l[0]?.text ?? ''];
    return (tone === 'ok' && said.startsWith(marks[0])) || (tone === 'error' && said.startsWith(marks[1])) || (tone === 'done' && said.startsWith(input.s.quizSkipped));
  });
}

const EMPTY: LessonPaneContent = { text: [], textRows: 0, pinned: false, form: null, max: 0, window: (top) => ({ start: top, end: top, below: 0 }), headingOut: () => false, border: () => ({ title: '', rest: [], upKey: '', startAbove: '' }), lines: () => [], listLines: () => [] };

/** The new terms of the step shown and of the step just run (the key is set by the pane).
 *  Kept by what they follow from (lessonAt's fields, the run as a RunShown, the place, the
 *  language): three selectors ask at every change of the store, a key makes several, and l or
 *  a lesson switch changes none of these more than once (tests/app/key-work.test.ts). */
function paneTerms(st: AppState): ReturnType<typeof paneNewTerms> {
  const by = [st.lessons, st.lessonIndex, st.completed, st.ran, st.shown, st.lang, st.view, st.done, st.trace, st.stepStarts, st.notices, st.quiz];
  const known = termsKept.find((k) => k.by.every((x, i) => x === by[i]));
  if (known) return known.terms;
  const terms = paneNewTerms(st.lessons, st.lang, lessonAt(st), st.view, st.done, { trace: st.trace, stepStarts: st.stepStarts, notices: st.notices }, '', st.quiz);
  // only this trace's answers are kept: another's would hold a lesson left behind in memory
  // (tests/app/memory.test.ts: a trace of a lesson left stayed reachable through this list)
  for (let i = termsKept.length - 1; i >= 0; i--) if (termsKept[i]!.by[8] !== st.trace) termsKept.splice(i, 1);
  termsKept.unshift({ by, terms });
  termsKept.length = Math.min(termsKept.length, TERMS_KEPT);
  return terms;
}

/** textNewTerms by what it follows from (`met`: lessonAt as JSON): l, which changes the language
 *  back and forth, made every step's "New terms" of the lesson anew at each press. */
function stepTermsOf(lessons: readonly Lesson[], lang: Lang, met: string, key: string, quiz: boolean): ReturnType<typeof textNewTerms> {
  let byPlace = stepTermsKept.get(lessons);
  if (!byPlace) stepTermsKept.set(lessons, (byPlace = new Map()));
  const place = JSON.stringify([lang, met, key, quiz]);
  let terms = byPlace.get(place);
  if (!terms) {
    if (byPlace.size >= 64) byPlace.clear();
    terms = textNewTerms(lessons, lang, JSON.parse(met) as LessonAt, key, quiz);
    byPlace.set(place, terms);
  }
  return terms;
}

const stepTermsKept = new WeakMap<readonly Lesson[], Map<string, ReturnType<typeof textNewTerms>>>();

// paneTerms's last answers, newest first: both languages of a few places (l back and forth)
const termsKept: { by: unknown[]; terms: ReturnType<typeof paneNewTerms> }[] = [];
const TERMS_KEPT = 8;

/** What the lesson pane shows, from the store: the lesson, where the learner is, the
 *  quiz and the your-turn form; null before a lesson is open. App sizes the pane by it. */
export function useLessonInput(): LessonViewInput | null {
  const { lang, s, ascii } = useLook();
  const lessons = useAppState((st) => st.lessons);
  const lessonIndex = useAppState((st) => st.lessonIndex);
  const lesson = lessons[lessonIndex];
  const view = useAppState((st) => st.view);
  const done = useAppState((st) => st.done);
  const problems = useAppState((st) => st.problems);
  const notices = useAppState((st) => st.notices);
  const present = useAppState((st) => st.present);
  const revealed = useAppState((st) => st.revealed);
  const quizOn = useAppState((st) => st.quiz);
  const guesses = useAppState((st) => st.guesses);
  const revealedGrades = useAppState((st) => st.revealedGrades);
  const checkPicks = useAppState((st) => st.checkPicks);
  const hints = useAppState((st) => st.hints);
  const graded = useAppState((st) => st.graded);
  const answers = useAppState((st) => st.answers);
  const replayed = useAppState((st) => st.replayed);
  const jumpedFrom = useAppState((st) => st.jumpedFrom);
  // an erratum's jump running the steps before its own: no question on screen meanwhile
  const jumping = useAppState((st) => st.jumping !== null);
  const rerunning = useAppState((st) => st.rerunStep !== null && st.rerunStep === st.view);
  // what a digit answers follows from the fields above (and the overlay)
  const place = useAppState(useShallow(quizPlace));
  // the glossary terms met first at this step, and those the trace of the step shown (and of
  // the step just run) is the first to show (a flag in a call, a note's word). The words are
  // selected, not the trace: React keeps a component's previous render until it renders again,
  // and that must not keep a left lesson's trace alive.
  const names = useAppState(useShallow((st: AppState) => paneTerms(st).names));
  const justRun = useAppState(useShallow((st: AppState) => paneTerms(st).justRun));
  // the pane of each word seen outside the lesson's text, the words only a question or an aside
  // says (listed only while that is on screen: issue 16, parent-child 3's "Node.js" from the
  // aside left out at 80x24 was listed while this dropped them), and the words earlier lessons
  // teach (a string: the selector's value compares by ===)
  const whereSaid = useAppState((st: AppState) => JSON.stringify([paneTerms(st).where, paneTerms(st).only, paneTerms(st).earlier]));
  const form = useTurnForm();
  const turnResults = useTurnResults();
  const first = useAppState(resultFirst);
  const asideShown = useAppState((st) => st.asideShown);
  // what the learner met before this lesson (a string: the selector's value compares by ===)
  const met = useAppState((st: AppState) => JSON.stringify(lessonAt(st)));
  const stepTerms = useMemo(() => stepTermsOf(lessons, lang, met, keyFor('glossary', ascii), quizOn), [lessons, lang, met, ascii, quizOn]);
  return useMemo(() => {
    if (!lesson) return null;
    const [where, only, earlier] = JSON.parse(whereSaid) as [Record<string, TermPane>, Record<string, 'question' | 'aside'>, Earlier | undefined];
    const terms = { names, key: keyFor('glossary', ascii), justRun, where, only, earlier };
    const keys = { skip: keyFor('skip', ascii), reveal: keyFor('reveal', ascii), hint: keyFor('hint', ascii) };
    const kept = answers[lesson.id]?.checkpoints ?? {};
    const recorded = Object.fromEntries(lesson.steps.flatMap((st, i) => (kept[st.id] ? [[i, kept[st.id]]] : [])));
    // the form closed with the learner's values kept (a run that waited for the answer)
    const yours = !!form && !form.alone && form.custom;
    const checkRecorded = answers[lesson.id]?.check ?? {};
    const quiz = quizOn && !jumping ? { guesses, revealedGrades, checkPicks, hints, graded, place, present, lastRun: done - 1, keys, recorded, checkRecorded, unasked: replayed?.steps ?? 0, yours, ...(jumpedFrom ? { picksBefore: jumpedFrom.picks } : {}) } : undefined;
    // an erratum's jump ran the steps before this one unseen: the introduction is above it (PgUp, Home)
    const introAbove = !!replayed?.jump && view === done && view === replayed.steps;
    return { lesson, lang, view, done, problems, notices, present, revealed, ascii, s, newTerms: terms, form, turnResults, quiz, last: lessonIndex === lessons.length - 1, introAbove, rerunning, resultFirst: first, stepTerms, asideShown };
  }, [whereSaid, stepTerms, first, asideShown, jumping, jumpedFrom, rerunning, lessonIndex, lessons, lesson, names, justRun, lang, view, done, problems, notices, present, revealed, ascii, s, form, turnResults, quizOn, guesses, revealedGrades, checkPicks, hints, graded, place, answers, replayed]);
}

/** Whether the lesson pane's text holds a "New terms" line, which names the glossary's key
 *  ("(g: glossary)"): the key bar names g while it does, whatever its width leaves out
 *  elsewhere (issue 16: the line said g and the bar at 80x24 had no g). Published as the heading. */
const termsNote = storeNote(false);

export function useLessonNamesGlossary(): boolean {
  return termsNote.use();
}

/** The step list's marks on screen that say nothing by themselves (lesson-view listMarks), joined
 *  by ",": the status line explains each the first time it shows. Published as the heading. */
const marksNote = storeNote('');

export function useLessonListMarks(): string {
  return marksNote.use();
}

/** The bottom border's words for what is below the window: Space and what it brings, in the words
 *  of the key bar and the marker row (strings spaceBrings: one wording for one press, issue 16 item
 *  10), where Space brings it: the question behind the marker row (the check's next), the rest of
 *  the step to run (`rest`, `asks`: its question with it). Else PgDn, which scrolls there: in review
 *  Space runs the step again, and at the lesson's end the bar names → and Enter in Space's place (a
 *  border never names a key the bar says does something else); so too where the border has no room
 *  for the words beside its sign (120x34's narrow pane: the marker row above says them). */
function belowSign(input: LessonViewInput, content: LessonPaneContent, rest: number | null, asks: boolean, below: number, width: number): string {
  const { s, ascii } = input;
  const place = input.quiz?.place;
  const brings = content.pinned
    ? place?.kind === 'check' ? s.spaceCheck(place.question + 1, input.lesson.check?.length ?? 0) : s.spaceBrings(input.view + 1, !!content.cut, true)
    : rest !== null && input.view < input.lesson.steps.length ? s.spaceBrings(input.view + 1, true, asks) : null;
  const said = brings === null ? null : s.spaceSays(brings);
  return said !== null && cells(`${ascii ? 'v' : '↓'} ${s.more(below)}  ${said} `) + 2 <= width - 2 ? said : 'PgDn';
}

export function LessonPane({ width, height, columns }: { width: number; height: number; columns: boolean }) {
  const { s } = useLook();
  const store = useAppStore();
  const input = useLessonInput();
  const rows = Math.max(0, height - 2);
  const most = lessonRowsMost(useTerminalSize().rows);
  const content = useMemo(() => (input ? lessonPaneContent(input, width - 2, rows, columns, most) : EMPTY), [input, width, rows, columns, most]);
  const view = input?.view ?? 0;
  const top = useStoredScroll('lesson', content.max, content.textRows, input ? (asideTop(input, content) ?? questionTop(input, content)) : 0);
  const pane = useMemo(() => lessonPaneView(content, top), [content, top]);
  // the lesson's end once drawn whole: no rest for Space to bring (store/quiz.ts endSeen)
  const endSeen = useAppState((st) => st.endSeen !== null && st.endSeen === st.lessonIndex && st.view >= (st.lessons[st.lessonIndex]?.steps.length ?? 0));
  const rest = input && !endSeen ? restTop(input, content, top) : null;
  const asks = rest !== null && !!input && questionBelow(input, content, top);
  // what is below, named by what brings it (fix18a#4: never a bare "more"; fixR#9)
  const below = input ? belowSign(input, content, rest, asks, pane.below, width) : 'PgDn';
  const border = input ? content.border(top) : { title: s.lessonTitle, rest: [], upKey: '' };
  // the line under the introduction that counts the earlier lessons' terms names g too
  const leads = [s.newTerms('\u0000', ''), s.newTerms('\u0000', '', view), s.termsEarlierShort('\u0000', false, 0, ''), s.termsEarlierShort('\u0000', true, 0, '')].map((t) => t.split('\u0000')[0]!);
  const termsShown = content.text.some((l) => leads.some((lead) => (l[0]?.text ?? '').startsWith(lead))) || (pane.lines ?? []).some((l) => l.some((r) => leads.some((lead) => r.text.includes(lead))));
  termsNote.usePublish(termsShown);
  const marks = useMemo(() => listMarks(content.listLines(top)).join(','), [content, top]);
  marksNote.usePublish(marks);
  // what Enter does follows what is drawn: the question behind it, or the step run (store/turn.ts questionBehind)
  const lessonIndex = useAppState((st) => st.lessonIndex);
  useLayoutEffect(() => {
    if (input) store.getState().noteResultShown({ lesson: lessonIndex, done: input.done, view: input.view, checked: Object.keys(input.quiz?.checkPicks ?? {}).length, pinned: content.pinned, rest, asks, cut: !!content.cut });
  }, [store, input, lessonIndex, content.pinned, content.cut, rest, asks]);
  return (
    <Panel
      title={border.title}
      width={width}
      height={height}
      lines={pane.lines}
      hidden={{ above: pane.above, below: pane.below }}
      keys={{ up: border.upKey, down: below }}
    />
  );
}
