// The session API the TUI builds on (docs/ARCHITECTURE.md, "The playground"), in this
// process against the real kernel: output lines and calls, completions, variables,
// reset, close, the challenge state, both languages.
import { afterEach, describe, expect, it } from 'vitest';
import { readShmRows } from '../../src/native/index.js';
import { createSession } from '../../src/play/session.js';
import type { PlaySession } from '../../src/play/types.js';
import { segmentsCreatedBy } from '../lessons/helpers.js';

let session: PlaySession | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('createSession', () => {
  it('answers each statement with its calls and lines, and close removes everything it made', async () => {
    session = createSession({ lang: 'en', allowForeign: false });
    const made = await session.run('id = shmget(IPC_PRIVATE, 4096, 0600)');
    expect(made.calls).toHaveLength(1);
    expect(made.calls[0]).toMatchObject({ type: 'call', call: 'shmget', pid: process.pid, errno: null });
    expect(made.lines.map((l) => l.kind)).toEqual(['result', 'meaning']);
    expect(made.lines[0].text).toBe(`shmget(IPC_PRIVATE, 4096, 0600) = ${made.calls[0].ret}`);
    const attached = await session.run('p = shmat(id, NULL, 0)');
    expect(attached.lines[1].text).toContain('nattch is now 1');
    expect(session.variables()).toEqual([
      { name: 'id', shown: String(made.calls[0].ret), process: 'a' },
      { name: 'p', shown: expect.stringMatching(/^0x[0-9a-f]+ \(segment \d+\)$/), process: 'a' },
    ]);
    expect(session.leftovers().map((s) => s.shmid)).toEqual([made.calls[0].ret]);
    // ipcs as the playground prints it agrees with /proc/sysvipc/shm
    const shown = (await session.run('ipcs')).lines.map((l) => l.text.trim().split(/\s+/)).find((cols) => cols[1] === String(made.calls[0].ret))!;
    const kernel = readShmRows().find((r) => r.shmid === made.calls[0].ret)!;
    expect(shown).toEqual([`0x${kernel.key.toString(16).padStart(8, '0')}`, String(kernel.shmid), expect.any(String), (kernel.mode & 0o777).toString(8), String(kernel.size), String(kernel.nattch), String(kernel.cpid), String(kernel.lpid), '*']);
    await session.close();
    await session.close();
    expect(session.leftovers()).toEqual([]);
    expect(segmentsCreatedBy(process.pid)).toEqual([]);
    expect((await session.run('ipcs')).lines[0].kind).toBe('error');
  });

  it('zh: every refusal and error in Chinese, the guard by its glossary name (nc: half English, "守卫")', async () => {
    session = createSession({ lang: 'zh', allowForeign: false });
    const lines = ['id = shmget(IPC_PRIVATE, 10, 0600)', 'p = shmat(id, NULL, 0)', 'strcpy(p, "0123456789012345678901234")', 'q = shmat(id, NULL, SHM_RDONLY)', 'strcpy(q, "x")', 'crash puts(q)', 'dump(q, 99)', 'shmdt(p)', 'puts(p)', 'nope(1)', ')(', 'shmget(1, 2)', 'x = y', 'shmctl(id, 99, NULL)', 'strcpy(5, "x")', 'help nothing', 'semget(1, 1, 1)'];
    const said: string[] = [];
    for (const line of lines) for (const out of (await session.run(line)).lines) if (out.kind !== 'view' && out.kind !== 'result') said.push(out.text);
    const refusals = said.filter((t) => t.startsWith('被 ipclab 的访问检查拒绝：'));
    expect(refusals).toHaveLength(4);
    expect(refusals[0]).toMatch(/^被 ipclab 的访问检查拒绝：从 \+0 起的 26 字节越过了共享内存段 \d+ 的末尾（共 10 字节，偏移 0 到 9）$/);
    // no sentence in English: three English words in a row (C code has its punctuation between)
    expect(said.filter((t) => /\b[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}\b/.test(t) || t.includes('守卫'))).toEqual([]);
  });

  it.each([
    ['en', 'the child (pid N) that writes to a read-only mapping was killed by SIGSEGV (waitpid)', 'the child (pid N) that reads after its shmdt was killed by SIGSEGV (waitpid)'],
    ['zh', '向只读映射写入的子进程（pid N）被 SIGSEGV 杀死（waitpid）', '在 shmdt 之后还去读的子进程（pid N）被 SIGSEGV 杀死（waitpid）'],
  ] as const)('%s: a crash\'s end stands under the pid that saw it (this process, through waitpid), naming the child, as in a lesson', async (lang, rdonly, detached) => {
    session = createSession({ lang, allowForeign: false });
    await session.run('id = shmget(IPC_PRIVATE, 4096, 0600)');
    await session.run('q = shmat(id, NULL, SHM_RDONLY)');
    const write = await session.run('crash strcpy(q, "x")');
    await session.run('shmdt(q)');
    const read = await session.run('crash puts(q)');
    for (const [out, said] of [[write, rdonly], [read, detached]] as const) {
      // the child's own line is its: its pid first
      const child = Number(/^(\d+) shmat\(/.exec(out.lines[0].text)?.[1]);
      expect(child).toBeGreaterThan(0);
      expect(child).not.toBe(process.pid);
      expect(out.lines[1]).toEqual({ kind: 'meaning', pid: process.pid, text: said.replace('N', String(child)) });
    }
  });

  it('runs statements in order however fast they come, and never rejects', async () => {
    session = createSession({ lang: 'en', allowForeign: false });
    const outs = await Promise.all(['id = shmget(IPC_PRIVATE, 4096, 0600)', 'p = shmat(id, NULL, 0)', 'strcpy(p, "x")', 'puts(p)', ')(', 'nope(1)'].map((l) => session!.run(l)));
    expect(outs[3].lines.at(-1)).toEqual({ kind: 'view', text: 'x' });
    expect(outs[4].lines[0]).toMatchObject({ kind: 'error', text: expect.stringMatching(/^column 1: /) });
    expect(outs[5].lines[0]).toMatchObject({ kind: 'error', text: expect.stringContaining('there is no call nope') });
  });

  it('a queue or semaphore call says the playground has shm calls only, names them and the lesson, in both languages; nothing is made', async () => {
    session = createSession({ lang: 'en', allowForeign: false });
    const out = await session.run('s = semget(IPC_PRIVATE, 1, 0600)');
    expect(out.calls).toEqual([]);
    expect(out.lines[0].kind).toBe('error');
    expect(out.lines[0].text).toContain('the playground has shared-memory calls only (ftok, shmget, shmat, shmdt, shmctl');
    expect(out.lines[0].text).toContain('no semget; the sem lesson');
    expect(out.lines[0].text).not.toContain('did you mean');
    expect(session.variables()).toEqual([]);
    await session.close();
    session = createSession({ lang: 'zh', allowForeign: false });
    expect((await session.run('msgrcv(q, 1)')).lines[0].text).toContain('练习场只有共享内存的调用');
    expect((await session.run('help semctl')).lines[0].text).toContain('没有 semctl；sem 一课');
  });

  it('completes calls, constants, words and variables', async () => {
    session = createSession({ lang: 'en', allowForeign: false });
    expect(session.completions('shm')).toEqual(['shmat', 'shmctl', 'shmdt', 'shmget']);
    expect(session.completions('IPC_')).toEqual(['IPC_CREAT', 'IPC_EXCL', 'IPC_PRIVATE', 'IPC_RMID', 'IPC_SET', 'IPC_STAT']);
    await session.run('segment = 5');
    expect(session.completions('se')).toEqual(['segment']);
    expect(session.completions('he')).toEqual(['help']);
  });

  it('reset detaches and removes what a and b made, and forgets the variables', async () => {
    session = createSession({ lang: 'en', allowForeign: false });
    await session.run('id = shmget(IPC_PRIVATE, 4096, 0600)');
    await session.run('p = shmat(id, NULL, 0)');
    const b = await session.run('@b other = shmget(IPC_PRIVATE, 4096, 0600)');
    expect(b.calls[0].pid).not.toBe(process.pid);
    const q = await session.run('@b q = shmat(id, NULL, 0)');
    expect(q.lines.find((l) => l.kind === 'meaning')?.text).toContain('nattch is now 2');
    expect(session.variables().find((v) => v.name === 'q')).toMatchObject({ process: 'b' });
    expect((await session.run('puts(q)')).lines[0].text).toContain('not a pointer of the other process (a pointer is valid only in the process that attached it)');
    expect(session.leftovers()).toHaveLength(2);
    const reset = await session.run('reset');
    expect(reset.lines.at(-1)?.kind).toBe('info');
    expect(session.leftovers()).toEqual([]);
    expect(session.variables()).toEqual([]);
    expect(segmentsCreatedBy(b.calls[0].pid)).toEqual([]);
  });

  it('keeps the challenge state: used against par, hints, what is missing, solved', async () => {
    session = createSession({ lang: 'zh', allowForeign: false, challenge: 'marked-but-alive' });
    expect(session.challenge).toMatchObject({ id: 'marked-but-alive', par: 3, used: 0, solved: false, hintsShown: 0 });
    expect(session.challenge!.picture[0]).toContain('dest');
    expect((await session.run('hint')).lines[0].text).toMatch(/^提示 1\/2：/);
    expect(session.challenge).toMatchObject({ used: 0, hintsShown: 1 });
    await session.run('id = shmget(IPC_PRIVATE, 4096, 0600)');
    expect(session.challenge!.missing).toEqual(['一个在这里创建的段：nattch 为 1，已标记删除（dest）']);
    await session.run('p = shmat(id, NULL, 0)');
    const done = await session.run('shmctl(id, IPC_RMID)');
    expect(done.lines.find((l) => l.kind === 'meaning')?.text).toContain('只是被标记删除');
    expect(done.lines.at(-1)?.text).toBe('挑战 marked-but-alive 完成：用了 3 步，目标步数 3');
    expect(session.challenge).toMatchObject({ used: 3, solved: true, missing: [] });
    expect((await session.run('solution')).lines.map((l) => l.text)).toEqual(session.challenge!.solution);
  });

  it('an unknown challenge is refused with a suggestion', () => {
    expect(() => createSession({ lang: 'en', allowForeign: false, challenge: 'first-segmnt' })).toThrow('no challenge first-segmnt (did you mean first-segment?)');
  });
});
