// After a run the Trace names the step just run: its heading ("── step 4: …") in view, on the
// pane's first row where the step's lines fill the pane and
// the heading is above the window, else on the top border ("Trace · step 4") where that row holds
// the step's result (issue 16, s35g#3: a part longer than the pane showed its end, the heading out
// of view above, and learners pressed z to learn which step it was). Every step of every lesson,
// 80x24 en (the Trace tab brought) and 120x34 zh; real store, lesson engine and kernel.
import { describe, expect, it } from 'vitest';
import { appDrawer, paneRows, ran, tabTo, type Rendered } from '../helpers/render.js';
import { viewAs } from '../helpers/lesson-views.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import type { Lang } from '../../src/lang.js';

const draw = appDrawer('trace-step-named', { lessons: LESSONS });

const VIEWS = [
  ['en', 80, 24],
  ['zh', 120, 34],
] as const;

/** Whether the Trace's rows (its first, where the step's lines fill it) or its top border name step
 *  `step` (1-based). */
function named(r: Rendered, lang: Lang, step: number): boolean {
  const s = strings(lang);
  const lines = r.lines();
  const border = lines.find((l) => l.startsWith(`┌─ ${s.trace}`)) ?? '';
  const heading = new RegExp(`^│── ${s.step} ${step}[:：]`);
  return paneRows(lines, s.trace).some((row) => heading.test(row)) || new RegExp(`^┌─ ${s.trace}.*${s.step} ${step}(?!\\d)`).test(border);
}

async function stepUnnamed(r: Rendered, step: number, where: string): Promise<string[]> {
  const out: string[] = [];
  for (const [lang, width, height] of VIEWS) {
    await viewAs(r, lang, width, height);
    if (width === 80) await tabTo(r, 'trace');
    try {
      await r.waitFor((f) => f.split('\n').length === height && named(r, lang, step), 'the step named', 2_000);
    } catch {
      out.push(`${where} ${lang} ${width}x${height}: neither the Trace's rows nor its border name step ${step}\n${r.frame()}`);
    }
  }
  await viewAs(r, 'en', 80, 24);
  return out;
}

describe('after a run the Trace names the step just run in its rows or on its border', () => {
  for (const lesson of LESSONS)
    it(`${lesson.id}: after every run, 80x24 en and 120x34 zh`, async () => {
      const r = await draw({ width: 80, height: 24, lesson: lesson.id, quiz: false });
      await r.waitFor(() => r.store.getState().run !== null && r.store.getState().busy === null, 'the lesson open');
      const wrong: string[] = [];
      for (let k = 0; k < lesson.steps.length; k++) {
        await ran(r, k + 1);
        wrong.push(...(await stepUnnamed(r, k + 1, `${lesson.id} after step ${k + 1}`)));
      }
      expect(wrong).toEqual([]);
    }, 300_000);
});
