#!/usr/bin/env node
// Kill at every moment: runs lessons with `ipclab run ID --json`, sends SIGKILL at
// moments spread over each lesson's measured length, runs `ipclab clean` with the
// same state folder, and counts what is left of that run: segments whose creator was
// one of its processes, queues and semaphore sets its journal names, its processes, temp folders ipclab-* in its private TMPDIR,
// journals in its state folder. Its processes are told apart by a token in their
// environment (every child inherits it), watched in /proc while the run lives; this
// looks at the kernel and /proc only, not at what ipclab recorded.
// usage: node scripts/kill-probe.mjs [--kills N] [--lessons a,b,...]   (exit 1 when anything was left)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'ipclab.mjs');
const WATCH_MS = 15;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** pids of live processes whose environment holds the token */
function tokenPids(token) {
  const needle = `IPCLAB_PROBE=${token}`;
  const pids = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const env = readFileSync(`/proc/${name}/environ`, 'latin1');
      if (env.split('\0').includes(needle)) {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        if (!/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2))) pids.push(Number(name));
      }
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

function shmRows() {
  const [, ...lines] = readFileSync('/proc/sysvipc/shm', 'utf8').trim().split('\n');
  return lines.map((l) => {
    const f = l.trim().split(/\s+/);
    return { shmid: Number(f[1]), cpid: Number(f[4]) };
  });
}

/** [key, id] of each queue ('msg') or semaphore set ('sem') in the kernel */
function ipcRows(kind) {
  const [, ...lines] = readFileSync(`/proc/sysvipc/${kind}`, 'utf8').trim().split('\n');
  return lines.map((l) => l.trim().split(/\s+/).map(Number).slice(0, 2));
}

/** The queues and sets a run's journals name: by key (written before a create under a
 *  key) and by id (written after a create, also under IPC_PRIVATE, key 0). The kernel
 *  records no creator of a queue or set (docs/ARCHITECTURE.md, "Message queues and
 *  semaphore sets"). Read before `clean`, which deletes the journals. */
function journalObjects(runsDir) {
  const named = { msg: { keys: new Set(), ids: new Set() }, sem: { keys: new Set(), ids: new Set() } };
  for (const name of safeList(runsDir).filter((n) => n.endsWith('.jsonl'))) {
    let text;
    try {
      text = readFileSync(join(runsDir, name), 'utf8');
    } catch (err) {
      // a process that ended cleanly between the listing and the read removed its own journal
      if (err.code === 'ENOENT') continue;
      throw err;
    }
    for (const line of text.split('\n')) {
      let rec;
      try {
        rec = JSON.parse(line);
      } catch {
        continue; // a line cut by the kill
      }
      if (rec.t === 'key' && rec.kind in named && rec.key !== 0) named[rec.kind].keys.add(rec.key);
      if (rec.t in named) named[rec.t].ids.add(`${rec.key} ${rec.id}`);
    }
  }
  const left = (kind) => ipcRows(kind).filter(([key, id]) => named[kind].keys.has(key) || named[kind].ids.has(`${key} ${id}`)).map(([, id]) => id);
  return () => ({ queues: left('msg'), sets: left('sem') });
}

function exitOf(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once('exit', () => r()));
}

/** One run of a lesson in a fresh state folder and TMPDIR; killed after `killAt` ms
 *  (never, when null); then `ipclab clean`; then what is left. */
