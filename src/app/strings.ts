// Every UI string of the tutorial screen, in both languages, in one place: its own,
// and those it shares with other layers (src/text/strings.ts). Lesson text lives with
// the lessons; this is only the frame around it.
import type { Lang } from '../lang.js';
import type { Text } from '../lessons/types.js';
import { SHARED } from '../text/strings.js';
import { TERMS } from '../text/terms.js';
import type { Held, Running } from './store/run.js';

/** A character of the dump named in its legend, in quotes: a bare mark (zh "↪ = ， 的字节") read
 *  as the sentence's own comma (issue 16, s25h#4), and a letter bare beside a mark quoted read as
 *  another phrasing (nc, session 26: "↪ = 好 的字节" beside "↪ = “，” 的字节"). */
export function quotedMark(ch: string, lang: 'en' | 'zh' = 'zh'): string {
  return lang === 'zh' ? `“${ch}”` : `"${ch}"`;
}

/** A pane other than the lesson's text where a "New terms" word is seen (glossary.ts TermPlace). */
export type TermPane = 'flow' | 'trace' | 'kernel';

/** Why h shows no hint: the step shown runs later, ran already, asks nothing; the lesson's end (its check has none); --no-quiz. */
export type HintWhyNot = 'later' | 'ran' | 'none' | 'end' | 'off';

/** what is on screen after keys not used: what Space does there now, in the key bar's words (`space`,
 *  keymap.ts runLabel, which name the step; issue 16 item 10: "step 2 is on screen; Space runs it"
 *  where the bar said "Space step 2's text"), the step shown where the bar names no Space (a step
 *  running), or the lesson's end */
const onScreenEn = (shown: number | null, space: string) => (shown === null ? "the lesson's end is on screen" : space ? `Space now: ${space}` : `step ${shown} is on screen`);
const onScreenZh = (shown: number | null, space: string) => (shown === null ? '现在屏幕上是本课的结尾' : space ? `现在按空格：${space}` : `现在屏幕上是第 ${shown} 步`);

/** "2 segments, 1 queue" (the kinds held, in English), empty when none is */
function heldEn(h: Held): string {
  const n = (count: number, one: string, many: string) => (count === 0 ? [] : [`${count} ${count === 1 ? one : many}`]);
  return [...n(h.segments, 'segment', 'segments'), ...n(h.queues, 'queue', 'queues'), ...n(h.sets, 'semaphore set', 'semaphore sets')].join(', ');
}

/** "2 个共享内存段、1 个消息队列", empty when none is */
function heldZh(h: Held): string {
  const n = (count: number, kind: string) => (count === 0 ? [] : [`${count} 个${kind}`]);
  return [...n(h.segments, '共享内存段'), ...n(h.queues, '消息队列'), ...n(h.sets, '信号量集')].join('、');
}

/** the steps before `step` (2 or more): "step 1", "steps 1–6" */
function stepsBefore(step: number): string {
  return step === 2 ? 'step 1' : `steps 1–${step - 1}`;
}

/** "a, b or c" */
function orList(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** "a、b 或 c": a half-width space beside 或 only where Latin or a digit meets it ("换成新文件或 ftok 之前删掉") */
function orListZh(items: string[]): string {
  if (items.length < 2) return items.join('');
  const head = items.slice(0, -1).join('、');
  return joinZh(head, '或', items[items.length - 1]!);
}

/** Chinese words and names joined as Chinese text spaces them: a space only where a side is not
 *  Chinese ("改变了信号量集 524322 的 otime", not "改变了 信号量集 524322 otime": pass 11). */
function joinZh(...parts: string[]): string {
  const han = (c: string) => /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”]/.test(c);
  return parts.reduce((all, p) => (all === '' || p === '' ? all + p : `${all}${han(all.slice(-1)) && han(p.charAt(0)) ? '' : ' '}${p}`), '');
}

/** Where a change the Kernel pane names in words is (markElsewhere): bytes out of the dump's
 *  view (another segment's, another page), or a figure no table has a column for (a set's
 *  otime): said, so "not in view" is not left for the learner to guess. */
export type Elsewhere = 'bytes' | 'column';
const ELSEWHERE: Record<Lang, Record<Elsewhere, string>> = {
  en: { bytes: 'out of view: s and [ ] show them', column: 'no column shows it' },
  zh: { bytes: '不在视图中：按 s 和 [ ] 查看', column: '没有显示它的列' },
};

// the panes a "New terms" group names (termsIn, termsCountIn)
const TERM_PANE_EN: Record<TermPane, string> = { flow: 'Flow', trace: TERMS.trace.en, kernel: 'Kernel pane' };
const TERM_PANE_ZH: Record<TermPane, string> = { flow: '流程', trace: TERMS.trace.zh, kernel: '内核' };

/** A character of the dump's text column and its fill marks as drawn ("你·"), for its legend. */
export type DumpFill = { shown: string; ch: string; bytes: number };
/** The mark of a character's bytes on the row after the one it is drawn on (↪), or on the
 *  row before (→), and that character. */
export type DumpCarry = { mark: string; ch: string };

/** The dump's keys with their words, one wording wherever they are named: the status line's hint
 *  (dumpHint) and the Kernel pane's last lines (dumpKeyWords, each key kept on a line with its
 *  words by \u00a0), short enough to stand beside "step 1's result: Kernel pane shown" at 80
 *  columns. The pane said "} skip zero bytes" beside the hint's "} next non-zero" (issue 16). */
const DUMP_KEYS = { en: '[\u00a0]\u00a0page\u00a0bytes  }\u00a0next\u00a0non-zero', zh: '[\u00a0]\u00a0翻页看字节  }\u00a0下一处非零' } as const;
const spaced = (text: string) => text.replace(/\u00a0/g, ' ');

/** The Kernel pane's word for each kind of object, before its id (objectName, vanished). */
const OBJECT_KIND = {
  en: { shm: 'segment', msg: 'message queue', sem: TERMS.semaphoreSet.en },
  zh: { shm: '共享内存段', msg: '消息队列', sem: TERMS.semaphoreSet.zh },
} as const;

/** What each column that comes later than its object holds (Strings.columnNew). */
const COLUMN_WORDS: Record<'en' | 'zh', Readonly<Record<string, string>>> = {
  // (short: the step's two columns on one legend line at 80 columns; g says the rest; sempid by
  // "op", not semop: Linux's SETVAL sets it too and brings the column, sem 1 showed a pid with no semop)
  en: { lspid: "last msgsnd's pid", lrpid: "last msgrcv's pid", sempid: 'pid of the last op on it', semncnt: 'processes waiting to take', semzcnt: 'waiting for 0' },
  zh: { lspid: '最后 msgsnd 的 pid', lrpid: '最后 msgrcv 的 pid', sempid: '最后操作它的 pid', semncnt: '等着取的进程数', semzcnt: '等它为 0 的进程数' },
};

