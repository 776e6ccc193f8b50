// A notice that reads a command's output (ipcs's rows) says which pane shows it: the
// command's output is in the Trace, never in the Kernel pane, which shows the kernel's
// tables without ipcs's words (issue 16: msg 1's "ipcs -q, row of …: 0 used-bytes" left
// newcomers looking for ipcs in the Kernel pane). A step whose notice points at its trace
// (`traceFocus`) and names ipcs names the Trace too, in both languages.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import type { Text } from '../../src/lessons/types.js';

/** still naming ipcs's output without its pane, to be fixed (a list that can only shrink) */
const STILL_UNNAMED = new Set<string>([]);

const COMMAND = /\bipcs\b/;
const namesTrace = (t: Text) => /\bTrace\b/.test(t.en) && /跟踪/.test(t.zh);

export function unnamedPanes(lessons = LESSONS): string[] {
  return lessons.flatMap((lesson) =>
    lesson.steps.flatMap((step) => (step.traceFocus && COMMAND.test(step.notice.en) && !namesTrace(step.notice) ? [`${lesson.id} ${step.id}`] : [])),
  );
}

describe("a notice that reads ipcs's output", () => {
  it('says the Trace pane shows it', () => {
    const found = unnamedPanes();
    for (const at of found) expect.soft(STILL_UNNAMED.has(at) ? '' : `${at}: its notice reads ipcs's output: say it is in the Trace pane`).toBe('');
    for (const at of STILL_UNNAMED) expect.soft(found.includes(at), `${at} names the Trace now: take it off the list`).toBe(true);
  });

  it("would catch msg 1's notice as newcomers read it", () => {
    const msg = LESSONS.find((l) => l.id === 'msg')!;
    const old = { en: "ipcs -q, row of the Kernel pane's ● msqid: 0 used-bytes, 0 messages.", zh: 'ipcs -q（msqid 同“内核”窗格 ● 行）：used-bytes、messages 为 0。' };
    const before = { ...msg, steps: msg.steps.map((s, i) => (i === 0 ? { ...s, notice: old } : s)) };
    expect(unnamedPanes([before] as never)).toEqual(['msg create']);
  });
});
