// `npm run bench`: the figures of issue 6, each beside its reference measured in the
// same run, as medians. Prints a table and writes it to bench/latest.md. Never fails
// CI: a measure that cannot run says why in its row.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { TmuxPane } from './tmux.js';
import { REFERENCE, findNode24, measureStartup, type StartupResult } from '../scripts/startup-ratio.mjs';

interface Row {
  measure: string;
  value: string;
  reference: string;
  ratio: string;
  target: string;
}

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'ipclab.mjs');
const state = mkdtempSync(join(tmpdir(), 'ipclab-bench-state-'));
const env = { XDG_STATE_HOME: state, LANG: 'en_US.UTF-8' };

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x: number): string => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;

function wallMs(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, stdio: 'ignore' });
    times.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
  }
  return median(times);
}

/** CPU time of a process and its threads in ms, from schedstat (ns resolution, unlike utime's 10 ms ticks). */
function cpuMs(pid: number): number {
  let ns = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
  }
  return ns / 1e6;
}

const TITLE = (s: string) => /ipclab/.test(s.split('\n')[0] ?? '');
const tui = (extra = '') => `exec ${process.execPath} ${bin} --restart --lesson shmget${extra}`;

/** Issue 12's method (scripts/startup-ratio.mjs): a fresh tmux server of 100x30 per run,
 *  `CMD; sleep 3`, timed until capture-pane (polled every ~5 ms) shows the text; the
 *  lean reference `node -e 'console.log("READY")'` and ipclab interleaved, medians; a
 *  warm code cache. With the first frame kept by the run before (a lesson reopened as it
 *  was left) and without (the start after a session that ran a step), on this Node; kept,
 *  on Node 24 when one is at hand or can be unpacked from the npm registry. */
function startupRows(runs: number): Row[] {
  const row = (r: StartupResult, on: string): Row => ({
    measure: `(a) start-up to first frame, fresh tmux 100x30${on}`,
    value: ms(r.ipclabMs),
    reference: `${REFERENCE.label}: ${ms(r.referenceMs)}`,
    ratio: ratio(r.ipclabMs, r.referenceMs),
    target: '< 2x',
  });
  const rows = [row(measureStartup({ runs }), ', first frame kept'), row(measureStartup({ runs, unkept: true }), ', none kept')];
  if (!process.version.startsWith('v24.')) {
    const node24 = findNode24();
    try {
      if (node24) {
        const r = measureStartup({ node: node24.node, runs });
        rows.push(row(r, `, first frame kept, Node ${r.version}`));
      } else rows.push({ measure: '(a) start-up, Node 24', value: 'not measured', reference: 'no Node 24 here, nor from the npm registry', ratio: '-', target: '-' });
    } finally {
      node24?.cleanup();
    }
  }
  return rows;
}

