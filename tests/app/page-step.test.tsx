// One page step for every scrolling pane (issue 16: PgDn moved 4 of a 5-row Trace and 11 of
// 19 rows in the glossary): PgDn and PgUp move the window by the rows in view less one (the one
// row kept in view as the overlap that keeps the reader's place: src/app/scroll.ts pageLines),
// as far as the content goes. Each pane read back from the screen: its rows inside its frame and
// the "↑ N more" of its border (the lines above the window) before and after each key.
import { describe, expect, it } from 'vitest';
import { strings } from '../../src/app/strings.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { Lang } from '../../src/lang.js';
import { stepsRun } from '../helpers/pane-setups.js';
import { appDrawer, KEYS, type Rendered, tabTo } from '../helpers/render.js';

const drawApp = appDrawer('page-step', { lessons: LESSONS, restart: true });

/** The frame titled `title` (at a line's left edge): the rows inside it and the lines above and
 *  below its window, as its borders say them ("↑ 12 more", zh "↑ 还有 12 行"). */
function pane(lines: string[], title: string): { rows: string[]; above: number; below: number } | null {
  const top = lines.findIndex((l) => l.startsWith(`┌─ ${title}`));
  if (top < 0) return null;
  const bottom = lines.findIndex((l, i) => i > top && l.startsWith('└'));
  const count = (l: string, sign: string) => Number(new RegExp(`${sign} (?:还有 )?(\\d+)`).exec(l)?.[1] ?? 0);
  const borders = lines[top]! + lines[bottom]!;
  return { rows: lines.slice(top + 1, bottom), above: count(borders, '↑'), below: count(borders, '↓') };
}

/** A C pane row that starts a source line (its number in the gutter), not a wrapped ↪ row. */
const NUMBERED = /^│\s*\d+ /;

/** Presses `key` and waits until the pane's window moved (its "↑ N more" changed). */
async function paged(r: Rendered, title: string, key: string): Promise<{ was: NonNullable<ReturnType<typeof pane>>; now: NonNullable<ReturnType<typeof pane>> }> {
  const was = pane(r.lines(), title)!;
  await r.press(key);
  const f = await r.waitFor((frame) => (pane(frame.split('\n'), title)?.above ?? was.above) !== was.above, `${title}: ${key === KEYS.pageDown ? 'PgDn' : 'PgUp'} moved the window`);
  return { was, now: pane(f.split('\n'), title)! };
}

/** PgDn from the top down to the end and PgUp back: each key moves the window by its rows less
 *  one, but the last, which stops at the end (the start); `title` the pane's frame title. */
async function pagesBy(r: Rendered, title: string, sourceLines = false): Promise<number> {
  let moves = 0;
  for (const key of [KEYS.pageDown, KEYS.pageUp]) {
    for (let k = 0; k < 200; k++) {
      const at = pane(r.lines(), title)!;
      if (key === KEYS.pageDown ? at.below === 0 : at.above === 0) break;
      const { was, now } = await paged(r, title, key);
      const step = was.rows.length - 1;
      const moved = Math.abs(now.above - was.above);
      const stop = key === KEYS.pageDown ? was.below : was.above;
      const why = `${title}: ${key === KEYS.pageDown ? 'PgDn' : 'PgUp'} from ${was.above} lines above, ${was.rows.length} rows in view:\n${was.rows.join('\n')}\n--\n${now.rows.join('\n')}`;
      if (sourceLines) {
        // the C pane's borders count source lines, not rows, and its window starts at a source
        // line, never at a wrapped ↪ row (code-view.ts snapRow): the row that was last in view
        // (first, PgUp) is in view still, on the top row (bottom), or under the rows of its own
        // line (above them) where it is a ↪ row, or nearer where the window reached its end
        const kept = key === KEYS.pageDown ? was.rows.at(-1)! : was.rows[0]!;
        const at = now.rows.indexOf(kept);
        expect(at, why).toBeGreaterThanOrEqual(0);
        if (key === KEYS.pageDown && now.below > 0) {
          expect(NUMBERED.test(now.rows[0]!), why).toBe(true);
          expect(now.rows.slice(1, at + 1).every((row) => !NUMBERED.test(row)), why).toBe(true);
        }
        if (key === KEYS.pageUp && now.above > 0) expect(at, why).toBeGreaterThanOrEqual(now.rows.length - 1 - 2);
      } else if (title === 'Kernel' && moved === step + 1) {
        // kernelSnap passes an offset where a table's last row would stand alone under its
        // drawn heading (one line at most: tests/app/kernel-scroll); CI's short pids wrapped
        // serv-clnt's "ended:" line and put PgUp on such an offset
        expect(moved, why).toBeLessThanOrEqual(stop);
      } else expect(moved, why).toBe(Math.min(step, stop));
      moves++;
    }
  }
  return moves;
}

