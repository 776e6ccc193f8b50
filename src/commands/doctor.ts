// `ipclab doctor`: what this machine gives ipclab, one line each, and for each thing
// that is wrong the fix. Exit status 0 when nothing needs a fix, 1 when something does.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { release, type } from 'node:os';
import { dirname, join } from 'node:path';
import { MIN } from '../app/layout.js';
import { utf8Locale } from '../lang.js';
import type { Options } from '../options.js';
import { packageRoot, stateDir } from '../paths.js';
import { cells, wrap } from '../text/cells.js';
import { decideColor, type ColorReason } from '../text/color.js';

interface Finding {
  label: string;
  value: string;
  /** set when something is wrong: what to do about it */
  fix?: string;
}

/** The lessons make segments of 4096 and 8192 bytes, a few at a time; msg sends messages
 *  of up to 4000 bytes (its fill step); sem and race use sets of one semaphore. */
const NEED = { shmmax: 8192, shmallPages: 16, shmmni: 16, msgmax: 4000, msgmnb: 8000, msgmni: 4, semmsl: 1, semmns: 4, semopm: 1, semmni: 4 };

const EN = {
  title: 'ipclab doctor: what this machine gives ipclab',
  ok: 'ok',
  fix: 'fix',
  allWell: 'All is well.',
  aside: (text: string) => ` (${text})`,
  toFix: (n: number) => `${n} thing${n === 1 ? '' : 's'} to fix (exit status 1).`,
  node: 'Node',
  nodeUnsupported: (range: string) => `install a Node that package.json supports (${range}), e.g. from nodejs.org`,
  kernel: 'kernel',
  notLinux: 'ipclab teaches System V IPC as Linux has it: run it on Linux',
  shm: 'shared memory',
  shmSmall: (line: string) => `the lessons need bigger limits; as root: sysctl -w ${line}`,
  msg: 'message queues',
  sem: 'semaphores',
  msgUse: 'used by the msg lesson',
  semUse: 'used by the sem and race lessons',
  msgSmall: (line: string) => `the msg lesson needs bigger limits; as root: sysctl -w ${line}`,
  semSmall: (line: string) => `the sem and race lessons need bigger limits; as root: sysctl -w ${line}`,
  unreadable: (path: string) => `cannot read ${path}`,
  procFix: 'mount /proc (mount -t proc proc /proc), or run ipclab where /proc is the kernel\'s own',
  sysvipc: '/proc/sysvipc',
  readable: 'readable',
  sysvipcFix: 'ipclab reads the kernel\'s tables there: mount /proc, or run ipclab outside a sandbox that hides it',
  cc: 'C compiler',
  noCc: 'none (no cc on PATH)',
  ccFix: 'install gcc or clang (e.g. apt install gcc); until then the serv-clnt lesson explains its C steps without compiling and running examples/c/serv.c and clnt.c, and ftok skips asking the compiler about IPC_CREATE',
  state: 'state folder',
  writable: 'writable',
  notWritable: 'not writable',
  stateFix: (dir: string) => `make ${dir} writable for you, or set XDG_STATE_HOME to an absolute folder you own`,
  terminal: 'terminal',
  notTerminal: 'stdout is not a terminal (the tutorial needs one; run, lessons and diagram do not)',
  tooSmall: (need: string) => `make the window at least ${need}`,
  colour: 'colour',
  on: 'on',
  off: 'off',
  colorWhy: {
    option: 'as --color asks',
    force: 'FORCE_COLOR is set',
    'force-off': 'FORCE_COLOR=0',
    'no-color': 'NO_COLOR is set',
    dumb: 'TERM=dumb',
    terminal: 'a terminal',
    'not-terminal': 'stdout is not a terminal',
  } satisfies Record<ColorReason, string>,
  dumbFix: 'TERM=dumb says the terminal shows no colour nor cursor movement: set TERM to what your terminal is (e.g. xterm-256color)',
  utf8: 'UTF-8',
  yes: 'yes',
  noUtf8: (locale: string) => `no (${locale}): ipclab draws in ASCII`,
  utf8Fix: 'choose a UTF-8 locale, e.g. export LANG=C.UTF-8 (or en_US.UTF-8, zh_CN.UTF-8; see locale -a)',
};

