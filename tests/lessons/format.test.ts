// How trace entries and lesson text read as plain lines (ipclab run's text form).
import { cells } from '../../src/text/cells.js';
import { describe, expect, it } from 'vitest';
import { segmentLine, traceLines, wrap } from '../../src/lessons/format.js';
import type { SegmentRecord } from '../../src/native/types.js';

describe('traceLines', () => {
  it('shows calls as C with strace-style results and errno names', () => {
    const base = { type: 'call' as const, pid: 42, call: 'shmget', message: null, at: 0 };
    expect(traceLines({ ...base, c: 'shmget(IPC_PRIVATE, 4096, 0600)', ret: 7, errno: null }, 'en')).toEqual(['42 shmget(IPC_PRIVATE, 4096, 0600) = 7']);
    expect(traceLines({ ...base, c: 'shmget(0x53000642, 4096, 0600)', ret: -1, errno: 'ENOENT', message: 'No such file or directory' }, 'zh')).toEqual([
      '42 shmget(0x53000642, 4096, 0600) = -1 ENOENT（这个 key 下没有共享内存段；perror：“没有那个文件或目录”）',
    ]);
    expect(traceLines({ ...base, call: 'ftok', c: 'ftok("/p", \'S\')', ret: 1392510530, retText: '0x53000642', errno: null }, 'en')).toEqual(['42 ftok("/p", \'S\') = 0x53000642']);
  });

  it('shows outputs, events, refusals and deaths in the chosen language', () => {
    expect(traceLines({ type: 'output', pid: 9, command: 'ipcs -m', text: 'a\nb', exitCode: 0, at: 0 }, 'en')).toEqual(['9 $ ipcs -m', '    a', '    b']);
    expect(traceLines({ type: 'event', pid: 9, text: { en: 'hi', zh: '你好' }, at: 0 }, 'zh')).toEqual(['9 你好']);
    expect(traceLines({ type: 'refused', pid: 9, text: 'guard said no', at: 0 }, 'zh')).toEqual(['9 ipclab 拒绝了：guard said no']);
    expect(traceLines({ type: 'refused', pid: 9, text: 'no', reason: { en: 'no', zh: '不行' }, at: 0 }, 'zh')).toEqual(['9 ipclab 拒绝了：不行']);
    const death = { type: 'death' as const, pid: 77, what: 'write-rdonly', death: { signal: 'SIGSEGV', code: null }, at: 0 };
    // under the pid of the process that waited for the child (the lesson's), the child's pid in the text
    expect(traceLines(death, 'en', false, 4242)).toEqual(['4242 the child (pid 77) that writes to a read-only mapping was killed by SIGSEGV (waitpid)']);
    expect(traceLines(death, 'zh', false, 4242)).toEqual(['4242 向只读映射写入的子进程（pid 77）被 SIGSEGV 杀死（waitpid）']);
    expect(traceLines(death, 'en')[0]).toMatch(new RegExp(`^${process.pid} `));
  });
});

describe('wrap', () => {
  it('breaks English at spaces and Chinese between characters, within the width in cells', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    const zh = wrap('共享内存创建之后一直存在于内核中，直到被删除或系统关闭，ENOENT。', 20);
    expect(zh.every((line) => cells(line) <= 20)).toBe(true);
    expect(zh.join('')).toBe('共享内存创建之后一直存在于内核中，直到被删除或系统关闭，ENOENT。');
  });

  it('never starts a line with closing punctuation', () => {
    for (let width = 10; width < 40; width++) {
      for (const line of wrap('路径不存在：返回 -1，ENOENT。内核里没有留下任何东西。', width)) expect(line).not.toMatch(/^[，。；：、）]/);
    }
  });
});

describe('wrap and opening punctuation', () => {
  it('never ends a line with opening punctuation and loses no character', () => {
    const text = '这一页是只读映射（SHM_RDONLY），写下去会被杀死；e4 bd a0 就是“你”：共 13 字节（含 NUL）。';
    for (let width = 8; width < 50; width++) {
      const lines = wrap(text, width);
      for (const line of lines) expect(line).not.toMatch(/[（“]$/);
      expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    }
  });
});

describe('segmentLine', () => {
  const seg = { key: '0x7300f7e8', shmid: 7, owner: 'me', perms: '600', size: 4096, nattch: 1, cpid: 40, lpid: 41, status: ['dest'], atime: 0, dtime: 0 } as unknown as SegmentRecord;
  it("gives the size in the learner's language, the fields by their C and ipcs names", () => {
    expect(segmentLine(seg, 'en')).toBe('0x7300f7e8 shmid 7  perms 600  4096 bytes  nattch 1  cpid 40  lpid 41  dest');
    expect(segmentLine(seg, 'zh')).toBe('0x7300f7e8 shmid 7  perms 600  4096 字节  nattch 1  cpid 40  lpid 41  dest');
  });
});
