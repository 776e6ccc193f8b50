// The bottom line: the main keys (or the playground's, the your-turn form's while it is
// edited, the open list's: menu, errata, glossary), generated from the keymap.
import React from 'react';
import { useAppState, useLook } from '../context.js';
import { barItems, barScope, keyFor, namedKeys, widestPlaces, type BarItem, type BarScope, type PanesPlace, type SpacePlace } from '../keymap.js';
import type { AppState } from '../store.js';
import { keptChoice, keptCount } from '../kept-layout.js';
import { quizPlace } from '../store/quiz.js';
import { formWaitsForAnswer, questionHidden, restAsks, shownTurn, spaceShowsQuestion, spaceShowsRest } from '../store/turn.js';
import { type Line, fit, lineWidth, run } from '../styled.js';
import { StyledLineView } from './StyledLineView.js';
import { useLessonNamesGlossary } from './LessonPane.js';
import { LANGS, type Lang } from '../../lang.js';

/** The separator between items: two spaces when the widest bar of the lesson fits the
 *  width with them (Space's longest label, no question), else one; the same whatever
 *  Space says now, so the bar keeps its layout between a run and a review. */
function separator(lang: Lang, ascii: boolean, width: number, space: SpacePlace | undefined, scope: BarScope, panes: PanesPlace): string {
  const places: (SpacePlace | undefined)[] = space
    ? [space, { ...space, view: space.steps - 1, done: space.steps }, { ...space, view: space.steps, done: space.steps }, { ...space, view: space.steps - 1, done: space.steps - 1 }, { ...space, done: space.steps - 2, running: true, runningStep: space.steps - 2 }]
    : [undefined];
  // z's label too (zoom, lesson): the bar keeps its layout when z is pressed
  const zooms: PanesPlace[] = [{ ...panes, zoomed: false }, { ...panes, zoomed: true }];
  const widest = Math.max(...places.flatMap((p) => zooms.map((z) => lineWidth(itemsLine(barItems(lang, ascii, p, scope, 0, z), '  ')))));
  return widest <= width ? '  ' : ' ';
}

function itemsLine(items: readonly BarItem[], sep: string): Line {
  const l: Line = [run(' ')];
  // an item without a key says what is going on (a step running): in the active tone
  items.forEach((it, i) => l.push(...(it.key ? [run(it.key, 'key'), run(` ${it.label}`)] : [run(it.label, 'active')]), run(i < items.length - 1 ? sep : '')));
  return l;
}

/** The items of the bar with the `k` lowest spares left out (a key the text names stays). */
function withoutSpares(all: readonly BarItem[], k: number): BarItem[] {
  const spares = all.filter((it) => it.spare).sort((a, b) => a.spare! - b.spare!);
  const out = spares.slice(0, k);
  return all.filter((it) => !out.includes(it) || it.named);
}

/** How many of the lowest spares `all` must leave out to fit `width`. */
function dropsFor(all: readonly BarItem[], sep: string, width: number): number {
  const spares = all.filter((it) => it.spare).length;
  for (let k = 0; k < spares; k++) if (lineWidth(itemsLine(withoutSpares(all, k), sep)) <= width) return k;
  return spares;
}

/** keyBarLine's lines by everything they depend on: every redraw draws the bar, and a key
 *  (l above all) mostly asks for one it drew before; measuring both languages' bars to
 *  find the spares to leave out was a good part of a redraw (bench/startup.md, "Sixth round"). */
const barLines = new Map<string, Line>();

/** `choices`: the choices of the question waiting for a digit (0: none); `panes`: tabs or not, zoomed or not (z). */
export function keyBarLine(
  lang: Lang, ascii: boolean, width: number, space?: SpacePlace, scope: BarScope = 'main', choices = 0,
  panes: PanesPlace = { tabs: false, zoomed: false },
): Line {
  const key = JSON.stringify([lang, ascii, width, space ?? null, scope, choices, panes]);
  let line = barLines.get(key);
  if (!line) {
    if (barLines.size >= 256) barLines.clear();
    line = drawBar(lang, ascii, width, space, scope, choices, panes);
    barLines.set(key, line);
  }
  return line;
}

