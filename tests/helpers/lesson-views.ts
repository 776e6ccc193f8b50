// The lesson pane as a learner sees it in the four views the question tests look at
// (80x24 and 120x34, en and zh): its rows, and what is missing in each view.
import type { Lang } from '../../src/lang.js';
import type { Rendered } from './render.js';
import { strings } from '../../src/app/strings.js';
import { cells, graphemes } from '../../src/text/cells.js';
import { questionBehind, questionHidden } from '../../src/app/store/turn.js';
import { quizPlace } from '../../src/app/store/quiz.js';

export const VIEWS: [Lang, number, number][] = [
  ['en', 80, 24],
  ['en', 120, 34],
  ['zh', 120, 34],
  ['zh', 80, 24],
];

/** The app in `lang` (switched with l, as a learner would) at `width` x `height`. */
export async function viewAs(r: Rendered, lang: Lang, width: number, height: number): Promise<void> {
  if (r.store.getState().lang !== lang) {
    await r.press('l');
    await r.waitFor(() => r.store.getState().lang === lang, `l: ${lang}`);
  }
  r.resize(width, height);
}

/** The lesson text as drawn, the step list beside it (80 columns) left out, without blanks or
 *  backticks (the pane draws code without them), so a paragraph wrapped anyhow compares whole. */
export function paneText(r: Rendered): string {
  return lessonRows(r)
    .map((row) => row.replace(/│$/, ''))
    .map((row) => (row.includes(' │ ') ? row.slice(row.indexOf(' │ ') + 3) : row))
    .join('')
    .replace(/[\s`]/g, '');
}

/** The lesson pane's rows as drawn, its own columns only: the first box under the title bar,
 *  whose title may be the step's alone (the heading scrolled up, fix16e); at 120 other panes
 *  stand beside it ("…││…"). */
export function lessonRows(r: Rendered): string[] {
  const lines = r.lines();
  const top = lines.findIndex((l) => l.startsWith('┌─'));
  const bottom = lines.findIndex((l, i) => i > top && l.startsWith('└'));
  // the pane's own columns end at its right border, by cells (a row beside another pane's corner has no "││")
  const head = lines[top] ?? '';
  const right = cells(head.slice(0, head.indexOf('┐')));
  // summed a cluster at a time: measuring each growing prefix was quadratic, and its many
  // texts flushed cells()'s cache of the app's own lines
  const own = (l: string) => {
    let out = '';
    let width = 0;
    for (const g of graphemes(l)) {
      width += cells(g);
      if (width > right) break;
      out += g;
    }
    return out.slice(1);
  };
  return lines.slice(top + 1, bottom).map((l) => own(l).replace(/\u00a0/g, ' '));
}

/** Each of the four views of what is open now: what `lacks` finds missing in each (none,
 *  when all is right), with the frame; the app is left in English at 80x24. */
export async function looks(r: Rendered, where: string, lacks: (r: Rendered, lang: Lang) => string[]): Promise<string[]> {
  const out: string[] = [];
  let lang: Lang = r.store.getState().lang;
  for (const [want, width, height] of VIEWS) {
    if (want !== lang) {
      await r.press('l');
      await r.waitFor(() => r.store.getState().lang === want, `l: ${want}`);
      lang = want;
    }
    r.resize(width, height);
    try {
      await r.waitFor((f) => f.split('\n').length === height && f.split('\n')[0].length <= width && lacks(r, lang).length === 0, 'all in view', 2_000);
    } catch {
      out.push(`${where} ${lang} ${width}x${height}: ${lacks(r, lang).join(', ')}\n${r.frame()}`);
    }
  }
  if (lang !== 'en') {
    await r.press('l');
    await r.waitFor(() => r.store.getState().lang === 'en', 'l: en');
  }
  r.resize(80, 24);
  return out;
}

/** Where a view shows the result of the step just run first, the question behind Enter
 *  (LessonPane, fix17a): Enter there, so the question is in view in every view after it; the
 *  app is left in English at 80x24. Returns whether a view had it behind Enter. */
export async function questionBrought(r: Rendered): Promise<boolean> {
  let brought = false;
  for (const [lang, width, height] of VIEWS) {
    await viewAs(r, lang, width, height);
    const st = r.store.getState();
    const step = st.done;
    const place = quizPlace(st);
    // the step's question, or the check's next one under the verdict before it (fix18a#5)
    const said = place?.kind === 'check' ? strings(lang).spaceMarker(strings(lang).spaceCheck(place.question + 1, st.lessons[st.lessonIndex].check!.length)) : strings(lang).spaceMarker(strings(lang).spaceBrings(step + 1, false, true));
    // the frame drawn at this size (a resize's first frames may lag), its pane showing the line or the question
    const drawn = (f: string) => f.split('\n').length === height && f.split('\n')[0].length <= width;
    // or the rest of the step's words with it, said where they are cut (fix20a#1)
    const rest = place?.kind === 'check' ? said : strings(lang).spaceMarker(strings(lang).spaceBrings(step + 1, true, true));
    const behind = () => lessonRows(r).some((l) => l.includes(said) || l.includes(rest));
    await r.waitFor((f) => drawn(f) && (behind() || !questionBehind(r.store.getState())), `${lang} ${width}x${height} drawn`);
    if (!brought && behind()) {
      await r.press('\r');
      await r.waitFor(() => !questionBehind(r.store.getState()), 'Enter: the question');
      brought = true;
    }
  }
  if (r.store.getState().lang !== 'en') {
    await r.press('l');
    await r.waitFor(() => r.store.getState().lang === 'en', 'l: en');
  }
  r.resize(80, 24);
  return brought;
}

/** A digit that answers: pressed again where the question was hidden and the first only showed it (fix18a#3). */
export async function answer(r: Rendered, digit: number, answered: () => boolean, what: string): Promise<void> {
  const hidden = questionHidden(r.store.getState());
  await r.press(String(digit));
  if (hidden) {
    await r.waitFor(() => !questionHidden(r.store.getState()), `${what}: the question shown`);
    await r.press(String(digit));
  }
  await r.waitFor(answered, what);
}

/** The start of a "New terms" line as a pattern: the shown step's own ("New terms: ") or one under
 *  a notice, naming its step ("New terms (step 2): "); `bare`: without blanks or backticks, as paneText. */
export function termsLead(lang: Lang, bare = false): string {
  const s = strings(lang);
  const squeeze = (t: string) => (bare ? t.replace(/[\s`]/g, '') : t);
  const esc = (t: string) => squeeze(t).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const [plain, named] = [s.newTerms('\u0000', ''), s.newTerms('\u0000', '', 9)].map((t) => t.split('\u0000')[0]!);
  return `(?:${esc(plain)}|${esc(named).replace('9', '\\d+')})`;
}
