// One formatter for a call's result and a process's end: `run`'s text, the Trace pane
// and serv/clnt's stderr all read the same, byte for byte.
import { describe, expect, it } from 'vitest';
import { entryLines } from '../../src/app/components/trace-view.js';
import { strings } from '../../src/app/strings.js';
import type { Line } from '../../src/app/styled.js';
import type { Lang } from '../../src/lang.js';
import { traceLines } from '../../src/lessons/format.js';
import type { CallRecord } from '../../src/native/types.js';
import { formatEvent } from '../../src/proto/print.js';
import { callText, endText, seenEndText } from '../../src/text/results.js';
import { cells } from '../../src/text/cells.js';
import { callErrno, ERRNO_FOR_CALL, ERRNO_MEANINGS, errnoWords, type CallErrno } from '../../src/text/errno.js';
import { ERRNO_WHY } from '../../src/lessons/turn/errno-why.js';
import { entryFor, termsIn } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import { cli } from '../lessons/helpers.js';

const text = (line: Line) => line.map((r) => r.text).join('');
const call = (fields: Partial<CallRecord>): CallRecord => ({ type: 'call', pid: 42, call: 'shmget', c: 'shmget(IPC_PRIVATE, 4096, 0600)', ret: 7, errno: null, message: null, at: 0, ...fields });

