// The glossary is one key away (g) while a question waits for its answer, and `/` searches
// all of it: an entry's sentence that says what a question's right choice says answers it
// ahead of the step (newcomers read "IPC_PRIVATE: shmget always creates a new segment"
// above shmget's "the same call again: what comes back?", and SIGSEGV's "a write to a
// read-only page" above shmat's "the child writes through its read-only mapping"). Such a
// sentence is declared in the entry's `shows`, with the step that shows it, and held back
// until that step ran (src/app/components/glossary-view.ts); the entry's text says what the
// term is. The rule reads every entry a learner is pointed to while the question waits: the
// terms of its step's texts and of every text before it in the course (the "New terms"
// lines so far), with the parts of them held for steps before it. The same holds for a
// your-turn form's help and say, read while the step's own question waits. `ipclab check`
// runs both rules (validate.ts); the matcher is the English text's words, the Chinese says
// the same.
import { entriesUsed, GLOSSARY, type GlossaryEntry } from './glossary.js';
import type { Choice, Lesson } from './types.js';

/** Words too plain to tell one choice from another. */
const PLAIN = new Set('a an the and or of to in on at by for with from as is are was be it its this that then than so not no yes all any one two each what which when there here now once do does has have can may will'.split(' '));

/** Words that say "not the same one" (another key, a new shmid, a different address): one word. */
const OTHER = new Set(['another', 'new', 'different']);

