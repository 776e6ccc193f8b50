// `ipclab clean`: removes what killed ipclab runs left. A run is gone when its pid
// no longer names a process with its start time. What it left: processes that carry
// its name in IPCLAB_OWNER (its children and theirs), segments it recorded (when the
// id still names the very object), segments whose creator was the run or a child it
// recorded and is gone (a kill between shmget and the record), segments under a key
// it recorded for a child, and temp folders it recorded before making them. One clean
// at a time (a lock), so several at once never race for the same object.
import { closeSync, lstatSync, openSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { kill, shmctlRmid } from './calls.js';
import { SHM_DEST, SIGKILL } from './constants.js';
import { endChild } from './cleanup.js';
import { formatKey } from './format.js';
import { raw } from './libc.js';
import { readIpcRows, readShmRows, type IpcRow, type ShmRow } from './proc.js';
import { msgctlRmid } from './msg.js';
import { semctlRmid } from './sem.js';
import { processAlive, processesOwnedBy, processParent, processStart, startSecond } from './procstat.js';
import { keepCopy, readJournals, removeJournal, runName, runsDir, stateProblem, type IpcKind, type Journal } from './registry.js';
import { makeDirs, stateDir } from '../paths.js';
import { sameIpcObject, sameObject } from './tables.js';
import type { CallRecord } from './types.js';

export interface CleanEntry {
  kind: 'shm' | IpcKind;
  /** shmid, msqid or semid */
  id: number;
  key: string;
  /** the creator pid (segments only: the kernel keeps none for queues and sets) */
  cpid: number | null;
  /** the ipclab process whose run it belongs to */
  pid: number;
  reason: string;
  /** the IPC_RMID call, when one was made */
  call?: CallRecord;
}

export interface CleanReport {
  /** removed (or, with dryRun, would be removed) */
  removed: CleanEntry[];
  /** left in the kernel, with the reason */
  kept: CleanEntry[];
  /** records dropped because their segment no longer exists */
  forgotten: CleanEntry[];
  /** processes of gone runs that were ended (or, with dryRun, would be), and the signals sent */
  ended: Array<{ pid: number; run: string; signals: string }>;
  /** live runs whose parent is gone, waited for: ended (and removed their own objects) or not */
  waited: Array<{ pid: number; ended: boolean }>;
  /** temp folders of gone runs removed (or that would be) */
  folders: string[];
  /** journals with unreadable lines, and where a copy of each was kept */
  damaged: Array<{ file: string; lines: number; copy: string | null }>;
  /** things clean could not do, one line each */
  warnings: string[];
  /** queues and sets of the calling user that no journal here names (another state
   *  folder's run made them, or another program): left, and listed so a learner can tell */
  unnamed: Array<{ kind: IpcKind; id: number; key: string }>;
}

/** The state folder cannot be used at all (a file in its place): one line with the way out. */
export class StateError extends Error {}

const LOCK_EX = 2;
const TERM_GRACE_MS = 2000;
const KILL_GRACE_MS = 1000;
const ORPHAN_GRACE_MS = 10_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Waits (synchronously: clean is one short command) until every pid is gone or ms pass. */
function waitGone(pids: Array<{ pid: number; start: number | null }>, ms: number): boolean {
  const end = Date.now() + ms;
  for (;;) {
    if (pids.every((p) => !processAlive(p.pid, p.start))) return true;
    if (Date.now() > end) return false;
    sleep(20);
  }
}

/** Holds the clean lock until the returned release is called; without a lock (and
 *  with a warning) when the folder is read-only. */
function lock(report: CleanReport): () => void {
  const dir = stateDir();
  for (const path of [dir, runsDir()]) {
    try {
      if (!lstatSync(path).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // nothing recorded there yet
      throw new StateError(`${path}: ${stateProblem(err)}`);
    }
  }
  let fd: number;
  try {
    makeDirs(dir, 0o700);
    fd = openSync(join(dir, 'clean.lock'), 'a', 0o600);
  } catch (err) {
    report.warnings.push(`cannot lock ${join(dir, 'clean.lock')} (${stateProblem(err)}); cleaning without the lock`);
    return () => undefined;
  }
  // blocks while another clean runs; released by close (or by its death)
  raw.flock(fd, LOCK_EX);
  return () => closeSync(fd);
}

/** Ends the live processes of gone runs, round after round (an ended peer's own
 *  children carry the peer's name). Returns the journals as they are afterwards. */
function endProcesses(report: CleanReport, dryRun: boolean): Journal[] {
  for (let round = 0; round < 4; round++) {
    const journals = readJournals();
    const gone = journals.filter((j) => !processAlive(j.pid, j.start));
    const owners = new Map(gone.map((j) => [runName(j.pid, j.start), j]));
    const targets = new Map<number, string>();
    for (const { pid, owner } of processesOwnedBy(new Set(owners.keys()))) targets.set(pid, owner);
    for (const j of gone) for (const c of j.children) if (processAlive(c.pid, c.start)) targets.set(c.pid, runName(j.pid, j.start));
    const fresh = [...targets].filter(([pid]) => !report.ended.some((e) => e.pid === pid));
    if (fresh.length === 0 || dryRun) {
      if (dryRun) for (const [pid, run] of fresh) report.ended.push({ pid, run, signals: '' });
      return journals;
    }
    const pids = fresh.map(([pid]) => ({ pid, start: processStart(pid) }));
    for (const { pid } of pids) endChild(pid);
    let signals = 'SIGTERM';
    if (!waitGone(pids, TERM_GRACE_MS)) {
      for (const p of pids) if (processAlive(p.pid, p.start)) kill(p.pid, SIGKILL);
      waitGone(pids, KILL_GRACE_MS);
      signals = 'SIGTERM, then SIGKILL';
    }
    for (const [pid, run] of fresh) report.ended.push({ pid, run, signals });
  }
  return readJournals();
}

/** Who made a segment, when it is a gone run's: the run, or a child the run recorded. */
function creatorOf(j: Journal, row: ShmRow): number | null {
  const creators = [{ pid: j.pid, start: j.start }, ...j.children];
  const creator = creators.find((c) => c.pid === row.cpid && row.ctime >= startSecond(c.start));
  if (creator) return creator.pid;
  return j.keys.some((k) => k.kind === undefined && k.key === row.key && row.ctime >= k.since) ? row.cpid : null;
}

const RMID: Record<IpcKind, (id: number) => CallRecord> = { msg: msgctlRmid, sem: semctlRmid };
const NOUN: Record<IpcKind, string> = { msg: 'queue', sem: 'semaphore set' };

/** IPC_RMID of a gone run's queue or set (none with dryRun), reported; true when it failed. */
function removeIpc(e: CleanEntry, report: CleanReport, dryRun: boolean): boolean {
  if (dryRun) {
    report.removed.push(e);
    return false;
  }
  const call = RMID[e.kind as IpcKind](e.id);
  if (call.errno === 'EINVAL' || call.errno === 'EIDRM') report.forgotten.push({ ...e, reason: 'already gone' });
  else if (call.errno) {
    report.kept.push({ ...e, reason: `IPC_RMID failed: ${call.errno} (${call.message})`, call });
    return true;
  } else report.removed.push({ ...e, call });
  return false;
}

/** How long after a `private` line's `since` the call's ctime may be: the second taken off
 *  and the call's own, give or take a tick of the kernel's coarse clock. */
const PRIVATE_SLACK_S = 2;

/** The key-0 queue or set a gone run was killed making (`pending`: killed between
 *  msgget/semget(IPC_PRIVATE) and its record), among `all` the kernel holds of that kind.
 *  The kernel hands out ids in rising order, so the call's object, made microseconds after
 *  its `private` line, is the first with an id above the line's `after`: it is the call's
 *  when it is key 0, of the calling user, never used and made in the seconds of the line.
 *  Anything else first (the run died before its call; the ids wrapped round) is another's. */
export function killedPrivateCall(pending: NonNullable<Journal['pending']>, all: IpcRow[]): IpcRow | undefined {
  const first = all.filter((r) => r.id > pending.after).sort((a, b) => a.id - b.id)[0];
  if (!first || first.key !== 0 || first.cuid !== process.geteuid?.() || first.used) return undefined;
  return first.ctime >= pending.since && first.ctime <= pending.since + PRIVATE_SLACK_S ? first : undefined;
}

/** Removes what gone runs were killed making with IPC_PRIVATE (killedPrivateCall), unless
 *  a journal names it (`rows` holds what is left once every journal took its own). Returns
 *  the journals whose IPC_RMID failed. */
function cleanPrivate(gone: Journal[], rows: Record<IpcKind, IpcRow[]>, report: CleanReport, dryRun: boolean): Set<Journal> {
  const failed = new Set<Journal>();
  for (const j of gone) {
    if (!j.pending) continue;
    const { kind } = j.pending;
    const made = killedPrivateCall(j.pending, readIpcRows(kind));
    const row = made && rows[kind].find((r) => r.id === made.id);
    if (!row) continue;
    rows[kind].splice(rows[kind].indexOf(row), 1);
    const reason = `made with IPC_PRIVATE by ipclab process ${j.pid} (gone), killed before it could record it`;
    if (removeIpc({ kind, id: row.id, key: formatKey(0), cpid: null, pid: j.pid, reason }, report, dryRun)) failed.add(j);
  }
  return failed;
}

/** The queues and sets of one journal's run: a live run's are kept (it removes its own);
 *  a gone run's recorded ones that are still the same object, and any of the calling
 *  user under a key the run recorded before a create (made since), are removed. Returns
 *  true when an IPC_RMID failed. A set handled for one journal is not looked at again. */
function cleanQueuesAndSets(j: Journal, rows: Record<IpcKind, IpcRow[]>, report: CleanReport, dryRun: boolean): boolean {
  const alive = processAlive(j.pid, j.start);
  const uid = process.geteuid?.();
  let failed = false;
  for (const kind of ['msg', 'sem'] as const) {
    const entry = (row: { id: number; key: number }, reason: string): CleanEntry => ({ kind, id: row.id, key: formatKey(row.key), cpid: null, pid: j.pid, reason });
    const find = (id: number) => rows[kind].find((r) => r.id === id);
    const take = (row: IpcRow) => rows[kind].splice(rows[kind].indexOf(row), 1);
    const remove = (row: IpcRow, reason: string) => {
      take(row);
      if (removeIpc(entry(row, reason), report, dryRun)) failed = true;
    };
    for (const o of j.objects.filter((x) => x.kind === kind)) {
      const row = find(o.id);
      if (alive) {
        if (row && sameIpcObject(o, row)) {
          take(row);
          report.kept.push(entry(o, `ipclab process ${j.pid} is still running; it removes its own ${NOUN[kind]}s`));
        }
      } else if (!row) report.forgotten.push(entry(o, 'already gone'));
      else if (!sameIpcObject(o, row)) report.kept.push(entry(o, `the id now names another ${NOUN[kind]} (key ${formatKey(row.key)}, ctime ${row.ctime}), not ipclab's: left alone`));
      else remove(row, `ipclab process ${j.pid} is gone`);
    }
    if (alive) continue;
    for (const k of j.keys.filter((x) => x.kind === kind && x.key !== 0)) {
      for (const row of rows[kind].filter((r) => r.key === k.key && r.cuid === uid && r.ctime >= k.since)) {
        remove(row, `made under key ${formatKey(k.key)}, which ipclab process ${j.pid} (gone) recorded before creating`);
      }
    }
  }
  return failed;
}

/** A run whose parent was killed before Node could ask for PR_SET_PDEATHSIG goes on alone
 *  (re-parented to init) and removes its own objects at its end, a lesson's length later:
 *  clean waits for it, up to a bound, rather than call its objects kept (docs/ARCHITECTURE.md,
 *  "Two ways out"). A subreaper other than init is not recognised: such a run is kept. */
function waitForOrphans(report: CleanReport): void {
  const orphans = readJournals().filter((j) => j.pid !== process.pid && processAlive(j.pid, j.start) && processParent(j.pid) === 1);
  if (orphans.length === 0) return;
  waitGone(orphans, ORPHAN_GRACE_MS);
  for (const j of orphans) report.waited.push({ pid: j.pid, ended: !processAlive(j.pid, j.start) });
}

export function clean(opts: { dryRun: boolean }): CleanReport {
  const report: CleanReport = { removed: [], kept: [], forgotten: [], ended: [], waited: [], folders: [], damaged: [], warnings: [], unnamed: [] };
  waitForOrphans(report);
  const release = lock(report);
  try {
    const journals = endProcesses(report, opts.dryRun);
    const rows = new Map(readShmRows().map((r) => [r.shmid, r]));
    const uid = process.getuid?.();
    // a segment a live run recorded is that run's business, whatever else matches it
    const handled = new Set<number>();
    for (const j of journals) for (const s of j.segments) if (processAlive(j.pid, j.start)) handled.add(s.shmid);

    const ipcRows = { msg: readIpcRows('msg'), sem: readIpcRows('sem') };
    // the gone runs' journals, and those kept for the next clean (an IPC_RMID failed)
    const gone: Journal[] = [];
    const unfinished = new Set<Journal>();
    // live runs first: what they recorded is theirs, whatever a gone run's key matches
    for (const j of journals) if (processAlive(j.pid, j.start)) cleanQueuesAndSets(j, ipcRows, report, opts.dryRun);
    for (const j of journals) {
      let failed = false;
      const entry = (row: { shmid: number; key: number; cpid: number }, reason: string): CleanEntry => ({ kind: 'shm', id: row.shmid, key: formatKey(row.key), cpid: row.cpid, pid: j.pid, reason });
      if (processAlive(j.pid, j.start)) {
        // only what the kernel still holds: a segment the run removed some other way (ipcrm) is not kept
        for (const s of j.segments) {
          const row = rows.get(s.shmid);
          if (row && sameObject(s, row)) report.kept.push(entry(s, `ipclab process ${j.pid} is still running; it removes its own segments`));
        }
        continue;
      }
      gone.push(j);
      if (j.damaged > 0) {
        let copy: string | null = null;
        if (!opts.dryRun) {
          try {
            copy = keepCopy(j.file);
          } catch (err) {
            report.warnings.push(`cannot copy ${j.file} (${(err as Error).message})`);
          }
        }
        report.damaged.push({ file: j.file, lines: j.damaged, copy });
      }
      if (cleanQueuesAndSets(j, ipcRows, report, opts.dryRun)) failed = true;
      const remove = (row: ShmRow, reason: string) => {
        handled.add(row.shmid);
        if (row.mode & SHM_DEST) {
          report.kept.push(entry(row, `already removed while attached (dest); the kernel frees it at the last detach (nattch ${row.nattch})`));
          return;
        }
        if (opts.dryRun) {
          report.removed.push(entry(row, reason));
          return;
        }
        const call = shmctlRmid(row.shmid);
        if (call.errno === 'EINVAL' || call.errno === 'EIDRM') report.forgotten.push(entry(row, 'already gone'));
        else if (call.errno) {
          failed = true;
          report.kept.push({ ...entry(row, `IPC_RMID failed: ${call.errno} (${call.message})`), call });
        } else report.removed.push({ ...entry(row, reason), call });
      };
      for (const s of j.segments) {
        if (handled.has(s.shmid)) continue;
        const row = rows.get(s.shmid);
        if (!row) report.forgotten.push(entry(s, 'already gone'));
        else if (!sameObject(s, row)) report.kept.push(entry(s, `the id now names another segment (cpid ${row.cpid}, ctime ${row.ctime}, key ${formatKey(row.key)}), not ipclab's: left alone`));
        else remove(row, `ipclab process ${j.pid} is gone`);
      }
      for (const row of rows.values()) {
        // only our user's segments, and never one whose creator still runs (it may be a new process with a reused pid)
        if (handled.has(row.shmid) || row.cuid !== uid || processStart(row.cpid) !== null) continue;
        const creator = creatorOf(j, row);
        if (creator === null) continue;
        remove(row, creator === j.pid ? `made by ipclab process ${j.pid} (gone) before it could record it` : `made by process ${creator} of ipclab run ${j.pid} (both gone)`);
      }
      for (const dir of j.tmps) {
        if (!isOurTempDir(dir)) continue;
        if (!opts.dryRun) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
        report.folders.push(dir);
      }
      if (failed) unfinished.add(j);
    }
    // after every journal took its own: what is left unnamed is all a killed IPC_PRIVATE call may have made
    for (const j of cleanPrivate(gone, ipcRows, report, opts.dryRun)) unfinished.add(j);
    const euid = process.geteuid?.();
    for (const kind of ['msg', 'sem'] as const) {
      for (const row of ipcRows[kind]) {
        if (row.cuid === euid && !report.kept.some((e) => e.kind === kind && e.id === row.id)) report.unnamed.push({ kind, id: row.id, key: formatKey(row.key) });
      }
    }
    if (!opts.dryRun) {
      for (const j of gone.filter((x) => !unfinished.has(x))) {
        try {
          removeJournal(j.file);
        } catch (err) {
          report.warnings.push(`cannot remove ${j.file} (${stateProblem(err)})`);
        }
      }
    }
  } finally {
    release();
  }
  return report;
}

/** A recorded temp folder that still exists, is ours, and is named as ipclab names them. */
function isOurTempDir(dir: string): boolean {
  if (!dir.startsWith('/') || !basename(dir).startsWith('ipclab-')) return false;
  try {
    const st = lstatSync(dir);
    return st.isDirectory() && st.uid === process.getuid?.();
  } catch {
    return false;
  }
}
