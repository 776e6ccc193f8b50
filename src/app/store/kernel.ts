// The kernel view: ipclab's segments as /proc/sysvipc/shm lists them, and for the
// segment in focus its IPC_STAT and a piece of its bytes (paged with [ and ]); ipclab's queues and semaphore sets.
// Polled cheaply: nothing is read again while /proc/sysvipc is unchanged, unless a step
// asks for it -- except the semaphores of ipclab's sets, whose values /proc does not show.
import type { StateCreator } from 'zustand/vanilla';
import type { QueueRecord, SegmentRecord, SemaphoreRecord, ShmidDs } from '../../native/types.js';
import type { Decoded, ProcessInfo } from '../../lessons/types.js';
import type { AppState } from '../store.js';
import type { AppDeps, Dump } from './deps.js';
import { sameBytes, sameJson } from './same.js';
import { readFileSync } from 'node:fs';

/** Where a process sleeps in the kernel (/proc/PID/wchan: do_msgrcv; 0 while it runs); null
 *  for one that is gone. */
function wchanOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/wchan`, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Whether process `pid` maps a System V segment now (/proc/PID/maps names each "/SYSV<key>"),
 *  null once it ended: the processes' table's "attached", read at the same look as the segments'
 *  nattch. */
export function mapsSegment(pid: number): boolean | null {
  try {
    return /\/SYSV[0-9a-f]{8}\b/.test(readFileSync(`/proc/${pid}/maps`, 'utf8'));
  } catch {
    return null;
  }
}

/** The lesson's processes with `attached` as the last look read it where it read it (`mapped`). */
export function processesAsRead(processes: readonly ProcessInfo[], mapped: readonly (readonly [number, boolean])[]): readonly ProcessInfo[] {
  if (mapped.length === 0) return processes;
  const read = new Map(mapped);
  return processes.map((p) => (read.has(p.pid) && read.get(p.pid) !== p.attached ? { ...p, attached: read.get(p.pid)! } : p));
}

const sameDump = (a: Dump | null, b: Dump | null) =>
  a === null || b === null ? a === b : a.shmid === b.shmid && a.at === b.at && a.size === b.size && sameBytes(a.bytes, b.bytes);

/** The bytes the Kernel pane dumps at a time: [ and ] page through the segment by as many. */
export const DUMP_BYTES = 64;

/** } reads at most this far for bytes that are not zero (reading a page of a segment that
 *  was never touched makes the kernel give it memory) and this much at a time. */
export const SEEK_MOST = 1 << 20;
const SEEK_CHUNK = 4096;

/** An offset in a segment as the learner sees it: +4032 (0fc0, the dump's hex). */
export function offsetName(at: number): string {
  return `+${at} (${at.toString(16).padStart(4, '0')})`;
}

/** The kernel as it was before the last step ran: what the kernel pane's "changed" marks are measured against. */
export interface Before {
  /** the step (index) that ran since */
  step: number;
  segments: readonly SegmentRecord[];
  queues: readonly QueueRecord[];
  semaphores: readonly SemaphoreRecord[];
  focus: number | null;
  stat: ShmidDs | null;
  /** the structure the lesson had decoded (serv-clnt's seq, ack) */
  decoded: Decoded | null;
  /** the lesson's processes: a process the step started (fork, exec) is marked new, an
   *  attached or alive it changed is marked (shmat 8-11's fork and exec left the process
   *  table unmarked, below the pane's fold: issue 16) */
  processes?: readonly ProcessInfo[];
  /** the bytes the dump showed (the step's writes are marked row by row) */
  dump?: Dump | null;
  /** the first page of every segment ipclab maps, as the step found it: a write to one
   *  the focus moves to (another process's, as parent-child's child answering) is marked too */
  pages?: readonly Dump[];
  /** the same first pages as the step left them (read while it runs, the last read when it
   *  ends): the Kernel pane names a write to a segment not in view ("step 4 changed down
   *  bytes 0000–0013 (out of view: s and [ ] show them)"), never "changed nothing" (s or ] moved the view) */
  after?: readonly Dump[];
  /** the figures a read while the step ran found other than before it (`shm:ID:field`,
   *  `msg:ID:field`, `sem:ID:field`, `sem:ID:SEMNUM:field`): one that is back to its value
   *  before by the end is marked as changed and back (sem step 6: semval 1, 0, 1 again) */
  between?: ReadonlySet<string>;
  /** the objects a read while the step ran listed that the kernel did not hold before it, as
   *  last listed: the owner a made-and-removed row shows after the step's IPC_SET */
  made?: { shm: readonly SegmentRecord[]; msg: readonly QueueRecord[]; sem: readonly SemaphoreRecord[] };
}

/** An object of the lesson's that went away while no step was running. */
export interface Vanished {
  kind: 'shm' | 'msg' | 'sem';
  id: number;
}

/** The ids this process's shmget (msgget, semget) calls returned in the lesson's trace. */
function madeHere(trace: AppState['trace'], call: string): Set<number> {
  const out = new Set<number>();
  for (const e of trace) if (e.type === 'call' && e.call === call && e.pid === process.pid && typeof e.ret === 'number' && e.ret >= 0) out.add(e.ret);
  return out;
}

/** The ids the lesson's get calls returned, any process's (a peer's calls are in its trace). */
function madeBy(trace: AppState['trace'], call: string): Set<number> {
  const out = new Set<number>();
  for (const e of trace) if (e.type === 'call' && e.call === call && typeof e.ret === 'number' && e.ret >= 0) out.add(e.ret);
  return out;
}

/** The segment the kernel pane details: the learner's pick (s) while it is listed, else
 *  the lesson's focus, else the only segment listed (one segment is in focus: s has
 *  nothing to pick between, so the pane never says "s picks one" then); in the
 *  playground, the segment of its last call. */
export function shownFocus(st: Pick<AppState, 'picked' | 'focus' | 'segments' | 'screen' | 'playFocus'>): number | null {
  if (st.screen === 'play') return st.playFocus;
  const own = st.picked !== null && st.segments.some((seg) => seg.shmid === st.picked) ? st.picked : st.focus;
  return own ?? (st.segments.length === 1 ? st.segments[0].shmid : null);
}

export interface KernelSlice {
  segments: SegmentRecord[];
  queues: QueueRecord[];
  semaphores: SemaphoreRecord[];
  stat: ShmidDs | null;
  dump: Dump | null;
  /** where the learner paged the dump to ([ and ]), in the segment `dump` is of */
  dumpAt: number;
  /** the kernel as it was before the last step ran, for marking what it changed; null after a reset or lesson change */
  before: Before | null;
  /** the segment the learner chose with s, shown in place of the lesson's focus until the next step */
  picked: number | null;
  /** this lesson's objects that disappeared while no step ran: removed from outside ipclab */
  vanished: Vanished[];
  /** where each of the lesson's running processes sleeps in the kernel, [pid, wchan], read at
   *  every look (the Kernel pane's wchan column; /proc/sysvipc does not change with it) */
  wchans: readonly (readonly [number, string])[];
  /** while a step runs, whether each of the lesson's running processes maps a segment, [pid, yes],
   *  read at every look with the segments (mapsSegment): the lesson lists its processes when its
   *  step says so, and mid-run the table said "attached yes" beside nattch 0* (issue 16, s35g#4,
   *  shmat 8); empty while no step runs, when the lesson's list is current */
  mapped: readonly (readonly [number, boolean])[];
  refreshKernel(force?: boolean): void;
  /** s: the next listed segment in focus */
  pickSegment(): void;
  /** [ and ]: the dump's previous or next DUMP_BYTES, within the segment */
  pageDump(by: -1 | 1): void;
  /** }: the dump at the next DUMP_BYTES after the ones shown that are not all zero (the
   *  learner's text at +4086 of 4096 bytes was 62 presses of ] away) */
  seekDump(): void;
  /** takes the kernel as it is now as `before` step `step` runs (null forgets it) */
  markBefore(step: number | null): void;
}

export const kernelSlice =
  (deps: AppDeps): StateCreator<AppState, [], [], KernelSlice> =>
  (set, get) => {
    let lastProcText: string | null = null;
    // while a step runs: what a read (`now`) finds other than before it, and the objects it
    // made; the Before to keep, or null when it adds nothing (set with the read's own update)
    const noteBetween = (now: Pick<KernelSlice, 'segments' | 'queues' | 'semaphores' | 'before'>): Before | null => {
      const b = now.before;
      if (get().busy === null || b === null) return null;
      const keys = new Set(b.between ?? []);
      const made = { shm: [...(b.made?.shm ?? [])], msg: [...(b.made?.msg ?? [])], sem: [...(b.made?.sem ?? [])] };
      const differ = (prefix: string, now: object, was: object) => {
        for (const [k, v] of Object.entries(now)) if (k !== 'sems' && JSON.stringify(v) !== JSON.stringify((was as Record<string, unknown>)[k])) keys.add(`${prefix}:${k}`);
      };
      const keep = <T>(list: T[], item: T, same: (x: T) => boolean) => {
        const i = list.findIndex(same);
        if (i >= 0) list[i] = item;
        else list.push(item);
      };
      for (const seg of now.segments) {
        const was = b.segments.find((x) => x.shmid === seg.shmid);
        if (was) differ(`shm:${seg.shmid}`, seg, was);
        else keep(made.shm, seg, (x) => x.shmid === seg.shmid);
      }
      for (const q of now.queues) {
        const was = b.queues.find((x) => x.msqid === q.msqid);
        if (was) differ(`msg:${q.msqid}`, q, was);
        else keep(made.msg, q, (x) => x.msqid === q.msqid);
      }
      for (const set of now.semaphores) {
        const was = b.semaphores.find((x) => x.semid === set.semid);
        if (!was) {
          keep(made.sem, set, (x) => x.semid === set.semid);
          continue;
        }
        differ(`sem:${set.semid}`, set, was);
        for (const v of set.sems ?? []) {
          const then = was.sems?.find((x) => x.semnum === v.semnum);
          if (then) differ(`sem:${set.semid}:${v.semnum}`, v, then);
        }
      }
      const same = sameJson([...keys], [...(b.between ?? [])]) && sameJson(made, b.made ?? { shm: [], msg: [], sem: [] });
      return same ? null : { ...b, between: keys, made };
    };
    /** `vanished`: the list to add to (the same read may have found a segment or queue gone) */
    const readSemaphores = (vanished: readonly Vanished[] = get().vanished): Partial<KernelSlice> => {
      const semaphores = deps.kernel.semaphores();
      if (sameJson(semaphores, get().semaphores)) return {};
      const ids = new Set(semaphores.map((x) => x.semid));
      const made = get().busy === null && get().screen !== 'play' ? madeHere(get().trace, 'semget') : new Set<number>();
      const lost = get().semaphores.filter((x) => made.has(x.semid) && !ids.has(x.semid)).map((x): Vanished => ({ kind: 'sem', id: x.semid }));
      return lost.length > 0 ? { semaphores, vanished: [...vanished, ...lost] } : { semaphores };
    };
    /** One update for a read: what changed, with what a step running learns from it. */
    const settleRead = (next: Partial<KernelSlice>) => {
      const st = get();
      const wchans = (st.processes ?? []).filter((p) => p.alive).flatMap((p) => {
        const w = wchanOf(p.pid);
        return w === null ? [] : [[p.pid, w] as const];
      });
      if (!sameJson(wchans, st.wchans)) next.wchans = wchans;
      const mapped = st.busy !== 'running' || st.screen === 'play' ? [] : (st.processes ?? []).filter((p) => p.alive).flatMap((p) => {
        const m = mapsSegment(p.pid);
        return m === null ? [] : [[p.pid, m] as const];
      });
      if (!sameJson(mapped, st.mapped)) next.mapped = mapped;
      const between = noteBetween({ segments: next.segments ?? st.segments, queues: next.queues ?? st.queues, semaphores: next.semaphores ?? st.semaphores, before: next.before ?? st.before });
      if (between) next.before = between;
      if (Object.keys(next).length > 0) set(next);
    };
    return {
      segments: [],
      queues: [],
      semaphores: [],
      stat: null,
      dump: null,
      dumpAt: 0,
      before: null,
      picked: null,
      vanished: [],
      wchans: [],
      mapped: [],

      refreshKernel(force = false) {
        const text = deps.kernel.procText();
        // a semop changes a semaphore's value and waiters, which /proc does not list
        if (!force && text === lastProcText) {
          settleRead(get().semaphores.length > 0 ? readSemaphores() : {});
          return;
        }
        lastProcText = text;
        const focus = shownFocus(get());
        // ipclab's segments: recorded ones, and ours, the lesson's (a get call of its trace
        // returned it: a peer's too, the server's) or in focus even after IPC_RMID took them
        // out of the record while still attached (status dest, key 0: still in ipcs; dropped,
        // a dest segment of the server's read as removed, "-", its columns blank: issue 16)
        const lessons = get().screen === 'play' ? new Set<number>() : madeBy(get().trace, 'shmget');
        const segments = deps.kernel.segments().filter((s) => s.ours || s.cpid === process.pid || s.shmid === focus || lessons.has(s.shmid));
        const stat = focus !== null ? deps.kernel.stat(focus) : null;
        // another segment in focus is dumped from its start
        const at = focus !== null && focus === get().dump?.shmid ? get().dumpAt : 0;
        const dump = focus !== null ? deps.peek(focus, DUMP_BYTES, at) : null;
        const next: Partial<KernelSlice> = {};
        if (!sameJson(segments, get().segments)) next.segments = segments;
        const queues = deps.kernel.queues();
        if (!sameJson(queues, get().queues)) next.queues = queues;
        if (!sameJson(stat, get().stat)) next.stat = stat;
        if (!sameDump(dump, get().dump)) next.dump = dump;
        if (dump && dump.at !== get().dumpAt) next.dumpAt = dump.at;
        // the lesson's objects that went away while no step ran (a step's own removals
        // happen while it runs, a lesson's close too): someone outside removed them
        if (get().busy === null && get().screen !== 'play') {
          const gone = (kind: Vanished['kind'], call: string, was: number[], now: number[]) =>
            was.filter((id) => madeHere(get().trace, call).has(id) && !now.includes(id)).map((id) => ({ kind, id }));
          const lost = [
            ...gone('shm', 'shmget', get().segments.map((x) => x.shmid), segments.map((x) => x.shmid)),
            ...gone('msg', 'msgget', get().queues.map((x) => x.msqid), queues.map((x) => x.msqid)),
          ];
          if (lost.length > 0) next.vanished = [...get().vanished, ...lost];
        }
        // while a step runs (its last read is as it ends): every segment's first page, as the step left it
        const before = get().before;
        if (get().busy !== null && before !== null && before.pages !== undefined) {
          const after = segments.flatMap((seg) => {
            const page = dump && seg.shmid === dump.shmid && dump.at === 0 ? dump : deps.peek(seg.shmid, DUMP_BYTES, 0);
            return page ? [page] : [];
          });
          if (!sameJson(after.map((p) => [p.shmid, [...p.bytes]]), (before.after ?? []).map((p) => [p.shmid, [...p.bytes]]))) next.before = { ...before, after };
        }
        settleRead({ ...next, ...readSemaphores(next.vanished) });
      },

      markBefore(step) {
        // a step moves the focus where it works: the learner's pick ends with it
        if (step === null) {
          set({ before: null, picked: null, vanished: [] });
          return;
        }
        get().refreshKernel(true);
        const { segments, queues, semaphores, stat, decoded, dump, processes } = get();
        const pages = segments.flatMap((seg) => {
          const page = seg.shmid === dump?.shmid && dump.at === 0 ? dump : deps.peek(seg.shmid, DUMP_BYTES, 0);
          return page ? [page] : [];
        });
        set({ before: { step, segments, queues, semaphores, focus: shownFocus(get()), stat, decoded, dump, pages, processes }, picked: null });
      },

      pickSegment() {
        const { segments } = get();
        // a key that does nothing says why
        if (segments.length <= 1) {
          set({ status: (s) => (segments.length === 0 ? s.pickNone : s.pickOne) });
          return;
        }
        const at = segments.findIndex((seg) => seg.shmid === shownFocus(get()));
        set({ picked: segments[(at + 1) % segments.length].shmid });
        get().refreshKernel(true);
      },

      pageDump(by) {
        const { dump, dumpAt } = get();
        if (!dump) {
          set({ status: (s) => s.dumpNoPages('[ ]') });
          return;
        }
        const next = Math.max(0, Math.min(dumpAt + by * DUMP_BYTES, Math.floor((dump.size - 1) / DUMP_BYTES) * DUMP_BYTES));
        if (next === dumpAt) {
          set({ status: (s) => (by < 0 ? s.dumpFirst : s.dumpLast(']')) });
          return;
        }
        set({ dumpAt: next });
        get().refreshKernel(true);
        // bytes all zero after ]: } skips to the next that are not
        const shown = get().dump;
        if (by > 0 && shown && shown.bytes.every((b) => b === 0) && shown.at + shown.bytes.length < shown.size) {
          set({ status: (s) => s.dumpAllZero(offsetName(shown.at)) });
        }
      },

      seekDump() {
        const { dump, dumpAt } = get();
        if (!dump) {
          set({ status: (s) => s.dumpNoPages('}') });
          return;
        }
        const from = dumpAt + DUMP_BYTES;
        if (from >= dump.size) {
          set({ status: (s) => s.dumpLast('}') });
          return;
        }
        const until = Math.min(dump.size, from + SEEK_MOST);
        for (let chunk = Math.floor(from / SEEK_CHUNK) * SEEK_CHUNK; chunk < until; chunk += SEEK_CHUNK) {
          const piece = deps.peek(dump.shmid, SEEK_CHUNK, chunk);
          // the mapping went away (a step detached it): nothing more to read
          if (!piece || piece.at !== chunk) break;
          const start = Math.max(0, from - chunk);
          const hit = piece.bytes.findIndex((b, i) => i >= start && chunk + i < until && b !== 0);
          if (hit >= 0) {
            const at = Math.floor((chunk + hit) / DUMP_BYTES) * DUMP_BYTES;
            set({ dumpAt: at, status: (s) => s.dumpSought(offsetName(chunk + hit)) });
            get().refreshKernel(true);
            return;
          }
        }
        const end = until >= dump.size;
        // nothing but zeros: the dump stays; past SEEK_MOST it moves on, so } again reads further
        if (!end) {
          set({ dumpAt: Math.floor((until - 1) / DUMP_BYTES) * DUMP_BYTES });
          get().refreshKernel(true);
        }
        set({ status: (s) => s.dumpNoMore(offsetName(from), end, '1 MiB') });
      },
    };
  };
