// What a step shows before its checkpoint is answered must not point at one of the
// choices. Two ways it could, found by newcomers: the "New terms" line naming a term that
// only one choice uses (msg's "New terms: EIDRM" above "EIDRM / EINVAL / it sleeps on"),
// and the step's own text saying what the answer's explanation says ("semncnt counts the
// processes asleep like this" above "semncnt is…"). The lesson pane holds the first back
// until the question is answered (lesson-view.ts); the second is found by answerGiveaway,
// which a test runs on every checkpoint with the answer and explanation of a real run
// (tests/lessons/answer-giveaway.test.ts).
import { ERRNO_MEANINGS } from '../text/errno.js';
import type { Checkpoint, Choice, Text } from './types.js';

type Lang = keyof Text;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `text` holds `word` whole (not inside a longer code word: EIDRM, not XEIDRMX). */
function holds(text: string, word: string): boolean {
  return new RegExp(`(?<![A-Za-z0-9_])${escape(word)}(?![A-Za-z0-9_])`, 'i').test(text);
}

/** Whether a "New terms" word, shown above the checkpoint's question, points at some of
 *  its choices: named by some of them and not all, and not by the question (a term every
 *  choice or the question uses tells nothing about which is right, and the learner needs
 *  it to answer: "semncnt 0 / 1 / 2"). */
export function pointsAtChoice(word: string, checkpoint: Pick<Checkpoint, 'question' | 'choices'>, lang: Lang): boolean {
  if (holds(checkpoint.question[lang], word)) return false;
  const named = checkpoint.choices.filter((c) => holds(c[lang], word)).length;
  return named > 0 && named < checkpoint.choices.length;
}

/** Words that say nothing on their own. */
const COMMON = new Set(
  'a an the and or of to in on at by for with from as is are was were be been it its this that these those then than so not no yes one two its each any all some only once also into out up still again there here what which who when while until after before both other another new same his her their our your we you they he she them do does did has have had can may must would could should will shall give gives given gave make makes made get gets got take takes took'.split(' '),
);

/** A word as compared: lower case, a plural or past ending off ("detaches" and "detached"
 *  are "detach"); a common word as it is. */
