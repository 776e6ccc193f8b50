// The rendezvous as a wire contract: `ipclab serv` and `ipclab clnt` against C peers
// written from the protocol text alone, now docs/PROTOCOL.md (tests/contract/peers), including the legal variations
// an outside programmer may choose and the ways a peer can fail.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import * as native from '../../src/native/index.js';
import { BIN, HAS_CC, ipclab, reap, segmentAt, start, tempPath, waitFor, type Proc } from '../twoproc/helpers.js';
import { compilePeers, type Peers } from './peers.js';

let peers: Peers | null = null;
beforeAll(() => {
  peers = compilePeers();
});
afterAll(() => peers?.remove());
afterEach(reap);

const cserv = (path: string, args: string[]) => start(peers!.bin.serv, ['-p', path, ...args]);
const cclnt = (path: string, args: string[] = []) => start(peers!.bin.clnt, ['-p', path, ...args]);
const serv = (path: string, args: string[], input: Buffer | string = '') => ipclab(['serv', '--path', path, ...args], { input });
const clnt = (path: string, args: string[] = ['--timeout', '10']) => ipclab(['clnt', '--path', path, ...args]);

const lines = (messages: (string | Buffer)[]) => Buffer.concat(messages.flatMap((m) => [Buffer.from(m), Buffer.from('\n')]));
const numbered = (n: number) => Array.from({ length: n }, (_, i) => `m${i + 1}`);

/** Every byte 0x01-0xFF but '\n', UTF-8 Chinese, an empty line, and the longest message. */
const ALL_BYTES = Buffer.from(Array.from({ length: 255 }, (_, i) => i + 1).filter((b) => b !== 0x0a));
const ODD_MESSAGES = [ALL_BYTES, Buffer.from('中文消息：你好，世界'), Buffer.alloc(0), Buffer.alloc(4063, 'x')];

/** A segment's bytes read without writing (SHM_RDONLY). */
function bytesOf(shmid: number, size: number): Buffer {
  const { segment } = native.shmat(shmid, native.SHM_RDONLY);
  const bytes = segment!.read(0, size);
  native.shmdt(segment!);
  return bytes;
}

