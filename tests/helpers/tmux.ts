// Drives a program in a real terminal: a tmux server of its own (socket
// `ipclab-test-<pid>`, so parallel test files never meet), sessions of a fixed
// size, keys sent as a user types them, and the pane captured as the user sees it.
// Every wait polls with a deadline. killServer() in afterAll, whatever happened.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { tmuxSocketPath } from '../../scripts/tmux-socket.mjs';
import { strings } from '../../src/app/strings.js';
import { testTempDir } from './temp-dir.js';

/** the status line while a lesson opens */
const OPENING = { en: strings('en').opening, zh: strings('zh').opening };

export interface PaneInfo {
  /** the program's pid */
  pid: number;
  dead: boolean;
}

/** The key bar while a step runs or a lesson opens: no key is pressed then */
const BUSY_BAR = /running|运行中|working|处理中/;
const DEAD = /Pane is dead \((status|signal) (\d+)/;

let sessions = 0;

export class Tmux {
  readonly socket = `ipclab-test-${process.pid}`;

  private tmux(args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** Starts `argv` (exec'd, so the pane's pid is the program's) in a new detached
   *  session of width x height. The pane is kept when the program ends, with tmux's
   *  "Pane is dead (status N, ...)" line, which waitForExit reads. Returns the session name. */
  start(argv: string[], opts: { width: number; height: number; env?: Record<string, string>; unset?: string[] }): string {
    const name = `s${++sessions}`;
    const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const env = Object.entries(opts.env ?? {}).map(([k, v]) => `${k}=${quote(v)}`);
    const unset = (opts.unset ?? []).flatMap((k) => ['-u', k]);
    const command = ['exec', 'env', ...unset, ...env, ...argv.map(quote)].join(' ');
    this.tmux(['-f', '/dev/null', 'new-session', '-d', '-s', name, '-x', String(opts.width), '-y', String(opts.height), ';', 'set-option', '-t', name, 'remain-on-exit', 'on', ';', 'respawn-pane', '-k', '-t', name, command]);
    return name;
  }

  /** Keys by tmux name ('Space', 'Enter', 'Tab', 'Right', 'C-c') or literal text. */
  send(session: string, ...keys: string[]): void {
    for (const key of keys) this.tmux(['send-keys', '-t', session, key]);
  }

  /** `history`: the lines scrolled off the top too (what a program printed before it ended) */
  capture(session: string, history = false): string {
    return this.tmux(['capture-pane', '-p', ...(history ? ['-S', '-'] : []), '-t', session]).replace(/\n+$/, '');
  }

  pane(session: string): PaneInfo {
    const [pid, dead] = this.tmux(['display-message', '-p', '-t', session, '#{pane_pid} #{pane_dead}']).trim().split(' ');
    return { pid: Number(pid), dead: dead === '1' };
  }

  /** Polls the pane until `check` passes on two captures in a row that are the same
   *  (a capture can fall in the middle of a redraw); throws with the last screen after the deadline. */
  async waitFor(session: string, check: (screen: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last: string | null = null;
    for (;;) {
      const screen = this.capture(session);
      if (check(screen) && screen === last) return screen;
      last = screen;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the pane shows:\n${screen}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** The result of the step before shown first, the question behind Enter (LessonPane): Enter
   *  brings it, as the pinned line says; a digit would only show it (store/turn.ts questionHidden). */
  async questionShown(session: string, what: string, timeoutMs = 15_000): Promise<void> {
    const behind = (s: string) => /Space: step \d+('s| \+) question|空格：第 \d+ 步(的|及)问题/.test(s);
    if (!behind(this.capture(session))) return;
    this.send(session, 'Enter');
    await this.waitFor(session, (s) => !behind(s), `${what}: the question`, timeoutMs);
  }

  /** The rest of the step below the lesson pane's window: Space brings it, as the key bar's
   *  "Space step N's text" says, until none is below (store/turn.ts spaceShowsRest). */
  async restShown(session: string, what: string, timeoutMs = 15_000): Promise<void> {
    // (the rest holding the step's question: "Space step N + question", fix27c#3; fixR#9 one wording)
    const rest = (s: string) => /Space step \d+'s text|Space 第 \d+ 步的说明/.test(s);
    for (let i = 0; i < 10 && rest(this.capture(session)); i++) {
      const before = this.capture(session);
      this.send(session, 'Space');
      await this.waitFor(session, (s) => s !== before, `${what}: Space brings the rest of the step`, timeoutMs);
    }
  }

  /** Space that runs the next step: where its question has no answer picked the first Space
   *  only asks ("no answer picked: Space again…", store/turn.ts runShown), and a second runs it.
   *  Waits for `ran` (or the question asking, then presses Space again and waits for `ran`).
   *  At the lesson's end Space goes no further (issue 16): a question of the check is skipped with
   *  x, each as the bar names "1-N answer  x skip", and the next lesson opened with Enter, as the bar
   *  names "→/Enter"; `ran` then waits for what it opened. */
  async runStep(session: string, ran: (screen: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
    const asks = (s: string) => /no answer picked: Space again|还没选答案：再按一次空格/.test(s);
    // the lesson open first: while it opens the bar may say "Space run 1" and, once it is open and
    // laid out, "Space step 1's text" (its rest below), which the Space would bring instead
    await this.waitFor(session, (s) => !s.includes(OPENING.en) && !s.includes(OPENING.zh), `${what}: the lesson open`, timeoutMs);
    await this.questionShown(session, what, timeoutMs);
    await this.restShown(session, what, timeoutMs);
    const bar = (s: string) => s.trimEnd().split('\n').at(-1) ?? '';
    const check = (s: string) => /^ 1-\d /.test(bar(s));
    const end = (s: string) => bar(s).startsWith(' →/Enter ');
    const deadline = Date.now() + timeoutMs;
    let screen = this.capture(session);
    for (let keys = 0; !ran(screen); keys++) {
      if (keys > 0 && Date.now() > deadline) throw new Error(`timed out for ${what}; the screen shows:\n${screen}`);
      const before = screen;
      // (a check's question takes no key in its first half second on screen: CHECK_READ_MS)
      if (check(screen)) await new Promise((res) => setTimeout(res, 600));
      const onward = end(screen);
      this.send(session, check(screen) ? 'x' : onward ? 'Enter' : 'Space');
      screen = await this.waitFor(session, (s) => ran(s) || (s !== before && !BUSY_BAR.test(bar(s)) && !s.includes(OPENING.en) && !s.includes(OPENING.zh)), what, Math.max(1, deadline - Date.now()));
      // (the lesson Enter opened takes no Space in its first half second on screen: store/run.ts onwardJustOpened)
      if (onward) await new Promise((res) => setTimeout(res, 600));
      if (asks(screen) && !ran(screen)) {
        this.send(session, 'Space');
        screen = await this.waitFor(session, ran, what, Math.max(1, deadline - Date.now()));
      }
    }
    return screen;
  }

  /** Tab until the tab bar (80x24: the panes as tabs) shows `pane` in brackets, `[Trace]`, as a
   *  learner does: a run shows the pane its result is in (src/lessons/result-pane.ts), so how many
   *  Tabs that takes depends on the step run last. `pane` as the tab bar names it in the language
   *  shown (Trace, 跟踪). Each Tab waits for the tab bar to move on before the next; returns the screen. */
  async tabTo(session: string, pane: string, what: string, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    const left = () => Math.max(1, deadline - Date.now());
    for (;;) {
      const screen = await this.waitFor(session, (s) => tabShown(s) !== null, `${what}: the tab bar`, left());
      const shown = tabShown(screen);
      if (shown === pane) return screen;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms pressing Tab for ${what}: [${pane}]; the pane shows:\n${screen}`);
      this.send(session, 'Tab');
      await this.waitFor(session, (s) => tabShown(s) !== shown, `${what}: Tab from [${shown}] to the next pane`, left());
    }
  }

  /** A digit (or x) at the end-of-lesson check: a key within 500 ms of its question coming on
   *  screen is not taken ("1 not taken: read check question 2 first", store/quiz.ts CHECK_READ_MS),
   *  so the key is pressed again, polling until `answered` shows, within the deadline. */
  async answerCheck(session: string, key: string, answered: (screen: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
    const refused = (s: string) => /not taken: read check question \d+ first|没有算：先读小测第 \d+ 题/.test(s);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.send(session, key);
      const screen = await this.waitFor(session, (s) => answered(s) || refused(s), what, Math.max(1, deadline - Date.now()));
      if (answered(screen)) return screen;
    }
  }

  /** Waits for the program to end; resolves with its exit status (128 + signal when
   *  killed). tmux 3.3 sometimes marks the pane dead without its "Pane is dead" line and
   *  leaves the program a zombie for a while: then the kernel's record of it says. */
  async waitForExit(session: string, timeoutMs = 10_000): Promise<number> {
    const { pid } = this.pane(session);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = DEAD.exec(this.capture(session));
      if (line) return line[1] === 'status' ? Number(line[2]) : 128 + Number(line[2]);
      const status = zombieStatus(pid);
      if (status !== null) return status;
      if (Date.now() > deadline) throw new Error(`the program in ${session} did not exit within ${timeoutMs} ms; the pane shows:\n${this.capture(session)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Ends the server and everything in it, and removes its socket file, which tmux
   *  leaves behind; safe when it never started. */
  killServer(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { stdio: 'ignore' });
    rmSync(tmuxSocketPath(this.socket), { force: true });
  }
}

/** bin/ipclab.mjs of this checkout */
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'ipclab.mjs');

/** A test file's tmux: a server of its own, killed after the file's tests (afterAll), with the
 *  state folders its runs of ipclab used. `ipclab(args, size)` starts bin/ipclab.mjs with `args`
 *  as a learner's terminal runs it: a state folder of its own (named `prefix`…), UTF-8,
 *  xterm-256color, no CI (CI makes Ink print only the last frame; a learner's terminal has no
 *  CI) and no NO_COLOR. Returns the session's name. Call it at a file's top level. */
export function tmuxForFile(prefix: string): { tmux: Tmux; ipclab(args: readonly string[], size: { width: number; height: number }): string } {
  const tmux = new Tmux();
  const stateDirs: string[] = [];
  afterAll(() => {
    tmux.killServer();
    for (const dir of stateDirs) rmSync(dir, { recursive: true, force: true });
  });
  const ipclab = (args: readonly string[], { width, height }: { width: number; height: number }) => {
    const state = testTempDir(prefix);
    stateDirs.push(state);
    return tmux.start([process.execPath, BIN, ...args], { width, height, env: { XDG_STATE_HOME: state, LANG: 'C.UTF-8', TERM: 'xterm-256color' }, unset: ['CI', 'NO_COLOR'] });
  };
  return { tmux, ipclab };
}

/** The pane the tab bar shows in brackets (" Flow  │  Kernel  │ [Trace] │  C    Tab ⇥"), or null
 *  where no tab bar is on screen (side by side, a zoom). */
export function tabShown(screen: string): string | null {
  for (const line of screen.split('\n')) {
    const bar = /^ (.*?) {3}Tab [⇥>]/.exec(line);
    const tab = bar && /\[([^\]]+)\]/.exec(bar[1]);
    if (tab) return tab[1];
  }
  return null;
}

/** The exit status of a process that ended but was not reaped yet (/proc/PID/stat:
 *  state Z, and field 52 holds the wait status), else null. */
function zombieStatus(pid: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // fields after the command name, which is in parentheses and may hold spaces
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields[0] !== 'Z') return null;
  const wait = Number(fields[49]);
  return wait & 0x7f ? 128 + (wait & 0x7f) : (wait >> 8) & 0xff;
}

/** True while a process runs (a zombie has ended: it only waits to be reaped). */
export function processRuns(pid: number): boolean {
  return processExists(pid) && zombieStatus(pid) === null;
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
