// The lesson pane's questions as lines: a checkpoint before its step runs (numbered
// choices, the one chosen marked, then its hint: a hint comes before the answer, never
// with it), its grading after the run beside the step's notice (right or wrong, then
// the answer and why),
// and the end-of-lesson check. What a digit answers is the store's (quizPlace).
import type { Lang } from '../../lang.js';
import { choiceMark, listedChoice, whyNotOf } from '../../lessons/checkpoint-kit.js';
import type { Choice, Lesson } from '../../lessons/types.js';
import { scoreOf, type CheckVerdict, type Verdict } from '../progress.js';
import type { Guess, QuizPlace } from '../store/quiz.js';
import type { RunCopy } from '../store/run-copy.js';
import { type Line, line, paragraph, run } from '../styled.js';
import { keyFor } from '../keymap.js';
import type { Strings } from '../strings.js';
import { cells, layoutText, wrap } from '../text-fit.js';
import { markOf } from './step-marks.js';

export interface QuizView {
  guesses: Record<number, Guess>;
  revealedGrades: Record<number, true>;
  checkPicks: Record<number, number>;
  /** the checkpoints whose hint was asked for (h) */
  hints?: Record<number, true>;
  graded: RunCopy['graded'];
  place: QuizPlace;
  present: boolean;
  /** the step run last (done - 1): under --present its grading waits for the teacher */
  lastRun: number;
  /** the verdicts kept for this lesson's steps, by step index (progress): a replayed step
   *  was not asked again, and shows the answer the learner gave before */
  recorded?: Record<number, Verdict>;
  /** the check's record (progress), by question: the best the learner did, in any run (store/quiz.ts keepsCheck) */
  checkRecorded?: Record<string, CheckVerdict>;
  /** the choices made before an erratum's jump back within the lesson, whose verdict is the
   *  one recorded: the verdict names them (store/quiz.ts jumpedFrom) */
  picksBefore?: Record<number, number>;
  /** the steps before this one were run by a replay (resume, an erratum's jump), their questions not asked */
  unasked?: number;
  /** the learner's values are kept for the shown step (store/turn.ts keptTyped): Space runs them once the question is answered */
  yours?: boolean;
  /** the keys that skip and reveal, as the screen writes them */
  keys: { skip: string; reveal: string; hint?: string };
}

interface Look {
  lang: Lang;
  s: Strings;
  ascii: boolean;
  width: number;
}

function para(text: string, look: Look, tone: Line[number]['tone'] = 'plain'): Line[] {
  return paragraph(wrap(layoutText(look.ascii).text(text), look.width, { code: true }).map((l) => line(l, tone)));
}

/** A keys line ("1-3 answer  x skip  h hint  Space/Enter runs"), dim, wrapped only between its
 *  entries (two spaces apart): a key and its words stay on one line (fix22a#2: zh 120x34 had
 *  "空格/Enter" at a line's end, "运行；你的答案：2" under it). An entry wider than the line
 *  starts a line and wraps within itself. */
export function keysLines(text: string, look: Look): Line[] {
  const out: string[] = [];
  let row = '';
  for (const entry of layoutText(look.ascii).text(text).split('  ')) {
    const joined = row ? `${row}  ${entry}` : entry;
    if (cells(joined) <= look.width) {
      row = joined;
      continue;
    }
    if (row) out.push(row);
    const parts = wrap(entry, look.width);
    out.push(...parts.slice(0, -1));
    row = parts[parts.length - 1] ?? '';
  }
  if (row) out.push(row);
  return paragraph(out.map((l) => line(l, 'dim')));
}


/** Numbered choices on one line when they fit it (the lesson text keeps its rows at
 *  80x24), else in a column; the chosen one marked (▶, > under --ascii), or in review the
 *  answer (`marked`: its mark, two cells, and tone). */