/** A word as compared: lower case, a plural or past ending off, "another"/"new" as one. */
function stem(word: string): string {
  const w = word.toLowerCase();
  if (OTHER.has(w)) return '~other';
  if (/^[A-Z0-9_]+$/.test(word) || w.length <= 4) return w;
  if (/(?:ches|shes|sses|xes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('ied')) return `${w.slice(0, -3)}y`;
  if (w.endsWith('ed')) return w.slice(0, -2).replace(/e$/, '');
  if (w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1).replace(/e$/, '');
  return w.replace(/e$/, '');
}

/** The words of an English text that may tell a choice apart: no plain words, no bare
 *  numbers but a key's (a key in hex is a word, as its value: IPC_PRIVATE's "the key 0"
 *  names the choice "0x00000000"). */
export function wordsOf(text: string): ReadonlySet<string> {
  let known = WORDS.get(text);
  if (known === undefined) WORDS.set(text, (known = readWords(text)));
  return known;
}

// The validator asks for the words of the same few hundred texts (questions, choices, entries)
// once per sentence it reads: kept per text, a third of a whole-course validation was this.
const WORDS = new Map<string, ReadonlySet<string>>();
const ASKED = new Map<string, ReadonlySet<string>>();

function readWords(text: string): ReadonlySet<string> {
  const words = (text.match(/(?<![A-Za-z0-9_])(?:0x[0-9a-fA-F]+|(?<=\bkey )\d+)(?![A-Za-z0-9_])|[A-Za-z_][A-Za-z0-9_]*/g) ?? []).filter((w) => /^\d/.test(w) || (w.length > 1 && !PLAIN.has(w.toLowerCase())));
  return new Set(words.map((w) => (/^\d/.test(w) ? `#${BigInt(w)}` : stem(w))));
}

/** Words that say how a count moves: with the counted word, the answer to "what will
 *  nattch be?" ("nattch rises by one per mapping"). */
const MOVES = /\b(?:rises|grows|falls|drops|goes (?:up|down)|increases|decreases|by one)\b/i;

/** Words that say how a case ends for what is counted: with two of the question's own words,
 *  the answer to "killed with SIGKILL, semval then is…" ("a lock taken with it is given back
 *  even by a process killed with SIGKILL", fix24a#3: it names no count, yet says which). */
const ENDS = /\b(?:given back|gives? back|returned|restored|released|undone|undoes|reverse[sd]?|freed|stays? (?:taken|held))\b|\bfor\b[^.;:]*\b(?:may|might|could|can) (?:end|die|exit|be killed)\b/i;
// ("…for locks whose holder may end while it holds one" says what the flag is for, the case
// the question asks about: its outcome with it, fix28a#2)

/** A yes-or-no question's last sentence, its predicate the last two words ("Does this run
 *  lose updates?": lose updates). */
const YES_NO = /^(?:Does|Do|Did|Will|Would|Can|Could|Is|Are)\b.*\b([A-Za-z_]+) ([A-Za-z_]+)\?$/;
/** A choice that answers no ("none: the total is exact"). */
const SAYS_NO = /^(?:none|no|not|never|nothing)\b/i;

/** Quantities that stand for the predicate's object and say yes ("lose some"). */
const SOME = 'some|many|most|several|a few';

/** Whether `sentence` says the predicate of a yes-or-no `question` as a fact: in the
 *  question's own words, not negated just before ("two CPUs still lose updates" above race's
 *  "Does this run lose updates?", fix26b#7: it names no choice's own word, yet says yes), its
 *  verb in either person and its object also said as a quantity ("a million increments lose
 *  some almost every time", race's own entry: fix27a#2). */
function saysYes(sentence: string, question: string, passive = true): boolean {
  const asked = sentences(question).at(-1)?.match(YES_NO);
  if (!asked) return false;
  const [, verb, noun] = asked;
  // "Will the segment still be in the kernel?" ends in no predicate
  if (PLAIN.has(verb!.toLowerCase())) return false;
  return new RegExp(`(?<!\\b(?:not|never|no|cannot|n't)\\s+(?:\\w+\\s+)?)\\b${verb}(?:s|es)? (?:${noun}|${SOME})\\b`, 'i').test(sentence) || (passive && saysPassive(sentence, verb!));
}

/** Past participles the course's yes-or-no questions' verbs take that are not verb + "ed". */
const PARTICIPLE: Record<string, string> = { lose: 'lost' };
const participle = (verb: string) => PARTICIPLE[verb.toLowerCase()] ?? verb.toLowerCase().replace(/e?$/, 'ed');

/** Whether `sentence` says the predicate in the passive, of a counted thing: "then one add is
 *  lost" (the atomic add's entry above race 2's "Does this run lose updates?", issue 16), not
 *  "nothing is lost" nor "none is lost", which name no count. */
function saysPassive(sentence: string, verb: string): boolean {
  return new RegExp(`(?<!\\b(?:not|never)\\s+)\\b(?:one|an?|some|many|several|\\d+)\\s+(?:[A-Za-z_]+\\s+){0,2}(?:is|are|was|were|gets?|got)\\s+${participle(verb)}\\b`, 'i').test(sentence);
}

/** Whether `entry` is the one for the predicate a yes-or-no `question` asks ("lost updates"
 *  for "Does this run lose updates?"): its text says what the words mean, a loss in the
 *  passive ("one increment is lost") is that meaning, not this run's answer; its yes in the
 *  question's own words ("lose some almost every time") still answers. */
function definesPredicate(entry: GlossaryEntry, question: string): boolean {
  const asked = sentences(question).at(-1)?.match(YES_NO);
  if (!asked) return false;
  const words = [stem(participle(asked[1]!)), stem(asked[2]!)];
  return entry.terms.some((t) => words.every((w) => wordsOf(t).has(w)));
}

const ERRNO = /(?<![A-Za-z0-9_])(?:E[A-Z0-9]{2,}|SIG[A-Z0-9]{2,})(?![A-Za-z0-9_])/g;

/** The sentences of a text (a sentence ends at . ! ? before a space or the end). */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((s) => s.trim() !== '');
}

/** The words a question says of its own, which point at no choice: not the outcomes it
 *  lists when it names one of each choice's own words ("stored, refused with EACCES, or
 *  killed by SIGSEGV?"). Such a question tells nothing by naming them all, so a sentence that
 *  says which of them comes answers it (SHM_RDONLY's "a write there kills the writer with
 *  SIGSEGV" above shmat's rdonly question). */
