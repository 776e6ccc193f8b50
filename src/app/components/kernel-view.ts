// The kernel pane's content: ipcs-style rows of ipclab's segments, IPC_STAT of the
// segment in focus, and a hex + text dump of a page of its bytes; ipclab's queues and
// semaphore sets, each section only when it has objects (at 80x24 a lesson about one
// kind is not crowded by the others). Every figure here is copied from /proc/sysvipc,
// IPC_STAT or semctl, never computed or remembered.
import { readFileSync } from 'node:fs';
import type { Decoded, Lesson, ObjectLabel, ProcessInfo } from '../../lessons/types.js';
import type { Lang } from '../../lang.js';
import type { QueueRecord, SegmentRecord, SemaphoreRecord, SemaphoreValue, ShmidDs } from '../../native/types.js';
import { type Line, type Run, type UiTone, line, lineText, lineWidth, run } from '../styled.js';
import { DUMP_BYTES, type Before, type Vanished } from '../store/kernel.js';
import type { Dump } from '../store/deps.js';
import { BACK_MARK, backFields, CHANGE_MARK, changedColumns, changedDecoded, changedDumpRows, changedQueue, changedSem, changedSet, changedStat, type Fleeting, STAT_OF_COLUMN, FLEETING_MARK, GONE_MARK, goneSince, isNew, NEW_MARK, type Owner, type Owners, ownerMark, ownerOf } from './marks.js';
import type { DumpCarry, DumpFill, Strings } from '../strings.js';
import { cells, graphemes, pad, proseWidth, wrap } from '../text-fit.js';
import { sanitize } from '../../text/sanitize.js';
import { DUMP_BASE, dumpMarks, dumpTexts } from '../../text/dump.js';
import { LATER_COLUMNS, QUEUE_COLUMNS, SEM_COLUMNS, SET_COLUMNS, SHM_COLUMNS, STAT_FIELDS } from '../../lessons/pane-words.js';
import { type NamedColumns, NOTHING_NAMED, rankDrop } from './kernel-named.js';

/** A table's columns: heading and the field each shows, and which go first when the pane
 *  is narrow -- every column but the one naming the row (shmid, msqid, semid, semnum), the
 *  least important (the one a lesson talks about least) first. A column is as wide as its
 *  heading or its widest figure, and a cell for the change mark when a figure in it carries
 *  one, nothing more: the narrower the columns, the fewer a pane must leave out. */
interface Columns<T> {
  cols: readonly (readonly [string, keyof T])[];
  /** the figures that name the object (key, id, owner): all a removed row shows, its other
   *  figures blank -- the ones it had before the step would contradict the trace (nattch 1
   *  after the shmdt that brought it to 0) */
  identity: readonly (keyof T)[];
  /** the figures that are process ids: their columns are chosen as wide as pid_max's
   *  digits, so a pid that grows a digit mid-lesson never makes a column leave */
  pids?: readonly (keyof T)[];
  drop: readonly (keyof T)[];
  /** the columns ipcs lists only with -p (its own listing, ipcs -m, has the rest): left out
   *  before the others unless the shown step names them (rankDrop) */
  extra?: readonly (keyof T)[];
  /** figures that never change while the object lives (a new row's mark is on the column
   *  naming it): no cell for the change mark, so more columns fit beside a "use" column */
  still: readonly (keyof T)[];
  /** a table whose rows a lesson may name (ctx.label): its columns are chosen as if the
   *  widest "use" column were there (LABEL_MOST), in every lesson and the playground alike */
  labelled?: boolean;
  /** extra columns whose figures the record under the table shows (a segment's cpid, lpid):
   *  a text naming them finds them there, first, and leaves the table's columns as they are */
  recorded?: readonly (keyof T)[];
}

/** The cells of the widest name a lesson gives an object (race's "counter"; 计数器 is 6):
 *  a table's columns are chosen for the room left beside a "use" column this wide, so a
 *  table shows the same columns at a width in every lesson, named rows or not (cpid stood
 *  in serv-clnt's table at 120x34 and not in parent-child's or race's). tests/app/
 *  kernel-named-in-view.test.ts holds every name a lesson gives, and the headings (use, 用途), to this. */
export const LABEL_MOST = 7;

/** The digits of the largest pid this kernel gives (pid_max: 32768 by default, 4194304 on
 *  many distributions); 7 where it cannot be read. */
export const PID_DIGITS = (() => {
  try {
    const max = Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8').trim());
    return Number.isInteger(max) && max > 1 ? String(max - 1).length : 7;
  } catch {
    return 7;
  }
})();

/** ipcs -m's columns and lsipc -m's pids. */
const SHM: Columns<SegmentRecord> = {
  cols: SHM_COLUMNS,
  drop: ['cpid', 'lpid', 'owner', 'perms', 'size', 'status', 'key', 'nattch'],
  still: ['size', 'cpid'],
  identity: ['key', 'shmid', 'owner'],
  pids: ['cpid', 'lpid'],
  extra: ['cpid', 'lpid'],
  labelled: true,
  recorded: ['cpid', 'lpid'],
};

/** Whether the column `head` comes later than its object and is not drawn yet (TableMarks.columns). */
const notYet = (head: string, m: Pick<TableMarks, 'columns'>) => !!m.columns && LATER_COLUMNS.has(head) && !m.columns.has(head);

/** `c` with only the columns the pane draws now (TableMarks.columns): a column that comes later
 *  than its object is left out, whole, before the call that brings it. */
function drawn<T>(c: Columns<T>, m: Pick<TableMarks, 'columns'>): Columns<T> {
  if (!m.columns) return c;
  const out = (f: keyof T) => notYet(c.cols.find(([, field]) => field === f)?.[0] ?? '', m);
  return { ...c, cols: c.cols.filter(([, f]) => !out(f)), drop: c.drop.filter((f) => !out(f)), ...(c.extra ? { extra: c.extra.filter((f) => !out(f)) } : {}) };
}

/** The columns of a table that fit `width` cells after an indent: every column while they
 *  fit; else the columns not in `drop` (the one naming the row), then each of `drop` from
 *  the most important (its last) down, while it fits: a column is left out whole, never a
 *  figure cut, and by a fixed priority -- a wider pane keeps all a narrower one does (a
 *  narrow column kept past a wider, more important one left out would leave again when the
 *  pane grows by a cell). */
export function keptColumns(widths: readonly number[], width: number, indent: number, drop: readonly number[], never: readonly number[] = []): number[] {
  const need = (cols: readonly number[]) => indent + cols.reduce((n, i) => n + widths[i], 0) + cols.length - 1;
  // `never`: columns another table of the pane left out (one column set for the whole pane)
  const all = widths.map((_, i) => i).filter((i) => !never.includes(i));
  if (need(all) <= width) return all;
  const kept = all.filter((i) => !drop.includes(i));
  for (const i of [...drop].filter((d) => !never.includes(d)).reverse()) {
    if (need([...kept, i]) > width) break;
    kept.push(i);
  }
  return kept.sort((a, b) => a - b);
}

/** How the table marks its rows: whose each segment (queue, set) is, and what the last step changed. */
export interface TableMarks {
  owners: Owners;
  /** the queues and sets this lesson's calls returned (all listed ones are ipclab's) */
  lessonQueues?: ReadonlySet<number>;
  lessonSets?: ReadonlySet<number>;
  before: Before | null;
  /** the mark beside a changed figure (CHANGE_MARK); null: changes are not marked */
  mark: string | null;
  ascii: boolean;
  /** the names the lesson gave its objects (ObjectLabel), by kind and id, in the learner's language */
  labels?: Partial<Record<ObjectLabel['kind'], ReadonlyMap<number, string>>>;
  /** the lesson's objects removed from outside since the step: not shown as removed by it */
  vanished?: readonly Vanished[];
  /** the objects the last step made and removed within it: shown once, dimmed, FLEETING_MARK */
  fleeting?: Fleeting;
  /** the step `before` is about is still running: what it changed is not known yet */
  running?: boolean;
  /** the learner moved the focus with s since the step: the step did not (the legend's ▸ words) */
  picked?: boolean;
  /** the columns (by heading) some table of the pane leaves out: left out of every table,
   *  so the pane's tables show one column set (owner in all or in none) */
  never?: ReadonlySet<string>;
  /** where each table adds the headings of the columns it leaves out */
  seen?: Set<string>;
  /** the columns the lesson's words name (kernel-named.ts): left out after every other */
  named?: NamedColumns;
  /** the columns that come later than their object (pane-words.ts LATER_COLUMNS: sempid,
   *  semncnt, lspid, …) the pane draws now, those a call of the lesson brought; undefined: every
   *  column (ipclab ipcs, the playground). sem 1 drew semncnt over a 0 no text spoke of, and
   *  listed it a new term there (issue 16) */
  columns?: ReadonlySet<string>;
  /** of those, the ones the last step brought: the legend names each ("+ column semncnt: …") */
  newColumns?: readonly string[];
  /** the widest owner name the lesson may show (Lesson.owners): the owner column is that wide at
   *  every step (shmctl 4's "nobody" widened it by a cell for that step: issue 16) */
  ownerCells?: number;
}

/** The heading each line of a table (a dump, a packed block) stands under: the pane
 *  follows a changed line with its heading in view, and a table's heading stays in view
 *  while its rows are (`sticky`). Kept by line, since sections are made apart and joined. */
const UNDER = new WeakMap<Line, { head: Line; sticky: boolean }>();
/** The table row of the segment in focus (▸): kept in view with what a step changed. */
const FOCUSED = new WeakSet<Line>();
/** The rows of the tables of IPC objects (segments, queues, sets), as ipcs lists them: a window a
 *  run opens on that shows them never trades one for a blank row (filled). */
const OBJECT_ROWS = new WeakSet<Line>();
/** The note under a table naming the columns it leaves out: part of its table, no window starts at it. */
const TAIL = new WeakSet<Line>();
/** A table's title ("Shared Memory Segments (ipcs -m)"): one heading with its column names,
 *  never parted from them by a window's top or bottom. */
const TITLES = new WeakSet<Line>();
function titleLine(text: string): Line {
  const l = line(text, 'label');
  TITLES.add(l);
  return l;
}
/** Where the heading at `at` starts: at its table's title right above it, else at itself. */
function headStart(lines: readonly Line[], at: number): number {
  return at > 0 && TITLES.has(lines[at - 1]!) ? at - 1 : at;
}
/** The column names a table row stands under (null for a line that is no table's row): a row
 *  is never in view without them (tests/app/kernel-record-in-view.test.ts). */
export function rowHeading(l: Line): Line | null {
  const u = UNDER.get(l);
  return u?.sticky ? u.head : null;
}
/** Whether `l` is the row of the segment in focus (▸). */
export const isFocusedRow = (l: Line): boolean => FOCUSED.has(l);
/** The IPC_STAT fields whose figures the row in focus shows (its columns kept). */
const ROW_SHOWS = new WeakMap<Line, ReadonlySet<keyof ShmidDs>>();
/** The IPC_STAT fields the row `l` shows (none for a line that is not the row in focus). */
export const rowShows = (l: Line): ReadonlySet<keyof ShmidDs> => ROW_SHOWS.get(l) ?? new Set();
function under(rows: readonly Line[], head: Line, sticky: boolean): void {
  for (const r of rows) if (r !== head) UNDER.set(r, { head, sticky });
}

const NO_MARKS: TableMarks = { owners: { lesson: new Set(), ipclab: new Set() }, before: null, mark: null, ascii: false };

/** The cells of a row, a space between each; a changed figure in the changed tone with
 *  the mark right after it, inside its column (`widths` leave it a cell); the last one
 *  unpadded. A `fresh` row (new since the step) is in the changed tone as a whole, a `gone`
 *  row (the step removed it) dimmed as a whole; their own mark is in the row's lead (`rowMark`). */
function rowRuns(values: string[], tone: UiTone, changed: (i: number) => boolean, mark: string | null, widths: readonly number[], fresh = false, gone = false, back: (i: number) => boolean = () => false): Run[] {
  return values.flatMap((v, i) => {
    const hit = changed(i);
    // a figure the step changed or changed and brought back
    const text = hit && mark ? `${v}${back(i) ? BACK_MARK : mark}` : v;
    const shown = gone ? 'dim' : fresh && mark ? 'changed' : tone;
    return [...(i === 0 ? [] : [run(' ', shown)]), run(i === values.length - 1 ? text : pad(text, widths[i]), gone ? 'dim' : hit ? 'changed' : shown)];
  });
}

/** The cells before every row of a table while changes are marked: a row's own mark, new
 *  (NEW_MARK), removed (GONE_MARK) or made and removed (FLEETING_MARK), in a column of its
 *  own at the line's start, as diff marks lines (after the id, "1998897-" read as a negative
 *  number). As wide as the widest mark and a blank (no "+-●") at every step, whatever rows
 *  are shown: one cell widened to three for shmctl 4's made-and-removed row and moved every
 *  column of that step (issue 16). The processes' table keeps the same column. */
export function rowMarkCells(m: Pick<TableMarks, 'mark'>): number {
  return m.mark === null ? 0 : cells(FLEETING_MARK) + 1;
}
function rowMark(r: { fresh?: boolean; gone?: boolean; fleeting?: boolean }, slot: number): string {
  return slot === 0 ? '' : pad(r.fleeting ? FLEETING_MARK : r.gone ? GONE_MARK : r.fresh ? NEW_MARK : '', slot);
}

/** Each column's width: its heading's, or the widest figure in it and a cell for the change
 *  mark (where `marked` says the column can carry one), so a mark never touches the next
 *  column's figure and every row keeps the columns. */
export function fitWidths(heads: readonly string[], rows: readonly string[][], marked: readonly boolean[] = heads.map(() => true)): number[] {
  return heads.map((h, i) => Math.max(cells(h), ...rows.map((r) => cells(r[i] ?? '') + (marked[i] ? 1 : 0))));
}

/** ipcs -q's columns and lsipc -q's pids. */
const QUEUE: Columns<QueueRecord> = {
  cols: QUEUE_COLUMNS,
  drop: ['owner', 'perms', 'usedBytes', 'lspid', 'lrpid', 'key', 'messages'],
  still: ['key'],
  identity: ['key', 'msqid', 'owner'],
  pids: ['lspid', 'lrpid'],
  extra: ['lspid', 'lrpid'],
  // no lesson names a queue (tests/app/kernel-named-in-view.test.ts): no room kept for a "use" column
};
/** ipcs -s's columns; under each set its semaphores as ipcs -s -i lists them. */
const SET: Columns<SemaphoreRecord> = {
  cols: SET_COLUMNS,
  drop: ['owner', 'perms', 'key', 'nsems'],
  still: ['key', 'nsems'],
  identity: ['key', 'semid', 'owner'],
  labelled: true,
};
const SEM: Columns<SemaphoreValue> = {
  cols: SEM_COLUMNS,
  drop: ['sempid', 'semzcnt', 'semncnt'],
  still: [],
  identity: ['semnum'],
  pids: ['sempid'],
};

