// No trace line of any lesson's run names where this copy of ipclab is installed: a lesson
// that compiles one of ipclab's C files showed `$ cc … /home/…/node_modules/ipclab/examples/c/inherit.c`
// (issue 16), a long path that means nothing to a learner. ipclab's own files are named by
// their path in the package, as the C pane names them (src/lessons/exec.ts commandLine, the
// one place a command is written for the trace). Every lesson run for real (`ipclab run ID
// --json`: every entry with both languages' words).
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { commandLine } from '../../src/lessons/exec.js';
import { cli, ROOT } from './helpers.js';

/** serv-clnt's "run it yourself in two terminals" lines: commands to paste into another
 *  terminal in any folder, which need the absolute path (serv-clnt.ts commands) */
const BY_HAND = /ipclab\.mjs clnt/;

describe('the trace names ipclab’s own files by their place in the package', () => {
  it('commandLine: a path under the package root is given from it; others whole; a word with a space quoted', () => {
    expect(commandLine('cc', ['-O2', '-o', '/tmp/x/inherit', '/opt/ipclab/examples/c/inherit.c'], '/opt/ipclab')).toBe('cc -O2 -o /tmp/x/inherit examples/c/inherit.c');
    expect(commandLine('/opt/ipclab-other/x', ['--message', 'hi there'], '/opt/ipclab')).toBe('/opt/ipclab-other/x --message "hi there"');
  });

  for (const lesson of LESSONS) {
    it(`${lesson.id}: no trace line holds the package's path`, async () => {
      const { code, stdout, stderr } = await cli(['run', lesson.id, '--json', '--no-quiz'], 60_000);
      expect(code, stderr).toBe(0);
      const entries = stdout.split('\n').filter((l) => l.startsWith('{"type"'));
      expect(entries.length).toBeGreaterThan(0);
      const named = entries.filter((l) => l.includes(ROOT) && !BY_HAND.test(l));
      expect(named).toEqual([]);
    }, 90_000);
  }
});
