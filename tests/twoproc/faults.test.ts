// Every way the rendezvous can go wrong ends with a clear line, the right exit code,
// no process left and no segment left (but a foreign one, which is left untouched).
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import * as native from '../../src/native/index.js';
import { OFF, RV_MAGIC } from '../../src/proto/layout.js';
import { claimClientPid, expectNegativeClientPidRefused, ipclab, readyShmid, reap, segmentAt, start, tempPath, waitFor, type Proc } from './helpers.js';

afterEach(reap);

const seen = new Set<number>();

const many = Array.from({ length: 20000 }, (_, i) => `message ${i + 1}`).join('\n');

/** An ipclab server sending `many` and a client taking them, once the first message is through. */
async function midStream(path: string): Promise<{ s: Proc; c: Proc }> {
  const s = ipclab(['serv', '--path', path, '--timeout', '10'], { input: many });
  const c = ipclab(['clnt', '--path', path, '--timeout', '10']);
  await waitFor(() => c.stdout().includes('\n'), 'the first message');
  return { s, c };
}

function keyOf(path: string): number {
  const key = native.ftok(path, 'S'.charCodeAt(0));
  if (key.errno) throw new Error(`ftok ${path}: ${key.errno}`);
  return key.ret as number;
}

/** A segment at the path's key made by this test process, filled by `fill`. */
function plant(path: string, size: number, fill: (seg: native.Segment) => void): number {
  writeFileSync(path, '');
  const made = native.shmget(keyOf(path), size, native.IPC_CREAT | native.IPC_EXCL | 0o600);
  expect(made.errno).toBeNull();
  const shmid = made.ret as number;
  const { segment } = native.shmat(shmid);
  fill(segment!);
  native.shmdt(segment!);
  return shmid;
}

function bytesOf(shmid: number): Buffer {
  const { segment } = native.shmat(shmid, native.SHM_RDONLY);
  const bytes = segment!.read(0, segment!.size);
  native.shmdt(segment!);
  return bytes;
}

/** A pid that no longer names a process. */
function deadPid(): number {
  const r = spawnSync('true');
  expect(r.status).toBe(0);
  return r.pid;
}

