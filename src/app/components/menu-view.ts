// The lesson menu's lines: a header naming the score columns, a row per lesson (its full
// title wrapped under its own column), "start over", and apart from them the legend, which
// the menu keeps in view below the list. Marks that read without colour: ▶ the cursor,
// • the lesson open, ✓ finished.
import type { Lang } from '../../lang.js';
import type { Lesson } from '../../lessons/types.js';
import { scoreOf, type LessonAnswers } from '../progress.js';
import type { Strings } from '../strings.js';
import { type Line, run } from '../styled.js';
import { pad, proseWidth, wrap } from '../text-fit.js';

export interface MenuInput {
  lessons: readonly Lesson[];
  lang: Lang;
  s: Strings;
  ascii: boolean;
  completed: readonly string[];
  answers: Record<string, LessonAnswers | undefined>;
  /** the lesson open */
  current: number;
  /** the row chosen: a lesson, or lessons.length for "start over" */
  cursor: number;
  /** Enter was pressed once on "start over": the row asks for another */
  confirming?: boolean;
  width: number;
}

/** Cells of the columns before the title: done, cursor, open, number, id, predictions, check. */
const DONE = 3;
const MARK = 2;
const ID = 14;
const SCORE = 9;

/** The menu's lines and, for each lesson and "start over", the line its row starts on;
 *  `legend`: the lines that explain the marks, wrapped to the width. */
export function menuLines(m: MenuInput): { lines: Line[]; rowStarts: number[]; legend: Line[] } {
  const { s, ascii } = m;
  // the cells the Panel gives a line (textRoom: a blank column before the right border)
  const room = proseWidth(m.width - 2);
  const num = String(m.lessons.length).length + 2;
  const lead = DONE + MARK * 2 + num + ID;
  const titleWidth = Math.max(10, room - lead - SCORE * 2);
  const lines: Line[] = [[run(pad('', lead)), run(pad(s.menuPredicted, SCORE), 'dim'), run(pad(s.menuCheck, SCORE), 'dim'), run(s.menuLessonTitle, 'dim')]];
  const rowStarts: number[] = [];
  m.lessons.forEach((l, i) => {
    const here = i === m.cursor;
    const score = scoreOf(m.answers[l.id], l.check?.length ?? 0);
    // a score only once something was asked: a check never taken shows "–", not 0/3; right of
    // answered, the skipped and the not graded left out, in both columns (the legend says so; scoreOf's rule)
    const { right, answered, skipped, aside } = score.checkpoints;
    const predicted = answered + skipped + aside > 0 ? `${right}/${answered}` : '–';
    const checked = score.check.answered + score.check.skipped > 0;
    const check = score.check.of === 0 ? '' : checked ? `${score.check.right}/${score.check.answered}` : '–';
    const style = here ? 'selected' : 'plain';
    const title = wrap(l.title[m.lang], titleWidth);
    rowStarts.push(lines.length);
    lines.push([
      run(m.completed.includes(l.id) ? (ascii ? ' * ' : ' ✓ ') : '   ', 'done'),
      run(here ? (ascii ? '> ' : '▶ ') : '  ', 'selected'),
      run(i === m.current ? (ascii ? 'o ' : '• ') : '  ', 'done'),
      run(`${`${i + 1}.`.padStart(num - 1)} ${l.id.padEnd(ID)}`, style),
      run(pad(predicted, SCORE), 'done'),
      run(pad(check, SCORE), 'done'),
      run(title[0] ?? '', style),
    ]);
    for (const more of title.slice(1)) lines.push([run(pad('', lead + SCORE * 2)), run(more, style)]);
  });
  const over = m.cursor === m.lessons.length;
  rowStarts.push(lines.length);
  const overText = over && m.confirming ? s.startOverConfirm : s.startOver;
  wrap(overText, Math.max(10, room - DONE - MARK)).forEach((text, k) => {
    lines.push([run('   '), run(over && k === 0 ? (ascii ? '> ' : '▶ ') : '  ', 'selected'), run(text, over ? 'selected' : 'dim')]);
  });
  // the keys are in the key bar; the marks are said here only
  const marks = s.menuMarks(ascii ? '>' : '▶', ascii ? 'o' : '•', ascii ? '*' : '✓');
  const legend = wrap(marks, Math.max(10, room - DONE)).map((text) => [run(`   ${text}`, 'dim')]);
  return { lines, rowStarts, legend };
}
