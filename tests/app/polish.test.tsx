// What a newcomer and a teacher see, checked on the real screen: text laid out as
// written, Chinese broken where Chinese breaks, the status line in the language shown.
import { describe, expect, it } from 'vitest';
import { KEYS, paneRows, questionShown, ran, tabTo } from '../helpers/render.js';
import { ranBefore } from '../helpers/ran-before.js';
import { LESSONS } from '../../src/lessons/index.js';
import { flowRowsFor } from '../../src/app/components/flow-view.js';
import * as flowLib from '../../src/flow/index.js';
import { idle, polishDraw, scrollTo } from './polish-kit.js';
import { chainLines, closingLines } from '../../src/app/components/closing-view.js';
import { strings } from '../../src/app/strings.js';
import { cells } from '../../src/app/text-fit.js';

const draw = polishDraw();

/** The row of the lesson pane's bottom border (the pane is as tall as its text needs). */
function lessonBottom(lines: string[]): number {
  return lines.findIndex((l, i) => i > 1 && l.startsWith('└'));
}

/** The lesson text column at 80x24: what follows the step list's separator. */
function textColumn(frame: string): string[] {
  const lines = frame.split('\n');
  return lines
    .slice(2, lessonBottom(lines))
    .map((l) => (l.includes(' │ ') ? l.slice(l.indexOf(' │ ') + 3, -1) : ''))
    .map((l) => l.trimEnd());
}

describe('lesson text', () => {
  it('keeps a step text as one paragraph (sentences are not put on lines of their own)', async () => {
    const r = await draw({ width: 80, height: 24 });
    const f = await r.waitFor((f) => f.includes('Make a segment.'), 'the first step');
    expect(f).toContain('Make a segment. It has no attachments yet.');
  });

  it('Chinese: full-width colons, and no line starts with closing or ends with opening punctuation', async () => {
    for (const lesson of LESSONS) {
      const r = await draw({ width: 80, height: 24, lessons: LESSONS, lesson: lesson.id, lang: 'zh' });
      await r.waitFor(() => idle(r), `${lesson.id} open`);
      for (let view = 0; view < lesson.steps.length; view++) {
        // the whole text of the step: scroll through it page by page
        const seen: string[] = [];
        for (let page = 0; page < 6; page++) {
          const f = r.frame();
          seen.push(...textColumn(f));
          for (const l of textColumn(f)) {
            expect(l, `${lesson.id} step ${view + 1}: "${l}"`).not.toMatch(/^[，。；：、）」』！？”’》〉】]/u);
            expect(l, `${lesson.id} step ${view + 1}: "${l}"`).not.toMatch(/[（「『“‘《〈【]$/u);
            expect(l).not.toMatch(/注意: |步骤 \d+\/\d+: /);
          }
          await r.press(KEYS.pageDown);
        }
        expect(seen.join('\n')).toContain(`步骤 ${view + 1}/${lesson.steps.length}：`);
        await r.press(KEYS.right);
      }
      await r.quit();
    }
  }, 90_000);
});

