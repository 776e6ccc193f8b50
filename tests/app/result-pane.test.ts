// After a step runs, the pane with its result is the one on screen (issue 16, fixH): newcomers
// at 80x24 ran a step whose notice spoke of "nattch 2, lpid 3128" or "ipcs printed only headers"
// with the pane of an earlier step, or of the last lesson, on screen. The pane is derived in one
// place (src/lessons/result-pane.ts) from the notice's words, what the step changed in the Kernel
// pane and its trace focus; the store shows it after the run where only one pane shows (a pane
// the learner showed before the run gives way to it); a lesson opens on the Flow.
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS, ran, type Rendered } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';
import { kernelChange, NO_CHANGE, possibleResultPanes, resultPane, tabPointers, type KernelChange } from '../../src/lessons/result-pane.js';
import { OUR_ROW } from '../../src/lessons/types.js';
import { resultOf } from '../../src/app/store/run.js';
import { strings } from '../../src/app/strings.js';
import type { Lang } from '../../src/lang.js';
import { fixtureLesson } from './fixture-lesson.js';

const draw = appDrawer('result-pane', { lessons: LESSONS, quiz: false });
const drawFixture = appDrawer('result-pane-fixture', { lessons: [fixtureLesson('one', 'fixture one'), fixtureLesson('two', 'fixture two')], quiz: false });

const changed = (...words: string[]): KernelChange => ({ words: new Set(words), any: words.length > 0 });
const notice = (en: string, zh = ''): { en: string; zh: string } => ({ en, zh });

describe('resultPane: the rules, in order', () => {
  it('1. a trace focus: the Trace, though the notice names Kernel fields too (ipcs and IPC_STAT agree)', () => {
    expect(resultPane({ notice: notice('ipcs -m -i and IPC_STAT agree on uid, mode, nattch.'), traceFocus: ['IPC_STAT'], changed: changed('nattch') })).toEqual({ pane: 'trace', why: 'trace-focus' });
    expect(resultPane({ notice: notice('Its ipcs -q row.'), traceFocus: [OUR_ROW] }).pane).toBe('trace');
  });
  it('2. the Kernel pane named, a figure only it shows, the dump, a decoded field: the Kernel', () => {
    expect(resultPane({ notice: notice('Created. The Kernel pane lists it.') }).pane).toBe('kernel');
    expect(resultPane({ notice: notice('', '创建成功。“内核”窗格里它的 key 就是 ftok 算出的值。') }).pane).toBe('kernel');
    expect(resultPane({ notice: notice('nattch 2, lpid 3128.') }).pane).toBe('kernel');
    expect(resultPane({ notice: notice('In the dump, 68 65 6c 6c 6f is "hello".') }).pane).toBe('kernel');
    expect(resultPane({ notice: notice('magic was set last.'), kernelWords: ['magic'] }).pane).toBe('kernel');
    // Kernel fields with an errno: the figures decide
    expect(resultPane({ notice: notice('EAGAIN: it would have waited. semval is still 0.') }).pane).toBe('kernel');
  });
  it('2. an ordinary word counts only where its figure changed (messages, key, status)', () => {
    const text = notice('messages 0: a message read is gone. IPC_NOWAIT gave ENOMSG.');
    expect(resultPane({ notice: text, changed: changed('messages') }).pane).toBe('kernel');
    expect(resultPane({ notice: text, changed: NO_CHANGE }).pane).toBe('trace');
    expect(resultPane({ notice: notice('Same arguments, same key.'), changed: NO_CHANGE }).pane).toBe('trace');
  });
  it('lower-case "kernel" and 内核 alone are the kernel, not the pane', () => {
    expect(resultPane({ notice: notice('A key is only a number. The kernel holds nothing new.', '内核里没有多出任何东西。') })).toEqual({ pane: 'trace', why: 'calls' });
  });
  it('3. ipcs, an errno, a signal: the Trace', () => {
    expect(resultPane({ notice: notice('ipcs printed only headers.') }).pane).toBe('trace');
    expect(resultPane({ notice: notice('(void *) -1 with EINVAL, not NULL.') }).pane).toBe('trace');
    expect(resultPane({ notice: notice('SIGUSR1 "there is text", SIGUSR2 "read it".'), changed: changed() }).pane).toBe('trace');
  });
  it('4. the Flow named: the Flow; the C pane named decides nothing', () => {
    expect(resultPane({ notice: notice('The Flow shows the way it took.') }).pane).toBe('flow');
    expect(resultPane({ notice: notice('', '流程图画出了它走的路。') }).pane).toBe('flow');
    expect(resultPane({ notice: notice('Gone at once, as msg.c does (C pane).'), changed: { words: new Set(), any: true } })).toEqual({ pane: 'kernel', why: 'kernel-changed' });
  });
  it('5. text quoted, data a call read or sent: the Trace, though the kernel changed', () => {
    expect(resultPane({ notice: notice('Type 0 gave "one", 2 gave "two".'), changed: changed('messages') })).toEqual({ pane: 'trace', why: 'quoted' });
  });
  it('6. nothing named, the kernel changed: the Kernel; 7. else the Trace', () => {
    expect(resultPane({ notice: notice('The segment is gone.'), changed: { words: new Set(), any: true } })).toEqual({ pane: 'kernel', why: 'kernel-changed' });
    expect(resultPane({ notice: notice('Both reads find the text.'), changed: NO_CHANGE })).toEqual({ pane: 'trace', why: 'calls' });
  });
});