function stem(word: string): string {
  const w = word.toLowerCase();
  if (COMMON.has(w) || w.length <= 4) return w;
  if (/(?:ches|shes|sses|xes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('ied')) return `${w.slice(0, -3)}y`;
  if (w.endsWith('ed')) return w.slice(0, -2).replace(/e$/, '');
  if (w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1).replace(/e$/, '');
  return w.replace(/e$/, '');
}

/** The words of an English text, code words whole (IPC_RMID, semop). */
function wordsOf(text: string): string[] {
  return (text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).map(stem);
}

/** A word of prose, not of code: a call or a flag the step makes is what it does, and its
 *  text names it ("ftok(file, 'S')" above "a non-zero key from ftok"). */
const PROSE_WORD = /^[a-z]{5,}$/;

/** Runs of this many words shared with the answer's explanation, all but one of them not common, say it. */
const SHARED_RUN = 4;

/** A name in capitals a choice may name: an errno, SIGSEGV, IPC_PRIVATE. */
const NAME = /(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*_?[A-Z0-9_]{2,}(?![A-Za-z0-9_])/g;
const NUMBER = /(?<![A-Za-z0-9_])-?(?:0x[0-9a-fA-F]+|\d+)(?![A-Za-z0-9_])/g;
const namesOf = (text: string) => new Set(text.match(NAME) ?? []);
const flat = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** The word a name says, as stemmed: a lesson pane that said IPC_RMID has said "remove"
 *  (serv.c's "removed on exit" under "does shmdt, then IPC_RMID"). */
const SAYS: ReadonlyMap<string, readonly string[]> = new Map([
  ['ipc_rmid', ['remov']],
]);

/** What only the right choice says, of what the question does not: its words of prose
 *  (stemmed, "removed" of "no, removed"), its names in capitals (EINVAL), and the choice
 *  whole where it holds a number no other choice does ("(void *) -1", "nattch 2": a bare 0
 *  or 1 is in every line of C). A word or name every choice uses, or another choice does,
 *  tells nothing about which is right. */
function ownMarks(question: string, choices: readonly Choice[], answer: number): { words: string[]; values: string[] } {
  const asked = new Set(wordsOf(question));
  const others = new Set(choices.flatMap((c, i) => (i === answer ? [] : wordsOf(c.en))));
  const right = choices[answer]?.en ?? '';
  const words = (right.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).filter((w) => PROSE_WORD.test(w)).map(stem).filter((w) => !COMMON.has(w) && !others.has(w) && !asked.has(w));
  const otherValues = choices.flatMap((c, i) => (i === answer ? [] : [...namesOf(c.en), ...(c.en.match(NUMBER) ?? [])]));
  const askedValues = [...namesOf(question), ...(question.match(NUMBER) ?? [])];
  const own = (v: string) => !otherValues.includes(v) && !askedValues.includes(v);
  const names = [...namesOf(right)].filter(own);
  const numbered = (right.match(NUMBER) ?? []).some(own) ? [flat(right)] : [];
  return { words, values: [...names, ...numbered] };
}

/** Whether a text on a screen the learner can open before answering (a Flow label, a line of
 *  the C pane) names what only the right choice says: one of its own words in `prose` (a
 *  label, a C line's comment and strings: the identifiers of C are no prose) that the lesson
 *  pane has not `said` by then (the screen tells nothing new: serv-clnt's box "client"), or
 *  one of its values in `code` (the whole line), unless the line is `restated`, a result the
 *  run showed, and the lesson pane said that value. Undefined when it names none. */
export function namesAnswer(prose: string, code: string, question: string, choices: readonly Choice[], answer: number, said = '', restated = false): string | undefined {
  return answerMatcher(question, choices, answer, said)(prose, code, restated);
}

/** namesAnswer with what depends on the question worked out once, for many texts. */
export function answerMatcher(question: string, choices: readonly Choice[], answer: number, said = ''): (prose: string, code: string, restated?: boolean) => string | undefined {
  const known = new Set(wordsOf(said).flatMap((w) => [w, ...(SAYS.get(w) ?? [])]));
  const marks = ownMarks(question, choices, answer);
  const words = marks.words.filter((w) => !known.has(w));
  const told = flat(said);
  const saidNames = namesOf(said);
  const unsaid = marks.values.filter((v) => !(saidNames.has(v) || (/\s|\d/.test(v) && told.includes(v))));
  return (prose, code, restated = false) => {
    const values = restated ? unsaid : marks.values;
    const has = new Set(wordsOf(prose));
    const names = namesOf(code);
    const line = flat(code);
    const named = [...words.filter((w) => has.has(w)), ...values.filter((v) => names.has(v) || (/\s|\d/.test(v) && line.includes(v)))];
    return named.length ? `names "${named.join('", "')}" of the right choice "${choices[answer]!.en}"` : undefined;
  };
}

/** A call in C, or code in backticks: what a step does, named in its text, in a trace line
 *  and in the explanation alike ("`msgrcv(30, &msg, 256, 0, IPC_NOWAIT)` failed with …" and
 *  the learner's "msgrcv(30, &msg, 0, -3, IPC_NOWAIT) failed with E2BIG"): its words are no
 *  run of the explanation's (issue 16). */
const CODE = /`[^`]*`|(?<![A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_]*\((?:[^()]|\([^()]*\))*\)/g;
/** A pane's name: its word is no word of the prose ("the Kernel pane's dump" says nothing of
 *  "an address the kernel picks"). */
const PANE_NAME = /\b(?:Kernel|Trace|Flow|Lesson|C code) pane\b|\bthe Flow\b/g;
/** The text as prose for answerGiveaway: code and pane names out, each as a word that
 *  matches no other (`mark`), so a run never spans them. */
const prose = (text: string, mark: string) => text.replace(CODE, ` ${mark} `).replace(PANE_NAME, ` ${mark} `);

/** Words that say one outcome in other words: a text that says the writer "could crash"
 *  has said the right choice "it dies of SIGSEGV" (shmat 6, fix28d#1). Stemmed as read. */
const AKIN: readonly (readonly string[])[] = [
  ['crash', 'dies', 'die', 'died', 'kill', 'segfault', 'sigsegv', 'fault', 'segmentation'],
  // a size "more than any machine has" is one no memory holds: ENOMEM (shmget 4's title, issue 16)
  ['enomem', 'machine'],
  // a write one mapping sees through another is one memory (shmat check 2's feedback above check 3, issue 16)
  ['memory', 'sees', 'seen'],
  // a P that "would wait" (freeze the screen, be stuck) finds the count still taken: "still 0"
  // (sem 7's "a wait in it would freeze the screen" above "That P…", issue 16 pass 6)
  ['still', 'wait', 'freez', 'stuck'],
];

/** A count named with a value: "semval 0", "semval is now 0", "at 0". */
const STATED = /\b(?:semval|count)\b.*?\d|\b(?:at|on)\s+\d+\b/;

/** A signed amount standing alone in prose ("semadj for it: +1"), not an argument after a
 *  call's name ("semop +1"): what a change adds or takes. */
const AMOUNT = /(?<![A-Za-z0-9_]\s?)(?<![A-Za-z0-9_])[+-]\d+(?![A-Za-z0-9_]|\.\d)/g;
const amountsOf = (text: string) => new Set(text.replace(CODE, ' ').match(AMOUNT) ?? []);

/** The words akin to one the right choice alone says (and the question does not): the
 *  other words of its group. */
function akinOf(question: string, choices: readonly Choice[], answer: number): string[] {
  const asked = new Set(wordsOf(question));
  const others = new Set(choices.flatMap((c, i) => (i === answer ? [] : wordsOf(c.en))));
  const right = new Set(wordsOf(choices[answer]?.en ?? ''));
  return AKIN.map((words) => words.map(stem)).flatMap((group) => {
    const own = group.filter((w) => right.has(w) && !others.has(w));
    if (own.length === 0 || group.some((w) => asked.has(w) || others.has(w))) return [];
    return group.filter((w) => !right.has(w));
  });
}

/** What of the answer a step's text before its question (its title, short title and say)
 *  gives away, in English (the Chinese says the same): the words of the right choice that
 *  no other choice and not the question has ("removed" of "no, removed"), or a run of
 *  SHARED_RUN words of the answer's explanation, all but one not common words (the
 *  explanation says why; the text that says it first has answered). A word of `subject`,
 *  the lesson's title, is no pointer. Undefined when nothing is given away. */
export function answerGiveaway(before: string, question: string, choices: readonly Choice[], answer: number, explanation: string, subject = ''): string | undefined {
  const text = wordsOf(prose(before, 'code_before'));
  // the lesson's title names its subject, which no step's title then points at (parent-child's
  // "segments" in its titles and its choice "the segment "down" holds it")
  const known = new Set(wordsOf(subject));
  const has = new Set(text.filter((w) => !known.has(w)));
  const named = ownMarks(question, choices, answer).words.filter((w) => has.has(w));
  if (named.length) return `names "${named.join('", "')}" of the right choice "${choices[answer]!.en}"`;
  // a sentence that names the count it speaks of ("on semval 0 a sem_op below 0 would wait")
  // states a rule under its own condition, not the question's outcome
  const unconditioned = new Set(wordsOf(before.split(/(?<=[.!?])\s+/).filter((s) => !STATED.test(s)).join('\n')).filter((w) => !known.has(w)));
  const akin = akinOf(question, choices, answer).filter((w) => unconditioned.has(w));
  if (akin.length) return `says "${akin.join('", "')}", another word for the right choice "${choices[answer]!.en}"`;
  // the amount the explanation gives, said before (sem 6's "a semadj for it: +1" above "semval
  // then is…", whose explanation is "the kernel undid its P: +1", issue 16 pass 6)
  const saidAmounts = amountsOf(before);
  const amount = [...amountsOf(explanation)].filter((a) => saidAmounts.has(a));
  if (amount.length) return `says "${amount.join('", "')}" as the answer's explanation does ("${explanation}")`;
  const why = wordsOf(prose(explanation, 'code_why'));
  const runs = new Set<string>();
  for (let i = 0; i + SHARED_RUN <= text.length; i++) runs.add(text.slice(i, i + SHARED_RUN).join(' '));
  for (let i = 0; i + SHARED_RUN <= why.length; i++) {
    const run = why.slice(i, i + SHARED_RUN);
    if (run.filter((w) => !COMMON.has(w)).length >= SHARED_RUN - 1 && runs.has(run.join(' '))) return `says "${run.join(' ')}" as the answer's explanation does ("${explanation}")`;
  }
  return undefined;
}

/** An errno choice whose bracketed meaning says what the step's text or question says
 *  ("EIDRM (id removed)" under "shmat after IPC_RMID") while another errno choice's says
 *  nothing of it ("EINVAL (invalid argument)"): the learner picks by the echo, not by what
 *  the kernel does (shmctl 7, issue 16). Choices whose meanings echo alike, or none, are
 *  even. The echoing choice and its words, or undefined. English. */
export function glossEcho(before: string, question: string, choices: readonly Choice[]): string | undefined {
  const said = wordsOf(prose(`${before}\n${question}`, 'code_before'));
  const known = new Set(said.flatMap((w) => [w, ...(SAYS.get(w) ?? [])]));
  const glossed = choices.flatMap((c) => {
    const m = /^\s*(E[A-Z0-9]+)\s*[(（]([^)）]*)[)）]/.exec(c.en);
    if (!m) return [];
    const echoed = (m[2]!.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).filter((w) => PROSE_WORD.test(w.toLowerCase())).map(stem).filter((w) => !COMMON.has(w) && known.has(w));
    return [{ choice: c.en, echoed }];
  });
  const echoing = glossed.filter((g) => g.echoed.length > 0);
  if (echoing.length === 0 || echoing.length === glossed.length) return undefined;
  return echoing.map((g) => `"${g.choice}" says "${g.echoed.join('", "')}" of the step's text, and another errno choice's meaning nothing of it`).join('; ');
}

