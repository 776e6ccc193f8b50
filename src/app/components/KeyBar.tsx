// The bottom line: the main keys (or the playground's, the your-turn form's while it is
// edited, the open list's: menu, errata, glossary), generated from the keymap.
import React from 'react';
import { useAppState, useLook } from '../context.js';
import { barItems, barScope, keyFor, lessonNamedKeys, namedKeys, shortLabel, type BarItem, type BarScope, type PanesPlace, type SpacePlace } from '../keymap.js';
import type { AppState } from '../store.js';
import { keptCount } from '../kept-layout.js';
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
  items.forEach((it, i) => l.push(...(it.key ? [run(it.key, 'key'), ...(it.label ? [run(` ${it.label}`)] : [])] : [run(it.label, 'active')]), run(i < items.length - 1 ? sep : '')));
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

/** The lesson screen's separator: two spaces, always (one ran the entries together: issue 16). */
const SEP = '  ';

/** The items of the bar with the spares of rank `upTo` and lower left out (a key the text names stays). */
function withoutRanks(all: readonly BarItem[], upTo: number): BarItem[] {
  return all.filter((it) => !it.spare || it.spare > upTo || it.named);
}

/** The lowest rank up to which the spares of `all` give way for it to fit `width`, two spaces apart. */
function rankFor(all: readonly BarItem[], width: number): number {
  const ranks = [0, ...new Set(all.filter((it) => it.spare).map((it) => it.spare!))].sort((a, b) => a - b);
  return ranks.find((r) => lineWidth(itemsLine(withoutRanks(all, r), SEP)) <= width) ?? ranks.at(-1)!;
}

/** The bar's items with c's and g's short labels where `short` ("c code", "g terms"). */
function shortened(items: BarItem[], lang: Lang, ascii: boolean, short: boolean): BarItem[] {
  return short ? items.map((it) => ({ ...it, label: shortLabel(it.key, ascii)?.[lang] ?? it.label })) : items;
}

/** The places of a lesson of `at.steps` steps whose bars are the widest it makes: Space's longest
 *  words outside a question, a form or the check (its last step's text below, its end, review),
 *  a step running; with the lesson's named keys. */
