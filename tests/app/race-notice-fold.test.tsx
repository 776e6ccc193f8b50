// race 4's run notice compares the atomic round with step 2's as this run timed them; where the
// atomic round came out slower it said why in a sentence more, which at 80x24 pushed the step's
// "New terms" line (cache line) and the verdict on its question under the fold (issue 16,
// quiz-ui-fold-result's race in both end runs). Both cases, the figures fixed (the run's own
// notice replaced by the one these figures give), after step 4 ran, in the four views: the whole
// notice, the verdict on step 4's question and the New terms line naming cache line are in the
// lesson pane with no key pressed.
import { describe, expect, it } from 'vitest';
import { appDrawer } from '../helpers/render.js';
import { stepsRun } from '../helpers/pane-setups.js';
import { LESSONS } from '../../src/lessons/index.js';
import { paneText, termsLead, VIEWS, viewAs } from '../helpers/lesson-views.js';
import { strings } from '../../src/app/strings.js';
import { AT_QUESTION } from '../../src/app/store/panes.js';
import type { LiveResult, Text } from '../../src/lessons/types.js';
import type { Lang } from '../../src/lang.js';
import type { Rendered } from '../helpers/render.js';

const draw = appDrawer('race-notice-fold', { lessons: LESSONS, asks: false });
const race = LESSONS.find((l) => l.id === 'race')!;
const ATOMIC = race.steps.findIndex((s) => s.id === 'atomic');

const bare = (t: string) => t.replace(/[\s`]/g, '');

/** What of the step's result is not in the pane: the whole notice, the verdict's start, the New terms line naming cache line. */
function missing(r: Rendered, lang: Lang, notice: Text): string[] {
  const s = strings(lang);
  const text = paneText(r);
  const term = lang === 'en' ? 'cache line' : '缓存行';
  return [
    ...(text.includes(bare(`${s.noticeOfStep(ATOMIC + 1)}${s.colon}${notice[lang]}`)) ? [] : ['the whole notice']),
    ...(text.includes(bare(s.quizSkipped)) ? [] : ['the verdict on the question']),
    ...(new RegExp(`${termsLead(lang, true)}[^（(]*${bare(term)}`).test(text) ? [] : [`the New terms line naming ${term}`]),
  ];
}

describe('race 4: the run notice leaves its New terms line and the verdict in view, whichever round is faster', () => {
  it('atomic slower, atomic faster: 80x24 and 120x34, en and zh', async () => {
    const r = await draw({ width: 80, height: 24, lang: 'en', lesson: 'race' });
    await stepsRun(r, ATOMIC + 1);
    const run = r.store.getState().run!;
    const wrong: string[] = [];
    for (const [atomic, none, name] of [[60, 30, 'slower'], [30, 60, 'faster']] as const) {
      const state = { ms: { none, atomic }, loops: { atomic: [63.0, 146.9] }, oneCpu: false, cpus: 2 };
      const notice = race.steps[ATOMIC].noticeBy!({ calls: [], entries: [], segments: [], state, pid: process.pid } as LiveResult as never)!;
      expect(notice.en).toMatch(name === 'slower' ? /slower/ : /faster/);
      // the run's outcome holds the notice the store copies (store/run-copy.ts)
      (run.outcomes[ATOMIC] as { notice?: Text }).notice = notice;
      r.store.setState({ notices: { ...r.store.getState().notices, [ATOMIC]: notice } });
      for (const [lang, width, height] of VIEWS) {
        await viewAs(r, lang, width, height);
        // as right after the run: the pane at the result
        r.store.setState({ scroll: { ...r.store.getState().scroll, lesson: AT_QUESTION } });
        try {
          await r.waitFor(() => missing(r, lang, notice).length === 0, 'all in view', 2_000);
        } catch {
          wrong.push(`atomic ${name}, ${lang} ${width}x${height}: ${missing(r, lang, notice).join(', ')} not in view\n${r.frame()}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});

// race 5's run notice gives the three rounds' figures, the ratios, what holds when they vary and
// what to weigh (issue 16, s36); at 8 rows at 80x24 the lesson pane scrolled it away to show the
// check's first question. The longest it can be (six-figure ns, "(step 4 says why)"), after step 5
// ran: the whole notice and the check's question with its choices in the pane, no key pressed.
describe('race 5: the run notice and the check\'s first question both in view', () => {
  it('the longest figures: 80x24 and 120x34, en and zh', async () => {
    const REMOVE = race.steps.findIndex((s) => s.id === 'remove');
    const r = await draw({ width: 80, height: 24, lang: 'en', lesson: 'race' });
    await stepsRun(r, REMOVE + 1);
    const run = r.store.getState().run!;
    const state = { ms: { none: 4470, semaphore: 126700, atomic: 1800 }, loops: { atomic: [1790.3, 1800.1] }, oneCpu: false, cpus: 2 };
    const notice = race.steps[REMOVE].noticeBy!({ calls: [], entries: [], segments: [], state, pid: process.pid } as LiveResult as never)!;
    expect(notice.en).toMatch(/semaphore 3167500\sns.*\(step 4 says why\)/);
    (run.outcomes[REMOVE] as { notice?: Text }).notice = notice;
    r.store.setState({ notices: { ...r.store.getState().notices, [REMOVE]: notice } });
    const check = race.check![0]!;
    const wrong: string[] = [];
    for (const [lang, width, height] of VIEWS) {
      await viewAs(r, lang, width, height);
      const s = strings(lang);
      const missing = () => {
        const text = paneText(r);
        return [
          ...(text.includes(bare(`${s.noticeOfStep(REMOVE + 1)}${s.colon}${notice[lang]}`)) ? [] : ['the whole notice']),
          ...(text.includes(bare(`${s.checkTitle(1, race.check!.length)}${s.colon}${check.question[lang]}`)) ? [] : ["the check's question"]),
          ...check.choices.flatMap((c, i) => (text.includes(bare(`[${i + 1}]${c[lang]}`)) ? [] : [`choice ${i + 1}`])),
        ];
      };
      try {
        await r.waitFor(() => missing().length === 0, 'all in view', 2_000);
      } catch {
        wrong.push(`${lang} ${width}x${height}: ${missing().join(', ')} not in view\n${r.frame()}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