function askedWords(question: string, choices: readonly Choice[]): ReadonlySet<string> {
  const key = [question, ...choices.map((c) => c.en)].join('\u0000');
  let known = ASKED.get(key);
  if (known === undefined) ASKED.set(key, (known = readAskedWords(question, choices)));
  return known;
}

function readAskedWords(question: string, choices: readonly Choice[]): ReadonlySet<string> {
  const asked = wordsOf(question);
  const own = choices.map((c, i) => {
    const others = new Set(choices.flatMap((o, j) => (j === i ? [] : [...wordsOf(o.en)])));
    return [...wordsOf(c.en)].filter((w) => !others.has(w));
  });
  const listed = own.map((words) => words.filter((w) => asked.has(w)));
  if (listed.some((words) => words.length === 0)) return asked;
  return new Set([...asked].filter((w) => !listed.some((words) => words.includes(w))));
}

/** What in `sentence` names choice `index` of a question and not every choice: an errno only
 *  it names, or all of its own words (those no other choice and not the question has).
 *  Undefined when it names none of it. */
export function namesChoice(sentence: string, question: string, choices: readonly Choice[], index: number, outcomeOnly = false): string | undefined {
  const choice = choices[index]?.en;
  if (choice === undefined) return undefined;
  const asked = askedWords(question, choices);
  const has = wordsOf(sentence);
  // choices that differ in a number only ("nattch 0 / nattch 1"): how the counted word moves
  const counted = choices.map((c) => c.en.replace(/\d+/g, '#'));
  if (counted.every((c) => c === counted[0]) && /#/.test(counted[0]!)) {
    const word = [...wordsOf(choice)].find((w) => has.has(w));
    if (word && MOVES.test(sentence)) return `how ${word} moves`;
    const shared = [...asked].filter((w) => has.has(w));
    return shared.length >= 2 && ENDS.test(sentence) ? `how the case ends (${shared.join(', ')})` : undefined;
  }
  if (!SAYS_NO.test(choice) && choices.some((c) => SAYS_NO.test(c.en)) && saysYes(sentence, question)) return `yes to "${sentences(question).at(-1)}"`;
  // a lesson's own text names its choices' words all along: there only how the case ends counts
  if (outcomeOnly) return undefined;
  const errnos = new Set(sentence.match(ERRNO) ?? []);
  for (const errno of choice.match(ERRNO) ?? []) {
    const unique = choices.every((c, i) => i === index || !(c.en.match(ERRNO) ?? ([] as string[])).includes(errno));
    if (unique && !asked.has(stem(errno)) && errnos.has(errno)) return errno;
  }
  const others = new Set(choices.flatMap((c, i) => (i === index ? [] : [...wordsOf(c.en)])));
  const own = [...wordsOf(choice)].filter((w) => !others.has(w) && !asked.has(w));
  // all of them, or two ("another inode" of "may change: a new inode")
  const named = own.filter((w) => has.has(w));
  if (named.length === 0 || (named.length < own.length && named.length < 2)) return undefined;
  // a sentence that names every choice's own words compares them, and points at none
  const pointsAtAll = choices.every((c, i) => i === index || [...wordsOf(c.en)].filter((w) => !asked.has(w)).some((w) => has.has(w) && !wordsOf(choice).has(w)));
  return pointsAtAll ? undefined : named.join(' ');
}

/** A question as the rules read it: where it is asked, the choices that may be its answer
 *  (a checkpoint's is the run's, so any; a check's is written down), and the text read with
 *  it (a checkpoint's step's title and say; a check's question alone), whose terms are the
 *  entries the learner looks up then. */
interface Asked {
  where: string;
  lesson: number;
  /** the step it waits on (a check: after the last) */
  step: number;
  question: string;
  /** the step's title, what its question is about (none for a check, asked after every step ran) */
  title: string;
  /** the lesson's title, its subject */
  subject: string;
  choices: readonly Choice[];
  answers: readonly number[];
  read: string;
  /** what the lesson said before a checkpoint's step: its intro and the earlier steps'
   *  titles and says, whose terms the "New terms" lines pointed to (a check, asked once
   *  every step showed what it shows: none) */
  before: string;
}