function lessonMark(id: number, lesson: ReadonlySet<number> | undefined, ascii: boolean): string {
  return ownerMark(lesson?.has(id) ? 'lesson' : 'ipclab', ascii);
}

/** The leads of a table's rows and its heading's indent: the owner mark (`marks[i]`), and
 *  where the lesson named any of the rows' objects, a column of those names (headed `head`)
 *  right after it, so the learner tells "down" from "up" without comparing shmids. */
function leads(kind: ObjectLabel['kind'], ids: readonly number[], marks: readonly string[], m: TableMarks, head: string, indent: string): { leads: string[]; indent: string } {
  const names = ids.map((id) => sanitize(m.labels?.[kind]?.get(id) ?? ''));
  if (names.every((n) => n === '')) return { leads: marks.map((mk) => `${mk} `), indent };
  const w = Math.max(cells(head), ...names.map(cells));
  return { leads: marks.map((mk, i) => `${mk} ${pad(names[i], w)} `), indent: `${indent}${pad(head, w)} ` };
}

/** A field as its column shows it; the owner is a user name from the system: outside text. */
function cell(value: unknown, field: string): string {
  if (field === 'owner') return sanitize(String(value));
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

function heading(names: readonly string[], indent: string, widths: readonly number[]): Line {
  return [run(indent, 'label'), ...rowRuns([...names], 'label', () => false, null, widths)];
}

/** One table: heading and rows (each after its `lead`), the columns that fit `width`
 *  (the table's `drop` left out first, their headings added to `hidden`), changed figures marked. */
function table<T>(
  { cols, drop, still, identity, pids = [], extra = [], labelled = false, recorded = [] }: Columns<T>,
  rows: readonly { item: T; lead: string; tone: UiTone; changed: ReadonlySet<keyof T>; back?: ReadonlySet<keyof T>; fresh?: boolean; gone?: boolean; fleeting?: boolean }[],
  mark: string | null,
  slot: number,
  indent: string,
  width: number,
  hidden?: Set<string>,
  never: ReadonlySet<string> = new Set(),
  named: NamedColumns = NOTHING_NAMED,
  goneWord = '',
  ownerCells = 0,
): Line[] {
  // a removed row: its identity, then `goneWord` ("removed") in words, never blank columns
  // (the figures before the step are not the kernel's now; blank, "-● down 0x00000000 15925289
  // root" and nothing after read as a broken row: issue 16)
  const all = rows.map((r) => cols.map(([, field]) => (r.gone && !identity.includes(field) ? '' : cell(r.item[field], String(field)))));
  const marked = cols.map(([, field]) => !still.includes(field));
  const hits = (r: (typeof rows)[number], field: keyof T) => r.changed.has(field) || !!r.back?.has(field);
  // the column naming the row (the one never left out): its row's own mark is in the lead, not after it
  const id = cols.findIndex(([, field]) => !drop.includes(field));
  // the columns are measured by the rows the kernel lists: a removed row shows its identity and
  // the word, and its owner ("nobody" after shmctl 4's IPC_SET) left out lpid for the one step it
  // stood there; where every row is removed, by those
  const listed = rows.some((r) => !r.gone) ? all.filter((_, n) => !rows[n].gone) : all;
  // the lesson's widest figures, not this step's, choose and draw the columns: a cell for the
  // mark in every column that can carry one, a pid as wide as pid_max allows, an empty status
  // as wide as its heading -- so no column comes, goes or moves between the steps of a lesson
  // (status left out once lpid grew a digit, back two steps later; shmctl 6's "0x00000000*"
  // widened key and moved every column right of it for a step: issue 16)
  // (and an owner as wide as the widest name the lesson may give an object: ownerCells)
  const widths = fitWidths(cols.map(([head]) => head), listed, marked.map((m, i) => m && i !== id && mark !== null)).map((w, i) =>
    Math.max(w, pids.includes(cols[i][1]) ? PID_DIGITS + (marked[i] && mark !== null ? 1 : 0) : 0, cols[i][1] === 'owner' ? ownerCells + (marked[i] && mark !== null ? 1 : 0) : 0),
  );
  // a column the step names is left out last, then one the lesson names (shmctl's owner at 120 columns)
  const headOf = (f: keyof T) => cols.find(([, field]) => field === f)?.[0] ?? '';
  // by rank alone, never by what the rows hold now: a column with no figure yet (status before
  // IPC_RMID) keeps its place, so no column comes in for another when a step fills it (status
  // pushed cpid out at IPC_RMID: issue 16); shown empty, the note under the table says where
  // to read what it would hold (statusEmpty)
  const order = rankDrop(drop, headOf, named, extra, recorded).map((f) => cols.findIndex(([, field]) => field === f));
  // the lead's room: the row marks' column, then the widest a lesson gives this table (a "use"
  // column of LABEL_MOST cells after the owner mark), whatever this lesson gives it -- one
  // column set at a width (race's "计数器" left lpid to the record where parent-child's "down"
  // kept it in the table, the same pane: issue 16)
  const lead = slot + (labelled ? Math.max(cells(indent), 2 + LABEL_MOST + 1) : cells(indent));
  const kept = keptColumns(widths, width, lead, order, cols.flatMap(([head], i) => (never.has(head) && order.includes(i) ? [i] : [])));
  for (const [i, [head]] of cols.entries()) if (!kept.includes(i)) hidden?.add(head);
  // a removed row's identity (its owner, "learner" or "nobody" under a column the listed rows
  // make 5 wide) widens its column as drawn where the pane has the room: it ran into the next
  // column's figures (fixR2); the columns kept are still chosen by the listed rows
  const room = kept.map((i) => Math.max(widths[i], ...rows.flatMap((r, n) => (r.gone ? [cells(all[n][i])] : []))));
  const drawn = draw(room);
  return drawn.every((l) => cells(lineText(l)) <= width) ? drawn : draw(kept.map((i) => widths[i]));

  function draw(w: number[]): Line[] {
  const out: Line[] = [heading(kept.map((i) => cols[i][0]), ' '.repeat(slot) + indent, w)];
  // a removed row's figures end after its identity's last column kept, with the word
  const last = Math.max(-1, ...kept.flatMap((i, at) => (identity.includes(cols[i][1]) ? [at] : [])));
  rows.forEach((r, n) => {
    // (its last figure and the word one cell: an owner wider than the column the listed rows
    // give it, "nobody", pushes the word on, never cut to "nobo…")
    const ends = (i: number) => (cells(all[n][i]) > w[last] ? all[n][i] : pad(all[n][i], w[last]));
    const values = r.gone && goneWord && last >= 0 ? [...kept.slice(0, last).map((i) => all[n][i]), `${ends(kept[last])} ${goneWord}`] : kept.map((i) => all[n][i]);
    const back = (i: number) => !!r.back?.has(cols[kept[i]][1]);
    const tone = r.gone ? 'dim' : r.fresh && mark ? 'changed' : r.tone;
    out.push([run(rowMark(r, slot), tone), run(r.lead, r.tone), ...rowRuns(values, r.tone, (i) => kept[i] !== id && marked[kept[i]] && hits(r, cols[kept[i]][1]), mark, w, r.fresh, r.gone, back)]);
  });
  under(out, out[0], true);
  for (const l of out.slice(1)) OBJECT_ROWS.add(l);
  return out;
  }
}

/** Under a table, the columns it left out for width and the command that shows them, every
 *  time one is left out: without it a lesson would seem to show other columns than the next
 *  (or than its own step before) for no reason. */
function hiddenNote(hidden: ReadonlySet<string>, s: Strings, width: number, m: TableMarks = NO_MARKS, live = true): Line[] {
  for (const head of hidden) m.seen?.add(head);
  // under a table of removed rows only (the kernel holds none now: parent-child 8/8, race 5/5)
  // the note spoke of an empty list: it goes with a table that shows objects
  if (hidden.size === 0 || !live) return [];
  const out = sentence(wrap(s.columnsHidden([...hidden]), Math.max(10, proseWidth(width))).map((piece) => line(piece, 'dim')));
  for (const l of out) TAIL.add(l);
  return out;
}

/** A table's rows in the order the learner looks for them: this lesson's objects (●) first,
 *  then other runs' of ipclab (○), then the rest, each group in the kernel's order (listed
 *  as /proc has them, the lesson's own row stood below two of other runs, out of view at
 *  120x34: fix24e#1). */
function lessonFirst<T>(rows: readonly T[], owner: (row: T) => Owner): T[] {
  const rank = (row: T) => (owner(row) === 'lesson' ? 0 : owner(row) === 'ipclab' ? 1 : 2);
  return [...rows].sort((a, b) => rank(a) - rank(b));
}

/** ipclab's message queues as ipcs -q lists them (a section only when there are some);
 *  the title only when asked (the column names say what the rows are). */
export function queueTableLines(queues: readonly QueueRecord[], s: Strings, m: TableMarks = NO_MARKS, title = true, width = Infinity): Line[] {
  // the queues the step removed, once more after it (dimmed, GONE_MARK)
  const gone = [...goneQueues(queues, m), ...fleetingOf(m, 'msg')];
  const all = [...queues, ...gone];
  if (all.length === 0) return [];
  const l = leads('msg', all.map((q) => q.msqid), all.map((q) => lessonMark(q.msqid, m.lessonQueues, m.ascii)), m, s.labelHead, '  ');
  const rows = [
    ...queues.map((q, i) => {
      const changed = changedQueue(q, m.before);
      return { item: q, lead: l.leads[i], tone: 'plain' as const, changed, back: backFields(q, `msg:${q.msqid}`, m.before, changed), fresh: isNew(m.before, (b) => b.queues, (x) => x.msqid === q.msqid) };
    }),
    ...gone.map((q, i) => ({ item: q, lead: l.leads[queues.length + i], tone: 'dim' as const, changed: goneMarked<QueueRecord>('msqid'), gone: true, fleeting: isFleeting(m, 'msg', q.msqid) })),
  ];
  const hidden = new Set<string>();
  return [...(title ? [titleLine(s.queuesHead)] : []), ...table(drawn(QUEUE, m), lessonFirst(rows, (r) => (m.lessonQueues?.has(r.item.msqid) ? 'lesson' : 'ipclab')), m.mark, rowMarkCells(m), l.indent, width, hidden, m.never, m.named, s.markGone(null), m.ownerCells), ...hiddenNote(hidden, s, width, m, queues.length > 0)];
}

/** ipclab's semaphore sets as ipcs -s lists them, each with its semaphores (semctl
 *  GETALL, GETNCNT, GETZCNT, GETPID), or why they cannot be read. */
export function semaphoreTableLines(sets: readonly SemaphoreRecord[], s: Strings, m: TableMarks = NO_MARKS, title = true, width = Infinity): Line[] {
  // the sets the step removed, once more after it: their row dimmed, GONE_MARK, no semaphores
  const gone = [...goneSets(sets, m), ...fleetingOf(m, 'sem')];
  const all = lessonFirst([...sets, ...gone], (set) => (m.lessonSets?.has(set.semid) ? 'lesson' : 'ipclab'));
  if (all.length === 0) return [];
  const hidden = new Set<string>();
  const out: Line[] = title ? [titleLine(s.setsHead)] : [];
  const l = leads('sem', all.map((set) => set.semid), all.map((set) => lessonMark(set.semid, m.lessonSets, m.ascii)), m, s.labelHead, '  ');
  all.forEach((set, n) => {
    const removed = !sets.includes(set);
    const fresh = !removed && isNew(m.before, (b) => b.semaphores, (x) => x.semid === set.semid);
    const row = removed
      ? { item: set, lead: l.leads[n], tone: 'dim' as const, changed: goneMarked<SemaphoreRecord>('semid'), gone: true, fleeting: isFleeting(m, 'sem', set.semid) }
      : { item: set, lead: l.leads[n], tone: 'plain' as const, changed: changedSet(set, m.before), back: fresh ? undefined : backFields(set, `sem:${set.semid}`, m.before, changedSet(set, m.before)), fresh };
    const setRow = table(drawn(SET, m), [row], m.mark, rowMarkCells(m), l.indent, width, hidden, m.never, m.named, s.markGone(null), m.ownerCells);
    // the sets' heading once, above the first (every set's row under it)
    if (n > 0) under(setRow.slice(1), out[title ? 1 : 0], true);
    out.push(...(n === 0 ? setRow : setRow.slice(1)));
    if (removed) return;
    if (!set.sems) {
      out.push(line(`    ${s.semsUnread(set.semsError ?? '?')}`, 'dim'));
      return;
    }
    // a process waiting on a semaphore is what a lesson points at: it stands out
    // a new set's semaphores are new rows too; a semaphore is never added to a set
    const rows = set.sems.map((v) => {
      const changed = changedSem(set.semid, v, m.before);
      return { item: v, lead: '    ', tone: (v.semncnt + v.semzcnt > 0 ? 'active' : 'plain') as UiTone, changed, back: fresh ? undefined : backFields(v, `sem:${set.semid}:${v.semnum}`, m.before, changed), fresh };
    });
    out.push(...table(drawn(SEM, m), rows, m.mark, rowMarkCells(m), '    ', width, hidden, m.never, m.named));
  });
  return [...out, ...hiddenNote(hidden, s, width, m, sets.length > 0)];
}

/** The table's columns the segment's record (IPC_STAT, under the table) shows by the same name:
 *  the note of columns left out names none of them ("太窄未显示：cpid" over the record's "cpid 26404": issue 16) */
const IN_RECORD: ReadonlySet<string> = new Set(['cpid', 'lpid']);

/** The cells of the widest owner name `lesson`'s steps may give an object (TableMarks.ownerCells). */
export function ownerRoom(lesson: Pick<Lesson, 'owners'> | undefined): number {
  return Math.max(0, ...(lesson?.owners?.() ?? []).map((name) => cells(cell(name, 'owner'))));
}

export function segmentTableLines(segments: readonly SegmentRecord[], focus: number | null, s: Strings, m: TableMarks = NO_MARKS, width = Infinity, title = false, recorded = false): Line[] {
  // the segments the step removed, once more after it (dimmed, GONE_MARK before it)
  const gone = [...goneSegments(segments, m), ...fleetingOf(m, 'shm')];
  const all = [...segments, ...gone];
  const l = leads('shm', all.map((seg) => seg.shmid), all.map((seg) => ownerMark(ownerOf(seg.shmid, m.owners), m.ascii)), m, s.labelHead, '  ');
  const removed = gone.map((seg, i) => ({ item: seg, lead: l.leads[segments.length + i], tone: 'dim' as const, changed: goneMarked<SegmentRecord>('shmid'), fresh: false, gone: true, fleeting: isFleeting(m, 'shm', seg.shmid) }));
  const rows = segments.map((seg, i) => {
    const focused = seg.shmid === focus;
    const tone: UiTone = focused ? 'active' : 'plain';
    // the row whose bytes and IPC_STAT the pane details below: ▸ in the cell after the owner mark
    const lead = focused ? `${[...l.leads[i]][0]}${focusMark(m.ascii)}${[...l.leads[i]].slice(2).join('')}` : l.leads[i];
    const changed = changedColumns(seg, m.before);
    return { item: seg, lead, tone, changed, back: backFields(seg, `shm:${seg.shmid}`, m.before, changed), fresh: isNew(m.before, (b) => b.segments, (x) => x.shmid === seg.shmid) };
  });
  const head = title ? [titleLine(s.segmentsHead)] : [];
  // no row at all: no column names over nothing, and no note of columns left out of no table
  if (all.length === 0) return [...head, ...said(s.noSegments, width)];
  const hidden = new Set<string>();
  const sorted = lessonFirst([...rows, ...removed], (r) => ownerOf(r.item.shmid, m.owners));
  const out = [...head, ...table(SHM, sorted, m.mark, rowMarkCells(m), l.indent, width, hidden, m.never, m.named, s.markGone(null), m.ownerCells)];
  const at = sorted.findIndex((r) => r.item.shmid === focus && segments.includes(r.item));
  if (at >= 0) {
    const row = out[(title ? 2 : 1) + at];
    FOCUSED.add(row);
    ROW_SHOWS.set(row, new Set(SHM.cols.flatMap(([head, field]) => (hidden.has(head) || !STAT_OF_COLUMN[field] ? [] : [STAT_OF_COLUMN[field]!]))));
  }
  // only removed rows (-): the sentence says what they are (a "no segment" under them read
  // as the pane contradicting its own rows: fix25d#1)
  // (naming only the row marks drawn, each of which the legend explains)
  const drawn = [removed.some((r) => !r.fleeting) ? GONE_MARK : null, removed.some((r) => r.fleeting) ? FLEETING_MARK : null].filter((x): x is string => x !== null);
  if (segments.length === 0) out.push(...said(s.segmentsAllGone(m.before ? m.before.step + 1 : null, drawn), width));
  // a column the record below shows is no column left out: the note leaves it out (it is seen, m.seen)
  for (const head of hidden) m.seen?.add(head);
  const unseen = recorded ? new Set([...hidden].filter((head) => !IN_RECORD.has(head))) : hidden;
  return [...out, ...hiddenNote(unseen, s, width, m, segments.length > 0)];
}

/** A sentence of the pane's own, wrapped whole at the pane's width (never cut with "…"). */
function said(text: string, width: number, tone: UiTone = 'dim'): Line[] {
  return sentence(wrap(text, Math.max(10, proseWidth(width))).map((piece) => line(piece, tone)));
}

/** The lines of one sentence of the pane's own wrapped over several (a note, the "ended:"
 *  line, the dump's legend): the window the pane opens on never ends inside one (`keepWhole`). */
const SENTENCE = new WeakMap<Line, readonly Line[]>();
function sentence(lines: Line[]): Line[] {
  if (lines.length > 1) for (const l of lines) SENTENCE.set(l, lines);
  return lines;
}
/** The lines of the sentence `l` is a line of (null: a line that is no wrapped sentence's). */
export const sentenceOf = (l: Line): readonly Line[] | null => SENTENCE.get(l) ?? null;

/** The pane's lines with the window of `rows` lines from `top` (where it opens after a step)
 *  ending at no line inside a sentence, nor at a table's heading alone: a sentence that starts
 *  in the window and goes on below it moves below the window whole, blank lines in its place
 *  ("…shown here once more: no" over "↓ 1 more", "ended: C client pid 18103, ipclab's server
 *  pid 18104," at serv-clnt 5: issue 16, s26c#1); so does a heading (with its table's title,
 *  and a blank after it) whose rows are all below the window (the processes' column names at
 *  the bottom of shmat 9-11's pane, zh 120x34, their rows out of view: issue 16, s28h); what
 *  starts at the window's top, or is taller than it, stays. */
export function keepWhole(lines: readonly Line[], top: number, rows: number): readonly Line[] {
  const end = top + rows;
  let kept = lines;
  // moving a heading down may end the window inside a sentence, and the other way round
  for (let pass = 0; pass < 3; pass++) {
    // a blank between two parts that would end the window, the next part below it, goes: a
    // blank row over "↓ 2 more" (shmat 2 at 80x24, over the keys' words: issue 16)
    while (kept.length > end && GAP.has(kept[end - 1]!)) kept = [...kept.slice(0, end - 1), ...kept.slice(end)];
    const first = cutFrom(kept, end);
    if (first === null || first <= top) return kept;
    kept = [...kept.slice(0, first), ...Array.from({ length: end - first }, (): Line => []), ...kept.slice(first)];
  }
  return kept;
}

/** Where the lines that must not end a window ending at `end` start: the sentence it would
 *  end inside, or the heading it would end with (its table's title above it) whose rows are
 *  below it; null where the window ends well. */
function cutFrom(lines: readonly Line[], end: number): number | null {
  const last = lines[end - 1];
  const next = lines[end];
  const group = last ? SENTENCE.get(last) : undefined;
  if (group && next && SENTENCE.get(next) === group) return lines.indexOf(group[0]!);
  const blank = (l: Line | undefined) => !!l && lineText(l).trim() === '';
  const at = blank(last) ? end - 2 : end - 1;
  const head = lines[at];
  if (!head || !lines.slice(end).some((l) => UNDER.get(l)?.head === head && UNDER.get(l)!.sticky)) return null;
  if (lines.slice(at + 1, end).some((l) => UNDER.get(l)?.head === head)) return null;
  return headStart(lines, at);
}

/** The objects of a kind the last step removed (the pane's change marks on), not those
 *  removed from outside since (said apart: KernelInput.notes). */
function removed<T>(m: TableMarks, kind: ObjectLabel['kind'], was: (b: Before) => readonly T[], now: readonly T[], id: (x: T) => number): T[] {
  if (!m.mark) return [];
  const outside = new Set((m.vanished ?? []).filter((v) => v.kind === kind).map((v) => v.id));
  return goneSince(m.before, was, now, id).filter((x) => !outside.has(id(x)));
}
const goneSegments = (segments: readonly SegmentRecord[], m: TableMarks) => removed(m, 'shm', (b) => b.segments, segments, (seg) => seg.shmid);
const goneQueues = (queues: readonly QueueRecord[], m: TableMarks) => removed(m, 'msg', (b) => b.queues, queues, (q) => q.msqid);
const goneSets = (sets: readonly SemaphoreRecord[], m: TableMarks) => removed(m, 'sem', (b) => b.semaphores, sets, (x) => x.semid);
/** The objects of a kind the last step made and removed within it (the pane's change marks on). */
type Kind = 'shm' | 'msg' | 'sem';
function fleetingOf<K extends Kind>(m: TableMarks, kind: K): Fleeting[K] {
  return (m.mark ? m.fleeting?.[kind] : undefined) ?? ([] as unknown as Fleeting[K]);
}
/** The marked figures of a removed row: its id alone. A made-and-removed row's owner is the
 *  one a read saw while the step ran (shmctl 4: nobody), not marked: "* changed by step 4" on
 *  a row the kernel no longer holds read as a change it still shows (fix24e#4). */
function goneMarked<T>(idField: keyof T): Set<keyof T> {
  return new Set<keyof T>([idField]);
}
const isFleeting = (m: TableMarks, kind: Kind, id: number) =>
  fleetingOf(m, kind).some((x) => ('shmid' in x ? x.shmid : 'msqid' in x ? x.msqid : x.semid) === id);

/** A time as the clock shows it; 0 (never happened) as 0, which is what the kernel holds and the lessons name. */
function clock(epoch: number): string {
  if (!epoch) return '0';
  const d = new Date(epoch * 1000);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

function modeText(mode: number): string {
  const flags = [mode & 0o1000 ? 'dest' : '', mode & 0o2000 ? 'locked' : ''].filter(Boolean);
  return `0${(mode & 0o777).toString(8).padStart(3, '0')}${flags.length ? ` (${flags.join(',')})` : ''}`;
}

/** A record's label, saying "new" in words where `fresh` ("record, all new in step 2:"). */
function labelNew(label: string, fresh: boolean, newWord: string): string {
  const colon = /[:：]$/.exec(label)?.[0] ?? '';
  return fresh && newWord ? `${label.slice(0, label.length - colon.length)}${/[：]$/.test(colon) ? '，' : ', '}${newWord}${colon}` : label;
}

/** "name value" pairs after a label, packed into lines of `width` cells (a cell kept free
 *  before the border: proseWidth); a changed
 *  pair in the changed tone, its mark (if any) right after the value; `fresh`: the label
 *  marked instead (what it describes is new, as a new table row is marked once). */
function packed(label: string, fields: [string, string, boolean?, string?][], width: number, mark: string | null = null, fresh = false, newWord = ''): Line[] {
  const out: Line[] = [];
  // a new record says so in words before its closing colon ("…(shmctl IPC_STAT), new:"):
  // a "+" there was explained only in the pane's legend, far from it (fix28c#5)
  const head = labelNew(label, fresh && !!mark, newWord);
  // a label wider than the line (a narrow pane) wraps, the pairs after its last piece
  const pieces = cells(head) > proseWidth(width) ? wrap(head, proseWidth(width)) : [head];
  for (const piece of pieces.slice(0, -1)) out.push([run(piece, fresh ? 'changed' : 'label')]);
  const last = pieces.at(-1) ?? head;
  const shown = (value: string, changed?: boolean) => (changed && mark ? `${value}${mark}` : value);
  // a pair wider than a line keeps its value whole and cuts only the words after it
  // ("magic 0x4C42563…" lost the figure itself: issue 16)
  // (a pair's `lead`, a word before it -- the short record's "named in the lesson:" -- stays on its
  // line; where the two are wider than a line (a narrow pane) the lead is a line of its own
  // above the pair, which then takes a line whole, never the label's)
  const leadText = (lead?: string) => (!lead ? '' : /[：]$/.test(lead) ? lead : `${lead} `);
  const alone = (name: string, value: string, lead?: string) => !!lead && 2 + cells(leadText(lead)) + cells(`${name} ${value}`) > proseWidth(width);
  const fit = fields.map(([name, value, changed, lead]): [string, string, boolean?, string?, boolean?] => {
    const apart = alone(name, value, lead);
    return [name, glossCut(name, value, proseWidth(width) - 2 - (apart ? 0 : cells(leadText(lead))) - (changed && mark ? cells(mark) : 0)), changed, lead, apart];
  });
  const widths = fit.map(([name, value, changed, lead, apart]) => (apart ? proseWidth(width) : 2 + cells(leadText(lead)) + cells(`${name} ${shown(value, changed)}`)));
  const groups = pairLines(widths, cells(last), proseWidth(width));
  groups.forEach((group, g) => {
    const cur: Line = g === 0 ? [run(last, fresh ? 'changed' : 'label')] : [];
    for (const i of group) {
      const [name, value, changed, lead, apart] = fit[i]!;
      if (apart) out.push([run(`  ${lead}`, 'dim')]);
      cur.push(run('  '), ...(lead && !apart ? [run(leadText(lead), 'dim')] : []), run(`${name} `, changed ? 'changed' : 'dim'), run(shown(value, changed), changed ? 'changed' : 'plain'));
    }
    out.push(cur);
  });
  // its lines follow the label (not a heading to keep in view: it holds figures too)
  under(out, out[0], false);
  return out;
}

/** `value` of the pair `name value` within `room` cells: whole where it fits; else its figure
 *  (up to the first blank) whole and the words after it cut with "…", never the figure. */
export function glossCut(name: string, value: string, room: number): string {
  if (cells(`${name} ${value}`) <= room) return value;
  const gap = value.indexOf(' ');
  if (gap < 0) return value;
  const figure = value.slice(0, gap);
  let gloss = '';
  for (const ch of value.slice(gap)) {
    if (cells(`${name} ${figure}${gloss}${ch}…`) > room) break;
    gloss += ch;
  }
  return gloss.trim() ? `${figure}${gloss.trimEnd()}…` : `${figure} …`;
}

/** Pairs of `widths` cells in lines of `room` cells, the first after `lead` cells, each pair
 *  whole, in their order; a last line holding one pair alone takes pairs from the line above
 *  while they fit and it stays no wider than that line ("gid 0" alone on a row: issue 16). */
export function pairLines(widths: readonly number[], lead: number, room: number): number[][] {
  const groups: number[][] = [[]];
  let used = lead;
  widths.forEach((w, i) => {
    // a pair that does not fit after the label starts the next line: the label's line never
    // carries a pair the pane would cut ("…all new in step 2:  atim…": issue 16)
    if (used + w > room && (groups.at(-1)!.length > 0 || (groups.length === 1 && lead > 0))) {
      groups.push([]);
      used = 0;
    }
    groups.at(-1)!.push(i);
    used += w;
  });
  const sum = (g: readonly number[]) => g.reduce((n, i) => n + widths[i]!, 0);
  const end = groups.at(-1)!;
  const above = groups.at(-2);
  // (the label's line may give all its pairs: "{ int counter; int started; }:" over both)
  const lineOf = (g: readonly number[]) => sum(g) + (g === groups[0] ? lead : 0);
  if (above && end.length === 1) {
    while (above.length > 0 && sum(end) + widths[above.at(-1)!]! <= Math.min(room, lineOf(above) - widths[above.at(-1)!]!)) end.unshift(above.pop()!);
  }
  return groups.filter((g, i) => i === 0 || g.length > 0);
}

/** The items of `list` (in its order) one line of `room` cells holds: every one `must` takes,
 *  and the others from the first while they fit, stopping at the first that does not (a rule
 *  the learner sees: the same fields, in the same order, at every step); `more` cells kept
 *  free for the words saying some are left out, where some are. */
function oneLine<T>(list: readonly T[], must: (x: T) => boolean, width: (x: T) => number, room: number, more: number, word: (past: readonly T[]) => number = () => 0): { kept: T[]; left: boolean; past: Set<T> } {
  const total = list.reduce((n, x) => n + width(x), 0);
  if (total <= room) return { kept: [...list], left: false, past: new Set() };
  // `word`: the cells of the word before the items past the first left out, where there are some
  const fill = (lead: number) => {
    let used = list.filter(must).reduce((n, x) => n + width(x), 0) + more + lead;
    let open = true;
    const past = new Set<T>();
    const kept = list.filter((x) => {
      if (must(x)) {
        if (!open) past.add(x);
        return true;
      }
      if (!open || used + width(x) > room) return (open = false);
      used += width(x);
      return true;
    });
    return { kept, left: kept.length < list.length, past };
  };
  // (the word's room taken where an item that must show stands past the first left out)
  const first = fill(0);
  return first.past.size > 0 ? fill(word([...first.past])) : first;
}

/** The record's fields in the one order the pane lists them at every step (STAT_FIELDS is
 *  the struct's): the times and the pids, which attach, detach and IPC_SET change and the row
 *  shows least, the creator's ids, nattch, the owner and mode, then what never changes while
 *  the segment lives. */
export const RECORD_ORDER: readonly (keyof ShmidDs)[] = ['atime', 'dtime', 'ctime', 'lpid', 'cpid', 'cuid', 'cgid', 'nattch', 'uid', 'gid', 'mode', 'key', 'size'];

/** IPC_STAT's fields as "name value" pairs, packed into lines of `width` cells, in RECORD_ORDER;
 *  those in `changed` marked (what the last step changed), or its label, for a segment the step
 *  made (`step`: which, said in words). `form` (compact): where the pane cannot hold all its lines, the
 *  label's short form and none of the fields the row in focus shows (`row`), so the others stand
 *  on the record's first line under it, in the same order. */
export function statLines(focus: number | null, ds: ShmidDs | null, width: number, s: Strings, changed: ReadonlySet<keyof ShmidDs> | 'new' = new Set(), mark: string | null = null, row: ReadonlySet<keyof ShmidDs> = new Set(), named: ReadonlySet<string> = new Set(), step: number | null = null, form: boolean | number | 'short' = false): Line[] {
  // 'short': the short label, every field (zoomed, as the pane is laid out unzoomed: kernelLines)
  const compact = form === 'short' ? false : form;
  if (focus === null) return [line(s.noFocus, 'dim')];
  if (!ds) return [line(`${s.stat} ${focus}: ${s.statGone}`, 'error')];
  const shown = (k: keyof ShmidDs): string => {
    if (k === 'key') return `0x${(ds.key >>> 0).toString(16).padStart(8, '0')}`;
    if (k === 'mode') return modeText(ds.mode);
    if (k === 'atime' || k === 'dtime' || k === 'ctime') return clock(ds[k]);
    return String(ds[k]);
  };
  const fresh = changed === 'new';
  // one order at every step, whatever changed: a learner compares the fields by place (shmctl
  // 3's record began "gid 0 cuid 0 cpid …", the step before's "atime …": issue 16, s26c#4);
  // what changed is marked, never moved. The times and pids first, the fields the steps
  // change and the row does not show, so the record's first line under the row holds them
  // compact (a pane that cannot hold all its lines): without the figures the row in focus
  // shows above it (key, bytes, nattch, perms, owner, the pids of columns kept), so the
  // fields it does not show stand on the record's first lines, under the row
  // (a field the lesson pane names stays where the row shows it under another heading: overview
  // 2's New terms list uid, which the owner column shows as a name; nattch is in the row by name)
  // (uid stays: the owner column shows a name, and the record's uid stands beside its gid;
  // "cgid 0  gid 0" with no uid read as a field missing: issue 16)
  const all = RECORD_ORDER.filter((k) => !compact || k === 'uid' || !row.has(k) || (named.has(k) && !SHM.cols.some(([head]) => head === k))).map((k): [keyof ShmidDs, string, boolean] => [k, shown(k), !fresh && changed.has(k)]);
  // compact, one line: the fields changed or named first, then the others in order while the
  // line holds them (the 8-row pane's record took two rows, "gid 0" alone on the second, and
  // pushed shmat 9's new process out of view: issue 16); `ipclab ipcs` shows them all
  const label = form ? s.statHeadShort(focus) : s.statHead(focus);
  // (short, its "new" too: the legend right above names the step)
  const newWord = form ? s.recordNewShort : s.recordNew(step);
  // A field left out is said, never dropped silently: "… z: all of shmid_ds" ends the line
  const more = `  ${s.recordMore}`;
  // the fields shown past the first left out are the step's changes or the lesson pane's words:
  // a changed one says why by its mark, as every changed field does, and a word leads the first
  // named one ("named in the lesson:"): overview 4's "atime dtime lpid*" beside step 5's "atime dtime
  // ctime" read as fields coming and going by no rule, and a "changed:" before lpid* alone, after
  // an atime* it did not lead, as atime not changed (issue 16)
  const must = (f: (typeof all)[number]) => f[2] || named.has(f[0]);
  const unmarked = (past: readonly (typeof all)[number][]) => past.find((f) => !(f[2] && mark));
  // (the word's room: "named in the lesson:" and its blank, before the first of them)
  const words = cells(s.recordNamed) + 1;
  const pick = (room: number) => oneLine(all, must, (f) => 2 + cells(`${f[0]} ${f[1]}${f[2] && mark ? mark : ''}`), room, cells(more), (past) => (unmarked(past) ? words : 0));
  const draw = (one: { kept: typeof all; left: boolean; past: Set<(typeof all)[number]> }): Line[] => {
    const lead = unmarked([...one.past]);
    const fields = one.kept.map((f): [string, string, boolean, string?] => [...f, f === lead ? s.recordNamed : undefined]);
    const out = packed(label, fields, width, mark, fresh, newWord);
    // (its short form where the changed fields fill the line, race 2's three times and pids: a
    // line of its own pushed the legend out of the 7-row pane; on a line of its own only where
    // neither fits)
    if (one.left) {
      const end = [more, `  ${s.recordMoreShort}`].find((m) => lineWidth(out.at(-1)!) + cells(m) <= proseWidth(width));
      if (end) out[out.length - 1] = [...out.at(-1)!, run(end, 'dim')];
      else out.push([run(`  ${s.recordMore}`, 'dim')]);
    }
    return out;
  };
  // `compact` a count: the record may take that many lines, given it by rows the window would
  // otherwise leave blank (kernelLines): as many fields as they hold, in the same order
  const most = compact === true ? 1 : compact || 0;
  const first = proseWidth(width) - cells(labelNew(label, fresh && !!mark, newWord));
  let one = most > 0 ? pick(first) : { kept: all, left: false, past: new Set<(typeof all)[number]>() };
  for (let room = first + (most - 1) * proseWidth(width); most > 1 && room > first; room -= 2) {
    const wider = pick(room);
    if (draw(wider).length <= most) {
      one = wider;
      break;
    }
  }
  const out = draw(one);
  for (const l of out) RECORD.add(l);
  const wanted = one.kept.filter(([k]) => named.has(k) && !row.has(k)).map(([k]) => `${k} `);
  for (const l of out) if (l.some((r) => wanted.includes(r.text))) NAMED.add(l);
  return out;
}

/** A structure a lesson decoded from the segment in focus (serv-clnt's struct ipclab_rv): every field with its value. */
export function decodedLines(d: Decoded, width: number, s: Strings, changed: ReadonlySet<string> | 'new' = new Set(), mark: string | null = null, lang: Lang = 'en'): Line[] {
  // the values are read from the segment (rv->data is any process's text)
  const fresh = changed === 'new';
  const fields = packed(s.decodedBy(d.title, d.pid), d.fields.map((f): [string, string, boolean] => [f.name, sanitize(f.value), !fresh && changed.has(f.name)]), width, mark, fresh, s.recordNew(null));
  const note = d.note ? sentence(wrap(d.note[lang], proseWidth(width) - 2).map((l) => line(`  ${l}`, 'dim'))) : [];
  // what a field means is followed with the fields the step changed: race's `started` stood
  // explained below the pane's window (issue 16)
  if (fields.some(hasMark)) for (const l of note) NAMED.add(l);
  return [...fields, ...note];
}

/** The dump's headings: where the pane goes when the learner pages the dump (dumpFollow). */
const DUMP_HEADS = new WeakSet<Line>();

/** Where the pane's window starts after the learner paged the dump ([ ] } s): at the dump's
 *  heading, its rows under it (a short pane left them below the fold: zh 120x34, its 9 rows
 *  taken by the table, the legend under it and the record); null where no dump is shown. */
export function dumpFollow(lines: readonly Line[], rows: number): number | null {
  const at = lines.findIndex((l) => DUMP_HEADS.has(l));
  return at < 0 ? null : Math.max(0, Math.min(at, lines.length - rows));
}

/** The dump's heading and rows: bytes `at` to `at + length - 1` of the segment (the
 *  heading says which, in the rows' own hex offsets). Two or more rows of nothing but
 *  zeros are one line naming exactly their range: at 80x24 the bytes that matter
 *  keep their place on screen, and every range said is read from the bytes. */
export function dumpLines(focus: number, dump: Dump | null, width: number, s: Strings, before: Before | null = null, mark: string | null = null, own: string | null = null, ascii = false, short = false): Line[] {
  // `own`: ipclab's own process by its pid (the sentence names it the lesson process), which
  // is the one whose mapping would show the bytes -- another process of the lesson (the
  // child) may well have mapped the segment; `short`: the pane cannot hold all its lines
  if (!dump) return sentence(wrap(short ? s.dumpNoneShort : s.dumpNone(own), proseWidth(width)).map((l) => line(l, 'dim')));
  const { bytes, at, size } = dump;
  const perRow = width >= 72 ? 16 : 8;
  // a row the step wrote: its offset in the changed tone, the mark right after it
  const changed = mark ? changedDumpRows(dump, perRow, before) : new Set<number>();
  const offset = (text: string, rows: number[]) => (rows.some((r) => changed.has(r)) ? run(`${text}${mark} `, 'changed') : run(`${text}  `, 'dim'));
  const digits = Math.max(4, (size - 1).toString(16).length);
  const hex = (n: number) => n.toString(16).padStart(digits, '0');
  const out: Line[] = [line(s.dumpHead(focus, hex(at), hex(at + bytes.length - 1), size), 'label')];
  const zero = (i: number) => bytes.subarray(i, i + perRow).every((b) => b === 0);
  // the text column: as many cells as bytes on every row (text/dump.ts): 16 a row fit 72 columns
  const texts = dumpTexts(bytes, perRow, ascii);
  for (let i = 0; i < bytes.length; i += perRow) {
    let stop = i;
    while (stop < bytes.length && zero(stop)) stop += perRow;
    if (stop - i >= 2 * perRow) {
      const last = Math.min(stop, bytes.length) - 1;
      const rows = Array.from({ length: Math.ceil((last + 1 - i) / perRow) }, (_, k) => i + k * perRow);
      out.push([offset(`${hex(at + i)}–${hex(at + last)}`, rows), run(s.dumpZeros(last - i + 1), 'dim')]);
      i = stop - perRow;
      continue;
    }
    const end = Math.min(i + perRow, bytes.length);
    const pairs = Array.from(bytes.subarray(i, end), (b) => b.toString(16).padStart(2, '0')).join(' ');
    out.push([offset(hex(at + i), [i]), run(pad(pairs, perRow * 3 - 1)), run('  '), run(texts[i / perRow], 'label')]);
  }
  // a key to the text column's own marks where its rows carry them (explained only in the
  // glossary, · and ↪ read as bytes: fix22e#3; a row of zeros folded away carries none):
  // beside the heading where it fits (a row more hid the last dump row at 80x24), else right
  // under it (under the rows it was out of view at 120x34, below the zeros)
  // (--ascii: its own marks, none of them '.', the mark of a byte no character starts)
  const { fill, carry, ahead } = dumpMarksShown(texts, dumpMarks(ascii));
  const key = fill || carry || ahead ? s.dumpKey(fill, carry, ahead) : '';
  if (key && cells(lineText(out[0])) + 2 + cells(key) <= proseWidth(width)) out[0] = [...out[0], run(`  ${key}`, 'dim')];
  else if (key) out.splice(1, 0, ...sentence(wrap(key, proseWidth(width)).map((l) => line(l, 'dim'))));
  under(out, out[0], true);
  DUMP_HEADS.add(out[0]);
  return out;
}

/** The dump's marks drawn in `texts`, each with a character of the dump that shows it (its
 *  legend says "你· = 你 (3 bytes)", "↪ = byte of 好 (row above)", "→ = byte of 进 (row
 *  below)"): for the fill, the first character whose fills all stand beside it on its row, else
 *  the first with one; for the carry, the character that ends the row above the first row it
 *  starts; for the ahead mark, the character that starts the row after the first row it ends. */
export function dumpMarksShown(texts: readonly string[], marks: { fill: string; carry: string; ahead: string }): { fill: DumpFill | null; carry: DumpCarry | null; ahead: DumpCarry | null } {
  let fill: DumpFill | null = null;
  let whole = false;
  let carry: DumpCarry | null = null;
  let ahead: DumpCarry | null = null;
  // a character of the text column: one of at least a cell, not one of the marks (a combining
  // mark stands on its base, ◌, which no legend needs)
  const drawn = (ch: string | undefined): ch is string => !!ch && ch.charCodeAt(0) >= 0x80 && cells(ch) >= 1 && ch !== DUMP_BASE && ![marks.fill, marks.carry, marks.ahead].includes(ch);
  for (const [r, text] of texts.entries()) {
    const cs = Array.from(text);
    if (!carry && cs[0] === marks.carry && r > 0) {
      // the row above ends with the character, maybe its fills after it
      const ch = Array.from(texts[r - 1]!).filter((c) => c !== marks.fill).at(-1);
      if (drawn(ch)) carry = { mark: marks.carry, ch };
    }
    if (!ahead && cs.at(-1) === marks.ahead && r + 1 < texts.length) {
      const ch = Array.from(texts[r + 1]!)[0];
      if (drawn(ch)) ahead = { mark: marks.ahead, ch };
    }
    for (let i = 1; i < cs.length; i++) {
      if (cs[i] !== marks.fill || cs[i - 1] === marks.fill) continue;
      const ch = cs[i - 1]!;
      if (!drawn(ch)) continue;
      let n = 0;
      while (cs[i + n] === marks.fill) n++;
      const bytes = Buffer.byteLength(ch);
      const all = n === bytes - cells(ch);
      if (!fill || (!whole && all)) [fill, whole] = [{ shown: ch + marks.fill.repeat(n), ch, bytes }, all];
    }
  }
  return { fill, carry, ahead };
}

/** `text` cut at its start to `width` cells, "…" first: a name's distinguishing end kept. */
export function headCut(text: string, width: number): string {
  const gs = graphemes(text);
  let tail = '';
  for (let i = gs.length - 1; i >= 0 && cells(`…${gs[i]}${tail}`) <= width; i--) tail = `${gs[i]}${tail}`;
  return `…${tail.trimStart()}`;
}

/** The lesson's processes; the attached column only where there are segments to attach
 *  (a queue or a set is never mapped). ipclab's own process and those running are rows;
 *  every other ended one is on the `ended:` line after them, wrapped to `width` between
 *  names, never inside one (`ended: server pid 24948, client pid 25100`): a row each, serv-clnt's
 *  four ended helpers pushed all but two out of the 80x24 pane while the tab bar counted
 *  four (fix23f#2). One rule: a process that is not ipclab's own and has ended is on that
 *  line, whatever its place in the list (shmat's C program, listed first, was a row once
 *  ended and its child on the line: fix24e#3). `brief`: those alive on a line too (`alive: lesson
 *  pid 4012`), where the step marked none of them: in a short pane their table's heading stood
 *  last, its rows below, and keepWhole left a blank row there (msg at 80x24: issue 16). */
export function processLines(processes: readonly ProcessInfo[], lang: Lang, s: Strings, attach = true, width = Infinity, wchans: ReadonlyMap<number, string> | null = null, sleepNamed = false, marks: ProcessMarks | null = null, brief = false): Line[] {
  if (processes.length === 0) return [];
  const rows = processes.filter((p) => p.alive || p.pid === process.pid);
  const ended = processes.filter((p) => !p.alive && p.pid !== process.pid);
  const change = marks?.before ? processChanges(processes, marks.before) : null;
  const where = (w: string) => (w === '0' ? s.wchanRunning : sanitize(w));
  if (brief && rows.length > 0 && !change?.fresh.size && !change?.changed.size) {
    const named = rows.map((p) => `${s.pidOf(sanitize(p.role[lang]), String(p.pid))}${p.alive && wchans ? ` wchan ${where(wchans.get(p.pid) ?? '')}` : ''}`);
    const alive = sentence(packNames(named, { lead: s.aliveLead, sep: s.endedSep }, Math.max(10, proseWidth(width))).map((piece) => line(piece, 'plain')));
    if (wchans && sleepNamed) for (const l of alive) NAMED.add(l);
    return [...alive, ...processLines(ended, lang, s, attach, width)];
  }
  // a figure the step changed carries the mark after it, in a cell every row keeps for it
  // while changes are marked, at every step (the columns after it never move)
  const marked = (p: ProcessInfo, field: 'attached' | 'alive', text: string) => (change?.changed.get(p.pid)?.has(field) ? `${text}${marks!.mark}` : text);
  const slot = marks ? cells(marks.mark) : 0;
  const attached = (text: string, w = 8) => (attach ? `${pad(text, w + slot)} ` : '');
  // a process the step started: `+` in the row marks' column at the row's start, as wide as the
  // other tables' at every step (the table was indented at shmat 9, which started one, and flush
  // left at 12: issue 16)
  const lead = (p: ProcessInfo | null) => pad(p && change?.fresh.has(p.pid) ? NEW_MARK : '', marks ? rowMarkCells(marks) : 0);
  const out: Line[] = [];
  if (rows.length > 0) {
    // wchan (where each process sleeps in the kernel, /proc/PID/wchan; 0 while it runs, as
    // ipclab's own process always is when it reads itself), once the learner has met the word
    const aliveW = Math.max(cells(s.alive), cells(s.yes), cells(s.no));
    // (a 0 said as what it means, `where`: the process was running, sleeping nowhere; newcomers: "wchan 0" unexplained)
    const sleeps = (p: ProcessInfo) => (wchans ? ` ${where(wchans.get(p.pid) ?? '')}` : '');
    const alive = (text: string) => (wchans ? pad(text, aliveW + slot) : text);
    // the role column: as wide as the longest role where the row fits, at least 16; a role
    // wider than that is cut at its start, keeping the end that tells workers apart
    // ("信号量轮的工作…" twice, cut where they differ: issue 16)
    const rest = cells(lead(null)) + 9 + 1 + (attach ? 9 + slot : 0) + (wchans ? aliveW + slot + Math.max(6, ...rows.map((p) => cells(sleeps(p)))) : aliveW + 1);
    const roleW = Math.max(16, cells(s.role), Math.min(width - rest, Math.max(...rows.map((p) => cells(sanitize(p.role[lang]))))));
    const role = (text: string) => pad(cells(text) <= roleW ? text : headCut(text, roleW), roleW);
    out.push(line(`${lead(null)}${pad(s.pid, 8)} ${pad(s.role, roleW)} ${attached(s.attached)}${alive(s.alive)}${wchans ? ' wchan' : ''}`, 'label'));
    if (wchans && sleepNamed) NAMED.add(out[0]);
    for (const p of rows) {
      // runs as a table's row: the lead (+) first, each changed figure in the changed tone
      // (marksShown reads them so for the legend)
      const fresh = !!change?.fresh.has(p.pid);
      const tone: UiTone = fresh ? 'changed' : p.alive ? 'plain' : 'dim';
      const figure = (field: 'attached' | 'alive', text: string): Run => run(text, change?.changed.get(p.pid)?.has(field) ? 'changed' : tone);
      const runs: Run[] = [run(lead(p), tone), run(`${pad(String(p.pid), 8)} ${role(p.role[lang])} `, tone)];
      if (attach) runs.push(figure('attached', attached(marked(p, 'attached', p.attached ? s.yes : s.no))));
      runs.push(figure('alive', alive(marked(p, 'alive', p.alive ? s.yes : s.no))), run(p.alive ? sleeps(p) : '', tone));
      const last = runs.at(-1)!;
      runs[runs.length - 1] = run(last.text.trimEnd(), last.tone);
      out.push(runs.filter((r, i) => i === 1 || r.text.length > 0));
    }
    under(out, out[0], true);
  }
  if (ended.length === 0) return out;
  // every name in one form, the one the tab bar uses ("worker 1 pid 31812": a role ending
  // in a number and its pid read as one figure, nc194), and a name is never broken: a line
  // ends between names (zh wrapped "服务端" as "服务" and "端": fix24e#3)
  const named = ended.map((p) => s.pidOf(p.role[lang], String(p.pid)));
  const tail = sentence(packNames(named, { lead: s.endedLead, sep: s.endedSep }, Math.max(10, proseWidth(width))).map((piece) => line(piece, 'dim')));
  for (const l of tail) TAIL.add(l);
  return [...out, ...tail];
}

/** The processes as they were before the step (null before the first), and the change mark (processLines). */
export interface ProcessMarks {
  before: readonly ProcessInfo[] | null;
  mark: string;
}

/** What the step changed in the processes' table: those it started, the figures (attached,
 *  alive) it changed of those there before. */
export function processChanges(now: readonly ProcessInfo[], before: readonly ProcessInfo[]): { fresh: Set<number>; changed: Map<number, Set<'attached' | 'alive'>> } {
  const was = new Map(before.map((p) => [p.pid, p]));
  const fresh = new Set<number>();
  const changed = new Map<number, Set<'attached' | 'alive'>>();
  for (const p of now) {
    const b = was.get(p.pid);
    if (!b) {
      // (ipclab's own process is listed from the step that starts a second: not new then)
      if (p.alive && p.pid !== process.pid) fresh.add(p.pid);
      continue;
    }
    const fields = (['attached', 'alive'] as const).filter((f) => p[f] !== b[f]);
    if (fields.length > 0) changed.set(p.pid, new Set(fields));
  }
  return { fresh, changed };
}

/** `names` after `list.lead`, `list.sep` between them, in lines of at most `room` cells, a
 *  line ending after a separator: a name is cut only where it alone is wider than a line. */
export function packNames(names: readonly string[], list: { lead: string; sep: string }, room: number): string[] {
  const out: string[] = [];
  // the separator's blank (", ") is where a line may end; "、" has none
  const mark = list.sep.trimEnd();
  const blank = list.sep.slice(mark.length);
  let cur = list.lead;
  names.forEach((name, i) => {
    const piece = i < names.length - 1 ? `${name}${mark}` : name;
    const joined = cur === list.lead || cur === '' ? `${cur}${piece}` : `${cur}${blank}${piece}`;
    if (cur !== '' && cells(joined) > room) {
      out.push(cur);
      cur = piece;
    } else cur = joined;
  });
  out.push(cur);
  return out.flatMap((l) => (cells(l) > room ? wrap(l, room) : [l]));
}

export interface KernelInput {
  segments: readonly SegmentRecord[];
  /** ipclab's queues and sets: each a section of its own, shown only when there are some */
  queues?: readonly QueueRecord[];
  semaphores?: readonly SemaphoreRecord[];
  focus: number | null;
  stat: ShmidDs | null;
  dump: Dump | null;
  decoded: Decoded | null;
  /** the lesson's processes (parent and child, server and client) */
  processes: readonly ProcessInfo[];
  /** whose each row is and what the last step changed */
  marks: TableMarks;
  /** where each listed process sleeps in the kernel (/proc/PID/wchan), read as the kernel is:
   *  the processes' wchan column, once the learner has met the word */
  wchans?: ReadonlyMap<number, string>;
  /** said first: what the pane shows in review, objects removed from outside */
  notes?: readonly { text: string; tone: UiTone }[];
  /** zoomed, the rows the pane has unzoomed: where they could not hold every line, the record
   *  takes the short label it has there (kernelLines), all its fields wrapped under it */
  paneRows?: number;
  lang: Lang;
  s: Strings;
}

/** The whole pane: notes, table, queues, sets, processes, the decoded structure, the dump
 *  and IPC_STAT. One rule for the tables' titles, whatever the pane's height: each table
 *  has its title when the pane shows tables of several kinds (they tell the tables apart),
 *  none when of one kind (its column names say what the rows are). Under a table that
 *  leaves out columns, always, a line naming them. Only the blank lines between sections
 *  give way to a short pane. */
/** `legend`: the legend's lines (kernelLegendLines; never in the title), put
 *  under the first table (after the notes): the pane's first row stays a heading, and the
 *  legend is in view beside the rows whose marks it explains (fix19b#3: above the table it
 *  read as the pane's heading, and the sticky heading could not take its place). The keys'
 *  words are its last lines (keyLines). */
export function kernelLines(k: KernelInput, width: number, height: number, legend: readonly Line[] = [], recordRows = 1, brief = false): Line[] {
  const rows = (sections: Line[][]) => sections.reduce((n, sec) => n + sec.length, 0);
  const kinds = [
    k.segments.length > 0 || k.focus !== null || goneSegments(k.segments, k.marks).length > 0 || fleetingOf(k.marks, 'shm').length > 0,
    (k.queues ?? []).length > 0 || goneQueues(k.queues ?? [], k.marks).length > 0 || fleetingOf(k.marks, 'msg').length > 0,
    (k.semaphores ?? []).length > 0 || goneSets(k.semaphores ?? [], k.marks).length > 0 || fleetingOf(k.marks, 'sem').length > 0,
  ].filter(Boolean).length;
  // one column set for the pane's tables: a column (owner, perms, key) one table leaves out
  // for width is left out of every table, said under each (the shm table without owner
  // beside a set table with it read as two different listings)
  const seen = new Set<string>();
  kernelSections({ ...k, marks: { ...k.marks, seen } }, width, kinds > 1);
  const whole = kernelSections({ ...k, marks: { ...k.marks, never: seen, seen: undefined } }, width, kinds > 1, false);
  // where the pane cannot hold every line, the record's label takes its short form (more of
  // its fields on its first line, in their one order: s26c#4), and the spare lines give way
  // (the blank lines between sections went first)
  const fits = rows(whole) + legend.length <= height;
  // zoomed, the record's label as the pane has it unzoomed: the same line, more of its fields (issue 16)
  const short = k.paneRows !== undefined && rows(whole) + legend.length > k.paneRows;
  const full = fits ? (short ? kernelSections({ ...k, marks: { ...k.marks, never: seen, seen: undefined } }, width, kinds > 1, 'short') : whole) : kernelSections({ ...k, marks: { ...k.marks, never: seen, seen: undefined } }, width, kinds > 1, recordRows, brief);
  const sections = fits ? full : full.map((sec) => sec.filter((l) => !SPARE.has(l)));
  if (legend.length > 0) {
    const at = Math.min((k.notes ?? []).length > 0 ? 1 : 0, sections.length - 1);
    sections[at] = legendUnder(sections[at], legend);
  }
  // the keys' words last, counted in no fit but the blanks': where the pane is short they are
  // below its fold, and no blank row stands in view over them (shmat 2 at 80x24: issue 16)
  const keys = keyLines(k, width);
  const gap = rows(sections) + sections.length - 1 + (keys.length > 0 ? keys.length + 1 : 0) <= height;
  const out = [...sections.flatMap((sec, i) => (i > 0 && gap ? [gapLine(), ...sec] : sec)), ...(keys.length > 0 && gap && sections.length > 0 ? [gapLine()] : []), ...keys];
  // rows the window it opens on would leave blank over lines below it (a sentence moved down
  // whole, keepWhole) go to the short record, more of its fields, where nothing else in view
  // leaves: overview 6's blank row over "↓ 2 more" at 80x24 (issue 16); else to the processes
  // alive said on a line, where their table's heading was moved below (msg at 80x24)
  const blank = fits || recordRows > 1 || brief ? 0 : blankEnd(out, height);
  if (blank === 0) return out;
  // (what else the window showed stays in it: the record's lines, or the processes' table, aside)
  const view = (ls: readonly Line[], aside: WeakSet<Line>) => {
    const top = kernelFollow(ls, height);
    return keepWhole(ls, top, height).slice(top, top + height).filter((l) => !aside.has(l)).map(lineText).filter((t) => t.trim() !== '');
  };
  const better = (ls: Line[], aside: WeakSet<Line>) => blankEnd(ls, height) < blank && view(out, aside).every((t) => view(ls, aside).includes(t));
  const more = kernelLines(k, width, height, legend, 1 + blank);
  if (better(more, RECORD)) return more;
  const aliveLine = kernelLines(k, width, height, legend, recordRows, true);
  return better(aliveLine, PROCESS_LINES) ? aliveLine : out;
}

/** The blank rows that end the window the pane opens on (kernelFollow, keepWhole) while lines
 *  stand below it. */
function blankEnd(lines: readonly Line[], rows: number): number {
  const top = kernelFollow(lines, rows);
  const kept = keepWhole(lines, top, rows);
  const end = top + rows;
  if (kept.length <= end) return 0;
  let n = 0;
  while (n < rows && lineText(kept[end - 1 - n]!).trim() === '') n++;
  return n;
}

/** A section with the legend right under its last table row: before the note of columns
 *  left out and a sentence under the rows (race's segment table, its objects named, left
 *  a column out: the legend came after that note, then the sets' table, mid-pane, apart
 *  from the rows it explains); after the section where it has no row (nothing in the kernel). */
function legendUnder(section: readonly Line[], legend: readonly Line[]): Line[] {
  const last = section.reduce((e, l, i) => (UNDER.get(l)?.sticky ? i : e), -1);
  const at = last < 0 ? section.length : last + 1;
  return [...section.slice(0, at), ...legend, ...section.slice(at)];
}

/** Where the pane's window starts after a step, showing `rows` lines: at the top while the
 *  lines carrying a mark of the step (changed, new) are in view from there -- the first of
 *  them and every later one the window can hold with it (race's semaphore row under its
 *  segment's, shmdt's written bytes in the dump under the table: below the fold, fix24e#2,#6);
 *  else at the first one's heading (its table's column names, the dump's or IPC_STAT's
 *  label), or, when the line is further below it than the window holds, with the last line
 *  kept last (the heading drawn in place of the first row in view by `stickyLines`). At
 *  the top when the step marked nothing. */
export function kernelFollow(lines: readonly Line[], rows: number): number {
  return filled(lines, rows, wroteFirst(lines, rows, followMarks(lines, rows)));
}

/** The rows from `top` as drawn once the window's ends are kept whole (keepWhole, stickyLines). */
function windowAt(lines: readonly Line[], top: number, rows: number): { shown: readonly Line[]; below: boolean } {
  const kept = keepWhole(lines, top, rows);
  return { shown: stickyLines(kept, top, rows).slice(top, top + rows), below: kept.length > top + rows };
}

const isBlank = (l: Line): boolean => lineText(l).trim() === '';

/** `top`, or the nearest offset below it, else above it, from which the window keeps every line
 *  the step marked that it showed and leaves no blank row over lines hidden below it: a heading
 *  or sentence that keepWhole moves below the window left blank rows there (msg 5, sem 5, race 5,
 *  parent-child 8 at 80x24: "↓ 2 more" under a blank row, issue 16; sem 4's 4-row pane from the
 *  menu, its legend two words longer, had no offset below that kept its marked row). */
function filled(lines: readonly Line[], rows: number, top: number): number {
  const blanks = (w: ReturnType<typeof windowAt>) => (w.below ? w.shown.filter(isBlank).length : 0);
  const was = windowAt(lines, top, rows);
  if (blanks(was) === 0) return top;
  // the objects' rows in view stay too: a blank row is no reason to hide one (issue 16 item 17:
  // parent-child 7 at 120x34 zh went to the row in focus, "up", its "down" above the window)
  const followed = was.shown.filter((l) => isFollowed(l) || FOCUSED.has(l) || OBJECT_ROWS.has(l));
  for (const way of [1, -1]) {
    for (let t = top + way; t >= 0 && t <= kernelMax(lines, rows); t += way) {
      if (isBlank(lines[t]!) || aloneAt(lines, t)) continue;
      const w = windowAt(lines, t, rows);
      if (!followed.every((l) => w.shown.includes(l))) break;
      if (blanks(w) === 0) return t;
    }
  }
  return top;
}

/** `top`, or the offset showing every row of bytes the step wrote (kernelFollow). */
function wroteFirst(lines: readonly Line[], rows: number, top: number): number {
  // the rows of bytes the step wrote come first where the window that follows the first mark
  // shows some and leaves some out, and a window from the dump's heading holds them all: shmdt 1's learner's
  // text at +32 stood 4 lines under the 120x34 pane, the new row and record above it (issue 16)
  const wrote = lines.flatMap((l, i) => (hasMark(l) && DUMP_HEADS.has(UNDER.get(l)?.head ?? []) ? [i] : []));
  if (wrote.length === 0) return top;
  // (where the window shows some of them: one that shows none follows the step's first mark,
  // overview 4's row with nattch 1* over its bytes in the least pane)
  const seen = stickyLines(lines, top, rows).slice(top, top + rows);
  if (wrote.every((i) => seen.includes(lines[i]!)) || !wrote.some((i) => seen.includes(lines[i]!))) return top;
  const head = lines.indexOf(UNDER.get(lines[wrote[0]!]!)!.head);
  const last = wrote.at(-1)!;
  if (last - head >= rows) return top;
  // as little scrolled as that takes: the least offset from which the last row is in view,
  // starting at no table's row (nor the note under a table), at the heading at the latest
  const clean = (t: number) => lines[t]!.length > 0 && !UNDER.has(lines[t]!) && !TAIL.has(lines[t]!);
  for (let t = Math.max(0, last - rows + 1); t < head; t++) if (clean(t)) return t;
  return head;
}

/** Where the window starts to hold the step's marks from the first (kernelFollow). */
function followMarks(lines: readonly Line[], rows: number): number {
  const marked = lines.flatMap((l, i) => (l.some((r) => r.tone === 'changed') || NAMED.has(l) ? [i] : []));
  if (marked.length === 0) return 0;
  const at = marked[0]!;
  // the last marked line a window holding the first, and a heading drawn above it, can hold
  // too: a row is never in view without its table's column names (a table's last row stood
  // alone at the window's top, serv-clnt 2 at 120x34 zh: fix27b#3)
  const last = marked.filter((i) => i - at < rows - 1).at(-1)!;
  if (last < rows) return 0;
  // the row in focus (▸) too, when the window holds it and the change: from its table's
  // heading, or from the row itself (stickyLines draws the heading above it)
  const f = lines.findIndex((l) => FOCUSED.has(l));
  if (f >= 0 && f < at) {
    const fh = UNDER.get(lines[f])?.head;
    const top = fh ? lines.indexOf(fh) : -1;
    if (top >= 0 && last - top < rows) return top;
    // a table the window holds whole is never shown cut (its heading drawn over rows left
    // above it): only a table too long for the window starts at its row in focus
    const end = fh ? lines.reduce((e, l, i) => (UNDER.get(l)?.head === fh || (TAIL.has(l) && i === e + 1) ? i : e), top) : -1;
    const whole = top >= 0 && end - top < rows;
    if (!whole && last - (f - 1) < rows) return Math.max(0, f - 1);
  }
  // scrolled only as far as needed: the least offset with the last line last or above, that
  // starts at no table's row (nor the note under a table)
  const clean = (t: number) => lines[t].length > 0 && !UNDER.has(lines[t]) && !TAIL.has(lines[t]);
  for (let t = Math.max(0, last - rows + 1); t <= at; t++) if (clean(t)) return t;
  const head = UNDER.get(lines[at])?.head;
  const h = head ? lines.indexOf(head) : -1;
  if (h >= 0 && last - h < rows) return h;
  // a row first in view gives its place to its heading (stickyLines): the first marked line
  // is kept below it, the later ones as many as fit
  return Math.max(0, Math.min(at - 1, last - rows + 1));
}

/** `top`, or the offset nearest it whose window shows the row in focus (▸) with its table's
 *  heading: while a question waits it is about that object, and a window that followed the step's
 *  marks below it hid the row the learner weighs (issue 16, s35g#1: shmctl 8's question over
 *  "↑ 还有 3 行", the dest segment's row out of view). */
export function focusInView(lines: readonly Line[], top: number, rows: number): number {
  const f = lines.findIndex((l) => FOCUSED.has(l));
  if (f < 0 || rows < 2) return top;
  const head = UNDER.get(lines[f]!)?.head;
  const seen = (t: number) => {
    const shown = stickyLines(lines, t, rows).slice(t, t + rows);
    return shown.includes(lines[f]!) && (!head || shown.includes(head));
  };
  const max = kernelMax(lines, rows);
  for (let d = 0; d <= max; d++) for (const t of [top - d, top + d]) if (t >= 0 && t <= max && seen(t)) return t;
  return top;
}

/** The heading drawn in place of the line at `top` (the first in view), when that line is
 *  a row whose table's heading is above the window and the next line is a row of the same
 *  table, which the heading then heads; null when none is (or the window is a row high). A
 *  heading over a table's last row would show what the offset before showed (each ↓ moves
 *  the window, fix16b#3): the scroll keys pass that offset (kernelSnap). */
function stuckHead(lines: readonly Line[], top: number, rows = Infinity): Line | null {
  const first = lines[top];
  const u = first ? UNDER.get(first) : undefined;
  if (!u?.sticky || rows < 2) return null;
  const next = lines[top + 1];
  if (!next || UNDER.get(next)?.head !== u.head) return null;
  const h = lines.indexOf(u.head);
  return h < 0 || h >= top ? null : u.head;
}

/** The lines as drawn from `top`: a table's rows never stand without its column names --
 *  when the first line in view is a row whose heading is above the window, the heading
 *  takes that row's place, over the rows after it. Every offset shows another window (a
 *  heading drawn above the rows instead made offset h+1 show what h did: the first ↓ did
 *  nothing), and every row is in view at some offset: the one before its own, where it is
 *  second under the heading. */
export function stickyLines(lines: readonly Line[], top: number, rows = Infinity): readonly Line[] {
  const head = stuckHead(lines, top, rows);
  return head ? [...lines.slice(0, top), head, ...lines.slice(top + 1)] : lines;
}

/** The largest offset of the pane's window of `rows` lines: where the last line is in view
 *  (a heading drawn over the first row in view pushes nothing out). */
export function kernelMax(lines: readonly Line[], rows: number): number {
  return Math.max(0, lines.length - rows);
}

/** Whether the window from `top` starts at a table's last row, its heading above the window:
 *  drawn alone there (stuckHead), or under its heading, which the offset before showed so. */
function aloneAt(lines: readonly Line[], top: number): boolean {
  const u = lines[top] ? UNDER.get(lines[top]!) : undefined;
  if (!u?.sticky) return false;
  const h = lines.indexOf(u.head);
  return h >= 0 && h < top && UNDER.get(lines[top + 1] ?? [])?.head !== u.head;
}

/** The offset a scroll of `by` lines (0: none) from `top` lands on, up to `max`: past an offset
 *  that starts at a table's last row, so the heading leaves with its last row and every key
 *  moves the window (parent-child 1 at 120x34 zh: the first ↓ hid the "down" row under the
 *  heading, the second showed "up" with no heading: issue 16). */
export function kernelSnap(lines: readonly Line[], top: number, by: number, max: number): number {
  const way = by < 0 ? -1 : 1;
  let t = Math.min(Math.max(0, top + by), max);
  // (a scroll key's, not the offset a step or a poll opens on: that one keeps what the step marked)
  const rows = lines.length - max;
  while (t > 0 && t < max && (aloneAt(lines, t) || (by !== 0 && recordAway(lines, t, rows)))) t += way;
  return t;
}

/** The lines as drawn from `top` (`shown`: stickyLines') where the window still shows the record's
 *  label with its row away (recordAway: the last offset, which the scroll keys cannot pass, one a
 *  step opened the pane on, or a pane too short to show both from the table's heading): the row in focus is drawn under its heading at the window's top, over
 *  the two lines there (the offset before showed them), so the record never speaks of a row out of
 *  view; not where the label is one of those two lines. */
export function keepRowInView(lines: readonly Line[], shown: readonly Line[], top: number, rows: number): readonly Line[] {
  if (rows < 4 || !recordAway(lines, top, rows, false)) return shown;
  const f = lines.findIndex((l) => FOCUSED.has(l));
  const head = UNDER.get(lines[f]!)?.head;
  if (!head || lines.findIndex((l) => RECORD.has(l)) <= top + 1) return shown;
  return [...shown.slice(0, top), head, lines[f]!, ...shown.slice(top + 2)];
}

/** The lines as drawn (`shown`: stickyLines', keepRowInView's) with a heading drawn at the window's
 *  top over lines of its own (kept in view while its rows scroll) marked with how many of its
 *  table's rows it keeps out of view there: "↑1" in the rows' mark column. The heading stays (a row
 *  of bare figures, "95584295 root 600 4096 0", says nothing without its column names), and every
 *  row it hides is counted where it went, beside the border's "↑ n more": one ↓ at shmget 3 slid
 *  the first segment under the kept heading and a newcomer took the row for vanished (issue 16,
 *  s36a#1; docs/ARCHITECTURE.md, the Kernel pane). A heading without a blank for the mark keeps none. */
export function hiddenRowsMarked(lines: readonly Line[], shown: readonly Line[], top: number, rows: number, ascii = false): readonly Line[] {
  const head = shown[top];
  if (!head || head === lines[top]) return shown;
  const view = shown.slice(top, top + rows);
  const n = lines.filter((l, i) => i < top + rows && UNDER.get(l)?.sticky && UNDER.get(l)!.head === head && !view.includes(l)).length;
  const mark = `${ascii ? '^' : '↑'}${n}`;
  const text = lineText(head);
  if (n === 0 || text.length - text.trimStart().length <= mark.length) return shown;
  // (the blanks the mark takes, from the heading's first runs)
  let drop = mark.length;
  const rest = head.map((r) => {
    const cut = Math.min(drop, r.text.length);
    drop -= cut;
    return run(r.text.slice(cut), r.tone);
  });
  return [...shown.slice(0, top), [run(mark, 'dim'), ...rest.filter((r) => r.text !== '')], ...shown.slice(top + 1)];
}

/** Whether the window of `rows` lines from `top` shows the record's label ("the kernel's record of
 *  segment 71892999 …", "record:") with the row in focus it describes scrolled away above it, or
 *  under the heading drawn at the window's top: the scroll keys pass such an offset, so the row
 *  leaves with its record's label (parent-child 1 at 120x34 zh: one ↓ hid ●▸ under the heading while
 *  the record under it still spoke of it: issue 16). Only where one window holds them both. */
function recordAway(lines: readonly Line[], top: number, rows: number, both = true): boolean {
  const f = lines.findIndex((l) => FOCUSED.has(l));
  const label = lines.findIndex((l) => RECORD.has(l));
  // (`both` false: whether or not some window holds them both)
  if (f < 0 || label < f || (both && label - f > rows - 2)) return false;
  const hidden = f < top || (f === top && stuckHead(lines, top, rows) !== null);
  return hidden && label >= top && label < top + rows;
}

/** The pane's lines, a blank line after them where the last window would start at a table's
 *  last row (kernelSnap passes that offset: the window after it shows the last line). */
export function kernelEnd(lines: readonly Line[], rows: number): readonly Line[] {
  return lines.length > rows && aloneAt(lines, lines.length - rows) ? [...lines, []] : lines;
}

/** Lines holding a field the lesson pane names that the pane shows nowhere else (a record's
 *  atime, the processes' wchan column): followed after a step as a changed line is. */
const NAMED = new WeakSet<Line>();
/** The record's lines (statLines). */
const RECORD = new WeakSet<Line>();
/** Whether `l` is a line of the segment's record (its label's, a line of its fields, "… z: all of shmid_ds"). */
export const isRecordLine = (l: Line): boolean => RECORD.has(l);
/** The blank lines between the pane's parts (kernelLines): one that would end the window over
 *  lines below it goes (keepWhole). */
const GAP = new WeakSet<Line>();
function gapLine(): Line {
  const l: Line = [];
  GAP.add(l);
  return l;
}
/** Lines said only where the pane holds all its lines (the empty status column's note). */
const SPARE = new WeakSet<Line>();
/** The section saying why the segment in focus shows no bytes (kernelSections): always last. */
const NO_BYTES = new WeakSet<Line[]>();
/** The processes' section of the pane (kernelSections), and its lines. */
const PROCESSES = new WeakSet<Line[]>();
const PROCESS_LINES = new WeakSet<Line>();
/** Whether the pane follows `l` after a step (kernelFollow): it carries a mark of the step, or
 *  holds a field the lesson pane names. */
export const isFollowed = (l: Line): boolean => l.some((r) => r.tone === 'changed') || NAMED.has(l);
/** Whether a line carries a mark of the last step (a figure changed, a row or record new). */
const hasMark = (l: Line): boolean => l.some((r) => r.tone === 'changed');

/** `compact`: where the pane cannot hold every line, the record's short form (statLines); 'short' its
 *  short label alone, every field under it (zoomed: kernelLines). */
function kernelSections(k: KernelInput, width: number, titles: boolean, compact: boolean | number | 'short' = false, brief = false): Line[][] {
  // every table takes the room really there: a column the pane could hold is never left out
  const tables = width;
  const queues = queueTableLines(k.queues ?? [], k.s, k.marks, titles, tables);
  const sets = semaphoreTableLines(k.semaphores ?? [], k.s, k.marks, titles, tables);
  // a lesson on queues or sets that has no segment gives the pane to them: no empty
  // segment table, no "nothing in focus"
  // nothing of ipclab at all (before a lesson's first object, after its last is removed):
  // one line says so, not the empty table of one kind
  // (a segment the step removed is a row still, once: its table stays)
  const removedShm = goneSegments(k.segments, k.marks).length > 0 || fleetingOf(k.marks, 'shm').length > 0;
  const none = k.segments.length === 0 && k.focus === null && !removedShm && queues.length === 0 && sets.length === 0;
  const shm = k.segments.length > 0 || k.focus !== null;
  const notes = (k.notes ?? []).flatMap((note) => sentence(wrap(note.text, Math.max(10, proseWidth(width))).map((piece) => line(piece, note.tone))));
  const sections: Line[][] = notes.length > 0 ? [notes] : [];
  if (none) sections.push(said(k.s.noObjects, width));
  else if (shm || removedShm) {
    const table = segmentTableLines(k.segments, k.focus, k.s, k.marks, tables, titles, k.stat !== null && k.segments.some((seg) => seg.shmid === k.focus));
    // a status column shown empty in every row says what it would hold (fix27b#4: nothing
    // said it); a line that gives way where the pane has no room for all its lines (kernelLines)
    const head = table.map((l) => UNDER.get(l)).find((u) => u?.sticky)?.head;
    if (head && /(^|\s)status(\s|$)/.test(lineText(head)) && k.segments.length > 0 && k.segments.every((seg) => seg.status.length === 0)) {
      const note = said(k.s.statusEmpty, width);
      for (const l of note) {
        TAIL.add(l);
        SPARE.add(l);
      }
      table.push(...note);
    }
    sections.push(legendUnder(table, tableLegend(k, 'shm', width)));
  }
  if (queues.length > 0) sections.push(legendUnder(queues, tableLegend(k, 'msg', width)));
  if (sets.length > 0) sections.push(legendUnder(sets, tableLegend(k, 'sem', width)));
  if (k.processes.length > 0) {
    const fields = k.marks.named?.fields;
    const pm = k.marks.mark ? { before: k.marks.before?.processes ?? null, mark: k.marks.mark } : null;
    const procs = processLines(k.processes, k.lang, k.s, shm, width, k.wchans && (fields?.has('wchan') || k.marks.named?.met?.has('wchan')) ? k.wchans : null, !!fields?.has('wchan'), pm, brief);
    PROCESSES.add(procs);
    for (const l of procs) PROCESS_LINES.add(l);
    sections.push(procs);
  }
  if (shm) {
    // the segment in focus: its record right under its table's rows (race 1's stood under the
    // semaphores' table: issue 16), then what the lesson wrote in it (the decoded structure,
    // the bytes), in that one order in every lesson (the record was above the bytes in one
    // lesson and below them in another: issue 16)
    const table = sections.findIndex((sec) => sec.some((l) => FOCUSED.has(l)));
    const decoded = k.decoded && k.decoded.shmid === k.focus ? k.decoded : null;
    const wrote: Line[] = decoded ? decodedLines(decoded, width, k.s, changedDecoded(decoded, k.marks.before, k.dump), k.marks.mark, k.lang) : [];
    const record: Line[] = [];
    // a segment the kernel no longer holds: no bytes to show, no IPC_STAT to fail, just that it is gone
    const gone = k.focus !== null && k.stat === null && !k.segments.some((seg) => seg.shmid === k.focus);
    if (gone) record.push(...said(k.s.focusGone(k.focus!), width));
    else {
      // the lesson's own mapping gives the bytes; a decoded structure already says what they hold
      const me = k.processes.find((p) => p.pid === process.pid);
      const own = me ? `pid ${me.pid}` : null;
      if (k.focus !== null && (k.dump || !decoded)) wrote.push(...dumpLines(k.focus, k.dump, width, k.s, k.marks.before, k.marks.mark, own, k.marks.ascii, compact !== false && compact !== 'short'));
      // compact where the pane cannot hold all its lines: without the figures the row in
      // focus shows, so the fields it does not show (the times) stand right under the row
      const row = sections.flat().find((l) => FOCUSED.has(l));
      const shows = row ? rowShows(row) : new Set<keyof ShmidDs>();
      const changed = changedStat(k.focus, k.stat, k.marks.before, k.segments);
      const named = k.marks.named?.fields ?? new Set<string>();
      record.push(...statLines(k.focus, k.stat, width, k.s, changed, k.marks.mark, shows, named, k.marks.before ? k.marks.before.step + 1 : null, compact));
    }
    // (no blank line between the rows and their record: shmat 1's read as two things)
    if (table >= 0) sections[table] = [...sections[table], ...record];
    else wrote.unshift(...record);
    // (after the other tables: a table the step marked comes before the bytes, race 3's lock row)
    const procs = sections.findIndex((sec) => PROCESSES.has(sec));
    if (wrote.length > 0) sections.splice(procs >= 0 ? procs : sections.length, 0, wrote);
    // no bytes to show, only the sentence saying why: after every other part at every step
    // (above the processes at shmat 12, below them at 9, where the step started one: issue 16)
    if (!k.dump && !decoded && !gone && table >= 0) NO_BYTES.add(wrote);
  }
  // below the segments' table and record, what the step changed or the lesson pane names (a
  // table's rows, the bytes it wrote, the processes it started) before what it did not, each
  // group in the one order (queues, sets, bytes, processes): shmat 8-11's process table, the
  // steps' point, stood under the bytes below the 80x24 pane's fold (issue 16)
  // A segments' table with no row in focus (a lesson on queues or sets, other runs' segments
  // listed) is no table the step is about: it goes after the lesson's queues and sets, at every
  // step, so the legend under the first table stands with the rows it explains (sem 4's
  // semncnt and new waiter pushed the legend out of the 80x24 window: issue 16)
  // (a segments' table the step marked is one it is about, and stays first)
  const point = (sec: readonly Line[]) => sec.some((l) => hasMark(l) || NAMED.has(l));
  const focused = sections.findIndex((sec) => sec.some((l) => FOCUSED.has(l)));
  const lead = notes.length > 0 ? 1 : 0;
  const others = k.focus === null && shm && (queues.length > 0 || sets.length > 0) && !point(sections[lead] ?? []) ? sections.splice(lead, 1) : [];
  const first = focused >= 0 ? focused : sections.findIndex((sec) => sec.some((l) => rowHeading(l) !== null));
  const from = first < 0 ? sections.length : first + 1;
  const rest = [...sections.slice(from), ...others];
  return [...sections.slice(0, from), ...rest.filter(point), ...rest.filter((sec) => !point(sec) && !NO_BYTES.has(sec)), ...rest.filter((sec) => !point(sec) && NO_BYTES.has(sec))];
}

/** Whether a field a table shows is among `changed` (figures outside the columns, and still ones, carry no mark). */
const inSight = <T>(c: Columns<T>, changed: ReadonlySet<keyof T>, m: Pick<TableMarks, 'columns'>) => {
  const { cols, still } = drawn(c, m);
  return cols.some(([, field]) => changed.has(field) && !still.includes(field));
};

type Marked = Pick<KernelInput, 'segments' | 'queues' | 'semaphores' | 'focus' | 'stat' | 'decoded' | 'marks'> & { dump?: Dump | null; processes?: readonly ProcessInfo[] };

/** Which marks are in sight: NEW_MARK (an object new since the step: a table row; a new
 *  IPC_STAT record or decoded structure says "new" in words), CHANGE_MARK (a figure of an object that was
 *  there: a table's cell, IPC_STAT, a decoded field, a row of bytes). */
function marksInSight(k: Marked): { fresh: boolean; changed: boolean; bytesOnly: boolean; gone: boolean; fleeting: boolean; back: boolean } {
  const b = k.marks.before;
  if (!b) return { fresh: false, changed: false, bytesOnly: false, gone: false, fleeting: false, back: false };
  const fleeting = fleetingOf(k.marks, 'shm').length + fleetingOf(k.marks, 'msg').length + fleetingOf(k.marks, 'sem').length > 0;
  const gone = goneSegments(k.segments, k.marks).length > 0 || goneQueues(k.queues ?? [], k.marks).length > 0 || goneSets(k.semaphores ?? [], k.marks).length > 0;
  const newSeg = (id: number) => !b.segments.some((x) => x.shmid === id);
  const newQueue = (id: number) => !b.queues.some((x) => x.msqid === id);
  const newSet = (id: number) => !b.semaphores.some((x) => x.semid === id);
  const stat = changedStat(k.focus, k.stat, b, k.segments);
  const decoded = k.decoded !== null && k.decoded.shmid === k.focus ? changedDecoded(k.decoded, b, k.dump ?? null) : new Set<string>();
  const procs = b.processes && k.processes ? processChanges(k.processes, b.processes) : null;
  const fresh =
    k.segments.some((seg) => newSeg(seg.shmid)) || (k.queues ?? []).some((q) => newQueue(q.msqid)) || (k.semaphores ?? []).some((set) => newSet(set.semid)) || (procs?.fresh.size ?? 0) > 0;
  const rows =
    k.segments.some((seg) => !newSeg(seg.shmid) && inSight(SHM, changedColumns(seg, b), k.marks)) ||
    (k.queues ?? []).some((q) => !newQueue(q.msqid) && inSight(QUEUE, changedQueue(q, b), k.marks)) ||
    (k.semaphores ?? []).some((set) => !newSet(set.semid) && (inSight(SET, changedSet(set, b), k.marks) || (set.sems ?? []).some((v) => inSight(SEM, changedSem(set.semid, v, b), k.marks)))) ||
    (stat !== 'new' && stat.size > 0) ||
    [...(procs?.changed.keys() ?? [])].some((pid) => k.processes!.some((p) => p.pid === pid && (p.alive || p.pid === process.pid)));
  const bytes = (!!k.dump && k.dump.shmid === k.focus && changedDumpRows(k.dump, 8, b).size > 0) || (decoded !== 'new' && decoded.size > 0);
  const changed = rows || bytes;
  // only the bytes changed: the legend says so, not "changed" beside rows that did not (parent-child
  // 4 asks which column the write changes; its legend "* changed by step 4" read as a row's: issue 16)
  const bytesOnly = bytes && !rows;
  // a figure changed and brought back (BACK_MARK) in a column shown
  const back =
    k.segments.some((seg) => !newSeg(seg.shmid) && inSight(SHM, backFields(seg, `shm:${seg.shmid}`, b, changedColumns(seg, b)), k.marks)) ||
    (k.queues ?? []).some((q) => !newQueue(q.msqid) && inSight(QUEUE, backFields(q, `msg:${q.msqid}`, b, changedQueue(q, b)), k.marks)) ||
    (k.semaphores ?? []).some(
      (set) =>
        !newSet(set.semid) &&
        (inSight(SET, backFields(set, `sem:${set.semid}`, b, changedSet(set, b)), k.marks) || (set.sems ?? []).some((v) => inSight(SEM, backFields(v, `sem:${set.semid}:${v.semnum}`, b, changedSem(set.semid, v, b)), k.marks))),
    );
  return { fresh, changed, bytesOnly, gone, fleeting, back };
}

/** The cell after the owner mark of the segment in focus, the one the pane details. */
export const focusMark = (ascii: boolean) => (ascii ? '>' : '▸');
/** What ▸ points at: one wording, wherever the legend is and however the pane is scrolled
 *  (a bare "焦点" said nothing the row did not) */
export const FOCUS_WORDS = { en: 'details below', zh: '详见下方' } as const;

/** Whether the last step moved the focus (▸) to a segment that was listed before it, not by s:
 *  the legend says so where ▸ stands ("▸ the segment step 6 used"; shmget 5 to 6 moved it
 *  unsaid: issue 16, s26c#5). A segment the step made is new (+), said already. */
function focusMoved(k: Marked): boolean {
  const b = k.marks.before;
  if (!b || k.marks.mark === null || k.marks.running || k.marks.picked || k.focus === null || b.focus === null || b.focus === k.focus) return false;
  return b.segments.some((seg) => seg.shmid === k.focus);
}

/** The marks the lines show (a legend's line aside): a row's own (+, -, +-) in its first cell,
 *  its owner mark and ▸ in its lead, a figure's change mark (*, ~) right after it. */
export function marksShown(lines: readonly Line[]): Set<string> {
  const out = new Set<string>();
  for (const l of lines) {
    if (rowHeading(l)) {
      const own = l[0]?.text.trim() ?? '';
      if ([NEW_MARK, GONE_MARK, FLEETING_MARK].includes(own)) out.add(own);
      const lead = [...(l[1]?.text ?? '')];
      // (a process row's second run is its pid: no mark)
      for (const c of lead.slice(0, 2)) if (c.trim() && !/[\p{L}\p{N}]/u.test(c)) out.add(c);
    }
    for (const r of l) {
      const t = r.text.trimEnd();
      if (r.tone === 'changed' && (t.endsWith(CHANGE_MARK) || t.endsWith(BACK_MARK))) out.add(t.at(-1)!);
    }
  }
  return out;
}

/** The owners of each table's rows: listed, removed by the step, made and removed in it (a
 *  removed row keeps its owner mark). Every queue and set listed is ipclab's (deps.ts). */
function ownersOf(k: Marked): Record<Kind, Set<Owner>> {
  const m = k.marks;
  const queue = (q: QueueRecord): Owner => (m.lessonQueues?.has(q.msqid) ? 'lesson' : 'ipclab');
  const set = (x: SemaphoreRecord): Owner => (m.lessonSets?.has(x.semid) ? 'lesson' : 'ipclab');
  const seg = (x: SegmentRecord): Owner => ownerOf(x.shmid, m.owners);
  return {
    shm: new Set([...k.segments, ...goneSegments(k.segments, m), ...fleetingOf(m, 'shm')].map(seg)),
    msg: new Set([...(k.queues ?? []), ...goneQueues(k.queues ?? [], m), ...fleetingOf(m, 'msg')].map(queue)),
    sem: new Set([...(k.semaphores ?? []), ...goneSets(k.semaphores ?? [], m), ...fleetingOf(m, 'sem')].map(set)),
  };
}

/** The owner marks of `owners` with their words, in the legend's order. */
function ownerParts(owners: ReadonlySet<Owner>, k: Pick<Marked, 'marks'> & Pick<KernelInput, 's'>): string[] {
  const { marks: m, s } = k;
  return [
    owners.has('lesson') ? `${ownerMark('lesson', m.ascii)} ${s.markLesson}` : null,
    owners.has('ipclab') ? `${ownerMark('ipclab', m.ascii)} ${s.markIpclab}` : null,
    // a row with no owner mark is another program's (ipcs lists every user's: overview 3)
    owners.has(null) ? s.markOthers : null,
  ].filter((p): p is string => p !== null);
}

/** The table a column heading that comes later than its object (LATER_COLUMNS) belongs to. */
function columnKind(head: string): Kind {
  if (QUEUE_COLUMNS.some(([h]) => h === head)) return 'msg';
  return SEM_COLUMNS.some(([h]) => h === head) || SET_COLUMNS.some(([h]) => h === head) ? 'sem' : 'shm';
}

/** The table the legend stands under, as kernelSections orders the tables: the segments' where
 *  one is in focus or the step marked one (or no other table has rows), else the queues', else
 *  the sets'. */
function legendKind(k: Marked & Pick<KernelInput, 's'>): Kind {
  const owners = ownersOf(k);
  if (owners.msg.size === 0 && owners.sem.size === 0) return 'shm';
  if (owners.shm.size > 0 && (k.focus !== null || segmentTableLines(k.segments, k.focus, k.s, k.marks).some(hasMark))) return 'shm';
  return owners.msg.size > 0 ? 'msg' : 'sem';
}

/** Under a table other than the one the legend stands under: the owner marks its rows carry
 *  that the legend's table has none of ("○ ipclab" under the sets', their rows a PgDn below the
 *  legend: issue 16), and the columns the step brought to it, with what each holds; none where
 *  there is nothing such to say. */
function tableLegend(k: KernelInput, kind: Kind, width: number): Line[] {
  const here = legendKind(k);
  if (kind === here) return [];
  const m = k.marks;
  const mine = ownersOf(k);
  const owners = new Set([...mine[kind]].filter((o) => !mine[here].has(o)));
  const heads = m.before && m.mark && !m.running ? (m.newColumns ?? []).filter((head) => columnKind(head) === kind) : [];
  const parts = [...ownerParts(owners, k), ...heads.map((head) => k.s.columnNew(head))];
  if (parts.length === 0) return [];
  const out = sentence(legendWrap(k.s.legendKey, parts, Math.max(10, proseWidth(width))).map((piece) => line(piece, 'dim')));
  for (const l of out) TAIL.add(l);
  return out;
}

/** Every mark in sight with its words, in the order the legend says them: one wording per
 *  mark, each of the step's marks naming the step. */
export function legendParts(k: Marked & Pick<KernelInput, 's'> & { lang?: KernelInput['lang'] }, only: ReadonlySet<string> | null = null, short = false, columnWords: boolean | null = true): { marks: string[]; status: string | null } {
  const { marks: m, s } = k;
  // the owner marks of the rows of the table the legend stands under: another table's are said
  // under it (tableLegend)
  const kind = legendKind(k);
  const owners = ownersOf(k)[kind];
  const sight = m.before && m.mark ? marksInSight(k) : { fresh: false, changed: false, bytesOnly: false, gone: false, fleeting: false, back: false };
  const step = m.before ? m.before.step + 1 : 0;
  // every mark of the step names it, so they read alike ("* changed" beside "~ changed and
  // back in step 6" read as two kinds of change, one of no step: fix22e#1)
  const shown = k.focus !== null && k.segments.some((seg) => seg.shmid === k.focus);
  const parts = [
    ...ownerParts(owners, k),
    shown ? `${focusMark(m.ascii)} ${focusMoved(k) ? s.focusStep(step) : FOCUS_WORDS[k.lang ?? 'en']}` : null,
  ];
  // the step's marks, each with its words; only those the window shows, where it is known
  // (`only`): "* changed by step 2" beside no * in view, only "1~" (race 3: issue 16, s26c#3);
  // the owner marks and ▸ explain the rows right above the legend, always
  const stepMarks: (readonly [string, (step: number | null) => string])[] = [
    ...(sight.fresh ? [[NEW_MARK, s.markNew] as const] : []),
    ...(sight.changed ? [[m.mark ?? CHANGE_MARK, sight.bytesOnly ? s.markChangedBytes : s.markChanged] as const] : []),
    ...(sight.back ? [[BACK_MARK, s.markBack] as const] : []),
    ...(sight.gone ? [[GONE_MARK, s.markGone] as const] : []),
    ...(sight.fleeting ? [[FLEETING_MARK, s.markFleeting] as const] : []),
  ].filter(([mark]) => only === null || only.has(mark));
  // a column the step brought (pane-words.ts LATER): said with what it counts, never silently
  // added to a table the learner reads by its columns (issue 16)
  // (`columnWords` false: their headings only, one part; null: not said)
  // (a column of another table is said under it: race 1's "new column: sempid" stood under the
  // segments' table, the semaphores' below the fold: issue 16)
  const heads = m.before && m.mark && !m.running && columnWords !== null ? (m.newColumns ?? []).filter((head) => columnKind(head) === kind) : [];
  // (no + before them: it is the new row's mark, and no row carries it for a column)
  const columns = heads.length === 0 ? [] : columnWords ? heads.map((head) => s.columnNew(head)) : [s.columnsNew(heads)];
  const status =
    // a step that changed nothing (a read): said where its marks would be explained, so the
    // last step's marks never vanish silently
    // (a change out of view, bytes of a segment not in focus or a page not shown, a figure
    // of a column left out, is named: "changed nothing" was said after s or ])
    // While it runs, no such claim: what it makes and removes within it is seen only once it ended
    // (serv-clnt 6 said "changed nothing" beside a trace showing its shmget: fix20d#2)
    // A sentence, not a mark's meaning: said on its own line, never after the legend's lead
    // ("图例：第 1 步没有改变什么" read as a legend of no marks: issue 16, fixR2)
    m.before && m.mark && !sight.fresh && !sight.changed && !sight.gone && !sight.fleeting && !sight.back ? (changedOutOfView(k) ?? (m.running ? s.markRunning(step) : s.markNothing(step))) : null;
  // `short`: the step named once, after its last mark ("+ new, * changed by step 9"), one part:
  // the legend's second row pushed shmat 9's new process out of the 8-row pane (issue 16)
  const steps = short && stepMarks.length > 1 ? [stepMarks.map(([mark, words], i) => `${mark} ${words(i === stepMarks.length - 1 ? step : null)}`).join(k.lang === 'zh' ? '、' : ', ')] : stepMarks.map(([mark, words]) => `${mark} ${words(step)}`);
  return { marks: [...parts.filter((p): p is string => p !== null), ...steps, ...columns], status };
}

/** What the last step changed that the pane does not show (its marks all out of view), in
 *  the learner's words: the bytes of a segment's first page (`before.pages` against
 *  `before.after`, the segment named as its row is: "step 4 changed down bytes 0000–0013
 *  (out of view: s and [ ] show them)"), else a figure of a row the tables leave out; null when the step
 *  changed nothing the pane can see anywhere. */
export function changedOutOfView(k: Marked & Pick<KernelInput, 's'>): string | null {
  const b = k.marks.before;
  if (!b) return null;
  const step = b.step + 1;
  // the lesson's name for it, else its kind and id: a bare id read as a count ("step 4 changed
  // 4 bytes 0000–0013")
  const name = (kind: 'shm' | 'msg' | 'sem', id: number) => sanitize(k.marks.labels?.[kind]?.get(id) ?? '') || k.s.objectName(kind, id);
  for (const now of b.after ?? []) {
    const was = (b.pages ?? []).find((p) => p.shmid === now.shmid && p.at === now.at);
    if (!was) continue;
    const differ = [...now.bytes.keys()].filter((i) => now.bytes[i] !== was.bytes[i]);
    if (differ.length === 0) continue;
    const digits = Math.max(4, (now.at + now.bytes.length - 1).toString(16).length);
    const hex = (n: number) => (now.at + n).toString(16).padStart(digits, '0');
    return k.s.markElsewhere(step, name('shm', now.shmid), k.s.markBytes(hex(differ[0]!), hex(differ.at(-1)!)), 'bytes');
  }
  for (const seg of k.segments) {
    const fields = [...changedColumns(seg, b)].filter((f) => f !== 'shmid' || b.segments.some((x) => x.shmid === seg.shmid));
    if (fields.length > 0 && b.segments.some((x) => x.shmid === seg.shmid)) return k.s.markElsewhere(step, name('shm', seg.shmid), fields.join(', '), 'column');
  }
  for (const q of k.queues ?? []) {
    // a figure by its column's heading, ipcs's name ("used-bytes", not the record's usedBytes: pass 11)
    const fields = b.queues.some((x) => x.msqid === q.msqid) ? [...changedQueue(q, b)].map((f) => QUEUE_COLUMNS.find(([, key]) => key === f)?.[0] ?? f).filter((h) => !notYet(h, k.marks)) : [];
    if (fields.length > 0) return k.s.markElsewhere(step, name('msg', q.msqid), fields.join(', '), 'column');
  }
  for (const set of k.semaphores ?? []) {
    if (!b.semaphores.some((x) => x.semid === set.semid)) continue;
    const fields = [...changedSet(set, b), ...(set.sems ?? []).flatMap((v) => [...changedSem(set.semid, v, b)].filter((f) => f !== 'semnum' && !notYet(f, k.marks)))];
    if (fields.length > 0) return k.s.markElsewhere(step, name('sem', set.semid), [...new Set(fields)].join(', '), 'column');
  }
  return null;
}

/** What the marks of the rows shown mean, as lines of the pane, always (under its first table:
 *  kernelLines; never in the title, so its place never changes from step to step): every mark
 *  in sight (the change mark only when a figure in sight carries it, the new mark only when a
 *  new object is, the removed mark only when a removed row is), never one left out, each in its
 *  one wording (every mark is in the glossary's "marks" entry too), its full words, wrapped
 *  at `width`, led by "legend:" -- never "key:", which read as the table's column of IPC keys --
 *  and dim (right under the table, unled, "● this lesson  ▸ details below" read as one more
 *  row: fix22e#1; a rule above it cost the playground's 80x24 pane its segment row). */
export function kernelLegendLines(k: Marked & Pick<KernelInput, 's'> & { lang?: KernelInput['lang'] }, width: number, only: ReadonlySet<string> | null = null, short = false): Line[] {
  const room = Math.max(10, proseWidth(width));
  const { marks, status } = legendChosen(k, width, only, short);
  const parts = (marks.length > 0 ? legendWrap(k.s.legendKey, marks, room) : []).map((piece) => line(piece, 'dim'));
  return [...parts, ...(status ? sentence(wrap(status, room).map((piece) => line(piece, 'dim'))) : [])];
}

/** The legend's parts as kernelLegendLines says them at `width`: the new columns with what they
 *  hold where that takes the legend no line more, else by their headings, else not at all (the
 *  step's New terms line names them): a line of them pushed sem 4's waiter row out of the 5-row
 *  pane (g says what they hold). */
export function legendChosen(k: Marked & Pick<KernelInput, 's'> & { lang?: KernelInput['lang'] }, width: number, only: ReadonlySet<string> | null = null, short = false): { marks: string[]; status: string | null } {
  const room = Math.max(10, proseWidth(width));
  const rows = (marks: string[]) => (marks.length > 0 ? legendWrap(k.s.legendKey, marks, room).length : 0);
  const least = legendParts(k, only, short, null);
  const forms = [legendParts(k, only, short), legendParts(k, only, short, false)];
  return forms.find((f) => rows(f.marks) <= Math.max(1, rows(least.marks))) ?? least;
}

/** The pane's keys the status line names, each with its words a part of its own ("s: focus the
 *  next segment", "[ ] page bytes", "} next non-zero"): "s focus" and "[ ] bytes  }
 *  non-zero" were explained only in the help (issue 16). */
export function keyParts(k: KeysOf): string[] {
  return keyWords(k).flatMap((key) => key.split('  '));
}

type KeysOf = Pick<KernelInput, 'segments' | 's'> & { dump?: Dump | null };
/** Each of the pane's keys with its words, s's, then [ ] and }'s together. */
function keyWords(k: KeysOf): string[] {
  return [picks(k) ? k.s.pickKeyWords : null, pages(k) ? k.s.dumpKeyWords : null].flatMap((key) => (key === null ? [] : [key]));
}

/** The keys' words as the pane's last lines (kernelLines), after all it shows: the status line
 *  names the keys already, so their words cost no row the step's result needs (under the
 *  legend they pushed overview 4's bytes out of the 80x24 pane, and shmat 4's second row of
 *  bytes out at 120x34 zh: issue 16); each part whole on a line (legendWrap). */
function keyLines(k: KernelInput, width: number): Line[] {
  const parts = keyParts(k);
  const out = parts.length === 0 ? [] : sentence(legendWrap('', parts, Math.max(10, proseWidth(width))).map((piece) => line(piece, 'dim')));
  for (const l of out) KEY_LINES.add(l);
  return out;
}

/** The keys' lines (keyLines). */
const KEY_LINES = new WeakSet<Line>();
export const isKeyLine = (l: Line): boolean => KEY_LINES.has(l);

/** The keys' words for the pane's bottom border, where their lines are below its window
 *  (KernelPane): each key's words whole ("[ ] page bytes  } next non-zero" one unit, so "}"
 *  never stands first), the first left out while they are wider than `room` cells; '' where
 *  none fits. shmdt 2's text says "} jumps to it" while the 80x24 pane's hint stood two rows
 *  below its last row (issue 16, s36a#3). */
export function borderKeys(k: KeysOf, room: number): string {
  const units = keyWords(k).map((key) => key.replace(/\u00a0/g, ' '));
  while (units.length > 0 && cells(units.join('  ')) > room) units.shift();
  return units.join('  ');
}

/** A part that opens with a closing bracket or brace, or with punctuation that closes or
 *  follows ("} next non-zero"): alone at a line's start it reads as a stray piece of the
 *  line above (issue 16: zh "} 跳过零字节" under "[ ] 翻页看字节" read like a stray brace). */
export const CLOSES = /^[)\]}）】」』》〉，。、；：！？,.;:!?]/u;