function lessonPlaces(at: SpacePlace): SpacePlace[] {
  const base = { steps: at.steps, lastLesson: at.lastLesson, ...(at.named ? { named: at.named } : {}) };
  const last = Math.max(0, at.steps - 1);
  return [
    { ...base, view: last, done: last },
    { ...base, view: last, done: last, rest: true },
    { ...base, view: at.steps, done: at.steps, rest: true },
    { ...base, view: at.steps, done: at.steps },
    { ...base, view: last, done: at.steps },
    { ...base, view: last, done: last, running: true, runningStep: last },
  ];
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
  // On the lesson screen the bar names one set of keys at every step of a lesson at one width
  // (issue 16, fixR3: "e errata", "l 中文", "→ next" came and went from step to step): the keys
  // every bar of the lesson holds (the lesson's named keys, lessonNamedKeys, never left out) and
  // the spares that fit beside the widest bar its steps make outside a question, a form or the
  // check (lessonPlaces: Space's longest words, a step running, zoomed or not), in both languages
  // alike, left out by one fixed order (their rank), two spaces between entries always; where the
  // named keys leave no room even so, c's and g's labels are short ("c code", "g terms") at every step
  const asks = !!space && (space.unanswered || space.resetAsked);
  if (scope === 'main' && space && !asks) {
    // (↑ ↓, named by a step where its pane can move, are that step's own: left out of the measure)
    const named = (space.named ?? []).filter((k) => k !== '↑' && k !== '↓');
    const place = `${ascii} ${width} ${panes.tabs} ${space.steps} ${space.lastLesson} ${named.join(',')}`;
    const plain = (short: boolean) => lessonPlaces({ ...space, named }).flatMap((p) => LANGS.flatMap((l) => [false, true].map((zoomed) => shortened(barItems(l, ascii, p, scope, 0, { ...panes, zoomed }), l, ascii, short))));
    const fitsAll = (bars: BarItem[][]) => bars.every((all) => lineWidth(itemsLine(withoutRanks(all, Infinity), SEP)) <= width);
    // the labels and the rank up to which spares give way: kept across runs (kept-layout.ts; measuring
    // the widest bars was the most of the first frame's bar, run cold: bench/startup.md, "Twelfth round")
    // (short only where the panes are tabs, whose bar names Tab: "Tab ⇥")
    const short = keptCount(`bar-short ${place}`, () => (fitsAll(plain(false)) || !panes.tabs ? 0 : 1)) === 1;
    const upTo = keptCount(`bar-rank ${place} ${short}`, () => Math.max(...plain(short).map((all) => rankFor(all, width))));
    // a question's, a form's or the check's bar (Space's longer words, y beside them) has its own
    // room: what does not fit gives way there alone, the spares first (lowest rank first), then the
    // named keys the screen's own text does not name, then the others, the last first; the keys
    // left out in either language are left out in both (menu-view's test: en left out g, zh not)
    const own = space.own ?? named;
    const keep = (l: Lang): BarItem[] => {
      let items = withoutRanks(shortened(bars.get(l)!, l, ascii, short), upTo);
      const drop = (pick: (it: BarItem) => boolean, order: (a: BarItem, b: BarItem) => number) => {
        while (lineWidth(itemsLine(items, SEP)) > width) {
          const out = items.filter(pick).sort(order)[0];
          if (!out) return;
          items = items.filter((it) => it !== out);
        }
      };
      // (the short words first, where the panes are tabs)
      if (panes.tabs && lineWidth(itemsLine(items, SEP)) > width) items = shortened(items, l, ascii, true);
      const later = (a: BarItem, b: BarItem) => items.indexOf(b) - items.indexOf(a);
      drop((it) => !!it.spare && !it.named, (a, b) => a.spare! - b.spare!);
      drop((it) => !!it.named && !own.includes(it.key), later);
      drop((it) => !!it.named, later);
      return items;
    };
    const kept = LANGS.map((l) => new Set(keep(l).map((it) => it.key)));
    const items = keep(lang).filter((it) => kept.every((k) => k.has(it.key)));
    return fit(itemsLine(items, SEP), width);
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
    // every key any text of the lesson names, at every step (the bar holds still within a lesson:
    // fixR3), g among them (the "New terms" line's "g: glossary"); ↑ ↓ only where the step's text names them
    const arrows = lesson ? namedKeys(lesson, st.view).filter((k) => (k === '↑' || k === '↓') && moves(k)) : [];
    return lesson ? [...lessonNamedKeys(lesson), ...arrows].join(' ') : '';
  });
  const allNamed = named;
  // the keys the screen's own text names (a question's or the check's bar, short of room, keeps them
  // before the lesson's others): the step's texts, the "New terms" line's g, c at the end
  const glossaryNamed = useLessonNamesGlossary();
  const own = useAppState((st) => {
    const lesson = st.lessons[st.lessonIndex];
    return lesson ? [...namedKeys(lesson, st.view), ...(st.view >= lesson.steps.length ? [keyFor('code', ascii)] : [])].join(' ') : '';
  });
  const ownKeys = [...own.split(' ').filter(Boolean), ...(glossaryNamed ? [keyFor('glossary', ascii)] : [])];
  // the closing screen names ↑↓ only while it is taller than the screen
  const endMoves = useAppState((st) => !!st.room.end?.up || !!st.room.end?.down);
  const space = { view, done, steps, lastLesson, form, ...(formWaits ? { formWaits } : {}), ...(checkOpen ? { checkOpen } : {}), ...(running ? { running, ...(runningStep !== null ? { runningStep } : {}) } : {}), ...(jumping ? { jumping } : {}), ...(unanswered ? { unanswered } : {}), ...(opens ? { opens } : {}), ...(rest ? { rest } : {}), ...((rest && asks) || (opens && cut) ? { restAsks: true } : {}), ...(resetAsked ? { resetAsked } : {}), ...(allNamed ? { named: allNamed.split(' '), own: ownKeys } : {}) };
  const line = keyBarLine(lang, ascii, width, space, scope, choices, { tabs, zoomed, ...(scope === 'end' && !endMoves ? { still: true } : {}) });
  return <StyledLineView line={line} color={color} ascii={ascii} />;
}
