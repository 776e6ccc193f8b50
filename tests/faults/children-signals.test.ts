// Children after a kill -9 of ipclab, and the way ipclab ends on signals.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { processStart } from '../../src/native/index.js';
import { haveCc, procShm, runCli, tempDir } from '../native/helpers.js';
import { BIN, ROOT, ipclab, reap, segmentAt, start, tempPath, waitFor } from '../twoproc/helpers.js';

afterEach(reap);

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .map(Number)
    .filter((p) => parentOf(p) === pid);
}

const comm = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
};

describe('children of a SIGKILLed ipclab', () => {
  it.skipIf(!haveCc())('a (stopped) C server outlives the kill with its segment; clean ends it and the segment goes', { timeout: 60_000 }, async () => {
    const state = tempDir('ipclab-state-');
    const run = ipclab(['run', 'serv-clnt', '--json'], { env: { XDG_STATE_HOME: state } });
    // the last step: the compiled examples/c/serv.c, a child of ipclab, has made its segment
    const cServer = await waitFor(() => childrenOf(run.pid).find((p) => comm(p) === 'serv' && procShm().some((r) => r.cpid === p)), 'the C server and its segment', 40_000);
    // stopped, it cannot leave by itself when its partner goes: only clean can end it
    process.kill(cServer, 'SIGSTOP');
    run.child.kill('SIGKILL');
    await run.done;
    // a kill -9 runs no handler: the C server is still there, now an orphan
    expect(processStart(cServer)).not.toBeNull();
    expect(parentOf(cServer)).not.toBe(run.pid);
    const r = runCli(['clean'], state);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^ended +pid ${cServer} `, 'm'));
    expect(processStart(cServer)).toBeNull();
    expect(procShm().filter((row) => row.cpid === cServer)).toEqual([]);
  });
});

describe('signals end ipclab by the same signal, after cleaning up', () => {
  it('a parent killed with -9 (a wrapper such as timeout or npm) ends ipclab too, which removes its segment', { timeout: 30_000 }, async () => {
    const rv = tempPath();
    try {
      // sh stays the parent: it has a command left to run after node
      const wrapper = start('sh', ['-c', `"${process.execPath}" "${BIN}" serv --path "${rv.path}" --timeout 20 --message a; echo after`], {
        env: { XDG_STATE_HOME: tempDir('ipclab-state-') },
      });
      const segment = await waitFor(() => segmentAt(rv.path), 'the server segment');
      expect(parentOf(segment.cpid)).toBe(wrapper.pid);
      wrapper.child.kill('SIGKILL');
      // the kernel's parent-death signal is SIGTERM: ipclab cleans up and ends by it
      await waitFor(() => processStart(segment.cpid) === null, 'the orphaned ipclab to end');
      expect(segmentAt(rv.path)).toBeUndefined();
      expect(wrapper.stdout().toString()).toBe('');
    } finally {
      rv.remove();
    }
  });

  it('a run whose parent was gone before its cleanup was installed (killed while Node started) ends by SIGTERM before any call', async () => {
    // main as bin/ipclab.mjs calls it, told of a parent that is not the one it has now
    const script = `import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'code-cache.js')).href)}).then(async (c) => { const m = c.runBundle(${JSON.stringify(join(ROOT, 'dist', 'cli.cjs'))}); process.exitCode = await m.main(['run', 'shmget', '--json'], { parent: 1 }); })`;
    const orphan = start(process.execPath, ['-e', script], { env: { XDG_STATE_HOME: tempDir('ipclab-state-') } });
    expect(await orphan.done).toBe(143);
    expect(orphan.stdout().toString()).not.toMatch(/"type":"call"/);
    expect(procShm().filter((r) => r.cpid === orphan.pid)).toEqual([]);
  });

  it('a run orphaned while Node started goes on alone: clean waits for it to end rather than keep its segment', { timeout: 30_000 }, async (ctx) => {
    const state = tempDir('ipclab-state-');
    const rv = tempPath();
    // sh starts the server in the background and exits at once: the run's parent is gone
    // before Node runs a line, too early for PR_SET_PDEATHSIG (the kill smoke's window)
    const sh = start('sh', ['-c', `"${process.execPath}" "${BIN}" serv --path "${rv.path}" --timeout 4 --message a >/dev/null 2>&1 & echo $!`], {
      env: { XDG_STATE_HOME: state },
    });
    expect(await sh.done).toBe(0);
    const pid = Number(sh.stdout().toString().trim());
    try {
      // re-parented to a subreaper (tmux, systemd --user) rather than init: clean does not know it
      if (parentOf(pid) !== 1) ctx.skip();
      const segment = await waitFor(() => segmentAt(rv.path), 'the orphan server segment');
      expect(segment.cpid).toBe(pid);
      const r = spawnSync(process.execPath, [BIN, 'clean'], { env: { ...process.env, XDG_STATE_HOME: state }, encoding: 'utf8', timeout: 20_000 });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^waited for +pid ${pid} .*it has ended and removed its own objects$`, 'm'));
      expect(r.stdout).not.toMatch(/^kept/m);
      expect(processStart(pid)).toBeNull();
      expect(segmentAt(rv.path)).toBeUndefined();
    } finally {
      if (processStart(pid) !== null) process.kill(pid, 'SIGTERM');
      rv.remove();
    }
  });

  it('SIGQUIT is taken like SIGTERM: the server removes its segment and dies of SIGQUIT (131), no core file', async () => {
    const rv = tempPath();
    try {
      const s = ipclab(['serv', '--path', rv.path, '--timeout', '20', '--message', 'a'], { env: { XDG_STATE_HOME: tempDir('ipclab-state-') } });
      await waitFor(() => /shmget\(.*\) = \d+/.test(s.stderr()), 'the server segment');
      s.child.kill('SIGQUIT');
      expect(await s.done).toBe(131);
      expect(s.child.signalCode).toBe('SIGQUIT');
      expect(procShm().filter((r) => r.cpid === s.pid)).toEqual([]);
      expect(readdirSync(process.cwd()).filter((n) => /^core/.test(n))).toEqual([]);
    } finally {
      rv.remove();
    }
  });

  it('serv and clnt flooded with SIGUSR2 to the very end still exit 0, never by SIGUSR2 (140)', { timeout: 60_000 }, async () => {
    const rv = tempPath();
    try {
      for (let round = 0; round < 3; round++) {
        const s = ipclab(['serv', '--path', rv.path, '--timeout', '20', '--message', 'a', '--message', 'b']);
        const c = ipclab(['clnt', '--path', rv.path, '--timeout', '20']);
        // from the moment both listen (a Node process dies of SIGUSR2 before its listener exists)
        await waitFor(() => /rv->magic = /.test(s.stderr()) && /shmget/.test(c.stderr()), 'both sides to listen', 20_000);
        let flooding = true;
        const flood = (async () => {
          while (flooding) {
            for (const p of [s, c]) {
              try {
                process.kill(p.pid, 'SIGUSR2');
              } catch {
                // already gone
              }
            }
            await new Promise((r) => setTimeout(r, 0));
          }
        })();
        const codes = await Promise.all([s.done, c.done]);
        flooding = false;
        await flood;
        expect(codes, `${s.stderr()}\n${c.stderr()}`).toEqual([0, 0]);
        expect(c.stdout().toString()).toBe('a\nb\n');
      }
    } finally {
      rv.remove();
    }
  });
});