function keyRows(presses: number): Row[] {
  const pane = new TmuxPane(80, 24);
  const echo = new TmuxPane(80, 24);
  try {
    pane.open();
    echo.open();
    pane.start(tui(), env);
    pane.waitFor(TITLE, performance.now());
    const step: number[] = [];
    const lang: number[] = [];
    const switched: number[] = [];
    for (let i = 0; i < presses; i++) {
      // the title line says both the language (step/步骤) and the step number, last on
      // the line: its lesson number comes first ("2/11 shmget"), which /2\/\d+/ alone
      // matched before any redraw (Space read the capture's own time)
      const top = (s: string) => s.split('\n')[0];
      const stepIs = (n: number) => (s: string) => new RegExp(`\\s${n}/\\d+\\s*$`).test(top(s));
      const before = top(pane.settle());
      let t = performance.now();
      pane.keys('l');
      lang.push(pane.waitFor((s) => top(s) !== before, t, 5000));
      // where step 1's words run past the pane, Space brings their rest first (docs/ARCHITECTURE.md):
      // that press is not the one timed, the one that runs the step is
      const bar = (s: string) => s.trimEnd().split('\n').at(-1) ?? '';
      // (the bar's Space says what it does: "Space run 1" once the step's words and question are shown)
      for (let more = 0; more < 3 && !/Space run \d|Space 运行/.test(bar(pane.settle())); more++) pane.keys('Space');
      t = performance.now();
      pane.keys('Space');
      step.push(pane.waitFor(stepIs(2), t, 5000));
      // back to the first step so Space keeps running a real step
      pane.settle();
      // r asks once before it resets (the second r resets)
      pane.keys('r');
      pane.keys('r');
      pane.waitFor(stepIs(1), performance.now(), 5000);
      // a lesson switch through the menu (to the next lesson and back): Enter to the new title
      for (const move of ['j', 'k']) {
        const main = pane.settle();
        const title = main.split('\n')[0];
        pane.keys('m');
        pane.waitFor((s) => s !== main, performance.now(), 5000);
        const menu = pane.capture();
        pane.keys(move);
        pane.waitFor((s) => s !== menu, performance.now(), 5000);
        // as a person would: Enter comes after the moved highlight is drawn, not within
        // Ink's frame interval of it (which would hold the new frame back)
        pane.settle();
        // leaving a lesson with questions unanswered, Enter asks first and a second Enter opens
        // the lesson: that second Enter is the one timed
        const opened = (s: string) => s.split('\n')[0] !== title;
        pane.keys('Enter');
        // opened at the first Enter (nothing unanswered): its time went into the settle, not counted
        if (opened(pane.settle())) continue;
        const t = performance.now();
        pane.keys('Enter');
        switched.push(pane.waitFor(opened, t, 5000));
      }
    }
    echo.start('cat');
    const typed: number[] = [];
    for (let i = 0; i < presses; i++) {
      const before = echo.capture();
      const t = performance.now();
      echo.keys('x');
      typed.push(echo.waitFor((s) => s !== before, t, 5000));
    }
    const ref = `cat echo: ${ms(median(typed))}`;
    return [
      { measure: '(b) key to redraw: Space (run a step)', value: ms(median(step)), reference: ref, ratio: ratio(median(step), median(typed)), target: '< 16 ms' },
      { measure: '(b) key to redraw: l (switch language)', value: ms(median(lang)), reference: ref, ratio: ratio(median(lang), median(typed)), target: '< 16 ms' },
      { measure: '(b) key to redraw: Enter in the menu (switch lesson)', value: ms(median(switched)), reference: ref, ratio: ratio(median(switched), median(typed)), target: '< 16 ms' },
    ];
  } finally {
    pane.kill();
    echo.kill();
  }
}

async function idleRows(): Promise<Row[]> {
  const pane = new TmuxPane(80, 24);
  try {
    pane.open();
    pane.start(tui(), env);
    pane.waitFor(TITLE, performance.now());
    const pid = pane.pid();
    await new Promise((r) => setTimeout(r, 15_000));
    // five 10 s windows, the median: once, some 20-40 s after start, V8's memory reducer
    // runs full collections (about 60 ms) — a one-off, not the steady state
    const windows: number[] = [];
    for (let i = 0; i < 5; i++) {
      const c0 = cpuMs(pid);
      await new Promise((r) => setTimeout(r, 10_000));
      windows.push(cpuMs(pid) - c0);
    }
    const idle = median(windows);
    const peak = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
    const atStart = peak();
    // then the whole lesson (shmget, 6 steps), one step at a time: a step with a question
    // takes a second Space (the first asks), so twice as many presses, each settled
    for (let i = 0; i < 12; i++) {
      pane.keys('Space');
      pane.settle();
    }
    const afterLesson = peak();
    return [
      { measure: '(c) idle CPU per 10 s (median of 5 windows from 15 s)', value: ms(idle), reference: '-', ratio: '-', target: '< 20 ms' },
      { measure: '(c) peak RSS of the TUI, idle after start', value: `${atStart.toFixed(0)} MB`, reference: '-', ratio: '-', target: '< 100 MB' },
      { measure: '(c) peak RSS after running a whole lesson', value: `${afterLesson.toFixed(0)} MB`, reference: '-', ratio: '-', target: '< 100 MB' },
    ];
  } finally {
    pane.kill();
  }
}

