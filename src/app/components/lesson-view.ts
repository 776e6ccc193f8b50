// The lesson pane's content as lines, from the lesson and where the learner is:
// the step list (step-marks.ts: ✓ done, ▶ shown, ≠ mispredicted, ✗ misbehaved) and the text of the shown step, with
// its aside set apart (a bar on each row, dimmed, under its label) and the glossary terms
// it is the first to use.
import type { Lang } from '../../lang.js';
import { earlierTerms, entriesUsed, GLOSSARY, glossaryWord, stepTerms, traceTerms, type LessonAt, type TraceTerms } from '../../lessons/glossary.js';
import { problemText } from '../../lessons/problem-text.js';
import type { Lesson, Text } from '../../lessons/types.js';
import { keyFor } from '../keymap.js';
import { revealText, revealUnits } from '../reveal.js';
import { type Line, line, lineText, paragraph, run } from '../styled.js';
import type { Strings, TermPane } from '../strings.js';
import { cells, cutAtWord, layoutText, proseWidth, wrap } from '../text-fit.js';
import { afterColon } from '../../lessons/text-style.js';
import { pointsAtChoice } from '../../lessons/giveaway.js';
import { checkLines, gradeLines, predictionVerdict, questionLines, turnGradingLines, type QuizView } from './quiz-view.js';
import { ownTyped } from '../../lessons/turn/fields.js';
import { turnValuesText } from './turn-view.js';
import { ASKS_ASCII, MARKS, markOf } from './step-marks.js';

export interface LessonViewInput {
  lesson: Lesson;
  lang: Lang;
  view: number;
  done: number;
  problems: Record<number, string[]>;
  /** the notices the run's results called for, in place of the steps' own (Step.noticeBy), by step index */
  notices?: Record<number, Text>;
  present: boolean;
  revealed: number;
  ascii: boolean;
  s: Strings;
  /** names of the glossary entries the shown step's text uses first, and the key that opens
   *  the glossary; `justRun`: those the run of the step before it is the first to show (its
   *  notice, its trace), under that step's notice while the shown step waits to run, or, for a
   *  step read again, those of its own run, under its notice; `where`: the pane of each name
   *  seen only outside the lesson's text (paneNewTerms); `earlier`: the lesson's words
   *  the lessons before it teach and this learner did not run (earlierTerms), left out of every
   *  step's line and counted once under the introduction, each with the lesson (index) that
   *  teaches it */
  newTerms?: { names: string[]; key: string; justRun?: string[]; where?: Readonly<Record<string, TermPane>>; only?: Readonly<Record<string, 'question' | 'aside'>>; earlier?: Earlier };
  /** per step, the "New terms" it shows when opened right after the step before ran, from
   *  the texts alone (what a trace shows first is not known before the run): LessonPane's
   *  narrowList counts their lines, as it counts every other line of the step's text */
  stepTerms?: readonly NonNullable<LessonViewInput['newTerms']>[];
  /** the your-turn form of the step Space runs next (turn-view.ts), under its heading;
   *  `alone` while it is edited: then the text is only the heading and the form, all in view */
  form?: { lines(width: number): Line[]; alone: boolean; custom: boolean };
  /** per step run with the learner's values: what came back, explained (shown under its notice) */
  turnResults?: Record<number, readonly Text[]>;
  /** checkpoints and the check, when asked (not with --no-quiz) */
  quiz?: QuizView;
  /** the last lesson: at its end Space finishes rather than opening another */
  last?: boolean;
  /** an erratum's jump opened the lesson here, its steps before run unseen: its introduction
   *  comes first, above them (PgUp, Home; the status line says so) */
  introAbove?: boolean;
  /** a re-run in review is running this step again: the steps before it run first */
  rerunning?: boolean;
  /** the step just run's result may be shown first, the shown step's question behind Enter
   *  (store/turn.ts resultFirst): LessonPane does so where the two do not both fit */
  resultFirst?: boolean;
  /** a showed the step just run's aside (store asideShown): whole, whatever the rows */
  asideShown?: boolean;
}

