// The closing screen after the last lesson: the whole course in its parts (shared
// memory's life cycle, message queues, semaphores, the race), each with its calls in
// order, a line on what they do, and under it what the learner did in its lessons
// (steps run, predictions and checks right, from the progress file). One column, every
// line wrapped at word boundaries, never cut: the screen scrolls when it is taller.
import type { Lang } from '../../lang.js';
import type { Lesson, Text } from '../../lessons/types.js';
import { scoreOf, type LessonAnswers } from '../progress.js';
import { type Line, line, run } from '../styled.js';
import type { Strings } from '../strings.js';
import { cells, layoutText, proseWidth, wrap } from '../text-fit.js';

/** A part of the course: its calls in order, what they do, its lessons (by id). */
interface Part {
  name: Text;
  /** a call's name is the same in both languages; the words between are not */
  calls: (string | Text)[];
  what: Text;
  lessons: string[];
}

const PARTS: Part[] = [
  {
    name: { en: 'Shared memory', zh: '共享内存' },
    calls: ['ftok', 'shmget', 'shmat', { en: 'read/write', zh: '读写' }, 'shmdt', 'shmctl(IPC_RMID)'],
    what: {
      en: 'a key from a file both sides know; the segment made or opened by it, mapped into each process and used as plain memory, detached (nattch - 1); shmctl(IPC_RMID) frees it at once if nattch is 0, else marks it (dest) and the kernel frees it when nattch reaches 0',
      zh: '由双方都知道的文件得到 key；按 key 创建或打开共享内存段，映射进每个进程后当普通内存读写，解除映射（nattch 减 1）；shmctl(IPC_RMID) 在 nattch 为 0 时立即释放它，否则先标记为待删除（dest），等 nattch 降到 0 时内核才释放',
    },
    lessons: ['overview', 'shmget', 'ftok', 'shmat', 'shmdt', 'shmctl', 'parent-child', 'serv-clnt'],
  },
  {
    name: { en: 'Message queues', zh: '消息队列' },
    calls: ['msgget', 'msgsnd', 'msgrcv', 'msgctl(IPC_RMID)'],
    what: {
      en: 'typed messages the kernel keeps in order; msgrcv picks by type, sleeps while no message of that type is queued, and fails with EIDRM when the queue is removed under it',
      zh: '内核按顺序保存带类型的消息；msgrcv 按类型取，没有该类型的消息时睡眠，队列在它睡眠时被删除则以 EIDRM 失败',
    },
    lessons: ['msg'],
  },
  {
    name: { en: 'Semaphores', zh: '信号量' },
    calls: ['semget', 'semctl(SETVAL)', 'semop(-1: P)', 'semop(+1: V)', 'semctl(IPC_RMID)'],
    what: {
      en: 'a count the kernel keeps: P takes it or sleeps, V gives it back and wakes a sleeper; SEM_UNDO gives back what a killed holder took',
      zh: '内核保存的计数：P 取得它或睡眠，V 归还并唤醒睡眠者；SEM_UNDO 替被杀死的持有者归还它取走的计数',
    },
    lessons: ['sem'],
  },
  {
    name: { en: 'The race', zh: '竞争' },
    calls: ['shmget + semget', { en: 'counter++ (no lock)', zh: 'counter++（不加锁）' }, 'P; counter++; V', { en: 'atomic add', zh: '原子加' }, 'IPC_RMID'],
    what: {
      en: 'two processes adding to one int lose updates without a lock; a semaphore and an atomic add both keep it exact, the atomic add with no system call, far cheaper than the semaphore',
      zh: '两个进程给同一个 int 加 1，不加锁会丢失更新；信号量和原子加都能保证结果准确，原子加不用系统调用，比信号量便宜得多',
    },
    lessons: ['race'],
  },
];

export interface ClosingInput {
  lessons: readonly Lesson[];
  completed: readonly string[];
  ran: Readonly<Record<string, number>>;
  /** the checkpoints and checks answered, by lesson id */
  answers?: Readonly<Record<string, LessonAnswers>>;
  /** ipclab's objects (segments, queues, semaphore sets) the kernel still holds */
  left: number;
  lang: Lang;
  ascii: boolean;
  s: Strings;
}

/** A part's calls after its name, `head`: "Shared memory: ftok → shmget → …". A line
 *  breaks only after an arrow, never inside a call ("atomic add" whole), and goes on
 *  under the first call (two cells in when the widest call would not fit there); a call
 *  wider than its line alone is wrapped at its words. */