// each call as it reads in English and in Chinese: the errno's name stays C's, what it means
// for that call follows it (src/text/errno.ts ERRNO_FOR_CALL), the C library's words quoted where
// they mislead; a call or errno the table lacks gets the C library's words, in the learner's
// language. Chinese text takes full-width brackets, with no space before them.
const CALLS: [CallRecord, string, string][] = [
  [call({}), 'shmget(IPC_PRIVATE, 4096, 0600) = 7', 'shmget(IPC_PRIVATE, 4096, 0600) = 7'],
  [
    call({ c: 'shmget(0x5300c207, 0, 0)', ret: -1, errno: 'ENOENT', message: 'No such file or directory' }),
    'shmget(0x5300c207, 0, 0) = -1 ENOENT (no segment has this key; perror: "No such file or directory")',
    'shmget(0x5300c207, 0, 0) = -1 ENOENT（这个 key 下没有共享内存段；perror：“没有那个文件或目录”）',
  ],
  [
    call({ c: 'shmget(0x5300c207, 4096, IPC_CREAT|IPC_EXCL|0600)', ret: -1, errno: 'EEXIST', message: 'File exists' }),
    'shmget(0x5300c207, 4096, IPC_CREAT|IPC_EXCL|0600) = -1 EEXIST (a segment with this key exists; perror: "File exists")',
    'shmget(0x5300c207, 4096, IPC_CREAT|IPC_EXCL|0600) = -1 EEXIST（这个 key 的共享内存段已存在；perror：“文件已存在”）',
  ],
  [call({ call: 'ftok', c: 'ftok("/p", \'S\')', ret: 1392510530, retText: '0x53000642' }), 'ftok("/p", \'S\') = 0x53000642', 'ftok("/p", \'S\') = 0x53000642'],
  // the cause the call's arguments leave, not every cause the errno has (ERRNO_FOR_CALL cases):
  // NULL lets the kernel choose the address, IPC_PRIVATE only creates, a key without IPC_CREAT
  // only opens, a key with IPC_CREAT alone may do either
  [call({ call: 'shmat', c: 'shmat(9, NULL, 0)', ret: '(void *) -1', errno: 'EINVAL', message: 'Invalid argument' }), 'shmat(9, NULL, 0) = (void *) -1 EINVAL (no segment has this shmid)', 'shmat(9, NULL, 0) = (void *) -1 EINVAL（没有段用这个 shmid）'],
  // the kernel checks the address before it looks the shmid up: SHM_REMAP with NULL is the cause
  // (issue 16: shmat 7's y read "no segment has this shmid, or the address is wrong"); a
  // negative shmid is checked first of all
  [call({ call: 'shmat', c: 'shmat(9, NULL, SHM_REMAP)', ret: '(void *) -1', errno: 'EINVAL', message: 'Invalid argument' }), 'shmat(9, NULL, SHM_REMAP) = (void *) -1 EINVAL (SHM_REMAP needs an address, and it is NULL)', 'shmat(9, NULL, SHM_REMAP) = (void *) -1 EINVAL（SHM_REMAP 需要一个地址，传的却是 NULL）'],
  [call({ call: 'shmat', c: 'shmat(-1, NULL, SHM_REMAP)', ret: '(void *) -1', errno: 'EINVAL', message: 'Invalid argument' }), 'shmat(-1, NULL, SHM_REMAP) = (void *) -1 EINVAL (no segment has this shmid)', 'shmat(-1, NULL, SHM_REMAP) = (void *) -1 EINVAL（没有段用这个 shmid）'],
  [call({ call: 'shmat', c: 'shmat(9, 0x7f0000000000, SHM_REMAP)', ret: '(void *) -1', errno: 'EINVAL', message: 'Invalid argument' }), 'shmat(9, 0x7f0000000000, SHM_REMAP) = (void *) -1 EINVAL (no segment has this shmid, or the address is wrong)', 'shmat(9, 0x7f0000000000, SHM_REMAP) = (void *) -1 EINVAL（没有段用这个 shmid，或地址不对）'],
  [call({ c: 'shmget(IPC_PRIVATE, 0, 0600)', ret: -1, errno: 'EINVAL', message: 'Invalid argument' }), 'shmget(IPC_PRIVATE, 0, 0600) = -1 EINVAL (a new segment needs SHMMIN to SHMMAX bytes)', 'shmget(IPC_PRIVATE, 0, 0600) = -1 EINVAL（新段的大小须在 SHMMIN 到 SHMMAX 之间）'],
  [call({ c: 'shmget(0x5300c207, 0, IPC_CREAT|IPC_EXCL|0600)', ret: -1, errno: 'EINVAL', message: 'Invalid argument' }), 'shmget(0x5300c207, 0, IPC_CREAT|IPC_EXCL|0600) = -1 EINVAL (a new segment needs SHMMIN to SHMMAX bytes)', 'shmget(0x5300c207, 0, IPC_CREAT|IPC_EXCL|0600) = -1 EINVAL（新段的大小须在 SHMMIN 到 SHMMAX 之间）'],
  [call({ c: 'shmget(0x5300c207, 8192, 0)', ret: -1, errno: 'EINVAL', message: 'Invalid argument' }), "shmget(0x5300c207, 8192, 0) = -1 EINVAL (size is over the existing segment's)", 'shmget(0x5300c207, 8192, 0) = -1 EINVAL（size 大于已有段的大小）'],
  [call({ c: 'shmget(0x5300c207, 8192, IPC_CREAT|0600)', ret: -1, errno: 'EINVAL', message: 'Invalid argument' }), 'shmget(0x5300c207, 8192, IPC_CREAT|0600) = -1 EINVAL (below SHMMIN, above SHMMAX, or over the existing segment)', 'shmget(0x5300c207, 8192, IPC_CREAT|0600) = -1 EINVAL（size 小于 SHMMIN、大于 SHMMAX，或大于已有段）'],
  [call({ call: 'msgrcv', c: 'msgrcv(3, &m, 64, 2, IPC_NOWAIT)', ret: -1, errno: 'ENOMSG', message: 'No message of desired type' }), 'msgrcv(3, &m, 64, 2, IPC_NOWAIT) = -1 ENOMSG (no message of the type asked)', 'msgrcv(3, &m, 64, 2, IPC_NOWAIT) = -1 ENOMSG（没有所要类型的消息）'],
  // the words for what msgtyp asks (issue 16: msg 4's read of type 0 on an empty queue said "no message of the type asked")
  [call({ call: 'msgrcv', c: 'msgrcv(3, &m, 64, 0, IPC_NOWAIT)', ret: -1, errno: 'ENOMSG', message: 'No message of desired type' }), 'msgrcv(3, &m, 64, 0, IPC_NOWAIT) = -1 ENOMSG (the queue is empty, and type 0 takes any type)', 'msgrcv(3, &m, 64, 0, IPC_NOWAIT) = -1 ENOMSG（队列是空的，而类型 0 什么类型都取）'],
  [call({ call: 'msgrcv', c: 'msgrcv(3, &m, 64, -3, IPC_NOWAIT)', ret: -1, errno: 'ENOMSG', message: 'No message of desired type' }), 'msgrcv(3, &m, 64, -3, IPC_NOWAIT) = -1 ENOMSG (no message of a type up to |msgtyp|)', 'msgrcv(3, &m, 64, -3, IPC_NOWAIT) = -1 ENOMSG（没有类型不超过 |msgtyp| 的消息）'],
  [call({ call: 'msgrcv', c: 'msgrcv(3, &m, 64, 0, 0)', ret: -1, errno: 'EIDRM', message: 'Identifier removed' }), 'msgrcv(3, &m, 64, 0, 0) = -1 EIDRM (the queue was removed while waiting)', 'msgrcv(3, &m, 64, 0, 0) = -1 EIDRM（等待时队列被删除了）'],
  // an errno without a message: no "(null)"
  [call({ ret: -1, errno: 'EIDRM', message: null }), 'shmget(IPC_PRIVATE, 4096, 0600) = -1 EIDRM', 'shmget(IPC_PRIVATE, 4096, 0600) = -1 EIDRM'],
  // a call and errno the table lacks (the playground may make any): the C library's words
  [call({ call: 'kill', c: 'kill(77, 4096)', ret: -1, errno: 'EINVAL', message: 'Invalid argument' }), 'kill(77, 4096) = -1 EINVAL (Invalid argument)', 'kill(77, 4096) = -1 EINVAL（无效的参数）'],
  [call({ call: 'kill', c: 'kill(77, SIGUSR1)', ret: -1, errno: 'ESRCH', message: 'No such process' }), 'kill(77, SIGUSR1) = -1 ESRCH (the process has ended)', 'kill(77, SIGUSR1) = -1 ESRCH（这个进程已结束）'],
  // words the table does not hold (another C library's, an errno with no row) stay as they came
  [call({ ret: -1, errno: 'EINVAL', message: 'Invalid argument value' }), 'shmget(IPC_PRIVATE, 4096, 0600) = -1 EINVAL (Invalid argument value)', 'shmget(IPC_PRIVATE, 4096, 0600) = -1 EINVAL (Invalid argument value)'],
  [call({ ret: -1, errno: 'E200', message: 'Unknown error 200' }), 'shmget(IPC_PRIVATE, 4096, 0600) = -1 E200 (Unknown error 200)', 'shmget(IPC_PRIVATE, 4096, 0600) = -1 E200 (Unknown error 200)'],
];