const EN = {
  ...SHARED.en,
  lessonTitle: 'Lesson',
  /** between two sentences */
  sentenceGap: ' ',
  flow: 'Flow',
  kernel: 'Kernel',
  kernelWide: 'Kernel (ipcs: ipclab\'s objects)',
  trace: TERMS.trace.en,
  code: 'C',
  codeWide: 'C code',
  step: 'step',
  /** the step list's heading, so its marks and numbers read as steps, not line numbers: a
   *  column's heading ("Step" 1, 2...), as short as the narrowest list (" ▶ 1") so that it is
   *  the same word in every lesson */
  stepsHeading: 'Step',
  /** the title bar once every step ran */
  allSteps: 'done',
  menuTitle: 'Lessons',
  errataTitle: 'Errata: where the study notes the lessons follow are wrong',
  /** an erratum whose proving step the learner has not run: in place of what is true, which
   *  would answer that step's question before it is asked (issue 16); once it ran, the
   *  entry ends in `seenLive` (src/text/strings.ts) */
  proofAhead: (number: number, lesson: string, step: number) => `Run lesson ${number} (${lesson}), step ${step} to see what is true: Enter goes there.`,
  /** a glossary entry's part held back until that step ran (glossary-view.ts) */
  // one line a lesson, its steps together (issue 16: nattch's "Lesson 4 (shmat), step N shows what happens." three times)
  showsAhead: (number: number, lesson: string, steps: readonly number[]) => `Lesson ${number} (${lesson}), ${steps.length === 1 ? `step ${steps[0]} shows` : `steps ${steps.slice(0, -1).join(', ')} and ${steps[steps.length - 1]} show`} what happens.`,
  /** `from`: where the learner was, when the erratum took them elsewhere (`same`: another step of
   *  the same lesson; `done`: the lesson left is done, and stays done in the menu); the lesson left
   *  was closed, its objects removed: from the menu it starts again at step 1. `unasked`: the
   *  questions of the steps the jump ran that were never answered: ← to the step, then Space
   *  re-runs it and asks. The introduction is above (lesson-view.ts introAbove) */
  erratumReady: (id: string, step: number, from: { lesson: Text; step: number; same: boolean; done?: boolean } | null, unasked = 0) => {
    // every form names the steps run on the way and that ← shows them (fix15a#4; the short
    // form says it whole, the others as "← shows 1–3, run first" to fit 77 columns)
    const way = step > 1 ? `; ← shows ${step === 2 ? 'step 1' : `1–${step - 1}`}, run first` : '';
    return !from || (from.same && from.step <= step)
      ? unasked
        ? `${id}: Space runs step ${step}${way} (${unasked} unasked: Space re-runs)`
        : `${id}: Space runs step ${step} live${step > 1 ? `; ← reads ${stepsBefore(step)}, run on the way` : ''}`
      : from.same
        ? `${id}: Space runs step ${step} (then a Space a step to ${from.step})${way}`
        : from.done
          ? `${id}: Space runs step ${step}${way}. m: ${from.lesson.en}, done`
          : `${id}: Space runs step ${step}${way}. m: ${from.lesson.en} anew`;
  },
  /** `same`: the erratum's step is in the lesson shown (else the lesson shown is left: the title bar names it); lessons are named by lessonName, not id */
  /** `atEnd`: the learner is at the end of the lesson shown (every step run; the title bar names
   *  it), not at a step. Esc cancels the jump and keeps the list open (erratumCancelled).
   *  `asks`: how many of the steps before `step` ask a question: the jump runs them without
   *  asking (not counted), said before the learner agrees (fix13q#1); the line fits 77 columns */
  /** `left`: questions of the lesson shown that leaving it leaves unanswered (fix15a#5) */
  erratumAsk: (id: string, lesson: Text, step: number, fromStep: number, same: boolean, atEnd = false, asks = 0, left = 0) =>
    same
      ? step === 1
        ? `${id}: Enter again: reset, back to step 1; Esc: stay at ${atEnd ? 'the end' : `step ${fromStep}`}`
        : asks
          ? `${id}: Enter again: rerun ${stepsBefore(step)} (${step === 2 ? 'its question' : 'questions'} skipped, not counted); Esc: stay`
          : `${id}: Enter again: reset, rerun ${stepsBefore(step)}; Esc: stay at ${atEnd ? 'the end' : `step ${fromStep}`}`
      : left
        ? `${id}: Enter again: ${lesson.en} step ${step} (${left} unanswered here); Esc: stay`
        : `${id}: Enter again: ${lesson.en} step ${step} (${atEnd ? 'you leave the end' : `you leave step ${fromStep}`}); Esc: stay`,
  /** Enter on another lesson in the menu, questions of this one unanswered (fix15a#5) */
  leaveAsk: (left: number, lesson: Text) => `${left === 1 ? '1 question' : `${left} questions`} here unanswered: Enter again opens ${lesson.en}; Esc: stay`,
  leaveCancelled: 'not opened: you stay in this lesson',
  /** Esc on a pending jump: nothing opened, the errata list still open */
  erratumCancelled: (id: string) => `${id}: not opened; you stay where you were. Esc again closes the errata`,
  /** while an erratum's jump runs the steps before its own: no question is open */
  jumpRunning: (lesson: Text, steps: number, to: number) => `running ${steps === 1 ? 'step 1' : `steps 1-${steps}`} of ${lesson.en} on the way to step ${to}`,
  glossaryTitle: 'Glossary',
  /** the glossary's first line: what its ▶ is (issue 16: ▶ beside System V IPC, key, fork, msqid,
   *  each the entry it opened at, read as a mark of those terms) */
  glossaryLegend: '▶ marks the entry you are on; ↑↓ move to another.',
  /** after the heading of an entry g lists first: a new term of the step shown (or just run) */
  glossaryNewAt: (step: number) => `◂ new at step ${step}`,
  /** the lines that head the glossary's groups when it is opened in a lesson: that lesson's
   *  entries first, then the others (issue 16: the whole list is ~660 lines) */
  glossaryThisLesson: '── This lesson ──',
  glossaryOthers: '── Other lessons and the screen ──',
  /** the glossary's title while / searches: the query typed so far */
  glossaryFind: (query: string) => `Glossary, find: ${query}_`,
  findStart: '/: type a word to find; Enter: go to it (then n: the next); Esc: close',
  /** the word is in the list's title (glossaryFind) */
  findCount: (k: number, of: number) => `the word found: entry ${k} of the ${of} that hold it; Enter, then n: the next`,
  /** after Enter or n: the search is over, the word kept for n (a new / starts a new word) */
  findKept: (k: number, of: number) => `entry ${k} of the ${of} that hold the word; n: the next, /: a new word`,
  findNoLast: 'n goes to the next entry with the word found last: / finds one first',
  findNone: 'no entry holds the word; Backspace erases, Esc clears it',
  findLong: (most: number) => `a query holds at most ${most} characters; Backspace erases`,
  /** `step`: the step whose notice the line is under, named where the next step's text follows it
   *  (issue 16: serv-clnt 1's line above step 2's text read as step 2's) */
  newTerms: (terms: string, key: string, step?: number) => `New terms${step ? ` (step ${step})` : ''}: ${terms} (${key}: glossary)`,
  /** a "New terms" group of words seen only in another pane than the lesson's text, with its pane */
  termsIn: (terms: string, pane: TermPane) => `${terms} in the ${TERM_PANE_EN[pane]}`,
  /** the line short of room for newTerms: the words, then the key alone (lesson-view termsLine) */
  newTermsShort: (terms: string, key: string, step?: number) => `New terms${step ? ` (step ${step})` : ''}: ${terms} (${key})`,
  /** between the groups of a "New terms" line */
  termGroupGap: '; ',
  /** under a lesson's introduction: the terms the lessons before it teach, which this learner did
   *  not run (`lessons`: their numbers, "1-6" or "2, 4"; `one`: a single lesson), counted once,
   *  not on every step's line */
  termsEarlier: (lessons: string, one: boolean, count: number, key: string) => `From ${one ? 'lesson' : 'lessons'} ${lessons} (not done): ${count === 1 ? '1 term' : `${count} terms`}, ${key} lists ${count === 1 ? 'it' : 'them'}`,
  /** termsEarlier short of room: the key alone */
  termsEarlierShort: (lessons: string, one: boolean, count: number, key: string) => `From ${one ? 'lesson' : 'lessons'} ${lessons} (not done): ${count === 1 ? '1 term' : `${count} terms`} (${key})`,
  /** a span of lessons' numbers in termsEarlier */
  lessonSpan: (from: number, to: number) => `${from}-${to}`,
  /** after the heading of an entry g lists among those a lesson not done taught (termsEarlier); with
   *  the lesson's name, so its number is never read alone (issue 16: "from lesson 2" beside errata's
   *  "lesson 3 (ftok)" read as two numberings) */
  glossaryFromLesson: (lesson: number, name: string) => `◂ from lesson ${lesson} (${name})`,
  yourTurn: 'Your turn',
  /** the form's summary, one phrasing for every step with a turn: what Space runs, then what y does */
  turnSpaceOwn: (values: string) => `Space: the lesson's own (${values}). `,
  /** Space with the learner's values kept (a run that waited for the question's answer); `stay`: Turn.yoursStay */
  turnSpaceYours: (values: string, stay: boolean) => (stay ? `Space: yours (${values}). ` : `Space: first yours (${values}), then the lesson's own. `),
  turnY: (edit: string, yours: string) => `${edit}: ${yours}. `,
  /** what y gives where the turn says nothing of its own (Turn.yours): the fields' labels */
  turnYours: (labels: readonly string[], stay: boolean) =>
    stay ? `yours instead (${labels.join(', ')}); they stay for the steps after` : `first yours (${labels.join(', ')}), then the lesson's`,
  turnYChange: (fields: number) => (fields === 1 ? 'change it' : 'change them'),
  /** one field in the form's summary */
  turnValue: (label: string, value: string) => `${label} = ${value}`,
  quoted: (text: string) => `"${text}"`,
  /** `waits`: the step's question is unanswered, and Enter keeps the values for the run after it */
  turnEditing: (next: string, waits = false, fields = 2) => `${fields > 1 ? `${next}/↑↓ field · ` : ''}Enter ${waits ? 'keep these' : 'run with these'} · Esc cancel (nothing runs; back to the lesson's values)`,
  /** what typing and the line keys do in the focused field: the same on every field, always (the
   *  cursor starts at the value's end) */
  turnTyping: 'typing edits at the cursor · ← → Home End move it · Backspace Del erase · Ctrl-U erases all before it',
  /** the same place, when the focused field is a choice: it takes no typing */
  turnPick: '← → pick the value',
  /** a key typed on a choice field (`label`): it is picked, not typed */
  turnChoiceTyped: (label: Text) => `${label.en}: a choice, not typed; ← → pick the value`,
  /** a key that types nothing, pressed in the form */
  turnKeyHeld: (leave: string) => `the form has the keys: ${leave} leaves it, then the lesson's keys work again`,
  turnOneChar: 'one ASCII character (a letter, digit or sign), or an int, not 0',
  turnChoices: (labels: string[]) => `← → choose: ${orList(labels)}`,
  /** a flags field's choices, listed as words (a | between them would read as C's OR) */
  turnFlags: (names: string[], mode: string | null) =>
    mode === null ? (names.length === 1 ? `0 or ${names[0]}` : `0, or ${orList(names)}; combine flags with |`) : names.length ? `${names.join(', ')}, and an octal mode up to ${mode}; combine them with |` : `an octal mode up to ${mode}`,
  /** y where no form is shown: which step has one (null: no step left in this lesson; `had`: some
   *  step before had one), and the lessons with forms (`where`, listed with the language's separator) */
  turnNone: (edit: string, step: number | null, where: readonly string[], had: boolean) =>
    step === null
      ? // short: the list of lessons with forms (seven ids) must fit the status line at 80 columns
        `${edit}: ${had ? 'no form left here' : 'no form here'}${where.length ? ` (forms in ${where.join(', ')})` : ''}`
      : `${edit}: this step has no form of values; ${edit} works on step ${step}`,
  turnReview: (edit: string, step: number) => `${edit}: you are looking back; go to step ${step} (→) to change the values it runs with`,
  /** y on a step ahead of the next to run: its form (or the next form, `form`) opens once the steps before it ran */
  turnAhead: (edit: string, step: number, form: number) =>
    step === form
      ? `${edit}: step ${step} has not run yet: run the steps before it first`
      : `${edit}: step ${step} has no form; step ${form} has: run the steps before it first`,
  /** y on a step ahead, when the form is on the next step to run (`form`) */
  turnAheadBack: (edit: string, form: number) => `${edit}: looking ahead; the form is on step ${form}, the next to run: go back to it (←)`,
  turnRan: (edit: string, step: number, reset: string) => `${edit}: step ${step} has run; to change its values, ${reset} resets the lesson`,
  turnBytes: (n: number) => `at most ${n} bytes`,
  /** a number field's limits: decimal or 0x hex, as C source takes them */
  turnNumber: (min: number, max: number, unit: string) => `${min}–${max}${unit ? ` ${unit}` : ''}, decimal or 0x hex`,
  /** a field's length limit for typing, any kind */
  turnChars: (n: number) => `at most ${n} characters`,
  /** typing past a field's limit (`limit`, as its form states it): a key refused (`of` 1, `one`
   *  the character), or how many of a paste's `of` characters were taken */
  turnRefused: (label: string, limit: string, taken: number, of: number, one: string) =>
    of === 1 ? `${label}: '${one}' was not taken; the field holds ${limit}` : `${label}: took ${taken} of ${of} characters; the field holds ${limit}`,
  /** a field's limits and why they are so */
  turnHelp: (limits: string, help: string) => `${limits}; ${help}`,
  /** the help's title: at 80x24 every row inside it is a key's */
  helpTitle: 'Keys (any key closes this help)',
  /** the step list's marks, said under the help's keys (issue 16: only the glossary said them) */
  helpMarks: (m: { asks: string; done: string; missed: string; bad: string; here: string }) =>
    `steps: ${m.asks} predict first  ${m.done} ran  ${m.missed} mispredicted  ${m.bad} unexpected  ${m.here} shown`,
  /** before the keys that move in the menu, the errata and the glossary */
  inLists: 'menu, errata, glossary',
  /** a list key's help and its other keys */
  alsoKeys: (help: string, keys: string) => `${help} (also ${keys})`,
  startOver: 'Start over (forget progress, back to lesson 1)',
  /** "start over" after one Enter: a second forgets the progress */
  startOverConfirm: 'Enter again to forget all progress and go back to lesson 1 (Esc keeps it)',
  /** the menu's column heads: the Predict questions right/asked, the Check right/questions (the lessons' own words) */
  menuPredicted: 'Predict',
  menuCheck: 'Check',
  menuLessonTitle: 'Lesson',
  menuMarks: (cursor: string, open: string, done: string) => `Marks: ${cursor} chosen  ${open} open now  ${done} finished  2/3: right of answered (skipped and not graded left out)  –: not yet`,
  noSegments: 'The kernel holds no segment made by this lesson or by another ipclab run with your state folder right now.',
  /** under a segment table whose rows are all removed ones (-): says what they are, not "no segment" over them */
  /** (one line at the 80x24 and 120x34 panes: two, it stood cut by the pane's bottom, "…shown
   *  here once more: no" over "↓ 1 more"; the legend says which step removed them: s26c#1) */
  /** `marks`: the row marks drawn (-, +-), each named in the legend: "- or +-" beside a legend
   *  naming only - left +- unexplained (issue 16) */
  segmentsAllGone: (_step: number | null, marks: readonly string[]) => `No segment of ipclab's is left; rows marked ${marks.join(' or ')} are shown this once.`,
  noObjects: 'The kernel holds no segment, queue or semaphore set made by this lesson or by another ipclab run with your state folder right now (other objects ipcs lists are not shown here).',
  segmentsHead: 'Shared Memory Segments (ipcs -m)',
  /** the column of the names a lesson gave its objects ("down", "up") */
  labelHead: 'use',
  columnsHidden: (cols: string[]) => `not shown, too narrow: ${cols.join(', ')}; run ipclab ipcs to see all`,
  /** under a segment table whose status column is empty in every row: what it would hold */
  statusEmpty: 'status: empty here; g: status',
  queuesHead: 'Message Queues (ipcs -q)',
  setsHead: 'Semaphore Arrays (ipcs -s; each semaphore as ipcs -s -i)',
  semsUnread: (errno: string) => `semaphores not readable: semctl GETALL failed with ${errno} (reading needs read permission on the set)`,
  stat: 'IPC_STAT',
  /** the heading of the segment's record as IPC_STAT reads it (overview shows it before shmctl teaches IPC_STAT) */
  statHead: (shmid: number) => `the kernel's record of segment ${shmid} (IPC_STAT):`,
  /** an object of the Kernel pane named by its kind and id, never a bare number ("of 4, 4096
   *  bytes" read as "four", not as segment 4) */
  objectName: (kind: 'shm' | 'msg' | 'sem', id: number) => `${OBJECT_KIND.en[kind]} ${id}`,
  dumpHead: (shmid: number, from: string, to: string, size: number) => `segment ${shmid} (${size} bytes): ${from}–${to} (hex)`,
  dumpZeros: (bytes: number) => `all 00 (${bytes} bytes)`,
  /** the dump's legend where its text shows · (a character's further bytes), ↪ (bytes of a
   *  character drawn on the row above) or → (bytes of one drawn on the row below; --ascii _ > +),
   *  each said with a character of the dump itself ("你· = 你 (3 bytes)": "· rest of a
   *  character's bytes" left newcomers guessing); ↪ and → in one phrasing, a byte of the
   *  character and the row it is drawn on ("rest of … (row above)" beside "start of … (next
   *  row)" read as two kinds of mark: issue 16), the mark kept with its character on a line
   *  (\u00a0: "→ =" ended a line, 你 on the next); null for a mark not drawn */
  dumpKey: (fill: DumpFill | null, carry: DumpCarry | null, ahead: DumpCarry | null = null) =>
    `legend: ${[fill ? `${fill.shown} = ${fill.ch} (${fill.bytes} bytes)` : null, carry ? `${carry.mark}\u00a0=\u00a0byte of ${quotedMark(carry.ch, 'en')} (row above)` : null, ahead ? `${ahead.mark}\u00a0=\u00a0byte of ${quotedMark(ahead.ch, 'en')} (row below)` : null].filter(Boolean).join('  ')}`,
  /** the status line's names of the dump's keys, in words that say what each does ("[ ] bytes  }
   *  non-zero" read as cryptic until ? was pressed: issue 16) */
  dumpHint: spaced(DUMP_KEYS.en),
  decodedBy: (title: string, pid: number) => `${title}, as pid ${pid} read it:`,
  dumpNone: (own: string | null) =>
    `this segment's contents are not shown: the lesson process${own ? ` (${own})` : ''} does not map it now, and reading them means attaching it, which would change nattch.`,
  /** its one-line form, where the pane cannot hold all its lines (shmget 1's two lines stood
   *  over a blank row and "↓ 2 more" in the 6-row pane at 80x24: issue 16) */
  // "contents", not "bytes": "bytes not shown" read as the table's bytes column hidden (issue 16)
  dumpNoneShort: 'contents not shown: reading them means attaching, which would change nattch',
  /** in the status line when s, [, ] or } has nothing to do; `key` the one pressed, so } never
   *  reads as silent after ] said the same of itself */
  pickNone: 's: ipclab has no segment in the kernel to show',
  pickOne: 's: ipclab has only this one segment; s moves the focus when there are more',
  dumpNoPages: (key: string) => `${key}: no bytes are shown, so there is nothing to page through`,
  dumpFirst: '[: these are its first bytes',
  dumpLast: (key: string) => `${key}: these are its last bytes`,
  /** ] showed bytes all zero: } skips to the next that are not */
  dumpAllZero: (at: string) => `]: all zero from ${at} on; } skips to non-zero bytes`,
  /** } found a non-zero byte at `found`, and the dump pages to it (its page's first rows may
   *  well be zero: "0 zero bytes skipped" beside "0040–005f all 00" read as a contradiction) */
  dumpSought: (found: string) => `}: the next non-zero byte is at ${found}, in the dump now`,
  /** } found nothing but zeros to the end (or in the `most` bytes it reads) */
  dumpNoMore: (from: string, end: boolean, most: string) => (end ? `}: every byte from ${from} to the end is zero` : `}: the ${most} from ${from} are all zero; } again reads on`),
  noFocus: 'no segment in focus (s picks one)',
  markLesson: 'this lesson',
  markIpclab: 'ipclab',
  /** leads the Kernel pane's legend, its lines under the first table ("legend", never "key":
   *  the table's first column is the IPC key) */
  legendKey: 'legend: ',
  /** the change mark (*): every step mark names the step (null: not said) */
  markChanged: (step: number | null) => (step === null ? 'changed' : `changed by step ${step}`),
  /** where only a segment's bytes carry the mark (the dump, its decoded fields), no row */
  markChangedBytes: (step: number | null) => (step === null ? 'bytes changed' : `bytes changed by step ${step}`),
  /** the removed-row mark (-): a row the step removed, shown dimmed once after it */
  markGone: (step: number | null) => (step === null ? 'removed' : `removed by step ${step}`),
  /** the made-and-removed mark (+-): an object the step made and removed within it, shown dimmed once */
  markFleeting: (step: number | null) => (step === null ? 'made and removed' : `made and removed by step ${step}`),
  /** BACK_MARK: a figure the step changed and brought back to its value before it */
  markBack: (step: number | null) => (step === null ? 'changed and back' : `changed and back in step ${step}`),
  /** the new-object mark (+): with the step when no change mark names it beside */
  markNew: (step: number | null) => (step === null ? 'new' : `new in step ${step}`),
  /** where the marks' legend goes after a step that marked nothing (only a read): the last step's marks did not vanish unsaid */
  markNothing: (step: number) => `step ${step} changed nothing`,
  markRunning: (step: number) => `step ${step} running`,
  /** in the legend's place when the step's changes are all out of the pane's view (another segment's bytes after s, another page after ]) */
  markElsewhere: (step: number, object: string, what: string, where: Elsewhere) => `step ${step} changed ${object} ${what} (${ELSEWHERE.en[where]})`,
  markBytes: (from: string, to: string) => `bytes ${from}–${to}`,
  /** under ipcs output with a row not this lesson's: every mark, the same words as the glossary's "marks" entry */
  /** under the Trace's first • line, once: what the mark says (pass 12: no legend said it; the glossary's "trace lines" entry says more) */
  ipcsOthers: (lesson: string, ipclab: string) => `(${lesson} this lesson's; ${ipclab} ipclab's, from an earlier lesson or run; unmarked: not in ipclab's records, another program's or user's)`,
  kernelNow: (shown: number, done: number) => `Step ${shown} is shown again: this pane shows the kernel now (after step ${done}), not as it was at step ${shown}.`,
  /** the Flow pane's bottom border in review: it draws the step shown as it ran (flowChoice) */
  flowReview: (shown: number) => `reviewing step ${shown}: lit as it ran`,
  /** the Flow pane's title: which of the lesson's diagrams it draws, and that the step just run moved to
   *  it; by number, not by file name (an id is no word of the lesson's, and cut the title at 80x24).
   *  In words, not "1/5" (newcomers could not read two fractions). `next`: the step about to run
   *  lights another diagram, and Space goes there; after two blanks, so a narrow border drops it (fitTitle).
   *  `name`: what the diagram shows (its `%% title`, src/flow/diagrams.ts), so "diagram 1 of 5" says what the five are;
   *  a lesson's only diagram is named too ("Flow: P and V"; newcomers read a bare "Flow" as no name);
   *  `brief`: the number without the count ("diagram 2, client joins"), where the whole does not fit:
   *  the number stays with the name, scrolled or not (issue 16: "Flow: an object's life" once scrolled) */
  flowOf: (title: string, at: number, of: number, switched: boolean, next?: { step: number; at: number }, name?: string, brief = false) =>
    of > 1 ? `${title}: ${switched && !next ? 'now ' : ''}diagram ${at}${brief ? '' : ` of ${of}`}${name ? `, ${name}` : ''}${next ? `  Space runs step ${next.step}, on diagram ${next.at}` : ''}` : name ? `${title}: ${name}` : title,
  vanished: (what: 'shm' | 'msg' | 'sem', id: number) =>
    `${OBJECT_KIND.en[what]} ${id} is gone, and no step of this lesson removed it: something outside ipclab did (ipcrm or another program)`,
  statGone: 'IPC_STAT failed',
  focusGone: (shmid: number) => `segment ${shmid} is gone: the kernel freed it (at its last detach after IPC_RMID, or at IPC_RMID with nothing attached)`,
  traceEmpty: 'no calls yet: Space runs the first step',
  /** in place of the middle lines of a run of identical trace lines (a retry loop: the same call and
   *  result), between its first and last, which stay: how many it stands for, all told, and the time
   *  from the first to the last ("here": a window may start or end on it, one twin in view) */
  /** `call`: the folded lines' call, counted as calls (pass 11: "4 in 0.1 ms", 4 of what?); null: • lines */
  /** in plain words (issue 16: "× 2 more like the lines on either side: 4 msgsnd calls in 0.1 ms" was
   *  hard to read); × as the routine fold's (traceRoutine) marks lines not shown */
  /** `all` counts the alike run only, not the step's calls of that name (issue 16: "4 msgsnd calls in
   *  all" under a step that made 5, the fifth an EAGAIN) */
  /** which are shown said in place, the line above and the line below, so the count adds up on
   *  screen (s36: "2 shown" beside 3 msgsnd lines, the EAGAIN after the run among them) */
  traceFold: (more: number, all: number, call: string | null, span: string) => `× ${all} ${call === null ? 'lines' : `${call} calls`} alike within ${span}: 1 above, ${more} folded here, 1 below`,
  /** a run of a step's traceRoutine lines: how many, where they were shown whole, what each did */
  traceRoutine: (n: number, like: string, names: string) => `× ${n} lines ${like}: ${names}`,
  /** a routine line in words (a gloss under a call), as its fold line counts it among the names */
  traceRoutineNote: 'note',
  next: 'Next',
  noticeOfStep: (step: number) => `Notice (step ${step})`,
  /** on the bottom border of the pane while it is zoomed: the key that brings the lesson back, and what waits
   *  there (the notice of the step just run, a question) */
  zoomed: (key: string, notice: boolean, question: boolean) =>
    `${key}: back to the lesson${notice && question ? ' (a notice and a question wait there)' : notice ? ' (a notice waits there)' : question ? ' (a question waits there)' : ''}`,
  /** the status line after a question's key pressed while the question was hidden (zoomed, or behind
   *  Enter): the key brought it into view and did nothing else (store/turn.ts showHiddenQuestion) */
  questionShownFirst: (what: 'answer' | 'skip' | 'hint' | 'run', key: string) =>
    what === 'run'
      ? `${key} showed the hidden question; answer it, then ${key} runs the step`
      : `${key} showed the question first, as it was hidden; ${key} again ${what === 'answer' ? 'answers it' : what === 'skip' ? 'skips it' : 'shows its hint'}`,
  /** the status line after Space, zoomed over a step whose text was hidden (store/turn.ts zoomHidesText):
   *  the zoom ended to show it (`step` null: the lesson's end), nothing ran */
  zoomShowsText: (key: string, step: number | null) =>
    step === null ? `zoom ended to show the lesson's end; ${key} goes on once read` : `zoom ended to show step ${step}'s text; ${key} runs it once read`,
  /** the status line while zoomed, once a step ran since z: its notice is hidden with the lesson */
  zoomedRan: (key: string, step: number, question: boolean) =>
    `step ${step} ran: its notice${question ? ' and a question are' : ' is'} in the lesson; ${key} shows ${question ? 'them' : 'it'}`,
  /** the notice of a step run with the learner's values: the lesson goes on with its own (`values`), and the notice says what they show */
  noticeLessonValues: (values: string, step: number) => `Step ${step}: after yours, the lesson ran its own values${values ? ` (${values})` : ''}; they show`,
  /** the notice of a step whose learner's values stay in the kernel (the lesson's own are said, not run) */
  noticeLessonWould: (values: string, step: number) => `Step ${step}, the lesson's own${values ? ` (${values})` : ''} would show`,
  /** in the lesson pane, the lead of a line on what the learner's values did at a step (the trace's "Your values: ", which its step heading names) */
  yourValuesLead: 'Your values: ',
  stepYourValues: (step: number) => `Step ${step}, your values: `,
  /** the lead of another line about a run step under it in the lesson pane (the lesson set its own values back) */
  stepSaid: (step: number) => `Step ${step}: `,
  /** after "step N" in the trace's heading of a step run with the learner's values */
  /** the trace's heading of a step run with the learner's values: what ran, not the step's title (which names the lesson's) */
  traceYourValues: (step: string, values: string) => `${step} with your values: ${values}`,
  problems: 'Did not behave as expected',
  problemsWayOut: (key: string) => `. ${key} resets the lesson (removing what it made) to run it again`,
  notRunYet: (step: number) => `(not run yet: steps run in order; Space runs step ${step})`,
  /** checkpoints and the end-of-lesson check (the labels Predict / The run gave are shared) */
  /** under a checkpoint before its step runs, worded as checkKeys and the key bar; `chosen` (1-based) once a choice is made */
  /** `hint`: the key that shows the hint, until it is shown */
  /** `earlier`: the verdict on an answer given on an earlier run of the step, which a run
   *  without a choice keeps and a new choice does not replace (the first try counts) */
  /** `yours`: the learner's values are kept for the step: Space runs them, as it runs the lesson's.
   *  Enter runs as Space does (keymap 'run'): the hint names both. One row at 48 cells: a
   *  first Space with no choice asks, and its bar says a second runs unanswered */
  quizKeys: (n: number, skip: string, chosen?: number, hint?: string, earlier?: 'right' | 'wrong', yours?: boolean) =>
    `1-${n} answer  ${skip} skip  ${hint ? `${hint} hint  ` : ''}${
      chosen === undefined
        ? earlier
          ? `Space/Enter runs (no choice: your earlier answer, ${earlier}, stands)`
          : yours
            ? 'Space/Enter runs yours'
            : 'Space/Enter runs'
        : `Space/Enter runs; your answer: ${chosen}${earlier ? ` (your first, ${earlier}, is the one counted)` : ''}`
    }`,
  /** after a re-run whose answer differs from the first, which the menu keeps */
  quizFirstCounts: (first: 'right' | 'wrong') => `Your first answer, ${first}, is the one the menu counts.`,
  quizChosen: 'your choice',
  /** the learner's choice as the list shows it, "1) 0" (a bare 1 reads as the value 1 when the
   *  choices are numbers), then the verdict as a sentence of its own (a choice may hold a colon) */
  /** `beforeJump`: the choice made before an erratum's jump back within the lesson, whose
   *  verdict is the one kept (one verdict form on both paths) */
  quizRight: (choice: string, beforeJump = false) => `${beforeJump ? 'Before the jump you chose' : 'You chose'} ${choice}. Right.`,
  /** with the choice's whyNot when it has one (Choice.whyNot): why it is not the answer here */
  quizWrong: (choice: string, whyNot?: string, beforeJump = false) =>
    `${beforeJump ? 'Before the jump you chose' : 'You chose'} ${choice}. ${whyNot ? `${SHARED.en.notHere}${SHARED.en.colon}${whyNot}` : 'Not quite.'}`,
  /** a replayed step: the learner's answer was given on an earlier run, and kept (the
   *  progress file keeps the verdict only, not the choice) */
  quizEarlier: (right: boolean) => `Your answer on an earlier run was ${right ? 'right' : 'wrong'}.`,
  quizSkipped: 'Skipped.',
  /** a step run on the way to where the learner was taken (a resume, an erratum's jump): its question was not asked */
  quizNotAsked: 'Not asked (run on the way here; not counted).',
  /** after the right choice of a question not asked, which is listed with no ✓ (not answered right) */
  quizTheAnswer: '← the answer',
  quizHint: 'Hint',
  /** under the open form once its values differ, one rule in one phrasing: the run the question
   *  is about is graded. A step whose learner's values stay in the kernel (Turn.yoursStay: shmctl's
   *  IPC_SET) runs only theirs, and says why; every other runs the lesson's own right after them */
  quizGradedYours: "Your prediction is graded on your run, the step's only one: your change stays in the kernel, and the lesson's own run after it would undo it; the question fits any values.",
  quizGradedOwn: "Your prediction is graded on the lesson's own run, right after yours: the question is about its values.",
  quizAnswerFirst: (n: number, skip: string, run: string) => `answer the question first (1-${n}, or ${skip} skips); then ${run} runs your values`,
  quizReveal: (key: string) => `The class votes; ${key} reveals what the run gave.`,
  checkTitle: (k: number, n: number) => `Check ${k}/${n}`,
  checkKeys: (n: number, skip: string) => `1-${n} answer  ${skip} skip`,
  /** the check's score, by the menu's rule: right of answered, the skipped apart (progress.ts scoreOf) */
  checkScore: (right: number, answered: number, skipped: number) => `Check: ${right} right of ${answered} answered${skipped ? `, ${skipped} skipped` : ''}.`,
  /** under checkScore where the check's record (the menu's) is better than this run: it stands, a skip
   *  or a worse answer does not lower it (store/quiz.ts keepsCheck); one row at 80 columns */
  checkKept: (right: number, answered: number) => `Your record stands: ${right} right of ${answered} answered, as the menu shows.`,
  checkAnswer: 'Answer',
  endOfLesson: 'End of the lesson.',
  /** `last`: no lesson comes next, Space shows the closing screen (what was done in all of them) */
  /** c alone shows the code in the small pane of a small screen: z, named, fills the screen with it (fix24a#5) */
  endHint: (last: boolean) => `c shows the C code of what you did, z zooms it; →\u00a0or Enter ${last ? 'finishes: a summary of all the lessons' : 'opens the next lesson'}.`,
  closingTitle: 'The end',
  /** the closing screen's first words: what the learner really did (`whole` of `of` lessons run to their end) */
  closingHead: (whole: number, of: number) =>
    whole === of
      ? 'You ran every lesson live against the kernel. System V IPC in four parts, each with its calls in order; beside each lesson, what you did in it.'
      : `The course covers System V IPC in four parts, each with its calls in order; beside each lesson, what you did in it (you ran ${whole} of ${of} lessons to their end).`,
  /** the lessons the closing screen's parts do not name */
  closingOthers: 'Other lessons',
  closingSteps: (ran: number, of: number) => `${ran}/${of} steps`,
  /** `answered`: right or wrong; the skipped and the not graded (run with the learner's values) are said apart */
  closingScore: (right: number, answered: number, skipped: number, aside: number, check: { right: number; answered: number; skipped: number } | null) =>
    `, ${right}/${answered} predictions right${skipped ? `, ${skipped} skipped` : ''}${aside ? `, ${aside} not graded` : ''}${check ? `, check ${check.right}/${check.answered}${check.skipped ? ` (${check.skipped} skipped)` : ''}` : ''}`,
  closingClean: 'The kernel holds no object made by this run or by another ipclab run with your state folder now (segment, queue or semaphore set): every one was removed.',
  closingLeft: (n: number) =>
    `The kernel still holds ${n === 1 ? '1 object' : `${n} objects`} made by this run or by another ipclab run with your state folder; q removes what this run made.`,
  loadingFlow: 'drawing the flow…',
  noDiagram: 'no diagram for this step',
  codeMissing: (file: string) => `examples/c/${file} is not in this copy of ipclab`,
  /** the C pane's last row while a question is unanswered: the lines from its step's on are held back */
  codeRestHeld: (step: number) => `(the rest shows after step ${step}'s question)`,
  /** the C pane's title, one form everywhere: which file, which of the lesson's files (f goes
   *  on), whose line is lit (null: none, the step has no line in this file) */
  /** the C pane's title after its label, longest first: what is dropped first goes first, so
   *  the one that fits is whole. Of several files, which of how many is kept to the last, as f
   *  goes through them (fix18f#6: at 120x34 it went first, "clnt.c · step 5"); of one, it goes first.
   *  `held`: the lit step's lines are held back for its question, so the lines in view are others' */
  codeTitles: (file: string, n: number, of: number, lit: number | null, held = false) => {
    const line = lit === null ? 'no line lit' : held ? `step ${lit}'s line after its question` : `line of step ${lit}`;
    const short = lit === null ? 'no line lit' : held ? `step ${lit}'s after question` : `step ${lit}`;
    const which = `${file} (file ${n}/${of})`;
    return of > 1 ? [`${which} · ${line}`, `${which} · ${short}`, which, file] : [`${which} · ${line}`, `${file} · ${line}`, `${file} · ${short}`, file];
  },
  codeOneFile: 'only one C file in this lesson',
  /** h where no question's hint can show: why (`step` the one shown, `next` the one Space runs) */
  hintWhyNot: (key: string, why: HintWhyNot, step: number, next: number) =>
    why === 'later'
      ? `${key}: step ${step}'s question and hint come when it is next (Space runs step ${next} now)`
      : why === 'ran'
        ? `${key}: step ${step} already ran: its answer and why are in the lesson text`
        : why === 'end'
          ? `${key}: no hints at the end of the lesson (the check has none)`
          : why === 'off'
            ? `${key}: no questions are asked (--no-quiz), so there are no hints`
            : `${key}: step ${step} asks no question, so there is no hint`,
  /** a key that does nothing where the learner is says why (one rule for every key): a digit
   *  past a question's choices, x or a digit with no question open, v with nothing to reveal,
   *  a key that is no key of the screen */
  chooseRange: (digit: string, choices: number) => `${digit}: choose 1-${choices}`,
  noQuestion: (key: string) => `${key}: no question is open (a step asks before Space runs it)`,
  noReveal: (key: string) => `${key}: nothing to reveal (only in projector mode, --present, after the vote)`,
  noKey: (key: string, help: string) => `${key} does nothing here; ${help} lists the keys`,
  /** keys in one read after the one that ran a step (or brought its question, its rest), not used
   *  (store/run.ts keysBegin): `spaces` all of them Spaces, `shown` the step on screen now (null: past the last) */
  keysDropped: (n: number, spaces: boolean, shown: number | null, space: string) =>
    `${n === 1 ? (spaces ? 'a second Space' : '1 more key') : `${n} more ${spaces ? 'Spaces' : 'keys'}`} pressed at once not used; ${onScreenEn(shown, space)}`,
  /** keys pressed while step `ran` ran (null: a lesson opened; 'reset': r reset it): not used
   *  (store/run.ts runStep, moveWaits); `key`: the one key they all were (Space, →, ←), null for several kinds */
  keysWhileRunning: (n: number, key: string | null, ran: Running, shown: number | null, space: string) =>
    `${n === 1 ? (key ?? '1 key') : key === 'Space' ? `${n} Spaces` : key ? `${key} ${n} times` : `${n} keys`} during ${ran === null ? 'the lesson\'s opening' : ran === 'reset' ? 'the reset' : `step ${ran}'s run`} not used; ${onScreenEn(shown, space)}`,
  /** keys in one read after the one that closed a your-turn form: typed for the form, not used (store/run.ts formClosed) */
  keysAfterForm: (n: number) => `${n === 1 ? '1 key' : `${n} keys`} typed after the form closed not used (meant for the form)`,
  /** on the C pane's bottom border at a small terminal: that it scrolls and zooms */
  codeKeys: (scroll: string, zoom: string) => `${scroll} scroll · ${zoom} zoom`,
  resumed: (lesson: string, steps: number) => `resumed ${lesson}: re-ran ${steps === 1 ? 'step 1 to rebuild what it' : `steps 1–${steps} to rebuild what they`} made`,
  resuming: (steps: number) => `resuming: re-running ${steps} step(s) to rebuild the kernel state…`,
  /** the instruction before the reason, which may be long: a cut status line loses only the reason's end */
  resumeFailed: (step: number, why: string) => `resume stopped at step ${step} (r resets the lesson): ${why}`,
  restarted: (lesson: number) => `progress forgotten: starting over at lesson ${lesson}`,
  /** while a step runs: the keys that wait for its end, said now (issue 16: at 80x24 a tester saw
   *  "running…" alone and took the keys for lost; "keys pressed now are not used" then over-claimed,
   *  a Tab read as lost: the keys that change the view act at once); after the run keysWhileRunning
   *  says those pressed */
  running: 'running… Space, ← →, r: press them after it ends',
  opening: 'opening the lesson: reading the kernel…',
  resetting: 'resetting: removing what the lesson made…',
  resetDone: 'lesson reset: what it made is removed; your answers and score stand',
  /** the first r: a second resets (fix14f#5); Esc or any other key keeps the lesson. The key
   *  bar names those keys (keyBarLine's waiting): this says only what a reset does (fix24a#4) */
  resetAsk: 'a reset removes what this lesson made; your answers and score stay',
  /** the first Space at a question with no answer picked: a second runs the step (fix14f#1) */
  runUnanswered: 'no answer picked: Space again runs without one (not counted)',
  /** the same at a question of the end-of-lesson check (fix24a#1): a second Space leaves the check, its open questions skipped */
  checkSpace: (choices: number, skip: string) => `Space skips no question: 1-${choices} answers it, ${skip} skips it`,
  lessonEndKeys: (space: string, next: string, last: boolean) => `end of the lesson: ${next} or Enter ${last ? 'finishes' : 'opens the next lesson'}; ${space} goes no further`,
  /** a digit or x that came before its question was on screen (with the key that brought it, or
   *  within CHECK_READ_MS of a check's question: fix14f#2, issue 16 "21"): not taken (store/quiz.ts) */
  keyHeld: (key: string, q: { step: number } | { check: number }) =>
    `${key} not taken: read ${'step' in q ? `step ${q.step}'s question` : `check question ${q.check}`} first, then answer`,
  /** Esc after a key that asked: nothing done */
  confirmCancelled: (asked: 'run' | 'reset') => (asked === 'reset' ? 'not reset: the lesson stays as it is' : 'not run: a digit answers, x skips'),
  rerunning: (step: number) => `re-running step ${step}: the lesson reset${step > 1 ? `, ${stepsBefore(step)} run again` : ''}…`,
  /** entering review of a step (←, →): what Space does there, before it is pressed */
  reviewRerun: (step: number) => `Space re-runs step ${step}: ${step > 2 ? `resets the lesson, runs steps 1-${step - 1} again first` : step === 2 ? 'resets the lesson, runs step 1 again first' : 'resets the lesson first'}`,
  /** the text of the step being re-run, while the steps before it run again (in place of "not run yet") */
  rerunText: (step: number, done: number) =>
    `(re-running step ${step}: the lesson was reset${step === 1 ? '' : `; ${done ? `so far ${done} of the ${step - 1} steps before it ran again` : `${stepsBefore(step)} run again first`}`})`,
  /** a re-run stopped before its step, whose question was never answered: asked now */
  rerunAsks: (step: number) => `step ${step}: the lesson rebuilt up to it; answer its question, then Space runs it`,
  /** worded by case: step 1 has no steps before it */
  rerun: (step: number) => `step ${step} ran again, after a reset${step > 1 ? ` and ${stepsBefore(step)}` : ''}`,
  /** a run showed the pane its result is in (src/lessons/result-pane.ts), in place of the one shown */
  resultShown: (step: number, pane: string) => `step ${step}'s result: ${pane} pane shown`,
  /** a run's result in a pane other than the one the learner chose while it ran, which stays */
  resultElsewhere: (step: number, pane: string) => `step ${step}'s result is in the ${pane} pane; the pane you chose stays`,
  /** a result that needs two panes (Step.alsoIn): the pane shown, and what the other holds */
  resultAlso: (step: number, pane: string, other: string, shows: Text) => `step ${step}'s result: ${pane} pane shown; ${other}: ${shows.en}`,
  rerunFailed: (step: number, at: number, why: string) => `step ${step} cannot run again: step ${at} failed on the way (r resets the lesson): ${why}`,
  quitting: 'cleaning up…',
  /** printed on the terminal once the screen is given back after q: what the cleanup removed */
  quitReport: (removed: Held, left: Held) => {
    const gone = heldEn(removed);
    const still = heldEn(left);
    // `left` counts every ipclab run's objects this state folder knows: say so, not "none of ipclab's"
    return `${gone ? `removed ${gone}` : 'nothing to remove'}; ${still ? `still in the kernel, made by ipclab: ${still} (ipclab clean removes what ended runs left)` : 'nothing of this run\'s left in the kernel'}`;
  },
  quittingHelpers: 'cleaning up: ending the helper processes (SIGCONT, SIGTERM, then SIGKILL)…',
  stepFailed: (why: string) => `a call failed unexpectedly: ${why}`,
  more: (n: number) => `${n} more`,
  /** the step list's sign for the steps out of its window (`arrow` ↑ above, ↓ below): a count
   *  of steps, worded so that it never reads as a step's number (issue 16: "↑3" did) */
  stepsHidden: (n: number, arrow: string) => `${n} more ${arrow}`,
  /** beside a flow's "more" sign when lit lines are there */
  litAbove: '· lit above',
  litBelow: '· lit below',
  /** part of the lit path is in view and it goes on past the pane's edge */
  litGoesOnAbove: '· lit goes on above',
  litGoesOnBelow: '· lit goes on below',
  /** the same where z shows more of the lit part (`zoom`: z's words, or its keys alone where
   *  the words would push the diagram's name off the border: issue 16 pass 12; FlowPane) */
  litGoesOnZoom: (below: boolean, zoom: string) => `· lit goes on ${below ? 'below' : 'above'} · ${zoom}`,
  /** what z shows of a lit part taller than even the zoomed pane (FlowPane) */
  zoomMoreLit: (key: string) => `${key}: more of it`,
  /** beside the Trace's "more" sign when the result of the step shown is cut there (trace-view.ts resultCut) */
  resultGoesOnAbove: (step: number, zoom = '') => `(step ${step}'s result goes on above${zoom ? `; ${zoom}` : ''})`,
  resultGoesOnBelow: (step: number, zoom = '') => `(step ${step}'s result goes on below${zoom ? `; ${zoom}` : ''})`,
  /** beside the Trace's "more" sign where the step's part is cut: what z shows of it (trace-view.ts zoomShows):
   *  the result the sign says goes on, whole; the step's part whole; more of it */
  zoomWhole: (key: string) => `${key}: whole`,
  zoomStepWhole: (key: string, step: number) => `${key}: step ${step} whole`,
  zoomMore: (key: string, step: number) => `${key}: more of step ${step}`,
  /** the short form of zoomStepWhole and zoomMore, where the full one would cut the Trace's title
   *  ("Trace · step 1" became "Trace ·…" beside the full hint at 80 columns: issue 16, nc3) */
  zoomStep: (key: string, step: number) => `${key}: step ${step}`,
  /** beside the zoomed Trace's "more" signs: what the next page (PgUp, PgDn) brings into view,
   *  more of the step the window is in, else the steps it reaches (trace-view.ts pageShows) */
  pageMore: (key: string, step: number) => `${key}: more of step ${step}`,
  pageSteps: (key: string, first: number, last: number) => (first === last ? `${key}: step ${first}` : `${key}: steps ${first}-${last}`),
  /** side by side, the Trace not in focus: z zooms the pane in focus, so the Tabs that bring the
   *  focus to the Trace come first, counted from the focus (trace-view.ts tabsToTrace: from the
   *  Flow two; "Tab here" was one, and z zoomed the Kernel: issue 16 pass 6) */
  focusThen: (key: string, tabs: number) => `${Array(Math.max(1, tabs)).fill('Tab').join(' ')}, then ${key}`,
  /** side by side, the Flow not in focus: Tab until it is, then z (not counted: "Tab Tab Tab,
   *  then z" was hard to follow, issue 16) */
  toFlowThen: (key: string) => `Tab to Flow, ${key}`,
  /** a note beside a pane's "more" sign, in brackets */
  signNote: (note: string) => `(${note})`,
  /** What Space brings now, in one wording wherever it is named (issue 16 item 10: for one press the
   *  text's marker row said "more of step 2 + question", the border "step 2's text", the bar "step 2 +
   *  question"): the key bar (keymap.ts runLabel), the lesson pane's bottom border and its marker row
   *  (LessonPane spaceWords), the status line after keys not used (onScreen). `text`: more of step
   *  `step`'s text (store/turn.ts spaceShowsRest); `question`: its question, with it (fix27c#3) or
   *  alone (questionBehind). Short: the bar holds it at 80 columns. Each part of the pane has one
   *  name, on its borders and in its lines alike (issue 16): a step's text ("step N's text"), its
   *  question, a result (its notice's heading, noticeOfStep), a check's question ("check k") */
  spaceBrings: (step: number, text: boolean, question: boolean) => (text && question ? `step ${step} + question` : question ? `step ${step}'s question` : `step ${step}'s text`),
  /** the same for the check's next question, behind Space under the verdict on the one before */
  spaceCheck: (k: number, n: number) => `check ${k}/${n}`,
  /** a border naming Space and what it brings ("Space: step 2 + question") */
  spaceSays: (brings: string) => `Space: ${brings}`,
  /** on its top border when the result of the step just run is above, scrolled up to keep the open question in view */
  resultAbove: (step: number) => `PgUp: notice (step ${step})`,
  /** the same where PgUp lands on the check's question k (LessonPane aboveSign) */
  checkAbove: (k: number) => `PgUp: check ${k}`,
  /** the same where PgUp lands in the text of step `step` */
  textAbove: (step: number) => `PgUp: step ${step}'s text`,
  /** the same where PgUp lands on the notice of step `notice` and the window opens inside the text of step `step` under it */
  resultTextAbove: (notice: number, step: number) => `PgUp: notice (step ${notice}), step ${step}'s text`,
  /** the row under the lesson pane's title where the window opens inside the shown step's text,
   *  its first `rows` rows above (LessonPane borderOf): the row under it never reads as its start (issue 16) */
  stepTextAbove: (step: number, rows: number) => `↑ ${rows} ${rows === 1 ? 'line' : 'lines'} of step ${step}'s text above (PgUp)`,
  /** the same where PgUp lands on the lesson's end (endOfLesson, the text's first row there) */
  endAbove: 'PgUp: end of the lesson',
  /** the marker row pinned under the text (LessonPane): Space and what it brings, as spaceSays
   *  (one key named, though Enter does the same: fix20a#2); where the step's words are cut, said
   *  there, so a cut sentence never reads as finished (fix20a#1) */
  spaceMarker: (brings: string) => `▸ Space: ${brings}`,
  pid: 'pid',
  /** the tab bar's label before the lesson's processes and their state (fix18f#3: "server 7977
   *  (ended)" after the tabs read as more tabs, or as nothing said); short where the long does not fit */
  pids: 'this lesson\'s processes',
  pidsShort: 'processes',
  /** status-line hints of the keys a pane has beside scrolling */
  pickHint: 's focus',
  fileHint: 'f file',
  role: 'role',
  attached: 'attached',
  /** a process's wchan when it sleeps nowhere: /proc/PID/wchan reads 0 while it runs */
  wchanRunning: '0 (running)',
  alive: 'alive',
  /** after the pid of a process that is gone */
  ended: ' (ended)',
  /** a process on the tab bar where its "pids:" label does not fit: says the number is a pid */
  pidOf: (role: string, pid: string) => `${role} pid ${pid}`,
  /** in place of the aside of the step just run, where the pane needs its rows for the next step
   *  and its question: it is there, and the key that shows it in place (issue 16: shmdt 3's went
   *  unsaid; then "shown back at step N; ? says how" sent newcomers to help, item 16) */
  asideFolded: (key: string) => `${key} shows it`,
  /** the status line on the screen where the tab bar first shows the lesson's processes (StatusLine,
   *  TabBar useTabBarPids): "lesson pid 12513 + 1 ended" was explained only by the Kernel pane's
   *  table, two steps later (issue 16); the glossary's pid entry says more */
  tabPids: 'lesson pid = ipclab itself; + N alive/ended = processes its steps started',
  /** beside "↑ n more" where a showed the aside and the open question below left it no row: it is up there */
  asideAbove: 'PgUp: how ipclab does this',
  /** a: what it did, on the status line (issue 16: a did nothing in view in review of race 4, its
   *  aside below the window, and nothing said at a lesson's end): the aside brought into view, put back */
  asideInView: (key: string, step: number) => `step ${step}'s "How ipclab does this" unfolded (PgUp if above); ${key} folds it`,
  asideBack: (key: string) => `"How ipclab does this" put back; ${key} shows it again`,
  /** a where the step shown (`step`; null: the lesson's end) has no aside */
  asideNone: (key: string, step: number | null) => `${key} does nothing here: ${step === null ? "the lesson's end has" : `step ${step} has`} no "How ipclab does this"`,
  /** a before the step shown has run: a step's aside comes under its result */
  asideLater: (key: string) => `${key} does nothing yet: a step's "How ipclab does this" comes with its result`,
  /** after the lesson process's pid on the tab bar, its role in a lesson that names one */
  lessonRole: (role: string) => ` (the ${role})`,
  /** the Kernel pane's ended processes after its table (each as pidOf names it): its lead, then the separator between names */
  endedLead: 'ended: ',
  endedSep: ', ',
  /** the Kernel pane's processes alive, as one line where their table would leave blank rows (kernel-view processLines) */
  aliveLead: 'alive: ',
  /** the processes after the lesson's own on the tab bar, counted by state: "+ 2 alive, 1 ended". Each count
   *  names what it counts: "+ 3 more, ended" read as if all had ended, the lesson's own too, and in "+ 2 more,
   *  1 alive" the two figures read as two sets (pass 12, issue 16). "alive", the Kernel pane's column, not
   *  "running": a process asleep in semop is not running by the kernel's word (issue 16). The Kernel tab lists
   *  each; "others" would not fit 80 columns beside "lesson pid 23561" */
  morePids: (alive: number, ended: number, tab: string | null) => {
    const count = `+ ${[alive > 0 ? `${alive} alive` : '', ended > 0 ? `${ended} ended` : ''].filter(Boolean).join(', ')}`;
    return tab === null ? count : `${count} (see ${tab})`;
  },
  /** between the items of a list in running text */
  listSep: ', ',
  /** between a step's problems */
  problemSep: '; ',
  yes: 'yes',
  no: 'no',
  notInstalled: 'not installed',
  returnsOnlyOnFailure: 'returns only if it fails',
  playTitle: 'playground',
  /** the playground's first line, opened from a lesson whose calls it lacks (msg, sem, race) */
  playShmOnly: (calls: string, lesson: number, name: string) => `The playground has shared-memory calls only (${calls}), not those of lesson ${lesson} (${name}).`,
  markPlay: 'the playground',
  playNoFocus: 'no segment of the playground\'s own yet: shmget makes one',
  playDumpNone: 'not attached here: shmat shows its bytes (an attach changes nattch)',
  markChangedPlay: (n: number | null) => (n === null ? 'changed' : `changed by statement ${n}`),
  markGonePlay: (n: number | null) => (n === null ? 'removed' : `removed by statement ${n}`),
  markNewPlay: (n: number | null) => (n === null ? 'new' : `new in statement ${n}`),
  markNothingPlay: (n: number) => `statement ${n} changed nothing`,
  markElsewherePlay: (n: number, object: string, what: string, where: Elsewhere) => `statement ${n} changed ${object} ${what} (${ELSEWHERE.en[where]})`,
  playTranscript: 'Playground: type a call, Enter runs',
  /** the transcript's title where the whole one has no room (a scroll sign beside it): shorter, then the name alone */
  playTranscriptShort: 'Playground: Enter runs',
  playTranscriptBare: 'Playground',
  playEmpty: 'Type a statement and press Enter, e.g. id = shmget(IPC_PRIVATE, 4096, 0600). Tab completes; help lists the statements; Ctrl-G the keys.',
  /** the title bar: statements that did something (src/play/count.ts; help says the rule) */
  playStatements: (n: number) => `${n} statement${n === 1 ? '' : 's'} worked`,
  playPar: (used: number, par: number) => `${used} worked, par ${par}`,
  playWaiting: (n: number) => `${n} line(s) waiting to run…`,
  playRunningB: 'running in b… (the first @b starts process b: a second or two)',
  playCtrlC: 'line cleared; Ctrl-C again quits (removing what the playground made)',
  playNoSession: (why: string) => `the playground could not start: ${why}`,
  /** on leaving the playground with something of it still in the kernel */
  playKept: "the playground's segments and mappings stay until quit; : goes back to them",
  challenge: 'Challenge',
  challengeGoal: 'Goal',
  challengePicture: 'what to reach:',
  challengeSolved: (used: number, par: number) => `Solved in ${used} counted statement(s) (par ${par})${used > par ? `: ${used - par} over par; it can be done in ${par}` : used < par ? ': under par!' : ': at par'}`,
  challengeMissing: 'Still missing:',
  challengeHint: (n: number) => `Hint ${n}:`,
  challengeHints: (shown: number, all: number) => `hints ${shown}/${all}: type hint for one more, solution for the answer`,
  tooSmall: (need: string, have: string) => `ipclab needs a terminal of at least ${need}; this one is ${have}. Make it larger, or q quits.`,
  // the status line after a run whose part the Trace cuts, until z was used once (TracePane's traceCut);
  // the pane's height in brackets: "beyond the Trace's 7 rows" was read as 7 rows too many (the border said 11 more)
  // `key`: what to press, z or, side by side with another pane in focus, the Tabs first (focusThen)
  traceCutHint: (step: number, shows: 'result' | 'part' | 'more', rows: number, key: string) =>
    `step ${step}${shows === 'result' ? "'s result" : ''} is longer than the Trace (${rows} rows): ${key} shows ${shows === 'more' ? 'more of it' : 'it whole'}`,
  /** the Kernel pane says what its own keys do where the status line names them (issue 16:
   *  "[ ] bytes  } non-zero" and "s focus" were explained only in the help): after the
   *  legend's marks, s while it moves the focus, [ ] } while they page the bytes; '' where
   *  the keys do nothing (the playground); each key kept on a line with its words (\u00a0) */
  pickKeyWords: 's:\u00a0focus\u00a0the\u00a0next\u00a0segment',
  dumpKeyWords: DUMP_KEYS.en,
  /** the legend's word for a row with no owner mark (ipcs lists every user's; overview 3 showed
   *  them unmarked, unexplained): only what is known, no run recorded here made it -- another
   *  user's ipclab or one with another state folder makes such rows too (issue 16) */
  markOthers: 'unmarked: no run recorded here made it',
  /** after the title of the pane in focus, side by side (Panel): plain text, seen without colour */
  focusMark: '[focus]',
  /** the status line's right side by side: the pane in focus (the one ↑↓ and z act on) and what Tab does */
  focusOn: (pane: string) => `focus: ${pane}`,
  tabNext: 'next pane',
  /** the status line on the screen where the step list first shows a mark that says nothing by
   *  itself (StatusLine; issue 16: ✎ and "+3↑" were explained only in ? and the glossary) */
  listMarkAsks: (mark: string) => `${mark} a step that asks you to predict first`,
  /** ✓, said where the list first shows it as ✎ and ≠ are (issue 16, s35g#7: explained only in ?) */
  listMarkDone: (mark: string) => `${mark} a step that ran`,
  /** ≠ with the steps it marks (`steps`, 1-based): said beside another step's result, a bare "≠ ran,
   *  your prediction was wrong" read as about that step (issue 16 item 13) */
  listMarkMissed: (mark: string, steps: readonly number[]) => `${mark} step${steps.length === 1 ? '' : 's'} ${steps.join(', ')} ran, your prediction was wrong`,
  listMarkBad: (mark: string) => `${mark} did not behave as expected`,
  listMarkHidden: (n: number, arrow: string) => `+${n}${arrow} ${n} more step${n === 1 ? '' : 's'} ${arrow === '↑' ? 'above' : 'below'}`,
  /** the segment's record's label where the Kernel pane cannot hold all its lines: short, so
   *  its first line under the table holds more fields (their order is one at every step) */
  statHeadShort: (_shmid: number) => 'record:',
  /** after the short record's fields where some are left out: said, never a silent drop (issue 16);
   *  it names the struct the record is and where the rest of it is ("… z: all fields" left a
   *  newcomer asking what the record was: issue 16, s36a#2) */
  recordMore: '… z: all of shmid_ds',
  /** its short form, where the step's changed fields leave no room for the words */
  recordMoreShort: '… (z)',
  /** in the short record, before the fields shown past the first left out that the lesson pane
   *  names and the step did not change (overview 4's lpid* stood where step 5 showed ctime, and
   *  nothing said why: issue 16); a changed one says why by its own mark ("changed:" before lpid*
   *  after an atime* that had none read as atime not changed: issue 16). Which text and why in
   *  one lead: "in the text:" named no text a newcomer knew, "named above:" was explained only in g,
   *  and "also: … (the text names them)" said neither what "also" added to nor which text (issue 16,
   *  s36a#2); the Lesson pane's title is "Lesson" (tests/app/kernel-record-rule.test.ts) */
  recordNamed: 'named in the lesson:',
  /** in the Kernel pane's legend, a column the last step brought (pane-words.ts LATER), with
   *  what it holds: a column appearing unsaid read as the table changing by no rule (issue 16) */
  columnNew: (head: string) => `new column ${head}: ${COLUMN_WORDS.en[head] ?? ''}`.replace(/: $/, ''),
  /** the same, by their headings alone, where their words would take the legend a line more */
  columnsNew: (heads: readonly string[]) => `new column${heads.length === 1 ? '' : 's'}: ${heads.join(', ')}`,
  /** after the record's label for a segment the step made: every field is new with it (", new:"
   *  said nothing of since when: issue 16, s26c#2) */
  recordNew: (step: number | null) => (step === null ? 'all new' : `all new in step ${step}`),
  /** its word after the short label ("record, new:"): "record, all new in step 1:" took a third of
   *  the line the fields need at 120x34 (issue 16); the legend right above names the step */
  recordNewShort: 'new',
  /** ▸ in the legend where the step moved the focus to a segment that was there before: the
   *  focus moved without s and nothing said why (shmget 5 to 6: issue 16, s26c#5) */
  focusStep: (step: number) => `step ${step} used it, details below`,
} as const;

