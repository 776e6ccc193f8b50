// The Trace's pid column is one width through a lesson: a 5-digit pid arriving (ftok 4's cc)
// does not move every earlier line sideways ("every 3396 line becomes ' 3396'").
import { describe, expect, it } from 'vitest';
import { traceLines } from '../../src/app/components/trace-view.js';
import { lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import { shmctl } from '../../src/lessons/shmctl.js';
import type { TraceEntry } from '../../src/lessons/types.js';

const call = (pid: number): TraceEntry => ({ type: 'call', pid, call: 'shmget', c: 'shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600)', ret: 7, errno: null, message: '', at: 0 });
const event = (pid: number): TraceEntry => ({ type: 'event', pid, text: { en: 'a child started', zh: '子进程启动了' }, at: 0 });

describe('the Trace pid column', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`${lang}: a 4-digit pid's lines stand where they stood once 5-digit pids appear`, () => {
      const s = strings(lang);
      const before = [call(3396), event(3396)];
      const after = [...before, call(41234), event(41234)];
      const rows = (trace: TraceEntry[]) => traceLines(trace, [0], shmctl, lang, 80, s, false, undefined, 3396).slice(1).map(lineText);
      const early = rows(before);
      expect(early[0]).toMatch(/^ 3396 shmget/);
      // the same rows, to the cell, with the later pids' lines under them
      expect(rows(after).slice(0, early.length)).toEqual(early);
      expect(rows(after)[early.length]).toMatch(/^41234 shmget/);
    });
  }
});
