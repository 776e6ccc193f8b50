// The trace as lines: each call in C syntax with its return value and errno name,
// real commands' output, events, refusals and deaths, with a rule where each step began.
// Every line starts with the pid that acted, right-aligned so the columns line up;
// long text wraps under itself rather than being cut. Text from outside passes the
// sanitizer (src/text/sanitize.ts) first, so no tab or escape reaches the terminal.
import type { Lang } from '../../lang.js';
import type { Lesson, Text, TraceEntry, TraceMark } from '../../lessons/types.js';
import { type Line, type Run, type UiTone, isRule, line, lineText, lineWidth, run } from '../styled.js';
import type { Strings } from '../strings.js';
import { cells, layoutText, proseWidth, wrap } from '../text-fit.js';
import { seenEndParts, outputLines, resultParts } from '../../text/results.js';
import { shownPid } from '../../lessons/format.js';
import { sanitize } from '../../text/sanitize.js';
import { SHARED } from '../../text/strings.js';
import { ERRNO_MEANINGS } from '../../text/errno.js';
import { type ListingOwners, NO_OWNERS, type Owner, ownerMark, ownerOf } from './marks.js';
import { TABS, type TabId } from '../layout.js';
import { pageLines } from '../scroll.js';
import { frameChars, titleRoom } from './frame.js';
import { ccGlosses } from './cc-gloss.js';
import { ipcsGlosses } from './ipcs-gloss.js';

/** How many Tabs bring the focus from `tab` to the Trace (side by side, where z zooms the pane in
 *  focus): Tab goes Flow | Kernel | Trace | C, so from the Flow two, from C three (issue 16 pass 6:
 *  "Tab here, then z" was said with the Flow in focus; one Tab focused the Kernel, z zoomed it). */
export function tabsToTrace(tab: TabId): number {
  return (TABS.indexOf('trace') - TABS.indexOf(tab) + TABS.length) % TABS.length;
}

/** What to press to zoom the Trace: z, or the Tabs to it first and then z (strings focusThen). */
export function zoomTraceKeys(s: Strings, tab: TabId, zoomKey: string): string {
  const tabs = tabsToTrace(tab);
  return tabs === 0 ? zoomKey : s.focusThen(zoomKey, tabs);
}

const NOBODY: ListingOwners = { shm: NO_OWNERS, msg: NO_OWNERS, sem: NO_OWNERS };
/** Each id column's name in `ipcs`'s column headings, and the kind it lists. */
const ID_COLUMNS: Record<string, keyof ListingOwners> = { shmid: 'shm', msqid: 'msg', semid: 'sem' };
/** `ipcs -i`'s heading of one object ("Shared memory Segment shmid=262172"). */
const IPCS_ONE = /^(?:Shared memory Segment|Message Queue|Semaphore Array) (shmid|msqid|semid)=(\d+)$/;

/** For each line of a command's output, whose object it lists (marks.ts: 'lesson', 'ipclab',
 *  null for someone else's), undefined where it lists none. Every `ipcs` listing counts:
 *  the rows under a column heading naming an id (`ipcs -m`'s "key shmid …" as `-p`'s, `-t`'s,
 *  `-c`'s "msqid owner …": msg 1's `ipcs -q -p` rows stood unmarked) and `-i`'s heading. */
function outputOwners(command: string, body: readonly string[], owners: ListingOwners): (Owner | undefined)[] {
  if (!/^ipcs\b/.test(command)) return body.map(() => undefined);
  // the id column of the listing the line is in and its kind; a blank line or a heading ends a listing
  let listing: { column: number; kind: keyof ListingOwners } | null = null;
  return body.map((text) => {
    const fields = text.trim().split(/\s+/);
    const one = IPCS_ONE.exec(text);
    if (one) return ownerOf(Number(one[2]), owners[ID_COLUMNS[one[1]!]!]);
    const column = fields.findIndex((f) => Object.hasOwn(ID_COLUMNS, f));
    if (column >= 0) {
      listing = { column, kind: ID_COLUMNS[fields[column]!]! };
      return undefined;
    }
    if (text.trim() === '' || text.startsWith('-')) listing = null;
    const id = listing ? fields[listing.column] : undefined;
    return listing && id !== undefined && /^\d+$/.test(id) ? ownerOf(Number(id), owners[listing.kind]) : undefined;
  });
}

type Layout = ReturnType<typeof layoutText>;

/** `head`, then each group of runs after the one before it while it fits, else on a line
 *  of its own indented by `indent`; a group wider than a line wraps. Nothing is cut.
 *  A group in `breaks` (one run of prose) is not moved down whole: its words fill the rest
 *  of the line, the others go on below (nc13k#4: a death's "was killed by SIGSEGV" left a
 *  row half empty); the others (a call's result with its errno) stay together. */