/** The legend's parts after its lead, `room` cells a line: each part (a mark or a key with its
 *  words) whole on one line, two blanks between parts on a line; only a part wider than a line
 *  is wrapped within itself. A part cut at a line's end read as another sentence (zh "[ ]
 *  翻页看字节  } 跳过" over "零字节", where ICU found a word break: issue 16, s25h#2). A part
 *  that opens with a closing mark (CLOSES: "} next non-zero") never starts a line: the part
 *  before it comes down with it ("[ ] page bytes  } next non-zero" together), where the
 *  two fit a line and that part is not the first after the lead. */
export function legendWrap(lead: string, parts: readonly string[], room: number): string[] {
  const out: string[] = [];
  let cur = lead;
  // whether `cur` holds a part yet (the lead alone takes the first part whatever its width)
  let holds = false;
  // `cur` before its last part, where that part came after another on the line (it may come down)
  let before: string | null = null;
  let last = '';
  for (const part of parts) {
    const joined = holds ? `${cur}  ${part}` : `${cur}${part}`;
    if (cells(joined) <= room) {
      before = holds ? cur : null;
      cur = joined;
      last = part;
      holds = true;
      continue;
    }
    const pair = `${last}  ${part}`;
    if (holds && before !== null && CLOSES.test(part) && cells(pair) <= room) {
      out.push(before);
      before = null;
      cur = pair;
      last = part;
      continue;
    }
    if (holds) out.push(cur);
    const pieces = wrap(holds ? part : `${cur}${part}`, room);
    out.push(...pieces.slice(0, -1));
    cur = pieces.at(-1) ?? '';
    before = null;
    last = part;
    holds = true;
  }
  if (holds || cur !== '') out.push(cur);
  return out;
}

/** Whether s moves the focus (more than one segment listed: App's status line names "s" then). */
export function picks(k: Pick<KernelInput, 'segments' | 's'>): boolean {
  return k.segments.length > 1 && k.s.pickKeyWords !== '';
}

/** Whether [ ] and } page the dump (a segment larger than a page of it: App's status line
 *  names them then). */
export function pages(k: { dump?: Dump | null } & Pick<KernelInput, 's'>): boolean {
  return !!k.dump && k.dump.size > DUMP_BYTES && k.s.dumpKeyWords !== '';
}
