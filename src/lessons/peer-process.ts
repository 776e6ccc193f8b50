// A lesson's other process, wired to the lesson: its calls and events go into the
// lesson's trace (each with its own pid and time), the struct it reads goes to the
// state panel, its end is reported with its exit code or signal, and the lesson's
// reset or close ends it. It lives with the lessons so that src/proto never imports them.
import { now, type Phase, type ProtoEvent } from '../proto/events.js';
import { blockerExitMeaning } from '../proto/blocker.js';
import { decodedRows } from '../proto/layout.js';
import type { PeerSpec } from '../proto/peer.js';
import { PeerProcess, type PeerExit } from '../proto/spawn.js';
import { seenEndText } from '../text/results.js';
import { SHARED } from '../text/strings.js';
import type { StepContext, Text, TraceEntry } from './types.js';

/** How long a step's end waits for events still in another process's pipe: the
 *  engine puts each in time order however late it comes, as long as the step runs. */
const IN_FLIGHT_MS = 20;

/** An end listed in a lesson's trace: when (its stamp) and the peer's own last line's stamp. */
export interface ListedEnd {
  at: number;
  last: number;
}

/** The peers' ends each lesson run (its context) listed so far. */
const listedEnds = new WeakMap<StepContext, ListedEnd[]>();

function endsOf(ctx: StepContext): ListedEnd[] {
  // only those seen together with one seen now count (END_TOGETHER_MS): the list stays short
  const since = now() - END_TOGETHER_MS;
  const ends = (listedEnds.get(ctx) ?? []).filter((e) => e.at >= since);
  listedEnds.set(ctx, ends);
  return ends;
}

/** How close two ends are seen for the order of seeing them to say nothing of the order
 *  they happened in: 'close' comes once a peer's pipes are read out, in no set order. */
const END_TOGETHER_MS = IN_FLIGHT_MS;

/** The stamp of a peer's end line, the trace being in stamp order: when ipclab saw the end
 *  (`seen`), but for a peer that exited on its own (`last`: the stamp of its own last line,
 *  right before its exit; null for one killed, which ended when it was seen) before the ends
 *  listed within END_TOGETHER_MS of peers whose own last line came after its own: they
 *  finished later. Race's workers end within a millisecond of each other, and "worker 2
 *  exited" was listed above "worker 1 exited" though worker 1's shmdt came first (issue 16).
 *  Never before its own last line. */
export function endStamp(seen: number, last: number | null, listed: readonly ListedEnd[]): number {
  if (last === null) return seen;
  const later = listed.filter((e) => e.last > last && e.at > last && seen - e.at <= END_TOGETHER_MS).map((e) => e.at);
  if (later.length === 0) return seen;
  // just before the first of them, and after its own last line
  return Math.max((last + Math.min(...later)) / 2, Math.min(...later) - 0.001);
}

/** Adds a line about a process to the trace, in time order with the peers' own (the engine sorts). */
export function said(ctx: StepContext, pid: number, text: Text, at = now()): void {
  ctx.trace({ type: 'event', pid, text, at });
}

/** Under the struct the sides read: whose read it is, by the pid its heading names (issue 16: the
 *  pid in the heading changed from step to step, and nothing said why; then "pid is the side that
 *  read it last" did not say which pid). */
function lastReader(pid: number): Text {
  return {
    en: `pid ${pid}, in "as pid ${pid} read it": the side that read the struct last. The two take turns, so it changes.`,
    zh: `“pid ${pid} 读到的值”里的 ${pid} 是最后读这个结构体的一方。双方轮流读，这个 pid 也跟着变。`,
  };
}

function forward(ctx: StepContext, e: ProtoEvent): void {
  switch (e.type) {
    case 'call':
    case 'event':
      ctx.trace(e);
      break;
    case 'fields':
      ctx.setDecoded?.({ title: 'struct ipclab_rv', shmid: e.shmid, pid: e.pid, fields: decodedRows(e.fields), note: lastReader(e.pid) });
      break;
    case 'message': {
      // as a C program's printed line is said (serv-clnt-c.ts runC): one event, one wording (issue 16)
      const text = JSON.stringify(Buffer.from(e.base64, 'base64').toString('utf8'));
      said(ctx, e.pid, { en: `printed ${text}`, zh: `打印出 ${text}` }, e.at);
      break;
    }
    case 'phase':
    case 'timing':
      break;
  }
}