/** A step that removes the object ("Remove it with ipcrm -m", a Flow box "remove"; not
 *  "shmat after IPC_RMID", which names when it acts) says it is still there, and answers a
 *  question whether the object outlived what an earlier step did (fix20b: overview 6 under
 *  "7 Remove it with ipcrm -m"). English; the Chinese says the same. */
export const REMOVES = /\b(?:[Rr]emov(?:e|es|ed|ing)|ipcrm)\b/;
/** A step title says the same when it cleans up: only what is still there is cleaned up
 *  (fix28d#3: overview 7 "Clean up, then ipcs -m again" under overview 6's "is the segment
 *  still in the kernel?"; shmat 12 "Clean up" under shmat 11's "still listed?"). */
export const CLEANS = /\b(?:[Cc]lean(?:s|ed|ing)?\s+up|[Cc]leanup)\b/;
const KEPT = /\b(?:yes|still|stays?)\b/;
const GONE = /\b(?:no|freed|gone)\b/;

/** Whether a question asks if the object outlived its step: it speaks of staying or going
 *  (a bare yes or no asks anything), one choice keeps the object ("yes, with nattch 0",
 *  "still listed"), another has it gone ("freed", "gone from the list"). */
export function asksSurvival(question: string, choices: readonly Choice[]): boolean {
  const about = /\b(?:still|stays?|freed|gone)\b/.test([question, ...choices.map((c) => c.en)].join('\n'));
  return about && choices.some((c) => KEPT.test(c.en)) && choices.some((c) => GONE.test(c.en) && !KEPT.test(c.en));
}

