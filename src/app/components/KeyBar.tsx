// The bottom line: the main keys (or the playground's, the your-turn form's while it is
// edited, the open list's: menu, errata, glossary), generated from the keymap.
import React from 'react';
import { useAppState, useLook } from '../context.js';
import { BINDINGS, barItems, barScope, courseNamedKeys, itemKeys, keyFor, labelled, lessonNamedKeys, namedKeys, runLabel, type BarItem, type BarScope, type PanesPlace, type SpacePlace } from '../keymap.js';
import type { AppState } from '../store.js';
import { keptCount } from '../kept-layout.js';
import { quizPlace } from '../store/quiz.js';
import { formWaitsForAnswer, questionHidden, restAsks, shownTurn, spaceShowsQuestion, spaceShowsRest, zoomHidesText } from '../store/turn.js';
import { type Line, fit, lineWidth, run } from '../styled.js';
import { StyledLineView } from './StyledLineView.js';
import { useLessonNamesGlossary } from './LessonPane.js';
import { LANGS, type Lang } from '../../lang.js';

function itemsLine(items: readonly BarItem[], sep: string): Line {
  const l: Line = [run(' ')];
  // an item without a key says what is going on (a step running): in the active tone
  // ("c/f code": two keys of one entry, a slash between them)
  items.forEach((it, i) => l.push(...(it.key ? [run(it.key, 'key'), ...(it.also ? [run('/'), run(it.also, 'key')] : []), ...(it.label ? [run(` ${it.label}`)] : [])] : [run(it.label, 'active')]), run(i < items.length - 1 ? sep : '')));
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

/** The ranks of the main screen's spare keys (Binding.spare), each a step of what gives way; 0: none. */
const ranks = [0, ...new Set(BINDINGS.filter((b) => b.spare && b.scopes.includes('main')).map((b) => b.spare!))].sort((a, b) => a - b);

/** The lesson screen's words and rank of spares left out, by what they follow from (ascii, width,
 *  tabs, the course's most steps, its named keys): the same for every step of every lesson, so
 *  found once per run (and kept across runs: kept-layout.ts). */
const decisions = new Map<string, { level: number; upTo: number }>();
function decided(place: string, decide: () => { level: number; upTo: number }): { level: number; upTo: number } {
  let d = decisions.get(place);
  if (!d) {
    if (decisions.size >= 64) decisions.clear();
    d = decide();
    decisions.set(place, d);
  }
  return d;
}

/** The places of a course whose lessons have at most `at.steps` steps whose bars are the widest any
 *  lesson makes outside an ask, a form being edited and the check: Space's longest words (its last
 *  step's text below, with its question, the question behind Space, its end, review), y beside Space
 *  where a form waits, a step running, before the course's last lesson and in it; with the named
 *  keys, zoomed or not (zoomed, Space shows a hidden text first: store/turn.ts zoomHidesText). */
function lessonPlaces(at: SpacePlace): SpacePlace[] {
  const last = Math.max(0, at.steps - 1);
  return [false, true].flatMap((lastLesson) => {
    const base = { steps: at.steps, lastLesson, ...(at.named ? { named: at.named } : {}) };
    return [
      { ...base, view: last, done: last },
      { ...base, view: last, done: last, rest: true },
      { ...base, view: last, done: last, rest: true, restAsks: true },
      { ...base, view: last, done: last, opens: true },
      { ...base, view: last, done: last, form: true },
      { ...base, view: at.steps, done: at.steps, rest: true },
      { ...base, view: at.steps, done: at.steps },
      { ...base, view: last, done: at.steps },
      { ...base, view: last, done: last, running: true, runningStep: last },
    ];
  });
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
  // On the lesson screen the bar names one set of keys, in one set of words, at every step of every
  // lesson at one width and language (issue 16, fixR3: "e errata", "l 中文", "→ next" came and went
  // from step to step; item 16/17: "c code … g terms  Tab" in a lesson naming e, "c C code … g
  // glossary  Tab pane" in one not): the keys every bar holds (the named keys of every lesson,
  // courseNamedKeys, never left out; z, Tab, q, ?) and the spares that fit beside the widest bar any
  // lesson makes outside a question, a form or the check (lessonPlaces: Space's longest words, a step
  // running, zoomed or not, with the course's most steps), in both languages alike, left out by one
  // fixed order (their rank), two spaces between entries always; where the named keys leave no room
  // even so, the words shorten at every step (labelled: "c code", "g terms", Tab; then "c/f code")
  const asks = !!space && (space.unanswered || space.resetAsked);
  if (scope === 'main' && space && !asks) {
    // (↑ ↓, named by a step where its pane can move, are that step's own: left out of the measure)
    const named = (space.named ?? []).filter((k) => k !== '↑' && k !== '↓');
    const steps = Math.max(space.steps, space.courseSteps ?? 0);
    const place = `${ascii} ${width} ${panes.tabs} ${steps} ${named.join(',')}`;
    const { level, upTo } = decided(place, () => {
      // the widest bars, each measured once (a review found drawBar measuring each twice): per level
      // of words, each bar with every spare left out, then, at the level chosen, with those up to
      // each rank left out until it fits
      const bars = new Map<number, BarItem[][]>();
      const barsAt = (level: number): BarItem[][] => {
        let out = bars.get(level);
        if (!out) {
          out = lessonPlaces({ ...space, steps, named }).flatMap((p) => LANGS.flatMap((l) => [false, true].map((zoomed) => labelled(barItems(l, ascii, p, scope, 0, { ...panes, zoomed }), l, ascii, level))));
          bars.set(level, out);
        }
        return out;
      };
      const top = ranks.at(-1)!;
      // the words and the rank up to which spares give way: kept across runs (kept-layout.ts; measuring
      // the widest bars was the most of the first frame's bar, run cold: bench/startup.md, "Twelfth round")
      // (shorter words only where the panes are tabs, whose bar names Tab: "Tab ⇥")
      const level = keptCount(`bar-level ${place}`, () => (panes.tabs ? ([0, 1, 2].find((lv) => barsAt(lv).every((all) => lineWidth(itemsLine(withoutRanks(all, top), SEP)) <= width)) ?? 3) : 0));
      // (the lowest rank at which each widest bar fits, the last where none does; the highest of them)
      const upTo = keptCount(`bar-rank ${place} ${level}`, () => Math.max(...barsAt(level).map((all) => ranks.find((r) => lineWidth(itemsLine(withoutRanks(all, r), SEP)) <= width) ?? top)));
      return { level, upTo };
    });
    // a question's, a form's or the check's bar (Space's longer words, y beside them) has its own
    // room: what does not fit gives way there alone, the spares first (lowest rank first), then the
    // named keys the screen's own text does not name, then the others, the last first; the keys
    // left out in either language are left out in both (menu-view's test: en left out g, zh not)
    const own = space.own ?? named;
    const keep = (l: Lang): BarItem[] => {
      let lv = level;
      let items = withoutRanks(labelled(bars.get(l)!, l, ascii, lv), upTo);
      // (shorter words first, where the panes are tabs)
      while (panes.tabs && lv < 3 && lineWidth(itemsLine(items, SEP)) > width) items = withoutRanks(labelled(bars.get(l)!, l, ascii, ++lv), upTo);
      let wide = lineWidth(itemsLine(items, SEP));
      const drop = (pick: (it: BarItem) => boolean, order: (a: BarItem, b: BarItem) => number) => {
        while (wide > width) {
          const out = items.filter(pick).sort(order)[0];
          if (!out) return;
          items = items.filter((it) => it !== out);
          wide = lineWidth(itemsLine(items, SEP));
        }
      };
      const later = (a: BarItem, b: BarItem) => items.indexOf(b) - items.indexOf(a);
      // (the keys only other lessons' texts name first: race 3's question bar at 120 columns lost the
      // ← its run's words name for e and f, which only other lessons name)
      const others = space.lesson ? (it: BarItem) => !!it.named && !itemKeys(it).some((k) => own.includes(k) || space.lesson!.includes(k)) : () => false;
      drop(others, later);
      drop((it) => !!it.spare && !it.named, (a, b) => a.spare! - b.spare!);
      drop((it) => !!it.named && !itemKeys(it).some((k) => own.includes(k)), later);
      drop((it) => !!it.named, later);
      return items;
    };
    const kept = LANGS.map((l) => new Set(keep(l).flatMap(itemKeys)));
    const items = keep(lang).filter((it) => kept.every((k) => itemKeys(it).every((key) => k.has(key))));
    return fit(itemsLine(items, SEP), width);
  }
  // every other bar (an ask's, a list's, help's, the closing screen's, the form's, the playground's)
  // as the lesson's: two spaces between entries always, and what does not fit gives way whole, in
  // both languages alike: the spares (lowest first), then the entries before the last, from the end
  // (s28f#3: the check's "Space again" bar ran one space apart and was cut at 80 columns)
  const k = Math.max(...LANGS.map((l) => dropsFor(bars.get(l)!, SEP, width)));
  const spared = new Map(LANGS.map((l) => [l, withoutSpares(bars.get(l)!, k)]));
  const more = Math.max(...LANGS.map((l) => endDrops(spared.get(l)!, width)));
  return fit(itemsLine(withoutBeforeLast(spared.get(lang)!, more), SEP), width);
}

/** The items with the `n` entries before the last left out, the later first. */
function withoutBeforeLast(items: readonly BarItem[], n: number): BarItem[] {
  if (n <= 0) return [...items];
  const keep = Math.max(1, items.length - 1 - n);
  return [...items.slice(0, keep), ...items.slice(-1)];
}

/** How many entries before the last `items` must leave out to fit `width`, two spaces apart. */
function endDrops(items: readonly BarItem[], width: number): number {
  for (let n = 0; n < items.length - 1; n++) if (lineWidth(itemsLine(withoutBeforeLast(items, n), SEP)) <= width) return n;
  return Math.max(0, items.length - 2);
}

/** The state a question or a form is read from: under the help overlay, the screen beneath
 *  it (help's own bar names its keys: any key closes it, q too; nc13k#1). */
function beneath(st: AppState): AppState {
  return st.overlay === 'help' ? { ...st, overlay: 'none' } : st;
}

/** Where the learner is, for what Space does there (keymap.ts runLabel): the key bar's, and the
 *  status line's words for Space (useSpaceWords), read from the one state. */
function useSpacePlace(): SpacePlace {
  const view = useAppState((st) => st.view);
  const done = useAppState((st) => st.done);
  const steps = useAppState((st) => st.lessons[st.lessonIndex]?.steps.length ?? 0);
  const lastLesson = useAppState((st) => st.lessonIndex === st.lessons.length - 1);
  const form = useAppState((st) => shownTurn(beneath(st)) !== null);
  const formWaits = useAppState((st) => formWaitsForAnswer(beneath(st)));
  const oneField = useAppState((st) => shownTurn(beneath(st))?.fields.length === 1);
  const checkOpen = useAppState((st) => quizPlace(beneath(st))?.kind === 'check');
  // the check's question Space brings where it waits behind Space ("check 2/3", as the lesson pane's marker row says)
  const checkK = useAppState((st) => {
    const place = quizPlace(beneath(st));
    return place?.kind === 'check' ? place.question + 1 : 0;
  });
  const checkN = useAppState((st) => st.lessons[st.lessonIndex]?.check?.length ?? 0);
  // what the last step's run leads to: the check while it has a question left (quiz on)
  const running = useAppState((st) => st.busy === 'running');
  const runningStep = useAppState((st) => st.runningStep);
  const jumping = useAppState((st) => st.jumping !== null);
  const unanswered = useAppState((st) => st.ask?.kind === 'run');
  const resetAsked = useAppState((st) => st.ask?.kind === 'reset');
  const opens = useAppState((st) => spaceShowsQuestion(beneath(st)));
  // zoomed over a step whose text was hidden, Space shows it first, as it brings a rest (store/turn.ts zoomHidesText)
  const rest = useAppState((st) => spaceShowsRest(beneath(st)) !== null || zoomHidesText(beneath(st)));
  const asks = useAppState((st) => restAsks(beneath(st)));
  // the question behind Space with the step's words cut above it: the pinned line says both, so does Space (fixR#9)
  const cut = useAppState((st) => !!st.resultShown?.cut);
  return { view, done, steps, lastLesson, form, ...(formWaits ? { formWaits } : {}), ...(oneField ? { oneField } : {}), ...(checkOpen ? { checkOpen, check: { k: checkK, n: checkN } } : {}), ...(running ? { running, ...(runningStep !== null ? { runningStep } : {}) } : {}), ...(jumping ? { jumping } : {}), ...(unanswered ? { unanswered } : {}), ...(opens ? { opens } : {}), ...(rest ? { rest } : {}), ...((rest && asks) || (opens && cut) ? { restAsks: true } : {}), ...(resetAsked ? { resetAsked } : {}) };
}

/** What Space does now, in the key bar's words ('' while the bar names no Space: a step running,
 *  an erratum's jump): what the status line says of Space (store/run.ts Status; issue 16 item 10:
 *  "Space runs it" where the bar said "Space step 2's text"). */
export function useSpaceWords(): string {
  const { lang } = useLook();
  const place = useSpacePlace();
  return place.running || place.jumping ? '' : runLabel(place)[lang];
}

/** `tabs`: the panes are tabs below the lesson (z zooms the one shown). */
export function KeyBar({ width, tabs }: { width: number; tabs: boolean }) {
  const { lang, ascii, color } = useLook();
  const place = useSpacePlace();
  const scope = useAppState((st) => barScope(st.overlay, st.screen, st.turnFocus !== null, st.find !== null));
  // a question's keys only while it is on screen: hidden (zoomed, behind Enter), its keys show it first (store/turn.ts questionHidden)
  const choices = useAppState((st) => (questionHidden(beneath(st)) ? 0 : (quizPlace(beneath(st))?.choices ?? 0)));
  const zoomed = useAppState((st) => st.zoomed);
  // the keys the lesson's text names at the step shown (a string: the selector's value compares by ===);
  // a scroll key (↑ ↓) only where the pane it moves, the one shown, can move that way: "(↓)" in a
  // text whose pane shows all it holds offered a key that did nothing (fix27c#1)
  const named = useAppState((st) => {
    const lesson = st.lessons[st.lessonIndex];
    const room = st.room[st.tab];
    const moves = (k: string) => (k === '↓' ? !!room?.down : k === '↑' ? !!room?.up : true);
    // every key any text of any lesson names, at every step (the bar holds still within a lesson,
    // fixR3, and from lesson to lesson, issue 16 item 16/17), g among them (the "New terms" line's
    // "g: glossary"); ↑ ↓ only where the step's text names them
    const arrows = lesson ? namedKeys(lesson, st.view).filter((k) => (k === '↑' || k === '↓') && moves(k)) : [];
    return lesson ? [...courseNamedKeys(st.lessons), ...arrows].join(' ') : '';
  });
  // the course's most steps: Space's widest words in any lesson (the bar's words are the same in all)
  const courseSteps = useAppState((st) => Math.max(0, ...st.lessons.map((l) => l.steps.length)));
  const allNamed = named;
  const lessonKeys = useAppState((st) => (st.lessons[st.lessonIndex] ? lessonNamedKeys(st.lessons[st.lessonIndex]).join(' ') : ''));
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
  const space = { ...place, ...(allNamed ? { named: allNamed.split(' '), own: ownKeys, lesson: lessonKeys.split(' ') } : {}), courseSteps };
  const typed = useAppState((st) => !!st.find);
  const line = keyBarLine(lang, ascii, width, space, scope, choices, { tabs, zoomed, ...(scope === 'end' && !endMoves ? { still: true } : {}), ...(scope === 'find' && typed ? { typed } : {}) });
  return <StyledLineView line={line} color={color} ascii={ascii} />;
}