export function chainLines(head: string, items: readonly string[], arrow: string, width: number): string[] {
  const units = items.map((item, i) => (i < items.length - 1 ? `${item} ${arrow}` : item));
  const indent = ' '.repeat(cells(head) + Math.max(...units.map(cells)) <= width ? cells(head) : 2);
  const out: string[] = [];
  let current = head;
  // whether `current` holds only the head or the indent: no space before its first call
  let bare = true;
  for (const unit of units) {
    const gap = bare ? '' : ' ';
    if (cells(current + gap + unit) > width && current.trim() !== '') {
      out.push(current.trimEnd());
      [current, bare] = [indent, true];
    }
    if (cells(current + (bare ? '' : ' ') + unit) <= width) {
      current += (bare ? '' : ' ') + unit;
    } else {
      // wider than a line of its own: at its words, each piece under the first call
      const pieces = wrap(unit, Math.max(1, width - cells(current)));
      out.push(current + pieces[0], ...pieces.slice(1, -1).map((piece) => indent + piece));
      current = pieces.length > 1 ? indent + pieces[pieces.length - 1] : indent;
    }
    bare = false;
  }
  out.push(current);
  return out;
}

/** The screen's lines at `width` cells, all of them (the screen scrolls them). */
export function closingLines(c: ClosingInput, inner: number): Line[] {
  const width = proseWidth(inner);
  const { lessons, lang, s } = c;
  const t = layoutText(c.ascii);
  const para = (text: string, tone: Line[number]['tone'] = 'plain', indent = 0) =>
    wrap(t.text(text), Math.max(10, width - indent)).map((l) => line(`${' '.repeat(indent)}${l}`, tone));
  const numWidth = String(lessons.length).length;
  // " ✓ 12 " before the title; a title's next lines and the figures start under it
  const lead = 4 + numWidth;
  /** a lesson: its title whole (wrapped at words), then what the learner did, on the title's
   *  last line when both fit there */
  const entry = (l: Lesson): Line[] => {
    const i = lessons.indexOf(l);
    const done = c.completed.includes(l.id);
    const steps = Math.min(c.ran[l.id] ?? 0, l.steps.length);
    const score = scoreOf(c.answers?.[l.id], l.check?.length ?? 0);
    const { right, answered, skipped, aside } = score.checkpoints;
    const checked = score.check.answered + score.check.skipped > 0;
    const asked = answered + skipped + aside > 0 || checked;
    // the check by the checkpoints' rule: right of answered, the skipped apart (scoreOf)
    const did = `${s.closingSteps(steps, l.steps.length)}${asked ? s.closingScore(right, answered, skipped, aside, checked ? score.check : null) : ''}`;
    const title = wrap(t.text(l.title[lang]), width - lead);
    const mark = run(` ${done ? (c.ascii ? '*' : '✓') : ' '} `, 'done');
    const out: Line[] = title.map((piece, k) => (k === 0 ? [mark, run(`${String(i + 1).padStart(numWidth)} `), run(piece)] : [run(' '.repeat(lead)), run(piece)]));
    const last = out[out.length - 1];
    const tone = done ? 'done' : 'dim';
    if (cells(title[title.length - 1]) + 2 + cells(did) <= width - lead) last.push(run(`  ${did}`, tone));
    else out.push([run(' '.repeat(lead)), run(did, tone)]);
    return out;
  };
  const part = (p: Part, members: Lesson[]): Line[] => [
    ...chainLines(
      t.text(`${p.name[lang]}${s.colon}`),
      p.calls.map((call) => t.text(typeof call === 'string' ? call : call[lang])),
      c.ascii ? '->' : '→',
      Math.max(10, width),
    ).map((l) => line(l, 'label')),
    ...para(p.what[lang], 'plain', 2),
    ...members.flatMap(entry),
  ];
  const inPart = (p: Part) => lessons.filter((l) => p.lessons.includes(l.id));
  const parts = PARTS.filter((p) => inPart(p).length > 0).map((p) => part(p, inPart(p)));
  // a lesson no part names (a new one) is still counted
  const others = lessons.filter((l) => !PARTS.some((p) => p.lessons.includes(l.id)));
  const sections = [
    // what the learner did, not what the course has (nc83: "you worked ... four parts" after none of them)
    para(s.closingHead(lessons.filter((l) => (c.ran[l.id] ?? 0) >= l.steps.length).length, lessons.length), 'title'),
    ...parts,
    ...(others.length ? [[...para(s.closingOthers, 'label'), ...others.flatMap(entry)]] : []),
    para(c.left === 0 ? s.closingClean : s.closingLeft(c.left)),
  ];
  return sections.flatMap((sec, i) => (i > 0 ? [[], ...sec] : sec));
}
