// Process b of the playground: `@b <statement>` runs in a helper process, so a second
// attach, a different cpid/lpid and a read-only attach elsewhere are real. The helper is
// `ipclab _peer` with role `play` (started and ended like every peer: src/proto/spawn.ts),
// reading one JSON request a line on stdin and answering each with a `reply` line.
import { createInterface } from 'node:readline';
import type { Lang } from '../lang.js';
import { cleanupNow, installCleanup, type CallRecord } from '../native/index.js';
import { now } from '../proto/events.js';
import { PeerProcess } from '../proto/spawn.js';
import { Interpreter, showValue, type Fact, type PortableValue, type Value } from './interpret.js';
import type { OutputLine, Statement } from './types.js';

export interface HelperRequest {
  seq: number;
  stmt: Statement;
  /** the session's numbers and strings (pointers stay in their process) */
  vars: Record<string, PortableValue>;
  /** names that hold pointers of process a */
  elsewhere: string[];
  /** the segments the playground made */
  ours: number[];
}

export interface HelperReply {
  calls: CallRecord[];
  lines: OutputLine[];
  facts: Fact[];
  assigned?: { name: string; value: PortableValue };
  /** segments the helper made during this request */
  made: number[];
}

/** How long one statement may take in the helper (a crash child included) before it is given up. */
const REQUEST_MS = 30_000;

export function portable(value: Value, where: string): PortableValue {
  return value.k === 'ptr' ? { k: 'remote', shown: `${showValue(value)} ${where}` } : value;
}

/** The session's side: starts the helper and sends it statements, one at a time. */
export class HelperProcess {
  readonly #peer: PeerProcess;
  #seq = 0;
  readonly #waiting = new Map<number, (body: HelperReply) => void>();

  constructor(lang: Lang, allowForeign: boolean, ascii: boolean) {
    this.#peer = new PeerProcess({ role: 'play', lang, allowForeign, ascii }, (e) => {
      if (e.type === 'reply') this.#waiting.get(e.seq)?.(e.body as HelperReply);
    });
  }

  get pid(): number {
    return this.#peer.pid;
  }

  get ended(): boolean {
    return this.#peer.exit !== null;
  }

  /** The helper's answer, or a reason it gave none (it ended, or took too long). */
  async request(req: Omit<HelperRequest, 'seq'>): Promise<HelperReply | { failed: string }> {
    const seq = ++this.#seq;
    let timer: NodeJS.Timeout | undefined;
    const answered = new Promise<HelperReply>((resolve) => this.#waiting.set(seq, resolve));
    const ended = this.#peer.exited.then((exit) => ({ failed: `the helper process ${this.pid} ended (${exit.signal ?? `exit code ${exit.code}`})${this.#peer.stderr ? `: ${this.#peer.stderr.trim().split('\n').pop()}` : ''}` }));
    const late = new Promise<{ failed: string }>((resolve) => {
      timer = setTimeout(() => resolve({ failed: `the helper process ${this.pid} gave no answer within ${REQUEST_MS / 1000} s` }), REQUEST_MS);
    });
    this.#peer.send({ ...req, seq });
    try {
      return await Promise.race([answered, ended, late]);
    } finally {
      clearTimeout(timer);
      this.#waiting.delete(seq);
    }
  }

  /** Ends the helper; it detaches and removes what it made on its way out. */
  async stop(): Promise<void> {
    await this.#peer.stop(2000);
  }
}

/** The helper's side (`ipclab _peer '{"role":"play",…}'`): answers requests until stdin ends. */
export async function runHelper(spec: { lang: Lang; allowForeign: boolean; ascii: boolean }): Promise<number> {
  installCleanup();
  let ours = new Set<number>();
  let elsewhere = new Set<string>();
  let made: number[] = [];
  const interpreter = new Interpreter({
    lang: spec.lang,
    allowForeign: spec.allowForeign,
    ascii: spec.ascii,
    ours: () => ours,
    onCreated: (shmid) => {
      made.push(shmid);
      ours.add(shmid);
    },
    elsewhere: () => elsewhere,
  });
  for await (const line of createInterface({ input: process.stdin })) {
    let req: HelperRequest;
    try {
      req = JSON.parse(line) as HelperRequest;
    } catch {
      continue;
    }
    ours = new Set(req.ours);
    elsewhere = new Set(req.elsewhere);
    made = [];
    for (const [name, value] of Object.entries(req.vars)) interpreter.vars.set(name, value);
    const result = await interpreter.exec(req.stmt);
    const body: HelperReply = {
      calls: result.calls,
      lines: result.lines,
      facts: result.facts,
      made,
      ...(result.assigned ? { assigned: { name: result.assigned.name, value: portable(result.assigned.value, 'in b') } } : {}),
    };
    process.stdout.write(`${JSON.stringify({ type: 'reply', pid: process.pid, seq: req.seq, body, at: now() })}\n`);
  }
  // stdin ended: the session is done with us (or gone)
  interpreter.detachAll();
  cleanupNow();
  return 0;
}