/** A choice that names an errno with its meaning, strerror's words ("ENOMSG (no message of
 *  desired type)", "EIDRM (identifier removed)"): the meaning answers the question it stands
 *  under (issue 16: msg 4 "the queue is empty…" above "no message of desired type", msg 7
 *  "the queue is removed" above "identifier removed"). A choice says what the call does
 *  ("returns at once with an error"); the errno comes with the result. The errno named, or
 *  undefined. */
export function errnoGlossed(choice: string): string | undefined {
  const text = choice.toLowerCase();
  for (const name of choice.match(NAME) ?? []) {
    const meaning = ERRNO_MEANINGS[name]?.en.toLowerCase();
    if (meaning && text.includes(meaning)) return name;
  }
  return undefined;
}

/** A word of prose as its doing: "waiter", "waiting" and "waits" are "wait". */
function doing(word: string): string {
  const w = word.toLowerCase();
  return w.length < 5 ? w : w.replace(/(?:ing|ers|er|ed|es|s)$/, '');
}
/** The prose words of a text as doings: code out (a call, SEM_UNDO, a term `isTerm` knows: semop). */
const proseWords = (text: string, isTerm: (word: string) => boolean = () => false) =>
  new Set((text.replace(CODE, ' ').match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).filter((w) => /^[A-Za-z]{4,}$/.test(w) && !COMMON.has(w.toLowerCase()) && !isTerm(w)).map(doing));

