// polish.test.tsx's checks of the Kernel pane's figures against the real `ipcs -m` and of a
// reset's segment gone from the kernel's table: a file of their own, alone (it starts ipcs and
// reads the whole table, tests/helpers/side-by-side.ts), so the rest of polish runs side by side
// and, starting nothing, is left out of CI's Node 24 run (tests/helpers/same-on-any-node.ts).
import { describe, expect, it } from 'vitest';
import { KEYS, ran, tabTo } from '../helpers/render.js';
import { ipcsRow, ipcsRows, screenRow } from '../helpers/ipcs.js';
import { LESSONS } from '../../src/lessons/index.js';
import { readSegments } from '../../src/native/index.js';
import { lessonTextLines } from '../../src/app/components/lesson-view.js';
import { strings } from '../../src/app/strings.js';
import { lineText } from '../../src/app/styled.js';
import { idle, polishDraw, scrollTo } from './polish-kit.js';

const draw = polishDraw();

describe('kernel pane with processes', () => {
  it('parent-child at 80x24: the text the parent wrote is in view beside both processes', async () => {
    const r = await draw({ width: 80, height: 24, lessons: LESSONS, lesson: 'parent-child' });
    await r.press(KEYS.tab);
    for (let i = 0; i < 4; i++) {
      await r.press(KEYS.space);
      // (a Space may bring the rest of the step's text into view first: ran presses one more)
      await ran(r, i + 1);
      await r.waitFor(() => idle(r), `step ${i + 1} idle`);
    }
    // the pane follows what the step changed: the written text, under the dump's heading, without a key
    const wrote = await r.waitFor((f) => f.includes('hello, child'), 'the written text in the dump');
    expect(wrote).toMatch(/: 0000–003f \(hex\)/);
    const procs = await scrollTo(r, (f) => /\d+ +child +yes +yes/.test(f) && /\d+ +parent +yes +yes/.test(f), 'both processes', KEYS.up);
    expect(procs).toMatch(/pid +role +attached +alive/);
    expect(procs).toMatch(/\d+ +parent +yes +yes/);
    await scrollTo(r, (f) => f.includes('hello, child'), 'the written text in the dump');
    // the rows, as ipcs has them (the titles and the note of left-out columns take rows at
    // 80x24, so the rows may be a scroll away from the dump)
    for (const row of ipcsRows().filter((x) => r.store.getState().segments.some((s) => s.shmid === x.shmid))) {
      for (let i = 0; i < 30 && screenRow(r.frame(), row.shmid) === undefined; i++) await r.press(KEYS.up);
      const f = await r.waitFor((f) => screenRow(f, row.shmid) !== undefined, `segment ${row.shmid}'s row`);
      const shown = screenRow(f, row.shmid);
      expect(shown).toMatchObject({ nattch: row.nattch, key: row.key, bytes: row.bytes });
      // beside the `use` column perms may be left out (the drop order, kernel-view.ts); shown, it is ipcs's
      expect([undefined, row.perms]).toContain(shown?.perms);
    }
  });
});

describe('review', () => {
  it('after ← the key bar says Space re-runs the step shown; it runs again after a reset and the steps before it', async () => {
    const r = await draw({ width: 80, height: 24 });
    await r.press(KEYS.space);
    await r.waitFor((f) => f.includes('step 2/4') && idle(r), 'step 1 run');
    await r.press(KEYS.space);
    await r.waitFor((f) => f.includes('step 3/4') && idle(r), 'step 2 run');
    const firstShmid = r.store.getState().focus;
    expect(r.lines()[23]).toMatch(/^ Space run 3 /);
    await r.press(KEYS.left);
    await r.waitFor(() => r.lines()[23].startsWith(' Space re-run 2 '), 'the key bar in review');
    // said before Space is pressed: a re-run resets the lesson and runs the steps before it again (nc)
    await r.waitFor(() => r.lines()[22].includes('Space re-runs step 2: resets the lesson, runs step 1 again first'), 'the status line in review');
    // and while it runs, the step's text says it is being re-run, not "not run yet"
    const fixture = r.store.getState().lessons[0];
    const during = lessonTextLines({ lesson: fixture, lang: 'en', view: 1, done: 0, problems: {}, present: false, revealed: 0, ascii: false, s: strings('en'), rerunning: true }, 78).map(lineText).join(' ');
    expect(during).toContain('(re-running step 2: the lesson was reset; step 1 run again first)');
    expect(during).not.toContain('not run yet');
    await r.press(KEYS.space);
    const f = await r.waitFor((f) => f.includes('step 2 ran again') && idle(r), 'step 2 run again');
    expect(r.store.getState().done).toBe(2);
    expect(r.store.getState().view).toBe(2);
    // the reset removed the first run's segment; step 1 made a new one, which step 2 used
    expect(r.store.getState().focus).not.toBe(firstShmid);
    expect(readSegments().some((seg) => seg.shmid === firstShmid)).toBe(false);
    expect(f).toMatch(/▶ 3 /);
    expect(r.lines()[23]).toMatch(/^ Space run 3 /);
  });
});

describe('kernel pane', () => {
  it('serv-clnt at 80x24: the processes and the decoded struct ipclab_rv, figures as ipcs says', async () => {
    const r = await draw({ width: 80, height: 24, lessons: LESSONS, lesson: 'serv-clnt' });
    await r.press(KEYS.space);
    await r.waitFor(() => r.store.getState().done === 1 && idle(r), 'step 1');
    // the run showed its result's pane (src/lessons/result-pane.ts): Tab on to the Kernel
    await tabTo(r, 'kernel');
    await r.waitFor((f) => /┌─ Kernel[ ─]/.test(f), 'the kernel tab');
    const table = await r.waitFor((f) => f.includes(String(r.store.getState().focus)), 'the segment row');
    const procs = await scrollTo(r, (f) => /\d+ +ipclab server 1 +yes +yes/.test(f), 'the server process');
    const f = await scrollTo(r, (f) => /server_pid \d+/.test(f) && f.includes('client_pid'), 'the decoded struct');
    const server = r.store.getState().processes.find((p) => p.role.en === 'ipclab server 1');
    expect(server).toBeDefined();
    expect(procs).toMatch(new RegExp(`${server!.pid} +ipclab server 1 +yes +yes`));
    expect(f).toMatch(new RegExp(`server_pid ${server!.pid}`));
    expect(f).toMatch(/client_pid 0/);
    const shmid = r.store.getState().focus!;
    expect(screenRow(table, shmid)).toMatchObject({ nattch: ipcsRow(shmid)!.nattch, key: ipcsRow(shmid)!.key });
    expect(f).not.toContain('no attachment held');
  });
});
