// After a run the Trace names the step just run: its heading ("── step 4: …") in view, else the
// step the window opens inside on the top border ("Trace · step 4"; issue 16, s35g#3: a part
// longer than the pane showed its end, the heading out of view above, and learners pressed z to
// learn which step it was). And it draws nothing over a trace line: every row of the pane is the
// line at its offset (issue 16, s36: the heading kept on the first rows covered ftok 8's open()
// of the new file, shmat 6's shmat, a y run's own call, while "↑ 45 more" did not count them), the
// border's title and the step it names whole, the hint beside "↑ N more" giving way (nc3 at 80x24:
// "Trace ·… ↑ 19 more (step 1's result goes on above; z: more of step 1)").
// Every step of every lesson at 80x24 (the Trace tab brought) and 120x34, en and zh; real store,
// lesson engine and kernel.
import { describe, expect, it } from 'vitest';
import { appDrawer, paneRows, ran, tabTo, type Rendered } from '../helpers/render.js';
import { viewAs } from '../helpers/lesson-views.js';
import { LESSONS } from '../../src/lessons/index.js';
import { strings } from '../../src/app/strings.js';
import { layoutFor } from '../../src/app/layout.js';
import { listingOwners } from '../../src/app/components/marks.js';
import { traceView } from '../../src/app/components/trace-view.js';
import { lineText, screenLine } from '../../src/app/styled.js';
import type { Lang } from '../../src/lang.js';

const draw = appDrawer('trace-step-named', { lessons: LESSONS });

const VIEWS = [
  ['en', 80, 24],
  ['zh', 80, 24],
  ['en', 120, 34],
  ['zh', 120, 34],
] as const;

/** What is wrong with the Trace as drawn after step `step` (1-based) ran: a row that is not the
 *  trace line at its offset (the border's "↑ N more"), the step named neither by a heading in view
 *  nor on the border, a border that names the step the window opens inside cut or not at all;
 *  null: nothing. */
function wrongNow(r: Rendered, lang: Lang, width: number, step: number): string | null {
  const s = strings(lang);
  const lines = r.lines();
  const border = lines.find((l) => l.startsWith(`┌─ ${s.trace}`));
  if (border === undefined) return 'no Trace pane';
  const rows = paneRows(lines, s.trace).map((row) => row.slice(1, -1).trimEnd());
  const top = Number(/↑ (?:还有 )?(\d+)/.exec(border)?.[1] ?? 0);
  const st = r.store.getState();
  const owners = listingOwners(st.trace, { segments: st.segments, queues: st.queues, semaphores: st.semaphores });
  const view = traceView(st.trace, st.stepStarts, st.lessons[st.lessonIndex]!, lang, width - 2, s, false, owners, process.pid, st.notices);
  // every row the line at its offset as the terminal gets it (screenLine), blank past the trace's
  // end: nothing drawn over a line
  const drawn = (i: number) => lineText(screenLine(view.lines[i] ?? [], width - 2, false)).trimEnd();
  const covered = rows.findIndex((row, i) => row !== drawn(top + i));
  if (covered >= 0) return `row ${covered + 1} is not line ${top + covered} of the trace: "${rows[covered]}" over "${drawn(top + covered)}"`;
  // the step the window opens inside (begun above its first row), named whole on the border
  const inside = view.tops.reduce((k, at, i) => (at !== undefined && at <= top ? i : k), -1);
  const opened = inside >= 0 && view.tops[inside]! < top ? inside + 1 : null;
  const title = `┌─ ${s.trace}${opened === null ? ' ' : ` · ${s.step} ${opened} `}`;
  if (!border.startsWith(title)) return `the border's title is not "${title}": ${border}`;
  const heading = new RegExp(`^── ${s.step} ${step}(?!\\d)`);
  if (opened !== step && !rows.some((row) => heading.test(row))) return `neither a heading in view nor the border names step ${step}`;
  return null;
}

async function stepWrong(r: Rendered, step: number, where: string): Promise<string[]> {
  const out: string[] = [];
  for (const [lang, width, height] of VIEWS) {
    await viewAs(r, lang, width, height);
    if (width === 80) await tabTo(r, 'trace');
    const pane = width === 80 ? width : (layoutFor(width, height, 10) as { trace: { w: number } }).trace.w;
    let said: string | null = null;
    // the frame settles (a peer's last lines may still arrive): polled to a deadline
    await r.waitFor((f) => f.split('\n').length === height && (said = wrongNow(r, lang, pane, step)) === null, 'the Trace drawn whole', 2_000).catch(() => out.push(`${where} ${lang} ${width}x${height}: ${said}\n${r.frame()}`));
  }
  await viewAs(r, 'en', 80, 24);
  return out;
}

describe('after a run the Trace names the step just run and draws nothing over a line', () => {
  for (const lesson of LESSONS)
    it(`${lesson.id}: after every run, 80x24 and 120x34, en and zh`, async () => {
      const r = await draw({ width: 80, height: 24, lesson: lesson.id, quiz: false });
      await r.waitFor(() => r.store.getState().run !== null && r.store.getState().busy === null, 'the lesson open');
      const wrong: string[] = [];
      for (let k = 0; k < lesson.steps.length; k++) {
        await ran(r, k + 1);
        wrong.push(...(await stepWrong(r, k + 1, `${lesson.id} after step ${k + 1}`)));
      }
      expect(wrong).toEqual([]);
    }, 300_000);
});