function flowed(head: Run[], groups: Run[][], width: number, indent: number, breaks: readonly number[] = []): Line[] {
  // the cells a line holds, the head's or the indent's counted: every line has `width`
  // (the first's room is what its head leaves, not what the indent would)
  const room = Math.max(10, width - indent);
  const full = indent + room;
  const out: Line[] = [[...head]];
  const start = lineWidth(head);
  let used = start;
  // nothing after the head or the indent yet
  const empty = () => used === (out.length === 1 ? start : indent);
  const newLine = () => {
    if (!empty()) out.push([run(' '.repeat(indent))]);
    used = out.length === 1 ? start : indent;
  };
  const pieces = (text: string, tone: UiTone | undefined) => {
    for (const piece of wrap(text, room)) {
      newLine();
      out[out.length - 1].push(run(piece, tone));
      used += cells(piece);
    }
  };
  groups.forEach((group, g) => {
    const trimmed = group.map((r, i) => (i === 0 ? run(r.text.trimStart(), r.tone) : r));
    const alone = lineWidth(trimmed);
    const first = empty() ? trimmed : group;
    if (used + lineWidth(first) <= full) {
      out[out.length - 1].push(...first);
      used += lineWidth(first);
      return;
    }
    const text = lineText(trimmed);
    if (breaks.includes(g) && !empty()) {
      // the words that fit after what the line holds (a space before them), when a word does
      const lead = group[0].text.length > group[0].text.trimStart().length ? ' ' : '';
      const left = full - used - cells(lead);
      const fit = left > 0 ? (wrap(text, left)[0] ?? '') : '';
      const after = text.slice(fit.length);
      if (fit !== '' && text.startsWith(fit) && (after === '' || /^\s/.test(after) || cells(fit.slice(-1)) > 1 || cells(after[0]!) > 1)) {
        out[out.length - 1].push(run(lead + fit, group[0].tone));
        used += cells(lead + fit);
        if (after.trim()) pieces(after.trimStart(), group[0].tone);
        return;
      }
    }
    if (alone <= room) {
      newLine();
      out[out.length - 1].push(...trimmed);
      used += alone;
    } else pieces(text, group[0].tone);
  });
  return out;
}

/** `head` then `text` wrapped to the room left, its further lines indented by `indent`
 *  (under the text when not given). */
function hanging(head: Run[], text: string, tone: UiTone, width: number, indent = lineWidth(head)): Line[] {
  const lines = wrap(text, Math.max(10, width - lineWidth(head)));
  const first = lines[0] ?? '';
  // the rest wraps again to its own room (wrap keeps the text, so the first line is its start)
  const rest = text.startsWith(first) ? text.slice(first.length).trimStart() : lines.slice(1).join(' ');
  const more = rest ? wrap(rest, Math.max(10, width - indent)) : [];
  return [[...head, run(first, tone)], ...more.map((l): Line => [run(' '.repeat(indent)), run(l, tone)])];
}

/** A line of a command's output: its columns kept (leading spaces too, so cc's caret stays
 *  under what it points at), a line too wide wrapping two cells in from its own start, so its
 *  rows read as one line, not as the next line of the output (fix15g#5: cc's "…did you mean /
 *  ‘IPC_CREAT’?"). */
function outputLine(text: string, width: number, mark: string): Line[] {
  const lead = /^ */.exec(text)![0];
  const head = [run(`${mark}${OUTPUT_INDENT.slice(1)}${lead}`)];
  return hanging(head, text.slice(lead.length), 'dim', width, lineWidth(head) + WRAP_INDENT);
}

/** Cells a wrapped row of an output line is indented by, past the line's own start. */
export const WRAP_INDENT = 2;

/** Output lines start this far in, not under the pid column: `ipcs -m`'s widest line
 *  (72 cells, through "status") fits an 80-column trace. */
const OUTPUT_INDENT = '  ';

/** Whether an `ipcs` output is one the marks' legend goes under: it marks a row (● or ○), and
 *  lists a row not this lesson's (○, or unmarked: someone else's, which looks like ours once ours
 *  is gone), the rows the legend is for. A listing with no mark has none (s36: shmctl 8's had
 *  one, overview 7's not; the step's notice says whose unmarked rows are, others-rows.ts). */
function needsLegend(entry: TraceEntry, owners: ListingOwners, ascii: boolean): boolean {
  if (entry.type !== 'output' || !/^ipcs\b/.test(entry.command)) return false;
  const rows = outputOwners(entry.command, outputLines(sanitize(entry.text, ascii)), owners).filter((o) => o !== undefined);
  return rows.some((o) => o !== null) && rows.some((o) => o !== 'lesson');
}

/** An entry's lines; `legend` false leaves out the marks' legend under an `ipcs` listing
 *  (the trace gives it once, traceView). */
export function entryLines(entry: TraceEntry, lang: Lang, width: number, s: Strings, pidWidth = 0, ascii = false, owners = NOBODY, self: number = process.pid, legend = true): Line[] {
  return entryPieces(entry, lang, width, s, pidWidth, ascii, owners, self, legend).flatMap((p) => p.rows);
}

/** A line of the trace as the learner reads it: its rows (one line wrapped), and whether it is
 *  an `ipcs` row listing this lesson's object; what a step's traceFocus points at. */
interface Piece {
  rows: Line[];
  ours?: boolean;
}