describe('a call result', () => {
  it('reads as strace shows it, its errno said as what it means for that call, in the learner\'s language', () => {
    for (const [record, en, zh] of CALLS) {
      expect(callText(record, 'en')).toBe(en);
      expect(callText(record, 'zh')).toBe(zh);
    }
  });

  it('reads the same in run, in the Trace pane and on serv/clnt stderr, in both languages', () => {
    for (const lang of ['en', 'zh'] as Lang[]) {
      for (const [record, en, zh] of CALLS) {
        const expected = lang === 'en' ? en : zh;
        expect(traceLines(record, lang)).toEqual([`42 ${expected}`]);
        expect(formatEvent(record, 'serv', lang)).toBe(`[serv 42] ${expected}`);
        expect(entryLines(record, lang, 200, strings(lang)).map(text)).toEqual([`42 ${expected}`]);
      }
    }
  });
});

describe("a process's end", () => {
  it('reads as one sentence in each language', () => {
    expect(endText('server', { code: 0, signal: null }, 'en')).toBe('server exited with code 0');
    expect(endText('服务器', { code: 0, signal: null }, 'zh')).toBe('服务器退出，退出码 0');
    expect(endText('child', { code: null, signal: 'SIGKILL' }, 'en')).toBe('child was killed by SIGKILL');
  });

  it("as a trace line under its parent's pid: names the ended process by its pid and how the parent knew", () => {
    expect(seenEndText('server', 4243, { code: 0, signal: null }, 'en')).toBe('server (pid 4243) exited with code 0 (waitpid)');
    expect(seenEndText('服务器', 4243, { code: 0, signal: null }, 'zh')).toBe('服务器（pid 4243）退出，退出码 0（waitpid）');
    expect(seenEndText('worker 1', 4244, { code: null, signal: 'SIGKILL' }, 'en')).toBe('worker 1 (pid 4244) was killed by SIGKILL (waitpid)');
  });

  it("reads the same for a throw-away child in run and in the Trace pane (there a • line, as every event)", () => {
    const death = { type: 'death' as const, pid: 77, what: 'write-rdonly', death: { signal: 'SIGSEGV', code: null }, at: 0 };
    for (const [lang, expected] of [
      ['en', '4242 the child (pid 77) that writes to a read-only mapping was killed by SIGSEGV (waitpid)'],
      ['zh', '4242 向只读映射写入的子进程（pid 77）被 SIGSEGV 杀死（waitpid）'],
    ] as [Lang, string][]) {
      // under the pid of the process that waited for it, not the dead child's
      expect(traceLines(death, lang, false, 4242)).toEqual([expected]);
      expect(entryLines(death, lang, 200, strings(lang), 0, false, undefined, 4242).map(text)).toEqual([expected.replace('4242 ', '4242 • ')]);
    }
  });
});

