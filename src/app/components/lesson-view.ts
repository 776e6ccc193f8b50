// The lesson pane's content as lines, from the lesson and where the learner is:
// the step list (✓ done, ▶ shown, ✗ misbehaved) and the text of the shown step, with
// its aside dimmed under a label and the glossary terms it is the first to use.
import type { Lang } from '../../lang.js';
import type { Lesson, Text } from '../../lessons/types.js';
import { revealText, revealUnits } from '../reveal.js';
import { type Line, line, run } from '../styled.js';
import type { Strings } from '../strings.js';
import { layoutText, truncate, wrap } from '../text-fit.js';

export interface LessonViewInput {
  lesson: Lesson;
  lang: Lang;
  view: number;
  done: number;
  problems: Record<number, string[]>;
  present: boolean;
  revealed: number;
  ascii: boolean;
  s: Strings;
  /** names of the glossary entries the shown step uses first, and the key that opens the glossary */
  newTerms?: { names: string[]; key: string };
}

// --ascii draws them as * > x: the panel turns every line to ASCII (screenLine)
const MARKS = { done: '✓', here: '▶', bad: '✗' };

export function stepListLines(input: LessonViewInput, width: number): Line[] {
  const { lesson, lang, view, done, problems, present } = input;
  const m = MARKS;
  const t = layoutText(input.ascii);
  const out: Line[] = [];
  lesson.steps.forEach((step, i) => {
    const ran = i < done;
    const mark = i === view ? m.here : problems[i] ? m.bad : ran ? m.done : ' ';
    const tone = i === view ? 'active' : ran ? 'done' : 'plain';
    const label = truncate(t.text(`${i + 1} ${step.title[lang]}`), Math.max(4, width - 3), t.mark);
    out.push([run(` ${mark} `, problems[i] ? 'error' : ran ? 'done' : 'plain'), run(label, tone)]);
    if (present) out.push([]);
  });
  return out;
}

// under --ascii the text is turned to ASCII before it is wrapped: "->" is wider than "→"
function para(text: string, width: number, ascii: boolean, tone: Line[number]['tone'] = 'plain'): Line[] {
  return wrap(layoutText(ascii).text(text), width).map((l) => line(l, tone));
}

/** The text of the shown step: what to do, what to notice once it ran, how it went. */
export function lessonTextLines(input: LessonViewInput, width: number): Line[] {
  const { lesson, lang, view, done, problems, present, revealed, ascii, s } = input;
  const n = lesson.steps.length;
  const gap: Line[] = present ? [[], []] : [[]];
  const out: Line[] = [];
  const aside = (text: Text | undefined) => {
    if (text) out.push(...para(`${s.aside}${s.colon}${text[lang]}`, width, ascii, 'dim'));
  };
  const noticeOf = (i: number) => {
    const step = lesson.steps[i];
    out.push(...para(`${s.notice}${s.colon}${step.notice[lang]}`, width, ascii, 'done'));
    aside(step.aside);
    if (problems[i]) out.push(...para(`${s.problems}${s.colon}${problems[i].join('; ')}`, width, ascii, 'error'));
  };
  const terms = () => {
    const fresh = input.newTerms;
    if (fresh?.names.length) out.push(...para(s.newTerms(fresh.names.join(s.listGap), fresh.key), width, ascii, 'dim'));
  };
  if (view >= n) {
    // what to do next comes first: at 80x24 the rest may need scrolling
    out.push(...para(`${s.endOfLesson}${s.sentenceGap}${s.endHint}`, width, ascii, 'title'), ...gap);
    if (n > 0) noticeOf(n - 1);
    out.push(...gap, ...para(lesson.outro[lang], width, ascii));
    return out;
  }
  const step = lesson.steps[view];
  const header = `${s.step} ${view + 1}/${n}${s.colon}${step.title[lang]}`;
  if (view < done) {
    out.push(...para(header, width, ascii, 'title'), ...para(step.say[lang], width, ascii));
    terms();
    out.push(...gap);
    noticeOf(view);
    return out;
  }
  if (view === done) {
    if (view === 0) {
      out.push(...para(lesson.intro[lang], width, ascii));
      aside(lesson.aside);
      out.push(...gap);
    } else {
      noticeOf(view - 1);
      out.push(...gap);
    }
    out.push(...para(`${MARKS.here} ${header}`, width, ascii, 'title'));
    const say = step.say[lang];
    const units = present ? revealUnits(say).length : 0;
    out.push(...para(present ? revealText(say, revealed + 1) : say, width, ascii));
    if (present && revealed + 1 < units) out.push(line('…', 'dim'));
    else terms();
    return out;
  }
  out.push(...para(header, width, ascii, 'title'), ...para(step.say[lang], width, ascii));
  terms();
  out.push(...gap, ...para(s.notRunYet(done + 1), width, ascii, 'dim'));
  return out;
}
