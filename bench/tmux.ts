// A tmux session on a private socket, for measuring the TUI in a real terminal.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmuxSocketPath } from '../scripts/tmux-socket.mjs';

export class TmuxPane {
  readonly socket = `ipclab-bench-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  constructor(readonly width: number, readonly height: number) {}

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /** Starts the tmux server with an idle pane, so that start() times the program
   *  alone and not tmux's own start-up. */
  open(): void {
    this.tmux('new-session', '-d', '-x', String(this.width), '-y', String(this.height), 'exec sleep 600');
  }

  /** Starts a fresh tmux server whose one pane runs `command`: as a learner opening a
   *  terminal would, and for nothing but the command (the server and the pane get
   *  exactly `env`). */
  launch(command: string, env: NodeJS.ProcessEnv): void {
    execFileSync('tmux', ['-L', this.socket, 'new-session', '-d', '-x', String(this.width), '-y', String(this.height), command], { env });
  }

  /** Runs `command` in the pane (replacing what runs there). */
  start(command: string, env: Record<string, string> = {}): void {
    const vars = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    this.tmux('respawn-pane', '-k', ...vars, command);
  }

  capture(): string {
    // with attributes (-e): a moved highlight is a change even when the text is the same
    return this.tmux('capture-pane', '-p', '-e');
  }

  keys(...keys: string[]): void {
    this.tmux('send-keys', ...keys);
  }

  pid(): number {
    return Number(this.tmux('display-message', '-p', '#{pane_pid}').trim());
  }

  /** Polls the screen until `test` holds; resolves to the ms it took from `since`. */
  waitFor(test: (screen: string) => boolean, since: number, deadlineMs = 10_000): number {
    for (;;) {
      const screen = this.capture();
      const now = performance.now();
      if (test(screen)) return now - since;
      if (now - since > deadlineMs) throw new Error(`screen did not show what was awaited within ${deadlineMs} ms:\n${screen}`);
    }
  }

  /** Polls until the screen has not changed for `quietMs` (the program has settled). */
  settle(quietMs = 150, deadlineMs = 10_000): string {
    const start = performance.now();
    let last = this.capture();
    let since = performance.now();
    for (;;) {
      const screen = this.capture();
      const now = performance.now();
      if (screen !== last) {
        last = screen;
        since = now;
      } else if (now - since >= quietMs) return screen;
      if (now - start > deadlineMs) throw new Error(`screen did not settle within ${deadlineMs} ms:\n${screen}`);
    }
  }

  kill(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
    rmSync(tmuxSocketPath(this.socket), { force: true });
  }
}
