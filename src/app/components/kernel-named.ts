// The Kernel pane's columns that the lesson's words name: a column a step talks about
// (shmctl's IPC_SET changes uid: the owner column) is left out after every other while that
// step is shown; then those the lesson's texts name anywhere, so they stay from step to step
// where the pane has room; the pids (ipcs -p's columns) before the columns ipcs -m shows.
// Both languages' texts count, so the columns are the same in en and zh.
import { entriesUsed, entryFor, GLOSSARY, type GlossaryEntry } from '../../lessons/glossary.js';
import { namesField, QUEUE_COLUMNS, RECORD_NAMED, SEM_COLUMNS, SET_COLUMNS, SHM_COLUMNS } from '../../lessons/pane-words.js';
import type { Lesson } from '../../lessons/types.js';

/** The headings a lesson's words name: the step's (shown now) first, then the lesson's. */
export interface NamedColumns {
  step: ReadonlySet<string>;
  lesson: ReadonlySet<string>;
  /** those the New terms on screen name: the pane's headings where it first shows a table
   *  (every one a glossary entry explains, so all but bytes) -- ranked as the lesson's, not the
   *  step's, so they never put bytes out for a pid column (fix25d#2) */
  terms: ReadonlySet<string>;
  /** the fields of the pane that are no column (IPC_STAT's atime, cuid; a process's wchan) or
   *  a column's figure, that the lesson pane's words on screen name by their name: the pane
   *  shows each in its window as it opens (the record right under the table, its named fields
   *  first; the processes' wchan column), without a key (newcomers pressed ↓ five times for
   *  parent-child 1's atime and never found msg 6's wchan) */
  fields?: ReadonlySet<string>;
  /** the same fields the learner has met by now: named by a text of a lesson before this one
   *  (in course order) or of this lesson up to the step shown (the processes' wchan column is
   *  shown from there on, in every lesson alike) */
  met?: ReadonlySet<string>;
}

export const NOTHING_NAMED: NamedColumns = { step: new Set(), lesson: new Set(), terms: new Set() };

/** The names of the pane's fields a text may name: IPC_STAT's (but key, mode and size, words
 *  of prose: "no key finds them") and the processes' wchan. */
export const FIELD_NAMES: readonly string[] = [...RECORD_NAMED, 'wchan'];

/** The fields (FIELD_NAMES) `text` names by their name, as a word of their own. */
export function fieldsNamed(text: string): Set<string> {
  return new Set(FIELD_NAMES.filter((f) => namesField(text, f)));
}

/** The term a heading is explained by where it is not one itself: status shows dest, messages msg_qnum. */
const EXPLAINED_BY: Readonly<Record<string, string>> = { status: 'dest', messages: 'msg_qnum' };

/** Every table heading with the glossary entry that explains it (a heading no entry holds,
 *  bytes, is a common word in prose and is never taken as named). */
const HEADINGS: readonly { head: string; entry: GlossaryEntry }[] = [...new Set([...SHM_COLUMNS, ...QUEUE_COLUMNS, ...SET_COLUMNS, ...SEM_COLUMNS].map(([h]) => h))].flatMap((head) => {
  const entry = entryFor(EXPLAINED_BY[head] ?? head);
  return entry ? [{ head, entry }] : [];
});

/** The headings whose entries `text` or `words` (New terms, each a glossary term) use. */
export function headingsNamed(text: string, words: readonly string[] = []): Set<string> {
  const used = new Set([...entriesUsed(text, GLOSSARY).keys(), ...words.flatMap((w) => entryFor(w) ?? [])]);
  return new Set(HEADINGS.filter((h) => used.has(h.entry)).map((h) => h.head));
}

/** What a step says, en and zh: before its run (title, text, question and choices) and after (notice, aside). */
function stepTexts(lesson: Lesson, i: number): { before: string; after: string } {
  const step = lesson.steps[i]!;
  const q = lesson.checkpoints?.[step.id];
  const both = (parts: (lang: 'en' | 'zh') => string[]) => (['en', 'zh'] as const).flatMap(parts).join('\n');
  return {
    before: both((lang) => [step.title[lang], step.say[lang], ...(q ? [q.question[lang], ...q.choices.map((c) => c[lang])] : [])]),
    after: both((lang) => [step.notice[lang], step.aside?.[lang] ?? '']),
  };
}

type Parts = { before: ReadonlySet<string>; after: ReadonlySet<string> };
const byStep = new WeakMap<Lesson, Parts[]>();
const fieldsByStep = new WeakMap<Lesson, Parts[]>();
const byLesson = new WeakMap<Lesson, Set<string>>();

