// z shows the Kernel pane's lines, only more of them (issue 16: parent-child 3 at 80x24 showed
// other lines zoomed, in another order, the record's "record:  atime …" laid out anew as "the
// kernel's record of segment …"): every step of the lessons whose pane is cut at 80x24, en and zh,
// the pane's words, word by word, in the zoomed pane in the same order, the "… z: all fields" that
// says what the pane left out apart. Real store, lesson engine and kernel.
import { describe, expect, it } from 'vitest';
import { appDrawer, KEYS, paneRows, ran, tabTo, type Rendered } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import type { Lang } from '../../src/lang.js';

const draw = appDrawer('zoom-kernel-same', { lessons: LESSONS, quiz: false });

/** The words of the Kernel pane's rows, its fold words left out. */
function words(rows: readonly string[], lang: Lang): string[] {
  const s = strings(lang);
  const folds = [s.recordMore, s.recordMoreShort].map((f) => f.trim());
  return rows
    .map((row) => row.replace(/^│/, '').replace(/│$/, ''))
    .map((row) => folds.reduce((r, f) => r.replace(f, ' '), row))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Where `part` is not `whole` in order: the first word of `part` left over, with what came before. */
function notIn(part: readonly string[], whole: readonly string[]): string | null {
  let at = 0;
  for (let i = 0; i < part.length; i++) {
    while (at < whole.length && whole[at] !== part[i]) at++;
    if (at >= whole.length) return `"${part[i]}" after "${part.slice(Math.max(0, i - 4), i).join(' ')}"`;
    at++;
  }
  return null;
}

async function compare(r: Rendered, lang: Lang, where: string): Promise<string[]> {
  const title = strings(lang).kernel;
  await tabTo(r, 'kernel');
  const pane = await r.waitFor((f) => paneRows(f.split('\n'), title).length > 0, 'the Kernel pane');
  await r.press('z');
  const zoomed = await r.waitFor(() => r.store.getState().zoomed, 'zoomed');
  await r.press('z');
  await r.waitFor(() => !r.store.getState().zoomed, 'back');
  const miss = notIn(words(paneRows(pane.split('\n'), title), lang), words(paneRows(zoomed.split('\n'), title), lang));
  return miss ? [`${where}: ${miss}\n${pane}\n${zoomed}`] : [];
}

describe('the Kernel pane zoomed holds the pane\'s lines in their order', () => {
  for (const id of ['parent-child', 'serv-clnt', 'msg', 'sem'])
    for (const lang of ['en', 'zh'] as const)
      it(`${id} ${lang}: every step at 80x24`, async () => {
        const lesson = LESSONS.find((l) => l.id === id)!;
        const r = await draw({ width: 80, height: 24, lesson: id, lang });
        await r.waitFor(() => r.store.getState().run !== null && r.store.getState().busy === null, 'the lesson open');
        const wrong: string[] = [];
        for (let k = 0; k < lesson.steps.length; k++) {
          await ran(r, k + 1);
          wrong.push(...(await compare(r, lang, `${id} ${lang} after step ${k + 1}`)));
        }
        expect(wrong).toEqual([]);
      }, 300_000);
});
