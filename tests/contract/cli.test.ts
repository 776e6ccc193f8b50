// The command line as scripts see it (docs/PROTOCOL.md "The command line"): exit codes, the
// one-line errors with the usage, and the JSON of run, ipcs and lessons.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { HAS_CC, ipclab, reap, start, tempPath, waitFor } from '../twoproc/helpers.js';
import { LESSONS } from '../../src/lessons/index.js';
import { compilePeers, type Peers } from './peers.js';
import { checkRun } from './schema.js';

afterEach(reap);

async function cli(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const p = ipclab(args, { input });
  const code = await p.done;
  return { code, stdout: p.stdout().toString(), stderr: p.stderr() };
}

describe('bad arguments: one line naming the problem, then the usage; exit 2', () => {
  it.each([
    [['serv', '--timeout', '-1'], "--timeout takes a number of seconds above 0, not '-1'", 'ipclab serv'],
    [['serv', '--timeout'], 'option --timeout needs a value', 'ipclab serv'],
    [['clnt', '--timeout', '0'], "--timeout takes a number of seconds above 0, not '0'", 'ipclab clnt'],
    [['clnt', '--timeout', 'abc'], "--timeout takes a number of seconds above 0, not 'abc'", 'ipclab clnt'],
    [['clnt', '--path', ''], '--path takes the path of a file, not an empty string', 'ipclab clnt'],
    [['clnt', '--message', 'a'], "option --message does not apply to 'clnt'", 'ipclab clnt'],
    [['serv', 'extra'], "unexpected argument 'extra'", 'ipclab serv'],
    [['lessons', '--json=1'], 'option --json takes no value', 'ipclab lessons'],
    [['ipcs', '--bogus'], "unknown option '--bogus'", 'ipclab ipcs'],
    [['run'], "'run' needs ID", 'ipclab run'],
    [['run', 'ftok', 'extra'], "unexpected argument 'extra'", 'ipclab run'],
    [['--lang', 'fr', 'lessons'], "--lang takes zh or en, not 'fr'", 'ipclab lessons'],
    [['bogus'], "unknown command 'bogus'", 'ipclab [COMMAND]'],
  ])('ipclab %j', async (args, problem, usage) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    expect(lines).toHaveLength(3); // two lines and the final newline
    expect(lines[0]).toBe(`ipclab: ${problem}`);
    expect(lines[1].startsWith(`usage: ${usage}`)).toBe(true);
  });

  it('an option value may start with a dash, as getopt takes it (--message -1)', async () => {
    const rv = tempPath();
    try {
      const s = ipclab(['serv', '--path', rv.path, '--timeout', '10', '--message', '-1', '--message', '-- not an option --']);
      const c = ipclab(['clnt', '--path', rv.path, '--timeout', '10']);
      expect(await Promise.all([s.done, c.done])).toEqual([0, 0]);
      expect(c.stdout().toString()).toBe('-1\n-- not an option --\n');
    } finally {
      rv.remove();
    }
  });

  it('--help and --version: exit 0 on stdout', async () => {
    const version = await cli(['--version']);
    expect(version).toMatchObject({ code: 0, stderr: '' });
    expect(version.stdout).toMatch(/^ipclab \d+\.\d+\.\d+\n$/);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const usage of ['ipclab serv [--path P] [--message TEXT]... [--timeout S]', 'ipclab clnt [--path P] [--timeout S]', 'ipclab run ID [--json]']) expect(help.stdout).toContain(usage);
    expect(await cli(['serv', '--help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage: ipclab serv \[--path P\]/) });
  });
});

const LESSON_IDS = LESSONS.map((l) => l.id);
const SEGMENT_KEYS = ['key', 'shmid', 'owner', 'perms', 'size', 'nattch', 'cpid', 'lpid', 'status', 'atime', 'dtime', 'ctime', 'ours'];

/** A segment object exactly as docs/PROTOCOL.md lists its fields. */
function expectSegment(s: Record<string, unknown>): void {
  expect(Object.keys(s)).toEqual(SEGMENT_KEYS);
  expect(s.key).toMatch(/^0x[0-9a-f]{8}$/);
  expect(s.perms).toMatch(/^[0-7]{3}$/);
  for (const k of ['shmid', 'size', 'nattch', 'cpid', 'lpid', 'atime', 'dtime', 'ctime']) expect(Number.isInteger(s[k]), k).toBe(true);
  expect(typeof s.owner).toBe('string');
  expect(Array.isArray(s.status) && (s.status as unknown[]).every((x) => typeof x === 'string')).toBe(true);
  expect(typeof s.ours).toBe('boolean');
}

describe('JSON for scripts', () => {
  it('lessons --json: the lessons in order, titles in both languages', async () => {
    const r = await cli(['lessons', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; title: { en: string; zh: string }; diagrams: string[] }[];
    expect(list.map((l) => l.id)).toEqual(LESSON_IDS);
    for (const l of list) expect(l.title.en.length * l.title.zh.length).toBeGreaterThan(0);
    // each lesson's diagrams by name, each one `ipclab diagram NAME` draws
    expect(Object.fromEntries(list.map((l) => [l.id, l.diagrams]))).toMatchObject({ shmat: ['shmat-map', 'shmat-inherit'], 'serv-clnt': ['serv-clnt-1', 'serv-clnt-2', 'serv-clnt-3', 'serv-clnt-c1', 'serv-clnt-c2'] });
    for (const l of list) expect(l.diagrams.length, l.id).toBeGreaterThan(0);
  });

  // all at once, the race's rounds among them: on a loaded machine that takes a while
  it('run ID --json, every lesson: one JSON object a line, call and state lines as docs/PROTOCOL.md shows, last {"type":"end","ok":true,"leaked":[]}', { timeout: 120_000 }, async () => {
    const runs = await Promise.all(LESSON_IDS.map((id) => cli(['run', id, '--json'])));
    runs.forEach((r, i) => {
      expect({ id: LESSON_IDS[i], code: r.code, stderr: r.stderr }).toEqual({ id: LESSON_IDS[i], code: 0, stderr: '' });
      // every line against docs/PROTOCOL.md's description (tests/contract/schema.ts)
      expect(checkRun(r.stdout, LESSON_IDS[i])).toEqual([]);
      expect(r.stdout.endsWith('\n')).toBe(true);
      const objects = r.stdout.slice(0, -1).split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      for (const o of objects) expect(typeof o.type).toBe('string');
      const calls = objects.filter((o) => o.type === 'call');
      expect(calls.length).toBeGreaterThan(0);
      for (const c of calls) {
        // the fields docs/PROTOCOL.md shows come first, in its order
        expect(Object.keys(c).slice(0, 6)).toEqual(['type', 'pid', 'call', 'c', 'ret', 'errno']);
        expect(Number.isInteger(c.pid)).toBe(true);
        expect(String(c.c).startsWith(`${c.call}(`)).toBe(true);
        expect(c.errno === null || /^E[A-Z0-9]+$/.test(String(c.errno))).toBe(true);
      }
      const states = objects.filter((o) => o.type === 'state');
      expect(states.length).toBeGreaterThan(0);
      for (const s of states) {
        expect(Object.keys(s)).toEqual(['type', 'segments']);
        for (const seg of s.segments as Record<string, unknown>[]) expectSegment(seg);
      }
      expect(objects.at(-1)).toEqual({ type: 'end', ok: true, leaked: [] });
      expect(objects.filter((o) => o.type === 'end')).toHaveLength(1);
    });
    // docs/PROTOCOL.md's example line
    const shmget = runs[1].stdout.split('\n').map((l) => (l ? JSON.parse(l) : null)).find((o) => o?.type === 'call');
    expect(shmget).toMatchObject({ type: 'call', call: 'shmget', c: 'shmget(IPC_PRIVATE, 4096, 0600)', errno: null });
    expect(Number.isInteger(shmget.ret) && shmget.ret >= 0).toBe(true);
  });
});

const HAS_LSIPC = spawnSync('lsipc', ['--version']).status === 0;

describe.skipIf(!HAS_CC || !HAS_LSIPC)('ipcs --json agrees with lsipc -m --json', () => {
  let peers: Peers | null = null;
  beforeAll(() => {
    peers = compilePeers();
  });
  afterAll(() => peers?.remove());

  it('field by field, for segments of several kinds (odd size, 0640, dest, locked)', async () => {
    const hold = start(peers!.bin.hold, []);
    try {
      const ids = (await waitFor(() => /^[\d ]+\n/.exec(hold.stdout().toString())?.[0], 'the segments'))
        .trim()
        .split(' ')
        .map(Number);
      const ours = await cli(['ipcs', '--json']);
      const lsipc = spawnSync('lsipc', ['-m', '--json', '-b', '--numeric-perms', '--time-format=iso', '-o', 'KEY,ID,OWNER,PERMS,SIZE,NATTCH,STATUS,CTIME,ATTACH,DETACH,CPID,LPID'], { encoding: 'utf8' });
      expect(ours.code).toBe(0);
      const mine = (JSON.parse(ours.stdout) as { segments: Record<string, unknown>[] }).segments;
      mine.forEach(expectSegment);
      const theirs = (JSON.parse(lsipc.stdout) as { sharedmemory: Record<string, string | null>[] }).sharedmemory;
      const epoch = (t: string | null) => (t ? Math.floor(Date.parse(t) / 1000) : 0);
      for (const id of ids) {
        const l = theirs.find((s) => Number(s.id) === id)!;
        expect(l, `lsipc lists ${id}`).toBeDefined();
        expect(mine.find((s) => s.shmid === id)).toEqual({
          key: l.key,
          shmid: id,
          owner: l.owner,
          perms: l.perms!.replace(/^0(?=\d{3}$)/, ''),
          size: Number(l.size),
          nattch: Number(l.nattch),
          cpid: Number(l.cpid),
          lpid: Number(l.lpid),
          status: l.status ? l.status.split(',') : [],
          atime: epoch(l.attach),
          dtime: epoch(l.detach),
          ctime: epoch(l.ctime),
          ours: false,
        });
      }
      // the kinds the peer made are all there
      expect(mine.find((s) => s.shmid === ids[2])!.status).toContain('dest');
      expect(mine.find((s) => s.shmid === ids[1])).toMatchObject({ perms: '640', size: 100000 });
    } finally {
      hold.child.stdin!.end();
      expect(await hold.done).toBe(0);
    }
  });
});
