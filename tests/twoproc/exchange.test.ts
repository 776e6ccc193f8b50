// ipclab serv and ipclab clnt, and each against the C programs of examples/c: the
// messages arrive byte for byte, in order, each acknowledged, and nothing is left.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { compileC, HAS_CC, ipclab, reap, segmentAt, start, tempPath, waitFor, type Proc } from './helpers.js';
import { testTempDir } from '../helpers/temp-dir.js';

const MESSAGES = ['hello, world', '你好，共享内存', '', `${'汉'.repeat(1333)}a`, 'b'.repeat(4063)];

let cdir = '';
const bins: Record<'serv' | 'clnt', string> = { serv: '', clnt: '' };

beforeAll(() => {
  if (!HAS_CC) return;
  cdir = testTempDir('ipclab-cbin-');
  bins.serv = compileC('serv', cdir);
  bins.clnt = compileC('clnt', cdir);
});
afterAll(() => {
  if (cdir) rmSync(cdir, { recursive: true, force: true });
});
afterEach(reap);

type Impl = 'ipclab' | 'c';

function server(impl: Impl, path: string, messages: string[] | null, input?: string): Proc {
  const args = ['--path', path, '--timeout', '10', ...(messages ?? []).flatMap((m) => ['--message', m])];
  return impl === 'ipclab' ? ipclab(['serv', ...args], { input: input ?? '' }) : start(bins.serv, args, { input: input ?? '' });
}

function client(impl: Impl, path: string): Proc {
  const args = ['--path', path, '--timeout', '10'];
  return impl === 'ipclab' ? ipclab(['clnt', ...args]) : start(bins.clnt, args);
}

async function exchange(servImpl: Impl, clntImpl: Impl, clientFirst: boolean) {
  const rv = tempPath();
  try {
    let c: Proc;
    let s: Proc;
    if (clientFirst) {
      c = client(clntImpl, rv.path);
      // the client retries ftok until the server makes the file
      await waitFor(() => /retrying/.test(c.stderr()), 'the client to start waiting');
      s = server(servImpl, rv.path, MESSAGES);
    } else {
      s = server(servImpl, rv.path, MESSAGES);
      await waitFor(() => segmentAt(rv.path), 'the server to create its segment');
      c = client(clntImpl, rv.path);
    }
    const [sc, cc] = await Promise.all([s.done, c.done]);
    expect({ sc, cc, serr: sc ? s.stderr() : '', cerr: cc ? c.stderr() : '' }).toEqual({ sc: 0, cc: 0, serr: '', cerr: '' });
    expect(c.stdout().equals(Buffer.from(MESSAGES.map((m) => `${m}\n`).join(''), 'utf8'))).toBe(true);
    // every message acknowledged, in order
    const acks = [...s.stderr().matchAll(/rv->ack == (\d+)/g)].map((m) => Number(m[1]));
    expect(acks).toEqual([1, 2, 3, 4, 5]);
    expect(segmentAt(rv.path)).toBeUndefined();
  } finally {
    rv.remove();
  }
}

describe('serv and clnt', () => {
  it('ipclab serv with ipclab clnt (client started first)', () => exchange('ipclab', 'ipclab', true));
  it('ipclab serv with ipclab clnt (server started first)', () => exchange('ipclab', 'ipclab', false));
  it.skipIf(!HAS_CC)('ipclab serv with the C client', () => exchange('ipclab', 'c', false));
  it.skipIf(!HAS_CC)('the C server with ipclab clnt', () => exchange('c', 'ipclab', true));
  it.skipIf(!HAS_CC)('the C server with the C client', () => exchange('c', 'c', false));

  it('reads stdin lines without their \\n or \\r\\n, bytes unchanged', async () => {
    const rv = tempPath();
    try {
      const raw = Buffer.concat([Buffer.from('first\r\nsecond\n\r\nthird\r'), Buffer.from([0xff, 0xfe]), Buffer.from('\nlast')]);
      const s = ipclab(['serv', '--path', rv.path, '--timeout', '10'], { input: raw });
      await waitFor(() => segmentAt(rv.path), 'the server to create its segment');
      const c = ipclab(['clnt', '--path', rv.path, '--timeout', '10']);
      expect(await Promise.all([s.done, c.done])).toEqual([0, 0]);
      // an empty line is a message; a \r not before \n is a byte of the message
      const want = Buffer.concat([Buffer.from('first\nsecond\n\nthird\r'), Buffer.from([0xff, 0xfe]), Buffer.from('\nlast\n')]);
      expect(c.stdout().toString('hex')).toBe(want.toString('hex'));
    } finally {
      rv.remove();
    }
  });

  it.skipIf(!HAS_CC)('the C server reads stdin lines the same way', async () => {
    const rv = tempPath();
    try {
      const s = server('c', rv.path, null, 'one\r\ntwo\n\n');
      const c = client('ipclab', rv.path);
      expect(await Promise.all([s.done, c.done])).toEqual([0, 0]);
      expect(c.stdout().toString()).toBe('one\ntwo\n\n');
    } finally {
      rv.remove();
    }
  });
});
