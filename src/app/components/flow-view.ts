// Which diagram the flow pane shows and what it lights: the step shown if it ran, as active;
// a step not run yet its own diagram, the last step run lit on it if that step used it too;
// the earlier steps on the same diagram as done; each the path its call really took.
import type { Lang } from '../../lang.js';
import { litPath, unrevealed } from '../../lessons/lit.js';
import type { Lesson, TraceEntry } from '../../lessons/types.js';
import type { CellRect, LegendMarks, StyledLine } from '../../flow/types.js';
import type { CallRecord, SegmentRecord } from '../../native/types.js';
import type { DiagramRenderer } from '../store/deps.js';
import { cells, graphemes } from '../text-fit.js';
import type { Strings } from '../strings.js';
import { type FrameChars, titleRoom } from './frame.js';

/** The flow pane's first row is the key to its line styles. */
export const LEGEND_ROWS = 1;

/** The rows the flow pane's content needs for the lesson's tallest diagram at `width`
 *  (the pane's inside), its legend included; what a large screen gives the pane. */
export function flowRowsFor(flow: DiagramRenderer, lesson: Lesson, width: number, ascii: boolean, lang: Lang): number {
  return LEGEND_ROWS + Math.max(...lesson.diagrams.map((d) => flow.renderDiagram(d, { width, ascii, lang, family: lesson.diagrams }).height));
}

export interface FlowChoice {
  diagram: string | null;
  active: string[];
  done: string[];
  /** parts whose result (an errno, SIGSEGV) is drawn as "?": no step that gets it has run (lit.ts unrevealed) */
  masked: string[];
  /** `masked` of each of the lesson's diagrams before any step ran: whether its legend names "?" (lessonMarks) */
  hiddenAtStart?: Record<string, string[]>;
  /** of `active`, what no earlier step lit on this diagram: the newest part, which the
   *  pane keeps in view when the lit part does not fit (absent: all of `active`) */
  fresh?: string[];
  /** the diagrams drawn together with this one (the lesson's): each box in one place in all of them */
  family?: readonly string[];
  /** which of the lesson's diagrams it is (1-based), and whether the step lit is the first on
   *  it after a step on another and was run just now: the pane's title says so, or the picture
   *  changes without a word (ftok's step 8 went back to the key's flow; fix18c) */
  /** `next`: before step `step` runs (its ▶ shown), the number of the other diagram its run lights */
  place?: { at: number; of: number; switched: boolean; next?: { step: number; at: number } };
}

/** A call of a step; `yours`: made with the learner's own values, before the lesson's own run
 *  (explainOwnRun's event marks where that starts). */
export type StepCall = CallRecord & { yours?: true };

/** The calls step `i` made (none for a step not run): what its lit path is read from. */
export type StepCalls = (i: number) => readonly StepCall[];

/** The calls of each step in `trace`, whose entries of step i begin at `stepStarts[i]`. */
export function callsByStep(trace: readonly TraceEntry[], stepStarts: readonly number[]): StepCalls {
  return (i) => {
    if (i >= stepStarts.length) return [];
    const entries = trace.slice(stepStarts[i], stepStarts[i + 1] ?? trace.length);
    const own = entries.findIndex((e) => e.type === 'event' && e.own);
    return entries.flatMap((e, at): StepCall[] => (e.type !== 'call' ? [] : at < own ? [{ ...e, yours: true }] : [e]));
  };
}

/** The label an edge has in a diagram as written (undefined where it has no such edge):
 *  what tells one act drawn in two diagrams from two acts between the same boxes. */
export type EdgeLabel = (diagram: string, id: string) => string | null | undefined;

/** `answered`: a question of the lesson's check has been answered since (or before) its last
 *  step ran, so that run is no longer what just happened. */