/** The words of a lesson the lessons before it teach, for a learner who did not run those: by
 *  the word the glossary finds each by, with its entry's id and the lesson (index) whose text
 *  uses it first. */
export interface Earlier {
  words: readonly string[];
  ids: readonly string[];
  lessons: readonly number[];
  /** the lessons before this one the learner did not run (indexes), which the line names */
  notRun: readonly number[];
}

/** The pane's "New terms" of step `view` with `done` steps run. Fixed from the moment a
 *  step is shown until it has run (its answer picked or changed, its run under way): the
 *  step's texts' terms, without those only some of its question's choices name while
 *  questions are asked (`quiz`: heldBack, msg's EIDRM above "EIDRM / EINVAL / it sleeps
 *  on"). Once it ran, what it held back and what its run showed first (traceTerms: its
 *  notice, its trace) come with its result: `justRun`, under its notice, while the next step
 *  waits or at the lesson's end; and read again, under its notice too: a word its notice is
 *  the first to say is never listed where that notice is not shown (fix23d#3: race 2's "lost
 *  update" above the question in review). So a term shown when a step is read again was shown
 *  live too, one way or the other, on every path (a reset, an erratum's jump). Each is named
 *  by a word the glossary's search finds it by (glossaryWord: pid, not the text's "pids"), and
 *  one seen only in another pane comes with that pane (`where`). */
export function paneNewTerms(
  lessons: readonly Lesson[],
  lang: Lang,
  at: LessonAt,
  view: number,
  done: number,
  run: Parameters<typeof traceTerms>[4],
  key: string,
  quiz: boolean,
): NonNullable<LessonViewInput['newTerms']> {
  const lesson = lessons[typeof at === 'number' ? at : at.index];
  const where: Record<string, TermPane> = {};
  // words only the step's question, or only its aside, says: listed while that is on screen
  // (issue 16: serv-clnt 4's "New terms: dest" with its question behind Space; race 2's
  // "atomic add" from an aside left out at 80x24)
  const only: Record<string, 'question' | 'aside'> = {};
  const uses = (text: string) => entriesUsed(text, GLOSSARY);
  const ownText = (step: number) => {
    const st = lesson?.steps[step];
    if (!lesson || !st) return new Map();
    return uses([step === 0 ? `${lesson.title[lang]}\n${lesson.intro[lang]}\n${lesson.aside?.[lang] ?? ''}` : '', st.title[lang], st.say[lang]].join('\n'));
  };
  const noticeText = (step: number) => uses(lesson?.steps[step]?.notice[lang] ?? '');
  const asideText = (step: number) => uses(lesson?.steps[step]?.aside?.[lang] ?? '');
  // the words the line shows, each once, with the pane of those the lesson's text does not say
  // what earlier lessons teach is counted once, under the introduction, not at each step (issue 16)
  const earlier = earlierTerms(lessons, lang, at);
  const named = (terms: TraceTerms, keep: (word: string) => boolean = () => true, step?: number, part?: 'question' | 'aside') => {
    const out: string[] = [];
    terms.entries.forEach((entry, i) => {
      const [word, place] = [terms.words[i]!, terms.where[i]!];
      if (!keep(word)) return;
      const shown = glossaryWord(entry, word, lang);
      // the line under the introduction counts entries ("19 terms, g lists them"), and g shows each
      // whole: a word of one of them is not new again at a step (issue 16: shmctl 1 listed uid, gid,
      // cuid, cgid right under that line, which had counted their entry, "owner", from lesson 1)
      if (out.includes(shown) || earlier.words.includes(shown) || earlier.entries.includes(entry)) return;
      out.push(shown);
      if (step !== undefined && place === 'text') {
        if (part === 'question' && !ownText(step).has(entry)) only[shown] = 'question';
        if (part === 'aside' && !noticeText(step).has(entry) && asideText(step).has(entry)) only[shown] = 'aside';
      }
      if (place !== 'text') where[shown] = place;
    });
    return out;
  };
  const text = (step: number) => stepTerms(lessons, lang, at, step, run);
  const held = (step: number) => (quiz && lesson ? heldBack(text(step).words, lesson, step, lang) : []);
  const ran = (step: number) => [...named(text(step), (word) => held(step).includes(word)), ...named(traceTerms(lessons, lang, at, step, run), undefined, step, 'aside')];
  const names = view < (lesson?.steps.length ?? 0) ? named(text(view), (word) => !held(view).includes(word), view, 'question') : [];
  const justRun = view < done ? ran(view) : view === done && view > 0 ? ran(view - 1) : [];
  return { names, key, justRun, where, only, earlier: { words: earlier.words, ids: earlier.entries.map((e) => e.id), lessons: earlier.lessons, notRun: notRun(lessons, at) } };
}

