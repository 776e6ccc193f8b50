// The lessons' C programs run live: examples/c/serv.c and clnt.c against ipclab's own
// server or client (serv-clnt), inherit.c paced line by line (shmat). Compiled with the
// machine's cc; their stderr lines (one call each) go into the trace under their own pid,
// a call as a call, and each line at the time the program stamped on it.
import { spawn, spawnSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { C_PROGRAMS, cProgramChinese, type CProgram } from './c-output.js';
import { createInterface } from 'node:readline';
import { ftok, noteChildKey, trackChild } from '../native/index.js';
import { packageRoot } from '../paths.js';
import { fromMonotonic, now } from '../native/clock.js';
import { said } from './peer-process.js';
import { commandLine } from './exec.js';
import type { PeerExit } from '../proto/spawn.js';
import { seenEndText } from '../text/results.js';
import { SHARED } from '../text/strings.js';
import type { StepContext, Text, TraceEntry } from './types.js';

export function hasCc(): boolean {
  return spawnSync('cc', ['--version'], { stdio: 'ignore' }).status === 0;
}

export type { CProgram };

/** The program `bin` was compiled from (compileC names it so). */
function programOf(bin: string): CProgram {
  const name = basename(bin);
  if (!(C_PROGRAMS as readonly string[]).includes(name)) throw new Error(`${bin}: not one of the C programs ipclab runs (${C_PROGRAMS.join(', ')})`);
  return name as CProgram;
}

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
 *  of its result after it, as an event), anything else as an event. In Chinese the line is
 *  given through its program's table (examples/c/zh/FILE.out.txt, src/lessons/c-output.ts);
 *  the call itself stays as C wrote it. */
function cEntries(program: CProgram, pid: number, text: string, at: number): TraceEntry[] {
  const zh = cProgramChinese(program, text);
  const m = CALL.exec(text);
  // an exec said as it is made, with no result: it returns only if it fails (inherit.c's execlp)
  const exec = m ? null : /^(exec\w*)\(.*\)$/.exec(text);
  if (exec) return [{ type: 'call', pid, call: exec[1], c: text, ret: '', errno: null, message: null, at }];
  // a compiler builtin (clnt.c's __atomic_compare_exchange_n) is one instruction on memory, no
  // call into libc or the kernel: a • line, as ipclab's client shows the same claim (pass 12)
  if (!m || m[1]!.startsWith('__atomic')) return [{ type: 'event', pid, text: { en: text, zh: zh ?? text }, at }];
  const [, call, args, ret, errno, message, rest] = m;
  const value = /^-?\d+$/.test(ret) ? Number(ret) : ret;
  const entry: TraceEntry = { type: 'call', pid, call, c: `${call}(${args})`, ret: value, errno: errno ?? null, message: message ?? null, at };
  const note = rest.replace(/^;? */, '');
  if (!note) return [entry];
  // the Chinese keeps the call as it is (`ipclab check`): what follows it is its note
  const call_ = text.slice(0, text.length - rest.length);
  const zhRest = zh !== null && zh.startsWith(call_) ? zh.slice(call_.length) : rest;
  // "(claimed)" or "; retrying every 100 ms" on its own line: without the brackets or the separator
  const bare = (t: string) => t.replace(/^[;；]\s*/, '').replace(/^\s*[(（](.*)[)）]$/, '$1').trim();
  return [entry, { type: 'event', pid, text: { en: bare(rest), zh: bare(zhRest) }, at }];
}

// the C programs' own trace lines: "shmat(32769, NULL, 0) = 0x7f..." and "shmdt(0x7f...) = 0"
const ATTACHED = /^shmat\(\d+, NULL, 0\) = 0x/;
const DETACHED = /^shmdt\(.*\) = 0$/;

/** Runs a compiled C program; ended on reset like every child of the lesson.
 *  `onChange` runs after each line it writes and when it ends (to refresh the process list). */
export function runC(ctx: StepContext, bin: string, args: string[], role: Text, onChange: () => void = () => {}): CRun {
  // the C server creates its segment under ftok(rendezvous, 'S'): recorded before it can, so `ipclab clean` finds it after a kill
  const key = args.includes('--path') ? ftok(args[args.indexOf('--path') + 1], 'S'.charCodeAt(0)) : null;
  if (key && key.errno === null) noteChildKey(key.ret as number);
  const program = programOf(bin);
  const started = now();
  const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, IPCLAB_STAMP: '1' } });
  trackChild(child);
  const pid = child.pid ?? -1;
  // "/tmp/ipclab-serv-clnt-1a2b/clnt --path /tmp/x --timeout 10": the program by the path it ran
  // from (a learner who built it elsewhere, as the C pane suggests, sees where this one is)
  const command = commandLine(bin, args);
  said(ctx, process.pid, { en: SHARED.en.forkedExec(pid, role.en, command), zh: SHARED.zh.forkedExec(pid, role.zh, command) }, started);
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
    for (const entry of cEntries(program, from, text, at)) ctx.trace(entry);
    onChange();
    wake();
  });
  createInterface({ input: child.stdout! }).on('line', (raw) => {
    const { text: line, at, n } = unstamp(raw);
    if (n !== null) arrived.add(n);
    lines.push(line);
    numbers.push(n);
    // a line of its own words in Chinese (inherit.c's "attached at 0x7f…: nattch 1"); a message
    // it passes on (clnt.c's rv->data) as it is, quoted
    const zh = cProgramChinese(program, line);
    said(ctx, pid, { en: `printed ${JSON.stringify(line)}`, zh: zh !== null && zh !== line ? `打印出：${zh}` : `打印出 ${JSON.stringify(line)}` }, at);
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