/** Whether the peer maps a segment now, from its own shmat and shmdt calls. */
export function isAttached(peer: PeerProcess): boolean {
  if (peer.exit) return false;
  let n = 0;
  for (const e of peer.events) if (e.type === 'call' && e.errno === null) n += e.call === 'shmat' ? 1 : e.call === 'shmdt' ? -1 : 0;
  return n > 0;
}

/** The trace's line for a peer's start, as the C program would start it ("the holder",
 *  "worker 1": a numbered role needs no article, nor one that has its owner: "ipclab's server",
 *  issue 16 pass 6: "started the ipclab's server"): a server or a client has no parent in C,
 *  it is a program started on its own. */
export function startedLine(spec: Pick<PeerSpec, 'role'>, role: Text, pid: number): Text {
  const started = spec.role === 'serv' || spec.role === 'clnt' ? 'startedApart' : 'forked';
  const who = /\d$|'s\b/.test(role.en) ? role.en : `the ${role.en}`;
  return { en: SHARED.en[started](pid, who), zh: SHARED.zh[started](pid, role.zh) };
}

/** The trace's line for a peer's end, seen by waitpid, with what its exit status means where
 *  its side gives one (a reader's 2: its msgrcv failed with EIDRM). */
export function endLine(spec: PeerSpec, role: Text, pid: number, end: PeerExit): Text {
  const meaning = spec.role === 'blocker' ? blockerExitMeaning(end.signal ? null : end.code, spec.call.kind) : undefined;
  const line = (lang: keyof Text) => `${seenEndText(role[lang], pid, end, lang)}${meaning ? `${lang === 'en' ? ': ' : '：'}${meaning[lang]}` : ''}`;
  return { en: line('en'), zh: line('zh') };
}

/** Starts `node bin/ipclab.mjs _peer SPEC`; `role` names it in the trace ("child", "server");
 *  `onChange` runs after each of its events and when it ends (to refresh the process list).
 *  `made` is the trace's line for its start where the C program makes it otherwise (a
 *  fork: the learner sees the child made when it is); the default names the spawn. */
export function startPeer(ctx: StepContext, spec: PeerSpec, role: Text, onChange: () => void = () => {}, made?: (pid: number) => Text): PeerProcess {
  // stamped before the spawn, as runC's: a start line stamped after it can fall after the
  // peer's first lines when this process is preempted as the spawn returns (a loaded machine)
  const startedAt = now();
  const peer = new PeerProcess(spec, (e) => {
    forward(ctx, e);
    onChange();
  });
  said(ctx, process.pid, made?.(peer.pid) ?? startedLine(spec, role, peer.pid), startedAt);
  void peer.exited.then(({ code, signal }) => {
    // seen by ipclab, which waited for it: under ipclab's pid, naming the peer's (the glossary's pid),
    // in the order the peers ended (endStamp)
    const lastAt = Math.max(-Infinity, ...peer.events.map((e) => e.at));
    const listed = endsOf(ctx);
    const at = endStamp(now(), signal === null ? lastAt : null, listed);
    listed.push({ at, last: lastAt });
    said(ctx, process.pid, endLine(spec, role, peer.pid, { code, signal }), at);
    const last = peer.stderr.trim().split('\n').pop();
    if (code !== 0 && last) said(ctx, peer.pid, { en: last, zh: last });
    onChange();
  });
  ctx.onReset(async () => {
    await peer.stop();
  });
  return peer;
}

/** Lets peer events still in flight arrive, so the step that waited for them holds them. */
export function settleTrace(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, IN_FLIGHT_MS));
}

/** Waits until the peer reports `phase` (for `seq` when given) and its events so far are
 *  in the trace. Resolves to the problems: none, or why it did not get there. */
export async function peerReached(peer: PeerProcess, phase: Phase, seq?: number, ms?: number): Promise<string[]> {
  let problems: string[] = [];
  try {
    await peer.phase(phase, seq, ms);
  } catch (err) {
    problems = [(err as Error).message];
  }
  await settleTrace();
  return problems;
}

/** Waits until the other process (a peer, a C program) has ended and its last events are
 *  in the trace; then `show`, if given, lists the processes as they are now. */
export async function peerEnded(peer: { exited: Promise<PeerExit> }, show?: () => void): Promise<PeerExit> {
  const exit = await peer.exited;
  await settleTrace();
  show?.();
  return exit;
}