export function flowChoice(lesson: Lesson, view: number, done: number, callsOf: StepCalls = () => [], edgeLabel?: EdgeLabel, answered = false): FlowChoice {
  const chosen = choose(lesson, view, done, callsOf, edgeLabel);
  const lit = view < done ? view : done - 1;
  // "now diagram 2" only right after the run that switched: not for a step shown in review
  // (ftok 8 said "now diagram 1", already on it), nor through the check after the last step
  // once its first question is answered (fix26f#1)
  const fresh = view >= done && !(view >= lesson.steps.length && answered);
  const switched = fresh && lit > 0 && lesson.steps[lit]?.diagram !== lesson.steps[lit - 1].diagram;
  const at = chosen.diagram ? lesson.diagrams.indexOf(chosen.diagram) + 1 : 0;
  // the step about to run lights another diagram: the title says which, so the flip its run
  // makes is expected (ftok 9: the preview drew 1/2, the run 2/2)
  const coming = view === done ? lesson.steps[view]?.diagram : undefined;
  const nextAt = coming && coming !== chosen.diagram ? lesson.diagrams.indexOf(coming) + 1 : 0;
  const next = nextAt > 0 ? { next: { step: view + 1, at: nextAt } } : {};
  const hiddenAtStart = Object.fromEntries(lesson.diagrams.map((d) => [d, unrevealed(lesson, d, 0)]));
  return { ...chosen, family: lesson.diagrams, hiddenAtStart, ...(at > 0 && { place: { at, of: lesson.diagrams.length, switched, ...next } }) };
}

function choose(lesson: Lesson, view: number, done: number, callsOf: StepCalls, edgeLabel: EdgeLabel | undefined): FlowChoice {
  const n = lesson.steps.length;
  // the step just run stays lit on its diagram until the next one runs (a text announcing
  // another diagram says the Flow changes once it runs); before any run, the first step's diagram
  const shown = lesson.steps[Math.min(view, n - 1)];
  const lit = view < done ? view : done > 0 ? done - 1 : -1;
  // a result is revealed by the step that got it, not by one that might have (lit.ts unrevealed)
  const revealed = (i: number) => litPath(lesson.steps[i], callsOf(i));
  if (lit < 0) {
    const diagram = shown?.diagram ?? lesson.diagrams[0] ?? null;
    return { diagram, active: [], done: diagram ? litBefore(lesson, diagram, done, new Set(), callsOf, edgeLabel) : [], masked: diagram ? unrevealed(lesson, diagram, done, revealed) : [] };
  }
  const step = lesson.steps[lit];
  // each step lights the path its own call took (src/lessons/lit.ts); after a your-turn run the
  // learner's as just run and the lesson's own as done, two runs told apart (issue 16: shmget 3
  // lit size 1 and size 0 alike, "just run" both)
  const calls = callsOf(lit);
  const yours = calls.filter((c) => c.yours);
  const active = new Set(litPath(step, yours.length ? yours : calls));
  const lessons = yours.length ? litPath(step, calls.filter((c) => !c.yours)).filter((id) => !active.has(id)) : [];
  const before = new Set(lesson.steps.slice(0, lit).flatMap((s, i) => (s.diagram === step.diagram ? litPath(s, callsOf(i)) : [])));
  const fresh = [...active].filter((id) => !before.has(id));
  const drawnDone = [...new Set([...litBefore(lesson, step.diagram, lit, active, callsOf, edgeLabel), ...lessons])];
  return { diagram: step.diagram, active: [...active], done: drawnDone, masked: unrevealed(lesson, step.diagram, done, revealed), fresh };
}

/** What the first `count` steps lit, but for `active`: drawn as done, even where a later
 *  step ended it (a waiter that exited, a mapping exec dropped): the legend's thin line says
 *  "not yet", untrue of a path that ran (issue 16: sem at 7/7 drew steps 4-6 thin). On `diagram` all of
 *  it; from the lesson's other diagrams its boxes and frames (an id without "->": a lesson's
 *  diagrams name one process, segment or mapping by one id), so a segment made in step 1
 *  stays drawn as done in a later step's flow, and an edge `diagram` draws with the same
 *  label (`edgeLabel`: parent-child's "shmat both", a mapping that lasts). An edge of the same
 *  id with another label is another exchange (parent->child is SIGUSR1 in one, SIGUSR2 in
 *  the next): not carried over. */
function litBefore(lesson: Lesson, diagram: string, count: number, active: ReadonlySet<string>, callsOf: StepCalls, edgeLabel: EdgeLabel | undefined): string[] {
  const earlier = new Set<string>();
  const sameAct = (from: string, id: string) => edgeLabel !== undefined && edgeLabel(diagram, id) !== undefined && edgeLabel(diagram, id) === edgeLabel(from, id);
  for (let i = 0; i < count; i++) {
    const s = lesson.steps[i];
    for (const id of litPath(s, callsOf(i))) if (!active.has(id) && (s.diagram === diagram || !id.includes('->') || sameAct(s.diagram, id))) earlier.add(id);
  }
  return [...earlier];
}