function drawBar(lang: Lang, ascii: boolean, width: number, space: SpacePlace | undefined, scope: BarScope, choices: number, panes: PanesPlace): Line {
  // each language's items found once (the first frame's bar asked barItems 33
  // times, 22 now, run cold: bench/startup.md, "Tenth round")
  const bars = new Map(LANGS.map((l) => [l, barItems(l, ascii, space, scope, choices, panes)]));
  // without spare keys when the items do not fit (the lowest spare gives way first); as many
  // left out as the language that needs most does, so that both languages name the same keys.
  // On the lesson screen as many as the widest step's bar needs (a question's keys, y, a step
  // running: keymap.ts widestPlaces), whatever the step shown, and the separator
  // chosen by them too: at one width every step names the same keys, the step's own added
  // (fix15a2#2); a key its text names stays whatever it takes
  const asks = !!space && (space.unanswered || space.resetAsked);
  if (scope === 'main' && space && !asks) {
    let widest: BarItem[][] | undefined;
    const dropsAt = (sep: string) => {
      widest ??= widestPlaces().flatMap((p) => LANGS.map((l) => barItems(l, ascii, p.space, scope, p.choices, panes)));
      return Math.max(...widest.map((all) => dropsFor(all, sep, width)));
    };
    // two spaces between entries where they leave out no more keys than one. Both follow from
    // the bundle's keys and the place alone, and measuring the widest bars was the most of the
    // first frame's bar, run cold: kept across runs (kept-layout.ts; bench/startup.md, "Twelfth round")
    const place = `${ascii} ${width} ${panes.tabs} ${panes.zoomed}`;
    let sep = keptChoice(`bar-two-spaces ${place}`, () => dropsAt('  ') <= dropsAt(' ')) ? '  ' : ' ';
    let k = keptCount(`bar-drops ${place} ${sep.length}`, () => dropsAt(sep));
    // while the end-of-lesson check asks, its question hides the summary: the keys only the summary
    // names (f) give way first, before a key of the bar (serv-clnt's end dropped l for f: fix15a2#2)
    const extra = (it: BarItem) => !!space.checkOpen && !!it.named && !it.spare;
    for (const l of LANGS) {
      while (lineWidth(itemsLine(withoutSpares(bars.get(l)!, k), sep)) > width && bars.get(l)!.some(extra)) {
        const items = bars.get(l)!;
        const last = items.map(extra).lastIndexOf(true);
        bars.set(l, items.filter((_, i) => i !== last));
      }
    }
    const all = bars.get(lang)!;
    // a screen whose named keys take more room: the next spares give way on it (both languages alike)
    while (k < all.length && LANGS.some((l) => lineWidth(itemsLine(withoutSpares(bars.get(l)!, k), sep)) > width) && withoutSpares(all, k + 1).length < withoutSpares(all, k).length) k++;
    let items = withoutSpares(all, k);
    // a screen whose named keys leave no room for them, or for → (the way on beside Space, the last
    // spare: issue 16, it went missing while a question waited behind Space), with two spaces: one
    // space between its entries, where that keeps them (both languages alike)
    const next = keyFor('next', ascii);
    const hasNext = (its: readonly BarItem[]) => its.some((it) => it.key === next);
    const fits = (its: readonly BarItem[], sp: string) => lineWidth(itemsLine(its, sp)) <= width;
    if (sep === '  ' && (!fits(items, sep) || (hasNext(all) && !hasNext(items)))) {
      const k1 = Math.max(...LANGS.map((l) => dropsFor(bars.get(l)!, ' ', width)));
      const tight = withoutSpares(all, k1);
      if (LANGS.every((l) => fits(withoutSpares(bars.get(l)!, k1), ' ')) && (hasNext(tight) || !hasNext(items))) {
        items = tight;
        sep = ' ';
      }
    }
    // a screen whose named keys leave no room even so (the lesson's end with its check open, the
    // summary that names f hidden under it): the named keys give way, the last first
    while (lineWidth(itemsLine(items, sep)) > width && items.some((it) => it.named)) {
      const last = items.map((it) => !!it.named).lastIndexOf(true);
      items = items.filter((_, i) => i !== last);
    }
    return fit(itemsLine(items, sep), width);
  }
  // an ask's bar (r, Space at an open question) as the lesson's: two spaces between entries where
  // they leave out no more keys than one, both languages alike (fix18f#5: "resets the lesson other
  // keys cancel it" ran on)
  const oneSpace = Math.max(...LANGS.map((l) => dropsFor(bars.get(l)!, ' ', width)));
  const askSep = LANGS.every((l) => lineWidth(itemsLine(withoutSpares(bars.get(l)!, oneSpace), '  ')) <= width) ? '  ' : ' ';
  const seps = new Map(LANGS.map((l) => [l, asks ? askSep : separator(l, ascii, width, space, scope, panes)]));
  const k = Math.max(...LANGS.map((l) => dropsFor(bars.get(l)!, seps.get(l)!, width)));
  return fit(itemsLine(withoutSpares(bars.get(lang)!, k), seps.get(lang)!), width);
}