/** The lessons before `at` its learner did not run (indexes); none for a bare index, the course in order. */
function notRun(lessons: readonly Lesson[], at: LessonAt): number[] {
  return typeof at === 'number' ? [] : lessons.slice(0, at.index).flatMap((l, i) => (at.ran.includes(l.id) ? [] : [i]));
}

// a run whose every step ran and showed nothing: traceTerms gives what the notices name first
const NO_TRACE: Parameters<typeof traceTerms>[4]['trace'] = [];

/** Every step's "New terms" when it is opened right after the step before ran (paneNewTerms),
 *  from the texts alone: a trace is not known before its run. */
export function textNewTerms(lessons: readonly Lesson[], lang: Lang, at: LessonAt, key: string, quiz: boolean): NonNullable<LessonViewInput['newTerms']>[] {
  const lesson = lessons[typeof at === 'number' ? at : at.index];
  const run = { trace: NO_TRACE, stepStarts: (lesson?.steps ?? []).map(() => 0) };
  return (lesson?.steps ?? []).map((_, k) => paneNewTerms(lessons, lang, at, k, k, run, key, quiz));
}

/** The "New terms" of step `view` held back until it ran: those only some of its
 *  question's choices name, which would point at them above the question. */
export function heldBack(names: readonly string[], lesson: Lesson, view: number, lang: Lang): string[] {
  const checkpoint = lesson.checkpoints?.[lesson.steps[view]?.id ?? ''];
  return checkpoint ? names.filter((word) => pointsAtChoice(word, checkpoint, lang)) : [];
}

// the groups of a line in order: the text's own words first, then each other pane's
const PANES: readonly (TermPane | null)[] = [null, 'flow', 'trace', 'kernel'];

/** A "New terms" line: every word, never a count (issue 16: "O_WRONLY, O_CREAT + 2 more (g)" never
 *  said which two), the words the lesson's text says first, then, apart, those seen only in another
 *  pane, each group with its pane ("fork in the Trace"). Where that takes more than one row of
 *  `width` (the step's text and its question fit the pane rather than wait behind a key:
 *  fix25a#2), what is said of the words gives way, their panes, then the key's word ("(g)"), where
 *  that keeps the line to one row, else to fewer rows; the words wrap, two rows at 80x24 at most
 *  in every lesson (tests/lessons/new-terms-rows.test.ts), the lessons before teaching the rest
 *  (earlierLine). */
function termsLine(names: readonly string[], { key, where }: NonNullable<LessonViewInput['newTerms']>, s: Strings, width: number, ascii: boolean, step?: number): string {
  const rows = (line: string) => wrap(layoutText(ascii).text(line), width, { code: true }).length;
  const groups = PANES.flatMap((pane) => {
    const words = names.filter((word) => (where?.[word] ?? null) === pane);
    return words.length ? [{ pane, list: words.join(s.listGap) }] : [];
  });
  const words = groups.map((g) => g.list).join(s.listGap);
  const tries = [s.newTerms(groups.map((g) => (g.pane ? s.termsIn(g.list, g.pane) : g.list)).join(s.termGroupGap), key, step), s.newTerms(words, key, step), s.newTermsShort(words, key, step)];
  return tries.find((line) => rows(line) <= 1) ?? tries.reduce((best, line) => (rows(line) < rows(best) ? line : best));
}

/** The line under a lesson's introduction that counts the terms the lessons before it teach
 *  (Earlier), by entry as g lists them, with the numbers of the lessons not run ("1-6", "2, 4-6");
 *  the key's word gives way where the line would take two rows. */