describe('0. a step that declares its result pane; a notice naming Tab for it', () => {
  it('Step.resultPane decides before every rule, a trace focus too', () => {
    expect(resultPane({ declared: 'kernel', notice: notice('B reads what A wrote (Trace).'), traceFocus: ['read at'] })).toEqual({ pane: 'kernel', why: 'declared' });
    expect(resultPane({ declared: 'trace', notice: notice('nattch 1.'), changed: changed('nattch') })).toEqual({ pane: 'trace', why: 'declared' });
  });
  it('tabPointers: the pane named nearest each Tab, BTab or 跳到', () => {
    expect(tabPointers(notice('IPC_SET also sets ctime to now (Tab to the Kernel pane).'))).toEqual(['kernel']);
    expect(tabPointers(notice("ipcs -m's rows are in the Trace tab (Tab).", 'ipcs -m 列出的行在“跟踪”窗格（按 Tab）。'))).toEqual(['trace']);
    expect(tabPointers(notice('', 'key 都是 0。Tab 到“内核”窗格：各占一行。'))).toEqual(['kernel']);
    expect(tabPointers(notice('', '跳到流程图看它走的路。'))).toEqual(['flow']);
    expect(tabPointers(notice('In the Kernel pane: a row each.', '“内核”窗格里：各占一行。'))).toEqual([]);
  });
  it("possibleResultPanes: what ipclab check holds a notice's Tab to, whatever the step changes", () => {
    expect([...possibleResultPanes({ notice: notice('Same key: how programs meet.') })].sort()).toEqual(['kernel', 'trace']);
    expect([...possibleResultPanes({ notice: notice('nattch 1.'), resultPane: 'trace' })]).toEqual(['trace']);
  });
});

describe('kernelChange: the words of the figures a step changed', () => {
  const seg = { key: 0, shmid: 7, owner: 'me', perms: '600', size: 4096, nattch: 0, status: '', cpid: 1, lpid: 0 } as never;
  const side = (segments: object[]) => ({ segments, queues: [], semaphores: [], focus: null, stat: null }) as never;
  it('a figure changed by its heading (size is bytes), a row new or gone as a change', () => {
    expect([...kernelChange(side([seg]), side([{ ...(seg as object), nattch: 1, size: 8192 }])).words].sort()).toEqual(['bytes', 'nattch']);
    expect(kernelChange(side([]), side([seg]))).toEqual({ words: new Set(), any: true });
    expect(kernelChange(side([seg]), side([]))).toEqual({ words: new Set(), any: true });
    expect(kernelChange(side([seg]), side([seg]))).toEqual({ words: new Set(), any: false });
    // changed and back while the step ran
    expect([...kernelChange(side([seg]), side([seg]), new Set(['shm:7:size'])).words]).toEqual(['bytes']);
  });
});

const TAB_NAME = (lang: Lang, tab: 'flow' | 'kernel' | 'trace' | 'code') => ({ flow: strings(lang).flow, kernel: strings(lang).kernel, trace: strings(lang).trace, code: strings(lang).code })[tab];

