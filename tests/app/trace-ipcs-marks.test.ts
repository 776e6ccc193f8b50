// Every ipcs listing the Trace shows marks whose each row is (class 15: msg 1's `ipcs -q -p` rows
// stood unmarked under `ipcs -q`'s marked one): real util-linux output of each kind and option,
// with this lesson's object and someone else's (ipcmk) listed together.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryLines } from '../../src/app/components/trace-view.js';
import { lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import type { ListingOwners } from '../../src/app/components/marks.js';
import type { TraceEntry } from '../../src/lessons/types.js';
import { IPC_CREAT, IPC_PRIVATE, msgctlRmid, msgget, semctlRmid, semget, shmctlRmid, shmget } from '../../src/native/index.js';

type Kind = 'shm' | 'msg' | 'sem';
const FLAG = { shm: '-m', msg: '-q', sem: '-s' } as const;
const ours = {} as Record<Kind, number>;
const theirs = {} as Record<Kind, number>;

function ipcmk(args: string[]): number {
  return Number(/(\d+)\s*$/.exec(execFileSync('ipcmk', args, { encoding: 'utf8' }).trim())![1]);
}

beforeAll(() => {
  ours.shm = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0o600).ret as number;
  ours.msg = msgget(IPC_PRIVATE, IPC_CREAT | 0o600).ret as number;
  ours.sem = semget(IPC_PRIVATE, 1, IPC_CREAT | 0o600).ret as number;
  theirs.shm = ipcmk(['-M', '4096', '-p', '0600']);
  theirs.msg = ipcmk(['-Q', '-p', '0600']);
  theirs.sem = ipcmk(['-S', '1', '-p', '0600']);
});

afterAll(() => {
  shmctlRmid(ours.shm);
  msgctlRmid(ours.msg);
  semctlRmid(ours.sem);
  for (const kind of ['shm', 'msg', 'sem'] as const) execFileSync('ipcrm', [FLAG[kind], String(theirs[kind])]);
});

const owners = (): ListingOwners => ({
  shm: { lesson: new Set([ours.shm]), ipclab: new Set() },
  msg: { lesson: new Set([ours.msg]), ipclab: new Set() },
  sem: { lesson: new Set([ours.sem]), ipclab: new Set() },
});

/** The Trace's rows of `ipcs args` run now, each as [its mark, the output line after it]. */
function shown(args: string[]): { mark: string; text: string }[] {
  const text = execFileSync('ipcs', args, { encoding: 'utf8' });
  const entry: TraceEntry = { type: 'output', pid: process.pid, command: ['ipcs', ...args].join(' '), text, exitCode: 0, at: 0 };
  // wide enough that no row wraps; no legend, whose rows are no output's
  return entryLines(entry, 'en', 200, strings('en'), 5, false, owners(), process.pid, false).slice(1).map((l) => {
    const row = lineText(l);
    return { mark: row[0]!, text: row.slice(2).trimEnd() };
  });
}

/** Whether an output line is a row of object `id`: its first field (-p, -t, -c), its second
 *  after a key (-m, -q, -s), or -i's heading ("Message Queue msqid=39"). */
const lists = (text: string, id: number) => {
  const f = text.trim().split(/\s+/);
  return f[0] === String(id) || (/^0x[0-9a-f]{8}$/.test(f[0]!) && f[1] === String(id)) || new RegExp(`(?:shmid|msqid|semid)=${id}$`).test(text);
};

describe('the Trace marks the rows of every ipcs listing', () => {
  const listings: [Kind[], string[]][] = [];
  for (const kind of ['shm', 'msg', 'sem'] as const) {
    for (const option of [[], ['-p'], ['-t'], ['-c']]) listings.push([[kind], [FLAG[kind], ...option]]);
  }
  // every kind at once, each listing under its own heading
  for (const option of [[], ['-p'], ['-t'], ['-c'], ['-a']]) listings.push([['shm', 'msg', 'sem'], option]);

  for (const [kinds, args] of listings) {
    it(`ipcs ${args.join(' ')}: this lesson's row ●, someone else's unmarked`, () => {
      const rows = shown(args);
      for (const kind of kinds) {
        // util-linux prints no -s -p listing at all (ipcs -s -p is empty)
        if (kind === 'sem' && args.includes('-p')) continue;
        const mine = rows.filter((r) => lists(r.text, ours[kind]));
        const other = rows.filter((r) => lists(r.text, theirs[kind]));
        expect(mine.map((r) => r.mark), `${kind}: ${rows.map((r) => r.mark + r.text).join('\n')}`).toEqual(['●']);
        expect(other.map((r) => r.mark), kind).toEqual([' ']);
      }
      // nothing else is marked: headings, column names, -u's and -l's figures
      const marked = rows.filter((r) => r.mark !== ' ');
      expect(marked.every((r) => kinds.some((k) => lists(r.text, ours[k])))).toBe(true);
    });
  }

  for (const kind of ['shm', 'msg', 'sem'] as const) {
    it(`ipcs ${FLAG[kind]} -i: one object's heading marked as its row is`, () => {
      const mine = shown([FLAG[kind], '-i', String(ours[kind])]);
      expect(mine.filter((r) => r.mark === '●').map((r) => r.text)).toEqual([expect.stringMatching(new RegExp(`=${ours[kind]}$`))]);
      expect(shown([FLAG[kind], '-i', String(theirs[kind])]).every((r) => r.mark === ' ')).toBe(true);
    });
  }

  it('ipcs -u and -l list no object: nothing marked', () => {
    for (const args of [['-u'], ['-l']]) expect(shown(args).every((r) => r.mark === ' ')).toBe(true);
  });
});