function earlierLine(earlier: Earlier, key: string, s: Strings, width: number, ascii: boolean): string {
  const count = new Set(earlier.ids).size;
  const numbers = earlier.notRun.map((i) => i + 1);
  const spans: string[] = [];
  numbers.forEach((n, i) => {
    if (i > 0 && numbers[i - 1] === n - 1) return;
    let end = n;
    while (numbers.includes(end + 1)) end++;
    spans.push(end === n ? String(n) : s.lessonSpan(n, end));
  });
  const said = [spans.join(s.listGap), numbers.length === 1, count, key] as const;
  const full = s.termsEarlier(...said);
  return wrap(layoutText(ascii).text(full), width, { code: true }).length <= 1 ? full : s.termsEarlierShort(...said);
}

/** The marks of the step list in `lines` (as stepRows and LessonPane's signs draw them) that say
 *  nothing by themselves, in the order the status line explains them: `asks` (✎), `done` (✓), `missed` (≠),
 *  `bad` (✗), and each narrow sign of steps out of view, `hidden:3↓` (" +3↓"; "3 more ↓" says
 *  itself). Issue 16: newcomers saw ✎ and "+3↑" with no word; only ? and the glossary said them. */
export function listMarks(lines: readonly Line[]): string[] {
  const found = new Set<string>();
  const hidden: string[] = [];
  // the steps marked ≠, by number: `missed:3 7` (issue 16 item 13: said beside step 8's result, "≠ ran,
  // your prediction was wrong" read as about step 8, whose prediction was right)
  const missed: string[] = [];
  for (const l of lines) {
    const mark = l[0]?.text.trim();
    if (mark === MARKS.asks || mark === ASKS_ASCII) found.add('asks');
    else if (mark === MARKS.done || mark === markOf('done', true)) found.add('done');
    else if (mark === MARKS.missed || mark === markOf('missed', true)) missed.push(/^\s*(\d+)/.exec(l[1]?.text ?? '')?.[1] ?? '');
    else if (mark === MARKS.bad) found.add('bad');
    for (const m of l.map((r) => r.text).join('').matchAll(/\+(\d+)([↑↓])/g)) hidden.push(`hidden:${m[1]}${m[2]}`);
  }
  if (missed.length > 0) found.add(`missed:${missed.join(' ')}`);
  return [...['asks', 'done', 'missed', 'bad'].flatMap((k) => [...found].filter((f) => f === k || f.startsWith(`${k}:`))), ...new Set(hidden)];
}

/** The step list: a line per step, each title whole where it fits, else the step's short
 *  title, cut at a space only when even that does not fit; the shown one too (the text's
 *  heading names it whole): rows stay in line beside the text, and no word or code is
 *  split across two lines. */
export function stepListLines(input: LessonViewInput, width: number): Line[] {
  return stepRows(input, width).flatMap((r) => r.lines);
}

/** The step list by step: each step's line (and the presenter's blank line). */
export function stepRows(input: LessonViewInput, width: number): { step: number; lines: Line[] }[] {
  const { lesson, lang, view, done, problems, present } = input;
  const m = MARKS;
  const t = layoutText(input.ascii);
  const room = Math.max(4, width - 3);
  // a list as narrow as its numbers (LessonPane's narrow list) shows only them
  const digits = String(lesson.steps.length).length;
  const numbers = width - 3 <= digits;
  // numbers right-aligned: " 9 fork…" over "10 exec…", the titles in one column (fix15g#3)
  const no = (i: number) => String(i + 1).padStart(digits);
  return lesson.steps.map((step, i) => {
    const ran = i < done;
    // ✓ only for a step this run ran: one run before an erratum's jump back and not since has
    // none (a dimmed ✓ looked the same as ✓ without colour, and claimed a run that is gone)
    // a step that ran as it should but whose prediction was wrong: ≠, not the ✓ of a right one
    const missed = ran && !problems[i] && !!input.quiz && predictionVerdict(input.quiz, i) === 'wrong';
    // a step to come whose question is asked (quiz on): ? until it runs
    const asks = !ran && !!input.quiz && !!lesson.checkpoints?.[step.id];
    const mark = i === view ? m.here : problems[i] ? m.bad : missed ? markOf('missed', input.ascii) : ran ? m.done : asks ? markOf('asks', input.ascii) : ' ';
    const tone = i === view ? 'active' : ran ? 'done' : 'plain';
    const whole = t.text(step.title[lang]);
    const rest = room - digits - 1;
    const fitting = cells(whole) <= rest || !step.short ? whole : t.text(step.short[lang]);
    // the number whole, the title cut at a word after it (its padding is no word to wrap away)
    const title = numbers || rest < 1 ? no(i) : `${no(i)} ${cutAtWord(fitting, rest, t.mark)}`;
    const lines: Line[] = [[run(` ${mark} `, problems[i] ? 'error' : ran ? 'done' : 'plain'), run(title, tone)]];
    if (present) lines.push([]);
    return { step: i, lines };
  });
}

