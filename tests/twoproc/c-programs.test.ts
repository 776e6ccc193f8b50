// examples/c/{serv,clnt,communicate_with_child}.c and the bench's bench/pingpong.c: they
// compile without a warning, the parent-child program runs both ways, and the C server
// cleans up on a signal.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as native from '../../src/native/index.js';
import { compileC, expectNegativeClientPidRefused, HAS_CC, reap, segmentAt, start, tempPath, waitFor } from './helpers.js';
import { testTempDir } from '../helpers/temp-dir.js';

let dir = '';
beforeAll(() => {
  if (HAS_CC) dir = testTempDir('ipclab-c-');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});
afterEach(reap);

describe.skipIf(!HAS_CC)('the C programs', () => {
  it.each(['serv', 'clnt', 'communicate_with_child'])('%s.c compiles with -Wall -Wextra -Werror (gnu11 too)', (name) => {
    expect(compileC(name, dir)).toContain(name);
    const strict = spawnSync('cc', ['-std=gnu11', '-Wall', '-Wextra', '-Werror', '-O2', '-o', join(dir, `${name}-gnu11`), join('examples', 'c', `${name}.c`)], { encoding: 'utf8' });
    expect(strict.stderr).toBe('');
    expect(strict.status).toBe(0);
  });

  it('communicate_with_child: the text goes down and the answer comes up; nothing left', () => {
    const bin = compileC('communicate_with_child', dir);
    const run = spawnSync(bin, ['hello', '你好'], { encoding: 'utf8', timeout: 20_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('SIGUSR1 arrived; read "hello"');
    expect(run.stdout).toContain('SIGUSR1 arrived; read "got 6 bytes: 你好" from up');
    expect(run.stdout).toContain('child exited with 0');
    const ids = [...run.stdout.matchAll(/shmget\(IPC_PRIVATE, 4096, 0600\) = (\d+)/g)].map((m) => Number(m[1]));
    expect(ids).toHaveLength(2);
    expect(native.readSegments().filter((s) => ids.includes(s.shmid))).toEqual([]);
  });

  it('bench/pingpong.c (npm run bench\'s C round trip) compiles without a warning, times 200 round trips and leaves nothing', () => {
    const bin = join(dir, 'pingpong');
    const built = spawnSync('cc', ['-std=gnu11', '-Wall', '-Wextra', '-Werror', '-O2', '-o', bin, join('bench', 'pingpong.c')], { encoding: 'utf8' });
    expect(built.stderr).toBe('');
    const before = new Set(native.readSegments().map((s) => s.shmid));
    const bench = spawnSync(bin, ['200'], { encoding: 'utf8', timeout: 20_000 });
    expect(bench.status, bench.stderr).toBe(0);
    expect(bench.stdout).toMatch(/^200 round trips, [\d.]+ us each\n$/);
    expect(native.readSegments().filter((s) => !before.has(s.shmid) && s.cpid === bench.pid)).toEqual([]);
    expect(spawnSync(bin, [], { encoding: 'utf8' }).status).toBe(2);
  });

  it('the C server removes its segment on SIGTERM (exit 143) and SIGINT (exit 130)', async () => {
    const bin = compileC('serv', dir);
    for (const [sig, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
      const rv = tempPath();
      const s = start(bin, ['--path', rv.path, '--message', 'x']);
      await waitFor(() => /ready/.test(s.stderr()), 'the C server to be ready');
      s.child.kill(sig);
      expect(await s.done).toBe(code);
      expect(s.stderr()).toMatch(/IPC_RMID, NULL\) = 0/);
      expect(segmentAt(rv.path)).toBeUndefined();
      rv.remove();
    }
  });

  it('the C server refuses a negative client_pid without signalling anyone', async () => {
    const bin = compileC('serv', dir);
    const rv = tempPath();
    const s = start(bin, ['--path', rv.path, '--message', 'x', '--timeout', '5']);
    await expectNegativeClientPidRefused(s, rv.path, 'the C server to be ready');
    rv.remove();
  });
});
