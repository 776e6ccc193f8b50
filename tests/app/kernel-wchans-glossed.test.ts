// Every wchan the Kernel pane's process list can show has a glossary entry (issue 16: race 2
// showed do_epoll_wait, and g found nothing for "epoll"). The pane shows /proc/PID/wchan of the
// lesson process and its peers, all Node programs: asleep in an IPC call (do_msgrcv,
// __do_semtimedop), idle between calls, or in Atomics.wait (race's workers on one CPU). The
// lessons are walked for real, their live processes' wchans read after every step, and a Node
// process idle and one in Atomics.wait are read as the kernel here names them.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { entryFor } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import { walkLesson, wchans } from '../helpers/kernel-walk.js';

/** A wchan the pane says in words (`0`: running) or g finds. */
const glossed = (w: string) => w === '0' || w === '' || entryFor(w) !== undefined;

/** The wchan of a Node process running `code`, once it sleeps (polled with a deadline). */
async function nodeWchan(code: string): Promise<string> {
  const child = spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
  try {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const w = wchans([child.pid!]).get(child.pid!) ?? '';
      if (w !== '' && w !== '0') return w;
      if (Date.now() > deadline) throw new Error(`node never slept: wchan "${w}"`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGKILL');
  }
}

describe('Kernel pane: every wchan it can show is in the glossary', () => {
  it('a Node process idle, and one in Atomics.wait', async () => {
    const idle = await nodeWchan('setTimeout(() => {}, 20000)');
    const waiting = await nodeWchan('Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20000)');
    expect([idle, waiting].filter((w) => !glossed(w))).toEqual([]);
  }, 30_000);

  for (const lesson of LESSONS.filter((l) => ['msg', 'sem', 'race', 'parent-child', 'serv-clnt'].includes(l.id))) {
    it(`${lesson.id}: its processes' wchans after every step`, async () => {
      const seen = new Set<string>();
      await walkLesson(lesson, (at) => {
        for (const w of wchans(at.run.processes.filter((p) => p.alive).map((p) => p.pid)).values()) seen.add(w);
      });
      expect([...seen].filter((w) => !glossed(w))).toEqual([]);
    }, 240_000);
  }
});