// under --ascii the text is turned to ASCII before it is wrapped: "->" is wider than "→";
// its inline code in backticks is drawn without them, on one line when it fits (wrap)
function para(text: string, width: number, ascii: boolean, tone: Line[number]['tone'] = 'plain'): Line[] {
  return paragraph(wrap(layoutText(ascii).text(text), width, { code: true }).map((l) => line(l, tone)));
}

/** The bar every row of an aside starts with (--ascii: "| "): without colour or dim, as in a
 *  plain capture, its label alone did not set it apart, and newcomers read "How ipclab does
 *  this" as the lesson's own text (s28b#1). Drawn in the row's width, so it costs no row where
 *  the text fits two cells narrower. */
export const ASIDE_BAR = '┊ ';

/** An aside, its label first, wrapped two cells narrower, each row behind ASIDE_BAR, dim. */
function asideLines(text: string, width: number, ascii: boolean): Line[] {
  const t = layoutText(ascii);
  const bar = t.text(ASIDE_BAR);
  return paragraph(wrap(t.text(text), Math.max(4, width - cells(bar)), { code: true }).map((l) => [run(bar, 'dim'), run(l, 'dim')]));
}

/** The text of the shown step: what to do, what to notice once it ran, how it went.
 *  `rows`: the most the pane can show. Where the step just run's notice and the next step
 *  with its question need more, that notice's aside ("how ipclab does this") gives way
 *  first to its label and the key that shows it, a, until a shows it (`asideShown`: the pane
 *  pages; docs/ARCHITECTURE.md, the lesson pane). */
export function lessonTextLines(input: LessonViewInput, inner: number, rows = Infinity, asking = true): Line[] {
  const full = textLines(input, inner, true, asking);
  if (full.length <= rows || input.view !== input.done || input.view === 0 || input.asideShown) return full;
  return textLines(input, inner, false, asking);
}

/** `asking`: false while the shown step's question waits behind a key (LessonPane's result first):
 *  the text ends with the step's own words and its new terms, before its form's summary and question.
 */
