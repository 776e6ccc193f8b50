#!/usr/bin/env node
// The kept first frame (src/first-frame.ts) measured by issue 12's method, and what follows
// it: per run a fresh `tmux new-session -d -x 100 -y 30 "CMD; sleep 3"`, timed from just
// before it until capture-pane shows the text. The reference `node -e 'console.log("READY")'`
// (until "READY"), then each ipclab folder given (`node bin/ipclab.mjs --lang en --lesson
// shmget`), interleaved, until "shmget" (the first frame, kept or drawn), until "━━"
// (the Flow's diagram: the TUI's own frames are out) and until a key sent right after
// "shmget" showed (`l`: "步骤 1/6", the TUI reading keys). Each folder has its own warm
// state folder (two tutorial runs first: the code cache saved, and a frame kept for the
// progress the runs leave). bench/startup.md, "Fourteenth round".
//
//   node bench/first-frame.mjs [--runs N] DIR...
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { leanEnv, median } from '../scripts/startup-ratio.mjs';

const args = process.argv.slice(2);
let runs = 5;
const dirs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Number(args[++i]);
  else dirs.push(args[i]);
}
const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** One run: ms until each text in turn shows (`key` sent once the first has). */
function timeOne(dir, cmd, texts, env, key, hold = 0) {
  const socket = `ipclab-ff-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const tmux = (...a) => execFileSync('tmux', ['-L', socket, ...a], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const times = [];
  try {
    const t0 = performance.now();
    tmux('new-session', '-d', '-x', '100', '-y', '30', '-c', dir, `${cmd}; sleep 3`);
    for (const text of texts) {
      for (;;) {
        const screen = tmux('capture-pane', '-p');
        const t = performance.now() - t0;
        if (screen.includes(text)) {
          times.push(t);
          if (key && times.length === 1) tmux('send-keys', '-t', '0', key);
          break;
        }
        if (t > 10_000) throw new Error(`${cmd}: no "${text}" in 10 s:\n${screen}`);
        pause(5);
      }
    }
    pause(hold);
    return times;
  } finally {
    try {
      tmux('kill-server');
    } catch {
      // gone
    }
    pause(400); // the TUI's cleanup after its hang-up, off the next run
  }
}

const IPCLAB = 'node bin/ipclab.mjs --lang en --lesson shmget';
const states = dirs.map(() => mkdtempSync(join(tmpdir(), 'ipclab-ff-state-')));
try {
  const envs = states.map((s) => leanEnv(process.execPath, s));
  dirs.forEach((dir, i) => {
    for (let w = 0; w < 2; w++) timeOne(dir, IPCLAB, ['just run'], envs[i], undefined, 2500);
  });
  const load = [loadavg()[0]];
  const ref = [];
  const got = dirs.map(() => []);
  for (let r = 0; r < runs; r++) {
    ref.push(timeOne(dirs[0], `node -e 'console.log("READY")'`, ['READY'], envs[0])[0]);
    dirs.forEach((dir, i) => got[i].push(timeOne(dir, IPCLAB, ['shmget', '步骤 1/6', '━━'], envs[i], 'l')));
  }
  load.push(loadavg()[0]);
  const m = median(ref);
  console.log(`reference ${m.toFixed(0)} ms (${ref.map((x) => x.toFixed(0)).join(', ')}); load ${load.map((l) => l.toFixed(2)).join(' -> ')}`);
  dirs.forEach((dir, i) => {
    const col = (k) => median(got[i].map((t) => t[k]));
    console.log(
      `${dir}: "shmget" ${col(0).toFixed(0)} ms (${(col(0) / m).toFixed(2)}x; ${got[i].map((t) => t[0].toFixed(0)).join(', ')}), ` +
        `l read ${col(1).toFixed(0)} ms, the Flow drawn ${col(2).toFixed(0)} ms`,
    );
  });
} finally {
  for (const s of states) rmSync(s, { recursive: true, force: true, maxRetries: 10 });
}