describe("what a failed call's errno means for that call", () => {
  // a row's cases are read in its place, so each is held to the same as the row
  const rows = Object.entries(ERRNO_FOR_CALL).flatMap(([c, byErrno]) =>
    Object.entries(byErrno).flatMap(([errno, row]) => [row as CallErrno, ...((row as CallErrno).cases ?? [])].map((words) => ({ c, errno, row: words as { en: string; zh: string; perror?: true } }))),
  );

  it('has a short meaning for every call and errno whose long why the your-turn steps give (ERRNO_WHY)', () => {
    for (const [c, byErrno] of Object.entries(ERRNO_WHY)) for (const errno of Object.keys(byErrno)) expect(callErrno(c, errno), `${c} ${errno}`).toBeDefined();
  });

  it('is short enough for a trace line, English in en and Chinese in zh, each term in the glossary', () => {
    for (const { c, errno, row } of rows) {
      expect(cells(row.en), `${c} ${errno}`).toBeLessThanOrEqual(56);
      expect(cells(row.zh), `${c} ${errno}`).toBeLessThanOrEqual(56);
      expect(row.en, `${c} ${errno}`).not.toMatch(/[\u4e00-\u9fff]/);
      expect(row.zh, `${c} ${errno}`).toMatch(/[\u4e00-\u9fff]/);
      for (const term of termsIn(`${row.en} ${row.zh}`)) expect(entryFor(term), `${c} ${errno}: ${term}`).toBeDefined();
    }
  });

  it("quotes the C library's words where they name what the call does not involve (a file, a device, an argument list), and only there", () => {
    const misleads = /file|directory|device|argument list/i;
    for (const { c, errno, row } of rows) {
      // ftok takes a path: a file is what it is about
      const expected = c !== 'ftok' && misleads.test(ERRNO_MEANINGS[errno].en);
      expect(row.perror === true, `${c} ${errno}: "${ERRNO_MEANINGS[errno].en}"`).toBe(expected);
    }
  });

  it('is given for every failed call the lessons make, and reads in zh in full-width brackets', async () => {
    const seen = new Set<string>();
    for (const lesson of LESSONS) {
      const { stdout, code } = await cli(['run', lesson.id, '--json'], 60_000);
      expect(code, lesson.id).toBe(0);
      const calls: CallRecord[] = [];
      const walk = (x: unknown): void => {
        if (!x || typeof x !== 'object') return;
        if ((x as CallRecord).type === 'call' && (x as CallRecord).errno) calls.push(x as CallRecord);
        for (const v of Object.values(x)) walk(v);
      };
      for (const line of stdout.split('\n').filter((l) => l.trim())) walk(JSON.parse(line));
      for (const failed of calls) {
        const pair = `${lesson.id}: ${failed.call} ${failed.errno}`;
        seen.add(`${failed.call} ${failed.errno}`);
        const row = callErrno(failed.call, failed.errno!);
        expect(row, `${pair} has no short meaning in src/text/errno.ts ERRNO_FOR_CALL`).toBeDefined();
        // the row's words, or the one case this call's arguments leave
        const words = errnoWords(row!, failed.c);
        expect(callText(failed, 'en'), pair).toContain(`${failed.errno} (${words.en}`);
        const zh = callText(failed, 'zh');
        expect(zh, pair).toContain(`${failed.errno}（${words.zh}`);
        // no ASCII bracket around Chinese text
        expect(zh, pair).not.toMatch(/\([^()]*[\u4e00-\u9fff][^()]*\)/);
      }
    }
    // the lessons provoke these at least (ftok's ENOENT and EEXIST, msg's ENOMSG and EIDRM)
    expect([...seen]).toEqual(expect.arrayContaining(['shmget ENOENT', 'shmget EEXIST', 'msgrcv ENOMSG', 'msgrcv EIDRM']));
  }, 300_000);
});
