// The lessons' C programs run live: examples/c/serv.c and clnt.c against ipclab's own
// server or client (serv-clnt), inherit.c paced line by line (shmat). Compiled with the
// machine's cc; their stderr lines (one call each) go into the trace under their own pid.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ftok, noteChildKey, trackChild } from '../native/index.js';
import { packageRoot } from '../paths.js';
import { said } from './peer-process.js';
import type { PeerExit } from '../proto/spawn.js';
import { SHARED } from '../text/strings.js';
import type { StepContext, Text } from './types.js';

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

/** The English parts of the C programs' lines (serv.c, clnt.c: say()) and their Chinese,
 *  in the words ipclab's own server and client use; the C in them stays as it is. */
const ZH_PARTS: [RegExp, (...m: string[]) => string][] = [
  [/; retrying every (\d+) ms$/, (_, ms) => `；${SHARED.zh.retrying(Number(ms))}`],
  [/ \(ready: waiting for a client\)$/, () => `（${SHARED.zh.readyWaiting}）`],
  [/ \(a client joined\)$/, () => `（${SHARED.zh.clientJoined}）`],
  [/ \(claimed\)$/, () => `（${SHARED.zh.claimed}）`],
  [/ \(taken\)$/, () => `（${SHARED.zh.taken}）`],
  [/^rv->seq == (\d+): read (\d+) bytes from rv->data \(flags (\d+)\)$/, (_, seq, len, flags) => SHARED.zh.readData(Number(seq), Number(len), Number(flags))],
  [/^write (\d+) bytes to rv->data;/, (_, len) => `${SHARED.zh.wroteData(Number(len))}；`],
  [/^rv->magic == 0: waiting for the server to get ready$/, () => 'rv->magic == 0：等待服务端就绪'],
  [/^rv->server_pid (\d+) is gone: waiting for a new server$/, (_, pid) => `rv->server_pid ${pid} 已不在：等待新的服务端`],
  [/^segment (\d+): /, (_, id) => `段 ${id}：`],
  [/ \(the rendezvous file\)$/, () => '（会合文件）'],
  [/ \(taking over: stale segment of server pid (\d+), which is gone\)$/, (_, pid) => `（接管：服务端进程 ${pid} 已不在，这一段已过期）`],
];

/** A C program's line in both languages. */
function cLine(text: string): Text {
  return { en: text, zh: ZH_PARTS.reduce((zh, [en, to]) => zh.replace(en, to), text) };
}

// the C programs' own trace lines: "shmat(32769, NULL, 0) = 0x7f..." and "shmdt(0x7f...) = 0"
const ATTACHED = /^shmat\(\d+, NULL, 0\) = 0x/;
const DETACHED = /^shmdt\(.*\) = 0$/;

/** Runs a compiled C program; ended on reset like every child of the lesson.
 *  `onChange` runs after each line it writes and when it ends (to refresh the process list). */
export function runC(ctx: StepContext, bin: string, args: string[], onChange: () => void = () => {}): CRun {
  // the C server creates its segment under ftok(rendezvous, 'S'): recorded before it can, so `ipclab clean` finds it after a kill
  const key = args.includes('--path') ? ftok(args[args.indexOf('--path') + 1], 'S'.charCodeAt(0)) : null;
  if (key && key.errno === null) noteChildKey(key.ret as number);
  const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  trackChild(child);
  const pid = child.pid ?? -1;
  const lines: string[] = [];
  let attached = false;
  let alive = true;
  createInterface({ input: child.stderr! }).on('line', (line) => {
    // "[clnt 4242] shmget(...) = 32769": the pid goes in the trace column (a forked child's own)
    const tag = /^\[\w+ (\d+)\] /.exec(line);
    const text = tag ? line.slice(tag[0].length) : line;
    const from = tag ? Number(tag[1]) : pid;
    if (from === pid && ATTACHED.test(text)) attached = true;
    else if (from === pid && DETACHED.test(text)) attached = false;
    said(ctx, from, cLine(text));
    onChange();
  });
  const waiting = new Set<() => void>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    said(ctx, pid, { en: `printed ${JSON.stringify(line)}`, zh: `打印出 ${JSON.stringify(line)}` });
    waiting.forEach((wake) => wake());
  });
  child.stdin!.on('error', () => {}); // it may end before reading: its end is reported, not this
  const exited = new Promise<PeerExit>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  }).then((exit) => {
    alive = false;
    attached = false;
    onChange();
    return exit;
  });
  ctx.onReset(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  });
  const printed = (n: number, ms: number) =>
    new Promise<boolean>((resolve) => {
      const check = () => {
        if (lines.length < n && alive) return;
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