/** What is wrong after step `k` ran: the pane shown is not the one its result is in, or the tab
 *  bar does not show it (in brackets: `[Kernel]`). */
function wrongPane(r: Rendered, k: number): string | null {
  const st = r.store.getState();
  const want = resultOf(st, k);
  if (!want) return `step ${k + 1}: no pane derived`;
  if (st.tab !== want.pane) return `step ${k + 1}: the ${st.tab} pane shown, its result is in the ${want.pane} pane (${want.why})`;
  const bar = `[${TAB_NAME(st.lang, want.pane)}]`;
  return r.frame().includes(bar) ? null : `step ${k + 1}: the tab bar does not show ${bar}:\n${r.frame()}`;
}

/** The pane each step's result is shown in, step by step (k Kernel, t Trace, f Flow), read from
 *  each notice by hand (issue 16, fixS): a change of the rules or of a notice that moves a step's
 *  pane fails here, to be judged against what that notice speaks of. */
const PANES: Record<string, string> = {
  overview: 'tktkkkt', // 7: declared the Trace (its text reads ipcs -m there); 5: the question is nattch; the notice names the Trace for B's read
  shmget: 'kttttk', // 2: the notice names the Trace, where both shmids are (s30f); 5: rw------- is IPC_STAT's line in the Trace (the Kernel's perms read 600)
  ftok: 'ttttktttk',
  shmat: 'kkktktttkkkk', // 2: the Kernel pane, which its notice names (nattch, lpid, atime), the address said with its value
  shmdt: 'kktttk', // 3: the child's SIGSEGV, 5: where shmat lands, both the Trace's
  shmctl: 'ktkttkkt',
  'parent-child': 'kkkktktt', // 6: the child's "up" in the dump
  'serv-clnt': 'tttttt', // 2: declared the Trace: SIGUSR2, the poll and its new terms shm_segsz, __ATOMIC_SEQ_CST are there (s29j)
  msg: 'tkttttt', // 2: its notice reads the Kernel's messages and used-bytes (s25l); 4: ENOMSG in view, the notice says msg_qnum is 0 (s27h); 6: the reader's sleep and wake-up, its trace focus (s30c)
  sem: 'tkttkkt', // 1: the Trace's first GETVAL, 0, the start value the notice points at; 3: EAGAIN, the step's result, is in the Trace; its notice names the Kernel for semval (s25l); 4: the waiter's CPU time, the notice giving semncnt's value (s29d)
  race: 'ttttt', // 5: the times compared, in the Trace
};
const LETTER = { kernel: 'k', trace: 't', flow: 'f' } as const;

describe('after a run at 80x24 the pane shown holds its result', () => {
  for (const lesson of LESSONS) {
    for (const lang of ['en', 'zh'] as const) {
      it(`${lesson.id} (${lang}): every step, whichever pane was shown before it, the pane of the table`, async () => {
        const shown: string[] = [];
        const r = await draw({ width: 80, height: 24, lang, lesson: lesson.id });
        await r.waitFor(() => r.store.getState().busy === null && r.store.getState().run !== null, 'the lesson open');
        expect(r.store.getState().tab, 'a lesson opens on the Flow').toBe('flow');
        const s = strings(lang);
        for (let k = 0; k < lesson.steps.length; k++) {
          // every other step the learner shows the C pane (c) before its run: looking around, not
          // asking to keep it (issue 16 item 11: "your pane stays" cost a Tab at nearly every step);
          // the result's pane takes its place, said
          const chose = k % 2 === 1;
          if (chose) {
            await r.press('c');
            await r.waitFor(() => r.store.getState().tab === 'code', 'the C pane');
          }
          await r.press(KEYS.space);
          await ran(r, k + 1);
          const got = resultOf(r.store.getState(), k);
          let wrong: string | null = null;
          await r.waitFor(() => (wrong = wrongPane(r, k)) === null, `${lesson.id} step ${k + 1}`, 3_000).catch(() => undefined);
          expect(wrong, `${lesson.id} step ${k + 1} (${lang})`).toBeNull();
          if (chose) expect(r.store.getState().result?.moved, `${lesson.id} step ${k + 1}: the C pane gave way`).toBe(true);
          // a result that needs two panes names the other, never the one shown
          expect(lesson.steps[k].alsoIn?.pane ?? null, `${lesson.id} step ${k + 1}: alsoIn names the pane shown`).not.toBe(got?.pane);
          shown.push(got ? LETTER[got.pane] : '?');
          // the notice shown (a noticeBy's too) never sends the learner with Tab to the pane shown
          const said = r.store.getState().notices[k] ?? lesson.steps[k].notice;
          expect(got && tabPointers(said).includes(got.pane) ? said : null, `${lesson.id} step ${k + 1}: its notice says Tab for the ${got?.pane} pane, shown after the run`).toBeNull();
        }
        expect(shown.join(''), `${lesson.id}: the pane of each step (k Kernel, t Trace, f Flow)`).toBe(PANES[lesson.id]);
      }, 240_000);
    }
  }
});