/** Where the lit rows `first`..`last` are in view among `rows`: all of them when they fit,
 *  with a row under them where there is room (else the first lit row at the top: a lit part
 *  exactly as tall as the pane was shown without its first row). When they do not fit, the
 *  boxes the step lit anew (`boxes`: each box's first and last row, the newest last) win:
 *  the newest and as many before it as fit, with a row under them where there is room; the
 *  border says the lit part goes on. Without boxes, the lit part's end (shmget's size 0 lit
 *  EINVAL near the top while the pane showed the path's end, the new segment, at the bottom). */
export function litTop(first: number, last: number, rows: number, boxes: readonly (readonly [number, number])[] = []): number {
  if (last - first < rows) return Math.max(0, Math.min(last - rows + 2, first));
  if (boxes.length === 0) return Math.max(0, last - rows + 2);
  let [lo, hi] = boxes[boxes.length - 1];
  for (let i = boxes.length - 2; i >= 0; i--) {
    const [a, b] = boxes[i];
    if (Math.max(hi, b) - Math.min(lo, a) >= rows) continue;
    lo = Math.min(lo, a);
    hi = Math.max(hi, b);
  }
  return Math.max(0, Math.min(lo, hi - rows + 2));
}

/** The parts of a drawn flow the pane's window is chosen by (src/flow's FlowGeometry): each box's
 *  rows, and each edge's label's rows (null: an edge without one). */
export interface FlowParts {
  boxes?: ReadonlyMap<string, { y: number; h: number }>;
  edges?: ReadonlyMap<string, { label: { y: number; h: number } | null }>;
}