const ZH: typeof EN = {
  title: 'ipclab doctor：这台机器为 ipclab 提供的条件',
  ok: '正常',
  fix: '待修',
  allWell: '一切正常。',
  aside: (text: string) => `（${text}）`,
  toFix: (n: number) => `有 ${n} 项需要修复（退出码 1）。`,
  node: 'Node',
  nodeUnsupported: (range: string) => `请安装 package.json 支持的 Node 版本（${range}），例如从 nodejs.org 下载`,
  kernel: '内核',
  notLinux: 'ipclab 讲的是 Linux 上的 System V IPC：请在 Linux 上运行',
  shm: '共享内存',
  shmSmall: (line: string) => `课程需要更大的上限；以 root 身份执行：sysctl -w ${line}`,
  msg: '消息队列',
  sem: '信号量',
  msgUse: 'msg 课使用',
  semUse: 'sem 与 race 课使用',
  msgSmall: (line: string) => `msg 课需要更大的上限；以 root 身份执行：sysctl -w ${line}`,
  semSmall: (line: string) => `sem 与 race 课需要更大的上限；以 root 身份执行：sysctl -w ${line}`,
  unreadable: (path: string) => `无法读取 ${path}`,
  procFix: '挂载 /proc（mount -t proc proc /proc），或在 /proc 属于本机内核的环境中运行 ipclab',
  sysvipc: '/proc/sysvipc',
  readable: '可读',
  sysvipcFix: 'ipclab 从那里读取内核的表：挂载 /proc，或在不隐藏它的沙箱之外运行 ipclab',
  cc: 'C 编译器',
  noCc: '没有（PATH 中找不到 cc）',
  ccFix: '安装 gcc 或 clang（例如 apt install gcc）；在此之前，serv-clnt 课程只讲解 C 的步骤，不编译运行 examples/c/serv.c 和 clnt.c，ftok 课程也不请编译器检查 IPC_CREATE',
  state: '状态目录',
  writable: '可写',
  notWritable: '不可写',
  stateFix: (dir: string) => `让你能写入 ${dir}，或把 XDG_STATE_HOME 设为你自己的一个绝对路径目录`,
  terminal: '终端',
  notTerminal: '标准输出不是终端（教程需要终端；run、lessons、diagram 不需要）',
  tooSmall: (need: string) => `请把窗口放大到至少 ${need}`,
  colour: '颜色',
  on: '开',
  off: '关',
  colorWhy: {
    option: '按 --color 的要求',
    force: '设置了 FORCE_COLOR',
    'force-off': 'FORCE_COLOR=0',
    'no-color': '设置了 NO_COLOR',
    dumb: 'TERM=dumb',
    terminal: '是终端',
    'not-terminal': '标准输出不是终端',
  },
  dumbFix: 'TERM=dumb 表示终端既不显示颜色也不移动光标：请把 TERM 设为你实际的终端类型（例如 xterm-256color）',
  utf8: 'UTF-8',
  yes: '是',
  noUtf8: (locale: string) => `否（${locale}）：ipclab 用 ASCII 字符作图`,
  utf8Fix: '选用 UTF-8 的 locale，例如 export LANG=C.UTF-8（或 zh_CN.UTF-8、en_US.UTF-8；见 locale -a）',
};

type Words = typeof EN;

function readProc(name: string): string | null {
  try {
    return readFileSync(`/proc/sys/kernel/${name}`, 'utf8').trim();
  } catch {
    return null;
  }
}

/** package.json's engines range, of the forms it uses: ^M.m.p and >=M.m.p joined by ||. */
function supports(range: string, version: string): boolean {
  const [major, minor, patch] = version.split('.').map(Number);
  const at = major * 1e6 + minor * 1e3 + patch;
  return range.split('||').some((part) => {
    const m = /^\s*(\^|>=)(\d+)\.(\d+)\.(\d+)\s*$/.exec(part);
    if (!m) return false;
    const from = Number(m[2]) * 1e6 + Number(m[3]) * 1e3 + Number(m[4]);
    return at >= from && (m[1] === '>=' || major === Number(m[2]));
  });
}

