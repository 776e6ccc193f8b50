// A lesson's other process, wired to the lesson: its calls and events go into the
// lesson's trace (each with its own pid and time), the struct it reads goes to the
// state panel, its end is reported with its exit code or signal, and the lesson's
// reset or close ends it. It lives with the lessons so that src/proto never imports them.
import { now, type Phase, type ProtoEvent } from '../proto/events.js';
import { decodedRows } from '../proto/layout.js';
import type { PeerSpec } from '../proto/peer.js';
import { PeerProcess } from '../proto/spawn.js';
import { endText } from '../text/results.js';
import type { StepContext, Text, TraceEntry } from './types.js';

/** How long an event waits for others that happened before it but are still in another pipe. */
const MERGE_MS = 20;

/** Events of several processes reach the lesson over separate pipes, so they can
 *  arrive out of order; the merger holds them briefly and adds them sorted by time. */
class Merger {
  #pending: TraceEntry[] = [];
  #timer: NodeJS.Timeout | null = null;

  constructor(private readonly ctx: StepContext) {}

  add(entry: TraceEntry): void {
    this.#pending.push(entry);
    this.#timer ??= setTimeout(() => this.flush(), MERGE_MS);
  }

  flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const batch = this.#pending.sort((a, b) => a.at - b.at);
    this.#pending = [];
    for (const entry of batch) this.ctx.trace(entry);
  }

  /** Lets events still in flight arrive, then adds everything held. */
  async settle(): Promise<void> {
    await new Promise((r) => setTimeout(r, MERGE_MS));
    this.flush();
  }
}

/** One merger per run of a lesson: the engine gives every step of a run the same
 *  context, and a new one at each reset. */
const mergers = new WeakMap<StepContext, Merger>();

function merger(ctx: StepContext): Merger {
  let m = mergers.get(ctx);
  if (!m) {
    m = new Merger(ctx);
    mergers.set(ctx, m);
  }
  return m;
}

/** Adds a line about a process to the trace, in time order with the peers' own. */
export function said(ctx: StepContext, pid: number, text: Text, at = now()): void {
  merger(ctx).add({ type: 'event', pid, text, at });
}

function forward(ctx: StepContext, e: ProtoEvent): void {
  switch (e.type) {
    case 'call':
    case 'event':
      merger(ctx).add(e);
      break;
    case 'fields':
      ctx.setDecoded?.({ title: 'struct ipclab_rv', shmid: e.shmid, pid: e.pid, fields: decodedRows(e.fields) });
      break;
    case 'message': {
      const text = JSON.stringify(Buffer.from(e.base64, 'base64').toString('utf8'));
      said(ctx, e.pid, { en: `printf("%s\\n", rv->data) prints ${text}`, zh: `printf("%s\\n", rv->data) 打印出 ${text}` }, e.at);
      break;
    }
    case 'phase':
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

/** Starts `node bin/ipclab.mjs _peer SPEC`; `role` names it in the trace ("child", "server");
 *  `onChange` runs after each of its events and when it ends (to refresh the process list). */
export function startPeer(ctx: StepContext, spec: PeerSpec, role: Text, onChange: () => void = () => {}): PeerProcess {
  const peer = new PeerProcess(spec, (e) => {
    forward(ctx, e);
    onChange();
  });
  said(ctx, process.pid, { en: `spawn(node ipclab _peer ${spec.role}) = ${peer.pid}: the ${role.en}`, zh: `spawn(node ipclab _peer ${spec.role}) = ${peer.pid}：${role.zh}` });
  void peer.exited.then(({ code, signal }) => {
    said(ctx, peer.pid, { en: endText(role.en, { code, signal }, 'en'), zh: endText(role.zh, { code, signal }, 'zh') });
    const last = peer.stderr.trim().split('\n').pop();
    if (code !== 0 && last) said(ctx, peer.pid, { en: last, zh: last });
    onChange();
  });
  ctx.onReset(async () => {
    await peer.stop();
    merger(ctx).flush();
  });
  return peer;
}

/** Lets peer events still in flight arrive, then puts everything held into the trace. */
export function settleTrace(ctx: StepContext): Promise<void> {
  return merger(ctx).settle();
}

/** Waits until the peer reports `phase` (for `seq` when given) and its events so far are
 *  in the trace. Resolves to the problems: none, or why it did not get there. */
export async function peerReached(ctx: StepContext, peer: PeerProcess, phase: Phase, seq?: number, ms?: number): Promise<string[]> {
  let problems: string[] = [];
  try {
    await peer.phase(phase, seq, ms);
  } catch (err) {
    problems = [(err as Error).message];
  }
  await settleTrace(ctx);
  return problems;
}

/** Waits until the peer has ended and its last events are in the trace. */
export async function peerEnded(ctx: StepContext, peer: PeerProcess): Promise<NonNullable<PeerProcess['exit']>> {
  const exit = await peer.exited;
  await settleTrace(ctx);
  return exit;
}
