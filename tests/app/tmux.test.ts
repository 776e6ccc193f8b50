// The tutorial in a real terminal: tmux runs `node bin/ipclab.mjs` as a learner
// would, keys go in as typed, and the captured pane is checked against `ipcs -m`
// at every step. After q the process is gone and so is every segment it made.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { ipcsCreators, ipcsRows, screenRows } from '../helpers/ipcs.js';
import { processRuns, tmuxForFile } from '../helpers/tmux.js';
import { cells } from '../../src/app/text-fit.js';

const { tmux, ipclab } = tmuxForFile('ipclab-tmux-');

const shmat = LESSONS.find((l) => l.id === 'shmat')!;

async function launch(width: number, height: number): Promise<{ session: string; pid: number }> {
  const session = ipclab(['--lesson', 'shmat'], { width, height });
  return { session, pid: tmux.pane(session).pid };
}

/** What ipcs says now about the segments this process created, beside what the screen says. */
function agree(screen: string, pid: number): number {
  const creators = ipcsCreators();
  const mine = ipcsRows().filter((r) => creators.get(r.shmid) === pid);
  const shown = screenRows(screen);
  for (const row of mine) {
    expect(shown.get(row.shmid), `segment ${row.shmid} on screen`).toEqual({ key: row.key, perms: row.perms, bytes: row.bytes, nattch: row.nattch, status: row.status });
  }
  // and nothing on screen that ipcs does not list with the same figures
  for (const [shmid, row] of shown) {
    const real = mine.find((r) => r.shmid === shmid);
    expect(real, `screen row ${shmid} in ipcs`).toBeDefined();
    expect(row.nattch).toBe(real!.nattch);
  }
  return mine.length;
}

function agrees(screen: string, pid: number): boolean {
  try {
    agree(screen, pid);
    return true;
  } catch {
    return false;
  }
}

function assertWidth(screen: string, width: number) {
  for (const line of screen.split('\n')) expect(cells(line), line).toBeLessThanOrEqual(width);
}

