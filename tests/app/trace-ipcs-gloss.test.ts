// In Chinese the Trace glosses ipcs's English under each listing's heading (testers in zh met
// "Message Queues PIDs", "Not set", "Sun Dec  6" unexplained); the output itself stays as ipcs
// printed it, and the English trace has no gloss. Real util-linux output, of an object made here.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryLines } from '../../src/app/components/trace-view.js';
import { lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import type { TraceEntry } from '../../src/lessons/types.js';
import { IPC_CREAT, IPC_PRIVATE, msgctlRmid, msgget, semctlRmid, semget, shmctlRmid, shmget } from '../../src/native/index.js';

const ids = { shm: -1, msg: -1, sem: -1 };
beforeAll(() => {
  ids.shm = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0o600).ret as number;
  ids.msg = msgget(IPC_PRIVATE, IPC_CREAT | 0o600).ret as number;
  ids.sem = semget(IPC_PRIVATE, 1, IPC_CREAT | 0o600).ret as number;
});
afterAll(() => {
  shmctlRmid(ids.shm);
  msgctlRmid(ids.msg);
  semctlRmid(ids.sem);
});

/** The Trace's rows of one run of `ipcs args` now (LANG=C: the English a tester met), at
 *  `width`, in each language: one run, since others' objects come and go between two. */
function both(args: string[], width = 200): Record<'en' | 'zh', string[]> {
  const text = execFileSync('ipcs', args, { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' } });
  const entry: TraceEntry = { type: 'output', pid: process.pid, command: ['ipcs', ...args].join(' '), text, exitCode: 0, at: 0 };
  const lines = (lang: 'en' | 'zh') => entryLines(entry, lang, width, strings(lang), 5, false, undefined, process.pid, false).map(lineText);
  return { en: lines('en'), zh: lines('zh') };
}
const rows = (args: string[], lang: 'en' | 'zh', width = 200) => both(args, width)[lang];

describe('the zh Trace glosses ipcs', () => {
  const cases: [string[], RegExp][] = [
    [['-m'], /^ {2}↳ 共享内存段$/],
    [['-q'], /^ {2}↳ 消息队列$/],
    [['-s'], /^ {2}↳ 信号量集$/],
    [['-q', '-p'], /^ {2}↳ 消息队列的 pid$/],
    [['-m', '-t'], /^ {2}↳ 共享内存段最后映射、解除映射、修改的时间；Not set = 未设置；[A-Z][a-z]{2} = \d+ 月$/],
    [['-s', '-t'], /^ {2}↳ 信号量集最后操作、修改的时间；Not set = 未设置；[A-Z][a-z]{2} [A-Z][a-z]{2} = 周. \d+ 月$/],
  ];
  for (const [args, gloss] of cases) {
    it(`ipcs ${args.join(' ')}: one gloss, under its heading`, () => {
      const { zh, en } = both(args);
      const at = zh.findIndex((l) => gloss.test(l));
      expect(at, zh.join('\n')).toBeGreaterThan(0);
      expect(zh[at - 1]).toMatch(/^ {2}-+ .+ -+$/);
      expect(zh.filter((l) => l.includes('↳'))).toHaveLength(1);
      // the output as ipcs printed it, the gloss aside; English has none
      expect(zh.filter((l) => !l.includes('↳'))).toEqual(en);
    });
  }

  it('ipcs -m -i: the heading and its time fields, under the last of them', () => {
    const zh = rows(['-m', '-i', String(ids.shm)], 'zh');
    const at = zh.findIndex((l) => l.includes('↳'));
    // under its heading it pushed shmctl 2's "lpid= cpid= nattch=" out of an 80x24 Trace
    expect(zh[at - 1]).toMatch(/^ {2}change_time=/);
    expect(zh[at]).toMatch(/^ {2}↳ 共享内存段；att_time\/det_time\/change_time = 最后映射\/解除映射\/修改时间；Not set = 未设置；[A-Z][a-z]{2} [A-Z][a-z]{2} = 周. \d+ 月$/);
    expect(zh[1]).toMatch(new RegExp(`Shared memory Segment shmid=${ids.shm}$`));
  });

  it('ipcs -s -i: its otime and ctime, a Latin word spaced from Chinese', () => {
    const zh = rows(['-s', '-i', String(ids.sem)], 'zh');
    expect(zh[zh.findIndex((l) => l.includes('↳')) - 1]).toMatch(/^ {2}ctime = /);
    expect(zh.find((l) => l.includes('↳'))).toMatch(/^ {2}↳ 信号量集；otime\/ctime = 最后 semop\/修改时间；Not set = 未设置；/);
  });

  it('every listing of ipcs (all kinds) is glossed once', () => {
    expect(rows([], 'zh').filter((l) => l.includes('↳ '))).toHaveLength(3);
  });

  it('at 80 columns a listing\'s gloss wraps under itself', () => {
    const { zh, en } = both(['-m', '-i', String(ids.shm)], 76);
    const at = zh.findIndex((l) => l.includes('↳'));
    // its second row: indented as the output, and no row of ipcs's own
    expect(zh[at + 1]).toMatch(/^ {2}\S/);
    expect(en).not.toContain(zh[at + 1]);
  });
});
