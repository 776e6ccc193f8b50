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
import { callText, endText } from '../../src/text/results.js';

const text = (line: Line) => line.map((r) => r.text).join('');
const call = (fields: Partial<CallRecord>): CallRecord => ({ type: 'call', pid: 42, call: 'shmget', c: 'shmget(IPC_PRIVATE, 4096, 0600)', ret: 7, errno: null, message: null, at: 0, ...fields });

const CALLS: [CallRecord, string][] = [
  [call({}), 'shmget(IPC_PRIVATE, 4096, 0600) = 7'],
  [call({ ret: -1, errno: 'ENOENT', message: 'No such file or directory' }), 'shmget(IPC_PRIVATE, 4096, 0600) = -1 ENOENT (No such file or directory)'],
  [call({ call: 'ftok', c: 'ftok("/p", \'S\')', ret: 1392510530, retText: '0x53000642' }), 'ftok("/p", \'S\') = 0x53000642'],
  [call({ call: 'shmat', c: 'shmat(9, NULL, 0)', ret: '(void *) -1', errno: 'EINVAL', message: 'Invalid argument' }), 'shmat(9, NULL, 0) = (void *) -1 EINVAL (Invalid argument)'],
  // an errno without a message: no "(null)"
  [call({ ret: -1, errno: 'EIDRM', message: null }), 'shmget(IPC_PRIVATE, 4096, 0600) = -1 EIDRM'],
];

describe('a call result', () => {
  it('reads as strace shows it', () => {
    for (const [record, expected] of CALLS) expect(callText(record)).toBe(expected);
  });

  it('reads the same in run, in the Trace pane and on serv/clnt stderr, in both languages', () => {
    for (const lang of ['en', 'zh'] as Lang[]) {
      for (const [record, expected] of CALLS) {
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

  it("reads the same for a throw-away child in run and in the Trace pane (there a • line, as every event)", () => {
    const death = { type: 'death' as const, pid: 77, what: 'write-rdonly', death: { signal: 'SIGSEGV', code: null }, at: 0 };
    for (const [lang, expected] of [
      ['en', '77 the child that writes to a read-only mapping was killed by SIGSEGV'],
      ['zh', '77 向只读映射写入的子进程被 SIGSEGV 杀死'],
    ] as [Lang, string][]) {
      expect(traceLines(death, lang)).toEqual([expected]);
      expect(entryLines(death, lang, 200, strings(lang)).map(text)).toEqual([expected.replace('77 ', '77 • ')]);
    }
  });
});
