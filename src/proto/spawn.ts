// Starts a lesson's (or the bench's) other process: `node bin/ipclab.mjs _peer JSON`,
// tracked by the native cleanup so every way out of ipclab ends it. Its JSON lines
// arrive as ProtoEvents; its stdin carries "go" to a gated peer.
import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { endChild, trackChild } from '../native/index.js';
import { packageRoot } from '../paths.js';
import type { Phase, ProtoEvent } from './events.js';
import type { SpawnSpec } from './peer.js';

export interface PeerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** "exit code 1" / "killed by SIGKILL" */
export function describeExit(exit: PeerExit): string {
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}

export class PeerProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly events: ProtoEvent[] = [];
  exit: PeerExit | null = null;
  readonly exited: Promise<PeerExit>;
  stderr = '';
  readonly #waiters = new Set<() => void>();

  /** `onEvent` sees each event as it arrives (the lesson adds them to its trace). */
  constructor(spec: SpawnSpec, onEvent: (e: ProtoEvent) => void = () => {}) {
    this.child = spawn(process.execPath, [join(packageRoot(), 'bin', 'ipclab.mjs'), '_peer', JSON.stringify(spec)], {
      cwd: tmpdir(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    trackChild(this.child);
    this.pid = this.child.pid ?? -1;
    // a peer that dies early must not take us down with EPIPE on its stdin
    this.child.stdin!.on('error', () => {});
    this.child.stderr!.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      let e: ProtoEvent;
      try {
        e = JSON.parse(line) as ProtoEvent;
      } catch {
        return; // not ours (a warning printed by node itself)
      }
      this.events.push(e);
      onEvent(e);
      this.#notify();
    });
    this.exited = new Promise((resolve) => {
      const done = (exit: PeerExit) => {
        if (this.exit) return;
        this.exit = exit;
        this.#notify();
        resolve(exit);
      };
      // 'close' comes after stdout has ended: every event line has been read by then
      this.child.once('close', (code, signal) => done({ code, signal }));
      this.child.once('error', () => done({ code: null, signal: null }));
    });
  }

  #notify(): void {
    for (const w of [...this.#waiters]) w();
  }

  /** Resolves with the event once the peer reports `phase` (for seq, when given); rejects
   *  when it exits first or `ms` passes. Events already received count. */
  phase(name: Phase, seq?: number, ms = 15_000): Promise<ProtoEvent> {
    const find = () => this.events.find((e) => e.type === 'phase' && e.phase === name && (seq === undefined || e.seq === seq));
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = find();
        if (hit) finish(() => resolve(hit));
        else if (this.exit) finish(() => reject(new Error(`the peer (pid ${this.pid}) ended with ${describeExit(this.exit!)} before '${name}'${this.stderr ? `: ${this.stderr.trim().split('\n').pop()}` : ''}`)));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`the peer (pid ${this.pid}) did not reach '${name}' within ${ms / 1000} s`))), ms);
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.#waiters.delete(check);
        settle();
      };
      this.#waiters.add(check);
      check();
    });
  }

  /** Sends one JSON line to the peer's stdin (the playground helper's requests). */
  send(message: object): void {
    if (!this.exit) this.child.stdin!.write(`${JSON.stringify(message)}\n`);
  }

  /** Lets a gated peer take its next action. */
  go(): void {
    if (!this.exit) this.child.stdin!.write('go\n');
  }

  /** Ends the peer (SIGTERM, which it answers by cleaning up, with SIGCONT should it be
   *  stopped; SIGKILL after `graceMs`) and waits for it. */
  async stop(graceMs = 1000): Promise<PeerExit> {
    if (!this.exit) {
      endChild(this.pid);
      const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    return this.exit!;
  }
}
