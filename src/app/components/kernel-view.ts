// The kernel pane's content: ipcs-style rows of ipclab's segments, IPC_STAT of the
// segment in focus, and a hex + text dump of a page of its bytes; ipclab's queues and
// semaphore sets, each section only when it has objects (at 80x24 a lesson about one
// kind is not crowded by the others). Every figure here is copied from /proc/sysvipc,
// IPC_STAT or semctl, never computed or remembered.
import type { Decoded, ProcessInfo } from '../../lessons/types.js';
import type { Lang } from '../../lang.js';
import type { QueueRecord, SegmentRecord, SemaphoreRecord, ShmidDs } from '../../native/types.js';
import { type Line, type Run, type UiTone, line, run } from '../styled.js';
import type { Before } from '../store/kernel.js';
import type { Dump } from '../store/deps.js';
import { changedColumns, changedStat, type Owners, ownerMark, ownerOf } from './marks.js';
import type { Strings } from '../strings.js';
import { cells, pad, wrap } from '../text-fit.js';
import { sanitize } from '../../text/sanitize.js';

/** The table's columns: heading, width, and the field of the segment it shows. */
const COLUMNS: [string, number, keyof SegmentRecord][] = [
  ['key', 10, 'key'], ['shmid', 8, 'shmid'], ['owner', 8, 'owner'], ['perms', 5, 'perms'], ['bytes', 8, 'size'],
  ['nattch', 6, 'nattch'], ['status', 6, 'status'], ['cpid', 7, 'cpid'], ['lpid', 7, 'lpid'],
];

/** A table's columns that fit `width` cells after an indent: every column while they
 *  fit, else without those in `drop`, first named first (the columns a lesson talks
 *  about least): a column is left out whole, never a figure cut. */
export function keptColumns(widths: readonly number[], width: number, indent: number, drop: readonly number[]): number[] {
  const kept = widths.map((_, i) => i);
  const need = () => indent + kept.reduce((n, i) => n + widths[i], 0) + kept.length - 1;
  for (const i of drop) {
    if (need() <= width) break;
    kept.splice(kept.indexOf(i), 1);
  }
  return kept;
}

/** Which columns go first when the pane is narrow: shm owner, perms, bytes; the same for queues. */
const SHM_DROP = [2, 3, 4];
const QUEUE_DROP = [2, 3, 4];

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
}

const NO_MARKS: TableMarks = { owners: { lesson: new Set(), ipclab: new Set() }, before: null, mark: null, ascii: false };

/** The cells of a row, a space (or the change mark) before each; the last one unpadded. */
function rowRuns(values: string[], tone: UiTone, changed: (i: number) => boolean, mark: string | null, widths: readonly number[] = COLUMNS.map((c) => c[1])): Run[] {
  return values.flatMap((v, i) => {
    const hit = changed(i);
    const sep = i === 0 ? [] : [run(hit && mark ? mark : ' ', hit ? 'changed' : tone)];
    return [...sep, run(i === values.length - 1 ? v : pad(v, widths[i]), hit ? 'changed' : tone)];
  });
}

/** ipcs -q's columns and lsipc -q's pids: heading and width. */
const QUEUE_COLUMNS: [string, number][] = [['key', 10], ['msqid', 8], ['owner', 8], ['perms', 5], ['used-bytes', 10], ['messages', 8], ['lspid', 7], ['lrpid', 7]];
/** ipcs -s's columns; under each set its semaphores as ipcs -s -i lists them. */
const SET_COLUMNS: [string, number][] = [['key', 10], ['semid', 8], ['owner', 8], ['perms', 5], ['nsems', 5]];
const SEM_COLUMNS: [string, number][] = [['semnum', 6], ['semval', 6], ['semncnt', 7], ['semzcnt', 7], ['sempid', 7]];

function heading(columns: [string, number][], indent: string): Line {
  return [run(indent), ...rowRuns(columns.map(([name]) => name), 'label', () => false, null, columns.map((c) => c[1]))];
}

function lessonMark(id: number, lesson: ReadonlySet<number> | undefined, ascii: boolean): string {
  return ownerMark(lesson?.has(id) ? 'lesson' : 'ipclab', ascii);
}

/** ipclab's message queues as ipcs -q lists them (a section only when there are some);
 *  the title only when asked (the column names say what the rows are). */