/** What `named` finds in each step's texts of `lesson`, before and after its run, kept in `memo`. */
function perStep(lesson: Lesson, memo: WeakMap<Lesson, Parts[]>, named: (text: string) => Set<string>): Parts[] {
  let all = memo.get(lesson);
  if (!all) {
    all = lesson.steps.map((_, k) => {
      const t = stepTexts(lesson, k);
      return { before: named(t.before), after: named(t.after) };
    });
    memo.set(lesson, all);
  }
  return all;
}

/** The headings each step of `lesson` names, before and after its run: the glossary read through
 *  for each, the pane's costliest part at start-up, so only for the lesson shown. */
const stepHeadings = (lesson: Lesson): Parts[] => perStep(lesson, byStep, (text) => headingsNamed(text));
/** The fields each step of `lesson` names by name, before and after its run (for the lessons before
 *  it too: reading the glossary for each of theirs took race's first frame 20 ms at 120x34). */
const stepFields = (lesson: Lesson): Parts[] => perStep(lesson, fieldsByStep, fieldsNamed);

/** The headings any step of `lesson` names. */
export function lessonHeadings(lesson: Lesson): ReadonlySet<string> {
  let all = byLesson.get(lesson);
  if (!all) byLesson.set(lesson, (all = new Set(stepHeadings(lesson).flatMap((p) => [...p.before, ...p.after]))));
  return all;
}

/** The columns named while the learner looks at step `view` with `done` run: the lesson
 *  pane's words then -- the step's text and question, its notice once it ran (else the
 *  notice of the step just run, shown above it), and the New terms on screen. */
export function namedColumns(lesson: Lesson | undefined, view: number, done: number, newTerms: readonly string[], earlier: readonly Lesson[] = []): NamedColumns {
  if (!lesson) return NOTHING_NAMED;
  const parts = stepHeadings(lesson);
  const said = view < done ? parts[view] : view > 0 ? parts[view - 1] : undefined;
  const step = new Set([...(parts[view]?.before ?? []), ...(said?.after ?? [])]);
  const fieldParts = stepFields(lesson);
  const fieldsSaid = view < done ? fieldParts[view] : view > 0 ? fieldParts[view - 1] : undefined;
  // (and those the New terms on screen list: overview 2 listed uid, which the record, made
  // short, left out for the owner column: issue 16)
  const fields = new Set([...(fieldParts[view]?.before ?? []), ...(fieldsSaid?.after ?? []), ...fieldsNamed(newTerms.join('\n'))]);
  const met = new Set([...earlier.flatMap((l) => [...lessonFields(l)]), ...fieldParts.slice(0, view + 1).flatMap((p, i) => [...p.before, ...(i < done ? p.after : [])])]);
  return { step, lesson: lessonHeadings(lesson), terms: headingsNamed('', newTerms), fields, met };
}

const fieldsOf = new WeakMap<Lesson, Set<string>>();
/** The fields (FIELD_NAMES) any step of `lesson` names. */
function lessonFields(lesson: Lesson): ReadonlySet<string> {
  let all = fieldsOf.get(lesson);
  if (!all) fieldsOf.set(lesson, (all = new Set(stepFields(lesson).flatMap((p) => [...p.before, ...p.after]))));
  return all;
}

/** `drop` (least important first) reordered: a column `extra` names first (the pids, which
 *  ipcs lists only with -p: at 120x34 they left out bytes, which the shm lessons read), then a
 *  column no text names, one the lesson or the New terms name, one the shown step's text
 *  names last of all (each group in `drop`'s order; an extra column the step's text names is
 *  in the last group, unless it is `recorded`: a segment's pids, which a text naming them
 *  finds first in the segment's record right under the table, in view: kernel-view.ts
 *  statLines -- so the segment table's columns follow the width and not the step). A column needing no glossary entry (bytes) is ranked as any other:
 *  ranked first for being a plain word, it was the first to go wherever a lesson named a row
 *  or the New terms named the pids (race 2 at 120x34 zh: fix25d#2). A fixed order for a
 *  lesson but for the step's own words. */
export function rankDrop<F>(drop: readonly F[], head: (field: F) => string, named: NamedColumns, extra: readonly F[] = [], recorded: readonly F[] = []): F[] {
  const rank = (f: F) => (extra.includes(f) && (recorded.includes(f) || !named.step.has(head(f))) ? 0 : named.step.has(head(f)) ? 3 : named.lesson.has(head(f)) || named.terms.has(head(f)) ? 2 : 1);
  return [0, 1, 2, 3].flatMap((r) => drop.filter((f) => rank(f) === r));
}