/** The two ends of edge `id` ("from->to", a repeat "from->to#2"). */
function endsOf(id: string): [string, string] | null {
  const at = id.indexOf('->');
  return at < 0 ? null : [id.slice(0, at), id.slice(at + 2).replace(/#\d+$/, '')];
}

/** What the step just took, as spans of rows each to be seen whole: every lit edge's label with
 *  a box of that edge, best first (`rank`): the box the step lit anew (`newest`), else the box the
 *  edge goes to, else the one it comes from; an edge lit anew before one lit earlier (shown again). */
export function edgeSpans(choice: Pick<FlowChoice, 'active' | 'fresh'>, parts: FlowParts, newest?: readonly [number, number]): { span: [number, number]; rank: number }[] {
  const fresh = new Set(choice.fresh ?? choice.active);
  const out: { span: [number, number]; rank: number }[] = [];
  for (const id of choice.active) {
    const label = parts.edges?.get(id)?.label;
    const ends = endsOf(id);
    if (!label || !ends) continue;
    ends.forEach((end, i) => {
      const box = parts.boxes?.get(end);
      if (!box) return;
      const rows: [number, number] = [box.y, box.y + box.h - 1];
      const isNewest = newest !== undefined && rows[0] === newest[0] && rows[1] === newest[1];
      // to: 2, from: 1; the newest box 3; an edge lit anew 4 above one lit before
      const rank = (isNewest ? 3 : i === 1 ? 2 : 1) + (fresh.has(id) ? 4 : 0);
      out.push({ span: [Math.min(label.y, rows[0]), Math.max(label.y + label.h - 1, rows[1])], rank });
    });
  }
  return out.sort((a, b) => b.rank - a.rank);
}

/** The top row of the Flow's window of `rows` rows over a drawing of `lines` rows, where it
 *  opens after a run or on a step shown (issue 16, newcomer passes 5 and 6: boxes cut in half,
 *  arrows into blank space, the lit part off screen), chosen among every top by, in order:
 *  1. the lit part (`lit`, its rows) whole where it fits;
 *  2. the box the step lit anew (`newest`, boxRows' last) whole (tests/app/flow-window);
 *  3. a lit edge's label whole with a box of that edge (edgeSpans: the newest box, else the one it goes to);
 *     else with the box of 2, though its edge joins others (msg 7: IPC_RMID, "queue removed");
 *  4. as few boxes as can be shown without their top border (a shift of a row or two shows it), then
 *     without their bottom one; a row under a lit part shown whole;
 *  5. where 3 holds, as much of the lit part as fits; where it does not, the kept box at the top
 *     (the lit part starts there and goes on, which the border says);
 *  6. nearest litTop's window.
 *  The window is always one run of the drawing's rows, none left out between (one row standing
 *  for the rows between read as a broken drawing, issue 16): where a lit label stays out of
 *  view, the border says the lit part goes on and how z shows it whole (FlowPane). */
export function flowWindow(lines: number, rows: number, lit: readonly number[], choice: Pick<FlowChoice, 'active' | 'fresh'>, parts: FlowParts): number {
  const max = Math.max(0, lines - rows);
  if (lit.length === 0 || rows <= 0) return 0;
  const first = lit[0];
  const last = lit[lit.length - 1];
  const newest = boxRows(choice, parts.boxes);
  const box = newest.at(-1);
  const spans = edgeSpans(choice, parts, box);
  const base = Math.min(max, litTop(first, last, rows, newest));
  const boxes = [...(parts.boxes?.values() ?? [])];
  const inView = (t: number, [a, b]: readonly [number, number]) => a >= t && b < t + rows;
  // every lit edge's label
  const labels = labelSpans(choice, parts);
  const score = (t: number): number[] => {
    const allLit = inView(t, [first, last]);
    const kept = box !== undefined && inView(t, box);
    const pair = spans.find((p) => inView(t, p.span))?.rank ?? 0;
    // else a lit label beside the box lit anew, though its edge joins other boxes (msg 7's
    // IPC_RMID under the loop back to the queue, its "queue removed" box above: s31i)
    const beside = kept && labels.some((l) => inView(t, l)) ? 1 : 0;
    const cutTop = boxes.filter((b) => b.y < t && b.y + b.h > t).length;
    const cutBottom = boxes.filter((b) => b.y < t + rows && b.y + b.h > t + rows).length;
    const under = allLit && last + 1 < t + rows ? 1 : 0;
    const shown = lit.filter((r) => r >= t && r < t + rows).length;
    return [allLit ? 1 : 0, kept ? 1 : 0, pair, beside, -cutTop, under, -cutBottom, shown, -Math.abs(t - base)];
  };
  let best = base;
  let bestScore = score(base);
  for (let t = 0; t <= max; t++) {
    const s = score(t);
    const i = s.findIndex((v, k) => v !== bestScore[k]);
    if (i >= 0 && s[i] > bestScore[i]) [best, bestScore] = [t, s];
  }
  return best;
}

/** The rows of each lit edge's label. */
function labelSpans(choice: Pick<FlowChoice, 'active'>, parts: FlowParts): [number, number][] {
  return choice.active.flatMap((id) => {
    const l = id.includes('->') ? parts.edges?.get(id)?.label : undefined;
    return l ? [[l.y, l.y + l.h - 1] as [number, number]] : [];
  });
}

/** A styled row's cells by column: a wide character's second cell is ''. */
function cellRow<T>(row: readonly { text: string; tone: T }[]): { text: string; tone: T }[] {
  const out: { text: string; tone: T }[] = [];
  for (const run of row) {
    for (const ch of graphemes(run.text)) {
      out.push({ text: ch, tone: run.tone });
      for (let i = 1; i < cells(ch); i++) out.push({ text: '', tone: run.tone });
    }
  }
  return out;
}

/** The rows of the boxes `choice` lit anew (a frame or an edge is not a box), in the order
 *  of its path; else of all the boxes it lit, the first of its path (who acts: shmat's
 *  write lights address 1 and the segment) taken as the newest: what litTop keeps in view
 *  when the lit part does not fit. */
export function boxRows(choice: Pick<FlowChoice, 'active' | 'fresh'>, boxes: ReadonlyMap<string, { y: number; h: number }> | undefined): [number, number][] {
  const rowsOf = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const r = boxes?.get(id);
      return r ? [[r.y, r.y + r.h - 1] as [number, number]] : [];
    });
  const fresh = rowsOf(choice.fresh ?? []);
  return fresh.length > 0 ? fresh : rowsOf([...choice.active].reverse());
}

/** The rows of a picture drawn with its masked parts (`drawn`) that show a "?" where a result
 *  is hidden until its step runs: they differ from the same picture drawn with nothing masked,
 *  drawn only when asked (`bare`) since most steps hide nothing. The legend names the "?" only
 *  while one of them is in view (fix19b#2). */
