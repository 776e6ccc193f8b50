// The lessons' C programs run live: examples/c/serv.c and clnt.c against ipclab's own
// server or client (serv-clnt), inherit.c paced line by line (shmat). Compiled with the
// machine's cc; their stderr lines (one call each) go into the trace under their own pid,
// a call as a call, and each line at the time the program stamped on it.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ftok, noteChildKey, trackChild } from '../native/index.js';
import { packageRoot } from '../paths.js';
import { fromMonotonic, now } from '../native/clock.js';
import { said } from './peer-process.js';
import type { PeerExit } from '../proto/spawn.js';
import { seenEndText } from '../text/results.js';
import { AT_ONCE, wokenText, type WakeSignal } from '../proto/wakeups.js';
import { SHARED } from '../text/strings.js';
import type { StepContext, Text, TraceEntry } from './types.js';

export function hasCc(): boolean {
  return spawnSync('cc', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** The examples/c programs a lesson compiles and runs. */
export type CProgram = 'serv' | 'clnt' | 'inherit';

export function cSource(name: CProgram): string {
  return join(packageRoot(), 'examples', 'c', `${name}.c`);
}

/** cc -Wall -Wextra -O2 -o DIR/NAME examples/c/NAME.c, run for real (its output in the trace). */
export async function compileC(ctx: StepContext, name: CProgram, dir: string): Promise<{ bin: string; problems: string[] }> {
  const bin = join(dir, name);
  const { exitCode, text } = await ctx.exec('cc', ['-Wall', '-Wextra', '-O2', '-o', bin, cSource(name)]);
  return { bin, problems: exitCode === 0 ? [] : [`cc ${name}.c failed (exit ${exitCode}): ${text.split('\n')[0]}`] };
}

export interface CRun {
  pid: number;
  /** what it printed on stdout, line by line (the client's messages) */
  lines: string[];
  exited: Promise<PeerExit>;
  /** maps the segment now, from its own shmat and shmdt lines */
  attached(): boolean;
  alive(): boolean;
  /** writes a line to its stdin (inherit.c takes a step per line) */
  send(line: string): void;
  /** resolves once it has printed `n` lines in all, or ended, or after `ms` */
  printed(n: number, ms: number): Promise<boolean>;
}

/** " (claimed: client_pid held …)" after a call: one of the shared remarks, in English as the
 *  C programs write it (matched whole, whatever it holds), in Chinese as ipclab's side says it */
function remark(key: 'readyWaiting' | 'clientJoined' | 'claimed' | 'taken'): [RegExp, () => string] {
  const en = SHARED.en[key].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // (before how the line's wait ended, already in Chinese: "(a client joined)（被 SIGUSR2 唤醒）")
  return [new RegExp(` \\(${en}\\)(?=$|（)`), () => `（${SHARED.zh[key]}）`];
}

/** The English parts of the C programs' lines (serv.c, clnt.c: say()) and their Chinese,
 *  in the words ipclab's own server and client use; the C in them stays as it is. */
const ZH_PARTS: [RegExp, (...m: string[]) => string][] = [
  [/; retrying every (\d+) ms$/, (_, ms) => `；${SHARED.zh.retrying(Number(ms))}`],
  // how a wait ended (rv.h's pause_once, RV_SEEN_AT_ONCE), as ipclab's side says it (wokenText):
  // first, so the remark or the read before it is matched at the line's end
  [/ \(woken by (SIG\w+)\)$/, (_, sig) => wokenText(sig as WakeSignal).zh],
  [/ \(seen at its \d+ ms poll\)$/, () => wokenText('poll').zh],
  [new RegExp(` \\(${AT_ONCE.en}\\)$`), () => wokenText('ready').zh],
  remark('readyWaiting'),
  remark('clientJoined'),
  remark('claimed'),
  remark('taken'),
  [/^rv->seq == (\d+): read (\d+) bytes from rv->data \(flags (\d+)\)/, (_, seq, len, flags) => SHARED.zh.readData(Number(seq), Number(len), Number(flags))],
  [/^write (\d+) bytes to rv->data; /, (_, len) => `${SHARED.zh.wroteData(Number(len))}；`],
  [/^rv->magic == 0: waiting for the server to get ready$/, () => 'rv->magic == 0：等待服务端就绪'],
  [/^rv->server_pid (\d+) is gone: waiting for a new server$/, (_, pid) => `rv->server_pid ${pid} 已不在：等待新的服务端`],
  [/^segment (\d+): /, (_, id) => `段 ${id}：`],
  [/ \(the rendezvous file\)$/, () => '（会合文件）'],
  [/ \(the child was killed by (SIG\w+)\)$/, (_, sig) => `（子进程${SHARED.zh.killedBy(sig)}）`],
  [/ \(the child exited with code (\d+)\)$/, (_, code) => `（子进程${SHARED.zh.exitedWith(Number(code))}）`],
  [/ \(taking over: stale segment of server pid (\d+), which is gone\)$/, (_, pid) => `（接管：服务端进程 ${pid} 已不在，这一段已过期）`],
];

/** A C program's line in both languages. */
function cLine(text: string): Text {
  return { en: text, zh: ZH_PARTS.reduce((zh, [en, to]) => zh.replace(en, to), text) };
}

/** "@MS#N ": CLOCK_MONOTONIC and the line's number in both streams, which the programs put
 *  first when IPCLAB_STAMP is set (examples/c/stamp.h) */
const STAMP = /^@(\d+(?:\.\d+)?)#(\d+) /;

/** The line without its stamp, when it was written on the trace's clock (Node's hrtime is
 *  CLOCK_MONOTONIC too) and its number; a line without a stamp is placed when it arrived. */
function unstamp(line: string): { text: string; at: number; n: number | null } {
  const m = STAMP.exec(line);
  if (!m) return { text: line, at: now(), n: null };
  return { text: line.slice(m[0].length), at: fromMonotonic(Number(m[1])), n: Number(m[2]) };
}

/** "shmget(0x5300f7e8, 4096, IPC_CREAT|IPC_EXCL|0600) = -1 EEXIST (File exists); retrying every 100 ms":
 *  the call, its result and errno, and what follows it */
const CALL = /^(\w+)\((.*)\) = (\(void \*\) -1|\S+)(?: (E[A-Z0-9]+) \(([^)]*)\))?(.*)$/;

/** A C program's line as the trace shows it: a call like ipclab's own (what the program says
 *  of its result after it, as an event), anything else as an event. */
function cEntries(pid: number, text: string, at: number): TraceEntry[] {
  const m = CALL.exec(text);
  // an exec said as it is made, with no result: it returns only if it fails (inherit.c's execlp)
  const exec = m ? null : /^(exec\w*)\(.*\)$/.exec(text);
  if (exec) return [{ type: 'call', pid, call: exec[1], c: text, ret: '', errno: null, message: null, at }];
  if (!m) return [{ type: 'event', pid, text: cLine(text), at }];
  const [, call, args, ret, errno, message, rest] = m;
  const value = /^-?\d+$/.test(ret) ? Number(ret) : ret;
  const entry: TraceEntry = { type: 'call', pid, call, c: `${call}(${args})`, ret: value, errno: errno ?? null, message: message ?? null, at };
  const note = rest.replace(/^;? */, '');
  if (!note) return [entry];
  const said = cLine(rest);
  // "(claimed)" or "; retrying every 100 ms" on its own line: without the brackets or the separator
  const bare = (t: string) => t.replace(/^[;；]\s*/, '').replace(/^\s*[(（](.*)[)）]$/, '$1').trim();
  return [entry, { type: 'event', pid, text: { en: bare(said.en), zh: bare(said.zh) }, at }];
}

// the C programs' own trace lines: "shmat(32769, NULL, 0) = 0x7f..." and "shmdt(0x7f...) = 0"
const ATTACHED = /^shmat\(\d+, NULL, 0\) = 0x/;
const DETACHED = /^shmdt\(.*\) = 0$/;

/** "/tmp/ipclab-serv-clnt-1a2b/clnt --path /tmp/x --timeout 10": the program by the path it
 *  ran from (a learner who built it elsewhere, as the C pane suggests, sees where this one is),
 *  an argument with spaces quoted */
function command(bin: string, args: string[]): string {
  return [bin, ...args.map((a) => (/^[\w./:=-]+$/.test(a) ? a : JSON.stringify(a)))].join(' ');
}

/** Runs a compiled C program; ended on reset like every child of the lesson.
 *  `onChange` runs after each line it writes and when it ends (to refresh the process list). */
export function runC(ctx: StepContext, bin: string, args: string[], role: Text, onChange: () => void = () => {}): CRun {
  // the C server creates its segment under ftok(rendezvous, 'S'): recorded before it can, so `ipclab clean` finds it after a kill
  const key = args.includes('--path') ? ftok(args[args.indexOf('--path') + 1], 'S'.charCodeAt(0)) : null;
  if (key && key.errno === null) noteChildKey(key.ret as number);
  const started = now();
  const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, IPCLAB_STAMP: '1' } });
  trackChild(child);
  const pid = child.pid ?? -1;
  said(ctx, process.pid, { en: SHARED.en.forkedExec(pid, role.en, command(bin, args)), zh: SHARED.zh.forkedExec(pid, role.zh, command(bin, args)) }, started);
  const lines: string[] = [];
  let attached = false;
  let alive = true;
  // the numbers of the program's own lines that arrived (a forked child counts its own), and
  // of each stdout line: a stdout line is complete with every line numbered before it
  const arrived = new Set<number>();
  const numbers: (number | null)[] = [];
  const waiting = new Set<() => void>();
  const wake = () => waiting.forEach((check) => check());
  createInterface({ input: child.stderr! }).on('line', (line) => {
    // "[clnt 4242] shmget(...) = 32769": the pid goes in the trace column (a forked child's own)
    const { text: tagged, at, n } = unstamp(line);
    const tag = /^\[\w+ (\d+)\] /.exec(tagged);
    const text = tag ? tagged.slice(tag[0].length) : tagged;
    const from = tag ? Number(tag[1]) : pid;
    if (from === pid && n !== null) arrived.add(n);
    if (from === pid && ATTACHED.test(text)) attached = true;
    else if (from === pid && DETACHED.test(text)) attached = false;
    for (const entry of cEntries(from, text, at)) ctx.trace(entry);
    onChange();
    wake();
  });
  createInterface({ input: child.stdout! }).on('line', (raw) => {
    const { text: line, at, n } = unstamp(raw);
    if (n !== null) arrived.add(n);
    lines.push(line);
    numbers.push(n);
    said(ctx, pid, { en: `printed ${JSON.stringify(line)}`, zh: `打印出 ${JSON.stringify(line)}` }, at);
    wake();
  });
  /** the first `k` stdout lines are in, and every line the program wrote before them */
  const complete = (k: number) => {
    if (lines.length < k) return false;
    const upTo = k > 0 ? numbers[k - 1] : null;
    for (let i = 1; upTo !== null && i < upTo; i++) if (!arrived.has(i)) return false;
    return true;
  };
  child.stdin!.on('error', () => {}); // it may end before reading: its end is reported, not this
  const exited = new Promise<PeerExit>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  }).then((exit) => {
    alive = false;
    attached = false;
    // seen by ipclab, which waited for it: under ipclab's pid, naming the program's
    said(ctx, process.pid, { en: seenEndText(role.en, pid, exit, 'en'), zh: seenEndText(role.zh, pid, exit, 'zh') });
    onChange();
    return exit;
  });
  ctx.onReset(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  });
  // stdout and stderr are separate pipes: a stdout line counts once the calls written
  // before it are in too, so the step that waited for it holds them
  const printed = (n: number, ms: number) =>
    new Promise<boolean>((resolve) => {
      const check = () => {
        if (!complete(n) && alive) return;
        clearTimeout(timer);
        waiting.delete(check);
        resolve(lines.length >= n);
      };
      const timer = setTimeout(() => {
        waiting.delete(check);
        resolve(lines.length >= n);
      }, ms);
      waiting.add(check);
      void exited.then(check);
      check();
    });
  const send = (line: string) => {
    if (alive) child.stdin!.write(`${line}\n`);
  };
  return { pid, lines, exited, attached: () => attached, alive: () => alive, send, printed };
}