function choiceLines(choices: readonly Choice[], chosen: number | undefined, look: Look, marked: { mark: string; tone: Line[number]['tone']; tag?: string } = { mark: '▶ ', tone: 'active' }): Line[] {
  // `tag`: words after the marked choice (a question not asked: "← the answer", no ✓ that reads as answered right)
  const listed = (i: number) => `${listedChoice(choices, i, look.lang)}${i === chosen && marked.tag ? ` ${marked.tag}` : ''}`;
  const texts = choices.map((_, i) => layoutText(look.ascii).text(listed(i)));
  // two blanks after each choice but the last: a mark before the next never sits one blank from
  // the text before it, and the line is measured as drawn (no room kept after the last choice:
  // ftok step 6's four choices went to four rows at 80x24 for the two cells of that blank)
  const gap = (i: number) => (i < texts.length - 1 ? '  ' : '');
  if (texts.reduce((n, t, i) => n + 2 + cells(t) + gap(i).length, 0) <= look.width) {
    return [texts.flatMap((t, i): Line => [run(i === chosen ? marked.mark : '  ', marked.tone), run(`${t}${gap(i)}`, i === chosen ? marked.tone : 'plain')])];
  }
  return choices.flatMap((_, i) => {
    const tone = i === chosen ? marked.tone : 'plain';
    // a choice's rows go on under its own text, not under its number (issue 16: sem's check [2]
    // wrapped to "│  失败" at 120x34 zh, read as a line of its own)
    const label = listed(i).slice(0, choiceMark(i).length + 1);
    const text = wrap(layoutText(look.ascii).text(listed(i).slice(label.length)), Math.max(4, look.width - 2 - cells(label)));
    // wrapping would drop the blank that stands for "not chosen": the mark is a run of its own
    return paragraph(text.map((l, k): Line => [run(k === 0 && i === chosen ? marked.mark : '  ', marked.tone), run(`${k === 0 ? label : ' '.repeat(cells(label))}${l}`, tone)]));
  });
}

/** The verdict kept from an earlier run of the step, right or wrong (a skip is not kept against a choice). */
function firstTry(quiz: QuizView, step: number): 'right' | 'wrong' | undefined {
  const kept = quiz.recorded?.[step];
  return kept === 'right' || kept === 'wrong' ? kept : undefined;
}

/** The choice (1-based) made on step `step` before an erratum's jump, when its verdict is the one kept. */
function pickBefore(quiz: QuizView, step: number): number | undefined {
  const pick = quiz.picksBefore?.[step];
  return pick === undefined ? undefined : pick + 1;
}

/** The verdict on step `step`'s prediction as its grade says it (gradeLines): 'right' or 'wrong'
 *  once it ran with a choice (or the verdict kept from before an erratum's jump, from an earlier
 *  run), undefined when skipped, not asked, not run, or its grading waits for the teacher (--present). */
export function predictionVerdict(quiz: QuizView, step: number): 'right' | 'wrong' | undefined {
  const graded = quiz.graded[step];
  if (!graded) return undefined;
  if (quiz.present && step === quiz.lastRun && !quiz.revealedGrades[step]) return undefined;
  const earlier = quiz.guesses[step] === undefined ? quiz.recorded?.[step] : undefined;
  const before = earlier === 'right' || earlier === 'wrong' ? pickBefore(quiz, step) : undefined;
  if (before === undefined && (earlier === 'right' || earlier === 'wrong')) return earlier;
  const guess = before !== undefined ? before - 1 : quiz.guesses[step];
  return typeof guess === 'number' ? (guess === graded.answer ? 'right' : 'wrong') : undefined;
}