describe('a pane chosen before the run gives way to the result; one chosen after it stays; a lesson opens on the Flow', () => {
  it('a pane chosen before the run or while it runs: the result is shown in its place, said; one chosen after the run stays until the next', async () => {
    const r = await drawFixture({ width: 80, height: 24, lang: 'en' });
    const s = strings('en');
    await r.waitFor(() => r.store.getState().busy === null && r.store.getState().run !== null, 'the lesson open');
    // the C pane shown before the step's run: the learner looking around, the result's pane shown
    await r.press('c');
    await r.waitFor(() => r.store.getState().tab === 'code', 'the C pane');
    await r.press(KEYS.space);
    await ran(r, 1);
    expect(r.store.getState().tab).toBe('kernel');
    expect(r.store.getState().result?.moved).toBe(true);
    await r.waitFor((f) => f.includes(s.resultShown(1, s.kernel)), "the result's pane said");
    // chosen after the run, while reading it: the pane stays, the language redrawn too
    await r.press('c');
    await r.waitFor(() => r.store.getState().tab === 'code', 'the C pane');
    await r.press('l');
    await r.waitFor(() => r.store.getState().lang === 'zh', 'the other language');
    expect(r.store.getState().tab).toBe('code');
    await r.press('l');
    await r.waitFor(() => r.store.getState().lang === 'en', 'back in English');
    // Space and Tab in one read: the Tab is pressed as the step runs, before its result: the result's pane shown
    await r.press(`${KEYS.space}${KEYS.tab}`);
    await ran(r, 2);
    await r.waitFor(() => r.store.getState().tab === resultOf(r.store.getState(), 1)?.pane, "the result's pane");
  });

  it("the next lesson opens on the Flow, not on the pane the last one was left on", async () => {
    const r = await drawFixture({ width: 80, height: 24, lang: 'en' });
    await r.waitFor(() => r.store.getState().busy === null && r.store.getState().run !== null, 'the lesson open');
    const steps = r.store.getState().lessons[0].steps.length;
    for (let k = 0; k < steps; k++) {
      await r.press(KEYS.space);
      await ran(r, k + 1);
    }
    r.store.getState().showTab('trace');
    await r.press(KEYS.enter); // Enter opens the next lesson; Space goes no further (s29n)
    await r.waitFor(() => r.store.getState().lessonIndex === 1 && r.store.getState().busy === null, 'the next lesson');
    expect(r.store.getState().tab).toBe('flow');
    await r.waitFor((f) => f.includes(`[${strings('en').flow}]`), 'the Flow in the tab bar');
  });

  it('side by side a result in the Kernel takes the focus, said; zoomed, the one shown moves', async () => {
    const r = await drawFixture({ width: 120, height: 34, lang: 'en' });
    const s = strings('en');
    await r.waitFor(() => r.store.getState().busy === null && r.store.getState().run !== null, 'the lesson open');
    await r.press(KEYS.space);
    await ran(r, 1);
    expect(resultOf(r.store.getState(), 0)?.pane).toBe('kernel');
    expect(r.store.getState().tab).toBe('kernel');
    await r.waitFor((f) => f.includes(s.resultShown(1, s.kernel)), 'the focus moved, said');
    await r.press('z');
    await r.waitFor(() => r.store.getState().zoomed, 'zoomed');
    await r.press(KEYS.space);
    await ran(r, 2);
    expect(r.store.getState().tab).toBe(resultOf(r.store.getState(), 1)?.pane);
  });

  it('side by side a result in the Trace takes the focus, said, in both languages; not from the C code, nor from a pane Tabbed to or scrolled during the step', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const s = strings(lang);
      const r = await draw({ width: 120, height: 34, lang, lesson: 'overview' });
      await r.waitFor(() => r.store.getState().busy === null && r.store.getState().run !== null, 'the lesson open');
      await r.press(KEYS.space);
      await ran(r, 1);
      expect(resultOf(r.store.getState(), 0)?.pane).toBe('trace');
      await r.waitFor(() => r.store.getState().tab === 'trace', 'the focus on the Trace');
      expect(r.store.getState().result?.moved).toBe(true);
      await r.waitFor((f) => f.includes(s.resultShown(1, s.trace)) || f.includes(s.traceCutHint(1, r.store.getState().traceCut?.shows ?? 'result', r.store.getState().traceCut?.rows ?? 0, 'z')), 'the focus moved, said');
      // z zooms the Trace at once
      await r.press('z');
      await r.waitFor(() => r.store.getState().zoomed, 'zoomed');
      expect(r.store.getState().tab).toBe('trace');
      await r.press('z');
      await r.waitFor(() => !r.store.getState().zoomed, 'back');
      // the C code shown before a run whose result is in the Trace (overview 3's is) gives the focus to it
      await r.press(KEYS.space);
      await ran(r, 2);
      await r.press('c');
      await r.waitFor(() => r.store.getState().tab === 'code', 'the C pane');
      await r.press(KEYS.space);
      await ran(r, 3);
      expect(resultOf(r.store.getState(), 2)?.pane).toBe('trace');
      await r.waitFor(() => r.store.getState().tab === 'trace', 'the focus on the Trace');
      // a pane Tabbed to while the step runs gives way too (Space and Tabs in one read: from
      // step 6's Kernel past the Trace to the C code)
      for (let k = 4; k <= 6; k++) {
        await r.press(KEYS.space);
        await ran(r, k);
      }
      expect(r.store.getState().tab).toBe('kernel');
      await r.press(`${KEYS.space}${KEYS.tab}${KEYS.tab}`);
      await ran(r, 7);
      expect(resultOf(r.store.getState(), 6)?.pane).toBe('trace');
      await r.waitFor(() => r.store.getState().tab === 'trace', 'the focus on the Trace');
      await r.quit();
    }
  }, 90_000);

  // issue 16 item 11: a pane scrolled before the run is the learner looking around; the result
  // takes the focus (it once stayed on the Kernel pane scrolled, "your pane stays", and cost a Tab)
  it('side by side a pane the learner scrolled before the run gives the focus to the result', async () => {
    const r = await draw({ width: 120, height: 34, lang: 'en', lesson: 'parent-child' });
    await r.waitFor(() => r.store.getState().busy === null && r.store.getState().run !== null, 'the lesson open');
    const panes = PANES['parent-child']!;
    const k = panes.indexOf('t');
    for (let i = 0; i < k; i++) await ran(r, i + 1);
    expect(r.store.getState().tab).toBe('kernel');
    // a scroll of the Kernel pane in focus, then the step whose result is in the Trace
    const was = r.store.getState().followed.kernel;
    await r.press(KEYS.down);
    await r.waitFor(() => r.store.getState().followed.kernel !== was, "the learner's scroll");
    await ran(r, k + 1);
    expect(resultOf(r.store.getState(), k)?.pane).toBe('trace');
    expect(r.store.getState().tab).toBe('trace');
    await r.waitFor((f) => f.includes(strings('en').resultShown(k + 1, strings('en').trace)) || r.store.getState().traceCut !== null, "the result's pane said");
  }, 60_000);

  it('side by side, the C code left from a step before in place of the Flow and the Kernel: a result in the Kernel shows it', async () => {
    const r = await drawFixture({ width: 120, height: 34, lang: 'en' });
    await r.waitFor(() => r.store.getState().busy === null && r.store.getState().run !== null, 'the lesson open');
    await r.press('c');
    await r.waitFor(() => r.store.getState().tab === 'code', 'the C pane');
    await r.press(KEYS.space);
    await ran(r, 1);
    // step 1's result in the Kernel shows it in the C code's place
    expect(resultOf(r.store.getState(), 0)?.pane).toBe('kernel');
    await r.waitFor((f) => r.store.getState().tab === 'kernel' && /┌─[ [](Kernel)/.test(f), 'the Kernel pane shown again');
  });
});