function questionsOf(lessons: readonly Lesson[]): Asked[] {
  const withChoices = (text: string, choices: readonly Choice[]) => [text, ...choices.map((c) => c.en)].join('\n');
  const before = (lesson: Lesson, step: number) => [lesson.intro.en, ...lesson.steps.slice(0, step).flatMap((s) => [s.title.en, s.say.en])].join('\n');
  return lessons.flatMap((lesson, l) => [
    ...Object.entries(lesson.checkpoints ?? {}).flatMap(([id, cp]) => {
      const step = lesson.steps.findIndex((s) => s.id === id);
      const st = lesson.steps[step];
      if (!cp || !st) return [];
      const read = withChoices([st.title.en, st.say.en, cp.question.en].join('\n'), cp.choices);
      return [{ where: `lesson '${lesson.id}' checkpoint '${id}'`, lesson: l, step, question: cp.question.en, title: st.title.en, subject: lesson.title.en, choices: cp.choices, answers: cp.choices.map((_, i) => i), read, before: before(lesson, step) }];
    }),
    ...(lesson.check ?? []).map((q, i) => ({ where: `lesson '${lesson.id}' check question ${i + 1}`, lesson: l, step: lesson.steps.length, question: q.question.en, title: '', subject: lesson.title.en, choices: q.choices, answers: [q.answer], read: withChoices(q.question.en, q.choices), before: '' })),
  ]);
}

/** What an entry that defines a choice's own name (SIGSEGV, ENOMSG) says of the case the
 *  question asks about: a sentence of it that names the name (or of the name's own entry,
 *  whose every sentence is about it) and says two of the question's words tells when the
 *  name comes (SIGSEGV's "a write to a read-only page" above "the child writes through its
 *  read-only mapping", IPC_NOWAIT's "msgrcv with no message … fails with ENOMSG" above
 *  "the queue is empty. msgrcv with IPC_NOWAIT then…"). Undefined when it says none. */
function namesCase(sentence: string, entry: GlossaryEntry, question: string, choices: readonly Choice[], index: number): string | undefined {
  const alone = entry.terms.length === 1;
  const own = (choices[index]?.en.match(ERRNO) ?? []).filter((name) => entry.terms.includes(name) && (alone || sentence.includes(name)) && choices.every((c, i) => i === index || !c.en.includes(name)));
  if (own.length === 0) return undefined;
  const has = wordsOf(sentence);
  const terms = new Set(entry.terms.map(stem));
  const shared = [...wordsOf(question)].filter((w) => has.has(w) && !terms.has(w));
  return shared.length >= 2 ? `when ${own.join(' ')} comes (${shared.join(', ')})` : undefined;
}

/** Entry sentences that name a choice's words and answer nothing, by entry id and question
 *  (problem text's where), each with why. */
const NOT_ANSWERS: Record<string, string> = {
  "pid lesson 'overview' checkpoint 'create'": 'the entry explains pids; the question asks which key, and the pid choice is wrong on every run',
  "IPC_PRIVATE lesson 'shmget' checkpoint 'size-huge'": 'that programs use a segment by its shmid says nothing of whether 2^62 bytes can be made',
  "SHM_EXEC lesson 'shmat' checkpoint 'bad-id'": "execute permission is SHM_EXEC's EACCES, which shmat(-1, …) never reaches",
  "SHM_REMAP lesson 'shmat' checkpoint 'bad-id'": "SHM_REMAP's EINVAL is for a NULL address with that flag, not for the id -1",
  "shmid lesson 'shmdt' check question 1": 'it says shmat takes a shmid; shmdt, asked about, it does not name',
  "uid lesson 'shmctl' check question 2": 'it says what owner and creator are, not which of them IPC_SET sets',
  "dest lesson 'serv-clnt' checkpoint 'last'": 'the definition of dest, a word of one choice: it says nothing of what two exits leave',
  "errno lesson 'shmctl' checkpoint 'set'": 'what EPERM means, the name of a choice: whether the owner may IPC_SET is what the question asks',
  "ipc lesson 'ftok' checkpoint 'id-bits'": "POSIX IPC does 'the same jobs': of ftok's key it says nothing",
  "ipc lesson 'ftok' checkpoint 'open-sizes'": "POSIX IPC does 'the same jobs': of a shmid it says nothing",
  "address-space lesson 'shmat' checkpoint 'exit'": "'attached with shmat' says what the space holds, not what exit leaves",
  "ftok lesson 'ftok' check question 1": 'the definition of ftok, the lesson\'s subject, which every step of it showed before this review question',
  "shmat lesson 'shmat' check question 1": "its signature's return type, void *, not the (void *) -1 a failure returns",
  "msg-queue lesson 'msg' check question 2": "'msgget returns its msqid' says what msgget returns, not whether a msgsnd that fits returns 0",
};

