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

const text = (line: Line) => line.map((r) => r.text).join('');
const call = (fields: Partial<CallRecord>): CallRecord => ({ type: 'call', pid: 42, call: 'shmget', c: 'shmget(IPC_PRIVATE, 4096, 0600)', ret: 7, errno: null, message: null, at: 0, ...fields });

// each call as it reads in English and in Chinese: the errno's name stays C's, its meaning
// (the C library's words) is in the learner's language
const CALLS: [CallRecord, string, string][] = [
  [call({}), 'shmget(IPC_PRIVATE, 4096, 0600) = 7', 'shmget(IPC_PRIVATE, 4096, 0600) = 7'],
  [call({ ret: -1, errno: 'ENOENT', message: 'No such file or directory' }), 'shmget(IPC_PRIVATE, 4096, 0600) = -1 ENOENT (No such file or directory)', 'shmget(IPC_PRIVATE, 4096, 0600) = -1 ENOENT (没有那个文件或目录)'],
  [call({ call: 'ftok', c: 'ftok("/p", \'S\')', ret: 1392510530, retText: '0x53000642' }), 'ftok("/p", \'S\') = 0x53000642', 'ftok("/p", \'S\') = 0x53000642'],
  [call({ call: 'shmat', c: 'shmat(9, NULL, 0)', ret: '(void *) -1', errno: 'EINVAL', message: 'Invalid argument' }), 'shmat(9, NULL, 0) = (void *) -1 EINVAL (Invalid argument)', 'shmat(9, NULL, 0) = (void *) -1 EINVAL (无效的参数)'],
  // an errno without a message: no "(null)"
  [call({ ret: -1, errno: 'EIDRM', message: null }), 'shmget(IPC_PRIVATE, 4096, 0600) = -1 EIDRM', 'shmget(IPC_PRIVATE, 4096, 0600) = -1 EIDRM'],
  // words the table does not hold (another C library's, an errno with no row) stay as they came
  [call({ ret: -1, errno: 'EINVAL', message: 'Invalid argument value' }), 'shmget(IPC_PRIVATE, 4096, 0600) = -1 EINVAL (Invalid argument value)', 'shmget(IPC_PRIVATE, 4096, 0600) = -1 EINVAL (Invalid argument value)'],
  [call({ ret: -1, errno: 'E200', message: 'Unknown error 200' }), 'shmget(IPC_PRIVATE, 4096, 0600) = -1 E200 (Unknown error 200)', 'shmget(IPC_PRIVATE, 4096, 0600) = -1 E200 (Unknown error 200)'],
];

describe('a call result', () => {
  it('reads as strace shows it, its errno explained in the learner\'s language', () => {
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