/** The shown step's checkpoint, before it runs. */
/** `keys`: false under a form being edited, which has the keys (the question stays in sight). */
export function questionLines(lesson: Lesson, step: number, quiz: QuizView, look: Look, keys = true): Line[] {
  const checkpoint = lesson.checkpoints?.[lesson.steps[step].id];
  if (!checkpoint) return [];
  const { s } = look;
  const guess = quiz.guesses[step];
  const hinted = quiz.hints?.[step] === true;
  // no blank line above: its label sets the question apart, and at 80x24 the row counts
  return [
    ...para(`${s.question}${s.colon}${checkpoint.question[look.lang]}`, look, 'label'),
    ...choiceLines(checkpoint.choices, typeof guess === 'number' ? guess : undefined, look),
    // h: a hint to think with before answering (a choice can still change after it), never after the run
    ...(hinted ? para(`${s.quizHint}${s.colon}${checkpoint.hint[look.lang]}`, look, 'label') : []),
    ...(!keys ? [] : guess === 'skip' ? para(s.quizSkipped, look, 'dim') : keysLines(s.quizKeys(checkpoint.choices.length, quiz.keys.skip, typeof guess === 'number' ? guess + 1 : undefined, hinted ? undefined : quiz.keys.hint, firstTry(quiz, step), quiz.yours), look)),
  ];
}

/** Step `step`'s checkpoint after the run: the learner's choice as the list showed it
 *  ("2) EINVAL"), the verdict, then why; when wrong, the answer as listed, then why. An
 *  answer is always written as its choice, never in the explanation's words. `review`:
 *  the step is looked back at (←), where the question is no longer in sight: it comes
 *  first, its label and choices, the answer marked (fix13q#3). */
/** The words of `text` that carry its meaning: names and numbers (EINVAL, IPC_PRIVATE, 0600, -1),
 *  English words but the small ones, and Chinese two characters at a time. */
function meaningWords(text: string): string[] {
  // Chinese in pairs of characters: a run of them is a phrase, not a word
  const words = (text.match(/[A-Za-z0-9_+-]+|\p{Script=Han}+/gu) ?? []).flatMap((w) => (/^\p{Script=Han}/u.test(w) ? (w.match(/\p{Script=Han}{1,2}/gu) ?? []) : [w.toLowerCase()]));
  return words.filter((w) => !SMALL_WORDS.has(w));
}

const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'to', 'is', 'are', 'it', 'its', 'and', 'or', 'in', 'on', 'at', 'by', 'as', 'be', 'with', 'for', 'error', 'so', 'that', 'this', 'was', 'were', 'not', '错误']);

/** Whether `hay` (lower case) holds the word `w`: a name or number whole ("shmid" is not in "shmids"). */
function holds(hay: string, w: string): boolean {
  if (/^\p{Script=Han}/u.test(w)) return hay.includes(w);
  const at = (from: number): boolean => {
    const i = hay.indexOf(w, from);
    if (i < 0) return false;
    const edge = (c: string | undefined) => c === undefined || !/[a-z0-9_]/.test(c);
    return (edge(hay[i - 1]) && edge(hay[i + w.length])) || at(i + 1);
  };
  return at(0);
}


/** `why` without the sentences the notice above says already (all but a fifth of their words in
 *  it, three words at least): the verdict adds only what the notice does not say (issue 16 fixR#3). */
export function unsaidSentences(why: string, said: string | undefined, lang: Lang): string {
  if (!said) return why;
  const hay = said.toLowerCase();
  const sentences = lang === 'zh' ? why.split(/(?<=[。！？])/u) : why.split(/(?<=[.!?])\s+/);
  const kept = sentences.filter((t) => {
    const words = meaningWords(t);
    return words.length < 3 || words.filter((w) => holds(hay, w)).length < words.length * 0.8;
  });
  return kept.join(lang === 'zh' ? '' : ' ');
}

/** `notice`: the notice of the step shown with the verdict; a right verdict says only what it does not
 *  (the choice when it names it, the explanation's sentences it says: issue 16 fixR#3). */
