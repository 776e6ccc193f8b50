// A notice that reads a command's output (ipcs's rows) says which pane shows it: the
// command's output is in the Trace, never in the Kernel pane, which shows the kernel's
// tables without ipcs's words (issue 16: msg 1's "ipcs -q, row of …: 0 used-bytes" left
// newcomers looking for ipcs in the Kernel pane). A step whose notice points at its trace
// (`traceFocus`) and names ipcs names the Trace too, in both languages.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { KERNEL_WORDS, possibleResultPanes } from '../../src/lessons/result-pane.js';
import type { Text } from '../../src/lessons/types.js';
import { ERRNO_MEANINGS } from '../../src/text/errno.js';

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

// A step's text and notice are read with the step's result pane on screen (src/lessons/result-pane.ts):
// a figure or a word read in another pane sends the learner looking where it is not (issue 16 pass 6:
// msg 2's "messages 4 … used-bytes 20", Kernel columns, with the Trace shown; msg 6's "wchan
// do_msgrcv", a Trace line, with the Kernel shown; sem 3's EAGAIN, in the Trace, under a Kernel pane
// that said "step 3 changed nothing"). Each names the pane it is read in, or the step's result pane
// is the one it reads.

/** still reading another pane unnamed, in lessons this pass does not own (a list that can only shrink) */
const STILL_ELSEWHERE = new Set<string>([]);

const NAMES_A_PANE = (t: Text) => /\b(?:Kernel|[Tt]race|Flow|C pane)\b/.test(t.en) && /内核|跟踪|流程图|C 窗格/.test(t.zh);
const word = (t: string, w: string) => new RegExp(`(^|[^A-Za-z0-9_-])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_-])`).test(t);
/** What only the Trace shows: ipcs's output, a process's wchan, an errno. */
const TRACE_WORDS = ['ipcs', 'wchan', ...Object.keys(ERRNO_MEANINGS)];

export function readElsewhere(lessons = LESSONS): string[] {
  return lessons.flatMap((lesson) =>
    lesson.steps.flatMap((step) => {
      const panes = possibleResultPanes(step);
      return (['say', 'notice'] as const).flatMap((part) => {
        const text = step[part];
        if (NAMES_A_PANE(text)) return [];
        // a call's name in a step's text is what it does (IPC_STAT), not a figure read
        // a figure whose value the text says is read where the learner is ("semval is still 0": s27a,
        // tests/app/notice-says-in-view.test.tsx)
        const said = (w: string) => new RegExp(`(^|[^A-Za-z0-9_-])${w}\\s*(?:is still|is now|is|=)?\\s*-?\\d`).test(text.en);
        const kernel = KERNEL_WORDS.filter((w) => word(text.en, w) && !said(w) && !(part === 'say' && /^IPC_/.test(w)));
        const trace = TRACE_WORDS.filter((w) => word(text.en, w) && !(part === 'say' && w !== 'wchan' && w !== 'ipcs'));
        const off = [...(kernel.length && !panes.has('kernel') ? [`Kernel pane's ${kernel.join(', ')}`] : []), ...(trace.length && !panes.has('trace') ? [`Trace's ${trace.join(', ')}`] : [])];
        return off.length ? [`${lesson.id} ${step.id} ${part}: reads the ${off.join(' and the ')} with the ${[...panes].join('/')} shown`] : [];
      });
    }),
  );
}

describe("a step's text reads the pane on screen, or names the one it reads", () => {
  it('names it', () => {
    const found = readElsewhere();
    for (const at of found) expect.soft(STILL_ELSEWHERE.has(at.split(':')[0]!) ? '' : at).toBe('');
    for (const at of STILL_ELSEWHERE) expect.soft(found.some((f) => f.startsWith(`${at}:`)), `${at} is placed now: take it off the list`).toBe(true);
  });

  it("would catch sem 3's notice as newcomers read it", () => {
    const sem = LESSONS.find((l) => l.id === 'sem')!;
    const old = { en: 'EAGAIN: without IPC_NOWAIT it would have waited. semval is still 0.', zh: 'EAGAIN：要是不带 IPC_NOWAIT，它就会等待。semval 仍是 0。' };
    const before = { ...sem, steps: sem.steps.map((s) => (s.id === 'nowait' ? { ...s, notice: old, traceFocus: undefined } : s)) };
    expect(readElsewhere([before] as never)).toEqual(["sem nowait notice: reads the Trace's EAGAIN with the kernel shown"]);
  });
});
