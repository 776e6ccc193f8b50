// What newcomers to System V IPC found confusing in the texts of parent-child, serv-clnt, msg,
// sem and race (issue 16), held so it stays fixed.
import { describe, expect, it } from 'vitest';
import { lessonById } from '../../src/lessons/index.js';
import type { LiveResult } from '../../src/lessons/types.js';
import type { CallRecord } from '../../src/native/types.js';
import { ERRNO_FOR_CALL } from '../../src/text/errno.js';

const lesson = (id: string) => lessonById(id)!;
const step = (id: string, s: string) => lesson(id).steps.find((x) => x.id === s)!;

describe('newcomers\' passes (issue 16)', () => {
  it('msg: the intro does not say what msgrcv does on an empty queue, which step 4 asks', () => {
    const intro = lesson('msg').intro;
    expect(intro.en).not.toMatch(/nothing to read, msgrcv waits|waits for a message/);
    expect(intro.zh).not.toMatch(/等待消息到来/);
  });

  it('msg 4: the explanation gives ENOMSG\'s meaning once, not again in other words', () => {
    const cp = lesson('msg').checkpoints!.taken!;
    const call = { type: 'call', call: 'msgrcv', c: 'msgrcv(1, &msg, 256, 0, IPC_NOWAIT)', ret: -1, errno: 'ENOMSG', pid: 1 } as unknown as CallRecord;
    const live = { calls: [call], entries: [call], segments: [], state: {}, pid: 1 } as unknown as LiveResult;
    const said = (cp.explain as (l: LiveResult) => { en: string; zh: string })(live);
    const row = (ERRNO_FOR_CALL as Record<string, Record<string, { en: string; zh: string }>>).msgrcv?.ENOMSG;
    for (const lang of ['en', 'zh'] as const) {
      expect(said[lang]).not.toMatch(lang === 'en' ? /type asked/ : /所要类型/);
      if (row) expect(said[lang]).not.toContain(row[lang]);
    }
  });

  it('sem 4 says what each count counts; sem 6 does not say the answer above the question; check 2 reads', () => {
    const four = step('sem', 'waiter').say;
    expect(four.en).toMatch(/semncnt, the processes waiting for semval to grow/);
    expect(four.en).toMatch(/semzcnt, those waiting for 0/);
    expect(four.en).not.toMatch(/see the glossary/);
    expect(four.zh).toMatch(/semncnt：等 semval 增加的进程数/);
    expect(step('sem', 'undo').say.en).not.toMatch(/adjustment/);
    expect(step('sem', 'undo').say.zh).not.toMatch(/调整量/);
    const check2 = lesson('sem').check![1]!.explain as { en: string };
    expect(check2.en).not.toMatch(/leaves it open: SETVAL each one used/);
  });

  it('race 1 says what started is for; parent-child says which process is the parent and what merging is', () => {
    expect(step('race', 'setup').aside!.en).toMatch(/`started`, is a start line where the workers wait for each other/);
    expect(lesson('parent-child').intro.en).not.toMatch(/call it "lesson"/);
    expect(lesson('parent-child').intro.en).toMatch(/The parent is ipclab's own process, the one drawing this screen/);
    expect(step('parent-child', 'read-answer').notice.en).toMatch(/a SIGUSR1 sent while one is pending merges into it/);
  });
});
