// The Kernel pane's record has one rule at every step: all its fields only under z or where the
// pane holds them at the height it has without a result growing it; a pane grown for a result being
// read (the Flow shrunk, the lesson text given up) shows more of the same lines, never the record
// whole (s35g#5: shmat 3 at 120x34 zh, the Flow shrunk and the record showed cpid … cuid 0 cgid 0 …
// mode 0600, where every other step said "… z: all fields"). shmat walked at 120x34, zh and en: after
// each run that grew the Kernel pane its record leaves fields out, said; real store, lesson engine
// and kernel.
import { describe, expect, it } from 'vitest';
import { appDrawer, ran } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import { resultGrows } from '../../src/app/store/reading.js';

const draw = appDrawer('kernel-record-grown', { lessons: LESSONS, asks: false });
const shmat = LESSONS.find((l) => l.id === 'shmat')!;

describe('a record grown with its pane keeps its form', () => {
  for (const [lang, width, height] of [
    ['zh', 120, 34],
    ['en', 120, 34],
  ] as const)
    it(`shmat ${width}x${height} ${lang}: where a result grew the Kernel pane, the record is not whole`, async () => {
      const s = strings(lang);
      const r = await draw({ width, height, lang, lesson: 'shmat', quiz: false });
      await r.waitFor(() => r.store.getState().run !== null && r.store.getState().busy === null, 'the lesson open');
      const grown: number[] = [];
      const wrong: string[] = [];
      for (let k = 0; k < shmat.steps.length; k++) {
        await ran(r, k + 1);
        const at = `${width}x${height} ${lang}`;
        if (resultGrows(r.store.getState(), at) !== 'kernel') continue;
        grown.push(k + 1);
        // the record's fields past its first line (cuid, cgid, mode) with no "… z" to say more are left out
        const frame = r.frame();
        const whole = /\bcuid \d+/.test(frame) && /\bmode 0\d{3}/.test(frame);
        if (whole && !frame.includes(s.recordMore) && !frame.includes(s.recordMoreShort)) wrong.push(`step ${k + 1}: the grown Kernel pane shows the record whole\n${frame}`);
      }
      // the walk met a grown Kernel pane (shmat 3, the report's)
      expect(grown.length).toBeGreaterThan(0);
      expect(wrong).toEqual([]);
    }, 180_000);
});