/** Whether a glossary entry the learner is sent to before a question ("(g: semncnt)") says
 *  the question's own situation: a word of its prose (as a doing: "waiting" of the question's
 *  "waiter") that the question uses, beside the term it defines. The question "After the
 *  waiter's semop -1, semncnt is…" under "semncnt: processes waiting in semop" has its
 *  answer in the definition (issue 16: sem 4). `own`: the entry's terms, no word of the
 *  situation; `isTerm`: a word that is another entry's term (semop), code rather than prose.
 *  The words shared, or undefined. */
export function glossRestates(question: string, entry: string, own: readonly string[], isTerm?: (word: string) => boolean): string | undefined {
  const mine = new Set(own.flatMap((t) => [...proseWords(t)]));
  const asked = proseWords(question, isTerm);
  const shared = [...proseWords(entry, isTerm)].filter((w) => asked.has(w) && !mine.has(w));
  return shared.length ? shared.join('", "') : undefined;
}

/** A step title in the step list says what its step does, not what it shows: a later step's
 *  title is on screen while an earlier question is asked (issue 16: ftok 5's "created under
 *  the key" under ftok 4's "a shmid (a new segment's id)?", msg 6's "a reader sleeps" under
 *  msg 4's "sleeps until a message comes?"). Each pair: a title's words of an outcome, and
 *  the words of a question or choice that outcome answers. */
const SHOWN: readonly { says: RegExp; asks: RegExp }[] = [
  // made by this later step: the one asked about made none
  { says: /\b(?:created|made)\b/i, asks: /\b(?:new|creates?|created|makes?|made)\b/i },
  { says: /\b(?:sleeps?|sleeping|asleep|wakes?|woken|blocks?|blocked)\b/i, asks: /\b(?:sleeps?|asleep|waits?|wakes?|blocks?)\b/i },
  { says: /\b(?:fails?|failed|refused|denied)\b/i, asks: /\b(?:fails?|error|refused)\b|\bE[A-Z]{3,}\b/ },
];
/** A title that acts on the object says it is still there: by its id, its ctl call, the
 *  command that removes it (issue 16: overview 7 "One last command, by its shmid" and shmat
 *  12 "Last call: shmctl" under "is the segment still there?"). */