/** An entry's lines, each (a call, an event, a line of a command's output) with its rows. */
function entryPieces(entry: TraceEntry, lang: Lang, width: number, s: Strings, pidWidth: number, ascii: boolean, owners: ListingOwners, self: number, legend: boolean): Piece[] {
  const t = layoutText(ascii);
  // everything here may hold text from outside (command output, file names, peers' lines)
  const shown = (text: string) => t.text(sanitize(text, ascii));
  // a child's death stands under the process that saw it (shownPid), not the dead child
  const pid = `${String(shownPid(entry, self)).padStart(pidWidth)} `;
  // every entry's further lines start at one column: two in from the pid's, under "• "'s text
  const more = cells(pid) + 2;
  switch (entry.type) {
    case 'call': {
      const { value, errno, message, gap } = resultParts(entry, lang);
      // the result and its errno stay together; the message goes on below when it does not fit
      // a call made that returns only if it fails (an exec) has no result yet: the note says so
      const result = entry.ret === ''
        ? [run(SHARED[lang].remark(s.returnsOnlyOnFailure), 'dim')]
        : [run(` ${value}`, errno ? 'error' : 'ok'), ...(errno ? [run(` ${errno}`, 'error')] : [])];
      return [{ rows: flowed([run(pid, 'dim')], [[run(shown(entry.c))], result, ...(message ? [[run(`${gap}${shown(message)}`, 'dim')]] : [])], width, more, [2]) }];
    }
    case 'output': {
      const head = hanging([run(pid, 'dim'), run('$ ', 'label')], shown(entry.command), 'label', width);
      if (entry.exitCode === null) head[head.length - 1].push(run(SHARED[lang].remark(s.notInstalled), 'error'));
      else if (entry.exitCode !== 0) head[head.length - 1].push(run(SHARED[lang].remark(s.exitCode(entry.exitCode)), 'error'));
      const body = outputLines(shown(entry.text));
      const whose = outputOwners(entry.command, body, owners);
      // the note says what every mark means, where a listing first has others' rows (legend)
      const note = legend && needsLegend(entry, owners, ascii) ? hanging([run('  ')], s.ipcsOthers(ownerMark('lesson', ascii), ownerMark('ipclab', ascii)), 'dim', width) : [];
      // in Chinese, under each listing's heading, what ipcs's English says (ipcs-gloss.ts); under
      // each of the C compiler's error and note lines, what it means (cc-gloss.ts)
      const glosses = lang === 'zh' ? new Map([...ipcsGlosses(entry.command, body), ...ccGlosses(entry.command, body)]) : new Map<number, string>();
      const rows = body.flatMap((l, i): Piece[] => {
        const row = { rows: outputLine(l, width, whose[i] === undefined ? ' ' : ownerMark(whose[i]!, ascii)), ours: whose[i] === 'lesson' };
        const gloss = glosses.get(i);
        return gloss === undefined ? [row] : [row, { rows: hanging([run('  ')], t.text(gloss), 'dim', width) }];
      });
      return [{ rows: head }, ...rows, ...(note.length ? [{ rows: note }] : [])];
    }
    case 'event':
    case 'measure':
      return [{ rows: hanging([run(pid, 'dim'), run('• ', 'label')], shown(entry.text[lang]), 'plain', width, more) }];
    case 'refused':
      return [{ rows: hanging([run(pid, 'dim'), run('• ', 'label'), run(s.refused, 'error')], shown(entry.reason?.[lang] ?? entry.text), 'plain', width, more) }];
    case 'death': {
      // what happened to a child, as its waiter saw it: a • line like any other event
      const [who, how] = seenEndParts(s.throwAway(shown(entry.what), entry.pid), entry.death, lang);
      // naming two processes it may not fit a narrow pane: how it ended fills the row and goes on below
      const name = who.trimEnd();
      return [{ rows: flowed([run(pid, 'dim'), run('• ', 'label')], [[run(name)], [run(`${who.slice(name.length)}${how}`, 'error')]], width, more, [1]) }];
    }
  }
}

/** A step's rule: `── text ───` across the width; text wider than a row goes on, indented under
 *  its start, on rows of its own, each closed by the rule (nothing cut: a step run with your values
 *  names them all, "shmflg SHM_RDONLY|SHM_RND" whole). `units`: pieces kept on one row where they fit. */
export function ruleLines(units: readonly string[], width: number, rule: string): Line[] {
  const lead = `${rule.repeat(2)} `;
  // a row's text leaves room for a space and two cells of the rule after it
  const room = Math.max(10, width - cells(lead) - 3);
  const rows: string[] = [''];
  for (const unit of units) {
    const last = rows.length - 1;
    if (cells((rows[last] + unit).trimEnd()) <= room) rows[last] += unit;
    else if (cells(unit.trimEnd()) <= room) rows.push(unit);
    else {
      // a piece wider than a row (a long title) wraps between words, going on after the row's text
      const pieces = wrap(unit.trim(), room);
      if (rows[last] === '') rows.pop();
      rows.push(...pieces);
      // what follows goes on after the last piece
      if (/\s$/.test(unit)) rows[rows.length - 1] += ' ';
    }
  }
  return rows.map((text, k) => {
    const label = `${k === 0 ? lead : ' '.repeat(cells(lead))}${text.trimEnd()} `;
    return line(label + rule.repeat(Math.max(0, width - cells(label))), 'frame');
  });
}