describe('ipclab in tmux', () => {
  it('80x24: a whole lesson, the screen agreeing with ipcs at each step; q leaves nothing', async () => {
    const { session, pid } = await launch(80, 24);
    let screen = await tmux.waitFor(session, (s) => /^ ipclab +4\/\d+ /.test(s) && s.includes('lesson process'), 'the first frame with the flow', 30_000);
    expect(screen.split('\n')[0]).toContain(shmat.title.en);
    expect(screen).toContain('[Flow] │  Kernel  │  Trace  │  C ');
    tmux.send(session, 'Tab');
    screen = await tmux.waitFor(session, (s) => /┌─ Kernel[ ─]/.test(s), 'the kernel tab');
    expect(agree(screen, pid)).toBe(0);
    let maxNattch = 0;
    for (let i = 0; i < shmat.steps.length; i++) {
      // after the last step its tick (its title says "End of the lesson" before it runs)
      const next = i + 1 < shmat.steps.length ? `step ${i + 2}/${shmat.steps.length}` : `✓ ${i + 1} `;
      // the Kernel pane reads /proc/sysvipc after the step: under load that frame can come a
      // capture later than the step's end, so wait for it before comparing (a step's question
      // left unanswered: a second Space runs it); past the deadline the error shows the pane
      // at the end, with the check open: its first question (what Space does to it, "Answer the
      // check above", under it; "End of the lesson" once, after the check)
      const ended = (s: string) => i + 1 === shmat.steps.length && s.includes('Check 1/');
      screen = await tmux.runStep(session, (s) => (s.includes(next) || ended(s)) && !s.includes('running…'), `step ${i + 1} to finish`);
      // the run shows the pane its result is in (src/lessons/result-pane.ts): Tab to the Kernel again
      for (let t = 0; t < 3 && !/\[Kernel\]/.test(screen); t++) {
        const shown = /\[(Flow|Kernel|Trace|C)\]/.exec(screen)?.[1];
        tmux.send(session, 'Tab');
        screen = await tmux.waitFor(session, (s) => /\[(Flow|Kernel|Trace|C)\]/.exec(s)?.[1] !== shown, 'Tab: the next pane');
      }
      screen = await tmux.waitFor(session, (s) => /┌─ Kernel[ ─]/.test(s) && (s.includes(next) || ended(s)) && agrees(s, pid), `step ${i + 1}: the screen agreeing with ipcs`, 15_000);
      assertWidth(screen, 80);
      // the highlighted step in the list is the next one to run
      // (its number right-aligned: " ▶  2" above "  12")
      if (i + 1 < shmat.steps.length) expect(screen).toMatch(new RegExp(`│ ▶ +${i + 2} `));
      // the step just run is ✓, or among the steps the shortened list folds above ("+5↑": the lesson
      // pane cut to the notice while the result is read, store/reading.ts)
      if (!new RegExp(`│ ✓ +${i + 1} `).test(screen)) expect(Number(/│ \+(\d+)↑ /.exec(screen)?.[1] ?? 0), screen).toBeGreaterThanOrEqual(i + 1);
      const count = agree(screen, pid);
      for (const row of screenRows(screen).values()) maxNattch = Math.max(maxNattch, row.nattch);
      if (i === 0) expect(count).toBe(1);
      if (i === 1) expect([...screenRows(screen).values()][0]?.nattch).toBe(1);
    }
    // two mappings at once happened on the way (step "attach again")
    expect(maxNattch).toBe(2);
    // the finished lesson removed what it made
    expect(agree(screen, pid)).toBe(0);
    // z: the Kernel pane takes the lesson's rows, its bottom border says so; z again gives them back
    tmux.send(session, 'z');
    // (the lesson's closing check waits there: the border names it; the notice was read before z)
    screen = await tmux.waitFor(session, (s) => s.includes('└─ z: back to the lesson (a question waits there) '), 'the zoomed kernel pane');
    expect(screen.split('\n')).toHaveLength(24);
    assertWidth(screen, 80);
    expect(screen).not.toContain('┌─ Lesson');
    // a question out of sight is not offered: z brings the lesson, and with it the question (fix18a#3)
    expect(screen.split('\n')[23]).not.toMatch(/1-\d answer/);
    expect(screen.split('\n')[23]).toContain('z lesson');
    tmux.send(session, 'z');
    await tmux.waitFor(session, (s) => s.includes('┌─ Lesson') && !s.includes('back to the lesson'), 'the lesson back');
    tmux.send(session, 'q');
    expect(await tmux.waitForExit(session)).toBe(0);
    // the finished lesson had removed what it made already
    expect(tmux.capture(session, true)).toMatch(/^ipclab: nothing to remove; nothing of this run's left in the kernel$/m);
    expect(processRuns(pid)).toBe(false);
    expect([...ipcsCreators().values()]).not.toContain(pid);
    // twelve steps, four of them compiling and pacing a C program: longer than the default
  }, 120_000);

  it('160x48: side by side, the segment with nattch 1 as ipcs says; Ctrl-C cleans up', async () => {
    const { session, pid } = await launch(160, 48);
    await tmux.waitFor(session, (s) => s.includes('lesson process') && s.includes('Kernel (ipcs:'), 'the first frame', 30_000);
    // one step at a time: a Space pressed while a step runs is ignored (no double runs)
    tmux.send(session, 'Space');
    await tmux.waitFor(session, (s) => s.includes('step 2/') && !s.includes('running…'), 'step 1');
    const screen = await tmux.runStep(session, (s) => s.includes('step 3/') && !s.includes('running…') && /= 0x[0-9a-f]+/.test(s), 'two steps');
    assertWidth(screen, 160);
    // side by side; a flow taller than its pane says so on its frame (↑/↓ N more)
    expect(screen.split('\n').some((l) => /┌─ Lesson ─+┐┌─[ []Flow(: diagram \d of \d[^─\]]*)?\]? ─+( [↑↓] \d+ more[^─]*)?─*┐/.test(l))).toBe(true);
    // its title, in focus or not ("[focus]": the step's result is the Trace's, s29b), and any note
    expect(screen).toMatch(/┌─[ []Trace(\]| \[focus\] | )─[^┐]*┐/);
    expect(agree(screen, pid)).toBe(1);
    expect([...screenRows(screen).values()][0].nattch).toBe(1);
    tmux.send(session, 'C-c');
    expect(await tmux.waitForExit(session)).toBe(0);
    expect([...ipcsCreators().values()]).not.toContain(pid);
    // the screen given back, one line says what the cleanup removed
    expect(tmux.capture(session, true)).toMatch(/^ipclab: removed 1 segment; nothing of this run's left in the kernel$/m);
  });

  it('SIGTERM: cleans up, exits 128+15, and gives the screen back without a stray frame', async () => {
    const { session, pid } = await launch(80, 24);
    await tmux.waitFor(session, (s) => s.includes('lesson process'), 'the first frame', 30_000);
    tmux.send(session, 'Space');
    await tmux.waitFor(session, (s) => s.includes('step 2/') && !s.includes('running…'), 'step 1');
    expect([...ipcsCreators().values()]).toContain(pid);
    process.kill(pid, 'SIGTERM');
    expect(await tmux.waitForExit(session)).toBe(143);
    expect([...ipcsCreators().values()]).not.toContain(pid);
    expect(tmux.capture(session)).not.toContain('ipclab');
  });
});
