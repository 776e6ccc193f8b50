// The ownership registry: one journal per ipclab process, in
// $XDG_STATE_HOME/ipclab/runs/PID-START.jsonl, so `ipclab clean` can undo what a
// SIGKILLed run left. A journal is named for the process (pid + start time), is
// written only by that process (appends, no lock) and holds one JSON line per fact,
// each written BEFORE the thing it names could outlive an untimely kill where that is
// possible (the run itself, a temp folder, a key a child will create under) and right
// after otherwise (a segment's shmid, a child's pid). A damaged line loses that line
// only; the file name still says whose journal it is. See docs/ARCHITECTURE.md
// ("Cleanup and ownership").
import { closeSync, copyFileSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { makeDirs, stateDir } from '../paths.js';
import { processAlive, processStart } from './procstat.js';

/** A segment a process recorded right after creating it. */
export interface OwnedRecord {
  shmid: number;
  /** the key at creation (unsigned); 0 for IPC_PRIVATE */
  key: number;
  /** shm_ctime at creation: later changes (IPC_SET) only move it forward */
  ctime: number;
  /** shm_cpid: the creating process */
  cpid: number;
  /** the ipclab process that recorded it, and that process's start time */
  pid: number;
  pidStart: number | null;
}

/** The two kinds the kernel keeps no creator pid for. */
export type IpcKind = 'msg' | 'sem';

/** A message queue or semaphore set a process recorded right after creating it. */
export interface OwnedIpc {
  kind: IpcKind;
  id: number;
  /** the key at creation (unsigned); 0 for IPC_PRIVATE */
  key: number;
  /** a second no later than the object's ctime (taken before the call): IPC_SET, SETVAL
   *  and SETALL only move ctime forward */
  ctime: number;
  /** the creator's effective uid (msg_perm.cuid / sem_perm.cuid) */
  cuid: number;
  pid: number;
  pidStart: number | null;
}

export type JournalLine =
  | { t: 'run'; pid: number; start: number }
  | { t: 'shm'; shmid: number; key: number; ctime: number; cpid: number }
  | { t: 'gone'; shmid: number }
  | { t: IpcKind; id: number; key: number; ctime: number; cuid: number }
  | { t: 'gone'; kind: IpcKind; id: number }
  | { t: 'child'; pid: number; start: number }
  | { t: 'key'; key: number; since: number; kind?: IpcKind }
  | { t: 'private'; kind: IpcKind; since: number; after: number }
  | { t: 'tmp'; path: string };

/** One process's journal as read back. */
export interface Journal {
  file: string;
  pid: number;
  start: number;
  /** segments recorded and not recorded as removed */
  segments: OwnedRecord[];
  /** queues and sets recorded and not recorded as removed */
  objects: OwnedIpc[];
  children: Array<{ pid: number; start: number }>;
  /** keys recorded before a create: for segments a child makes (no kind), or before msgget/semget */
  keys: Array<{ key: number; since: number; kind?: IpcKind }>;
  tmps: string[];
  /** a msgget/semget(IPC_PRIVATE) the run was killed in: its `private` line has no line
   *  after it (the record, or anything the run did next); `after`, the highest id of that
   *  kind in the kernel just before the call (-1: none) */
  pending: { kind: IpcKind; since: number; after: number } | null;
  /** lines that could not be read (a damaged file) */
  damaged: number;
}

export function runsDir(): string {
  return join(stateDir(), 'runs');
}

const NAME = /^(\d+)-(\d+)\.jsonl$/;

/** The name children inherit in IPCLAB_OWNER, and the journal's file name (without .jsonl). */
export function runName(pid: number, start: number): string {
  return `${pid}-${start}`;
}

const isInt = (n: unknown): n is number => Number.isInteger(n);
const isKind = (k: unknown): k is IpcKind => k === 'msg' || k === 'sem';

function valid(line: unknown): line is JournalLine {
  const l = line as Record<string, unknown>;
  if (typeof l !== 'object' || l === null) return false;
  switch (l.t) {
    case 'run':
    case 'child':
      return isInt(l.pid) && isInt(l.start);
    case 'shm':
      return [l.shmid, l.key, l.ctime, l.cpid].every(isInt);
    case 'msg':
    case 'sem':
      return [l.id, l.key, l.ctime, l.cuid].every(isInt);
    case 'gone':
      return l.kind === undefined ? isInt(l.shmid) : isKind(l.kind) && isInt(l.id);
    case 'key':
      return isInt(l.key) && isInt(l.since) && (l.kind === undefined || isKind(l.kind));
    case 'private':
      return isKind(l.kind) && isInt(l.since) && isInt(l.after);
    case 'tmp':
      return typeof l.path === 'string';
    default:
      return false;
  }
}

/** Reads one journal; null when the file is not a journal (by its name) or cannot be read. */
export function readJournal(file: string): Journal | null {
  const m = NAME.exec(file.slice(file.lastIndexOf('/') + 1));
  if (!m) return null;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const journal: Journal = { file, pid: Number(m[1]), start: Number(m[2]), segments: [], objects: [], children: [], keys: [], tmps: [], pending: null, damaged: 0 };
  const segments = new Map<number, OwnedRecord>();
  const objects = new Map<string, OwnedIpc>();
  const lines = text.split('\n');
  // a kill mid-write leaves at most a cut last line; every other line ends with \n
  if (lines[lines.length - 1] === '') lines.pop();
  for (const raw of lines) {
    let line: unknown;
    try {
      line = JSON.parse(raw);
    } catch {
      line = null;
    }
    if (!valid(line)) {
      journal.damaged += 1;
      continue;
    }
    // the call comes right after its private line, the record right after the call
    journal.pending = line.t === 'private' ? { kind: line.kind, since: line.since, after: line.after } : null;
    if (line.t === 'shm') segments.set(line.shmid, { shmid: line.shmid, key: line.key, ctime: line.ctime, cpid: line.cpid, pid: journal.pid, pidStart: journal.start });
    else if (line.t === 'msg' || line.t === 'sem') objects.set(`${line.t} ${line.id}`, { kind: line.t, id: line.id, key: line.key, ctime: line.ctime, cuid: line.cuid, pid: journal.pid, pidStart: journal.start });
    else if (line.t === 'gone') {
      if ('kind' in line) objects.delete(`${line.kind} ${line.id}`);
      else segments.delete(line.shmid);
    } else if (line.t === 'child') journal.children.push({ pid: line.pid, start: line.start });
    else if (line.t === 'key') journal.keys.push(line.kind ? { key: line.key, since: line.since, kind: line.kind } : { key: line.key, since: line.since });
    else if (line.t === 'tmp') journal.tmps.push(line.path);
  }
  journal.segments = [...segments.values()];
  journal.objects = [...objects.values()];
  return journal;
}

/** Every journal in the state folder (none when it does not exist or cannot be read). */
export function readJournals(): Journal[] {
  let names: string[];
  try {
    names = readdirSync(runsDir());
  } catch {
    return [];
  }
  return names.flatMap((name) => readJournal(join(runsDir(), name)) ?? []);
}

/** Every segment any journal names (what `ipcs` marks as ipclab's). */
export function readOwned(): OwnedRecord[] {
  return readJournals().flatMap((j) => j.segments);
}

/** Every queue and set any journal names. */
export function readOwnedIpc(): OwnedIpc[] {
  return readJournals().flatMap((j) => j.objects);
}

/** Keeps a damaged journal's bytes for a human to look at, beside it; the copy's path. */
export function keepCopy(file: string): string {
  const copy = `${file}.damaged-${Date.now()}`;
  copyFileSync(file, copy);
  return copy;
}

export function removeJournal(file: string): void {
  rmSync(file, { force: true });
}

/** Removes the journal of an ended process this one ended itself (a lesson's peer killed
 *  with SIGKILL, which could not remove its own) when it records nothing `clean` would still
 *  act on; a journal that does is left to `clean`. True when it was removed. */
export function forgetEndedRun(pid: number, start: number): boolean {
  if (processAlive(pid, start)) return false;
  const file = join(runsDir(), `${runName(pid, start)}.jsonl`);
  const j = readJournal(file);
  if (!j) return false;
  const pending = j.segments.length + j.objects.length + j.children.length + j.keys.length + j.tmps.length + (j.pending ? 1 : 0) + j.damaged;
  if (pending > 0) return false;
  removeJournal(file);
  return true;
}

/** Why the state folder cannot hold journals, and the way out, as one line. */
export function stateProblem(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const why =
    e.code === 'ENOTDIR' || e.code === 'EEXIST'
      ? 'a file stands where a folder should be'
      : e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS'
        ? 'the folder is not writable'
        : (e.message ?? String(err));
  return `${why}; move it aside or make it writable, or set XDG_STATE_HOME to a folder you can write`;
}

// ---- this process's own journal ----

let fd: number | null = null;
let own: { pid: number; start: number; file: string } | null = null;
let failure: string | null = null;
let warned = false;
let ended = false;

function warn(): void {
  if (warned || failure === null) return;
  warned = true;
  process.stderr.write(`ipclab: cannot keep records in ${runsDir()} (${failure}); ipclab still cleans up when it ends, but after a kill -9 \`ipclab clean\` cannot find what this run made\n`);
}

/** This process's run name (pid-start); also handed to every child in IPCLAB_OWNER. */
export function ownRun(): { pid: number; start: number; file: string } {
  if (!own) {
    const start = processStart(process.pid) ?? 0;
    own = { pid: process.pid, start, file: join(runsDir(), `${runName(process.pid, start)}.jsonl`) };
    // children (and theirs) carry the name from exec on: `clean` finds them even when
    // ipclab was killed before it could record their pids
    process.env.IPCLAB_OWNER = runName(own.pid, own.start);
  }
  return own;
}

/** Opens this process's journal with its first line, once. Safe to call often. */
export function registerRun(): void {
  if (fd !== null || failure !== null || ended) return;
  const run = ownRun();
  try {
    makeDirs(runsDir(), 0o700);
    fd = openSync(run.file, 'a', 0o600);
    writeSync(fd, `${JSON.stringify({ t: 'run', pid: run.pid, start: run.start })}\n`);
  } catch (err) {
    failure = stateProblem(err);
    warn();
  }
}

/** Appends one fact to this process's journal (one write: a kill leaves it whole or cut). */
export function note(line: JournalLine): void {
  registerRun();
  if (fd === null) return;
  try {
    writeSync(fd, `${JSON.stringify(line)}\n`);
  } catch (err) {
    failure = stateProblem(err);
    warn();
  }
}

/** At a clean end, when nothing of this run is left: its journal has nothing more to say. */
export function closeJournal(): void {
  ended = true;
  if (fd === null || !own) return;
  try {
    closeSync(fd);
    removeJournal(own.file);
  } catch {
    // a journal left behind only names things that are gone; `clean` drops it
  }
  fd = null;
}