export function hiddenRows(drawn: readonly StyledLine[], bare: () => readonly StyledLine[]): number[] {
  const text = (l: StyledLine | undefined) => (l ?? []).map((r) => r.text).join('');
  if (!drawn.some((l) => text(l).includes('?'))) return [];
  const plain = bare();
  return drawn.flatMap((l, i) => (text(l).includes('?') && text(l) !== text(plain[i]) ? [i] : []));
}

type Rect = Pick<CellRect, 'x' | 'y' | 'w' | 'h'>;

/** `choice` with each frame (`frames`: the diagram's subgraphs) drawn by one rule: dotted
 *  ("used", the legend's ┄┄) once a step lit it or a box in it (`boxes`), now or earlier; never
 *  heavy, which lit the whole frame as the step just run. Lit by its own id alone, a frame came
 *  and went (issue 16: overview's kernel lit in step 3, "┄┄ kernel: used earlier" in step 4) or
 *  stayed "── not yet" around a segment in use (shmat's diagram 2). A masked one ("?") stays. */
export function litFrames<C extends Pick<FlowChoice, 'active' | 'done' | 'masked'>>(choice: C, boxes: ReadonlyMap<string, Rect> | undefined, frames: ReadonlyMap<string, Rect> | undefined): C {
  if (!boxes || !frames) return choice;
  const active = new Set(choice.active);
  const done = new Set(choice.done);
  for (const [id, f] of frames) {
    if (choice.masked.includes(id)) continue;
    const inside = [...boxes].filter(([, b]) => b.x >= f.x && b.y >= f.y && b.x + b.w <= f.x + f.w && b.y + b.h <= f.y + f.h).map(([b]) => b);
    if (active.has(id) || done.has(id) || inside.some((b) => active.has(b) || done.has(b))) {
      active.delete(id);
      done.add(id);
    }
  }
  return { ...choice, active: [...active], done: [...done] };
}

/** The marks the legend names for a lesson (its `diagrams`, each drawn by `render` as the pane
 *  draws it), at every step alike: the words of one lesson's legend never change from step to
 *  step (issue 16: "╌│╌ line through a frame  ? shown later" at step 1, "┄┄ in a step" later).
 *  A "?" where a diagram hides a result at the lesson's start (`hiddenAtStart`, FlowChoice), a
 *  dotted frame where a diagram has a frame (each step uses the kernel or a process), a
 *  doorway where a line passes through a frame's wall. */
export function lessonMarks(diagrams: readonly string[], render: (diagram: string) => { lines(highlight?: { masked?: readonly string[] }): StyledLine[]; geometry?: { frames: ReadonlyMap<string, unknown> } }, hiddenAtStart: Readonly<Record<string, readonly string[]>> = {}): LegendMarks {
  const marks: LegendMarks = { masked: false, framesDone: false, doorway: false };
  for (const d of diagrams) {
    const r = render(d);
    const bare = r.lines();
    marks.doorway ||= bare.some((l) => l.some((run) => /[╌╍╎╏]/.test(run.text)));
    marks.framesDone ||= (r.geometry?.frames.size ?? 0) > 0;
    const hidden = hiddenAtStart[d] ?? [];
    marks.masked ||= hidden.length > 0 && hiddenRows(r.lines({ masked: hidden }), () => bare).length > 0;
  }
  return marks;
}

/** The playground's flow: a segment's life (assets/diagrams/shmctl-life.mmd), lit by the
 *  call just made: the state it left the segment in, read from the kernel (`seg`, the
 *  segment's row now; undefined when it is gone), and the edge it took. */
export const PLAY_DIAGRAM = 'shmctl-life';

export function playFlowChoice(last: CallRecord | null, seg: SegmentRecord | undefined): FlowChoice {
  if (!last) return { diagram: PLAY_DIAGRAM, active: [], done: [], masked: [] };
  const state = !seg ? (last.errno === null && /^(shmdt|shmctl)/.test(last.c) ? 'freed' : null) : seg.status.includes('dest') ? 'dest' : seg.nattch > 0 ? 'attached' : 'created';
  const ok = last.errno === null;
  const edge =
    !ok ? null
    : last.call === 'shmat' ? 'created->attached'
    : last.call === 'shmctl' && last.c.includes('IPC_RMID') ? (state === 'freed' ? 'created->freed' : 'attached->dest')
    : last.call === 'shmdt' && state === 'freed' ? 'dest->freed'
    : null;
  // the state is lit, the way there drawn as done: in a pane of a few rows (80x24) the
  // state's box is what must be in view, and the pane scrolls to what is lit
  const from = edge ? edge.split('->')[0] : null;
  const done = [...(edge ? [edge] : []), ...(from && from !== state ? [from] : [])];
  return { diagram: PLAY_DIAGRAM, active: state ? [state] : edge ? [edge] : [], done: state ? done : [], masked: [] };
}

