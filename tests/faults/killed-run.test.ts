// A test run killed whole (timeout, Ctrl-C twice, kill -9, a closed terminal) runs neither
// its teardown nor its 'exit' handler: its folder (vitest.config.ts) stays with the journals
// of its processes, and so do the segments and temp folders they record. The next run's setup
// finds such a folder by its name (the owner's pid and start time) and cleans it as the
// teardown would have; a live run's folder is left alone.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepGoneRuns, sweepRunFolder } from '../global-setup.js';
import { makeRunFolder, RUN_DIR_ENV, sideStateHome, startOf } from '../helpers/run-state.js';
import { testTempDir } from '../helpers/temp-dir.js';
import { compileFixture, exited, firstLine, foreignKey, runCli, shmRow, startOwner, tempDir, waitFor } from '../native/helpers.js';
import { shmctlRmid } from '../../src/native/calls.js';
import { processStopped } from '../../src/native/procstat.js';

/** A run folder in `parent` whose owner has ended: made while a stand-in for vitest ran. */
async function folderOfEndedRun(parent: string): Promise<string> {
  const owner = spawn('sleep', ['60'], { stdio: 'ignore' });
  const folder = makeRunFolder(parent, owner.pid!);
  owner.kill('SIGKILL');
  await exited(owner);
  return folder;
}

/** What a test process of the run leaves when killed: a recorded segment, a recorded temp
 *  folder in /tmp (as ipclab makes them), and a test's temp folder inside the run's folder. */
async function killedWorker(folder: string): Promise<{ shmid: number; recorded: string; inside: string }> {
  const worker = await startOwner(folder, 1);
  const recorded = tempDir('ipclab-killed-run-');
  // the worker's own journal names it, as makeTempDir in that worker would have
  appendFileSync(join(folder, 'ipclab', 'runs', readdirSync(join(folder, 'ipclab', 'runs'))[0]), `${JSON.stringify({ t: 'tmp', path: recorded })}\n`);
  const inside = join(folder, 'tmp', 'ipclab-cpane-x');
  mkdirSync(inside, { recursive: true });
  worker.child.kill('SIGKILL');
  await exited(worker.child);
  return { shmid: worker.ids[0], recorded, inside };
}

describe('the folder of a killed test run', () => {
  it('a program of the run left stopped (examples-exits freezes its C programs with SIGSTOP) is continued with its SIGTERM: it removes what it made', async () => {
    const parent = testTempDir('ipclab-runs-');
    const gone = await folderOfEndedRun(parent);
    // made by a C program, not ipclab: no journal names its segment, only its own handler removes it
    const holder = spawn(compileFixture('holder'), [foreignKey().toString(16), '4096'], { env: { ...process.env, [RUN_DIR_ENV]: gone }, stdio: ['pipe', 'pipe', 'ignore'] });
    const shmid = Number(await firstLine(holder));
    holder.kill('SIGSTOP');
    await waitFor(() => processStopped(holder.pid!), 'the holder to stop');
    try {
      expect(sweepGoneRuns(parent).runs).toEqual([gone]);
      expect(await exited(holder)).toEqual({ code: 0, signal: null });
      expect(shmRow(shmid)).toBeUndefined();
    } finally {
      if (shmRow(shmid)) shmctlRmid(shmid);
    }
  });

  it('is cleaned by the next run’s setup: its segment leaves the kernel, its folders go; a live run’s stays', async () => {
    const parent = testTempDir('ipclab-runs-');
    const gone = await folderOfEndedRun(parent);
    const live = makeRunFolder(parent);
    const ended = await killedWorker(gone);
    // a side-by-side worker's journals are in its own state folder inside the run's (vitest.config.ts)
    const side = await killedWorker(sideStateHome(gone, '2'));
    const kept = await killedWorker(live);
    try {
      expect(shmRow(ended.shmid)).toBeDefined();
      const swept = sweepGoneRuns(parent);
      expect(swept.runs).toEqual([gone]);
      expect(swept.removed).toEqual(expect.arrayContaining([`shm ${ended.shmid}`, `shm ${side.shmid}`]));
      expect(shmRow(ended.shmid)).toBeUndefined();
      expect(shmRow(side.shmid)).toBeUndefined();
      expect(existsSync(ended.recorded)).toBe(false);
      expect(existsSync(side.recorded)).toBe(false);
      expect(existsSync(gone)).toBe(false);
      // the live run's folder is its own: nothing in it is touched
      expect(shmRow(kept.shmid)).toBeDefined();
      expect(existsSync(kept.recorded)).toBe(true);
      expect(existsSync(kept.inside)).toBe(true);
      expect(sweepGoneRuns(parent)).toMatchObject({ runs: [], removed: [], kept: [] });
    } finally {
      // the live stand-in's leftovers, as its own end would remove them
      runCli(['clean'], live);
    }
    expect(shmRow(kept.shmid)).toBeUndefined();
  });
});

// At a run's end its own folder is swept the same way (vitest.config.ts, on 'exit'). Once one
// stayed, every record in its journals of objects already gone: `clean` keeps a live process's
// journal, and the sweep ended only the processes whose environment named the folder, so a live
// process that wrote a journal there without it (as read then: an exiting process's reads empty)
// kept the folder, unsaid. The journals name the run's processes too.
describe('the exit sweep of a run', () => {
  it('ends a process a journal in the folder names, though its environment does not name the folder, and removes the folder', async () => {
    const folder = makeRunFolder(testTempDir('ipclab-runs-'));
    // its environment names the run this test is in, not `folder`; its journal is in `folder`
    const run = await startOwner(folder, 1);
    try {
      // what it recorded is gone already, as in the folder that stayed
      shmctlRmid(run.ids[0]);
      const swept = sweepRunFolder(folder);
      expect(swept.kept).toEqual([]);
      expect(swept.runs).toEqual([folder]);
      expect(existsSync(folder)).toBe(false);
      expect(startOf(run.pid)).toBeNull();
    } finally {
      run.child.kill('SIGKILL');
      await exited(run.child);
    }
  });
});