function node(w: Words): Finding {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { engines: { node: string } };
  const range = pkg.engines.node;
  const value = `${process.version}`;
  return supports(range, process.versions.node) ? { label: w.node, value } : { label: w.node, value, fix: w.nodeUnsupported(range) };
}

function kernel(w: Words): Finding {
  const value = `${type()} ${release()}`;
  return process.platform === 'linux' ? { label: w.kernel, value } : { label: w.kernel, value, fix: w.notLinux };
}

function sharedMemory(w: Words): Finding {
  const [shmmax, shmall, shmmni] = ['shmmax', 'shmall', 'shmmni'].map(readProc);
  if (shmmax === null || shmall === null || shmmni === null) return { label: w.shm, value: w.unreadable('/proc/sys/kernel/shm*'), fix: w.procFix };
  const value = `SHMMAX ${shmmax} B, SHMALL ${shmall} pages, SHMMNI ${shmmni}`;
  const raise = [
    BigInt(shmmax) < NEED.shmmax ? `kernel.shmmax=${NEED.shmmax}` : '',
    BigInt(shmall) < NEED.shmallPages ? `kernel.shmall=${NEED.shmallPages}` : '',
    Number(shmmni) < NEED.shmmni ? `kernel.shmmni=${NEED.shmmni}` : '',
  ].filter(Boolean);
  return raise.length ? { label: w.shm, value, fix: w.shmSmall(raise.join(' ')) } : { label: w.shm, value };
}

/** Message queue and semaphore limits, as ipcs -l shows them, each with the lessons that use them. */
function otherLimits(w: Words): Finding[] {
  const msg = ['msgmax', 'msgmnb', 'msgmni'].map(readProc);
  const sem = readProc('sem')?.split(/\s+/).map(Number) ?? [];
  const low = (pairs: [string, number | null, number][]) =>
    pairs.filter(([, have, need]) => have !== null && have < need).map(([name, , need]) => `${name}=${need}`).join(' ');
  const found = (label: string, value: string, use: string, raise: string, small: (line: string) => string): Finding =>
    raise ? { label, value: value + w.aside(use), fix: small(raise) } : { label, value: value + w.aside(use) };
  const msgFinding = msg.includes(null)
    ? { label: w.msg, value: w.unreadable('/proc/sys/kernel/msg*'), fix: w.procFix }
    : found(w.msg, `MSGMAX ${msg[0]} B, MSGMNB ${msg[1]} B, MSGMNI ${msg[2]}`, w.msgUse,
        low([['kernel.msgmax', Number(msg[0]), NEED.msgmax], ['kernel.msgmnb', Number(msg[1]), NEED.msgmnb], ['kernel.msgmni', Number(msg[2]), NEED.msgmni]]), w.msgSmall);
  const semFinding = sem.length !== 4
    ? { label: w.sem, value: w.unreadable('/proc/sys/kernel/sem'), fix: w.procFix }
    : found(w.sem, `SEMMSL ${sem[0]}, SEMMNS ${sem[1]}, SEMOPM ${sem[2]}, SEMMNI ${sem[3]}`, w.semUse,
        // kernel.sem is one line of four numbers: raise the ones too low, keep the others
        low([['SEMMSL', sem[0], NEED.semmsl], ['SEMMNS', sem[1], NEED.semmns], ['SEMOPM', sem[2], NEED.semopm], ['SEMMNI', sem[3], NEED.semmni]])
          ? `"kernel.sem=${Math.max(sem[0], NEED.semmsl)} ${Math.max(sem[1], NEED.semmns)} ${Math.max(sem[2], NEED.semopm)} ${Math.max(sem[3], NEED.semmni)}"`
          : '',
        w.semSmall);
  return [msgFinding, semFinding];
}

function sysvipc(w: Words): Finding {
  try {
    for (const table of ['shm', 'msg', 'sem']) readFileSync(`/proc/sysvipc/${table}`, 'utf8');
    return { label: w.sysvipc, value: w.readable };
  } catch {
    return { label: w.sysvipc, value: w.unreadable('/proc/sysvipc'), fix: w.sysvipcFix };
  }
}