/** Entries the screen points to from the first lesson on, by id, each with where: a learner
 *  may read them under any question. */
const SCREEN_POINTS: ReadonlyMap<string, string> = new Map([
  ['dest', "the Kernel pane's note under an all-empty status column, 'status: empty here; g: status' (strings.ts statusEmpty; fix28d#4)"],
]);

/** The entries a learner reads while a question waits: those its text and every text
 *  before it in the course use (the "New terms" lines so far), and those `/` finds by the
 *  command or flag both the step's title and its question name, what the step is about,
 *  whose definition (first sentence) says what they are in that term: shmctl's "IPC_RMID
 *  while attached" and dest, "Status of a segment removed with IPC_RMID while still
 *  attached … the last detach frees it", which no text of that step names (fix18h); and the
 *  entries named for the lesson's subject, a word of its title (race's "race, lost updates",
 *  which said race 2's answer: fix27a#2). */
function lookedUp(q: Asked, glossary: readonly GlossaryEntry[]): GlossaryEntry[] {
  const used = new Set([...entriesUsed(q.read, glossary).keys(), ...entriesUsed(q.before, glossary).keys()]);
  // the entries the screen itself points to, whatever the lesson
  for (const entry of glossary) if (SCREEN_POINTS.has(entry.id)) used.add(entry);
  // the entry named for the lesson's subject, which its title names ("a race — …": "race, lost updates")
  const subject = wordsOf(q.subject);
  for (const entry of glossary) if ([...wordsOf(entry.name.en.split(',')[0]!)].some((w) => subject.has(w) && !w.startsWith('#'))) used.add(entry);
  // a command or flag (IPC_RMID), not a word every step says (key)
  const titled = [...entriesUsed(q.title, glossary)].filter(([, words]) => words.some((w) => /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(w)));
  const about = titled.map(([e]) => e).filter((e) => entriesUsed(q.question, glossary).has(e));
  return glossary.filter((entry) => used.has(entry) || about.some((e) => e !== entry && entriesUsed(sentences(entry.text.en)[0] ?? '', glossary).has(e)));
}

/** Sentences shown while a question waits (the text, and the parts held for steps before
 *  it) of the entries a learner is pointed to then that name its right choice or say when
 *  it comes, and `shows` that name no step of the course. */