/** Leaves a segment at the key as a crashed or foreign program would: [shmid, server_pid]. */
function mkseg(path: string, size: number, magic: string, serverPid: number): [number, number] {
  const r = spawnSync(peers!.bin.mkseg, [path, String(size), magic, String(serverPid)], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const [id, pid] = r.stdout.trim().split(' ').map(Number);
  return [id, pid];
}

function removeAt(path: string): void {
  const seg = segmentAt(path);
  if (seg) native.shmctlRmid(seg.shmid);
}

async function both(s: Proc, c: Proc): Promise<[number, number]> {
  return Promise.all([s.done, c.done]);
}

describe.skipIf(!HAS_CC)('ipclab against independent C peers', () => {
  it('C server -> ipclab clnt started before the file exists: every byte but \\n, Chinese, an empty line, 4063 bytes', async () => {
    const rv = tempPath();
    try {
      const c = clnt(rv.path);
      await waitFor(() => /retrying/.test(c.stderr()), 'the client to wait for the file');
      expect(existsSync(rv.path)).toBe(false);
      const file = join(rv.dir, 'messages');
      writeFileSync(file, lines(ODD_MESSAGES));
      const s = cserv(rv.path, ['-f', file]);
      expect(await both(s, c)).toEqual([0, 0]);
      expect(c.stdout().equals(lines(ODD_MESSAGES))).toBe(true);
      // stdout holds only the messages; the trace went to stderr
      expect(c.stderr()).toContain('rv->ack = 4');
      expect(segmentAt(rv.path)).toBeUndefined();
    } finally {
      rv.remove();
    }
  });

  it('ipclab serv (stdin, \\n and \\r\\n lines) -> C client started first: the same bytes arrive unchanged', async () => {
    const rv = tempPath();
    try {
      const c = cclnt(rv.path);
      const input = Buffer.concat([ALL_BYTES, Buffer.from('\r\n'), ODD_MESSAGES[1], Buffer.from('\n\r\n'), ODD_MESSAGES[3]]);
      const s = serv(rv.path, ['--timeout', '10'], input);
      expect(await both(s, c)).toEqual([0, 0]);
      expect(c.stdout().equals(lines(ODD_MESSAGES))).toBe(true);
      expect(segmentAt(rv.path)).toBeUndefined();
    } finally {
      rv.remove();
    }
  });

  it('--message bytes that are not UTF-8 pass through unchanged too (Node would make them U+FFFD)', async () => {
    const rv = tempPath();
    try {
      const c = cclnt(rv.path);
      // the shell hands the raw bytes over; a Node spawn could only pass UTF-8
      const script = `exec "$0" "$1" serv --path "$2" --timeout 10 --message "$(printf 'a\\377b')" --message="$(printf '\\344\\270')" --message 中`;
      const s = start('/bin/sh', ['-c', script, process.execPath, BIN, rv.path]);
      expect(await both(s, c)).toEqual([0, 0]);
      expect(c.stdout().equals(lines([Buffer.from([0x61, 0xff, 0x62]), Buffer.from([0xe4, 0xb8]), '中']))).toBe(true);
    } finally {
      rv.remove();
    }
  });

  it.each([1, 200])('%i message(s) each way', async (n) => {
    const rv = tempPath();
    try {
      const s1 = cserv(rv.path, ['-n', String(n)]);
      const c1 = clnt(rv.path);
      expect(await both(s1, c1)).toEqual([0, 0]);
      expect(c1.stdout().toString()).toBe(lines(numbered(n)).toString());
      const c2 = cclnt(rv.path);
      const s2 = serv(rv.path, ['--timeout', '10'], lines(numbered(n)));
      expect(await both(s2, c2)).toEqual([0, 0]);
      expect(c2.stdout().toString()).toBe(lines(numbered(n)).toString());
      expect(segmentAt(rv.path)).toBeUndefined();
    } finally {
      rv.remove();
    }
  });

  // each wait re-reads the fields; a signal only wakes: more, fewer or late signals change nothing
  it.each([
    ['flags, len and data written in another order', ['-o', '1'], ['--timeout', '10']],
    ['five wake-ups per message and a goodbye after the last ack', ['-k', '5', '-F'], ['--timeout', '10']],
    ['no wake-ups at all (the client polls)', ['-k', '0'], ['--timeout', '10']],
    ['messages 300 ms apart, each within a 0.5 s timeout (the timeout is per message)', ['-d', '300'], ['--timeout', '0.5']],
    ['SIGUSR2 non-stop for 300 ms after the last ack', ['-Z', '300'], ['--timeout', '10']],
  ])('C server: %s', async (_what, servArgs, clntArgs) => {
    const rv = tempPath();
    try {
      const s = cserv(rv.path, ['-n', '4', ...servArgs]);
      const c = clnt(rv.path, clntArgs);
      expect(await both(s, c)).toEqual([0, 0]);
      expect(c.stdout().toString()).toBe(lines(numbered(4)).toString());
    } finally {
      rv.remove();
    }
  });

  it.each([
    ['acks 300 ms late, each within a 0.5 s timeout', ['-a', '300'], '0.5'],
    ['five wake-ups per ack', ['-k', '5'], '10'],
    ['no wake-up after the last ack', ['-N'], '10'],
    ['detaches before its last wake-up', ['-D'], '10'],
    ['SIGUSR2 non-stop for 300 ms after it detached', ['-Z', '300'], '10'],
  ])('C client: %s', async (_what, clntArgs, timeout) => {
    const rv = tempPath();
    try {
      const c = cclnt(rv.path, clntArgs);
      const s = serv(rv.path, ['--timeout', timeout, ...numbered(4).flatMap((m) => ['--message', m])]);
      expect(await both(s, c)).toEqual([0, 0]);
      expect(c.stdout().toString()).toBe(lines(numbered(4)).toString());
      expect(segmentAt(rv.path)).toBeUndefined();
    } finally {
      rv.remove();
    }
  });

  it('a client that spins on seq and leaves right after its last ack: the server\'s wake-up gets ESRCH, which is no error', async () => {
    // the race is narrow (between the server's seq and its kill): many short exchanges, 6 at once,
    // each at a key of its own (ftok keeps 16 bits of the inode: distinct files can collide, E7)
    const taken = new Set(native.readSegments().map((seg) => seg.key));
    const paths: ReturnType<typeof tempPath>[] = [];
    const spare: ReturnType<typeof tempPath>[] = [];
    try {
      while (paths.length < 36) {
        const rv = tempPath();
        writeFileSync(rv.path, '', { mode: 0o600 });
        const key = native.formatKey(native.ftok(rv.path, 'S'.charCodeAt(0)).ret as number);
        (taken.has(key) ? spare : paths).push(rv); // a colliding file stays until the end, so its inode is not reused
        taken.add(key);
      }
      for (let i = 0; i < paths.length; i += 6) {
        const results = await Promise.all(
          paths.slice(i, i + 6).map(async (rv) => {
            const c = cclnt(rv.path, ['-s', '-N']);
            const s = serv(rv.path, ['--timeout', '10', '--message', 'only']);
            const codes = await both(s, c);
            return { codes, out: c.stdout().toString(), why: codes[0] ? s.stderr().split('\n').slice(-3).join('\n') : '' };
          }),
        );
        for (const r of results) expect(r).toEqual({ codes: [0, 0], out: 'only\n', why: '' });
      }
    } finally {
      for (const rv of [...paths, ...spare]) rv.remove();
    }
  });

  it('a client that leaves without an ack, or right after its claim: ipclab serv exits 1 and removes the segment', async () => {
    for (const args of [['-q', '1'], ['-c']]) {
      const rv = tempPath();
      try {
        const c = cclnt(rv.path, args);
        const s = serv(rv.path, ['--timeout', '10', '--message', 'a', '--message', 'b']);
        expect(await both(s, c)).toEqual([1, 0]);
        expect(s.stderr()).toMatch(new RegExp(`ipclab serv: the client \\(pid ${c.pid}\\) is gone\\n$`));
        expect(segmentAt(rv.path)).toBeUndefined();
      } finally {
        rv.remove();
      }
    }
  });

  it('a server that dies, skips a seq, claims len 4064 or goes silent: ipclab clnt exits 1', async () => {
    const cases: [string[], string[], RegExp][] = [
      [['-n', '3', '-X', '1'], ['--timeout', '10'], /the server \(pid \d+\) is gone\n$/],
      [['-n', '3', '-J'], ['--timeout', '10'], /rv->seq jumped from 1 to 3: the server does not follow the protocol\n$/],
      [['-n', '3', '-L'], ['--timeout', '10'], /rv->len is 4064, over 4063: the server does not follow the protocol\n$/],
      [['-n', '2', '-d', '2000', '-t', '3'], ['--timeout', '0.3'], /sent nothing within 0\.3 s\n$/],
    ];
    for (const [servArgs, clntArgs, why] of cases) {
      const rv = tempPath();
      try {
        const s = cserv(rv.path, servArgs);
        await waitFor(() => /ready/.test(s.stderr()), 'the C server');
        const c = clnt(rv.path, clntArgs);
        expect(await c.done).toBe(1);
        expect(c.stderr()).toMatch(why);
        expect(c.stdout().toString()).toBe('m1\n');
        await s.done;
      } finally {
        removeAt(rv.path); // the C server that died left its segment
        rv.remove();
      }
    }
  });

  it('a segment of another program at the key (other magic, or under 4096 bytes) is refused by both sides and left byte for byte', async () => {
    for (const [size, magic, why] of [[4096, 'deadbeef', 'magic 0xDEADBEEF'], [1024, '4c425631', '1024 bytes, not 4096']] as const) {
      const rv = tempPath();
      try {
        const [id] = mkseg(rv.path, size, magic, 1);
        const before = bytesOf(id, size);
        const s = serv(rv.path, ['--timeout', '1', '--message', 'x']);
        const c = clnt(rv.path, ['--timeout', '1']);
        const codes = await both(s, c);
        expect({ codes, serv: s.stderr(), clnt: c.stderr() }).toMatchObject({ codes: [1, 1] });
        for (const p of [s, c]) expect(p.stderr()).toMatch(new RegExp(`segment ${id} at this key is not an ipclab rendezvous \\(${why}\\); left alone\\n$`));
        expect(bytesOf(id, size).equals(before)).toBe(true);
        expect(segmentAt(rv.path)?.shmid).toBe(id);
      } finally {
        removeAt(rv.path);
        rv.remove();
      }
    }
  });

  it('a stale rendezvous (its server gone) is taken over, naming the old shmid and pid; a client waiting on it joins the new one', async () => {
    for (const clientImpl of ['ipclab', 'c'] as const) {
      const rv = tempPath();
      try {
        const [oldId, oldPid] = mkseg(rv.path, 4096, '4c425631', -1);
        const c = clientImpl === 'ipclab' ? clnt(rv.path) : cclnt(rv.path);
        if (clientImpl === 'ipclab') await waitFor(() => /is gone: waiting for a new server/.test(c.stderr()), 'the client to wait on the stale segment');
        const s = serv(rv.path, ['--timeout', '10', '--message', 'after takeover']);
        expect(await both(s, c)).toEqual([0, 0]);
        expect(s.stderr()).toMatch(new RegExp(`segment ${oldId} is stale \\(its server, pid ${oldPid}, is gone\\)`));
        expect(s.stderr()).toContain(`shmctl(${oldId}, IPC_RMID, NULL) = 0`);
        expect(c.stdout().toString()).toBe('after takeover\n');
        expect(native.readSegments().some((seg) => seg.shmid === oldId)).toBe(false);
        expect(segmentAt(rv.path)).toBeUndefined();
      } finally {
        removeAt(rv.path);
        rv.remove();
      }
    }
  });

  it('a second server exits 1 naming the running one; a second client exits 1 naming the one in session', async () => {
    const rv = tempPath();
    try {
      const s = cserv(rv.path, ['-n', '1']);
      await waitFor(() => /ready/.test(s.stderr()), 'the C server');
      const id = segmentAt(rv.path)!.shmid;
      const header = bytesOf(id, 32);
      const second = serv(rv.path, ['--timeout', '1', '--message', 'x']);
      expect(await second.done).toBe(1);
      expect(second.stderr()).toMatch(new RegExp(`a server is already running on .*: pid ${s.pid} \\(segment ${id}\\)\\n$`));
      expect(bytesOf(id, 32).equals(header)).toBe(true);
      const holder = cclnt(rv.path, ['-a', '2000']);
      await waitFor(() => /joined/.test(holder.stderr()), 'the first client to join');
      const c = clnt(rv.path, ['--timeout', '1']);
      expect(await c.done).toBe(1);
      expect(c.stderr()).toMatch(new RegExp(`another client \\(pid ${holder.pid}\\) is in session with server ${s.pid}\\n$`));
      expect(await both(s, holder)).toEqual([0, 0]);
    } finally {
      rv.remove();
    }
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s mid-session: ipclab serv and ipclab clnt exit %i; the segment is removed', async (sig, code) => {
    const rv = tempPath();
    try {
      const c = cclnt(rv.path, ['-a', '5000']);
      const s = serv(rv.path, ['--timeout', '10', '--message', 'a', '--message', 'b']);
      await waitFor(() => /kill\(\d+, SIGUSR2\) = 0/.test(s.stderr()), 'the first message to go out');
      s.child.kill(sig);
      expect(await s.done).toBe(code);
      expect(segmentAt(rv.path)).toBeUndefined();
      expect(await c.done).toBe(1);

      const s2 = cserv(rv.path, ['-n', '2', '-d', '5000']);
      const c2 = clnt(rv.path);
      await waitFor(() => /rv->ack = 1/.test(c2.stderr()), 'the first message to arrive');
      c2.child.kill(sig);
      expect(await c2.done).toBe(code);
      expect(c2.stderr()).toContain(`ipclab clnt: ${sig}: detaching and leaving`);
      expect(await s2.done).toBe(1); // the C server finds its client gone and removes the segment
      expect(segmentAt(rv.path)).toBeUndefined();
    } finally {
      removeAt(rv.path);
      rv.remove();
    }
  });
});

describe('the default rendezvous path', () => {
  it('folder 0700 and file 0600 even under a umask that would take bits away (umask 277)', async () => {
    const rv = tempPath();
    try {
      const s = start('/bin/sh', ['-c', 'umask 277; exec "$0" "$1" serv --timeout 0.2 --message x', process.execPath, BIN], { env: { XDG_RUNTIME_DIR: rv.dir } });
      expect(await s.done).toBe(1); // nobody joined
      expect(statSync(join(rv.dir, 'ipclab')).mode & 0o777).toBe(0o700);
      expect(statSync(join(rv.dir, 'ipclab', 'rendezvous')).mode & 0o777).toBe(0o600);
    } finally {
      rv.remove();
    }
  });
});

describe('ipclab serv refuses bad input before doing anything (exit 2)', () => {
  it.each([
    ['a message of 4064 bytes', ['--message', 'y'.repeat(4064)], '', /message 1 has 4064 bytes; at most 4063/],
    ['4065 bytes of UTF-8', ['--message', '中'.repeat(1355)], '', /message 1 has 4065 bytes/],
    ['a newline inside --message', ['--message', 'a\nb'], '', /message 1 holds a newline/],
    ['a NUL byte in a stdin line', [], 'ok\na\0b\n', /message 2 holds a NUL byte/],
    ['an over-long stdin line', [], `${'z'.repeat(5000)}\n`, /message 1 has 5000 bytes/],
    ['an empty message list (empty stdin)', [], '', /no messages to send/],
  ])('%s', async (_what, args, input, why) => {
    const rv = tempPath();
    try {
      const s = serv(rv.path, ['--timeout', '1', ...args], input);
      expect(await s.done).toBe(2);
      expect(s.stderr()).toMatch(why);
      expect(s.stderr().trimEnd().split('\n')).toHaveLength(1);
      expect(existsSync(rv.path)).toBe(false);
    } finally {
      rv.remove();
    }
  });
});