export function queueTableLines(queues: readonly QueueRecord[], s: Strings, m: TableMarks = NO_MARKS, title = true, width = Infinity): Line[] {
  if (queues.length === 0) return [];
  const kept = keptColumns(QUEUE_COLUMNS.map((c) => c[1]), width, 2, QUEUE_DROP);
  const columns = kept.map((i) => QUEUE_COLUMNS[i]);
  const widths = columns.map((c) => c[1]);
  const out: Line[] = [...(title ? [line(s.queuesHead, 'label')] : []), heading(columns, '  ')];
  for (const q of queues) {
    const all = [q.key, String(q.msqid), sanitize(q.owner), q.perms, String(q.usedBytes), String(q.messages), String(q.lspid), String(q.lrpid)];
    const values = kept.map((i) => all[i]);
    out.push([run(`${lessonMark(q.msqid, m.lessonQueues, m.ascii)} `), ...rowRuns(values, 'plain', () => false, null, widths)]);
  }
  return out;
}

/** ipclab's semaphore sets as ipcs -s lists them, each with its semaphores (semctl
 *  GETALL, GETNCNT, GETZCNT, GETPID), or why they cannot be read. */
export function semaphoreTableLines(sets: readonly SemaphoreRecord[], s: Strings, m: TableMarks = NO_MARKS, title = true): Line[] {
  if (sets.length === 0) return [];
  const out: Line[] = [...(title ? [line(s.setsHead, 'label')] : []), heading(SET_COLUMNS, '  ')];
  for (const set of sets) {
    const values = [set.key, String(set.semid), sanitize(set.owner), set.perms, String(set.nsems)];
    out.push([run(`${lessonMark(set.semid, m.lessonSets, m.ascii)} `), ...rowRuns(values, 'plain', () => false, null, SET_COLUMNS.map((c) => c[1]))]);
    if (!set.sems) {
      out.push(line(`    ${s.semsUnread(set.semsError ?? '?')}`, 'dim'));
      continue;
    }
    out.push(heading(SEM_COLUMNS, '    '));
    for (const v of set.sems) {
      const row = [v.semnum, v.semval, v.semncnt, v.semzcnt, v.sempid].map(String);
      // a process waiting on it is what a lesson points at: it stands out
      out.push([run('    '), ...rowRuns(row, v.semncnt + v.semzcnt > 0 ? 'active' : 'plain', () => false, null, SEM_COLUMNS.map((c) => c[1]))]);
    }
  }
  return out;
}

/** A segment's field as its column shows it; the owner is a user name from the system: outside text. */
function segmentCell(seg: SegmentRecord, field: keyof SegmentRecord): string {
  if (field === 'owner') return sanitize(seg.owner);
  if (field === 'status') return seg.status.join(',');
  return String(seg[field]);
}

export function segmentTableLines(segments: readonly SegmentRecord[], focus: number | null, s: Strings, m: TableMarks = NO_MARKS, width = Infinity): Line[] {
  const columns = keptColumns(COLUMNS.map((c) => c[1]), width, 2, SHM_DROP).map((i) => COLUMNS[i]);
  const widths = columns.map((c) => c[1]);
  const out: Line[] = [[run('  '), ...rowRuns(columns.map(([name]) => name), 'label', () => false, null, widths)]];
  if (segments.length === 0) out.push(line(s.noSegments, 'dim'));
  for (const seg of segments) {
    const values = columns.map((c) => segmentCell(seg, c[2]));
    const changed = changedColumns(seg, m.before);
    const tone = seg.shmid === focus ? 'active' : 'plain';
    out.push([run(`${ownerMark(ownerOf(seg.shmid, m.owners), m.ascii)} `, tone), ...rowRuns(values, tone, (i) => changed.has(columns[i][2]), m.mark, widths)]);
  }
  return out;
}

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

/** "name value" pairs after a label, packed into lines of `width` cells; a changed
 *  pair in the changed tone, its mark (if any) in place of the space before it. */
function packed(label: string, fields: [string, string, boolean?][], width: number, mark: string | null = null): Line[] {
  const out: Line[] = [];
  let cur: Line = [run(label, 'label')];
  let used = cells(label);
  for (const [name, value, changed] of fields) {
    const w = 2 + cells(`${name} ${value}`);
    if (used + w > width) {
      out.push(cur);
      cur = [];
      used = 0;
    }
    cur.push(run(changed && mark ? ` ${mark}` : '  '), run(`${name} `, changed ? 'changed' : 'dim'), run(value, changed ? 'changed' : 'plain'));
    used += w;
  }
  out.push(cur);
  return out;
}

/** IPC_STAT's fields as "name value" pairs, packed into lines of `width` cells; those
 *  in `changed` marked (what the last step changed). */