/** The Flow pane's title in `room` cells (the border's, frame.ts titleRoom, less the focus
 *  mark's): its parts give way whole, in a fixed order, never a word cut (issue 16: "由文件…─" was
 *  cut and glued to the border): the step about to go to another diagram first, then "now"
 *  (the run moved to it), then which diagram it is; the diagram's name (`name`) last, as a
 *  lesson of one diagram shows it (`flowOf` with one of one), and `title` ("Flow") always
 *  first. Before the name goes alone the count does ("diagram 2, client joins"): the number
 *  stays with the name wherever both fit, in every lesson, scrolled or not (issue 16). The name once gave way before the place: at 120x34 zh serv-clnt's diagrams 2-5 read
 *  only "换到第 2 张图（共 5 张）" (issue 16), and parent-child's beside "↑ 2 more" (s29f).
 *  `names`: the names of the lesson's diagrams, in order; the form (with the count, the number,
 *  the name alone...) is then the fullest that fits every one of them. */
export function flowTitle(
  flowOf: (title: string, at: number, of: number, switched: boolean, next?: { step: number; at: number }, name?: string, brief?: boolean) => string,
  title: string,
  place: FlowChoice['place'] | null,
  name: string | undefined,
  room: number,
  width: (text: string) => number,
  names?: readonly (string | undefined)[],
): string {
  const d = place ?? null;
  if (!d) return title;
  // each form with its step's parts (the step about to go elsewhere, "now") first, then without
  const forms: ((n: string | undefined, at: number, switched: boolean, next?: { step: number; at: number }) => string | null)[] = [
    (n, at, sw, next) => (n ? flowOf(title, at, d.of, sw, next, n) : null),
    (n, at, sw, next) => (n ? flowOf(title, at, d.of, sw, next, n, true) : null),
    (n) => (n ? flowOf(title, 1, 1, false, undefined, n) : null),
    (_, at, sw, next) => flowOf(title, at, d.of, sw, next),
    () => title,
  ];
  // with `names` (the lesson's diagrams'), a form that fits for every one of them: one lesson,
  // one form of title from diagram to diagram (issue 16)
  const fitsAll = (form: (typeof forms)[number]) => (names ?? [name]).every((n, i) => {
    const t = form(n, names ? i + 1 : d.at, false);
    return t === null ? !n : width(t) <= room;
  });
  const form = forms.find((f) => f(name, d.at, false) !== null && fitsAll(f)) ?? forms[forms.length - 1];
  const tries = [form(name, d.at, d.switched, d.next), form(name, d.at, d.switched), form(name, d.at, false)];
  return tries.find((t): t is string => t !== null && width(t) <= room) ?? title;
}

/** What the Flow's borders say: the title, the note beside "↑ N more" and beside "↓ N more".
 *  One rule for both (issue 16: zh "Tab 到流程再按 z" stood cut from its "：完整显示"): each note
 *  whole or left out whole, never cut, never z's keys without their words; the title chosen
 *  once for the drawing (`rows`), as if "↑ `rows` more" with the wider of its plain notes and
 *  the focus mark (`sharedMark`: the mark where panes share the screen, focused or not) stood
 *  beside it, so the window's counts and the focus leave a lesson's steps one title (s34:
 *  its words changed with the room). `title`: flowTitle for a room; `z`: what z shows of the
 *  lit part ("z: whole", side by side "Tab to Flow, z: whole"), '' where it shows nothing more. */
