// One margin rule for every pane's wrapped text (text-fit.ts proseWidth): a line of prose
// never ends flush against the right border -- the Kernel pane's IPC_STAT and notes, the
// Trace's entries -- for any width, in both languages.
import { describe, expect, it } from 'vitest';
import { statLines } from '../../src/app/components/kernel-view.js';
import { traceLines } from '../../src/app/components/trace-view.js';
import { lineText, lineWidth } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import { shmctl } from '../../src/lessons/shmctl.js';
import type { TraceEntry } from '../../src/lessons/types.js';

const ds = { seq: 1, key: 0x5300c122, mode: 0o1600, size: 4096, nattch: 2, uid: 0, gid: 0, cuid: 0, cgid: 0, cpid: 26366, lpid: 26367, atime: 1_700_000_000, dtime: 0, ctime: 1_700_000_000 };
const trace: TraceEntry[] = [
  { type: 'call', pid: 26367, call: 'shmctl', c: 'shmctl(163545089, IPC_RMID, NULL)', ret: -1, errno: 'EINVAL', message: 'Invalid argument', at: 0 },
  { type: 'event', pid: 26367, text: { en: 'the magic word reads 0x49504321 (== RV_MAGIC), so the server is ready', zh: '魔数读出为 0x49504321（== RV_MAGIC），说明服务端已就绪' }, at: 0 },
  { type: 'event', pid: 26367, text: { en: 'the key is made from st_ino = 4247316, low 16 bits, and the project id', zh: '键由 st_ino = 4247316 的低 16 位和项目号组成' }, at: 0 },
];

describe('the panes keep a free cell before the right border', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`${lang}: IPC_STAT and the Trace's entries end a cell short of the pane at every width`, () => {
      const s = strings(lang);
      for (let width = 40; width <= 80; width++) {
        for (const l of statLines(7, ds, width, s, new Set(['lpid', 'atime']), '*')) expect(lineWidth(l), `${width}: ${lineText(l)}`).toBeLessThan(width);
        const lines = traceLines(trace, [0], shmctl, lang, width, s, false);
        // the step's rule runs to the border; every entry's line stops short of it
        for (const l of lines.filter((l) => l[0]?.tone !== 'frame')) expect(lineWidth(l), `${width}: ${lineText(l)}`).toBeLessThan(width);
      }
    });
  }
});
