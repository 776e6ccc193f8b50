// In a real terminal at 80x24: after overview step 1 the status line says the step's result goes
// on beyond the Trace and that z shows it whole; z shows it, and once z was used the line is not
// said again (issue 16 item 11: newcomers pressed ↓ 13 times, the border's "z: whole" unread).
import { describe, expect, it } from 'vitest';
import { tmuxForFile } from '../helpers/tmux.js';
import { cells } from '../../src/app/text-fit.js';

const { tmux, ipclab } = tmuxForFile('ipclab-cut-hint-');

const HINT = {
  en: /^ step 1(?:'s result)? is longer than the Trace \(\d+ rows\): z shows it whole/,
  zh: /^ 第 1 步(?:的结果)?比“跟踪”窗格（\d+ 行）长：按 z 看全部/,
} as const;
const ZOOMED = { en: '└─ z: back to the lesson', zh: '└─ z：' } as const;

describe('the Trace cutting step 1’s result, in tmux', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`80x24 ${lang}: the status line names z after overview step 1; z shows the result whole and the line is gone`, async () => {
      const session = ipclab(['--lesson', 'overview', '--lang', lang, '--no-quiz'], { width: 80, height: 24 });
      const status = (s: string) => s.split('\n')[22] ?? '';
      const screen = await tmux.runStep(session, (s) => HINT[lang].test(status(s)), 'overview step 1 run, the hint on the status line', 30_000);
      const rows = screen.split('\n');
      expect(rows).toHaveLength(24);
      for (const l of rows) expect(cells(l), l).toBeLessThanOrEqual(80);
      expect(rows[0]).toMatch(/^ ipclab /);
      expect(rows[23]).toMatch(/z /);

      tmux.send(session, 'z');
      // the result whole: its command and heading in view, no border saying it goes on
      const zoomed = await tmux.waitFor(session, (s) => s.includes(ZOOMED[lang]), 'the zoomed Trace');
      expect(zoomed).toMatch(/\$ ipcs -m[\s\S]*Shared Memory Segments/);
      expect(zoomed).not.toMatch(/result goes on|结果向[上下]延续/);
      expect(status(zoomed)).not.toMatch(HINT[lang]);
      tmux.send(session, 'z');
      const back = await tmux.waitFor(session, (s) => !s.includes(ZOOMED[lang]) && s.split('\n')[1]?.startsWith('┌─'), 'the lesson back');
      expect(status(back)).not.toMatch(HINT[lang]);
      tmux.send(session, 'q');
      await tmux.waitForExit(session);
    });
  }
});
