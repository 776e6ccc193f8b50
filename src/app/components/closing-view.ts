// The closing screen after the last lesson: the whole life cycle of a segment, each
// part with the lessons where the learner did it live, and what the learner did
// (steps run in each lesson, from the progress file).
import type { Lang } from '../../lang.js';
import type { Lesson, Text } from '../../lessons/types.js';
import { scoreOf, type LessonAnswers } from '../progress.js';
import { type Line, line, run } from '../styled.js';
import type { Strings } from '../strings.js';
import { cells, pad, truncate, wrap } from '../text-fit.js';

/** The life cycle in order: the call, what it does, the lessons (by id) that do it live. */
const LIFE_CYCLE: { call: string; what: Text; lessons: string[] }[] = [
  { call: 'ftok', what: { en: 'a key from a file both sides know', zh: '由双方都知道的文件得到 key' }, lessons: ['ftok', 'serv-clnt'] },
  { call: 'shmget', what: { en: 'create the segment, or open it by key', zh: '创建共享内存段，或按 key 打开' }, lessons: ['overview', 'shmget', 'ftok'] },
  { call: 'shmat', what: { en: 'attach: map it into the process (nattch + 1)', zh: '映射进进程的内存（nattch 加 1）' }, lessons: ['shmat', 'parent-child'] },
  { call: 'read/write', what: { en: 'plain memory, seen by every process attached', zh: '普通内存，映射了它的进程都能看到' }, lessons: ['shmat', 'parent-child', 'serv-clnt'] },
  { call: 'shmdt', what: { en: 'detach (nattch − 1); the segment stays', zh: '解除映射（nattch 减 1）；段仍然存在' }, lessons: ['shmdt'] },
  { call: 'shmctl', what: { en: 'IPC_STAT reads it; IPC_RMID removes it once nobody is attached', zh: 'IPC_STAT 读取；IPC_RMID 在无人映射后删除它' }, lessons: ['shmctl', 'overview'] },
];

export interface ClosingInput {
  lessons: readonly Lesson[];
  completed: readonly string[];
  ran: Readonly<Record<string, number>>;
  /** the checkpoints and checks answered, by lesson id */
  answers?: Readonly<Record<string, LessonAnswers>>;
  /** ipclab's segments the kernel still holds */
  left: number;
  lang: Lang;
  ascii: boolean;
  s: Strings;
}

/** The screen's lines for `height` rows: blank lines between the parts while all
 *  fits, and the one-line summary of the cycle only when there is room for it. */
export function closingLines(c: ClosingInput, width: number, height: number): Line[] {
  const { lessons, lang, s } = c;
  const numbers = (ids: string[]) => ids.map((id) => lessons.findIndex((l) => l.id === id) + 1).filter((n) => n > 0).sort((a, b) => a - b);
  const para = (text: string, tone: Line[number]['tone'] = 'plain') => wrap(text, width).map((l) => line(l, tone));
  const callWidth = Math.max(...LIFE_CYCLE.map((p) => cells(p.call))) + 2;
  const arrow = c.ascii ? '->' : '→';
  const parts = LIFE_CYCLE.flatMap((part) => {
    const where = numbers(part.lessons);
    const text = `${part.what[lang]}${where.length ? (lang === 'zh' ? `（${s.closingLessons(where)}）` : ` (${s.closingLessons(where)})`) : ''}`;
    return wrap(text, Math.max(10, width - callWidth - 1)).map((l, i): Line => [run(` ${i === 0 ? pad(part.call, callWidth) : ' '.repeat(callWidth)}`, 'key'), run(l)]);
  });
  const numWidth = String(lessons.length).length;
  /** a lesson's line, its title cut to `titleWidth` cells */
  const entry = (l: Lesson, i: number, titleWidth: number): Line => {
    const done = c.completed.includes(l.id);
    const steps = Math.min(c.ran[l.id] ?? 0, l.steps.length);
    const score = scoreOf(c.answers?.[l.id], l.check?.length ?? 0);
    const asked = score.checkpoints.asked > 0 || Object.keys(c.answers?.[l.id]?.check ?? {}).length > 0;
    const sums = asked ? s.closingScore(score.checkpoints.right, score.checkpoints.asked, score.check.right, score.check.of) : '';
    return [run(` ${done ? (c.ascii ? '*' : '✓') : ' '} `, 'done'), run(`${String(i + 1).padStart(numWidth)} `), run(`${s.closingSteps(steps, l.steps.length)}${sums}`, done ? 'done' : 'dim'), run(`  ${truncate(l.title[lang], titleWidth)}`)];
  };
  const lineCells = (l: Line) => cells(l.map((r) => r.text).join(''));
  const oneColumn = lessons.map((l, i) => entry(l, i, width));
  // two lessons a row when one a row would not fit (titles cut to the column): the
  // closing screen stays whole at 80x24 however many lessons there are
  const half = Math.floor(width / 2);
  const twoColumns = (): Line[] => {
    const cut = (l: Lesson, i: number) => {
      const e = entry(l, i, width);
      return entry(l, i, Math.max(4, half - 1 - (lineCells(e) - cells(l.title[lang]))));
    };
    const rows = Math.ceil(lessons.length / 2);
    return Array.from({ length: rows }, (_, r): Line => {
      const left = cut(lessons[r], r);
      if (!lessons[r + rows]) return left;
      return [...left, run(' '.repeat(Math.max(1, half - lineCells(left)))), ...cut(lessons[r + rows], r + rows)];
    });
  };
  const cycle = para(LIFE_CYCLE.map((p) => p.call).join(` ${arrow} `), 'label');
  // its keys are on the status line below it
  const head = para(s.closingHead, 'title');
  const count = (sections: Line[][]) => sections.reduce((n, sec) => n + sec.length, 0);
  const restWith = (did: Line[]) => [parts, [...para(s.closingDid, 'title'), ...did], para(c.left === 0 ? s.closingClean : s.closingLeft(c.left))];
  const rest = count([head, ...restWith(oneColumn)]) <= height ? restWith(oneColumn) : restWith(twoColumns());
  const sections = count([head, cycle, ...rest]) <= height ? [head, cycle, ...rest] : [head, ...rest];
  const gap = count(sections) + sections.length - 1 <= height;
  return sections.flatMap((sec, i) => (i > 0 && gap ? [[], ...sec] : sec));
}