export function flowBorders(o: {
  title: (room: number) => string;
  rows: number;
  above: number;
  below: number;
  /** lit rows above the window, below it, and whether some are in view */
  lit: { above: boolean; below: boolean; inView: boolean };
  width: number;
  mark: string;
  sharedMark: string;
  z: string;
  /** whether a note fits the bottom border beside its footer */
  fitsBelow: (key: string) => boolean;
  s: Pick<Strings, 'more' | 'litAbove' | 'litBelow' | 'litGoesOnAbove' | 'litGoesOnBelow' | 'litGoesOnZoom' | 'signNote'>;
  c: FrameChars;
}): { title: string; up: string; down: string } {
  const { s, c, lit } = o;
  const widest = [s.litAbove, s.litGoesOnAbove].reduce((a, b) => (cells(b) > cells(a) ? b : a));
  const title = o.title(titleRoom(o.rows, o.width, c, s.more, widest, o.sharedMark));
  const fitsTop = (key: string) => cells(title) <= titleRoom(o.above, o.width, c, s.more, key, o.mark);
  const upPlain = lit.above ? (lit.inView ? s.litGoesOnAbove : s.litAbove) : '';
  const downPlain = lit.inView ? s.litGoesOnBelow : s.litBelow;
  const upOnly = lit.above && !lit.below;
  // z's words beside "lit goes on above"; at the drawing's end (no "↓ N more" to stand beside)
  // alone in its place; else beside "↓ N more"
  const zUp = upOnly && o.z ? [s.litGoesOnZoom(false, o.z), ...(o.below === 0 ? [s.signNote(o.z)] : [])].find(fitsTop) : undefined;
  const downs = lit.below ? [...(o.z ? [s.litGoesOnZoom(true, o.z), s.signNote(o.z)] : []), downPlain] : upOnly && o.z && !zUp && o.below > 0 ? [s.signNote(o.z)] : [];
  return { title, up: zUp ?? (fitsTop(upPlain) ? upPlain : ''), down: downs.find(o.fitsBelow) ?? '' };
}

/** The drawing's rows with the window's cut edges made plain (issue 16: scrolled mid-diagram,
 *  the top rows showed a stray corner, half a label, a │ that meant nothing alone): of the rows
 *  `shown` (the window's), an edge label with a row out of view, or
 *  whose line has no cell in view, is blanked (its words alone name nothing seen); a box whose
 *  label rows the view cuts (its border out of view) is drawn as its sides going on, its
 *  inside blank, not half its label. Rows out of view are returned as they are. */
export function plainCuts<T extends string>(lines: readonly { text: string; tone: T }[][], shown: (y: number) => boolean, plain: T, geometry: { boxes?: ReadonlyMap<string, Pick<CellRect, 'x' | 'y' | 'w' | 'h'>>; edges?: ReadonlyMap<string, { cells?: readonly (readonly [number, number])[]; label: Pick<CellRect, 'x' | 'y' | 'w' | 'h'> | null }> }): { text: string; tone: T }[][] {
  // the cells to blank, by row: [first column, past the last]
  const blanks = new Map<number, [number, number][]>();
  const blank = (y: number, x0: number, x1: number) => {
    if (shown(y) && x1 > x0) blanks.set(y, [...(blanks.get(y) ?? []), [x0, x1]]);
  };
  for (const e of geometry.edges?.values() ?? []) {
    const l = e.label;
    const rows = l ? Array.from({ length: l.h }, (_, k) => l.y + k) : [];
    if (!l || !rows.some(shown)) continue;
    const whole = rows.every(shown);
    const lineShown = (e.cells ?? []).some(([, y]) => shown(y));
    if (!whole || !lineShown) for (let y = l.y; y < l.y + l.h; y++) blank(y, l.x, l.x + l.w);
  }
  for (const b of geometry.boxes?.values() ?? []) {
    // the rows inside its border: some in view and some not
    const inside = Array.from({ length: Math.max(0, b.h - 2) }, (_, k) => b.y + 1 + k);
    if (inside.some(shown) && !inside.every(shown)) for (const y of inside) blank(y, b.x + 1, b.x + b.w - 1);
  }
  if (blanks.size === 0) return [...lines];
  return lines.map((line, y) => {
    const spans = blanks.get(y);
    if (!spans) return line;
    const row = cellRow(line);
    for (const [x0, x1] of spans) {
      // a wide character half in a span is blanked whole: never half a character
      let a = x0;
      while (a > 0 && row[a]?.text === '') a--;
      let b = x1;
      while (row[b]?.text === '') b++;
      for (let x = a; x < Math.min(b, row.length); x++) row[x] = { text: ' ', tone: plain };
    }
    const out: { text: string; tone: T }[] = [];
    for (const cell of row) {
      if (cell.text === '') continue;
      const last = out.at(-1);
      if (last && last.tone === cell.tone) last.text += cell.text;
      else out.push({ text: cell.text, tone: cell.tone });
    }
    return out;
  });
}