export type Strings = { [K in keyof typeof EN]: (typeof EN)[K] extends (...a: infer A) => infer R ? (...a: A) => (R extends string ? string : R) : string };

const ZH: Strings = {
  ...SHARED.zh,
  lessonTitle: '课程',
  sentenceGap: '',
  flow: '流程',
  kernel: '内核',
  kernelWide: '内核（ipcs：ipclab 的对象）',
  trace: TERMS.trace.zh,
  code: 'C',
  codeWide: 'C 代码',
  step: '步骤',
  stepsHeading: '步骤',
  allSteps: '完成',
  menuTitle: '课程列表',
  errataTitle: '勘误：各课沿用的学习笔记写错的地方',
  proofAhead: (number: number, lesson: string, step: number) => `运行第 ${number} 课（${lesson}）第 ${step} 步，就能看到实际情况：按 Enter 前往。`,
  showsAhead: (number: number, lesson: string, steps: readonly number[]) => `第 ${number} 课（${lesson}）第 ${steps.join('、')} 步会演示结果。`,
  erratumReady: (id: string, step: number, from: { lesson: Text; step: number; same: boolean; done?: boolean } | null, unasked = 0) => {
    const way = step > 1 ? `；← 看先运行的第 ${step === 2 ? '1' : `1–${step - 1}`} 步` : '';
    return !from || (from.same && from.step <= step)
      ? unasked
        ? `${id}：按空格运行第 ${step} 步${way}（${unasked} 题未答：按空格重新运行）`
        : `${id}：按空格运行第 ${step} 步，现场演示${step > 1 ? `；路上运行的第 ${step === 2 ? '1' : `1–${step - 1}`} 步按 ← 可读` : ''}`
      : from.same
        ? `${id}：按空格运行第 ${step} 步（再一步一空格回到第 ${from.step} 步）${way}`
        : from.done
          ? `${id}：空格运行第 ${step} 步${way}。“${from.lesson.zh}”已完成（m）`
          : `${id}：空格运行第 ${step} 步${way}。m 回“${from.lesson.zh}”重新开始`;
  },
  erratumAsk: (id: string, lesson: Text, step: number, fromStep: number, same: boolean, atEnd = false, asks = 0, left = 0) =>
    same
      ? step === 1
        ? `${id}：再按 Enter 重置本课，回到第 1 步；按 Esc 留在${atEnd ? '本课结尾' : `第 ${fromStep} 步`}`
        : asks
          ? `${id}：再按 Enter 重置并重跑第 ${step === 2 ? '1' : `1–${step - 1}`} 步（其中的题跳过，不计分）；按 Esc 留下`
          : `${id}：再按 Enter 重置本课，重跑第 ${step === 2 ? '1' : `1–${step - 1}`} 步；按 Esc 留在${atEnd ? '本课结尾' : `第 ${fromStep} 步`}`
      : left
        ? `${id}：再按 Enter 去“${lesson.zh}”第 ${step} 步，当前课 ${left} 题没答；按 Esc 留下`
        : `${id}：再按 Enter 去“${lesson.zh}”第 ${step} 步（离开${atEnd ? '本课结尾' : `本课第 ${fromStep} 步`}）；按 Esc 留下`,
  leaveAsk: (left: number, lesson: Text) => `正在学的这一课还有 ${left} 题没答：再按 Enter 打开“${lesson.zh}”；按 Esc 留下`,
  leaveCancelled: '没有打开：你还在本课',
  erratumCancelled: (id: string) => `${id}：没有跳转，你还在原处；再按 Esc 关闭勘误`,
  jumpRunning: (lesson: Text, steps: number, to: number) => `正在运行“${lesson.zh}”的第 ${steps === 1 ? '1' : `1–${steps}`} 步，前往第 ${to} 步`,
  glossaryTitle: '术语表',
  glossaryLegend: '▶ 标出你所在的条目；按 ↑↓ 换到别的条目。',
  glossaryNewAt: (step: number) => `◂ 第 ${step} 步的新术语`,
  glossaryThisLesson: '── 本课 ──',
  glossaryOthers: '── 其他课程和屏幕 ──',
  glossaryFind: (query: string) => `术语表，查找：${query}_`,
  findStart: '/：输入要找的词；Enter 停在找到的条目（再按 n 下一个）；Esc 关闭术语表',
  findCount: (k: number, of: number) => `找到了：含有这个词的条目第 ${k} 个，共 ${of} 个；Enter 后按 n 下一个`,
  findKept: (k: number, of: number) => `含有这个词的条目第 ${k} 个，共 ${of} 个；n 下一个，/ 查新词`,
  findNoLast: 'n 跳到含有上次查找的词的下一个条目：先按 / 查找',
  findNone: '没有条目含有这个词；Backspace 删除，Esc 清空',
  findLong: (most: number) => `查找的词最多 ${most} 个字符；Backspace 删除`,
  newTerms: (terms: string, key: string, step?: number) => `新术语${step ? `（第 ${step} 步）` : ''}：${terms}（按 ${key} 查看术语表）`,
  termsIn: (terms: string, pane: TermPane) => `${TERM_PANE_ZH[pane]}窗格里的 ${terms}`,
  newTermsShort: (terms: string, key: string, step?: number) => `新术语${step ? `（第 ${step} 步）` : ''}：${terms}（${key}）`,
  termGroupGap: '；',
  termsEarlier: (lessons: string, _one: boolean, count: number, key: string) => `你还没学的第 ${lessons} 课里的术语：${count} 个，按 ${key} 列出`,
  termsEarlierShort: (lessons: string, _one: boolean, count: number, key: string) => `你还没学的第 ${lessons} 课里的术语：${count} 个（${key}）`,
  lessonSpan: (from: number, to: number) => `${from}–${to}`,
  glossaryFromLesson: (lesson: number, name: string) => `◂ 第 ${lesson} 课（${name}）的术语`,
  yourTurn: '轮到你',
  turnSpaceOwn: (values: string) => `空格：本课自己的取值（${values}）。`,
  turnSpaceYours: (values: string, stay: boolean) => (stay ? `空格：你的取值（${values}）。` : `空格：先用你的取值（${values}），再用本课自己的。`),
  turnY: (edit: string, yours: string) => `${edit}：${yours}。`,
  turnYours: (labels: readonly string[], stay: boolean) => (stay ? `改用你的（${labels.join('、')}），并留给后面的步骤` : `先用你的（${labels.join('、')}），再用本课的`),
  turnYChange: (fields: number) => (fields === 1 ? '修改它' : '修改它们'),
  turnValue: (label: string, value: string) => `${label} = ${value}`,
  quoted: (text: string) => `“${text}”`,
  turnEditing: (next: string, waits = false, fields = 2) =>
    `${fields > 1 ? `${next}/↑↓ 换字段 · ` : ''}Enter ${waits ? '保留这些值（先回答问题，再按空格用它们运行）' : '用这些值运行'} · Esc 取消（不运行，恢复课程的取值）`,
  turnTyping: '输入插在光标处 · ← → Home End 移动光标 · Backspace Del 删除 · Ctrl-U 删掉光标前的全部',
  turnPick: '按 ← → 选择取值',
  turnChoiceTyped: (label: Text) => `${label.zh}：是选项，不能输入；按 ← → 选择取值`,
  turnKeyHeld: (leave: string) => `按键正由表单接收：按 ${leave} 离开表单，课程的按键即可恢复`,
  turnOneChar: '一个 ASCII 字符（字母、数字或符号），或一个整数，不能为 0',
  turnChoices: (labels: string[]) => `← → 选择：${orListZh(labels)}`,
  turnFlags: (names: string[], mode: string | null) =>
    mode === null ? (names.length === 1 ? `0 或 ${names[0]}` : `0，或 ${orListZh(names)}；多个标志用 | 组合`) : names.length ? `${names.join('、')}，以及不超过 ${mode} 的八进制权限；用 | 组合` : `不超过 ${mode} 的八进制权限`,
  turnNone: (edit: string, step: number | null, where: readonly string[], had: boolean) =>
    step === null
      ? `${edit}：${had ? '本课后面没有表单了' : '本课没有表单'}${where.length ? `（表单在 ${where.join('、')}）` : ''}`
      : `${edit}：这一步没有可修改的取值；第 ${step} 步可以按 ${edit} 修改`,
  turnReview: (edit: string, step: number) => `${edit}：你在回看前面的步骤；回到第 ${step} 步（→）才能修改它运行时的取值`,
  turnAhead: (edit: string, step: number, form: number) =>
    step === form
      ? `${edit}：第 ${step} 步还没有运行：请先运行它前面的步骤`
      : `${edit}：第 ${step} 步没有表单；第 ${form} 步有：请先运行它前面的步骤`,
  turnAheadBack: (edit: string, form: number) => `${edit}：你在往后看；表单在下一个要运行的第 ${form} 步：回到那里（←）`,
  turnRan: (edit: string, step: number, reset: string) => `${edit}：第 ${step} 步已经运行过；要修改它的取值，按 ${reset} 重置本课`,
  turnBytes: (n: number) => `最多 ${n} 字节`,
  turnNumber: (min: number, max: number, unit: string) => `${min}–${max}${unit ? `（${unit}）` : ''}，十进制或 0x 开头的十六进制`,
  turnChars: (n: number) => `最多 ${n} 个字符`,
  turnRefused: (label: string, limit: string, taken: number, of: number, one: string) =>
    of === 1 ? `${label}：“${one}”没有输入进去；这一栏${limit}` : `${label}：${of} 个字符只收下了 ${taken} 个；这一栏${limit}`,
  turnHelp: (limits: string, help: string) => `${limits}；${help}`,
  helpTitle: '按键（按任意键关闭帮助）',
  helpMarks: (m: { asks: string; done: string; missed: string; bad: string; here: string }) =>
    `步骤：${m.asks} 先请你预测  ${m.done} 已运行  ${m.missed} 预测错了  ${m.bad} 不符合预期  ${m.here} 正在显示`,
  inLists: '菜单、勘误、术语表中',
  alsoKeys: (help: string, keys: string) => `${help}（或 ${keys}）`,
  startOver: '从头开始（清除进度，回到第 1 课）',
  startOverConfirm: '再按一次 Enter：清除全部进度，回到第 1 课（按 Esc 保留）',
  menuPredicted: '预测',
  menuCheck: '小测',
  menuLessonTitle: '课程',
  menuMarks: (cursor: string, open: string, done: string) => `标记：${cursor} 选中  ${open} 当前课程  ${done} 已完成  2/3：答对/已答（跳过的和不计分的不算）  –：尚未作答`,
  noSegments: '内核里眼下没有 ipclab 建的共享内存段（本课建的，或你的其他 ipclab 运行建的）。',
  segmentsAllGone: (_step: number | null, marks: readonly string[]) => `内核里已没有 ipclab 的共享内存段；标 ${marks.join(' 或 ')} 的行只再显示这一次。`,
  noObjects: '内核里眼下没有 ipclab 建的共享内存段、消息队列或信号量集（本课建的，或你的其他 ipclab 运行建的）。ipcs 列出的其他对象这里不显示。',
  segmentsHead: '共享内存段（ipcs -m）',
  labelHead: '用途',
  columnsHidden: (cols: string[]) => `太窄未显示：${cols.join('、')}；运行 ipclab ipcs 查看所有列`,
  statusEmpty: 'status：这里为空；按 g 查 status',
  queuesHead: '消息队列（ipcs -q）',
  setsHead: `${TERMS.semaphoreSet.zh}（ipcs -s；每个信号量如 ipcs -s -i 所示）`,
  semsUnread: (errno: string) => `无法读取各信号量：semctl GETALL 失败，${errno}（读取需要对该${TERMS.semaphoreSet.zh}有读权限）`,
  stat: 'IPC_STAT',
  statHead: (shmid: number) => `内核对共享内存段 ${shmid} 的记录（IPC_STAT）：`,
  objectName: (kind: 'shm' | 'msg' | 'sem', id: number) => `${OBJECT_KIND.zh[kind]} ${id}`,
  dumpHead: (shmid: number, from: string, to: string, size: number) => `共享内存段 ${shmid}（${size} 字节）：${from}–${to}（十六进制）`,
  dumpZeros: (bytes: number) => `全是 00（${bytes} 字节）`,
  dumpKey: (fill: DumpFill | null, carry: DumpCarry | null, ahead: DumpCarry | null = null) =>
    `图例：${[fill ? `${fill.shown} = ${fill.ch}（${fill.bytes} 字节）` : null, carry ? `${carry.mark}\u00a0=\u00a0${quotedMark(carry.ch)}\u00a0的字节（该字在上一行）` : null, ahead ? `${ahead.mark}\u00a0=\u00a0${quotedMark(ahead.ch)}\u00a0的字节（该字在下一行）` : null].filter(Boolean).join('  ')}`,
  dumpHint: spaced(DUMP_KEYS.zh),
  decodedBy: (title: string, pid: number) => `${title}（pid ${pid} 读到的值）：`,
  dumpNone: (own: string | null) => `这里不显示这个共享内存段的内容：本课进程${own ? `（${own}）` : ''}现在没有映射它；要读内容就得映射它，那会改变 nattch。`,
  dumpNoneShort: '不显示内容：读内容要先映射，会改变 nattch',
  pickNone: 's：内核里没有 ipclab 的共享内存段可看',
  pickOne: 's：ipclab 只有这一个共享内存段；有多个时 s 才会切换',
  dumpNoPages: (key: string) => `${key}：这里没有显示字节，无可翻页`,
  dumpFirst: '[：这已是它最前面的字节',
  dumpLast: (key: string) => `${key}：这已是它最后面的字节`,
  dumpAllZero: (at: string) => `]：从 ${at} 起的这些字节全是 0；按 } 跳到下一处非零字节`,
  dumpSought: (found: string) => `}：下一个非零字节在 ${found}，转储已翻到那里`,
  dumpNoMore: (from: string, end: boolean, most: string) => (end ? `}：从 ${from} 到末尾的字节全是 0` : `}：从 ${from} 起的 ${most} 全是 0；再按 } 接着往后找`),
  noFocus: '没有选中的段（按 s 选择）',
  markLesson: '本课的',
  markIpclab: 'ipclab 的',
  legendKey: '图例：',
  markChanged: (step: number | null) => (step === null ? '改变的' : `第 ${step} 步改变的`),
  markChangedBytes: (step: number | null) => (step === null ? '改变的字节' : `第 ${step} 步改变的字节`),
  markGone: (step: number | null) => (step === null ? '已删除' : `第 ${step} 步删除的`),
  markFleeting: (step: number | null) => (step === null ? '建了又删的' : `第 ${step} 步建了又删的`),
  markBack: (step: number | null) => (step === null ? '变了又变回的' : `第 ${step} 步变了又变回的`),
  markNew: (step: number | null) => (step === null ? '新的' : `第 ${step} 步新建的`),
  markNothing: (step: number) => `第 ${step} 步没有改变什么`,
  markRunning: (step: number) => `第 ${step} 步运行中`,
  markElsewhere: (step: number, object: string, what: string, where: Elsewhere) => `${joinZh(`第 ${step} 步改变了`, object, '的', what)}（${ELSEWHERE.zh[where]}）`,
  markBytes: (from: string, to: string) => `第 ${from}–${to} 字节`,
  ipcsOthers: (lesson: string, ipclab: string) => `（${lesson} 本课的；${ipclab} ipclab 的，来自前面的课或另一次运行；无标记：不在 ipclab 的记录里，是别的程序或别的用户的）`,
  kernelNow: (shown: number, done: number) => `正在回看第 ${shown} 步：这里显示的是内核现在的状态（第 ${done} 步之后），不是第 ${shown} 步时的状态。`,
  flowReview: (shown: number) => `正在回看第 ${shown} 步：按它运行时高亮`,
  flowOf: (title: string, at: number, of: number, switched: boolean, next?: { step: number; at: number }, name?: string, brief = false) =>
    of > 1 ? `${title}：${switched && !next ? '换到' : ''}第 ${at} 张图${brief ? '' : `（共 ${of} 张）`}${name ? `：${name}` : ''}${next ? `  空格运行第 ${next.step} 步，在第 ${next.at} 张图` : ''}` : name ? `${title}：${name}` : title,
  vanished: (what: 'shm' | 'msg' | 'sem', id: number) =>
    `${OBJECT_KIND.zh[what]} ${id} 不见了，而本课没有哪一步删除它：是 ipclab 之外的程序删的（ipcrm 或别的程序）`,
  statGone: 'IPC_STAT 失败',
  focusGone: (shmid: number) => `段 ${shmid} 已不存在：内核已删除它（IPC_RMID 之后最后一次解除映射时，或 IPC_RMID 时已无映射）`,
  traceEmpty: '还没有调用：按空格运行第一步',
  traceFold: (more: number, all: number, call: string | null, span: string) => `× 连续 ${all} ${call === null ? '行相同' : `次相同的 ${call} 调用`}，历时 ${span}：上面 1 行，这里折叠 ${more} 行，下面 1 行`,
  traceRoutine: (n: number, like: string, names: string) => `× ${n} 行，${like}：${names}`,
  traceRoutineNote: '说明',
  next: '下一步',
  noticeOfStep: (step: number) => `注意（第 ${step} 步）`,
  zoomed: (key: string, notice: boolean, question: boolean) =>
    `${key}：回到课程${notice && question ? '（那里有注意和一道题）' : notice ? '（那里有注意）' : question ? '（那里有一道题）' : ''}`,
  questionShownFirst: (what: 'answer' | 'skip' | 'hint' | 'run', key: string) =>
    what === 'run'
      ? `${key} 先显示了被遮住的题目；作答后再按 ${key} 运行这一步`
      : `题目刚才不在屏幕上，${key} 先把它显示出来；再按 ${key} ${what === 'answer' ? '作答' : what === 'skip' ? '跳过它' : '显示提示'}`,
  zoomShowsText: (key: string, step: number | null) =>
    step === null ? `已退出放大，先显示本课的结尾；读完后按 ${key} 继续` : `已退出放大，先显示第 ${step} 步的说明；读完后按 ${key} 运行`,
  zoomedRan: (key: string, step: number, question: boolean) =>
    `第 ${step} 步已运行：它的注意${question ? '和一道题' : ''}在课程窗格里；按 ${key} 查看`,
  noticeLessonValues: (values: string, step: number) => `第 ${step} 步在你的取值之后，本课又用自己的取值${values ? `（${values}）` : ''}运行了一次，结果`,
  noticeLessonWould: (values: string, step: number) => `第 ${step} 步用本课的取值${values ? `（${values}）` : ''}会显示`,
  yourValuesLead: '你的取值：',
  stepYourValues: (step: number) => `第 ${step} 步，你的取值：`,
  stepSaid: (step: number) => `第 ${step} 步：`,
  traceYourValues: (step: string, values: string) => `${step}，用你的取值：${values}`,
  problems: '结果与预期不符',
  problemsWayOut: (key: string) => `。按 ${key} 重置本课（删除它创建的对象）后再运行`,
  notRunYet: (step: number) => `（尚未运行：步骤按顺序运行，按空格运行第 ${step} 步）`,
  quizKeys: (n: number, skip: string, chosen?: number, hint?: string, earlier?: 'right' | 'wrong', yours?: boolean) =>
    `按 1-${n} 作答  ${skip} 跳过  ${hint ? `${hint} 提示  ` : ''}${
      chosen === undefined
        ? earlier
          ? `空格/Enter 运行（未选则保留之前${earlier === 'right' ? '答对' : '答错'}的那次回答）`
          : yours
            ? '空格/Enter 用你的取值运行'
            : '空格/Enter 运行'
        : `空格/Enter 运行；你的答案：${chosen}${earlier ? `（计分的仍是第一次${earlier === 'right' ? '答对' : '答错'}的回答）` : ''}`
    }`,
  quizFirstCounts: (first: 'right' | 'wrong') => `菜单计分的是你第一次的回答（${first === 'right' ? '答对' : '答错'}）。`,
  quizChosen: '你的选择',
  quizRight: (choice: string, beforeJump = false) => `${beforeJump ? '跳转之前你选的是' : '你选的是'} ${choice}。答对了。`,
  quizWrong: (choice: string, whyNot?: string, beforeJump = false) =>
    `${beforeJump ? '跳转之前你选的是' : '你选的是'} ${choice}。${whyNot ? `${SHARED.zh.notHere}${SHARED.zh.colon}${whyNot}` : '不对。'}`,
  quizEarlier: (right: boolean) => `你之前某次运行时的回答${right ? '是对的' : '不对'}。`,
  quizSkipped: '已跳过。',
  quizNotAsked: '未提问（为来到这里而运行，不计分）。',
  quizTheAnswer: '← 这是答案',
  quizHint: '提示',
  quizGradedYours: '你的预测按你这次的运行评分：这一步只运行你的取值，改动留在内核里，本课的取值若接着运行会把它抹掉；题目对任何取值都成立。',
  quizGradedOwn: '你的预测按本课自己的那次运行评分：它紧接在你的之后，题目问的就是它的取值。',
  quizAnswerFirst: (n: number, skip: string, run: string) => `先回答问题（1-${n}，或按 ${skip} 跳过）；之后按 ${run} 用你的取值运行`,
  quizReveal: (key: string) => `全班先投票；按 ${key} 揭晓运行的结果。`,
  checkTitle: (k: number, n: number) => `小测 ${k}/${n}`,
  checkKeys: (n: number, skip: string) => `按 1-${n} 作答  ${skip} 跳过`,
  checkScore: (right: number, answered: number, skipped: number) => `小测：答了 ${answered} 题，答对 ${right} 题${skipped ? `，跳过 ${skipped} 题` : ''}。`,
  checkKept: (right: number, answered: number) => `你的记录不变：答了 ${answered} 题，答对 ${right} 题，菜单里也是。`,
  checkAnswer: '答案',
  endOfLesson: '本课结束。',
  endHint: (last: boolean) => `按 c 查看刚才所做操作的 C 代码，按 z 放大；${last ? '按 → 或 Enter 结束，看全部课程的小结' : '按 → 或 Enter 进入下一课'}。`,
  closingTitle: '结束',
  closingHead: (whole: number, of: number) =>
    whole === of
      ? '你在真实内核上跑完了每一课。System V IPC 分四个部分，每部分按顺序列出它的调用；每课旁边是你在这一课做了什么。'
      : `本课程把 System V IPC 分成四个部分，每部分按顺序列出它的调用；每课旁边是你在这一课做了什么（你跑完了 ${of} 课中的 ${whole} 课）。`,
  closingOthers: '其他课程',
  closingSteps: (ran: number, of: number) => `${ran}/${of} 步`,
  closingScore: (right: number, answered: number, skipped: number, aside: number, check: { right: number; answered: number; skipped: number } | null) =>
    `，预测对 ${right}/${answered}${skipped ? `，跳过 ${skipped}` : ''}${aside ? `，${aside} 题不计分` : ''}${check ? `，小测对 ${check.right}/${check.answered}${check.skipped ? `（跳过 ${check.skipped}）` : ''}` : ''}`,
  closingClean: '内核里已没有 ipclab 建的共享内存段、消息队列或信号量集（本次运行的，或你的其他 ipclab 运行的）：全部已删除。',
  closingLeft: (n: number) => `内核里还有 ${n} 个 ipclab 建的对象（本次运行的，或你的其他 ipclab 运行的）；按 q 会删除本次运行建的那些。`,
  loadingFlow: '正在绘制流程图…',
  noDiagram: '这一步没有流程图',
  codeMissing: (file: string) => `这份 ipclab 中没有 examples/c/${file}`,
  codeRestHeld: (step: number) => `（其余的行在第 ${step} 步的问题之后显示）`,
  codeTitles: (file: string, n: number, of: number, lit: number | null, held = false) => {
    const line = lit === null ? '无高亮行' : held ? `步骤 ${lit} 的行答题后显示` : `步骤 ${lit} 的行`;
    const short = lit === null ? '无高亮行' : held ? `步骤 ${lit} 答题后` : `步骤 ${lit}`;
    const which = `${file}（文件 ${n}/${of}）`;
    return of > 1 ? [`${which}· ${line}`, `${which}· ${short}`, which, file] : [`${which}· ${line}`, `${file} · ${line}`, `${file} · ${short}`, file];
  },
  codeOneFile: '本课只有一个 C 文件',
  hintWhyNot: (key: string, why: HintWhyNot, step: number, next: number) =>
    why === 'later'
      ? `${key}：第 ${step} 步还没运行；轮到空格运行它时（现在是第 ${next} 步）才有它的问题和提示`
      : why === 'ran'
        ? `${key}：第 ${step} 步已经运行，答案和原因在课程文字里`
        : why === 'end'
          ? `${key}：课末没有提示（小测不给提示）`
          : why === 'off'
            ? `${key}：没有开启问题（--no-quiz），所以没有提示`
            : `${key}：第 ${step} 步没有问题，所以没有提示`,
  chooseRange: (digit: string, choices: number) => `${digit}：请选 1-${choices}`,
  noQuestion: (key: string) => `${key}：现在没有要回答的问题（问题在 Space 运行那一步之前提出）`,
  noReveal: (key: string) => `${key}：没有要揭晓的答案（只在投影模式 --present 下、全班投票后才有）`,
  noKey: (key: string, help: string) => `${key} 在这里没有作用；按 ${help} 查看所有按键`,
  keysDropped: (n: number, spaces: boolean, shown: number | null, space: string) =>
    `${spaces ? `同时多按的${n === 1 ? '一次空格' : ` ${n} 次空格`}没有使用` : `同时到达的另外 ${n} 个键没有使用`}；${onScreenZh(shown, space)}`,
  keysWhileRunning: (n: number, key: string | null, ran: Running, shown: number | null, space: string) =>
    `${ran === null ? '打开本课时' : ran === 'reset' ? '重置时' : `第 ${ran} 步运行时`}按的${key === 'Space' ? (n === 1 ? '空格' : ` ${n} 次空格`) : key ? ` ${n === 1 ? '' : `${n} 次 `}${key} ` : ` ${n} 个键`}没有使用；${onScreenZh(shown, space)}`,
  keysAfterForm: (n: number) => `表单关闭后紧接着输入的 ${n} 个键没有使用（是输入给表单的）`,
  codeKeys: (scroll: string, zoom: string) => `${scroll} 滚动 · ${zoom} 放大`,
  resumed: (lesson: string, steps: number) => `已恢复 ${lesson}：重新运行了第 ${steps === 1 ? '1' : `1–${steps}`} 步以重建它们创建的对象`,
  resuming: (steps: number) => `正在恢复：重新运行 ${steps} 步以重建内核状态…`,
  resumeFailed: (step: number, why: string) => `恢复在第 ${step} 步停止（按 r 重置本课）：${why}`,
  restarted: (lesson: number) => `进度已清除：从第 ${lesson} 课重新开始`,
  running: '运行中…空格、← →、r 请等它结束再按',
  opening: '正在打开本课：读取内核…',
  resetting: '正在重置：删除本课创建的对象…',
  resetDone: '本课已重置：创建的对象已删除；已答的题和得分保留',
  resetAsk: '重置会删除本课创建的对象；已答的题和得分保留',
  runUnanswered: '还没选答案：再按一次空格就不作答运行（不计分）',
  checkSpace: (choices: number, skip: string) => `空格不会跳过题目：按 1-${choices} 作答，按 ${skip} 跳过这一题`,
  lessonEndKeys: (_space: string, next: string, last: boolean) => `本课已结束：按 ${next} 或 Enter ${last ? '结束' : '进入下一课'}；空格不再往下走`,
  keyHeld: (key: string, q: { step: number } | { check: number }) =>
    `${key} 没有算：先读${'step' in q ? `第 ${q.step} 步的问题` : `小测第 ${q.check} 题`}，再作答`,
  confirmCancelled: (asked: 'run' | 'reset') => (asked === 'reset' ? '没有重置：本课保持原样' : '没有运行：按数字键作答，或按 x 跳过'),
  rerunning: (step: number) => `重新运行第 ${step} 步：先重置本课${step > 1 ? `，再运行第 ${step === 2 ? '1' : `1–${step - 1}`} 步` : ''}…`,
  reviewRerun: (step: number) => `按空格重新运行第 ${step} 步：${step > 2 ? `会先重置本课，再重跑第 1–${step - 1} 步` : step === 2 ? '会先重置本课，再重跑第 1 步' : '会先重置本课'}`,
  rerunText: (step: number, done: number) => `（正在重新运行第 ${step} 步：本课已重置${step === 1 ? '' : `；${done ? `它之前的 ${step - 1} 步目前已重跑 ${done} 步` : '先重跑它之前的步骤'}`}）`,
  rerunAsks: (step: number) => `第 ${step} 步：本课已重建到这一步之前；先回答它的题，再按空格运行`,
  rerun: (step: number) => `第 ${step} 步已重新运行（先重置了本课${step > 1 ? `，再运行了第 ${step === 2 ? '1' : `1–${step - 1}`} 步` : ''}）`,
  resultShown: (step: number, pane: string) => `第 ${step} 步的结果：已切到“${pane}”窗格`,
  resultElsewhere: (step: number, pane: string) => `第 ${step} 步的结果在“${pane}”窗格；你选的窗格不变`,
  resultAlso: (step: number, pane: string, other: string, shows: Text) => `第 ${step} 步的结果：已切到“${pane}”窗格；“${other}”窗格：${shows.zh}`,
  rerunFailed: (step: number, at: number, why: string) => `第 ${step} 步无法重新运行：重建时第 ${at} 步失败（按 r 重置本课）：${why}`,
  quitting: '正在清理…',
  quitReport: (removed: Held, left: Held) => {
    const gone = heldZh(removed);
    const still = heldZh(left);
    return `${gone ? `已删除 ${gone}` : '没有需要删除的对象'}；${still ? `内核中仍有 ipclab 创建的 ${still}（ipclab clean 可以清理已结束的运行留下的对象）` : '这次运行没有在内核中留下任何对象'}`;
  },
  quittingHelpers: '正在清理：结束辅助进程（SIGCONT、SIGTERM，然后 SIGKILL）…',
  stepFailed: (why: string) => `调用意外失败：${why}`,
  more: (n: number) => `还有 ${n} 行`,
  stepsHidden: (n: number, arrow: string) => `${arrow} 还有 ${n} 步`,
  litAbove: '· 高亮在上',
  litBelow: '· 高亮在下',
  litGoesOnAbove: '· 高亮向上延续',
  litGoesOnBelow: '· 高亮向下延续',
  litGoesOnZoom: (below: boolean, zoom: string) => `· 高亮向${below ? '下' : '上'}延续 · ${zoom}`,
  zoomMoreLit: (key: string) => `${key}：显示更多`,
  resultGoesOnAbove: (step: number, zoom = '') => `（第 ${step} 步的结果向上延续${zoom ? `；${zoom}` : ''}）`,
  resultGoesOnBelow: (step: number, zoom = '') => `（第 ${step} 步的结果向下延续${zoom ? `；${zoom}` : ''}）`,
  zoomWhole: (key: string) => `${key}：完整显示`,
  zoomStepWhole: (key: string, step: number) => `${key}：完整显示第 ${step} 步`,
  zoomMore: (key: string, step: number) => `${key}：显示第 ${step} 步更多内容`,
  zoomStep: (key: string, step: number) => `${key}：第 ${step} 步`,
  pageMore: (key: string, step: number) => `${key}：第 ${step} 步的其余部分`,
  pageSteps: (key: string, first: number, last: number) => (first === last ? `${key}：第 ${first} 步` : `${key}：第 ${first}-${last} 步`),
  focusThen: (key: string, tabs: number) => (tabs <= 1 ? `按 Tab 再按 ${key}` : `按${['两', '三'][tabs - 2] ?? ` ${tabs} `}次 Tab 再按 ${key}`),
  toFlowThen: (key: string) => `Tab 到流程再按 ${key}`,
  signNote: (note: string) => `（${note}）`,
  spaceBrings: (step: number, text: boolean, question: boolean) => (text && question ? `第 ${step} 步及问题` : question ? `第 ${step} 步的问题` : `第 ${step} 步的说明`),
  spaceCheck: (k: number, n: number) => `小测 ${k}/${n}`,
  spaceSays: (brings: string) => `空格：${brings}`,
  resultAbove: (step: number) => `PgUp：注意（第 ${step} 步）`,
  checkAbove: (k: number) => `PgUp：小测 ${k}`,
  textAbove: (step: number) => `PgUp：第 ${step} 步的说明`,
  resultTextAbove: (notice: number, step: number) => `PgUp：注意（第 ${notice} 步）、第 ${step} 步的说明`,
  stepTextAbove: (step: number, rows: number) => `↑ 上面还有第 ${step} 步说明的 ${rows} 行（PgUp）`,
  endAbove: 'PgUp：本课结束',
  spaceMarker: (brings: string) => `▸ 空格：${brings}`,
  pid: 'pid',
  pids: '本课的进程',
  pidsShort: '进程',
  pickHint: 's 选段',
  fileHint: 'f 文件',
  role: '角色',
  attached: `已${TERMS.attach.zh}`,
  wchanRunning: '0（正在运行）',
  alive: '存活',
  ended: '（已结束）',
  pidOf: (role: string, pid: string) => `${role} pid ${pid}`,
  tabPids: '本课 pid = ipclab 自己；另 N 个存活/结束 = 各步启动的其他进程',
  lessonRole: (role: string) => `（${role}）`,
  asideFolded: (key: string) => `按 ${key} 展开`,
  asideAbove: 'PgUp：ipclab 是怎么做的',
  asideInView: (key: string, step: number) => `第 ${step} 步的“ipclab 是怎么做的”已展开（在上方时按 PgUp）；再按 ${key} 收回`,
  asideBack: (key: string) => `“ipclab 是怎么做的”已收回；再按 ${key} 重新显示`,
  asideNone: (key: string, step: number | null) => `${key} 在这里没有作用：${step === null ? '本课结尾' : `第 ${step} 步`}没有“ipclab 是怎么做的”`,
  asideLater: (key: string) => `${key} 暂时没有作用：每步的“ipclab 是怎么做的”随它的运行结果出现`,
  endedLead: '已结束：',
  endedSep: '、',
  aliveLead: '存活：',
  // both said, 已 left out: "本课 pid 25100 另 8 个存活、1 个已结束" was 1 cell past the room at 80 columns
  morePids: (alive: number, ended: number, tab: string | null) => {
    const count = `另 ${alive > 0 && ended > 0 ? `${alive} 个存活、${ended} 个结束` : alive > 0 ? `${alive} 个存活` : `${ended} 个已结束`}`;
    return tab === null ? count : `${count}，见“${tab}”窗格`;
  },
  listSep: '、',
  problemSep: '；',
  yes: '是',
  no: '否',
  notInstalled: '未安装',
  returnsOnlyOnFailure: '只在失败时返回',
  playTitle: '练习场',
  playShmOnly: (calls: string, lesson: number, name: string) => `练习场只有共享内存的调用（${calls}），没有第 ${lesson} 课（${name}）的调用。`,
  markPlay: '练习场的',
  playNoFocus: '练习场还没有自己的共享内存段：用 shmget 创建一个',
  playDumpNone: '本进程没有映射它：shmat 之后显示其字节（映射会改变 nattch）',
  markChangedPlay: (n: number | null) => (n === null ? '改变的' : `第 ${n} 条语句改变的`),
  markGonePlay: (n: number | null) => (n === null ? '已删除' : `第 ${n} 条语句删除的`),
  markNewPlay: (n: number | null) => (n === null ? '新的' : `第 ${n} 条语句新建的`),
  markNothingPlay: (n: number) => `第 ${n} 条语句没有改变什么`,
  markElsewherePlay: (n: number, object: string, what: string, where: Elsewhere) => `${joinZh(`第 ${n} 条语句改变了`, object, '的', what)}（${ELSEWHERE.zh[where]}）`,
  playTranscript: '练习场：输入调用，按 Enter 运行',
  playTranscriptShort: '练习场：Enter 运行',
  playTranscriptBare: '练习场',
  playEmpty: '输入一条语句后按 Enter，例如 id = shmget(IPC_PRIVATE, 4096, 0600)。Tab 补全；help 列出所有语句；Ctrl-G 查看按键。',
  playStatements: (n: number) => `已生效 ${n} 句`,
  playPar: (used: number, par: number) => `已生效 ${used} 句，目标 ${par} 句`,
  playWaiting: (n: number) => `还有 ${n} 行等待运行…`,
  playRunningB: '正在 b 中运行…（第一次 @b 要先启动进程 b：需要一两秒）',
  playCtrlC: '已清空这一行；再按一次 Ctrl-C 退出（并删除练习场创建的对象）',
  playNoSession: (why: string) => `练习场无法启动：${why}`,
  playKept: '练习场的共享内存段和映射留到退出时才删除；按 : 回到练习场',
  challenge: '挑战',
  challengeGoal: '目标',
  challengePicture: '要达到的：',
  challengeSolved: (used: number, par: number) => `已完成，用了 ${used} 步（目标步数 ${par}）${used > par ? `：多了 ${used - par} 步，${par} 步就能完成` : used < par ? '：比目标还少！' : '：正好达到目标'}`,
  challengeMissing: '还缺：',
  challengeHint: (n: number) => `提示 ${n}：`,
  challengeHints: (shown: number, all: number) => `提示 ${shown}/${all}：输入 hint 再看一条，输入 solution 查看答案`,
  tooSmall: (need: string, have: string) => `ipclab 需要至少 ${need} 的终端；当前为 ${have}。请放大窗口，或按 q 退出。`,
  traceCutHint: (step: number, shows: 'result' | 'part' | 'more', rows: number, key: string) =>
    `第 ${step} 步${shows === 'result' ? '的结果' : ''}比“跟踪”窗格（${rows} 行）长：${key.startsWith('按') ? key : `按 ${key}`} ${shows === 'more' ? '看更多' : '看全部'}`,
  pickKeyWords: '按\u00a0s\u00a0换下一个段',
  dumpKeyWords: DUMP_KEYS.zh,
  markOthers: '无标记：不是这里记录的运行建的',
  focusMark: '[焦点]',
  focusOn: (pane: string) => `焦点：${pane}`,
  tabNext: '下一个窗格',
  listMarkAsks: (mark: string) => `${mark} 运行前先请你预测结果的步骤`,
  listMarkDone: (mark: string) => `${mark} 已运行的步骤`,
  listMarkMissed: (mark: string, steps: readonly number[]) => `${mark} 第 ${steps.join('、')} 步已运行，你的预测错了`,
  listMarkBad: (mark: string) => `${mark} 运行结果不符合预期`,
  listMarkHidden: (n: number, arrow: string) => `+${n}${arrow} ${arrow === '↑' ? '上面' : '下面'}还有 ${n} 步`,
  statHeadShort: (_shmid: number) => '记录：',
  recordMore: '… z：shmid_ds 全部字段',
  recordMoreShort: '…（z）',
  recordNamed: '课程提到的：',
  columnNew: (head: string) => `新列 ${head}：${COLUMN_WORDS.zh[head] ?? ''}`.replace(/：$/, ''),
  columnsNew: (heads: readonly string[]) => `新列：${heads.join('、')}`,
  recordNew: (step: number | null) => (step === null ? '全部是新的' : `第 ${step} 步新建`),
  recordNewShort: '新建',
  focusStep: (step: number) => `第 ${step} 步用的，详见下方`,
};

const TABLE: Record<Lang, Strings> = { en: EN, zh: ZH };

export function strings(lang: Lang): Strings {
  return TABLE[lang];
}

/** The other language, and how the title bar names each. */
export const LANG_NAMES: Record<Lang, string> = { en: 'EN', zh: '中文' };
export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'zh' : 'en';
}
