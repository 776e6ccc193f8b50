// --ascii: the whole screen in plain ASCII box drawing. Typographic symbols that come
// from lesson text, UI strings and the trace are drawn as ASCII too; Chinese text stays.
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS, ran } from '../helpers/render.js';
import { asciiText, cells, layoutText, wrap } from '../../src/app/text-fit.js';
import { run, screenLine } from '../../src/app/styled.js';
import { NO_BREAK } from '../../src/text/cells.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { Lang } from '../../src/lang.js';

const TYPOGRAPHIC = /[…–—→←↑↓▶✓✗•⇥“”‘’×≠\u2500-\u259f]/u;
const CJK = /[\u4e00-\u9fff]/u;

const draw = appDrawer('ascii', { lessons: LESSONS, ascii: true, lesson: 'shmat', restart: true });

/** Fails naming the line and the symbol when a frame holds anything but ASCII drawing. */
function assertAscii(frame: string, width: number, lang: Lang) {
  for (const l of frame.split('\n')) {
    expect(l.match(TYPOGRAPHIC)?.[0], l).toBeUndefined();
    expect(cells(l), l).toBeLessThanOrEqual(width);
  }
  if (lang === 'zh') expect(frame).toMatch(CJK);
}

describe('asciiText', () => {
  it('maps the typographic symbols and leaves Chinese and ASCII alone', () => {
    expect(asciiText('0x7f… → ← ↑ ↓ ▶ ✓ ✗ • ⇥ “a” ‘b’ 2×3 ≠ – —')).toBe('0x7f... -> <- ^ v > * x * > "a" \'b\' 2x3 != - --');
    expect(asciiText('┌─┐│└┘█')).toBe('+-+|++#');
    expect(asciiText('映射共享内存，。（）')).toBe('映射共享内存，。（）');
    expect(asciiText('plain ASCII stays')).toBe('plain ASCII stays');
  });

  it('keeps a number with its unit: the no-break space is a plain one only as the line is written', () => {
    const text = `each call takes 100${NO_BREAK}ms → more`;
    const lines = wrap(layoutText(true).text(text), 19);
    expect(lines).toEqual(['each call takes', `100${NO_BREAK}ms -> more`]);
    expect(screenLine([run(lines[1]!)], 19, true).map((r) => r.text).join('')).toBe('100 ms -> more');
    expect(asciiText(`100${NO_BREAK}ms`)).toBe('100 ms');
  });
});

describe('--ascii frames', () => {
  for (const [width, height] of [[80, 24], [160, 48]] as const) {
    for (const lang of ['en', 'zh'] as const) {
      it(`${width}x${height} ${lang}: a whole lesson run, its trace and the help are ASCII`, async () => {
        const r = await draw({ width, height, lang });
        // the lesson's title has an em dash, its steps → and … (shmat.ts)
        assertAscii(await r.waitFor((f) => /shmat ?--/.test(f), 'the lesson title with -- for its dash'), width, lang);
        const steps = r.store.getState().lessons[r.store.getState().lessonIndex].steps.length;
        for (let i = 0; i < steps; i++) {
          await r.press(KEYS.space);
          assertAscii(r.frame(), width, lang);
          // (a first Space may bring the step's unread rest: ran presses on)
          await ran(r, i + 1);
          assertAscii(r.frame(), width, lang);
        }
        // browse back through every step's text
        for (let i = 0; i < steps; i++) {
          await r.press(KEYS.left);
          assertAscii(await r.waitFor(() => r.store.getState().view === steps - 1 - i, `step ${steps - i}`), width, lang);
        }
        const bar = r.lines()[height - 1];
        // the arrows in ASCII where the bar has them (at 80 columns -> and <- give way, fixR3); Tab always,
        // at 80 columns on the tab bar above the panes, "Tab >" (the key bar has no room for it: issue 16)
        expect(bar).not.toMatch(/[→←]/);
        expect(width === 80 ? r.frame() : bar).toMatch(width === 80 ? /Tab >/ : /Tab/);
        await r.press('?');
        const help = await r.waitFor((f) => f.includes(lang === 'en' ? 'any key closes this help' : '按任意键关闭帮助'), 'the help');
        assertAscii(help, width, lang);
        // → and ← share one help line (menus: every help row fits 80 columns)
        expect(help).toMatch(/ ->\/n, <-\/p, a +/);
        // the lists row names k j after its text (menus: 'also k j', '或 k j')
        expect(help).toMatch(lang === 'en' ? / \^ v Enter +.*\(also k j\)/ : / \^ v Enter +.*（或 k j）/);
      });
    }
  }
});
