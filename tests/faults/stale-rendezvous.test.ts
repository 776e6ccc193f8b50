// A server killed with kill -9 while it waits for a client leaves its rendezvous
// segment. With its journal lost too (a deleted state folder), `ipclab clean` still
// finds it by the protocol's own marks: our uid, nobody attached, creator gone, the
// magic, and a server_pid that is gone. A live server's segment is never touched.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ftok } from '../../src/native/index.js';
import { exited, ROOT, shmRowByKey, tempDir, waitFor } from '../native/helpers.js';

const BIN = join(ROOT, 'bin', 'ipclab.mjs');

function clean(state: string, dryRun = false) {
  return spawnSync(process.execPath, [BIN, 'clean', ...(dryRun ? ['--dry-run'] : [])], { env: { ...process.env, XDG_STATE_HOME: state }, encoding: 'utf8', timeout: 30_000 });
}

async function serverWaiting() {
  const dir = tempDir('ipclab-stale-rv-');
  const state = tempDir('ipclab-state-');
  const path = join(dir, 'rendezvous');
  const server = spawn(process.execPath, [BIN, 'serv', '--path', path, '--message', 'hello', '--timeout', '30'], { env: { ...process.env, XDG_STATE_HOME: state }, stdio: ['ignore', 'ignore', 'pipe'] });
  let trace = '';
  server.stderr!.on('data', (chunk: Buffer) => (trace += chunk.toString()));
  // its trace says when magic, written last, is in place: the server now waits for a client
  await waitFor(() => trace.includes('rv->magic = 0x4C425631'), 'the server to write its magic');
  const key = ftok(path, 'S'.charCodeAt(0)).ret as number;
  const row = await waitFor(() => shmRowByKey(key), 'the rendezvous segment');
  return { server, key, shmid: row.shmid, state };
}

describe('stale rendezvous segments', () => {
  it('a live server waiting for a client: clean leaves its segment alone', async () => {
    const { server, shmid } = await serverWaiting();
    try {
      const r = clean(tempDir('ipclab-state-'));
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).not.toContain(String(shmid));
    } finally {
      server.kill('SIGTERM');
      await exited(server);
    }
  });

  it('kill -9 of the server and its journal lost: clean --dry-run names the segment, clean removes it', async () => {
    const { server, key, shmid, state } = await serverWaiting();
    server.kill('SIGKILL');
    await exited(server);
    rmSync(state, { recursive: true, force: true });
    const fresh = tempDir('ipclab-state-');
    const dry = clean(fresh, true);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(new RegExp(`would remove +shmid ${shmid} .*stale ipclab rendezvous`));
    expect(shmRowByKey(key)?.shmid).toBe(shmid);
    const r = clean(fresh);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`removed +shmid ${shmid} `));
    expect(shmRowByKey(key)).toBeUndefined();
  });
});