/** The state a question or a form is read from: under the help overlay, the screen beneath
 *  it (help's own bar names its keys: any key closes it, q too; nc13k#1). */
function beneath(st: AppState): AppState {
  return st.overlay === 'help' ? { ...st, overlay: 'none' } : st;
}

/** `tabs`: the panes are tabs below the lesson (z zooms the one shown). */
export function KeyBar({ width, tabs }: { width: number; tabs: boolean }) {
  const { lang, ascii, color } = useLook();
  const view = useAppState((st) => st.view);
  const done = useAppState((st) => st.done);
  const steps = useAppState((st) => st.lessons[st.lessonIndex]?.steps.length ?? 0);
  const lastLesson = useAppState((st) => st.lessonIndex === st.lessons.length - 1);
  const scope = useAppState((st) => barScope(st.overlay, st.screen, st.turnFocus !== null, st.find !== null));
  // a question's keys only while it is on screen: hidden (zoomed, behind Enter), its keys show it first (store/turn.ts questionHidden)
  const choices = useAppState((st) => (questionHidden(beneath(st)) ? 0 : (quizPlace(beneath(st))?.choices ?? 0)));
  const zoomed = useAppState((st) => st.zoomed);
  const form = useAppState((st) => shownTurn(beneath(st)) !== null);
  const formWaits = useAppState((st) => formWaitsForAnswer(beneath(st)));
  const checkOpen = useAppState((st) => quizPlace(beneath(st))?.kind === 'check');
  // what the last step's run leads to: the check while it has a question left (quiz on)
  const running = useAppState((st) => st.busy === 'running');
  const runningStep = useAppState((st) => st.runningStep);
  const jumping = useAppState((st) => st.jumping !== null);
  const unanswered = useAppState((st) => st.ask?.kind === 'run');
  const resetAsked = useAppState((st) => st.ask?.kind === 'reset');
  const opens = useAppState((st) => spaceShowsQuestion(beneath(st)));
  const rest = useAppState((st) => spaceShowsRest(beneath(st)) !== null);
  const asks = useAppState((st) => restAsks(beneath(st)));
  // the question behind Space with the step's words cut above it: the pinned line says both, so does Space (fixR#9)
  const cut = useAppState((st) => !!st.resultShown?.cut);
  // the keys the lesson's text names at the step shown (a string: the selector's value compares by ===);
  // a scroll key (↑ ↓) only where the pane it moves, the one shown, can move that way: "(↓)" in a
  // text whose pane shows all it holds offered a key that did nothing (fix27c#1)
  const named = useAppState((st) => {
    const lesson = st.lessons[st.lessonIndex];
    const room = st.room[st.tab];
    const moves = (k: string) => (k === '↓' ? !!room?.down : k === '↑' ? !!room?.up : true);
    return lesson ? namedKeys(lesson, st.view).filter(moves).join(' ') : '';
  });
  // the lesson pane's "New terms" line names g ("(g: glossary)"): the bar does too (issue 16)
  const glossaryNamed = useLessonNamesGlossary();
  const glossaryKey = keyFor('glossary', ascii);
  const allNamed = glossaryNamed && !named.split(' ').includes(glossaryKey) ? [named, glossaryKey].filter(Boolean).join(' ') : named;
  // the closing screen names ↑↓ only while it is taller than the screen
  const endMoves = useAppState((st) => !!st.room.end?.up || !!st.room.end?.down);
  const space = { view, done, steps, lastLesson, form, ...(formWaits ? { formWaits } : {}), ...(checkOpen ? { checkOpen } : {}), ...(running ? { running, ...(runningStep !== null ? { runningStep } : {}) } : {}), ...(jumping ? { jumping } : {}), ...(unanswered ? { unanswered } : {}), ...(opens ? { opens } : {}), ...(rest ? { rest } : {}), ...((rest && asks) || (opens && cut) ? { restAsks: true } : {}), ...(resetAsked ? { resetAsked } : {}), ...(allNamed ? { named: allNamed.split(' ') } : {}) };
  const line = keyBarLine(lang, ascii, width, space, scope, choices, { tabs, zoomed, ...(scope === 'end' && !endMoves ? { still: true } : {}) });
  return <StyledLineView line={line} color={color} ascii={ascii} />;
}