/** All trace lines, oldest first, with a rule before each step's entries. */
export function traceLines(trace: readonly TraceEntry[], stepStarts: readonly number[], lesson: Lesson, lang: Lang, width: number, s: Strings, ascii: boolean, owners = NOBODY, self: number = process.pid): Line[] {
  return traceView(trace, stepStarts, lesson, lang, width, s, ascii, owners, self).lines;
}

/** What the Trace draws: its lines; for each step that ran (stepStarts) the line its part begins
 *  at (its rule) and the line after it; and the first and last line of what its notice points at
 *  (its traceFocus, else noticeMarks), where the run drew any: after a run, and in review, the
 *  pane shows the step by these (stepTop). */
export interface TraceView {
  lines: Line[];
  tops: number[];
  ends: number[];
  focus: ({ first: number; last: number } | undefined)[];
  /** for each line, the first line of its block: a trace line with its wrapped rows, a command
   *  with its output, a call reading a kernel record (IPC_STAT) with the • lines its process
   *  prints right after it (the record's fields). A block is kept whole where it fits (stepTop). */
  blocks: number[];
}

/** The pid column's least width: 5-digit pids are common (pid_max's default is 32768). */
const PID_CELLS = 5;

/** A line range, first and last included. */
export interface Span {
  first: number;
  last: number;
}

/** A call that reads a kernel record into a struct (IPC_STAT, GETALL): the • lines its process
 *  writes right after it are that record's fields, one block with it. */
const READS_RECORD = /\b(?:IPC|SHM|MSG|SEM)_(?:STAT|INFO)\b|\bGETALL\b/;

/** Whether a piece is a line `mark` points at: its text (wrapped rows joined) holds the mark's. */
function marked(piece: Piece, mark: TraceMark, lang: Lang): boolean {
  if (typeof mark === 'object' && 'ipcsRow' in mark) return piece.ours === true;
  const want = (typeof mark === 'string' ? mark : mark[lang]).replace(/\s+/g, ' ');
  const rows = piece.rows.map((r) => lineText(r).trim());
  return rows.join(' ').replace(/\s+/g, ' ').includes(want) || rows.join('').includes(want);
}

/** The lines a notice points at without a traceFocus: what it names that only the Trace shows
 *  (result-pane.ts's rules 3 and 5), the errnos and signals, and data a call read or sent that it
 *  quotes in ASCII double quotes, as the Trace quotes it (msg 3's 'Type 0 gave "one"'): the window
 *  after the run holds them, as it holds a traceFocus (issue 16: serv-clnt 2's "reads on SIGUSR2",
 *  the window on the step's start). A name no line of the step holds points at nothing (shmget 4's
 *  "EINVAL above SHMMAX" states a rule; shmat 3's "hello" is the dump's, the Trace quoting more). */