function compiler(w: Words): Finding {
  const cc = spawnSync('cc', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return cc.status === 0 ? { label: w.cc, value: `cc: ${cc.stdout.split('\n')[0]}` } : { label: w.cc, value: w.noCc, fix: w.ccFix };
}

/** Writable: the folder itself when it exists, else the nearest folder above it that
 *  does, where ipclab would create it. */
function stateFolder(w: Words): Finding {
  const dir = stateDir();
  let probe = dir;
  while (!existsSync(probe) && dirname(probe) !== probe) probe = dirname(probe);
  try {
    accessSync(probe, constants.W_OK | constants.X_OK);
    return { label: w.state, value: dir + w.aside(w.writable) };
  } catch {
    return { label: w.state, value: dir + w.aside(w.notWritable), fix: w.stateFix(probe) };
  }
}

function terminal(w: Words): Finding {
  const out = process.stdout;
  if (!out.isTTY) return { label: w.terminal, value: w.notTerminal };
  const value = `${out.columns}x${out.rows}`;
  return out.columns < MIN.width || out.rows < MIN.height ? { label: w.terminal, value, fix: w.tooSmall(`${MIN.width}x${MIN.height}`) } : { label: w.terminal, value };
}

function colour(w: Words, options: Options): Finding {
  const { on, reason } = decideColor(options.colorMode, process.env, process.stdout.isTTY === true);
  const value = (on ? w.on : w.off) + w.aside(w.colorWhy[reason]);
  // TERM=dumb on a real terminal is most often a mistake; the other reasons are choices
  return reason === 'dumb' && process.stdout.isTTY ? { label: w.colour, value, fix: w.dumbFix } : { label: w.colour, value };
}

function utf8(w: Words): Finding {
  const env = process.env;
  const name = env.LC_ALL ? 'LC_ALL' : env.LC_CTYPE ? 'LC_CTYPE' : env.LANG ? 'LANG' : null;
  const locale = name ? `${name}=${env[name]}` : 'C';
  return utf8Locale(env) ? { label: w.utf8, value: w.yes + w.aside(locale) } : { label: w.utf8, value: w.noUtf8(locale), fix: w.utf8Fix };
}

const WIDTH = 80;

/** The findings as lines of at most WIDTH columns: status, label, value; the fix below. */
function report(findings: Finding[], w: Words, color: boolean): string[] {
  const paint = (code: string, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const labelWidth = Math.max(...findings.map((f) => cells(f.label)));
  const statusWidth = Math.max(cells(w.ok), cells(w.fix));
  const indent = ' '.repeat(2 + statusWidth + 2 + labelWidth + 2);
  const lines = [w.title, ''];
  for (const f of findings) {
    const status = f.fix ? paint('1;31', w.fix) : paint('32', w.ok);
    const pad = (text: string, width: number) => text + ' '.repeat(width - cells(text));
    const head = `  ${status}${' '.repeat(statusWidth - cells(f.fix ? w.fix : w.ok))}  ${pad(f.label, labelWidth)}  `;
    const [first, ...rest] = wrap(f.value, WIDTH - indent.length);
    lines.push(head + first, ...rest.map((l) => indent + l));
    if (f.fix) lines.push(...wrap(f.fix, WIDTH - indent.length - 3).map((l, i) => `${indent}${i === 0 ? '-> ' : '   '}${l}`));
  }
  const problems = findings.filter((f) => f.fix).length;
  lines.push('', problems ? w.toFix(problems) : w.allWell);
  return lines;
}

export async function run(options: Options): Promise<number> {
  const w = options.lang === 'zh' ? ZH : EN;
  const findings = [node(w), kernel(w), sharedMemory(w), ...otherLimits(w), sysvipc(w), compiler(w), stateFolder(w), terminal(w), colour(w, options), utf8(w)];
  process.stdout.write(`${report(findings, w, options.color).join('\n')}\n`);
  return findings.some((f) => f.fix) ? 1 : 0;
}