describe('lesson pane side by side', () => {
  it('scrolling a long text keeps the step list, and the current step, in place', async () => {
    // every introduction fits 80x24 whole (tests/app/walkthrough.test.ts): at 80x20 one needs scrolling
    const r = await draw({ width: 80, height: 20, lessons: LESSONS, lesson: 'parent-child' });
    // the introduction needs the width: the step list beside it is its numbers
    await r.waitFor((f) => /│ ▶ 1 +│/.test(f) && /↓ \d+ more/.test(f), 'the intro with more below');
    await r.press(KEYS.pageDown);
    const f = await r.waitFor((f) => /↑ \d+ more ┐/.test(f), 'the text scrolled');
    // the sign names what PgUp brings or nothing: no bare "PgUp" beside it (fix28b#3)
    expect(f).not.toMatch(/↑ \d+ more PgUp/);
    expect(f).toMatch(/│Step │/);
    expect(f).toMatch(/│ ▶ 1 +│/);
    expect(f).toMatch(/│ {3}6 +│/);
    expect(f).toMatch(/│ +\+2↓ +│/);
    // the column separator runs the pane's full height
    const lines = r.lines();
    expect(lines.slice(2, lessonBottom(lines)).every((l) => l.includes(' │ '))).toBe(true);
  });

  it('when the text of the step Space would run is below, the border says so', async () => {
    // a short terminal: a long introduction (the overview's, with the notes it introduces) puts the step's heading below
    const r = await draw({ width: 80, height: 18, lessons: LESSONS, lesson: 'overview', quiz: false });
    await r.waitFor((f) => /│ ▶ 1 +│/.test(f), 'the intro');
    const bottom = lessonBottom(r.lines());
    expect(r.lines()[bottom]).toMatch(/↓ \d+ more Space: step 1's text ┘$/);
    await r.press(KEYS.pageDown, KEYS.pageDown, KEYS.pageDown, KEYS.pageDown);
    await r.waitFor((f) => /▶ step 1\/\d+/.test(f), 'the step heading in view');
    // the step read down to its end, the bar runs it ("Space run 1"): the border names Space only in the bar's words (issue 16 item 10)
    await r.waitFor((f) => /^ Space run 1 /m.test(f), 'the bar: Space runs step 1');
    expect(r.lines()[bottom]).not.toMatch(/Space: (?!run 1 )/);
  });

  it('presenter mode at 80x24 lists the steps with no blank lines between them beside the text, and says how many are below', async () => {
    const r = await draw({ width: 80, height: 24, lessons: LESSONS, lesson: 'shmat', present: true });
    const f = await r.waitFor((f) => /│ ▶ +1 +│/.test(f), 'the lesson');
    // the heading is the same word as in a lesson of fewer steps (issue 16: 'Steps' in shmat, 'Step' elsewhere)
    expect(f).toMatch(/│ ?Step +│/);
    // the steps listed one a row from 1 (at least 8 of the 12), then how many are below (✎ a step that asks: fix27c#3)
    const listed = [...f.matchAll(/│ [ ▶✎] +(\d+) +│/g)].map((m) => Number(m[1]));
    expect(listed.length).toBeGreaterThanOrEqual(8);
    expect(listed).toEqual(listed.map((_, i) => i + 1));
    expect(f).toMatch(new RegExp(`│ +\\+${12 - listed.length}↓ +│`));
  });

  it('presenter mode in a large but short terminal: the text first, the steps under it without blank lines, a sign for those below', async () => {
    // lessons 1-3 run (a newcomer's text has a line counting their terms, one row more)
    const r = await draw({ width: 120, height: 34, lessons: LESSONS, lesson: 'shmat', present: true, state: ranBefore('shmat') });
    const f = await r.waitFor((f) => f.includes('▶  1 A segment'), 'the lesson');
    // the steps under the text one a row from 1 (at least 3 of the 12), then how many are below
    // the numbers right-aligned (fix15g#3): " ▶  1 A segment…" over "   12 Last call: shmctl"
    const listed = [...f.matchAll(/│ [ ▶✎] +(\d+) /g)].map((m) => Number(m[1]));
    expect(listed.length).toBeGreaterThanOrEqual(3);
    expect(listed).toEqual(listed.map((_, i) => i + 1));
    expect(f).toMatch(new RegExp(`│ ${12 - listed.length} more ↓ +│`));
    expect(f).toContain('▶ step 1/12: A segment to work with');
  });

  it('stacked in a large terminal: a short text has the step list right under it', async () => {
    const r = await draw({ width: 160, height: 48 });
    await r.press(KEYS.space);
    await r.waitFor(() => r.store.getState().done === 1 && idle(r), 'step 1');
    const lines = r.lines();
    const header = lines.findIndex((l) => l.includes('▶ step 2/4: shmat and write'));
    expect(lines[header + 3]).toMatch(/^│ ✓ 1 shmget/);
  });

  it('a wider terminal gives the step list more room', async () => {
    const r = await draw({ width: 120, height: 34, lessons: LESSONS, lesson: 'shmat' });
    await r.waitFor((f) => f.includes('step 1/12'), 'the lesson');
    await r.press(KEYS.right);
    const f = await r.waitFor((f) => f.includes('step 2/12'), 'step 2 shown');
    expect(f).toContain('  1 A segment to work with ');
    expect(f).toContain('  3 Write a line of text ');
  });
});

describe('kernel pane says what the lessons say', () => {
  it('a time never set is 0, as in "nattch 0, lpid 0 and atime 0"', async () => {
    const r = await draw({ width: 160, height: 48 });
    await r.press(KEYS.space);
    const f = await r.waitFor((f) => /\(IPC_STAT\)|record: /.test(f) && idle(r), 'IPC_STAT');
    // the record's one order (s26c): the times first, then the pids (a line may end between them)
    expect(f).toMatch(/atime 0 +dtime 0 /);
    expect(f).toMatch(/ctime \d\d:\d\d:\d\d/);
    expect(f).toMatch(/lpid 0 /);
  });
});

describe('processes at 80x24', () => {
  it('race: the lesson\'s pid on the tab bar from step 1, as in the other lessons with processes (nc81)', async () => {
    const r = await draw({ width: 80, height: 24, lessons: LESSONS, lesson: 'race' });
    await r.press(KEYS.space);
    await r.waitFor(() => r.store.getState().done === 1 && idle(r), 'step 1');
    // the run showed the Trace, its result: the Flow by Tab
    await tabTo(r, 'flow');
    const bar = await r.waitFor((f) => f.includes('┌─ Flow'), 'the flow tab');
    expect(bar).toMatch(new RegExp(`Tab ⇥ +(processes: lesson |lesson pid )${process.pid} ?\n`));
  });

  it('parent-child: the parent\'s pid and a count of the rest on the tab bar whatever tab is shown, in both languages (one shape through the lesson: fix21f#3)', async () => {
    const r = await draw({ width: 80, height: 24, lessons: LESSONS, lesson: 'parent-child' });
    for (let i = 0; i < 2; i++) {
      await r.press(KEYS.space);
      // (a Space may bring the rest of the step's text into view first: ran presses one more)
      await ran(r, i + 1);
      await r.waitFor(() => idle(r), `step ${i + 1} idle`);
    }
    const [parent] = r.store.getState().processes;
    const bar = () => r.lines().find((l) => /^ [ [](Flow|流程)[ \]] │/.test(l)) ?? '';
    // the run showed the Kernel, its result: the Flow by Tab
    await tabTo(r, 'flow');
    await r.waitFor((f) => f.includes('┌─ Flow'), 'the flow tab');
    expect(bar()).toMatch(new RegExp(`^ \\[Flow\\] │  Kernel  │  Trace  │  C {4}Tab ⇥ +(processes: lesson |lesson pid )${parent.pid}( \\(the parent\\))? \\+ 1 (alive|ended)( \\(see Kernel\\))? ?$`));
    await r.press(KEYS.tab, KEYS.tab);
    await r.waitFor((f) => f.includes('┌─ Trace'), 'the trace tab');
    expect(bar()).toMatch(new RegExp(`${parent.pid} \\+ 1 (alive|ended)`));
    await r.press('l');
    await r.waitFor((f) => f.includes('┌─ 跟踪'), 'Chinese');
    expect(bar()).toMatch(new RegExp(`Tab ⇥ +((本课的)?进程：本课 |本课 pid )${parent.pid}(（父进程）)? ?另 1 个(存活|已结束)`));
    // how to change tab is said once, on the tab bar: the status line names the scroll keys (nc71#5)
    // (the Trace follows its end: only ↑ moves it, the hint names only that way: fix27c#1)
    expect(r.lines()[22]).toMatch(/ ↑↓? 跟踪 ?$/); // ↓ too: the Trace opens on the step's heading (s31d)
    expect(r.lines()[22]).not.toContain('Tab ⇥');
  });
});

describe('flow at 80x24', () => {
  it('a lit part taller than the pane: what the step lit anew in view, the rest named on the border', async () => {
    const r = await draw({ width: 80, height: 24, lessons: LESSONS, lesson: 'serv-clnt' });
    await r.press(KEYS.space);
    await r.waitFor(() => r.store.getState().done === 1 && idle(r), 'step 1');
    // the question brought: the lesson pane takes its usual rows back from the Trace, which had
    // them while step 1's result was read (store/reading.ts)
    await questionShown(r);
    await tabTo(r, 'flow');
    // step 1 lit the server's write into the segment, an arrow whose label wraps over more rows
    // than the pane has beside the lesson at 80x24: the boxes it lit anew are in view (fix15k#1),
    // the rest of the lit part named on the border
    // (above or below: which side of the newest boxes the rest lies on is the diagram's layout)
    const f = await r.waitFor((f) => f.includes('┌─ Flow') && /lit goes on (above|below)/.test(f), 'the flow drawn, the lit part going on');
    const side = /lit goes on above/.test(f) ? 'above' : 'below';
    // the border on that side: the top one above, the bottom one below
    const border = () => {
      const lines = r.lines();
      const top = lines.findIndex((l) => l.startsWith('┌─ Flow'));
      return side === 'above' ? lines[top] : lines.find((l, i) => i > top && l.startsWith('└'))!;
    };
    expect(border()).toMatch(new RegExp(`${side === 'above' ? '↑' : '↓'} \\d+ more · lit goes on ${side}( ·|\\s)`));
    // a row at a time that way until no lit part is left there: the server that began it is then in view
    for (let i = 0; i < 40 && border().includes(`lit goes on ${side}`); i++) {
      const before = r.store.getState();
      await r.press(side === 'above' ? KEYS.up : KEYS.down);
      await r.waitFor(() => r.store.getState() !== before, `${side === 'above' ? 'up' : 'down'} ${i + 1}`);
    }
    expect(border()).not.toContain(`lit goes on ${side}`);
    const lines = r.lines();
    const top = lines.findIndex((l) => l.startsWith('┌─ Flow'));
    const bottom = lines.findIndex((l, i) => i > top && l.startsWith('└'));
    // the server, lit, and the lit arrow leaving it; the write's label, by the segment (the newest
    // box), was in the first view
    // (from its top or its side: serv-clnt-1's label 'write server_pid, then magic', s30g)
    expect(lines.slice(top + 1, bottom).join('\n')).toMatch(/┏━*┻━*┓[^\n]*\n[^\n]*┃ +server +┃|┃ +server +┣━/);
    // (since s30g's label, 'write server_pid, then magic' runs beside the server: in this view)
    expect(paneRows(f.split('\n'), 'Flow').join('\n')).toMatch(/┃ shared memory ┃/);
    expect(lines.slice(top + 1, bottom).join('\n')).toMatch(/write +.*\n.*server_pid/);
  });
});

describe('large terminal', () => {
  it('160x48: the kernel pane takes the rows the flow does not need; all of IPC_STAT and the struct in view', async () => {
    const r = await draw({ width: 160, height: 48, lessons: LESSONS, lesson: 'serv-clnt' });
    await r.press(KEYS.space);
    const f = await r.waitFor((f) => f.includes('magic 0x4C425631') && f.includes('ctime') && idle(r), 'the struct and IPC_STAT');
    const lines = r.lines();
    const kernelTop = lines.findIndex((l) => l.includes('┌─ Kernel (ipcs:'));
    const right = lines[kernelTop].indexOf('┌─ Kernel');
    const kernelBottom = lines.findIndex((l, i) => i > kernelTop && l.slice(right).startsWith('└'));
    // nothing hidden in the kernel pane
    expect(lines[kernelBottom]).not.toMatch(/more/);
    expect(f).not.toMatch(/Kernel \(ipcs -m[^\n]*more/);
    // and the flow above it is whole too
    expect(lines.slice(0, kernelTop).join('\n')).not.toMatch(/↓ \d+ more ┘/);
    // the flow pane is as tall as the lesson's tallest flow and its legend, no taller: the title bar, the frame, that;
    // where that leaves the kernel pane fewer than its 13 rows (its table, IPC_STAT, the struct: layout.ts, at
    // 48 rows), the kernel keeps them and the flow scrolls (serv-clnt's diagram 3, 19 rows since it gained a box)
    const serv = LESSONS.find((l) => l.id === 'serv-clnt')!;
    const flowPane = 2 + flowRowsFor(flowLib, serv, lines[kernelTop].length - right - 2, false, 'en');
    const kernelMin = 13;
    expect(kernelTop).toBe(1 + Math.min(flowPane, kernelBottom - kernelMin));
    expect(kernelBottom + 1 - kernelTop).toBeGreaterThanOrEqual(kernelMin);
  });
});

describe('trace', () => {
  it('shmat in Chinese: the refusal in Chinese and whole (wrapped, not cut), the child named as throw-away', async () => {
    const r = await draw({ width: 80, height: 24, lessons: LESSONS, lesson: 'shmat', lang: 'zh' });
    for (let i = 0; i < 6; i++) {
      await r.press(KEYS.space);
      // (a Space may bring the rest of the step's text into view first: ran presses one more)
      await ran(r, i + 1);
      await r.waitFor(() => idle(r), `step ${i + 1} idle`);
    }
    // each run showed its result's pane (src/lessons/result-pane.ts): Tab on to the Trace
    await tabTo(r, 'trace');
    // (its border names the step the window opens inside: "跟踪 · 步骤 6", s36d)
    await r.waitFor((f) => /─ 跟踪( · 步骤 \d+)? ─/.test(f), 'the trace tab');
    // the trace shows its end: the death is above the note on the child's attach
    const f = await scrollTo(r, (f) => /\d+ • 向只读映射写入的子进程（pid \d+）被 SIGSEGV 杀死（waitpid）/.test(f), 'the child\'s death', KEYS.up);
    expect(f).toMatch(/\d+ • 向只读映射写入的子进程（pid \d+）被 SIGSEGV 杀死（waitpid）/);
    // the throw-away child's spawn and its own calls come after the refusal: a few rows up (the child's own line on its access sits between them)
    for (let i = 0; i < 10 && !r.frame().includes('ipclab 拒绝了：'); i++) await r.press(KEYS.up);
    await r.waitFor((f) => f.includes('ipclab 拒绝了：'), 'the refusal');
    expect(r.frame()).toMatch(/\d+ • 另起子进程（pid \d+），让它向只读/);
    const refusal = r.lines().findIndex((l) => l.includes('ipclab 拒绝了：'));
    expect(refusal).toBeGreaterThan(0);
    // the reason goes on under itself: nothing cut
    expect(r.lines()[refusal]).not.toContain('…');
    expect(r.lines()[refusal]).not.toMatch(/segment \d+ is/);
  });
});

describe('status line', () => {
  it('a long message takes the line (the pane hint gives way); a short one sits two spaces from the hint', async () => {
    const r = await draw({ width: 80, height: 24 });
    await r.waitFor((f) => f.includes('Tab ⇥'), 'the first frame');
    const long = 'resumed parent-child: re-ran steps 1–7 to rebuild what they made, in order';
    r.store.setState({ status: () => long });
    let line = await r.waitFor((f) => f.includes('resumed parent'), 'the long message').then(() => r.lines()[22]);
    expect(line.trim()).toBe(long);
    r.store.setState({ status: () => 'lesson reset' });
    line = await r.waitFor((f) => f.includes('lesson reset'), 'the short message').then(() => r.lines()[22]);
    // the hint names only the ways the Flow can move (fix27c#1): at its top, ↓ alone
    expect(line).toMatch(/^ lesson reset {2,}↓ Flow ?$/);
  });

  it('clears on the next key, a language switch too (nc2#20), and does not outlive the lesson it was about', async () => {
    const r = await draw({ width: 80, height: 24, lesson: 'second' });
    await r.press(KEYS.space);
    await r.waitFor((f) => f.includes('step 2/4') && idle(r), 'step 1 run');
    // r asks once: a second r resets
    await r.press('r', 'r');
    await r.waitFor((f) => f.includes('lesson reset: what it made is removed; your answers and score stand'), 'the reset line');
    await r.press('l');
    const zh = await r.waitFor((f) => f.includes('步骤 1/4'), 'the lesson in Chinese');
    expect(zh).not.toContain('本课已重置');
    expect(r.store.getState().status).toBeNull();
    await r.press('l', 'r', 'r');
    await r.waitFor((f) => f.includes('lesson reset: what it made is removed; your answers and score stand'), 'the reset line again');
    await r.press('m', KEYS.up, KEYS.enter);
    const f = await r.waitFor((f) => /^ ipclab {3}1\/2 fixture/.test(f) && idle(r), 'lesson 1 open');
    expect(f).not.toContain('lesson reset');
  });
});

describe('what looks selectable is', () => {
  it('c and Esc go back to the pane shown before the C code; the kernel tab names its s key', async () => {
    // s is offered only with several segments: parent-child's step 1 makes two
    const r = await draw({ width: 80, height: 24, lessons: LESSONS, lesson: 'parent-child' });
    await r.waitFor((f) => f.includes('Tab ⇥'), 'the first frame');
    await r.press(KEYS.tab);
    await r.waitFor(() => r.store.getState().tab === 'kernel', 'the kernel tab');
    expect(r.lines()[22]).not.toContain('s focus');
    await r.press(KEYS.space);
    await ran(r, 1);
    await r.waitFor(() => idle(r) && r.store.getState().segments.length > 1, 'step 1 run');
    // the run showed its result's pane (src/lessons/result-pane.ts): the Kernel by Tab where it is not that
    await tabTo(r, 'kernel');
    await r.waitFor(() => r.lines()[22].includes('s focus'), 'the s key named');
    await r.press('c');
    await r.waitFor((f) => f.includes('┌─ C code: '), 'the C code');
    await r.press('c');
    await r.waitFor(() => r.store.getState().tab === 'kernel', 'back to the kernel, not the flow');
    await r.press('c', KEYS.escape);
    await r.waitFor(() => r.store.getState().tab === 'kernel', 'Esc back to the kernel too');
    // C reached by Tab (Kernel, Trace, C): c goes back to the Trace, not to the Flow
    await r.press(KEYS.tab, KEYS.tab);
    await r.waitFor((f) => r.store.getState().tab === 'code' && f.includes('[C]'), 'the C tab by Tab');
    await r.press('c');
    await r.waitFor(() => r.store.getState().tab === 'trace', 'c back to the trace');
  });
});

describe('lesson text', () => {
  it('the shown step keeps the list’s one layout (numbers here, as at every step of the lesson) and its title is whole in the text; the introduction comes back with step 1 in review', async () => {
    const r = await draw({ width: 80, height: 24, lessons: LESSONS, lesson: 'shmdt' });
    await r.waitFor((f) => f.includes('▶ 1 '), 'the lesson');
    await r.press('n', 'n', 'n', 'n');
    const f = await r.waitFor(() => r.store.getState().view === 4, 'step 5 shown');
    // "Attach the same shmid again" (less16: titles give no answer away) is whole in the text's heading.
    // The lesson needs the width at 80x24, so its list is numbers only at every step
    const list = r.lines().slice(2, 10).map((l) => l.slice(2, 28).trim());
    // (row 0 is the list's heading)
    expect(list.slice(5, 7)).toEqual([expect.stringMatching(/^▶ 5 │/), expect.stringMatching(/^6 │/)]);
    expect(f).toMatch(/│ step 5\/6: Attach the same shmid again +│/);
    await r.press(KEYS.space);
    await r.waitFor(() => r.store.getState().done === 1 && idle(r), 'step 1 run');
    await r.press(KEYS.left);
    await r.waitFor((f) => f.includes('int shmdt(const void *shmaddr) removes'), 'the introduction with step 1 in review');
  });
});

describe('closing screen', () => {
  it('after the last lesson: the lessons with the steps run; its keys on the key bar, Esc back, z nothing; m the menu', async () => {
    const r = await draw({ width: 80, height: 24, lesson: 'second' });
    await r.press(KEYS.space, KEYS.space, KEYS.space, KEYS.space);
    await r.waitFor((f) => f.includes('End of the lesson.'), 'the end of the last lesson');
    // Enter (or →) finishes; Space goes no further at a lesson's end (s29n)
    expect(r.lines()[23]).toMatch(/^ →\/Enter finish /);
    await r.press(KEYS.enter);
    let f = await r.waitFor((f) => /─[ []The end[\] ]─/.test(f), 'the closing screen');
    expect(r.lines()).toHaveLength(24);
    // the fixture lessons are in none of the course's parts: listed under "Other lessons"
    expect(f).toContain('Other lessons');
    // the fixture lesson 1 was not run here, lesson 2 to its end
    expect(f).toMatch(/ {3}1 fixture — four real steps {2}0\/4 steps/);
    expect(f).toMatch(/ ✓ 2 second — the same calls again {2}4\/4 steps/);
    expect(f).toContain('The kernel holds no object made by this run');
    // its keys are on the key bar only, as the glossary's and the errata's are; all of it in view
    // here (no "more" on its border), so no scroll key is offered (fix27c#1)
    expect(f).not.toMatch(/[↑↓] \d+ more/);
    expect(r.lines()[23]).toMatch(/^ Esc close {2}m menu {2}l 中文 {2}q quit/);
    expect(r.lines()[22].trim()).toBe('');
    // z is no key here: the screen stays
    await r.press('z', KEYS.space);
    expect(r.store.getState().overlay).toBe('end');
    await r.press('l');
    f = await r.waitFor((f) => /─[ []结束[\] ]─/.test(f), 'the closing screen in Chinese');
    expect(f).toMatch(/ ✓ 2 .* {2}4\/4 步/);
    expect(f).not.toMatch(/[↑↓] 还有 \d+ 行/);
    expect(r.lines()[23]).toMatch(/^ Esc 关闭 {2}m 菜单 {2}l EN {2}q 退出/);
    await r.press(KEYS.escape);
    await r.waitFor(() => r.store.getState().overlay === 'none', 'Esc: back to the lesson');
    await r.press(KEYS.enter);
    await r.waitFor(() => r.store.getState().overlay === 'end', 'Enter: the closing screen again');
    await r.press('m');
    await r.waitFor((f) => f.includes('课程列表'), 'the menu');
  });

  it('the whole course in one column: its four parts with their calls, every lesson title whole at 80 columns (en) and 120 (zh)', () => {
    const answers = {};
    for (const [lang, width] of [['en', 78], ['zh', 118], ['zh', 78]] as const) {
      const s = strings(lang);
      const completed = LESSONS.map((l) => l.id);
      const ran = Object.fromEntries(LESSONS.map((l) => [l.id, l.steps.length]));
      const lines = closingLines({ lessons: LESSONS, completed, ran, answers, left: 0, lang, ascii: false, s }, width);
      // as drawn: a no-break space is a space on screen
      const texts = lines.map((l) => l.map((r) => r.text).join('').replaceAll('\u00a0', ' '));
      for (const t of texts) {
        expect(cells(t), t).toBeLessThanOrEqual(width);
        expect(t, t).not.toContain('…');
      }
      const all = texts.map((t) => t.trim()).join(lang === 'en' ? ' ' : '');
      const flat = (t: string) => (lang === 'en' ? t : t.replaceAll(' ', ''));
      for (const call of ['ftok → shmget → shmat', 'msgget → msgsnd → msgrcv', 'semget → semctl(SETVAL)']) expect(flat(all)).toContain(flat(call));
      for (const l of LESSONS) expect(flat(all), l.id).toContain(flat(l.title[lang]));
      expect(all).toContain(s.closingSteps(LESSONS[0].steps.length, LESSONS[0].steps.length));
      // the parts in the order of the course: shared memory, queues, semaphores, the race
      const at = (id: string) => texts.findIndex((t) => t.includes(LESSONS.find((l) => l.id === id)!.title[lang].split(' ')[0]));
      expect(at('overview')).toBeLessThan(at('msg'));
      expect(at('msg')).toBeLessThan(at('sem'));
      expect(all.replace(/\s+/g, '')).toContain(s.closingHead(LESSONS.length, LESSONS.length).replace(/\s+/g, ''));
    }
  });

  it('a chain of calls breaks only after an arrow, goes on indented, and never splits a call of several words (nc91)', () => {
    for (const [lang, width] of [['en', 76], ['en', 40], ['zh', 116], ['zh', 40], ['zh', 30]] as const) {
      const s = strings(lang);
      const lines = closingLines({ lessons: LESSONS, completed: [], ran: {}, answers: {}, left: 0, lang, ascii: false, s }, width + 2);
      const texts = lines.map((l) => l.map((r) => r.text).join(''));
      const head = lang === 'en' ? 'The race: ' : '竞争：';
      const at = texts.findIndex((t) => t.startsWith(head));
      const chain = texts.slice(at, texts.findIndex((t, i) => i > at && !t.includes('→') && !/^\s+IPC_RMID$/.test(t)));
      expect(chain.length, chain.join('\n')).toBeGreaterThan(0);
      for (const [i, t] of chain.entries()) {
        if (i < chain.length - 1) expect(t, t).toMatch(/→$/);
        if (i > 0) expect(t, t).toMatch(/^ {2,}\S/);
        expect(t, t).not.toMatch(/^\s*→/);
      }
      const calls = chain.map((t) => t.trim()).join(' ');
      for (const call of lang === 'en' ? ['atomic add', 'counter++ (no lock)', 'shmget + semget', 'P; counter++; V'] : ['原子加', 'counter++（不加锁）', 'shmget + semget']) {
        expect(chain.some((t) => t.includes(call)), `${call} whole on one line at ${width}:\n${chain.join('\n')}`).toBe(true);
        expect(calls).toContain(call);
      }
    }
    // a call wider than its line is the only thing broken at its words
    expect(chainLines('Race: ', ['shmget + semget', 'IPC_RMID'], '→', 12)).toEqual(['Race:', '  shmget +', '  semget →', '  IPC_RMID']);
  });

  it('says what the learner did: lessons not run are not "worked" (nc83), en and zh', () => {
    for (const lang of ['en', 'zh'] as const) {
      const s = strings(lang);
      const ran = Object.fromEntries(LESSONS.slice(6).map((l) => [l.id, l.steps.length]));
      const lines = closingLines({ lessons: LESSONS, completed: Object.keys(ran), ran, answers: {}, left: 0, lang, ascii: false, s }, 118);
      const all = lines.map((l) => l.map((r) => r.text).join('')).join('').replace(/\s+/g, '');
      expect(all).toContain((lang === 'en' ? `you ran ${LESSONS.length - 6} of ${LESSONS.length} lessons` : `你跑完了 ${LESSONS.length} 课中的 ${LESSONS.length - 6} 课`).replace(/\s+/g, ''));
      expect(all).not.toMatch(/You ran every lesson|跑完了每一课/);
    }
  });
});

describe('kernel pane', () => {
  it('80x24: the written bytes stay in view (rows of zeros left out, blank lines dropped when short)', async () => {
    const r = await draw({ width: 80, height: 24 });
    await r.press(KEYS.space, KEYS.space);
    await r.waitFor(() => r.store.getState().done === 2 && idle(r), 'step 2 run');
    // the run showed its result's pane (src/lessons/result-pane.ts): the Kernel by Tab where it is not that
    await tabTo(r, 'kernel');
    const f = await r.waitFor((f) => f.includes('hello, 你·好·') && idle(r), 'the bytes in the dump');
    // the ranges said are the bytes' own: 0x10-0x3f are zeros, in the rows' hex offsets
    expect(f).toMatch(/segment \d+ \(4096 bytes\): 0000–003f \(hex\)/);
    // the written row in view; the zeros under it a line below at most (the Kernel pane's legend
    // is always a line under its table, fixM: beside the title it flipped from step to step)
    expect(f).toMatch(/│0000[*+ ] 68 65 6c 6c 6f/);
    // below: at most the key words line (s31e), its words then on the border (s36a#3)
    expect(r.lines()[21]).toMatch(/^└─+( ↓ [12] more( · \[ \] page bytes  \} next non-zero)? )?┘$/);
    // the whole segment can be paged through, within its bounds, the range in view said
    expect(f).toContain('[ ] page bytes');
    await r.press(']');
    await r.waitFor((f) => f.includes(': 0040–007f (hex)') && f.includes('0040–007f  all 00 (64 bytes)'), 'the next 64 bytes');
    await r.press('[', '[');
    await r.waitFor((f) => f.includes(': 0000–003f (hex)') && f.includes('hello, 你·好·'), 'back at the start, not before it');
    for (let i = 0; i < 70; i++) await r.press(']');
    await r.waitFor((f) => f.includes(': 0fc0–0fff (hex)'), 'the last 64 bytes, not past the end');
  });
});

describe('wording on the frame', () => {
  it('Chinese "more" signs read as Chinese; help names every pane ↑↓ scrolls; --ascii menu hint; done in the title bar', async () => {
    const zh = await draw({ width: 80, height: 24, lang: 'zh' });
    await zh.waitFor((f) => /↓ 还有 \d+ 行/.test(f), 'a Chinese more sign on the flow');
    // above the key bar (whose last item is "? 全部": the keys it does not name)
    expect(zh.frame().trimEnd().split('\n').slice(0, -1).join('\n')).not.toContain('更多');
    await zh.press('?');
    const help = await zh.waitFor((f) => f.includes('按任意键关闭帮助'), 'the help in Chinese');
    expect(help).toContain('菜单、勘误、术语表中：移动（或 k j）');
    await zh.quit();

    const r = await draw({ width: 80, height: 24, ascii: true });
    await r.press('?');
    await r.waitFor((f) => /\^\/k, v\/j +scroll the pane shown \(flow, kernel, trace, C code\)/.test(f), 'the help');
    await r.press('x', 'm');
    const menu = await r.waitFor((f) => f.includes('Start over'), 'the menu');
    // the keys in the key bar, the marks in the legend
    expect(menu).toContain('^v PgUp PgDn Home End move');
    expect(menu).toContain('Marks: > chosen  o open now  * finished');
    expect(menu).not.toMatch(/[↑↓]/);
    await r.press(KEYS.escape, KEYS.space, KEYS.space, KEYS.space, KEYS.space);
    const end = await r.waitFor((f) => f.includes('End of the lesson.'), 'the end of the lesson');
    expect(end.split('\n')[0]).toMatch(/done 4\/4 ?$/);
  });
});

describe('redraw work', () => {
  it('browsing to a step that lights the same parts does not draw the flow again; switching language does, once', async () => {
    const r = await draw({ width: 80, height: 24 });
    await r.waitFor((f) => f.includes('parent') && r.store.getState().flow !== null, 'the flow');
    const real = r.store.getState().flow!;
    let draws = 0;
    r.store.setState({ flow: { renderDiagram: (name, options) => (draws++, real.renderDiagram(name, options)), legend: real.legend } });
    // the step's drawing, and the lesson's diagrams once for its legend and title (FlowPane lessonWide)
    await r.waitFor(() => draws === 2, 'one drawing with the counting renderer, and the lesson\'s one diagram');
    await r.press('l');
    await r.waitFor((f) => f.includes('步骤 1/4'), 'Chinese');
    // the labels are the language's own
    await r.waitFor(() => draws === 4, 'the flow drawn in Chinese');
    // step 2's text, nothing run: the flow still lights nothing
    await r.press(KEYS.right);
    await r.waitFor((f) => f.includes('步骤 2/4'), 'step 2 shown');
    expect(draws).toBe(4);
    await r.press(KEYS.space);
    await r.waitFor(() => r.store.getState().done === 1 && idle(r), 'step 1 run');
    // the run showed the Kernel, its result: the Flow by Tab, a pane drawn anew (its drawing, and
    // the lesson's diagram for its legend and title)
    await tabTo(r, 'flow');
    await r.waitFor(() => draws === 6, 'the flow drawn with step 1 lit');
  });
});