export function statLines(focus: number | null, ds: ShmidDs | null, width: number, s: Strings, changed: ReadonlySet<keyof ShmidDs> = new Set(), mark: string | null = null): Line[] {
  if (focus === null) return [line(s.noFocus, 'dim')];
  if (!ds) return [line(`${s.stat} ${focus}: ${s.statGone}`, 'error')];
  const fields: [keyof ShmidDs, string][] = [
    ['key', `0x${(ds.key >>> 0).toString(16).padStart(8, '0')}`], ['mode', modeText(ds.mode)], ['size', String(ds.size)],
    ['nattch', String(ds.nattch)], ['uid', String(ds.uid)], ['gid', String(ds.gid)], ['cuid', String(ds.cuid)], ['cgid', String(ds.cgid)],
    ['cpid', String(ds.cpid)], ['lpid', String(ds.lpid)], ['atime', clock(ds.atime)], ['dtime', clock(ds.dtime)], ['ctime', clock(ds.ctime)],
  ];
  return packed(`${s.stat}(${focus})`, fields.map(([k, v]) => [k, v, changed.has(k)]), width, mark);
}

/** A structure a lesson decoded from the segment in focus (serv-clnt's struct ipclab_rv): every field with its value. */
export function decodedLines(d: Decoded, width: number, s: Strings): Line[] {
  // the values are read from the segment (rv->data is any process's text)
  return packed(s.decodedBy(d.title, d.pid), d.fields.map((f): [string, string] => [f.name, sanitize(f.value)]), width);
}

/** Text for the dump's right column: characters whose UTF-8 starts in this row, '.' for the rest. */
function dumpText(bytes: Uint8Array, start: number, end: number): { text: string; upTo: number } {
  let out = '';
  let i = start;
  while (i < end) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    if (len === 1) {
      out += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
      i += 1;
      continue;
    }
    const seq = len > 0 && i + len <= bytes.length ? bytes.subarray(i, i + len) : null;
    const ch = seq && Array.from(seq.subarray(1)).every((c) => c >> 6 === 0b10) ? Buffer.from(seq).toString('utf8') : null;
    // a character the sanitizer would mark (a C1 control, a bidirectional override) is a dot here too
    if (ch && cells(ch) <= len && sanitize(ch) === ch) {
      out += ch;
      i += len;
    } else {
      out += '.';
      i += 1;
    }
  }
  return { text: out, upTo: i };
}

/** The dump's heading and rows: bytes `at` to `at + length - 1` of the segment (the
 *  heading says which, in the rows' own hex offsets). Two or more rows of nothing but
 *  zeros are one line naming exactly their range: at 80x24 the bytes that matter
 *  keep their place on screen, and every range said is read from the bytes. */
export function dumpLines(focus: number, dump: Dump | null, width: number, s: Strings): Line[] {
  if (!dump) return wrap(s.dumpNone, width).map((l) => line(l, 'dim'));
  const { bytes, at, size } = dump;
  const perRow = width >= 72 ? 16 : 8;
  const digits = Math.max(4, (size - 1).toString(16).length);
  const hex = (n: number) => n.toString(16).padStart(digits, '0');
  const out: Line[] = [line(s.dumpHead(focus, hex(at), hex(at + bytes.length - 1), size), 'label')];
  const zero = (i: number) => bytes.subarray(i, i + perRow).every((b) => b === 0);
  // a character that starts near the end of a row is shown whole in that row;
  // its remaining bytes are not shown again at the start of the next
  let textFrom = 0;
  for (let i = 0; i < bytes.length; i += perRow) {
    let stop = i;
    while (stop < bytes.length && zero(stop)) stop += perRow;
    if (stop - i >= 2 * perRow) {
      const last = Math.min(stop, bytes.length) - 1;
      out.push([run(`${hex(at + i)}–${hex(at + last)}  `, 'dim'), run(s.dumpZeros(last - i + 1), 'dim')]);
      textFrom = stop;
      i = stop - perRow;
      continue;
    }
    const end = Math.min(i + perRow, bytes.length);
    const pairs = Array.from(bytes.subarray(i, end), (b) => b.toString(16).padStart(2, '0')).join(' ');
    const { text, upTo } = dumpText(bytes, Math.max(i, textFrom), end);
    textFrom = upTo;
    out.push([run(`${hex(at + i)}  `, 'dim'), run(pad(pairs, perRow * 3 - 1)), run('  '), run(text, 'label')]);
  }
  return out;
}

export function processLines(processes: readonly ProcessInfo[], lang: Lang, s: Strings): Line[] {
  if (processes.length === 0) return [];
  const out: Line[] = [line(`${pad(s.pid, 8)} ${pad(s.role, 16)} ${pad(s.attached, 8)} ${s.alive}`, 'label')];
  for (const p of processes) {
    out.push(line(`${pad(String(p.pid), 8)} ${pad(p.role[lang], 16)} ${pad(p.attached ? s.yes : s.no, 8)} ${p.alive ? s.yes : s.no}`, p.alive ? 'plain' : 'dim'));
  }
  return out;
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
  lang: Lang;
  s: Strings;
}