describe('faults', () => {
  it('a client with no server gives up after --timeout', async () => {
    const rv = tempPath();
    const t0 = Date.now();
    const c = ipclab(['clnt', '--path', rv.path, '--timeout', '1']);
    expect(await c.done).toBe(1);
    const took = Date.now() - t0;
    expect(took).toBeGreaterThanOrEqual(1000);
    expect(took).toBeLessThan(5000);
    expect(c.stderr()).toMatch(/no server on .* within the timeout/);
    expect(c.stdout().length).toBe(0);
    rv.remove();
  });

  it('a server with no client gives up after --timeout and removes its segment', async () => {
    const rv = tempPath();
    const s = ipclab(['serv', '--path', rv.path, '--timeout', '1', '--message', 'x']);
    const seg = await waitFor(() => segmentAt(rv.path), 'the segment');
    seen.add(seg.shmid);
    expect(await s.done).toBe(1);
    expect(s.stderr()).toMatch(/no client joined within 1 s/);
    expect(segmentAt(rv.path)).toBeUndefined();
    // the rendezvous file stays by the protocol (a new file, a new key); a serv that fails ends
    // stderr with its reason (docs/PROTOCOL.md), the note on the file is for a run that went well
    expect(existsSync(rv.path)).toBe(true);
    expect(s.stderr().trimEnd().split('\n').at(-1)).toMatch(/no client joined within 1 s/);
    rv.remove();
  });

  it('a client killed -9 mid-stream: the server says so, exits 1 and removes the segment', async () => {
    const rv = tempPath();
    const { s, c } = await midStream(rv.path);
    seen.add(segmentAt(rv.path)!.shmid);
    c.child.kill('SIGSTOP'); // freeze it mid-stream, then kill it there
    expect(c.child.exitCode).toBeNull();
    c.child.kill('SIGKILL');
    expect(await s.done).toBe(1);
    expect(s.stderr()).toContain(`the client (pid ${c.pid}) is gone`);
    expect(await c.done).toBe(137);
    expect(segmentAt(rv.path)).toBeUndefined();
    rv.remove();
  });

  it('a server killed -9 mid-stream: the client exits 1; clean removes the leftover', async () => {
    const rv = tempPath();
    const { s, c } = await midStream(rv.path);
    const seg = segmentAt(rv.path)!;
    s.child.kill('SIGSTOP');
    s.child.kill('SIGKILL');
    expect(await c.done).toBe(1);
    expect(c.stderr()).toContain(`the server (pid ${s.pid}) is gone`);
    expect(await s.done).toBe(137);
    // nobody could remove it: the server was killed. `ipclab clean` knows it was ours.
    expect(segmentAt(rv.path)?.shmid).toBe(seg.shmid);
    const clean = ipclab(['clean']);
    expect(await clean.done).toBe(0);
    expect(clean.stdout().toString()).toMatch(new RegExp(`removed\\s+shmid ${seg.shmid}\\b`));
    expect(segmentAt(rv.path)).toBeUndefined();
    rv.remove();
  });

  it('a second server on the same path refuses, naming the running one', async () => {
    const rv = tempPath();
    const first = ipclab(['serv', '--path', rv.path, '--timeout', '20', '--message', 'x']);
    const shmid = await readyShmid(first, rv.path, 'the first server to be ready');
    seen.add(shmid);
    const second = ipclab(['serv', '--path', rv.path, '--timeout', '20', '--message', 'y']);
    expect(await second.done).toBe(1);
    expect(second.stderr()).toContain(`a server is already running on ${rv.path}: pid ${first.pid}`);
    expect(segmentAt(rv.path)?.shmid).toBe(shmid);
    first.child.kill('SIGTERM');
    expect(await first.done).toBe(143);
    expect(segmentAt(rv.path)).toBeUndefined();
    rv.remove();
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s to a waiting server: exit %d, segment removed', async (sig, code) => {
    const rv = tempPath();
    const s = ipclab(['serv', '--path', rv.path, '--message', 'x']);
    const shmid = await readyShmid(s, rv.path);
    s.child.kill(sig);
    expect(await s.done).toBe(code);
    expect(s.stderr()).toContain(`shmctl(${shmid}, IPC_RMID, NULL) = 0`);
    expect(segmentAt(rv.path)).toBeUndefined();
    rv.remove();
  });

  it('SIGTERM to a waiting client: exit 143, nothing written', async () => {
    const rv = tempPath();
    const c = ipclab(['clnt', '--path', rv.path, '--timeout', '20']);
    await waitFor(() => /retrying/.test(c.stderr()), 'the client to wait');
    c.child.kill('SIGTERM');
    expect(await c.done).toBe(143);
    expect(existsSync(rv.path)).toBe(false);
    rv.remove();
  });

  it('a foreign segment at the key (bad magic, or too small) is refused by both sides and left untouched', async () => {
    const rv = tempPath();
    const shmid = plant(rv.path, 4096, (seg) => {
      seg.writeUint32(OFF.magic, 0xdeadbeef);
      seg.writeText(64, 'not yours');
    });
    const before = bytesOf(shmid);
    const s = ipclab(['serv', '--path', rv.path, '--timeout', '2', '--message', 'x']);
    const c = ipclab(['clnt', '--path', rv.path, '--timeout', '2']);
    expect(await s.done).toBe(1);
    expect(await c.done).toBe(1);
    for (const p of [s, c]) expect(p.stderr()).toContain(`segment ${shmid} at this key is not an ipclab rendezvous (magic 0xDEADBEEF); left alone`);
    expect(bytesOf(shmid).equals(before)).toBe(true);
    expect(segmentAt(rv.path)?.shmid).toBe(shmid);
    expect(native.shmctlRmid(shmid).errno).toBeNull();

    const small = plant(rv.path, 64, () => {});
    const s2 = ipclab(['serv', '--path', rv.path, '--timeout', '2', '--message', 'x']);
    const c2 = ipclab(['clnt', '--path', rv.path, '--timeout', '2']);
    expect([await s2.done, await c2.done]).toEqual([1, 1]);
    for (const p of [s2, c2]) expect(p.stderr()).toContain(`segment ${small} at this key is not an ipclab rendezvous (64 bytes, not 4096)`);
    expect(bytesOf(small).equals(Buffer.alloc(64))).toBe(true);
    expect(native.shmctlRmid(small).errno).toBeNull();
    rv.remove();
  });

  it('a segment whose magic is still 0 and whose creator lives is being set up: refused', async () => {
    const rv = tempPath();
    const shmid = plant(rv.path, 4096, () => {});
    const s = ipclab(['serv', '--path', rv.path, '--timeout', '2', '--message', 'x']);
    expect(await s.done).toBe(1);
    expect(s.stderr()).toContain(`segment ${shmid} at this key is being set up by pid ${process.pid}`);
    expect(bytesOf(shmid).equals(Buffer.alloc(4096))).toBe(true);
    expect(native.shmctlRmid(shmid).errno).toBeNull();
    rv.remove();
  });

  it('a stale rendezvous (its server gone, made by our uid) is taken over, saying so', async () => {
    const rv = tempPath();
    const gone = deadPid();
    const stale = plant(rv.path, 4096, (seg) => {
      seg.writeInt32(OFF.server_pid, gone);
      seg.writeUint32(OFF.magic, RV_MAGIC);
    });
    const s = ipclab(['serv', '--path', rv.path, '--timeout', '10', '--message', 'after takeover']);
    const c = ipclab(['clnt', '--path', rv.path, '--timeout', '10']);
    expect(await Promise.all([s.done, c.done])).toEqual([0, 0]);
    expect(s.stderr()).toContain(`taking over: segment ${stale} is stale (its server, pid ${gone}, is gone)`);
    expect(s.stderr()).toContain(`shmctl(${stale}, IPC_RMID, NULL) = 0`);
    expect(c.stdout().toString()).toBe('after takeover\n');
    expect(native.readSegments().some((r) => r.shmid === stale)).toBe(false);
    expect(segmentAt(rv.path)).toBeUndefined();
    rv.remove();
  });

  it('a second client while one is in session exits 1; a silent client times the server out', async () => {
    const rv = tempPath();
    const s = ipclab(['serv', '--path', rv.path, '--timeout', '1.5', '--message', 'x']);
    const shmid = await readyShmid(s, rv.path);
    // a "client" that claims the field and never answers: it ignores SIGUSR2
    const mute = start('sh', ['-c', 'trap "" USR2; exec sleep 30']);
    expect(claimClientPid(shmid, mute.pid)).toBe(0);
    const late = ipclab(['clnt', '--path', rv.path, '--timeout', '2']);
    expect(await late.done).toBe(1);
    expect(late.stderr()).toContain(`another client (pid ${mute.pid}) is in session with server ${s.pid}`);
    expect(await s.done).toBe(1);
    expect(s.stderr()).toContain(`the client (pid ${mute.pid}) did not acknowledge message 1 within 1.5 s`);
    expect(segmentAt(rv.path)).toBeUndefined();
    mute.child.kill('SIGKILL');
    rv.remove();
  });

  it.each([
    ['a message over 4063 bytes', ['--message', 'x'.repeat(4064)], undefined, /message 1 has 4064 bytes; at most 4063 fit/],
    ['a message holding a newline', ['--message', 'ok', '--message', 'a\nb'], undefined, /message 2 holds a newline/],
    ['a line holding a NUL', [], 'fine\nbad\0line\n', /message 2 holds a NUL byte/],
    ['an empty stdin', [], '', /no messages to send/],
  ])('%s is refused with exit 2 before anything is made', async (_what, args, input, why) => {
    const rv = tempPath();
    const s = ipclab(['serv', '--path', rv.path, ...args], { input: input ?? '' });
    expect(await s.done).toBe(2);
    expect(s.stderr()).toMatch(why);
    expect(s.stderr().trim().split('\n')).toHaveLength(1);
    expect(existsSync(rv.path)).toBe(false);
    rv.remove();
  });

  it('Ctrl-C to the server mid-stream: exit 130, segment removed; the client exits 1', async () => {
    const rv = tempPath();
    const { s, c } = await midStream(rv.path);
    seen.add(segmentAt(rv.path)!.shmid);
    s.child.kill('SIGINT');
    expect(await s.done).toBe(130);
    // the note on the rendezvous file comes right before the signal's line (then the cleanup's calls)
    const lines = s.stderr().split('\n');
    const said = lines.findIndex((l) => /SIGINT: removing the segment and leaving/.test(l));
    expect(said).toBeGreaterThan(0);
    expect(lines[said - 1]).toMatch(/^ipclab serv: left the rendezvous file /);
    expect(await c.done).toBe(1);
    expect(c.stderr()).toContain(`the server (pid ${s.pid}) is gone`);
    expect(segmentAt(rv.path)).toBeUndefined();
    rv.remove();
  });

  it('a negative client_pid is refused without signalling anyone', async () => {
    const rv = tempPath();
    const s = ipclab(['serv', '--path', rv.path, '--timeout', '5', '--message', 'x']);
    await expectNegativeClientPidRefused(s, rv.path, 'the server to be ready');
    rv.remove();
  });

  it('the default path: $XDG_RUNTIME_DIR/ipclab/rendezvous, folder 0700 and file 0600 made by the server', async () => {
    const run = tempPath();
    const env = { XDG_RUNTIME_DIR: run.dir };
    const c = ipclab(['clnt', '--timeout', '10'], { env });
    const s = ipclab(['serv', '--timeout', '10', '--message', 'by default'], { env });
    expect(await Promise.all([s.done, c.done])).toEqual([0, 0]);
    expect(c.stdout().toString()).toBe('by default\n');
    expect(statSync(join(run.dir, 'ipclab')).mode & 0o777).toBe(0o700);
    expect(statSync(join(run.dir, 'ipclab', 'rendezvous')).mode & 0o777).toBe(0o600);
    // a run that went well says, last, that the file stays and how to remove it
    const file = join(run.dir, 'ipclab', 'rendezvous');
    expect(s.stderr().trimEnd().split('\n').at(-1)).toBe(`ipclab serv: left the rendezvous file ${file} for the next run (ftok makes the key from its inode: a new file would give a new key); rm ${file} removes it`);
    run.remove();
  });

  it('without XDG_RUNTIME_DIR: ${TMPDIR}/ipclab-<uid>/rendezvous; a folder there that is not ours is refused', async () => {
    const tmp = tempPath();
    const env = { XDG_RUNTIME_DIR: '', TMPDIR: tmp.dir };
    const c = ipclab(['clnt', '--timeout', '10'], { env });
    const s = ipclab(['serv', '--timeout', '10', '--message', 'in TMPDIR'], { env });
    expect(await Promise.all([s.done, c.done])).toEqual([0, 0]);
    expect(c.stdout().toString()).toBe('in TMPDIR\n');
    expect(existsSync(join(tmp.dir, `ipclab-${process.getuid!()}`, 'rendezvous'))).toBe(true);
    // someone planted a link where our folder would be: refused, nothing made
    const other = tempPath();
    mkdirSync(join(other.dir, 'elsewhere'));
    symlinkSync(join(other.dir, 'elsewhere'), join(other.dir, `ipclab-${process.getuid!()}`));
    const refused = ipclab(['serv', '--timeout', '1', '--message', 'x'], { env: { XDG_RUNTIME_DIR: '', TMPDIR: other.dir } });
    expect(await refused.done).toBe(1);
    expect(refused.stderr()).toContain('is not a folder of yours');
    expect(existsSync(join(other.dir, 'elsewhere', 'rendezvous'))).toBe(false);
    tmp.remove();
    other.remove();
  });

  it.each([
    ['seq jumps', (seg: native.Segment) => seg.writeUint32(OFF.seq, 2), 'rv->seq jumped from 0 to 2'],
    ['len is over 4063', (seg: native.Segment) => (seg.writeUint32(OFF.len, 5000), seg.writeUint32(OFF.seq, 1)), 'rv->len is 5000, over 4063'],
  ] as const)('a server whose %s is not following the protocol: the client exits 1', async (_what, breakIt, why) => {
    const rv = tempPath();
    // a stand-in server that is alive but ignores SIGUSR2; the test writes its fields
    const fake = start('sh', ['-c', 'trap "" USR2; exec sleep 30']);
    const shmid = plant(rv.path, 4096, (seg) => {
      seg.writeInt32(OFF.server_pid, fake.pid);
      seg.writeUint32(OFF.magic, RV_MAGIC);
    });
    const c = ipclab(['clnt', '--path', rv.path, '--timeout', '5']);
    const { segment } = native.shmat(shmid);
    await waitFor(() => segment!.readInt32(OFF.client_pid) === c.pid, 'the client to claim client_pid');
    breakIt(segment!);
    expect(await c.done).toBe(1);
    expect(c.stderr()).toContain(why);
    expect(c.stdout().length).toBe(0);
    native.shmdt(segment!);
    expect(native.shmctlRmid(shmid).errno).toBeNull();
    fake.child.kill('SIGKILL');
    rv.remove();
  });

  it('a client whose stdout is closed says so and exits 1; the server then exits 1 too', async () => {
    const rv = tempPath();
    const { s, c } = await midStream(rv.path);
    c.child.stdout!.destroy();
    expect(await c.done).toBe(1);
    expect(c.stderr()).toContain('stdout is closed');
    expect(await s.done).toBe(1);
    expect(segmentAt(rv.path)).toBeUndefined();
    rv.remove();
  });

  it('clean afterwards finds nothing of ours', async () => {
    const clean = ipclab(['clean', '--dry-run']);
    expect(await clean.done).toBe(0);
    const out = clean.stdout().toString();
    for (const shmid of seen) expect(out).not.toMatch(new RegExp(`would remove\\s+shmid ${shmid}\\b`));
    for (const shmid of seen) expect(native.readSegments().some((r) => r.shmid === shmid)).toBe(false);
  });
});