async function flowRows(): Promise<Row[]> {
  const { benchFlow } = await import('./flow.js');
  const rows = await benchFlow();
  return rows.map((r: { name: string; medianMs: number; target?: string }) => ({
    measure: `(d) render ${r.name}`,
    value: ms(r.medianMs),
    reference: '-',
    ratio: '-',
    target: r.target ?? (r.name.includes('40') ? '< 50 ms' : '< 5 ms'),
  }));
}

async function pingPongRows(): Promise<Row[]> {
  const { benchPingPong } = await import('./pingpong.js');
  const { tsMicros, cMicros } = await benchPingPong({ rounds: 20_000 });
  return [
    {
      measure: '(e) parent-child round trip, TypeScript',
      value: `${tsMicros.toFixed(1)} µs`,
      reference: cMicros === null ? 'C: no C compiler here' : `C: ${cMicros.toFixed(1)} µs`,
      ratio: cMicros === null ? '-' : ratio(tsMicros, cMicros),
      target: '< 2.5x C',
    },
  ];
}

function runRows(runs: number): Row[] {
  const run = wallMs([bin, 'run', 'shmat'], runs);
  const bare = wallMs(['-e', '0'], runs);
  return [{ measure: '(f) ipclab run shmat, wall', value: ms(run), reference: `node -e 0: ${ms(bare)}`, ratio: ratio(run, bare), target: '-' }];
}

// `npm run bench -- a c` measures only sections (a) and (c)
const only = process.argv.slice(2);

async function section(name: string, fn: () => Row[] | Promise<Row[]>): Promise<Row[]> {
  if (only.length > 0 && !only.some((o) => name.startsWith(`(${o})`))) return [];
  try {
    return await fn();
  } catch (err) {
    if (process.env.IPCLAB_BENCH_DEBUG) process.stderr.write(`${(err as Error).message}\n`);
    return [{ measure: name, value: 'not measured', reference: String((err as Error).message).split('\n')[0], ratio: '-', target: '-' }];
  }
}

function table(rows: Row[]): string {
  const head: Row = { measure: 'measure', value: 'ipclab (median)', reference: 'reference (same run)', ratio: 'ratio', target: 'target' };
  const keys = Object.keys(head) as (keyof Row)[];
  const line = (r: Row) => `| ${keys.map((k) => r[k]).join(' | ')} |`;
  return [line(head), `| ${keys.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const noTmux = (): Row[] => {
  throw new Error('tmux is not installed');
};
// the bundle must be fresh before timing start-up (bin would otherwise rebuild on the first run)
execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
const rows = [
  ...(await section('(a) start-up', hasTmux ? () => startupRows(5) : noTmux)),
  ...(await section('(b) key to redraw', hasTmux ? () => keyRows(15) : noTmux)),
  ...(await section('(c) idle CPU and memory', hasTmux ? idleRows : noTmux)),
  ...(await section('(d) diagram render', flowRows)),
  ...(await section('(e) parent-child round trip', pingPongRows)),
  ...(await section('(f) run shmat', () => runRows(5))),
];
// a TUI killed with its tmux server may still be writing its journal there as it ends
rmSync(state, { recursive: true, force: true, maxRetries: 10 });
const out = [
  `# ipclab bench — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus().length} cores, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  '',
  table(rows),
  '',
  // where start-up time goes: measured by hand (node --cpu-prof), kept beside the figures
  readFileSync(join(root, 'bench', 'startup.md'), 'utf8'),
].join('\n');
process.stdout.write(out);
writeFileSync(join(root, 'bench', 'latest.md'), out);