export const ACTS_ON = /\bby its (?:shmid|msqid|semid|id)\b|\b(?:shmctl|msgctl|semctl|ipcrm|IPC_RMID)\b/;

/** What a later step's title (whole or short, English) says of the answer to an earlier
 *  question: an outcome the question asks about, or, for a question whether the object
 *  outlived its step (asksSurvival), that the step acts on the object, removes it or cleans
 *  up, in words the question does not use itself. Undefined when it names what the step does only. */
export function titleShows(title: string, question: string, choices: readonly Choice[]): string | undefined {
  const asked = [question, ...choices.map((c) => c.en)].join('\n');
  const shown = SHOWN.flatMap(({ says, asks }) => {
    const m = says.exec(title);
    return m && asks.test(asked) ? [m[0]] : [];
  });
  if (shown.length) return `says "${shown.join('", "')}", what its step shows, which the question asks about`;
  if (asksSurvival(question, choices)) {
    // what the question says itself is no news: "IPC_RMID while still attached: its row…"
    // has said IPC_RMID and, by it, "remove" (SAYS)
    const known = new Set(wordsOf(question).flatMap((w) => [w, ...(SAYS.get(w) ?? [])]));
    const m = [ACTS_ON, REMOVES, CLEANS].map((r) => r.exec(title)).find((x) => x && !holds(question, x[0]) && !wordsOf(x[0]).every((w) => known.has(w)));
    if (m) return `says "${m[0]}": it acts on the object, so the object outlived the step asked about`;
  }
  return undefined;
}

/** Words of a label or title that say what became of an object. */
const FATE = /\b(?:still|stays?|kept|freed|gone|zeroed|cleared)\b/gi;

/** What a text on screen at an end-of-lesson check (a step's title, a Flow label) says of the
 *  right choice outright. The check is recall: what the lesson showed is the learner's to
 *  know, and a title or a label that says what a step did is no giveaway. Only a text that
 *  says the right choice itself counts: a word of what became of the object that the right
 *  choice says and no other choice does ("the segment: data still there" above "is still
 *  there / is zeroed", issue 16), or the call the question asks about written with the
 *  argument only the right choice names ("shmdt(addr)" above "What does shmdt take?": "the
 *  address shmat returned"). Undefined when it says neither. */
export function statesOutright(text: string, question: string, choices: readonly Choice[], answer: number): string | undefined {
  const right = choices[answer]?.en ?? '';
  const others = choices.filter((_, i) => i !== answer).map((c) => c.en).join('\n');
  const fate = (s: string) => new Set((s.match(FATE) ?? []).map((w) => w.toLowerCase()));
  const own = [...fate(right)].filter((w) => !fate(others).has(w) && !fate(question).has(w));
  const said = own.filter((w) => fate(text).has(w));
  if (said.length) return `says "${said.join('", "')}" as the right choice "${right}" does`;
  const rightWords = (right.match(/[A-Za-z]{3,}/g) ?? []).map((w) => w.toLowerCase());
  const otherWords = (others.match(/[A-Za-z]{3,}/g) ?? []).map((w) => w.toLowerCase());
  for (const m of text.matchAll(/(?<![A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_]*)\(([^()]*)\)/g)) {
    if (!holds(question, m[1]!)) continue;
    for (const arg of (m[2]!.match(/[A-Za-z]{3,}/g) ?? []).map((a) => a.toLowerCase())) {
      const abbreviates = (w: string) => w.startsWith(arg);
      if (rightWords.some(abbreviates) && !otherWords.some(abbreviates)) return `writes ${m[0]}: its argument "${arg}" is the right choice "${right}"`;
    }
  }
  return undefined;
}