async function oneRun(lesson, killAt) {
  const state = mkdtempSync(join(tmpdir(), 'ipclab-probe-state-'));
  const tmp = mkdtempSync(join(tmpdir(), 'ipclab-probe-tmp-'));
  const token = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const env = { ...process.env, XDG_STATE_HOME: state, TMPDIR: tmp, IPCLAB_PROBE: token };
  const seen = new Set();
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'run', lesson, '--json'], { env, stdio: ['ignore', 'ignore', 'ignore'] });
  seen.add(child.pid);
  let running = true;
  const ended = exitOf(child).then(() => (running = false));
  const watch = (async () => {
    while (running) {
      for (const pid of tokenPids(token)) seen.add(pid);
      await sleep(WATCH_MS);
    }
  })();
  if (killAt !== null) {
    await Promise.race([sleep(killAt), ended]);
    child.kill('SIGKILL');
  }
  await ended;
  await watch;
  const length = performance.now() - started;
  for (const pid of tokenPids(token)) seen.add(pid);
  const runs = join(state, 'ipclab', 'runs');
  const objectsLeft = journalObjects(runs);
  const clean = spawnSync(process.execPath, [BIN, 'clean'], { env: { ...env, IPCLAB_PROBE: '' }, encoding: 'utf8', timeout: 30_000 });
  const left = {
    processes: tokenPids(token),
    segments: shmRows().filter((r) => seen.has(r.cpid)).map((r) => r.shmid),
    ...objectsLeft(),
    folders: readdirSync(tmp).filter((n) => n.startsWith('ipclab-')),
    journals: safeList(runs).filter((n) => n.endsWith('.jsonl')),
  };
  // leave the machine as found whatever the outcome
  for (const pid of left.processes) process.kill(pid, 'SIGKILL');
  for (const shmid of left.segments) spawnSync('ipcrm', ['-m', String(shmid)]);
  for (const id of left.queues) spawnSync('ipcrm', ['-q', String(id)]);
  for (const id of left.sets) spawnSync('ipcrm', ['-s', String(id)]);
  rmSync(tmp, { recursive: true, force: true });
  rmSync(state, { recursive: true, force: true });
  const count = Object.values(left).reduce((n, list) => n + list.length, 0);
  return { lesson, killAt, length, signal: child.signalCode, cleanStatus: clean.status, cleanOut: clean.stdout + clean.stderr, left, count };
}

function safeList(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Measures each lesson once, then kills it `kills` times at moments spread evenly over
 *  110% of that length (the last few land after the end on a fast run: those check a
 *  normal end). `onResult` sees each probe as it finishes. */
export async function probe({ lessons, kills, onResult = () => {} }) {
  const results = [];
  for (const lesson of lessons) {
    const measured = await oneRun(lesson, null);
    results.push(measured);
    onResult(measured);
    for (let i = 0; i < kills; i++) {
      const result = await oneRun(lesson, Math.round(((i + 0.5) / kills) * measured.length * 1.1));
      results.push(result);
      onResult(result);
    }
  }
  return results;
}

function describe(r) {
  const what = r.killAt === null ? 'measured run' : `kill -9 at ${String(r.killAt).padStart(5)} ms${r.signal ? '' : ' (had ended)'}`;
  const left = r.count === 0 ? 'nothing left' : `LEFT ${JSON.stringify(r.left)}\n    clean said: ${r.cleanOut.trim().replace(/\n/g, '\n    ')}`;
  return `${r.lesson.padEnd(12)} ${what.padEnd(30)} ${left}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const lessons = arg('--lessons', 'shmget,ftok,shmctl,serv-clnt').split(',');
  const total = Number(arg('--kills', '80'));
  const kills = Math.ceil(total / lessons.length);
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  const results = await probe({ lessons, kills, onResult: (r) => process.stdout.write(`${describe(r)}\n`) });
  const killed = results.filter((r) => r.killAt !== null);
  const bad = killed.filter((r) => r.count > 0);
  const measured = results.filter((r) => r.killAt === null);
  process.stdout.write(
    `\n${killed.length} kill -9 across ${lessons.join(', ')} (${killed.filter((r) => r.signal === 'SIGKILL').length} mid-run), each followed by \`ipclab clean\`: ` +
      `${bad.length} of ${killed.length} left something; the ${measured.length} measured runs left ${measured.filter((r) => r.count > 0).length}\n`,
  );
  process.exitCode = bad.length || measured.some((r) => r.count > 0) ? 1 : 0;
}