export function noticeMarks(notice: Text | undefined, lang: Lang): string[] {
  const text = notice?.[lang] ?? '';
  const names = (text.match(/\b(?:E[A-Z0-9]{2,}|SIG[A-Z0-9]{2,})\b/g) ?? []).filter((w) => w.startsWith('SIG') || Object.hasOwn(ERRNO_MEANINGS, w));
  return [...new Set([...names, ...(text.match(/"[^"\n]+"/g) ?? [])])];
}

/** Whether two trace lines read alike: one process's same call with the same result (a retry
 *  loop's ENOENT), or its same event. */
function alike(a: TraceEntry, b: TraceEntry): boolean {
  if (a.pid !== b.pid) return false;
  if (a.type === 'call' && b.type === 'call') return a.c === b.c && a.ret === b.ret && a.retText === b.retText && a.errno === b.errno;
  if (a.type === 'event' && b.type === 'event') return !a.turn && !b.turn && a.text.en === b.text.en && a.text.zh === b.text.zh;
  return false;
}

/** A run of this many alike lines or more folds: its first and last drawn, one line in place of
 *  those between (three fold into three lines: nothing saved). */
export const FOLD_MIN = 4;

/** Where runs of alike lines (FOLD_MIN or more, within one step's part) start, and the index of each one's last. */
export function foldedRuns(trace: readonly TraceEntry[], stepStarts: readonly number[]): Map<number, number> {
  const runs = new Map<number, number>();
  for (let i = 0; i < trace.length; ) {
    let last = i;
    while (last + 1 < trace.length && !stepStarts.includes(last + 1) && alike(trace[i]!, trace[last + 1]!)) last++;
    if (last - i + 1 >= FOLD_MIN) runs.set(i, last);
    i = last + 1;
  }
  return runs;
}

/** What a folded routine line did, as its fold line names it: a call's name (a *ctl's with its
 *  command: "shmctl IPC_STAT"), an event's first code word ("memset", "rv->server_pid"); none
 *  for an event in words only, the gloss of the line before it (its first word was English in
 *  zh: "compare-and-swap:", issue 16) */
function routineName(entry: TraceEntry, note: string, lang: Lang): string {
  if (entry.type === 'call') {
    const cmd = /^\w+ctl\([^,]*, (\w+)/.exec(entry.c)?.[1];
    return cmd ? `${entry.call} ${cmd}` : entry.call;
  }
  // code first (rv->magic, memset(, an assignment's variable: "expected = 0"); a gloss in words is
  // a note, named by its lead before a colon in the shown language where it has a short one
  // ("compare-and-swap"; a bare "note" said nothing: issue 16), else "note", not code it may
  // mention (a zh line's English word stood in its fold: issue 16)
  const text = entry.type === 'event' ? entry.text.en : '';
  const code = /[A-Za-z_]\w*(?:(?:->|\.)[A-Za-z_]\w*)+|[A-Za-z_]\w*(?=\()|^[A-Za-z_]\w*(?= = )/.exec(text)?.[0];
  if (code) return code;
  const lead = entry.type === 'event' ? /^([^:：]{1,20})[:：]/u.exec(entry.text[lang])?.[1]?.trim() : undefined;
  return lead && cells(lead) <= 20 ? lead : note;
}

/** A routine fold's names: each once, in order, with how many lines it stands for where more than
 *  one ("rv->magic ×2"), so the names account for every line the fold counts (issue 16: "× 9 lines"
 *  named 7 things: two lines had no name and were dropped). A fold of several processes' lines
 *  names them by process, in the trace's order, each stretch after its pid ("4242: kill; 4343:
 *  rv->client_pid, memcpy"): which side did what, and in what order, stays readable. */
export function routineNames(folded: readonly TraceEntry[], note: string, shown: (e: TraceEntry) => number = (e) => e.pid, lang: Lang = 'en'): string {
  const named = (part: readonly TraceEntry[]) => {
    const names = part.map((e) => routineName(e, note, lang));
    return [...new Set(names)].map((n) => {
      const k = names.filter((x) => x === n).length;
      return k > 1 ? `${n} ×${k}` : n;
    }).join(', ');
  };
  if (folded.every((e) => shown(e) === shown(folded[0]!))) return named(folded);
  // one stretch per change of process
  const stretches: TraceEntry[][] = [];
  folded.forEach((e, i) => (i > 0 && shown(e) === shown(folded[i - 1]!) ? stretches[stretches.length - 1]!.push(e) : stretches.push([e])));
  return stretches.map((part) => `${shown(part[0]!)}: ${named(part)}`).join('; ');
}

/** Where runs of a step's routine lines (Step.traceRoutine: two or more in a row, of one process
 *  or several, within the step's part, none a line its notice points at) start, and the index of
 *  each one's last: each is drawn as one line (issue 16: serv-clnt 5-6 redid steps 1-4's setup and
 *  exchange line by line, 46 lines from the step's start to its result). */
export function routineRuns(trace: readonly TraceEntry[], stepStarts: readonly number[], lesson: Lesson, lang: Lang, s: Strings, notices: Readonly<Record<number, Text>> = {}): Map<number, number> {
  const runs = new Map<number, number>();
  const stepOf = (i: number) => stepStarts.filter((from) => from <= i).length - 1;
  const routine = (i: number): boolean => {
    const step = lesson.steps[stepOf(i)];
    const entry = trace[i]!;
    if (!step?.traceRoutine || (entry.type !== 'call' && entry.type !== 'event')) return false;
    const pieces = entryPieces(entry, lang, 1000, s, 0, false, NOBODY, 0, false);
    const focus = step.traceFocus ?? noticeMarks(notices[stepOf(i)] ?? step.notice, lang);
    const is = (marks: readonly TraceMark[]) => pieces.some((p) => marks.some((m) => marked(p, m, lang)));
    return is(step.traceRoutine.lines) && !is(focus);
  };
  for (let i = 0; i < trace.length; i++) {
    if (!routine(i)) continue;
    let last = i;
    while (last + 1 < trace.length && !stepStarts.includes(last + 1) && routine(last + 1)) last++;
    if (last > i) runs.set(i, last);
    i = last;
  }
  return runs;
}

/** A time span as the fold line says it: 0.4 ms, 38 ms, 1.2 s. */
function spanText(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The trace lines, each step's part and what its notice points at (TraceView). */
export function traceView(trace: readonly TraceEntry[], stepStarts: readonly number[], lesson: Lesson, lang: Lang, width: number, s: Strings, ascii: boolean, owners = NOBODY, self: number = process.pid, notices: Readonly<Record<number, Text>> = {}): TraceView {
  const out: Line[] = [];
  const tops: number[] = [];
  const focus: TraceView['focus'] = [];
  const rule = ascii ? '-' : '─';
  const t = layoutText(ascii);
  // one pid column through a lesson: never narrower than 5 digits (pid_max's 32768 default),
  // so the first 5-digit child does not push every earlier line sideways (ftok 4's cc did)
  const pidWidth = Math.max(PID_CELLS, ...trace.map((e) => String(shownPid(e, self)).length));
  let legendGiven = false;
  const blocks: number[] = [];
  // the process whose record the • lines now being drawn are (a call reading one came just before)
  let recordOf: number | null = null;
  // a step run with the learner's values is headed by those values: its title names the lesson's
  const yours = new Map(trace.flatMap((e, i) => (e.type === 'event' && e.turn ? [[stepStarts.filter((from) => from <= i).length - 1, e.turn[lang]] as const] : [])));
  // a step with no entries of its own begins where the next one's do
  const topAt = (i: number) => stepStarts.forEach((from, k) => {
    if (from === i && tops[k] === undefined) tops[k] = out.length;
  });
  // runs of alike lines (a retry loop): the first and last drawn, the ones between as one line
  // (issue 16: serv-clnt 5's retries, a line each, pushed the step's result far up)
  const runs = foldedRuns(trace, stepStarts);
  let fold: { first: number; last: number } | null = null;
  // a step's routine lines (Step.traceRoutine), a run of them as one line naming what each did
  const routine = routineRuns(trace, stepStarts, lesson, lang, s, notices);
  let routineLast = -1;
  trace.forEach((entry, i) => {
    topAt(i);
    if (i <= routineLast) return;
    if (fold && i > fold.first && i < fold.last) {
      if (i === fold.first + 1) {
        const pid = `${String(shownPid(entry, self)).padStart(pidWidth)} `;
        const all = fold.last - fold.first + 1;
        const first = trace[fold.first]!;
        const text = t.text(s.traceFold(all - 2, all, first.type === 'call' ? first.call : null, spanText(trace[fold.last]!.at - first.at)));
        const rows = hanging([run(pid, 'dim')], text, 'dim', proseWidth(width), cells(pid) + 2);
        blocks.push(...rows.map(() => out.length));
        out.push(...rows);
      }
      return;
    }
    const step = stepStarts.indexOf(i);
    if (step >= 0 && lesson.steps[step]) {
      const name = `${s.step} ${step + 1}`;
      const values = yours.get(step);
      // the title, or the learner's values each whole (a value's ", " ends its piece), on as many rows as it takes
      const units = values === undefined ? [`${name}${s.colon}${lesson.steps[step].title[lang]}`] : [s.traceYourValues(name, ''), ...values.split(/(?<=, |，)/)];
      const rules = ruleLines(units.map((u) => t.text(u)), width, rule);
      blocks.push(...rules.map(() => out.length));
      out.push(...rules);
      recordOf = null;
    }
    // the entries' text keeps a cell free before the border (proseWidth), as every pane's wrapped text
    // the marks' legend once a lesson: under the first listing that marks a row and has others' rows, not every one
    const legend = !legendGiven && needsLegend(entry, owners, ascii);
    legendGiven ||= legend;
    // the step whose part this entry is in: the last one begun by it
    const own = stepStarts.filter((from) => from <= i).length - 1;
    const marks = lesson.steps[own]?.traceFocus ?? noticeMarks(notices[own] ?? lesson.steps[own]?.notice, lang);
    if (routine.has(i)) {
      routineLast = routine.get(i)!;
      const folded = trace.slice(i, routineLast + 1);
      const like = lesson.steps[own]!.traceRoutine!.like[lang];
      const whose = (e: TraceEntry) => shownPid(e, self);
      const text = t.text(s.traceRoutine(folded.length, like, routineNames(folded, s.traceRoutineNote, whose, lang)));
      // several processes' lines: the names say whose each is, the pid column none
      const one = folded.every((e) => whose(e) === whose(entry));
      const pid = `${(one ? String(whose(entry)) : '').padStart(pidWidth)} `;
      const rows = hanging([run(pid, 'dim')], text, 'dim', proseWidth(width), cells(pid) + 2);
      blocks.push(...rows.map(() => out.length));
      out.push(...rows);
      recordOf = null;
      return;
    }
    // the entry's block: a command's output is one with its command line; a record's • line is
    // one with the call that read it; anything else a block of its own per line
    const inRecord = recordOf !== null && (entry.type === 'event' || entry.type === 'measure') && entry.pid === recordOf;
    const entryStart = inRecord ? blocks[blocks.length - 1]! : out.length;
    if (runs.has(i)) fold = { first: i, last: runs.get(i)! };
    recordOf = inRecord ? recordOf : entry.type === 'call' && READS_RECORD.test(entry.c) ? entry.pid : null;
    const pieces = entryPieces(entry, lang, proseWidth(width), s, pidWidth, ascii, owners, self, legend);
    // a command's line marked stands for the command with its output (msg 1's "ipcs -q -p: lspid,
    // lrpid 0" is its output's row): the focus runs to the output's end
    const entryRows = pieces.reduce((sum, p) => sum + p.rows.length, 0);
    pieces.forEach((piece, p) => {
      if (marks.some((m) => marked(piece, m, lang))) {
        const last = entry.type === 'output' && p === 0 ? out.length + entryRows - 1 : out.length + piece.rows.length - 1;
        focus[own] = { first: focus[own]?.first ?? out.length, last: Math.max(focus[own]?.last ?? 0, last) };
      }
      const start = entry.type === 'output' || inRecord ? entryStart : out.length;
      blocks.push(...piece.rows.map(() => start));
      out.push(...piece.rows);
    });
  });
  topAt(trace.length);
  const ends = tops.map((_, k) => tops[k + 1] ?? out.length);
  return { lines: out, tops, ends, focus, blocks };
}

/** The lines of the block(s) holding lines `first` to `last` (TraceView.blocks). */
function blockSpan(view: TraceView, first: number, last: number): Span {
  let end = last;
  while (end + 1 < view.blocks.length && view.blocks[end + 1] === view.blocks[last]) end++;
  return { first: view.blocks[first] ?? first, last: end };
}

/** Step `step`'s result: the blocks holding what its notice points at (TraceView.focus), else its
 *  part's last block; undefined: the step has not run. */
export function stepResult(view: TraceView, step: number): Span | undefined {
  const top = view.tops[step];
  if (top === undefined) return undefined;
  const focus = view.focus[step];
  const last = Math.max(top, view.ends[step] - 1);
  return focus ? blockSpan(view, focus.first, focus.last) : blockSpan(view, last, last);
}

/** The first line the Trace shows of step `step`'s part in a window of `rows` rows: its heading,
 *  the part read from its start (issue 16: newcomers, the pane opened at a part's end or 16 lines
 *  into it, paged up to its start for every long step), unless what the notice points at
 *  (TraceView.focus) would be below the window: then the least way down that shows its result
 *  (stepResult: the blocks holding it, a command's whole output, an IPC_STAT dump with its call)
 *  whole, the window's top on a block's start; its lines under the heading whole where only the
 *  heading does not fit; a result taller than the window shows what the notice
 *  points at whole, as near the result's end as it can, and where that too is taller, from its
 *  first line (issue 16, fixR1: ftok 4's shmget ENOENT stood far above the cc error it came
 *  before). The border says where the result goes on (resultCut) and names z (zoomShows).
 *  `zoomed` (the pane zoomed): the same but for the focus: from the heading whatever it points at
 *  (pageShows says what PgUp and PgDn bring from there). undefined: the step has not run. */
export function stepTop(view: TraceView, step: number, rows: number, zoomed = false): number | undefined {
  const top = view.tops[step];
  const result = stepResult(view, step);
  if (top === undefined || !result) return undefined;
  const n = Math.max(1, rows);
  const focus = view.focus[step];
  const end = view.ends[step]!;
  // the part whole, else its lines under the heading whole where they fit (the heading's rows give
  // way: serv-clnt 1's 18 lines in the zoomed 80x24 Trace's 18 rows took a PgDn for the last)
  if (end - top <= n) return top;
  if (end - bodyTop(view, step)! <= n) return end - n;
  // zoomed, the step from its heading down: the learner pressed z to read the step, and a window
  // opened mid-step left its start above, a page back landing in earlier steps (issue 16: serv-clnt 5)
  if (zoomed || !focus || result.last < top + n) return top;
  // the least way down that shows the result whole, the top on a block's start (not a wrapped
  // line's second row: serv-clnt 1's open() stood cut over its ftok), the bottom on a block's end
  // where one is in reach
  if (result.last - result.first < n) {
    const from = result.last - n + 1;
    const ways = Array.from({ length: result.first - from + 1 }, (_, i) => from + i);
    const starts = (t: number) => view.blocks[t] === t;
    const ends = (i: number) => i + 1 >= view.blocks.length || view.blocks[i + 1] === i + 1;
    return ways.find((t) => starts(t) && ends(t + n - 1)) ?? ways.find(starts) ?? from;
  }
  // taller than the window: what the notice points at whole where it fits, nearest the result's end;
  // taller still, from its first line (the border names z, which shows it whole: zoomShows)
  if (focus.last - focus.first < n) return Math.min(focus.first, result.last - n + 1);
  return focus.first;
}

/** Whether the window from `top` of `rows` rows cuts step `step`'s result (stepResult): part of it
 *  in view and part above (`above`) or below (`below`), which the pane's border then says. */
export function resultCut(view: TraceView, step: number, top: number, rows: number): { above: boolean; below: boolean } {
  const result = stepResult(view, step);
  if (!result) return { above: false, below: false };
  const bottom = top + Math.max(1, rows) - 1;
  return { above: top > result.first && top <= result.last, below: bottom < result.last && bottom >= result.first };
}

/** The step whose part the window from `top` opens inside, its heading's first row above the
 *  window: the pane's border names it ("Trace · step 8"). Never its heading drawn over the
 *  window's first rows: those hold lines of the step, and learners read a covered line as
 *  missing (issue 16, s36: ftok 8's open() of the new file, shmat 6's shmat that the read came
 *  from, a y run's own call; docs/ARCHITECTURE.md, the Trace). null where the window opens at a
 *  step's heading or before the first one. Issue 16, s35g#3: a part longer than the pane showed
 *  its end, the heading out of view, and learners pressed z to learn which step they read. */
export function stepOpenedIn(view: TraceView, top: number): number | null {
  const step = stepAt(view, top);
  return step < 0 || view.tops[step] === top ? null : step;
}

/** The fullest of `notes` (fullest first) that the top border can say beside "↑ `above` more"
 *  and the focus `mark` with the pane's `title` whole: the title and the step it names are never
 *  cut for a note (issue 16, nc3 at 80x24: "Trace ·… ↑ 19 more (step 1's result goes on above; z:
 *  more of step 1)"); '' where none leaves it room. */
export function noteBeside(notes: readonly string[], title: string, above: number, width: number, ascii: boolean, more: (n: number) => string, mark: string): string {
  return notes.find((note) => titleRoom(above, width, frameChars(ascii), more, note, mark) >= cells(title)) ?? '';
}

/** The lines of step `step`'s result (stepResult) in the window from `top` of `rows` rows. */
export function resultInView(view: TraceView, step: number, top: number, rows: number): number {
  const result = stepResult(view, step);
  if (!result) return 0;
  return Math.max(0, Math.min(result.last + 1, top + Math.max(1, rows)) - Math.max(result.first, top));
}

/** Whether a window of `rows` rows at `kept`, where the Trace stood for step `step` before its
 *  height changed, still serves the learner as well as `chosen` (stepTop's for these rows): it
 *  shows as much of the step's result, the step's part under its heading whole where `chosen`
 *  does, and at most one blank row under the trace's end (a pane grown by the rows a result needs
 *  shows more of the step: ftok 7 at 80x24 whole, serv-clnt 1 at 120x34 with no 5 blank rows). */
export function keptServes(view: TraceView, step: number, kept: number, chosen: number, rows: number): boolean {
  const body = bodyTop(view, step);
  const last = (view.ends[step] ?? 0) - 1;
  const whole = (top: number) => body !== undefined && body >= top && last < top + Math.max(1, rows);
  return resultInView(view, step, kept, rows) >= resultInView(view, step, chosen, rows) && (whole(kept) || !whole(chosen)) && kept + rows <= view.lines.length + 1;
}

/** What z shows of step `step`'s part where the window from `top` of `rows` rows cuts it (its
 *  lines above or below, its result among them or not) and the zoomed pane's `zoomRows` rows
 *  show more of it (issue 16: ftok 4's cc error took 10 presses, shmdt 3's "ipclab refused" was
 *  its part's 7th line under a 4-row Trace, and nothing said z): the part whole ('part'), its
 *  result whole ('result'), else more of it ('more'); and the border that says so, the side its
 *  result is cut on, else its part. null: nothing of the part is out of view (a part of no lines
 *  too), or zoomed shows no more. */
export function zoomShows(view: TraceView, step: number, top: number, rows: number, zoomRows: number): { shows: 'part' | 'result' | 'more'; side: 'above' | 'below' } | null {
  const first = view.tops[step];
  const body = bodyTop(view, step);
  const result = stepResult(view, step);
  // a step that drew no line (a peer that never answered) has nothing cut
  if (first === undefined || body === undefined || !result || zoomRows <= rows || view.ends[step] <= body) return null;
  const last = view.ends[step] - 1;
  const bottom = top + Math.max(1, rows) - 1;
  // the heading alone out of view is no cut: it names the step the learner just ran (issue 16, ftok 3)
  if (body >= top && last <= bottom) return null;
  const cut = resultCut(view, step, top, rows);
  // zoomed, the pane opens on the heading, or under it where only that does not fit (stepTop): what
  // it shows whole is counted from there
  const at = stepTop(view, step, zoomRows, true)!;
  const shows = last < at + zoomRows ? 'part' : result.first >= at && result.last < at + zoomRows ? 'result' : 'more';
  const side = cut.above ? 'above' : cut.below ? 'below' : body < top ? 'above' : 'below';
  return { shows, side };
}

/** The first line of step `step`'s part under its heading (the rule's rows); the part's end where
 *  it drew nothing else. undefined: the step has not run. */
export function bodyTop(view: TraceView, step: number): number | undefined {
  const top = view.tops[step];
  if (top === undefined) return undefined;
  let at = top;
  while (at < view.ends[step]! && isRule(view.lines[at]!)) at++;
  return at;
}

/** The step line `at` is in (the last begun at or before it); -1 before the first. */
function stepAt(view: TraceView, at: number): number {
  let k = -1;
  view.tops.forEach((top, i) => {
    if (top !== undefined && top <= at) k = i;
  });
  return k;
}

/** What a page key brings into view from a window at `top` of `rows` rows (a page: pageLines):
 *  more of the step the window's edge is in (where the page starts in it), else the step or
 *  steps it reaches; null where
 *  nothing is that way, or only lines before the first step. The zoomed Trace's borders say it
 *  beside PgUp and PgDn (issue 16: after z, PgUp jumped 27 lines back into steps 3-4 unsaid). */
export function pageShows(view: TraceView, top: number, rows: number, way: 'up' | 'down'): { more: number } | { first: number; last: number } | null {
  const n = Math.max(1, rows);
  const page = pageLines(n);
  const end = view.lines.length - 1;
  // the lines the page brings in, and the line at the window's edge on that side
  const [from, to, edge] = way === 'down' ? [top + n, Math.min(end, top + n - 1 + page), top + n - 1] : [Math.max(0, top - page), top - 1, top];
  if (from > to) return null;
  const first = stepAt(view, from);
  const last = stepAt(view, to);
  if (first < 0 || last < 0) return null;
  return stepAt(view, edge) === first ? { more: first } : { first, last };
}