export function glossaryGiveaways(lessons: readonly Lesson[], glossary: readonly GlossaryEntry[] = GLOSSARY): string[] {
  const problems: string[] = [];
  for (const entry of glossary) {
    for (const held of entry.shows ?? []) {
      const lesson = lessons.find((l) => l.id === held.lesson);
      if (!lesson?.steps.some((s) => s.id === held.step)) problems.push(`glossary '${entry.id}': shows names lesson '${held.lesson}' step '${held.step}', which does not exist`);
    }
  }
  for (const q of questionsOf(lessons)) {
    const read = lookedUp(q, glossary);
    // a yes to a yes-or-no question in its own predicate answers it in any entry: g lists them
    // all and / searches them all (the atomic add's "then one add is lost", met only once race 2
    // ran, stood in the glossary above its "Does this run lose updates?": issue 16)
    const yesNo = YES_NO.test(sentences(q.question).at(-1) ?? '') && q.choices.some((c) => SAYS_NO.test(c.en));
    for (const entry of yesNo ? glossary : read) {
      if (NOT_ANSWERS[`${entry.id} ${q.where}`]) continue;
      const onlyYes = !read.includes(entry);
      for (const sentence of sentences(entry.text.en)) {
        for (const a of q.answers) {
          const named = namesChoice(sentence, q.question, q.choices, a);
          const yes = named?.startsWith('yes to ') === true;
          if (onlyYes && !yes) continue;
          // the entry for the asked words says what they mean: its passive loss is that meaning
          if (yes && definesPredicate(entry, q.question) && !saysYes(sentence, q.question, false)) continue;
          // an entry that defines the word (the errno entry's "EEXIST: it exists already") answers nothing
          const said = named && !entry.terms.includes(named) ? named : q.before && namesCase(sentence, entry, q.question, q.choices, a);
          if (said) problems.push(`glossary '${entry.id}': "${sentence}" names ${said} of '${q.choices[a]!.en}', an answer of ${q.where}: say what the term is, and move this to the entry's shows, with the step that shows it`);
        }
      }
    }
  }
  return problems;
}

/** A checkpoint is asked under what its lesson said before it: the introduction, the titles,
 *  says and notices of the steps before, its own step's title and say. A sentence of them
 *  that says how the asked case ends (a count's move, a yes) answers it as a glossary sentence
 *  would (the words of the choices it names all along, so those alone tell nothing) (sem 6's "SEM_UNDO, a flag for locks whose holder may end while it holds one" above
 *  "the holder … is killed with SIGKILL. semval then is…", fix28a#2). A check (the review,
 *  asked after every step showed its answer) is not read against them. English; the Chinese
 *  says the same. */
export function lessonTextGiveaways(lessons: readonly Lesson[]): string[] {
  return questionsOf(lessons).flatMap((q) => {
    const lesson = lessons[q.lesson]!;
    const cp = lesson.checkpoints?.[lesson.steps[q.step]?.id ?? ''];
    if (!cp || q.title === '') return [];
    const st = lesson.steps[q.step]!;
    const texts = [
      { where: 'the introduction', text: lesson.intro?.en ?? '' },
      ...lesson.steps.slice(0, q.step).flatMap((s, i) => [
        { where: `step ${i + 1}'s say`, text: s.say?.en ?? '' },
        { where: `step ${i + 1}'s notice`, text: s.notice?.en ?? '' },
      ]),
      { where: 'its own say', text: st.say?.en ?? '' },
    ];
    return texts.flatMap(({ where, text }) =>
      sentences(text).flatMap((sentence) => {
        // once a sentence: what it says of the case answers whichever choice the run makes right
        const named = q.answers.map((a) => namesChoice(sentence, q.question, q.choices, a, true)).find((n) => n !== undefined);
        return named ? [`${q.where}: ${where} "${sentence}" says ${named} before the question: say what the step does, not what comes of it`] : [];
      }),
    );
  });
}

/** A your-turn form is read while its step's question waits: its say and its fields' help
 *  must not name a choice of it. */
export function turnGiveaways(lessons: readonly Lesson[]): string[] {
  return questionsOf(lessons).flatMap((q) => {
    const turn = lessons[q.lesson]!.steps[q.step]?.turn;
    if (!turn) return [];
    const helps = [{ where: 'say', text: turn.say.en }, ...turn.fields.flatMap((f) => (f.help ? [{ where: `field '${f.name}' help`, text: f.help.en }] : []))];
    return helps.flatMap(({ where, text }) =>
      sentences(text).flatMap((sentence) =>
        q.answers.flatMap((a) => {
          const named = namesChoice(sentence, q.question, q.choices, a);
          return named ? [`${q.where}: its your-turn ${where} "${sentence}" names ${named} of '${q.choices[a]!.en}': say what the field takes, not what comes of it`] : [];
        }),
      ),
    );
  });
}