function textLines(input: LessonViewInput, inner: number, asideJustRun: boolean, asking: boolean): Line[] {
  const width = proseWidth(inner);
  const { lesson, lang, view, done, problems, present, revealed, ascii, s, quiz } = input;
  const n = lesson.steps.length;
  const look = { lang, s, ascii, width };
  const gap: Line[] = present ? [[], []] : [[]];
  const out: Line[] = [];
  const aside = (text: Text | undefined) => {
    if (text) out.push(...asideLines(`${s.aside}${s.colon}${text[lang]}`, width, ascii));
  };
  // after a run the notice of the step just run comes first, named, so the step and
  // what it showed are read together (in review the heading above names it)
  const noticeOf = (i: number, named = true, review = false) => {
    const step = lesson.steps[i];
    // the notice says what the lesson's values show; the learner's own come first
    const lines = input.turnResults?.[i];
    // the step's form when it ran with the learner's values; lines under a step without a
    // form say the lesson set its own values back: its notice and question stand as they are.
    // Most steps run the lesson's own values after the learner's; one whose learner's result
    // stays in the kernel says what the lesson's would show (Turn.yoursStay)
    const mine = lines ? step.turn : undefined;
    // which run a verdict after the learner's values is on was said under the form (turnGradingLines)
    // the notice as shown: the verdict says only what it does not (fixR#3)
    const noticeText = (input.notices?.[i] ?? step.notice)[lang];
    const graded = () => (quiz ? gradeLines(lesson, i, quiz, look, review, noticeText) : []);
    // in review (←) the question is out of sight: it comes first, its choices, the answer
    // given and its verdict, then what the run showed (fix13q#3, fix15g#2: the notice above
    // the question read as its answer before it was asked)
    if (review) out.push(...graded());
    // each names the step, as its notice does: read after the heading of the next step, or
    // with the step's own heading scrolled away, a line would not say which run it is about (nc12k#2)
    const labelled = (said: string) => (said.startsWith(s.yourValuesLead) ? `${s.stepYourValues(i + 1)}${said.slice(s.yourValuesLead.length)}` : `${s.stepSaid(i + 1)}${said}`);
    for (const text of lines ?? []) out.push(...para(labelled(text[lang]), width, ascii, 'key'));
    // the values the lesson ran: its form's defaults, or the ones it declares apart (Turn.own:
    // shmdt writes its text at +0, where the form cannot put the learner's)
    const own = mine ? (mine.ownSaid?.[lang] ?? turnValuesText(mine, ownTyped(mine), lang, s)) : '';
    const label = mine ? (mine.yoursStay ? s.noticeLessonWould(own, i + 1) : s.noticeLessonValues(own, i + 1)) : named ? s.noticeOfStep(i + 1) : s.notice;
    // under a run with the learner's values the label is a clause ("…they show"): the notice goes on it
    const notice = noticeText;
    out.push(...para(`${label}${s.colon}${mine ? afterColon(notice, lang) : notice}`, width, ascii, mine ? 'dim' : 'done'));
    // what went wrong, then the way out: the kernel may have changed under the lesson (another run removed its set)
    if (problems[i]) out.push(...para(`${s.problems}${s.colon}${problems[i].map((p) => problemText(p, lang)).join(s.problemSep)}${s.problemsWayOut(keyFor('reset', ascii))}`, width, ascii, 'error'));
    if (!review) out.push(...graded());
    // how ipclab did it comes last, after what the kernel did and the verdict on it: never
    // between a result and its explanation (fix19c#1)
    if (review || asideJustRun) aside(step.aside);
    // folded for room, its label stays with the key that shows it: never gone unsaid; at the
    // lesson's end the checks take the rows and the last notice must stay on screen (walkthrough)
    else if (step.aside && view < n) out.push(...asideLines(`${s.aside}${s.colon}${s.asideFolded(keyFor('aside', ascii))}`, width, ascii));
  };
  // a word only the question (or the aside) says is listed only where that is shown
  // `step`: the notice's step, named on a line the next step's text follows (s.newTerms)
  const terms = (names = input.newTerms?.names, shown: { question?: boolean; aside?: boolean } = {}, step?: number) => {
    const listed = names?.filter((w) => {
      const part = input.newTerms?.only?.[w];
      return part === undefined || shown[part] === true;
    });
    if (listed?.length) out.push(...para(termsLine(listed, input.newTerms!, s, width, ascii, step), width, ascii, 'dim'));
  };
  if (view >= n) {
    // while a question of the check is open, Space would skip it: the key bar says so ("Space
    // skip check, next lesson"), the question's own line its keys; a line here saying it too
    // pushed the notice or itself out of view at 80x24 (fixR3, this session: walkthrough,
    // question-in-view). Once none is open, the closing text ends the pane (LessonPane closingRow)
    const open = quiz?.place?.kind === 'check';
    // "End of the lesson." and what c, z and Space do come once, under the summary after the check
    const ending = para(`${s.endOfLesson}${s.sentenceGap}${s.endHint(input.last === true)}`, width, ascii, 'title');
    // the check asks about the last step's notice: the notice comes first, the check under it
    if (n > 0) noticeOf(n - 1);
    // what the last step's run showed first, as under any notice just after its run
    terms(input.newTerms?.justRun, { aside: asideJustRun });
    if (quiz && done >= n) {
      const check = checkLines(lesson, quiz, look, asking);
      if (check.length) out.push(...gap, ...check);
    }
    // the lesson's summary answers its check: it comes once no question is open, and what comes
    // next right under it, the two the closing text the pane opens on (LessonPane questionTop:
    // issue 16, with the C pane below, serv-clnt's and shmat's stood below the fold)
    // (no blank between them: the title tone sets it apart, and shmdt's fits the 8 rows c leaves at 80x24)
    if (!open) out.push(...gap, ...para(lesson.outro[lang], width, ascii), ...ending);
    return out;
  }
  const step = lesson.steps[view];
  const header = `${s.step} ${view + 1}/${n}${s.colon}${step.title[lang]}`;
  // the lesson's introduction stays with its first step, also when it is read again
  const intro = (anyStep = false) => {
    if (view !== 0 && !anyStep) return;
    out.push(...para(lesson.intro[lang], width, ascii));
    aside(lesson.aside);
    const earlier = input.newTerms?.earlier;
    if (earlier?.words.length) out.push(...para(earlierLine(earlier, input.newTerms!.key, s, width, ascii), width, ascii, 'dim'));
    out.push(...gap);
  };
  if (view < done) {
    intro();
    out.push(...para(header, width, ascii, 'title'), ...para(step.say[lang], width, ascii));
    terms(undefined, { question: quiz !== undefined && quiz !== null });
    out.push(...gap);
    noticeOf(view, false, true);
    // what its run showed first, under its notice as when it ran
    terms(input.newTerms?.justRun, { aside: true, question: true });
    return out;
  }
  if (view === done) {
    const form = input.form;
    if (form?.alone) {
      // said once the values differ from the lesson's; the question stays in sight, to be
      // answered once the form is left (Enter leaves it first while it is unanswered)
      const aside = quiz && form.custom ? turnGradingLines(lesson, view, look) : [];
      const question = quiz ? questionLines(lesson, view, quiz, look, false) : [];
      return [...para(`${MARKS.here} ${header}`, width, ascii, 'title'), ...form.lines(width), ...aside, ...question];
    }
    if (view === 0) intro();
    else {
      if (input.introAbove) intro(true);
      noticeOf(view - 1);
      // what the trace of the step just run showed first is pointed to with its notice, named as
      // that step's: right above the shown step's heading, or under its title on the border, the
      // line read as the shown step's (issue 16, s33i#3)
      terms(input.newTerms?.justRun, { aside: asideJustRun, question: true }, view);
      out.push(...gap);
    }
    out.push(...para(`${MARKS.here} ${header}`, width, ascii, 'title'));
    const say = step.say[lang];
    const units = present ? revealUnits(say).length : 0;
    out.push(...para(present ? revealText(say, revealed + 1) : say, width, ascii));
    if (present && revealed + 1 < units) out.push(line('…', 'dim'));
    // with the question behind Enter (!asking) the text ends at what the step does and the
    // terms it is the first to use: its form's summary comes with the question, so nothing
    // but the step's own words is below (fix18a#4), and no term of them is read before its
    // "New terms" line (fix19a#1: shmget 3 named IPC_CREAT with its line behind Enter)
    else {
      // the step says what it does first; the learner's way to change it comes after
      if (asking) out.push(...(form?.lines(width) ?? []));
      // without a term only some choices name (paneNewTerms): it comes with the step's result
      terms(undefined, { question: asking && quiz !== undefined && quiz !== null });
      if (asking && quiz) out.push(...questionLines(lesson, view, quiz, look));
    }
    return out;
  }
  intro();
  out.push(...para(header, width, ascii, 'title'), ...para(step.say[lang], width, ascii));
  terms(undefined, {});
  // a re-run under way reset the lesson: the step shown is next once those before it ran again
  out.push(...gap, ...para(input.rerunning ? s.rerunText(view + 1, done) : s.notRunYet(done + 1), width, ascii, 'dim'));
  return out;
}