export function gradeLines(lesson: Lesson, step: number, quiz: QuizView, look: Look, review = false, notice?: string): Line[] {
  const checkpoint = lesson.checkpoints?.[lesson.steps[step].id];
  const graded = quiz.graded[step];
  if (!checkpoint || !graded) return [];
  const { s, lang } = look;
  // only the step just run waits for the teacher; older ones show their answer
  if (quiz.present && step === quiz.lastRun && !quiz.revealedGrades[step]) return para(s.quizReveal(quiz.keys.reveal), look, 'dim');
  // run by a replay, its question never asked (an erratum's jump, a resume): not counted, and
  // not "skipped"; no ✓ and no "Answer:" line, which read as answered: the question, the
  // answer marked as such among its choices, and that it was not asked (fix15i#1). The same
  // in review and under the notice of the step just run, where the question is out of sight too.
  const kept = quiz.recorded?.[step];
  if (quiz.guesses[step] === undefined && kept === undefined && step < (quiz.unasked ?? 0))
    return [
      ...para(`${s.question}${s.colon}${checkpoint.question[lang]}`, look, 'label'),
      ...choiceLines(checkpoint.choices, graded.answer, look, { mark: '  ', tone: 'done', tag: s.quizTheAnswer }),
      ...para(s.quizNotAsked, look, 'dim'),
    ];
  if (review) {
    const mark = `${markOf('done', look.ascii)} `;
    return [
      ...para(`${s.question}${s.colon}${checkpoint.question[lang]}`, look, 'label'),
      ...choiceLines(checkpoint.choices, graded.answer, look, { mark, tone: 'ok' }),
      ...gradeLines(lesson, step, quiz, look, false, notice),
    ];
  }
  const why = graded.explanation[lang];
  const listed = (i: number) => listedChoice(checkpoint.choices, i, lang);
  const answer = `${listed(graded.answer)}${s.stop}${why}`;
  // a wrong answer is marked as the step list marks a wrong prediction (step-marks.ts), not ✗,
  // which says a step did not go as expected (issue 16)
  const mark = (ok: boolean) => markOf(ok ? 'done' : 'missed', look.ascii);
  const earlier = quiz.guesses[step] === undefined ? quiz.recorded?.[step] : undefined;
  // the choice made before an erratum's jump back, whose verdict is kept: graded as a choice
  // made now is, said as made before the jump (one verdict form on both paths)
  const before = earlier === 'right' || earlier === 'wrong' ? pickBefore(quiz, step) : undefined;
  const guess = before !== undefined ? before - 1 : quiz.guesses[step];
  // right or wrong, one shape: the verdict kept, then the answer as listed (the progress file keeps
  // the verdict only, not the choice made then)
  if (before === undefined && (earlier === 'right' || earlier === 'wrong'))
    return para(`${mark(earlier === 'right')} ${s.quizEarlier(earlier === 'right')}${s.sentenceGap}${s.checkAnswer}${s.colon}${answer}`, look, earlier === 'right' ? 'ok' : 'error');
  // skipped or right: one paragraph with the answer (at 80x24 a row is worth keeping)
  if (guess === undefined || guess === 'skip') return para(`${s.quizSkipped}${s.sentenceGap}${s.checkAnswer}${s.colon}${answer}`, look, 'done');
  // a re-run's answer other than the first: the menu keeps the first (store/quiz.ts keepsVerdict)
  const first = before === undefined ? firstTry(quiz, step) : undefined;
  const counts = first && first !== (guess === graded.answer ? 'right' : 'wrong') ? para(s.quizFirstCounts(first), look, 'dim') : [];
  const jumped = before !== undefined;
  if (guess === graded.answer) {
    // what was chosen, always (issue 16: sem 6's "✓ Right." alone, under a notice naming the
    // choice, did not say which the learner had picked), then only what the notice does not say (fixR#3)
    const rest = unsaidSentences(why, notice, lang);
    const verdict = s.quizRight(listed(guess), jumped);
    return [...para(`${mark(true)} ${verdict}${rest ? `${s.sentenceGap}${rest}` : ''}`, look, 'ok'), ...counts];
  }
  return [
    // why the pick is not the answer here, when the choice says (Choice.whyNot)
    ...para(`${mark(false)} ${s.quizWrong(listed(guess), whyNotOf(checkpoint.choices, guess, graded.answer, lang), jumped)}`, look, 'error'),
    ...para(`${s.checkAnswer}${s.colon}${answer}`, look, 'done'),
    ...counts,
  ];
}

