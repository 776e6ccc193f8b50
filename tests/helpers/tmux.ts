// Drives a program in a real terminal: a tmux server of its own (socket
// `ipclab-test-<pid>`, so parallel test files never meet), sessions of a fixed
// size, keys sent as a user types them, and the pane captured as the user sees it.
// Every wait polls with a deadline. killServer() in afterAll, whatever happened.
import { execFileSync, spawnSync } from 'node:child_process';

export interface PaneInfo {
  pid: number;
  dead: boolean;
  status: number | null;
}

let sessions = 0;

export class Tmux {
  readonly socket = `ipclab-test-${process.pid}`;

  private tmux(args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** Starts `argv` in a new detached session of width x height; the pane stays
   *  after the program exits, so its exit status can be read. Returns the session name. */
  start(argv: string[], opts: { width: number; height: number; env?: Record<string, string>; unset?: string[] }): string {
    const name = `s${++sessions}`;
    const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const env = Object.entries(opts.env ?? {}).map(([k, v]) => `${k}=${quote(v)}`);
    const unset = (opts.unset ?? []).flatMap((k) => ['-u', k]);
    const command = ['exec', 'env', ...unset, ...env, ...argv.map(quote)].join(' ');
    // the server's options come first so the pane is kept from the start
    this.tmux(['-f', '/dev/null', 'new-session', '-d', '-s', name, '-x', String(opts.width), '-y', String(opts.height), ';', 'set-option', '-t', name, 'remain-on-exit', 'on', ';', 'respawn-pane', '-k', '-t', name, command]);
    return name;
  }

  /** Keys by tmux name ('Space', 'Enter', 'Tab', 'Right', 'C-c') or literal text. */
  send(session: string, ...keys: string[]): void {
    for (const key of keys) this.tmux(['send-keys', '-t', session, key]);
  }

  capture(session: string): string {
    return this.tmux(['capture-pane', '-p', '-t', session]).replace(/\n+$/, '');
  }

  pane(session: string): PaneInfo {
    const [pid, dead, status] = this.tmux(['display-message', '-p', '-t', session, '#{pane_pid} #{pane_dead} #{pane_dead_status}']).trim().split(' ');
    return { pid: Number(pid), dead: dead === '1', status: status === undefined || status === '' ? null : Number(status) };
  }

  /** Polls the pane until `check` passes; throws with the last screen after the deadline. */
  async waitFor(session: string, check: (screen: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.capture(session);
      if (check(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the pane shows:\n${screen}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async waitForExit(session: string, timeoutMs = 10_000): Promise<PaneInfo> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const info = this.pane(session);
      if (info.dead) return info;
      if (Date.now() > deadline) throw new Error(`the program in ${session} did not exit within ${timeoutMs} ms; the pane shows:\n${this.capture(session)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Ends the server and everything in it; safe when it never started. */
  killServer(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { stdio: 'ignore' });
  }
}

/** True while a process exists (signal 0 probes without touching it). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
