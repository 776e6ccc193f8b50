// The playground in a real terminal: tmux runs `ipclab play` as a learner would, keys
// typed one at a time and a block pasted at once, the screen checked against ipcs -m
// at 80x24 and 120x34 in both languages. Quitting (Ctrl-C twice) leaves no segment
// and no helper process behind.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ipcsCreators, ipcsRow, screenRow } from '../../helpers/ipcs.js';
import { processRuns, Tmux } from '../../helpers/tmux.js';
import { cells } from '../../../src/app/text-fit.js';
import { testTempDir } from '../../helpers/temp-dir.js';

const root = join(import.meta.dirname, '..', '..', '..');
const tmux = new Tmux();
const stateDirs: string[] = [];
afterAll(() => {
  tmux.killServer();
  for (const dir of stateDirs) rmSync(dir, { recursive: true, force: true });
});

function assertFits(screen: string, width: number, height: number) {
  const lines = screen.split('\n');
  expect(lines.length).toBeLessThanOrEqual(height);
  for (const line of lines) expect(cells(line), line).toBeLessThanOrEqual(width);
}

/** The helper processes (process b) whose parent is `pid`. */
function helpersOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

describe.each([
  { width: 80, height: 24, lang: 'en' },
  { width: 120, height: 34, lang: 'zh' },
  { width: 80, height: 24, lang: 'zh' },
  { width: 120, height: 34, lang: 'en' },
])('ipclab play in tmux at $width x $height ($lang)', ({ width, height, lang }) => {
  it('typed key by key and pasted at once; the screen agrees with ipcs; Ctrl-C twice leaves nothing', async () => {
    const state = testTempDir('ipclab-play-tmux-');
    stateDirs.push(state);
    const session = tmux.start([process.execPath, join(root, 'bin', 'ipclab.mjs'), 'play', '--lang', lang], {
      width,
      height,
      env: { XDG_STATE_HOME: state, LANG: 'C.UTF-8', TERM: 'xterm-256color' },
      unset: ['CI', 'NO_COLOR'],
    });
    const { pid } = tmux.pane(session);
    const title = lang === 'en' ? 'playground' : '练习场';
    let screen = await tmux.waitFor(session, (s) => s.split('\n')[0].includes(title) && s.includes('Ctrl-C'), 'the first frame', 30_000);
    assertFits(screen, width, height);

    // one key at a time, Tab completing the call's name
    tmux.send(session, ...Array.from('id = shmg'));
    await tmux.waitFor(session, (s) => s.includes('› id = shmg'), 'the typed text');
    tmux.send(session, 'Tab');
    await tmux.waitFor(session, (s) => s.includes('› id = shmget'), 'Tab completing shmget');
    tmux.send(session, ...Array.from('(IPC_PRIVATE, 4096, 0600)'), 'Enter');
    // the segment it made, as ipcs knows it, listed in the kernel pane beside the call
    const made = () => [...ipcsCreators()].filter(([, creator]) => creator === pid).map(([id]) => id);
    screen = await tmux.waitFor(session, (s) => s.includes('shmget(IPC_PRIVATE, 4096, 0600)') && made().length === 1 && screenRow(s, made()[0]) !== undefined, 'the call and its segment');
    const shmid = made()[0];
    expect(ipcsCreators().get(shmid)).toBe(pid);

    // a block pasted at once: both lines run, in order; process b attaches read-only
    tmux.send(session, 'p = shmat(id, NULL, 0)\n@b q = shmat(id, NULL, SHM_RDONLY)\n');
    screen = await tmux.waitFor(session, (s) => screenRow(s, shmid)?.nattch === 2, 'nattch 2 in the kernel pane');
    assertFits(screen, width, height);
    const row = screenRow(screen, shmid)!;
    const real = ipcsRow(shmid)!;
    expect(row).toEqual({ key: real.key, perms: real.perms, bytes: real.bytes, nattch: real.nattch, status: real.status });
    expect(helpersOf(pid).length).toBeGreaterThan(0);

    // removed while attached: dest, as ipcs says
    tmux.send(session, 'shmctl(id, IPC_RMID)\n');
    screen = await tmux.waitFor(session, (s) => screenRow(s, shmid)?.status === 'dest', 'dest in the kernel pane');
    expect(ipcsRow(shmid)?.status).toBe('dest');

    // Ctrl-C clears the line, a second one quits and cleans up
    tmux.send(session, ...Array.from('shmdt(p)'), 'C-c');
    await tmux.waitFor(session, (s) => !s.includes('shmdt(p)') && s.includes('Ctrl-C'), 'the line cleared');
    tmux.send(session, 'C-c');
    expect(await tmux.waitForExit(session)).toBe(0);
    expect(processRuns(pid)).toBe(false);
    expect(ipcsRow(shmid)).toBeUndefined();
    expect([...ipcsCreators().values()]).not.toContain(pid);
  });
});