/** A run with the learner's own values: which run the checkpoint is graded on, said while the
 *  form is edited, before the run. Most steps run the lesson's own values right after the learner's, and the
 *  question, about those, is graded on that second run; a step whose learner's result stays
 *  (Turn.yoursStay) runs only theirs, and its question, which fits any values (validate.ts),
 *  is graded on their run. */
export function turnGradingLines(lesson: Lesson, step: number, look: Look): Line[] {
  // not after the run: the lines under the step say which run the notice is about ("Now the
  // lesson's own values, …", turn/explain.ts; "Step 3, the lesson's own (…) would show"),
  // and the verdict quotes the run it graded: said once (fix15e#8), not again above the
  // verdict, which pushed the next step's text below the pane (fix20e#1)
  if (!lesson.checkpoints?.[lesson.steps[step].id]) return [];
  return para(lesson.steps[step].turn?.yoursStay ? look.s.quizGradedYours : look.s.quizGradedOwn, look, 'dim');
}

/** The end-of-lesson check: the questions answered, in order, with why, then the open one
 *  (`asking`: false while it waits behind Enter, the verdict before it read first: LessonPane). */
export function checkLines(lesson: Lesson, quiz: QuizView, look: Look, asking = true): Line[] {
  const check = lesson.check ?? [];
  if (check.length === 0) return [];
  const { s, lang } = look;
  const out: Line[] = [];
  const answered = check.map((q, i) => ({ q, i, pick: quiz.checkPicks[i] })).filter((a) => a.pick !== undefined);
  for (const { q, i, pick } of answered) {
    const mark = pick < 0 ? '-' : markOf(pick === q.answer ? 'done' : 'missed', look.ascii);
    out.push(...para(`${mark} ${s.checkTitle(i + 1, check.length)}${s.colon}${q.question[lang]}`, look, pick === q.answer ? 'ok' : 'error'));
    // the learner's choice named, right or wrong, in a checkpoint's verdict's words (gradeLines):
    // "Answer: 1) …" alone under a ✓ did not say what was chosen (fix20a#3)
    const chose = () => layoutText(look.ascii).text(listedChoice(q.choices, pick, lang));
    if (pick === q.answer) out.push(...para(`${s.quizRight(chose())}${s.sentenceGap}${q.explain[lang]}`, look, 'ok'), []);
    else {
      if (pick >= 0) out.push(...para(s.quizWrong(chose(), whyNotOf(q.choices, pick, q.answer, lang)), look, 'error'));
      const said = `${s.checkAnswer}${s.colon}${listedChoice(q.choices, q.answer, lang)}${s.stop}${q.explain[lang]}`;
      out.push(...para(pick < 0 ? `${s.quizSkipped}${s.sentenceGap}${said}` : said, look, 'done'), []);
    }
  }
  // the menu's rule (progress.ts scoreOf): right of answered, the skipped apart
  const graded = answered.filter((a) => a.pick >= 0);
  if (answered.length === check.length) {
    const right = graded.filter((a) => a.pick === a.q.answer).length;
    out.push(...para(s.checkScore(right, graded.length, answered.length - graded.length), look, 'title'));
    // asked again after a reset: a record better than this run stands, and the menu shows it (issue 16:
    // x at each question read as the end of a 3/3)
    const kept = scoreOf({ checkpoints: {}, check: quiz.checkRecorded ?? {} }, check.length).check;
    if (kept.right > right || kept.answered > graded.length) out.push(...para(s.checkKept(kept.right, kept.answered), look, 'dim'));
  }
  if (quiz.place?.kind === 'check' && asking) {
    const k = quiz.place.question;
    const q = check[k];
    out.push(...para(`${s.checkTitle(k + 1, check.length)}${s.colon}${q.question[lang]}`, look, 'label'), ...choiceLines(q.choices, undefined, look));
    out.push(...keysLines(s.checkKeys(q.choices.length, quiz.keys.skip), look));
  }
  return out;
}