/** The whole pane: table, queues, sets, processes, the decoded structure, the dump and
 *  IPC_STAT. What goes first when rows are short: the blank lines between sections,
 *  then the titles of the queue and set sections (their column names remain). */
export function kernelLines(k: KernelInput, width: number, height: number): Line[] {
  const rows = (sections: Line[][]) => sections.reduce((n, sec) => n + sec.length, 0);
  const titled = kernelSections(k, width, true);
  const sections = rows(titled) <= height ? titled : kernelSections(k, width, false);
  const gap = rows(sections) + sections.length - 1 <= height;
  return sections.flatMap((sec, i) => (i > 0 && gap ? [[], ...sec] : sec));
}

function kernelSections(k: KernelInput, width: number, titles: boolean): Line[][] {
  const queues = queueTableLines(k.queues ?? [], k.s, k.marks, titles, width);
  const sets = semaphoreTableLines(k.semaphores ?? [], k.s, k.marks, titles);
  // a lesson on queues or sets that has no segment gives the pane to them: no empty
  // segment table, no "nothing in focus"
  // nothing of ipclab at all (before a lesson's first object, after its last is removed):
  // one line says so, not the empty table of one kind
  const none = k.segments.length === 0 && k.focus === null && queues.length === 0 && sets.length === 0;
  const shm = k.segments.length > 0 || k.focus !== null;
  const sections: Line[][] = none ? [[line(k.s.noObjects, 'dim')]] : shm ? [segmentTableLines(k.segments, k.focus, k.s, k.marks, width)] : [];
  if (queues.length > 0) sections.push(queues);
  if (sets.length > 0) sections.push(sets);
  if (k.processes.length > 0) sections.push(processLines(k.processes, k.lang, k.s));
  if (shm) {
    // what the lesson wrote comes first (the decoded structure, the bytes), then IPC_STAT,
    // whose first fields repeat the table: in a short pane the part below the fold
    const decoded = k.decoded && k.decoded.shmid === k.focus ? k.decoded : null;
    const focused: Line[] = decoded ? decodedLines(decoded, width, k.s) : [];
    // a segment the kernel no longer holds: no bytes to show, no IPC_STAT to fail, just that it is gone
    const gone = k.focus !== null && k.stat === null && !k.segments.some((seg) => seg.shmid === k.focus);
    if (gone) focused.push(...wrap(k.s.focusGone(k.focus!), Math.max(10, width)).map((piece) => line(piece, 'dim')));
    else {
      // the lesson's own mapping gives the bytes; a decoded structure already says what they hold
      if (k.focus !== null && (k.dump || !decoded)) focused.push(...dumpLines(k.focus, k.dump, width, k.s));
      focused.push(...statLines(k.focus, k.stat, width, k.s, changedStat(k.focus, k.stat, k.marks.before), k.marks.mark));
    }
    sections.push(focused);
  }
  return sections;
}

/** What the marks of the rows shown mean, for the pane's title: only the marks in sight
 *  (the change mark only when a segment's figure or the focus's IPC_STAT carries it: queue
 *  and set rows carry none). */
export function kernelLegend(
  segments: readonly SegmentRecord[],
  m: TableMarks,
  s: Strings,
  queues: readonly QueueRecord[] = [],
  sets: readonly SemaphoreRecord[] = [],
  shown: { focus: number | null; stat: ShmidDs | null } = { focus: null, stat: null },
): string {
  const owners = new Set(segments.map((seg) => ownerOf(seg.shmid, m.owners)));
  for (const q of queues) owners.add(m.lessonQueues?.has(q.msqid) ? 'lesson' : 'ipclab');
  for (const set of sets) owners.add(m.lessonSets?.has(set.semid) ? 'lesson' : 'ipclab');
  const parts: string[] = [];
  if (owners.has('lesson')) parts.push(`${ownerMark('lesson', m.ascii)} ${s.markLesson}`);
  if (owners.has('ipclab')) parts.push(`${ownerMark('ipclab', m.ascii)} ${s.markIpclab}`);
  const changed = segments.some((seg) => changedColumns(seg, m.before).size > 0) || changedStat(shown.focus, shown.stat, m.before).size > 0;
  if (m.before && m.mark && changed) parts.push(`${m.mark} ${s.markChanged(m.before.step + 1)}`);
  return parts.length ? `  ${parts.join('  ')}` : '';
}