async function draw(width: number, height: number, lang: Lang, lesson = 'overview'): Promise<Rendered> {
  const r = await drawApp({ width, height, lang, lesson });
  await r.waitFor(() => r.store.getState().run !== null && r.store.getState().busy === null, 'the lesson open');
  return r;
}

describe('PgDn PgUp: the rows in view less one, in every scrolling pane', () => {
  for (const [lang, width, height] of [['en', 80, 24], ['zh', 120, 34]] as const) {
    it(`the glossary and the errata, ${lang} ${width}x${height}`, async () => {
      const r = await draw(width, height, lang);
      const s = strings(lang);
      for (const [key, overlay, title] of [['g', 'glossary', s.glossaryTitle], ['e', 'errata', s.errataTitle]] as const) {
        await r.press(key);
        await r.waitFor(() => r.store.getState().overlay === overlay, overlay);
        await r.press('\x1b[H');
        await r.waitFor(() => r.store.getState().menuCursor === 0 && pane(r.lines(), title)?.above === 0, `${overlay}: Home`);
        expect(await pagesBy(r, title)).toBeGreaterThan(1);
        await r.press(KEYS.escape);
        await r.waitFor(() => r.store.getState().overlay === 'none', `${overlay} closed`);
      }
    }, 120_000);
  }

  // the lesson text at a terminal short enough that a step's text takes pages (the title is the step's)
  for (const [lang, width, height] of [['en', 80, 20], ['zh', 80, 20]] as const) {
    it(`the lesson text, ${lang} ${width}x${height}`, async () => {
      const r = await draw(width, height, lang, 'serv-clnt');
      await r.waitFor(() => r.store.getState().flow !== null, 'the flow drawn');
      await r.press('\x1b[H');
      await r.waitFor(() => pane(r.lines(), '')?.above === 0, 'Home: the text at its top');
      expect(await pagesBy(r, '')).toBeGreaterThan(0);
    }, 120_000);
  }

  // zoomed, and in their tab under the lesson pane (its text in view whole, PgDn moves the pane)
  it('the Trace, Kernel, Flow and C panes, en 80x24', async () => {
    const r = await draw(80, 24, 'en', 'serv-clnt');
    await stepsRun(r, 6);
    const s = strings('en');
    for (const [tab, title, zoom] of [['trace', s.trace, true], ['kernel', 'Kernel', false], ['flow', 'Flow', true], ['code', 'C', true]] as const) {
      await tabTo(r, tab);
      if (zoom) await r.press('z');
      await r.waitFor(() => r.store.getState().zoomed === zoom, `${tab} ${zoom ? 'zoomed' : 'in its tab'}`);
      await r.press('\x1b[H');
      await r.waitFor(() => pane(r.lines(), title)?.above === 0, `${tab}: Home`);
      const moves = await pagesBy(r, title, tab === 'code');
      expect(moves, tab).toBeGreaterThan(0);
      if (zoom) await r.press('z');
      await r.waitFor(() => !r.store.getState().zoomed, `${tab} back`);
    }
  }, 180_000);
});
