// Draws a FlowModel on a cell grid: frames, boxes, routed edges with arrowheads and
// labels. Fits a width limit by tightening, wrapping and, last, turning LR into TD.
import { resultWords } from './result-words.js';
import { cells as cellWidth } from '../text/cells.js';
import { wrapLabel } from './wrap-label.js';
import { Base, DOWN, Grid, LEFT, RIGHT, Stroke, UP } from './grid.js';
import { maxOf, minOf } from './numbers.js';
import { layout, MARGIN, NORMAL, roomier, TIGHT, type Placement, type Spacing } from './layout.js';
import { CROSS_EDGE, CROSS_EDGE_DEAR, DX, DY, opposite, portsOf, Router, type Port, type Route } from './route.js';
import type { CellRect, Direction, FlowEdge, FlowGeometry, FlowModel, FlowNode, Highlight, RenderOptions, Rendered, StyledLine } from './types.js';

const BIT = [UP, RIGHT, DOWN, LEFT];
// ► and ◄, not ▶ and ◀: those two are emoji too, which some terminals draw two cells wide
const ARROW = ['▲', '►', '▼', '◄'];
const ARROW_ASCII = ['^', '>', 'v', '<'];
const FLOW: Record<Direction, number> = { TD: 2, TB: 2, BT: 0, LR: 1, RL: 3 };
const STROKE = { solid: Stroke.Light, dotted: Stroke.Dotted, thick: Stroke.Heavy } as const;

interface Attempt {
  spacing: Spacing;
  wrap: number;
  switched: boolean;
  /** wrap ranks wider than this (a top-down picture's rows) */
  wrapAt?: number;
  /** the tidier rules, for a fitting made again because lines crossed (fitted()) */
  tidy?: Tidy;
}

/** Rules a drawing is tried with again where lines still cross: each undoes some crossings
 *  and makes others, so a drawing with them is kept only when it crosses less. */
interface Tidy {
  /** ports in the order of the lines' other ends (Painter.inOrder) */
  ports?: boolean;
  /** labels out of the ways of lines not drawn yet (Painter.inTheWay) */
  labels?: boolean;
  /** a line passing a rank between the boxes there that share its source (layout.ts passBetween) */
  middle?: boolean;
  /** labels may stand right against a box not their line's (Painter.againstBox): keeping them
   *  off walls a way some narrow drawings need (shmget-key at 54 columns in Chinese crossed) */
  loose?: boolean;
}
/** Work a fitting may have taken for it to be made again under the tidier rules, and the
 *  most those fittings may take: the shipped diagrams take up to 1.18 M (race-counter), a
 *  random 12-node one in the fuzz test 1.27 M. */
const TIDY_STEPS = 1_200_000;
const TIDY: Tidy[] = [{ ports: true, labels: true }, { ports: true, labels: true, middle: true }];
/** Tried last, on a budget of its own (TIDY_STEPS), where the tidier rules left lines crossing. */
const LOOSE: Tidy = { loose: true };

interface Drawn {
  grid: Grid;
  geometry: FlowGeometry;
  /** ids of the edges that found no way, and of those whose label found no room */
  unrouted: string[];
  unlabelled: string[];
  /** edges that had to share cells with others */
  crowded: number;
  /** pairs of edges whose lines cross, [drawn first, drawn later] */
  crossings: [string, string][];
  /** the edges in the order they were drawn */
  order: string[];
  /** [labelled edge, other edge]: another edge's line as near one of the label's ends as its
   *  own line (a cell between), so which line the label names cannot be told */
  strays: [string, string][];
  /** what a cut to a width left out, in one line, and the width it was cut from */
  cutNote?: string;
  cutFrom?: number;
  /** the attempt that fitted it to a width (fit()), when not the natural one */
  how?: Attempt;
  /** a family's member (FlowModel.layoutOf): the cell where its family's placement begins */
  origin?: { x: number; y: number };
  /** frames whose title has a line just beside it on its border, with no room to move (Painter.clearTitles) */
  stuckTitles?: string[];
}

/** The left `limit` columns of a drawing too wide for them, and a line on what is left out. */
function cut(drawn: Drawn, limit: number): Drawn {
  const { grid, geometry } = drawn;
  const past = (r: CellRect) => r.x + r.w > limit;
  const hidden = [...geometry.boxes, ...geometry.frames].filter(([, r]) => past(r)).map(([id]) => id);
  const cutNote = `cut to ${limit} of ${grid.w} columns: right of column ${limit} ${hidden.length ? `${some(hidden)} ${hidden.length === 1 ? 'is' : 'are'}` : 'only lines are'} not shown or only in part`;
  const shown = grid.crop(0, 0, limit, grid.h);
  for (let y = 0; y < shown.h; y++) {
    // a wide character whose second cell is cut off goes too
    if (cellWidth(shown.charAt(y * limit + limit - 1)) > 1) shown.setChar(y * limit + limit - 1, ' ');
    // and a word the cut goes through, back to where it starts: never a piece of one ("┌────sh"
    // for shmat's label, shmat-map below 70 columns, issue 16)
    // (a wide character's second cell is '')
    const inWord = (x: number) => grid.textCell[y * grid.w + x] === 1 && grid.charAt(y * grid.w + x) !== ' ';
    for (let x = limit - 1; inWord(limit) && x >= 0 && inWord(x); x--) shown.setChar(y * limit + x, ' ');
  }
  return { ...drawn, grid: shown, cutNote, cutFrom: grid.w };
}

/** Columns left blank left of a drawing given a width it does not fill: a box or label at
 *  the pane's left border would sit flush against it. */
const LEFT_MARGIN = 1;

/** The spots beside a line a label is tried at, for one cell of it (Painter.spot): at most ten. */
const SPOTS = new Int32Array(30);

/** Border cells kept plain after a frame's title: no line crosses or meets the border there
 *  (Painter.clearTitles). */
const TITLE_ROOM = 2;

/** Work a drawing that fills its width may have taken for one a column narrower to be tried
 *  (LEFT_MARGIN), and the most that one may take. */
const MARGIN_RETRY_STEPS = 2_000_000;

/** The drawing moved `n` columns right, blank ones on its left. */
function indented(drawn: Drawn, n: number): Drawn {
  const { grid, geometry } = drawn;
  const shift = (r: CellRect): CellRect => ({ ...r, x: r.x + n });
  return {
    ...drawn,
    origin: drawn.origin && { ...drawn.origin, x: drawn.origin.x + n },
    grid: grid.crop(-n, 0, grid.w + n, grid.h),
    geometry: {
      boxes: new Map([...geometry.boxes].map(([id, r]) => [id, shift(r)])),
      frames: new Map([...geometry.frames].map(([id, r]) => [id, shift(r)])),
      edges: new Map([...geometry.edges].map(([id, g]) => [id, { cells: g.cells.map(([x, y]) => [x + n, y] as [number, number]), label: g.label && shift(g.label) }])),
    },
  };
}

/** The drawing a column narrower, without a column nothing is drawn in that has another such
 *  beside it (the gap it is in stays, a column narrower), the widest gap's first; null when
 *  there is none, or when each would leave a label as near another edge's line as its own. */
function squeezed(drawn: Drawn): Drawn | null {
  const { grid, geometry } = drawn;
  const blank: boolean[] = [];
  for (let x = 0; x < grid.w; x++) {
    let empty = true;
    for (let y = 0; y < grid.h && empty; y++) empty = grid.isEmpty(x, y);
    blank.push(empty);
  }
  const gaps: [number, number][] = [];
  for (let x = 0; x < grid.w; x++) {
    if (!blank[x] || (x > 0 && blank[x - 1])) continue;
    let n = 1;
    while (blank[x + n]) n++;
    // a blank edge of the picture is cropped already; a gap of one would close up
    if (n >= 2 && x > 0 && x + n < grid.w) gaps.push([x, n]);
  }
  gaps.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (const [c] of gaps) {
    const shift = (r: CellRect): CellRect => (r.x > c ? { ...r, x: r.x - 1 } : r);
    const out: Drawn = {
      ...drawn,
      grid: grid.withoutColumn(c),
      geometry: {
        boxes: new Map([...geometry.boxes].map(([id, r]) => [id, shift(r)])),
        frames: new Map([...geometry.frames].map(([id, r]) => [id, shift(r)])),
        edges: new Map([...geometry.edges].map(([id, g]) => [id, { cells: g.cells.map(([x, y]) => [x > c ? x - 1 : x, y] as [number, number]), label: g.label && shift(g.label) }])),
      },
    };
    out.strays = straysOf(out.geometry, out.grid.w);
    if (out.strays.length <= drawn.strays.length) return out;
  }
  return null;
}

/** Work one rendering may do over all its attempts, in route search steps (a grid cell
 *  drawn costs CELL_COST of them): a dense or huge diagram ends in a few seconds,
 *  drawing what it found room for, instead of minutes. */
const WORK_BUDGET = 20_000_000;
const CELL_COST = 4;
/** What a route pays for a cell two beyond an edge label's end, where its line would be as
 *  near the label as the label's own edge (some ten cells of a longer way). */
const LABEL_AWAY = 40;
/** Cells beyond an edge label's free cell another line keeps off (if it can): two more
 *  than the label's own line is from it, so it is plainly that line's. */
const LABEL_ROOM = 3;
/** What a label pays for standing where a line not drawn yet would go (Painter.inTheWay):
 *  more than the columns a label beside the picture widens it by. */
const IN_THE_WAY = 100;
/** What a label pays for standing right against a box that is not its edge's end
 *  (Painter.againstBox): more than another line all along the row beside it. */
const AGAINST_BOX = 60;
/** What a port out of order with the lines already meeting its side costs (Painter.inOrder):
 *  more than the crossing it would mostly lead to. */
const OUT_OF_ORDER = 20;
/** What a port right across a box from another line's costs (Painter.notThrough): a port
 *  a cell or two nearer the side's end is taken instead (more moved lines a label had stood
 *  clear of, and drew ten times more pictures anew). */
const THROUGH = 2;
/** cells round its box a loop's route may use */
const LOOP_ROOM = 6;
/** The largest grid drawn: some 120 bytes a cell (grid, router, search state), under 200 MB. */
const MAX_CELLS = 1_500_000;

/** A diagram whose drawing would cost more memory than is sensible: refused before any is taken. */
export class FlowTooLargeError extends Error {
  constructor(
    readonly w: number,
    readonly h: number,
  ) {
    super(`the drawing would need ${w}x${h} cells, more than the ${MAX_CELLS} drawn at most (use fewer nodes, shorter labels or less nesting)`);
    this.name = 'FlowTooLargeError';
  }
}

/** What is wrong with a drawing: an edge or label left out weighs 100; a line run along
 *  another's, SHARED_RUN; a line crossing itself or a frame it has no business in, or a
 *  label with another edge's line as near it as its own (Drawn.strays), 1 each. */
const flaws = (d: Drawn) => (d.unrouted.length + d.unlabelled.length) * 100 + d.crowded + d.strays.length;
/** A line that had to run along another's cells (Router's relaxed search): as many flaws as
 *  this, more than a few crossings, so a drawing where it goes round or spreads out wins. */
const SHARED_RUN = 10;
/** Flaws and crossings together (a crossing weighs CROSSING flaws). */
const weight = (d: Drawn) => flaws(d) + CROSSING * d.crossings.length;

/** Drawings of a diagram in another order of its edges, tried when lines cross: two lines
 *  leaving one box crossed on their way (shmdt's two results, shmat's addr 2 and addr 3),
 *  and which went where could not be told. */
const REORDERS = 8;
/** A crossing weighs as much as three crowded lines (a line by another's label, or through a
 *  frame it has no business in): there, which line goes where can still be told. */
const CROSSING = 3;
/** Crossings left that a drawing with crossings priced dear is tried for. */
const DEAR_AT_MOST = 2;
/** Crossings a drawing may have for other orders of its edges to be tried: each order undoes
 *  one crossing at best, and a drawing with many (the 40-node graph's hundred) gains nothing
 *  from eight more drawings of it. */
const REORDER_AT_MOST = 4;
/** Orders tried before the drawing with crossings priced dear. */
const DEAR_AFTER = 3;
/** Attempts tried after one that fits with lines crossing, for one that fits without. */
const AFTER_FIT = 2;

/** A drawing with fewer crossings than another kept only when its labels are as plain: for
 *  the tries made only because lines crossed (dear crossings, narrower wraps). */
const uncrossed = (a: Drawn, b: Drawn, room: number) => better(a, b, room) && a.strays.length <= b.strays.length;

/** A drawing better than another: no wider than `room`, every edge and label drawn, and fewer flaws and crossings. */
const better = (a: Drawn, b: Drawn, room: number) => a.grid.w <= room && flaws(a) < 100 && weight(a) < weight(b);

/** 'a->b, c->d and 3 more' */
function some(ids: string[]): string {
  return ids.length <= 3 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`;
}

const turn = (d: Direction): Direction => (d === 'LR' ? 'TD' : d === 'RL' ? 'BT' : d);
const horizontal = (d: Direction) => d === 'LR' || d === 'RL';

/** Ports a side of `n` inner cells has room for: a cell apart, none beside a corner (a side of one or two cells takes one). */
const portRoom = (n: number) => (n >= 3 ? Math.floor((n - 1) / 2) : 1);

const NATURAL: Attempt = { spacing: NORMAL, wrap: Infinity, switched: false };

/** The width of the boxes alone under an attempt (margins cropped): a drawing is never narrower. */
const boxesWidth = (model: FlowModel, attempt: Attempt) => place(model, attempt, attempt.spacing).placement.width - 2 * MARGIN;

/** Renders a model to terminal cells; with `width`, changes the picture (and says how) to fit. */
export function renderFlow(model: FlowModel, options: RenderOptions = {}): Rendered {
  basesOf.set(model, new Map());
  drawings = 0;
  try {
    return renderWithin(model, options);
  } finally {
    basesOf.delete(model);
  }
}

function renderWithin(model: FlowModel, options: RenderOptions): Rendered {
  const ascii = options.ascii === true;
  const limit = options.width;
  const budget = { steps: WORK_BUDGET };
  const notes: string[] = [];
  let chosen: Drawn;
  if (limit === undefined) chosen = draw(model, ascii, NATURAL, budget);
  else if (options.fitAs) {
    const how = options.fitAs as Attempt;
    chosen = { ...draw(model, ascii, how, budget, limit), how };
    if (chosen.grid.w > limit) {
      chosen = cut(chosen, limit);
      notes.push(chosen.cutNote!);
    } else if (chosen.grid.w + LEFT_MARGIN <= limit) chosen = indented(chosen, LEFT_MARGIN);
  } else {
    chosen = fitted(model, ascii, limit, budget, notes);
    // a column between the pane's border and the drawing, where the pane has it to spare; a
    // drawing that fills the pane is fitted a column narrower, and kept if it is no worse
    // (not cut, no more flaws or crossings): only for a small one (a shipped diagram takes
    // under a million steps), so a big one never takes twice as long
    if (chosen.grid.w === limit && !chosen.cutNote && limit > LEFT_MARGIN && WORK_BUDGET - budget.steps <= MARGIN_RETRY_STEPS) {
      const innerNotes: string[] = [];
      const inner = fitted(model, ascii, limit - LEFT_MARGIN, { steps: MARGIN_RETRY_STEPS }, innerNotes, limit);
      // nor turned or wrapped onto more rows than the one that fills the pane (parent-child's
      // flows at 40 columns would lose their parent left of the child)
      const reshaped = (inner.how?.switched && !chosen.how?.switched) || (inner.how?.wrapAt !== undefined && chosen.how?.wrapAt === undefined);
      if (!inner.cutNote && !reshaped && flaws(inner) <= flaws(chosen) && inner.crossings.length <= chosen.crossings.length) {
        chosen = inner;
        notes.splice(0, notes.length, ...innerNotes);
      }
    }
    // else a blank column the picture can spare (shmat-map in English at 70 columns: none narrower fits)
    // (not a family's member: its boxes stand where the others' do)
    if (chosen.grid.w === limit && !chosen.cutNote && limit > LEFT_MARGIN && !model.layoutOf) chosen = squeezed(chosen) ?? chosen;
    if (chosen.grid.w + LEFT_MARGIN <= limit) chosen = indented(chosen, LEFT_MARGIN);
  }
  if (chosen.unrouted.length) notes.push(`no room to draw ${chosen.unrouted.length === 1 ? 'the edge' : `${chosen.unrouted.length} edges:`} ${some(chosen.unrouted)}`);
  if (chosen.unlabelled.length) notes.push(`no room for the label${chosen.unlabelled.length === 1 ? '' : 's'} of ${some(chosen.unlabelled)}`);
  if (model.nodes.length + model.subgraphs.length === 0) notes.push('the diagram has no nodes');
  const grid = chosen.grid;
  for (const e of model.edges) if (e.label !== null && resultWords(e.label).length) grid.leanResults(e.id);
  for (const id of model.hidden ?? []) grid.hide(id, model.edges.some((e) => e.id === id), model.hiddenLines?.includes(id) ?? false);
  return {
    width: grid.w,
    height: grid.h,
    notes,
    geometry: chosen.geometry,
    ...(chosen.origin && { origin: chosen.origin }),
    fit: chosen.how ?? NATURAL,
    drawings,
    lines: (highlight?: Highlight): StyledLine[] => grid.lines(highlight),
    text: (highlight?: Highlight): string =>
      grid
        .lines(highlight)
        .map((runs) => runs.map((r) => r.text).join('').trimEnd())
        .join('\n'),
  };
}

/** The drawing that fits `limit` columns, or the one cut to them; `said`: the width its notes
 *  name. One whose lines still cross is fitted again under the tidier rules (Tidy), and that
 *  one kept if it crosses less, weighs less (weight(): a crossing as CROSSING flaws), leaves
 *  no more lines or labels out and is not cut more (or at all, where the first is not). */
function fitted(model: FlowModel, ascii: boolean, limit: number, budget: { steps: number }, notes: string[], said = limit): Drawn {
  const before = budget.steps;
  let chosen = fittedAs(model, ascii, limit, budget, notes, said, NATURAL);
  // only for a small diagram, and with work of its own that is bounded: a big one would take
  // twice as long or more
  if (before - budget.steps > TIDY_STEPS) return chosen;
  const tidyBudget = { steps: TIDY_STEPS };
  for (const [tidy, steps] of [...TIDY.map((t) => [t, tidyBudget] as const), [LOOSE, { steps: TIDY_STEPS }] as const]) {
    if (!chosen.crossings.length) break;
    if (steps.steps <= 0) continue;
    const tidyNotes: string[] = [];
    const again = fittedAs(model, ascii, limit, steps, tidyNotes, said, { ...NATURAL, tidy });
    // (cut, it may not lose more of the picture)
    // (a crossing undone may cost a label beside a line, up to CROSSING such flaws less one:
    // race-counter's worker 2 to the segment, round the outside at 40 to 52 columns across
    // the lesson process's way to the set, left it for "P 和 V" written on its own line; but
    // no line or label may be left out that was drawn)
    const lost = (d: Drawn) => d.unrouted.length + d.unlabelled.length;
    if ((again.cutFrom ?? 0) > (chosen.cutFrom ?? 0) || lost(again) > lost(chosen) || weight(again) >= weight(chosen) || again.crossings.length >= chosen.crossings.length) continue;
    notes.splice(0, notes.length, ...tidyNotes);
    chosen = again;
  }
  return chosen;
}

/** fitted(), starting from the `natural` attempt (whose tidy rules every attempt keeps). */
function fittedAs(model: FlowModel, ascii: boolean, limit: number, budget: { steps: number }, notes: string[], said: number, natural: Attempt): Drawn {
  // boxes alone wider than the limit: the natural drawing cannot fit, and is drawn (a
  // third of the work) only if nothing else fits either, as the picture to cut; one
  // too large to draw is refused at once all the same
  const { placement } = place(model, natural, NORMAL);
  let first: Drawn | null = null;
  if (placement.width - 2 * MARGIN > limit) refuseTooLarge(model, placement);
  else first = draw(model, ascii, natural, budget, Infinity, limit);
  if (first === null || first.grid.w > limit) return fit(model, ascii, limit, first, budget, notes, said, natural.tidy);
  if (!first.crossings.length || !natural.tidy || budget.steps <= 0) return first;
  // tidier, it fits with lines crossing: a tighter attempt may fit without (sem's holder 2
  // label, kept out of holder 1's way, stands beside the picture, too wide unless wrapped)
  const fitNotes: string[] = [];
  const other = fit(model, ascii, limit, first, budget, fitNotes, said, natural.tidy);
  // (weighed with its crossings: a line beside a label or two is better than two lines crossing)
  const lost = (d: Drawn) => d.unrouted.length + d.unlabelled.length;
  if (other.cutNote || lost(other) > lost(first) || other.strays.length > first.strays.length || weight(other) >= weight(first) || other.crossings.length >= first.crossings.length) return first;
  notes.push(...fitNotes);
  return other;
}

/** What an inline label a cell from a corner of a stretch that turns back scores (spot()): as
 *  a crowded spot beside its line, before any free cell near it; not refused, since a label
 *  left out lays the drawing out anew */
const BY_CORNER = 40;

/** The widths labels are wrapped at to fit a narrow pane, widest first: tests/flow holds
 *  every label of every shipped diagram to breaking between words at each. */
export const LABEL_WRAPS = [24, 16, 12, 8, 6] as const;

/** Tries tighter spacing, wrapped labels, TD for LR, wrapped rows, in turn, until a drawing
 *  fits `limit` columns; else cuts the narrowest one. Says in `notes` what it did. */
function fit(model: FlowModel, ascii: boolean, limit: number, natural: Drawn | null, budget: { steps: number }, notes: string[], said = limit, tidy?: Tidy): Drawn {
  const longest = maxOf([...model.nodes.flatMap((n) => n.label.split('\n')), ...model.edges.map((e) => e.label ?? '')].map(cellWidth), 0);
  const wraps = LABEL_WRAPS.filter((w) => w < longest);
  const attempts: Attempt[] = [{ spacing: TIGHT, wrap: Infinity, switched: false }, ...wraps.map((wrap) => ({ spacing: TIGHT, wrap, switched: false }))];
  const turnable = horizontal(model.direction) || model.subgraphs.some((s) => s.direction && horizontal(s.direction));
  if (turnable) attempts.push(...[Infinity, ...wraps].map((wrap) => ({ spacing: TIGHT, wrap, switched: true })));
  // last, rows too wide wrap onto the next ranks (the margins are cropped, labels may stick out)
  const wrapAt = Math.max(8, limit - 4);
  attempts.push(...[Infinity, ...wraps].map((wrap) => ({ spacing: TIGHT, wrap, switched: turnable, wrapAt })));
  if (tidy) for (const attempt of attempts) attempt.tidy = tidy;
  // the narrowest flawless attempt, if narrower than the natural drawing
  let narrowest: Drawn | null = null;
  let fitted: { drawn: Drawn; attempt: Attempt } | null = null;
  // the boxes alone (margins cropped) already wider than the limit: not worth routing, except
  // the narrowest of them, drawn once at the end if nothing fits
  let closest: { attempt: Attempt; width: number } | null = null;
  // a narrower wrap that leaves every label as it was draws the same picture again
  const tried = new Set<string>();
  let afterFit = 0;
  for (const attempt of attempts) {
    // out of search steps, a further attempt could only draw fewer edges
    if (budget.steps <= 0) break;
    const same = `${attempt.switched} ${attempt.wrapAt} ${JSON.stringify(Object.values(wrappedLabels(model, attempt.wrap)).map((m) => [...m]))}`;
    if (tried.has(same)) continue;
    tried.add(same);
    const width = boxesWidth(model, attempt);
    if (width > limit) {
      if (!closest || width < closest.width) closest = { attempt, width };
      continue;
    }
    const drawn = draw(model, ascii, attempt, budget, limit);
    if ((narrowest === null || drawn.grid.w < narrowest.grid.w) && !flaws(drawn)) narrowest = drawn;
    if (drawn.grid.w <= limit && (fitted === null || uncrossed(drawn, fitted.drawn, limit))) fitted = { drawn, attempt };
    // a fitting drawing whose lines cross is kept only until a later attempt (labels wrapped
    // narrower) fits without: at 70 columns shmat-map's addr 1 and addr 2 lines cross unless
    // 'addr 3: read-only' is wrapped, which leaves the room to go round
    if (fitted && (!fitted.drawn.crossings.length || ++afterFit > AFTER_FIT)) break;
  }
  const fits = (attempt: Attempt) => {
    const what = ['tightened the spacing'];
    if (Number.isFinite(attempt.wrap)) what.push(`wrapped labels at ${attempt.wrap} columns`);
    if (attempt.switched) what.push(`switched ${horizontal(model.direction) ? model.direction : 'LR'} to ${turn(horizontal(model.direction) ? model.direction : 'LR')}`);
    if (attempt.wrapAt !== undefined) what.push('wrapped wide rows onto the next');
    notes.push(`${what.join(', ')} to fit ${said} columns`);
  };
  if (fitted) {
    fits(fitted.attempt);
    return { ...fitted.drawn, how: fitted.attempt };
  }
  // nothing fits: the narrowest flawless drawing, the natural one on a tie, is cut
  const first = natural ?? draw(model, ascii, tidy ? { ...NATURAL, tidy } : NATURAL, budget);
  if (narrowest === null || narrowest.grid.w >= first.grid.w) narrowest = first;
  if (closest && closest.width < narrowest.grid.w && budget.steps > 0) {
    // wider than the limit, so drawn once (no retry), and of use only without a flaw
    const drawn = drawOnce(model, ascii, closest.attempt, closest.attempt.spacing, budget, 1);
    if (drawn.grid.w < narrowest.grid.w && !flaws(drawn)) narrowest = drawn;
    // it may come out narrower than its boxes promised (their margins cropped): nothing is cut
    if (drawn === narrowest && drawn.grid.w <= limit) {
      fits(closest.attempt);
      return { ...drawn, how: closest.attempt };
    }
  }
  // so may the natural drawing, as it is: nothing to cut or say
  if (narrowest.grid.w <= limit) return narrowest;
  const chosen = cut(narrowest, limit);
  notes.push(chosen.cutNote!);
  return chosen;
}

/** Draws with the attempt's spacing; when an edge or label finds no room, spreads out and tries
 *  again (not past `limit` columns: more room there would only be wider still). */
function draw(model: FlowModel, ascii: boolean, attempt: Attempt, budget: { steps: number }, limit = Infinity, room_ = limit): Drawn {
  let spacing = attempt.spacing;
  let drawn = drawOnce(model, ascii, attempt, spacing, budget);
  // an edge or label with no room is worth five tries (five like edges side by side, each
  // labelled, found room for the last label at the fifth: fuzz seed 76); a crowded or straying line, one
  // (a family's member spreads out only for that: its boxes stand where the family's do, family.ts)
  let tries = drawn.unrouted.length + drawn.unlabelled.length ? 5 : model.layoutOf ? 0 : 1;
  // a label with another edge's line as near it as its own, the drawing's only flaw: those
  // lines drawn first, at this spacing, before spreading out; kept (and no spreading out)
  // when every label then stands by its own line alone. race-counter's "创建，删除" walled
  // the way worker 2's line wanted: spread out, the picture only traded that for crossings,
  // which ten more drawings in other orders did not undo (13 drawings for the tighter one)
  const relabelled = drawn.strays.length && flaws(drawn) === drawn.strays.length && budget.steps > 0 ? linesFirst(model, ascii, attempt, spacing, budget, drawn) : null;
  if (relabelled && !relabelled.strays.length && better(relabelled, drawn, Number.isFinite(room_) ? Math.max(drawn.grid.w, room_) : Infinity)) {
    drawn = relabelled;
    tries = 0;
  }
  const tight = drawn;
  for (let k = 0; k < tries && flaws(drawn) && budget.steps > 0 && drawn.grid.w <= limit; k++) {
    spacing = roomier(spacing);
    let again: Drawn;
    try {
      again = drawOnce(model, ascii, attempt, spacing, budget, flaws(drawn));
    } catch (err) {
      // more room than may be drawn: keep what the tighter spacing gave
      if (err instanceof FlowTooLargeError) break;
      throw err;
    }
    // (with lines crossing it may still be kept: they may be undone below, else the tighter one is)
    if (flaws(again) < flaws(drawn)) drawn = again;
  }
  // lines that cross: the edges drawn in another order (a line drawn earlier takes the way it
  // wants, the other goes round); each drawing's crossings suggest orders to try next
  // (no wider than the pane; with none, a natural drawing, a line going round may widen it)
  const room = Number.isFinite(room_) ? Math.max(drawn.grid.w, room_) : Infinity;
  const firstOrder = drawn.order.join('\n');
  const tried = new Set<string>([firstOrder]);
  const reorders = (d: Drawn) =>
    d.crossings.flatMap(([before, later]) => {
      const rest = d.order.filter((id) => id !== later);
      const swapped = [...rest];
      swapped.splice(rest.indexOf(before), 0, later);
      // the later one just before the other, or first of all, or the other one last
      return [swapped, [later, ...rest], [...d.order.filter((id) => id !== before), before]];
    });
  // crossings priced so dear that a line goes a long way round instead, in the order drawn
  // first (`[]`) or in the best order found (shmget-key's IPC_RMID from the lesson process,
  // round the kernel frame rather than across its lines); only for a crossing or two: many
  // are not undone by one line going round, and each pass draws the whole picture again
  // (tests/flow/limits.test.ts's 300 nodes)
  const dear = (order: string[]) => {
    if (!drawn.crossings.length || drawn.crossings.length > DEAR_AT_MOST || budget.steps <= 0) return;
    const again = drawOnce(model, ascii, attempt, spacing, budget, weight(drawn), order, CROSS_EDGE_DEAR, CROSSING);
    if (uncrossed(again, drawn, room)) drawn = again;
  };
  let dearTried = false;
  const queue = drawn.crossings.length <= REORDER_AT_MOST ? reorders(drawn) : [];
  for (let k = 0; k < REORDERS && queue.length && budget.steps > 0; ) {
    // a few orders that left lines crossing: the dear drawing next, and the other orders
    // only if it crosses too (a drawing is mostly uncrossed by the first order or not at all)
    if (k === DEAR_AFTER && !dearTried) {
      dearTried = true;
      dear([]);
      if (!drawn.crossings.length) break;
    }
    const order = queue.shift()!;
    if (tried.has(order.join('\n'))) continue;
    tried.add(order.join('\n'));
    k++;
    const again = drawOnce(model, ascii, attempt, spacing, budget, weight(drawn), order, CROSS_EDGE, CROSSING);
    if (better(again, drawn, room)) drawn = again;
    if (!drawn.crossings.length) break;
    if (again.crossings.length && flaws(again) < 100) queue.push(...reorders(again));
  }
  // still crossing: the dear drawing, in the order drawn first and in the best order found
  // (the same drawing when that is the first order)
  const best = drawn.order.join('\n') === firstOrder ? [] : drawn.order;
  if (!dearTried) dear([]);
  if (best.length) dear(best);
  const out = weight(tight) <= weight(drawn) && tight.grid.w <= room ? tight : drawn;
  // a label with another edge's line as near it as its own and no spot along its edge
  // without one (relabel): those lines drawn first, so the label is placed seeing them
  // (race-counter's "创建，删除" walled the way worker 2's line wanted, at 70 to 77 columns)
  // (the tighter one was drawn so before spreading out: `relabelled`)
  if (!out.strays.length || budget.steps <= 0) return out;
  const again = out === tight && relabelled && tight !== relabelled ? relabelled : linesFirst(model, ascii, attempt, out === tight ? attempt.spacing : spacing, budget, out);
  return better(again, out, room) ? again : out;
}

/** `drawn` again with the lines its labels stray near (Drawn.strays) drawn first, at `spacing`. */
function linesFirst(model: FlowModel, ascii: boolean, attempt: Attempt, spacing: Spacing, budget: { steps: number }, drawn: Drawn): Drawn {
  const lines = [...new Set(drawn.strays.map(([, other]) => other))];
  return drawOnce(model, ascii, attempt, spacing, budget, weight(drawn), [...lines, ...drawn.order.filter((id) => !lines.includes(id))], CROSS_EDGE, CROSSING);
}

/** Draws once. A drawing is only of use with fewer flaws than `flawBound` (each crossing
 *  counted as `crossingWeight` of them): on reaching that many it stops, unfinished, and is
 *  dropped by the caller (the work of the edges left). Flaws and crossings only grow as
 *  edges are drawn, so a drawing stopped could not have been kept: of it only its flaws,
 *  crossings and order are read, and it is not cropped (finish()). */
function drawOnce(model: FlowModel, ascii: boolean, attempt: Attempt, spacing: Spacing, budget: { steps: number }, flawBound = Infinity, first: string[] = [], crossEdge = CROSS_EDGE, crossingWeight = 0, walled: readonly string[] = []): Drawn {
  drawings++;
  const { labels, edgeLabels, placement, flow } = place(model, attempt, spacing);
  const spare = spareOf(model);
  const shift = (r: CellRect): CellRect => ({ ...r, x: r.x + spare, y: r.y + 2 });
  const shifted: Placement = {
    boxes: new Map([...placement.boxes].map(([id, r]) => [id, shift(r)])),
    frames: new Map([...placement.frames].map(([id, r]) => [id, shift(r)])),
    width: placement.width + 2 * spare,
    height: placement.height + 4,
  };
  refuseTooLarge(model, placement);
  budget.steps -= shifted.width * shifted.height * CELL_COST;
  const bases = basesOf.get(model);
  const key = JSON.stringify([attempt.wrap, attempt.switched, attempt.wrapAt ?? null, attempt.tidy?.middle ?? false, spacing, ascii]);
  const base = walled.length ? undefined : bases?.get(key);
  const painter = new Painter(model, edgeLabels, shifted, shifted.width, shifted.height, ascii, flow, budget, crossEdge, attempt.tidy ?? {}, base);
  if (!base) {
    for (const s of model.subgraphs) painter.frame(s.id, s.title);
    for (const id of walled) painter.wallTitle(id);
    for (const n of model.nodes) painter.box(n, labels.get(n.id)!);
    for (const [id, r] of shifted.frames) if (painter.draws(id)) painter.router.beside(r, true);
    for (const [id, r] of shifted.boxes) if (painter.draws(id)) painter.router.beside(r, false);
    painter.router.markNear();
    if (!walled.length) bases?.set(key, painter.base());
  }
  const whole = painter.edges(flawBound, first, crossingWeight);
  const drawn = painter.finish(!whole);
  // a title with a line just beside it and no room along its border to move to: drawn again
  // with the border beside it walled off, kept if no worse (msg-queue's kernel at 77 columns,
  // `┌─ kernel ┼───┐`; a drawing with no such title is never drawn again)
  const stuck = drawn.stuckTitles ?? [];
  if (!whole || !stuck.length || walled.length || budget.steps <= 0) return drawn;
  const again = drawOnce(model, ascii, attempt, spacing, budget, flawBound, first, crossEdge, crossingWeight, stuck);
  const fewer = (again.stuckTitles ?? []).length < stuck.length;
  const lost = (d: Drawn) => d.unrouted.length + d.unlabelled.length;
  const noWorse = lost(again) <= lost(drawn) && weight(again) <= weight(drawn) && again.strays.length <= drawn.strays.length && again.crossings.length <= drawn.crossings.length;
  return fewer && noWorse && again.grid.w <= drawn.grid.w && again.grid.h <= drawn.grid.h ? again : drawn;
}

/** Drawings made by the rendering under way (Rendered.drawings): renderFlow runs to its end
 *  before another starts. */
let drawings = 0;

/** The frames and boxes of a drawing before its edges: a grid and its router's walls. */
interface PainterBase {
  grid: Grid;
  router: Router;
  titleCells: Set<number>;
}

/** While a model is rendered, its frames and boxes drawn under each attempt and spacing
 *  (JSON of the two and ascii): every further drawing of them (another order of the edges,
 *  crossings priced dear) starts from a copy. Dropped when the rendering ends. */
const basesOf = new WeakMap<FlowModel, Map<string, PainterBase>>();

/** Room all round a placement for labels that end up beside their edge; cropped at the end. */
const spareOf = (model: FlowModel) => maxOf(model.edges.map((e) => (e.label ? cellWidth(e.label) : 0)), 0) + 3;

/** Throws FlowTooLargeError for a placement whose grid would take more cells than are drawn. */
function refuseTooLarge(model: FlowModel, placement: Placement): void {
  const spare = spareOf(model);
  const w = placement.width + 2 * spare;
  const h = placement.height + 4;
  if (w * h > MAX_CELLS) throw new FlowTooLargeError(w, h);
}

/** Every label's lines under a wrap: the boxes' and (a narrow pane) the edges'. An edge label
 *  wraps with the boxes': a long one beside a line of a top-down picture would otherwise widen
 *  it by its whole length. */
function wrappedLabels(model: FlowModel, wrap: number): { labels: Map<string, string[]>; edgeLabels: Map<string, string[]> } {
  return {
    labels: new Map(model.nodes.map((n) => [n.id, wrapLabel(n.label, wrap)])),
    edgeLabels: new Map(model.edges.flatMap((e) => (e.label ? [[e.id, Number.isFinite(wrap) ? wrapLabel(e.label.replace(/\n/g, ' '), wrap, true) : [e.label]] as const] : []))),
  };
}

type Placed = { labels: Map<string, string[]>; edgeLabels: Map<string, string[]>; placement: Placement; flow: number };

/** place() of each model by attempt and spacing: fitting asks for the same ones again
 *  (the boxes' width first, then the drawing), and a drawing only reads them. */
const placedOf = new WeakMap<FlowModel, Map<string, Placed>>();

/** Where the boxes and frames go under an attempt: the wrapped labels, the placement, the flow's heading. */
function place(model: FlowModel, attempt: Attempt, spacing: Spacing): Placed {
  let kept = placedOf.get(model);
  if (!kept) placedOf.set(model, (kept = new Map()));
  const key = JSON.stringify([attempt.wrap, attempt.switched, attempt.wrapAt ?? null, attempt.tidy?.middle ?? false, spacing]);
  let placed = kept.get(key);
  if (!placed) kept.set(key, (placed = placeAnew(model, attempt, spacing)));
  return placed;
}

function placeAnew(model: FlowModel, attempt: Attempt, spacing: Spacing): Placed {
  // a family's member: the boxes and frames go where the family's union puts them
  // (family.ts), placed once for all its members (place() keeps it); the drawing is the model's own
  if (model.layoutOf) {
    const { placement } = place(model.layoutOf, attempt, spacing);
    return { ...wrappedLabels(model, attempt.wrap), placement, flow: FLOW[attempt.switched ? turn(model.direction) : model.direction] };
  }
  const subgraphs = new Map(model.subgraphs.map((s) => [s.id, s]));
  const directionOf = (id: string | null): Direction => {
    const own = id === null ? model.direction : (subgraphs.get(id)!.direction ?? directionOf(subgraphs.get(id)!.parent));
    return attempt.switched ? turn(own) : own;
  };
  const { labels, edgeLabels } = wrappedLabels(model, attempt.wrap);
  // a box needs a free cell on its border for every edge: a busy node gets a longer side
  const degree = new Map<string, number>();
  const into = new Map<string, number>();
  const out = new Map<string, number>();
  const count = (m: Map<string, number>, id: string) => m.set(id, (m.get(id) ?? 0) + 1);
  for (const e of model.edges) {
    count(degree, e.from);
    count(degree, e.to);
    count(out, e.from);
    count(into, e.to);
  }
  const across = horizontal(directionOf(null));
  const nodeSize = new Map<string, { w: number; h: number }>();
  for (const [id, lines] of labels) {
    let w = maxOf(lines.map(cellWidth), 1) + 4;
    let h = lines.length + 2;
    // every edge end needs a port of its own, ports a cell apart and off the corners
    const need = Math.ceil((degree.get(id) ?? 0) * spacing.perEdge);
    while (2 * portRoom(w - 2) + 2 * portRoom(h - 2) < need) {
      if (across) h++;
      else w++;
    }
    // a hub (four or more edges in or out) takes them all on the side facing the flow,
    // rather than sending some round the back of the box
    const busiest = Math.max(into.get(id) ?? 0, out.get(id) ?? 0);
    if (busiest >= 4) {
      const side = 2 * busiest + 3;
      if (across) h = Math.max(h, side);
      else w = Math.max(w, side);
    }
    nodeSize.set(id, { w, h });
  }
  const placement = layout({
    model,
    nodeSize,
    edgeLabelWidth: new Map(model.edges.map((e) => [e.id, maxOf((edgeLabels.get(e.id) ?? []).map(cellWidth), 0)])),
    edgeLabelRows: new Map([...edgeLabels].map(([id, lines]) => [id, lines.length])),
    titleWidth: new Map(model.subgraphs.map((s) => [s.id, cellWidth(s.title)])),
    spacing,
    directionOf,
    wrapAt: attempt.wrapAt,
    passMiddle: attempt.tidy?.middle,
  });
  return { labels, edgeLabels, placement, flow: FLOW[directionOf(null)] };
}

class Painter {
  readonly grid: Grid;
  readonly router: Router;
  readonly unrouted: string[] = [];
  readonly unlabelled: string[] = [];
  crowded = 0;
  /** pairs of edges whose lines cross, the edges in the order drawn, and the edge drawn in each cell (the first one) */
  readonly crossings: [string, string][] = [];
  readonly order: string[] = [];
  private readonly lineOf = new Map<number, string>();
  private readonly frameIndex = new Map<string, number>();
  private readonly titleCells = new Set<number>();
  private readonly edgeGeometry = new Map<string, { cells: [number, number][]; label: CellRect | null }>();
  /** the cells edge labels were written in (touchesLabel) */
  private readonly labelCells = new Set<number>();
  /** each edge's route, and the cells its label blocked besides its own and the lines it
   *  stands beside (crowded), to move the label after all are drawn (relabel) */
  private readonly routes = new Map<string, Route>();
  private readonly labelMarks = new Map<string, { blocked: number[]; crowded: number }>();
  private readonly ancestors = new Map<string, string[]>();
  /** the edges not drawn yet: a label keeps out of the way each would take (corridor) */
  private readonly pending = new Set<FlowEdge>();

  constructor(
    private readonly model: FlowModel,
    /** each edge label's lines (wrapped under a narrow attempt) */
    private readonly edgeLabels: Map<string, string[]>,
    private readonly placement: Placement,
    w: number,
    h: number,
    private readonly ascii: boolean,
    private readonly flow: number,
    budget: { steps: number },
    crossEdge: number,
    /** the tidier rules of a drawing tried again because lines crossed */
    private readonly tidy: Tidy,
    /** the frames and boxes already drawn, on a grid of this size (base()) */
    from?: PainterBase,
  ) {
    this.grid = from ? from.grid.copy() : new Grid(w, h, ascii);
    this.router = from ? from.router.copy(budget, crossEdge) : new Router(w, h, budget, crossEdge);
    if (from) for (const k of from.titleCells) this.titleCells.add(k);
    model.subgraphs.forEach((s, i) => this.frameIndex.set(s.id, i));
    const parent = new Map<string, string | null>();
    for (const s of model.subgraphs) {
      parent.set(s.id, s.parent);
      for (const m of s.members) if (!parent.has(m) || !this.frameIndex.has(m)) parent.set(m, s.id);
    }
    const chain = (id: string): string[] => {
      const out: string[] = [];
      for (let p = parent.get(id) ?? null; p !== null; p = parent.get(p) ?? null) out.push(p);
      return out;
    };
    for (const n of model.nodes) this.ancestors.set(n.id, chain(n.id));
    for (const s of model.subgraphs) this.ancestors.set(s.id, chain(s.id));
  }

  /** Whether the model draws this box or frame: a family's member (FlowModel.layoutOf) is
   *  placed among parts it does not draw. */
  draws(id: string): boolean {
    return this.ancestors.has(id);
  }

  /** A copy of what is drawn so far (the frames and boxes, before any edge), for another drawing of them. */
  base(): PainterBase {
    return { grid: this.grid.copy(), router: this.router.copy(this.router.budget, this.router.crossEdge), titleCells: new Set(this.titleCells) };
  }

  frame(id: string, title: string): void {
    const r = this.placement.frames.get(id)!;
    const { grid, router } = this;
    const n = this.frameIndex.get(id)! + 1;
    const border = (x: number, y: number, mask: number, crossAxis: number) => {
      grid.line(x, y, mask, Stroke.Light, id, Base.Frame);
      const k = y * grid.w + x;
      router.frame[k] = n;
      router.frameCrossAxis[k] = crossAxis;
    };
    for (let x = r.x + 1; x < r.x + r.w - 1; x++) {
      border(x, r.y, LEFT | RIGHT, 2);
      border(x, r.y + r.h - 1, LEFT | RIGHT, 2);
    }
    for (let y = r.y + 1; y < r.y + r.h - 1; y++) {
      border(r.x, y, UP | DOWN, 1);
      border(r.x + r.w - 1, y, UP | DOWN, 1);
    }
    const corners: [number, number, number][] = [[r.x, r.y, DOWN | RIGHT], [r.x + r.w - 1, r.y, DOWN | LEFT], [r.x, r.y + r.h - 1, UP | RIGHT], [r.x + r.w - 1, r.y + r.h - 1, UP | LEFT]];
    for (const [x, y, mask] of corners) {
      grid.line(x, y, mask, Stroke.Light, id, Base.Frame);
      router.corner(x, y, mask & RIGHT ? 1 : -1, mask & DOWN ? 1 : -1);
    }
    // an untitled subgraph (Mermaid's bare 'subgraph') is an unbroken frame
    // the title on its own, so a mark it starts with cannot join the space before it
    const tw = title ? grid.text(r.x + 2, r.y, ' ', id, Base.Title) + grid.text(r.x + 3, r.y, title, id, Base.Title) + grid.text(r.x + 3 + cellWidth(title), r.y, ' ', id, Base.Title) : 0;
    for (let x = r.x + 2; x < r.x + 2 + tw; x++) {
      router.blocked[r.y * grid.w + x] = 1;
      this.titleCells.add(r.y * grid.w + x);
    }
  }

  /** A frame's title with a line crossing or meeting its border just after it reads as part of
   *  it (`┌─ kernel ┼───`, issue 16): once every line is drawn, such a title moves right along
   *  its border to the first stretch with no line in it and TITLE_ROOM plain cells either side
   *  (the lines stay where they are: nothing is routed again). Where there is no such
   *  stretch it stays (tests/flow/frame-title.test.ts). */
  private clearTitles(): string[] {
    const { grid } = this;
    const stuck: string[] = [];
    for (const s of this.model.subgraphs) {
      if (!s.title || !this.draws(s.id)) continue;
      const r = this.placement.frames.get(s.id)!;
      const y = r.y;
      const tw = cellWidth(s.title) + 2;
      const from = r.x + 2;
      const right = r.x + r.w - 1;
      // a cell of the top border with nothing but the border in it (or the title itself)
      const plain = (x: number) => {
        const k = y * grid.w + x;
        return x > r.x && x < right && grid.ownedFirst(k, s.id) && !grid.shared(k) && (grid.textCell[k] ? grid.base[k] === Base.Title : grid.mask[k] === (LEFT | RIGHT));
      };
      // the title at x with TITLE_ROOM plain cells either side (or the corner's one on its left)
      const clear = (x: number) => {
        for (let c = Math.max(r.x + 1, x - TITLE_ROOM); c < x + tw + TITLE_ROOM; c++) if (c >= right || !plain(c)) return false;
        return true;
      };
      if (clear(from)) continue;
      let to = -1;
      for (let x = from + 1; x + tw + TITLE_ROOM <= right && to < 0; x++) if (clear(x)) to = x;
      if (to < 0) {
        stuck.push(s.id);
        continue;
      }
      for (let x = from; x < from + tw; x++) grid.line(x, y, LEFT | RIGHT, Stroke.Light, s.id, Base.Frame);
      grid.text(to, y, ' ', s.id, Base.Title);
      grid.text(to + 1, y, s.title, s.id, Base.Title);
      grid.text(to + tw - 1, y, ' ', s.id, Base.Title);
    }
    return stuck;
  }

  /** The border just after a frame's title walled off (TITLE_ROOM cells): no line crosses it
   *  or meets the frame there (drawOnce: a title clearTitles could not move). */
  wallTitle(id: string): void {
    const r = this.placement.frames.get(id)!;
    const title = this.model.subgraphs.find((s) => s.id === id)?.title ?? '';
    const start = r.x + 2 + cellWidth(title) + 2;
    for (let x = start; x < Math.min(start + TITLE_ROOM, r.x + r.w - 1); x++) {
      const k = r.y * this.grid.w + x;
      this.router.frameCrossAxis[k] = 0;
      this.titleCells.add(k);
    }
  }

  box(node: FlowNode, lines: string[]): void {
    const r = this.placement.boxes.get(node.id)!;
    const { grid } = this;
    const id = node.id;
    const round = node.shape === 'round' || node.shape === 'circle';
    for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) grid.glyph(x, y, ' ', id);
    for (let x = r.x + 1; x < r.x + r.w - 1; x++) {
      grid.line(x, r.y, LEFT | RIGHT, Stroke.Light, id);
      grid.line(x, r.y + r.h - 1, LEFT | RIGHT, Stroke.Light, id);
    }
    const left = node.shape === 'diamond' ? '<' : node.shape === 'circle' ? '(' : node.shape === 'flag' ? '>' : null;
    const right = node.shape === 'diamond' ? '>' : node.shape === 'circle' ? ')' : null;
    for (let y = r.y + 1; y < r.y + r.h - 1; y++) {
      if (left) grid.glyph(r.x, y, left, id);
      else grid.line(r.x, y, UP | DOWN, Stroke.Light, id);
      if (right) grid.glyph(r.x + r.w - 1, y, right, id);
      else grid.line(r.x + r.w - 1, y, UP | DOWN, Stroke.Light, id);
    }
    const [tl, tr, bl, br] = this.ascii ? ['/', '\\', '\\', '/'] : ['╱', '╲', '╲', '╱'];
    const x1 = r.x + r.w - 1;
    const y1 = r.y + r.h - 1;
    if (node.shape === 'diamond') {
      grid.glyph(r.x, r.y, tl, id);
      grid.glyph(x1, r.y, tr, id);
      grid.glyph(r.x, y1, bl, id);
      grid.glyph(x1, y1, br, id);
    } else {
      if (node.shape === 'flag') {
        grid.glyph(r.x, r.y, tr, id);
        grid.glyph(r.x, y1, br, id);
      } else {
        grid.line(r.x, r.y, DOWN | RIGHT, Stroke.Light, id, Base.Plain, round);
        grid.line(r.x, y1, UP | RIGHT, Stroke.Light, id, Base.Plain, round);
      }
      grid.line(x1, r.y, DOWN | LEFT, Stroke.Light, id, Base.Plain, round);
      grid.line(x1, y1, UP | LEFT, Stroke.Light, id, Base.Plain, round);
    }
    lines.forEach((line, i) => {
      const lw = cellWidth(line);
      grid.text(r.x + 2 + Math.floor((r.w - 4 - lw) / 2), r.y + 1 + i, line, id, Base.Plain);
    });
    this.router.wall(r);
  }

  private rectOf(id: string): CellRect {
    return this.placement.boxes.get(id) ?? this.placement.frames.get(id)!;
  }

  /** Draws the edges; false when it stopped at `flawBound` (drawOnce). */
  edges(flawBound: number, first: string[] = [], crossingWeight = 0): boolean {
    const centre = (r: CellRect) => [r.x + r.w / 2, r.y + r.h / 2];
    const order = this.model.edges.map((e, i) => {
      const [ax, ay] = centre(this.rectOf(e.from));
      const [bx, by] = centre(this.rectOf(e.to));
      return { e, i, d: Math.abs(ax - bx) + Math.abs(ay - by) };
    });
    // loops first (they want particular sides), then labelled edges, so their labels
    // find room before other lines fill it, then the shortest
    // (edges named in `first` before the rest, in that order: a redraw to uncross lines;
    // a loop still goes first)
    // a family's member (FlowModel.layoutOf) draws the lines between neighbours in one frame
    // first: its boxes were placed for the whole family, and another line of its own could
    // take the straight way between them (parent-child's "write" out of the child's side)
    const neighbours = (e: FlowEdge) => (this.model.layoutOf && !this.frameIndex.has(e.from) && !this.frameIndex.has(e.to) && this.ancestors.get(e.from)![0] !== undefined && this.ancestors.get(e.from)![0] === this.ancestors.get(e.to)![0] ? 0 : 1);
    const rank = (e: FlowEdge) => (e.from === e.to ? 0 : neighbours(e) + (e.label ? 1 : 2));
    const early = (e: FlowEdge) => (first.includes(e.id) ? first.indexOf(e.id) : first.length);
    const pending = this.pending;
    order.sort((a, b) => (a.e.from === a.e.to ? 0 : 1) - (b.e.from === b.e.to ? 0 : 1) || early(a.e) - early(b.e) || rank(a.e) - rank(b.e) || a.d - b.d || a.i - b.i);
    for (const { e } of order) pending.add(e);
    for (const { e } of order) {
      this.order.push(e.id);
      this.pending.delete(e);
      this.edge(e);
      if ((this.unrouted.length + this.unlabelled.length) * 100 + this.crowded + crossingWeight * this.crossings.length >= flawBound) return false;
    }
    this.relabel();
    return true;
  }

  /** `ports` of e's `end` box, those out of order priced dearer: lines meeting one side of a
   *  box meet it in the order of where their other ends are, so they need not cross (a line
   *  to the left of another's far end leaves or arrives left of it: sem's lesson process,
   *  whose kill -9 to holder 1 left right of its line to the set and crossed it). */
  private inOrder(e: FlowEdge, end: 'from' | 'to', ports: Port[]): Port[] {
    const far = end === 'from' ? 'to' : 'from';
    const drawn: { port: Port; other: CellRect }[] = [];
    for (const f of this.model.edges) {
      const r = this.routes.get(f.id);
      if (r && f[end] === e[end] && f.from !== f.to && f[far] !== e[far]) drawn.push({ port: end === 'from' ? r.start : r.end, other: this.rectOf(f[far]) });
    }
    if (!drawn.length) return ports;
    const mine = this.rectOf(e[far]);
    return ports.map((p) => {
      // along a top or bottom side lines are in order by x, along a left or right one by y
      const byX = p.away % 2 === 0;
      const centre = (r: CellRect) => (byX ? 2 * r.x + r.w : 2 * r.y + r.h);
      const wrong = drawn.some(({ port, other }) => port.away === p.away && (centre(mine) - centre(other)) * (byX ? p.x - port.x : p.y - port.y) < 0);
      return wrong ? { ...p, offset: p.offset + OUT_OF_ORDER } : p;
    });
  }

  /** `ports` of box `id`, those right across the box from a line already meeting it priced
   *  dearer: the two read as one line passing through the box, so a line leaving it seems to
   *  come from where the other came from (sem's IPC_RMID below the set, in line with holder
   *  2's arrow above it, read as holder 2's, issue 16). Only for a box with three lines or
   *  more: through a box with one line in and one out, a straight line is the flow's own way. */
  private notThrough(id: string, ports: Port[]): Port[] {
    if (!this.placement.boxes.has(id) || this.model.edges.filter((f) => f.from === id || f.to === id).length < 3) return ports;
    const met: Port[] = [];
    for (const f of this.model.edges) {
      const r = this.routes.get(f.id);
      if (r && f.from === id) met.push(r.start);
      if (r && f.to === id) met.push(r.end);
    }
    if (!met.length) return ports;
    const across = (p: Port, q: Port) => q.away === opposite(p.away) && (p.away % 2 === 0 ? q.x === p.x : q.y === p.y);
    return ports.map((p) => (met.some((q) => across(p, q)) ? { ...p, offset: p.offset + THROUGH } : p));
  }

  /** Moves each label a later line came as near as its own (Drawn.strays) to a spot along
   *  its edge where no other line is, if there is one: only now are all lines known. */
  private relabel(): void {
    for (const id of new Set(this.strays().map(([a]) => a))) {
      const g = this.edgeGeometry.get(id)!;
      const e = this.model.edges.find((x) => x.id === id)!;
      const old = g.label!;
      this.unput(id, old);
      const at = this.spot(e, this.routes.get(id)!, true);
      g.label = this.put(e, at ?? old);
    }
  }

  private edge(e: FlowEdge): void {
    const { grid, router } = this;
    const fromAnc = this.ancestors.get(e.from)!;
    const toAnc = this.ancestors.get(e.to)!;
    // an edge between a frame and something inside it runs inside the frame
    const fromInside = this.frameIndex.has(e.from) && toAnc.includes(e.from);
    const toInside = this.frameIndex.has(e.to) && fromAnc.includes(e.to);
    const needed = new Set<number>();
    for (const a of fromAnc) if (!toAnc.includes(a) && a !== e.to) needed.add(this.frameIndex.get(a)!);
    for (const a of toAnc) if (!fromAnc.includes(a) && a !== e.from) needed.add(this.frameIndex.get(a)!);
    const skipTop = (r: CellRect, id: string) => (x: number) => this.frameIndex.has(id) && this.titleCells.has(r.y * grid.w + x);
    const a = this.rectOf(e.from);
    const b = this.rectOf(e.to);
    const starts = this.notThrough(e.from, e.from === e.to || !this.tidy.ports ? portsOf(a, fromInside, skipTop(a, e.from)) : this.inOrder(e, 'from', portsOf(a, fromInside, skipTop(a, e.from))));
    const ends = this.notThrough(e.to, e.from === e.to || !this.tidy.ports ? portsOf(b, toInside, skipTop(b, e.to)) : this.inOrder(e, 'to', portsOf(b, toInside, skipTop(b, e.to))));
    let route: Route | null = null;
    if (e.from === e.to) {
      // a loop leaves by the side the layout kept free (right of TD, below LR) and comes back
      // downstream; else by any side and back by another, so its two ends are never side by side
      const side = this.flow % 2 === 0 ? 1 : 2;
      const sides = [side, ...[0, 1, 2, 3].filter((d) => d !== side)];
      // round its own box: a loop that finds no way there would search the whole picture, four times
      const near = { x: a.x - LOOP_ROOM, y: a.y - LOOP_ROOM, w: a.w + 2 * LOOP_ROOM, h: a.h + 2 * LOOP_ROOM };
      for (const out of sides) {
        const back = out === side ? ends.filter((p) => p.away === this.flow) : ends.filter((p) => p.away !== out);
        route = router.route(starts.filter((p) => p.away === out), back, needed, this.flow, near);
        if (route) break;
      }
    } else route = router.route(starts, ends, needed, this.flow);
    if (!route) {
      this.unrouted.push(e.id);
      this.edgeGeometry.set(e.id, { cells: [], label: null });
      return;
    }
    // a route that crosses itself reads as two edges, one through a frame it has no business in
    // as if it did: as bad as sharing cells (more room may give a better way)
    const keys = route.cells.map(([x, y]) => y * this.grid.w + x);
    const strays = keys.some((k) => router.frame[k] && !needed.has(router.frame[k] - 1));
    if (strays || new Set(keys).size < keys.length) this.crowded++;
    // a line run along another's cells reads as one line with two ends: dearer than crossings
    // (overview's 'shmat, then write' along 'remove''s line at 80 columns ASCII, fuzz seed 83)
    if (route.relaxed) this.crowded += SHARED_RUN;
    const stroke = STROKE[e.style];
    const { cells, heading } = route;
    const last = cells.length - 1;
    // in ASCII a junction on a border would be another '+', read as a corner: there the border
    // keeps its own glyph and the edge stops beside it; a crossing of a frame's border is
    // drawn as the edge's own line going on through, in either mode (grid.ts through())
    const junction = (x: number, y: number, away: number) => {
      const bx = x - DX[away];
      const by = y - DY[away];
      const k = by * grid.w + bx;
      if (grid.mask[k] && !this.titleCells.has(k) && !this.ascii) grid.line(bx, by, BIT[away], stroke, e.id);
    };
    for (let i = 0; i <= last; i++) {
      const [x, y] = cells[i];
      if (i === last && e.arrow) {
        grid.glyph(x, y, (this.ascii ? ARROW_ASCII : ARROW)[heading[i]], e.id);
        continue;
      }
      let mask = i === 0 ? BIT[opposite(route.start.away)] : BIT[opposite(heading[i])];
      mask |= i < last ? BIT[heading[i + 1]] : BIT[opposite(route.end.away)];
      grid.line(x, y, mask, stroke, e.id);
    }
    for (const k of route.crossings) {
      const other = this.lineOf.get(k);
      if (other !== undefined && other !== e.id && !this.crossings.some(([a, b]) => a === other && b === e.id)) this.crossings.push([other, e.id]);
    }
    for (const [x, y] of cells) if (!this.lineOf.has(y * grid.w + x)) this.lineOf.set(y * grid.w + x, e.id);
    junction(cells[0][0], cells[0][1], route.start.away);
    if (!e.arrow) junction(cells[last][0], cells[last][1], route.end.away);
    router.occupy(route);
    this.routes.set(e.id, route);
    const at = e.label ? this.spot(e, route, false) : null;
    if (e.label && !at) this.unlabelled.push(e.id);
    this.edgeGeometry.set(e.id, { cells, label: at && this.put(e, at) });
  }

  /** Puts an edge label on its edge: inline on a horizontal stretch long enough (the line
   *  runs into the label and on out of it, ──label──►), else beside a straight stretch, never
   *  over a line's cell: a vertical line, corner or crossing under a label is a line cut.
   *  A wrapped label (several rows) goes only beside, its first row where one row would.
   *  `strict`: only where no other edge's line is a cell beyond either end (relabel). */
  private spot(e: FlowEdge, route: Route, strict: boolean): { x: number; y: number } | null {
    const { grid, router } = this;
    const lines = this.edgeLabels.get(e.id) ?? [e.label!];
    const lw = maxOf(lines.map(cellWidth), 0);
    const lh = lines.length;
    const { cells, heading } = route;
    const last = cells.length - 1;
    const free = (x: number, y: number) => {
      if (x < 0 || y < 0 || x >= grid.w || y >= grid.h) return false;
      const k = y * grid.w + x;
      return grid.isEmpty(x, y) && !router.blocked[k] && !router.occ[k] && !router.frame[k];
    };
    const straight = (i: number, horiz: boolean) => {
      if (i <= 0 || i >= last) return false;
      const k = cells[i][1] * grid.w + cells[i][0];
      return heading[i] === heading[i + 1] && (heading[i] % 2 === 1) === horiz && !route.crossings.has(k) && !router.frame[k];
    };
    const flowHorizontal = this.flow % 2 === 1;
    let best: { score: number; x: number; y: number } | null = null;
    const own = new Set(cells.map(([cx, cy]) => cy * grid.w + cx));
    const nearOther = (x: number, y: number) => this.isLine(x, y) && !own.has(y * grid.w + x);
    const stray = (sx: number, sy: number) => {
      for (let y = sy; y < sy + lh; y++) if (nearOther(sx - 2, y) || nearOther(sx + lw + 1, y)) return true;
      return false;
    };
    const beats = (score: number) => best === null || score < best.score;
    const consider = (score: number, x: number, y: number) => {
      if (beats(score) && !(strict && stray(x, y))) best = { score, x, y };
    };
    const middle = last / 2;
    // inline on a horizontal stretch, its own line on both sides: a border, crossing or
    // arrowhead right beside the label would read as part of it; on a stretch that turns back
    // the way it came (∩ or U), so would a corner a cell beyond it, as the label's box's
    // (`┌──shmat: nattch 1─┐` over two lines going down: shmdt, issue 16)
    const level = (i: number) => i > 0 && i < last && heading[i] === heading[i + 1];
    /** whether the horizontal run through cells i..j comes from above (below) and goes back there */
    const turnsBack = (i: number, j: number) => {
      let a = i;
      while (a > 0 && heading[a] % 2 === 1) a--;
      let b = j;
      while (b < last && heading[b + 1] % 2 === 1) b++;
      return heading[a] % 2 === 0 && b < last && heading[b + 1] === opposite(heading[a]);
    };
    for (let s = 2; lh === 1 && s + lw < last; s++) {
      let ok = straight(s - 1, true) && straight(s + lw, true);
      const byCorner = !(level(s - 2) && level(s + lw + 1)) && turnsBack(s, s + lw - 1);
      for (let j = s; j < s + lw && ok; j++) ok = straight(j, true);
      const x = Math.min(cells[s][0], cells[s + lw - 1][0]);
      if (!ok || this.touchesLabel(x, cells[s][1], lw, 1)) continue;
      consider((byCorner ? BY_CORNER : flowHorizontal ? 0 : 1) + Math.abs(s + lw / 2 - middle) * 0.1, x, cells[s][1]);
    }
    // beside the edge, a cell away: right or left of a vertical stretch, above or below a
    // horizontal one; by a corner or an end only when no stretch has room. Another line a
    // cell beyond the label would be as near it as its own: the label could be read as that one's
    // the label's rows free, with a cell either side
    const blockFree = (sx: number, sy: number) => {
      for (let y = sy; y < sy + lh; y++) for (let x = sx - 1; x <= sx + lw; x++) if (!free(x, y)) return false;
      return !this.touchesLabel(sx, sy, lw, lh);
    };
    let ways: Int32Array | undefined;
    // (x, y, penalty) of each spot by a cell of the line, in order, in one array (SPOTS)
    let n = 0;
    const add = (x: number, y: number, penalty: number) => {
      SPOTS[n++] = x;
      SPOTS[n++] = y;
      SPOTS[n++] = penalty;
    };
    const inline = best as { score: number } | null;
    if (!inline || inline.score >= BY_CORNER) {
      for (let i = 0; i <= last; i++) {
        // a spot's score is no less than this (its penalty, crowding and columns outside
        // added): one that cannot beat the best so far is not looked at
        const along = Math.abs(i - middle) * 0.1;
        if (!beats(20 + along)) continue;
        const [cx, cy] = cells[i];
        n = 0;
        if (straight(i, false)) {
          add(cx + 2, cy, 0);
          add(cx - 1 - lw, cy, 0);
        }
        if (straight(i, true)) {
          add(cx - Math.floor(lw / 2), cy - lh, 1);
          add(cx - Math.floor(lw / 2), cy + 1, 1);
        }
        add(cx + 2, cy, 4);
        add(cx - 1 - lw, cy, 4);
        add(cx + 1, cy - lh, 5);
        add(cx + 1, cy + 1, 5);
        add(cx - lw, cy - lh, 5);
        add(cx - lw, cy + 1, 5);
        for (let j = 0; j < n; j += 3) {
          const sx = SPOTS[j];
          const sy = SPOTS[j + 1];
          const penalty = SPOTS[j + 2];
          if (!beats(20 + penalty + along) || !blockFree(sx, sy)) continue;
          let crowded = 0;
          for (let y = sy; y < sy + lh; y++) for (let d = 0; d < LABEL_ROOM; d++) crowded += (nearOther(sx - 2 - d, y) ? 12 - 3 * d : 0) + (nearOther(sx + lw + 1 + d, y) ? 12 - 3 * d : 0);
          // another line along the row just above or below it is as near as its own (a label
          // between two lines is read as either's): a spot clear of that is preferred
          for (const y of [sy - 1, sy + lh]) for (let x = sx - 1; x <= sx + lw; x++) crowded += nearOther(x, y) ? 12 : 0;
          consider(20 + penalty + crowded + this.againstBox(e, sx, sy, lw, lh) + this.outside(sx, lw) + this.inTheWay(sx, sy, lw, lh, ways ??= this.pendingWays()) + along, sx, sy);
        }
      }
    }
    // last, anywhere free within three rows of the edge
    if (!best) {
      for (let i = 0; i <= last; i++) {
        const along = Math.abs(i - middle) * 0.1;
        const [cx, cy] = cells[i];
        for (let dy = -3; dy <= 3; dy++) {
          for (let sx = cx - lw - 2; sx <= cx + 3; sx++) {
            const near = 40 + Math.abs(dy) * 4 + Math.abs(sx + lw / 2 - cx) * 0.5;
            if (beats(near + along) && blockFree(sx, cy + dy)) consider(near + this.outside(sx, lw) + along, sx, cy + dy);
          }
        }
      }
    }
    const chosen = best as { x: number; y: number } | null;
    return chosen && { x: chosen.x, y: chosen.y };
  }

  /** Writes edge e's label at `at` (spot()) and keeps later lines off it. */
  private put(e: FlowEdge, at: { x: number; y: number }): CellRect {
    const { grid, router } = this;
    const lines = this.edgeLabels.get(e.id) ?? [e.label!];
    const lw = maxOf(lines.map(cellWidth), 0);
    const marks = { blocked: [] as number[], crowded: 0 };
    this.labelMarks.set(e.id, marks);
    lines.forEach((line, k) => {
      const y = at.y + k;
      grid.text(at.x, y, line, e.id, Base.Label);
      for (let x = at.x; x < at.x + lw; x++) this.labelCells.add(y * grid.w + x);
      for (let x = at.x; x < at.x + lw; x++) {
        if (!router.blocked[y * grid.w + x]) marks.blocked.push(y * grid.w + x);
        router.blocked[y * grid.w + x] = 1;
      }
      // a line drawn later right beside the label would read as its edge: keep a cell free either side
      for (const x of [at.x - 1, at.x + lw]) {
        const k = y * grid.w + x;
        if (this.isLine(x, y)) marks.crowded++;
        else if (x >= 0 && x < grid.w && grid.isEmpty(x, y) && !router.blocked[k] && !router.occ[k] && !router.frame[k]) {
          router.blocked[k] = 1;
          marks.blocked.push(k);
        }
      }
      // and one a cell beyond that would be as near the label as its own line: the label would
      // sit between two lines, belonging to neither; a later line keeps off there if it can
      for (let d = 0; d < LABEL_ROOM; d++) {
        for (const x of [at.x - 2 - d, at.x + lw + 1 + d]) {
          if (x >= 0 && x < grid.w && !this.isLine(x, y)) router.near[y * grid.w + x] = Math.max(router.near[y * grid.w + x], LABEL_AWAY);
        }
      }
    });
    this.crowded += marks.crowded;
    return { x: at.x, y: at.y, w: lw, h: lines.length };
  }

  /** Takes edge `id`'s label at `r` off the picture, and what it kept later lines off. */
  private unput(id: string, r: CellRect): void {
    const marks = this.labelMarks.get(id)!;
    for (let y = r.y; y < r.y + r.h; y++) {
      for (let x = r.x; x < r.x + r.w; x++) {
        const k = y * this.grid.w + x;
        this.labelCells.delete(k);
        if (this.grid.ownedFirst(k, id) && this.grid.textCell[k]) this.grid.erase(x, y);
      }
    }
    for (const k of marks.blocked) this.router.blocked[k] = 0;
    this.crowded -= marks.crowded;
  }

  /** Whether a label at x, y, w by h cells would touch another edge's label: on a row just
   *  above or below it, or a cell beside it, they read as one (shmdt's "shmdt again" over
   *  "shmctl IPC_RMID"). */
  private touchesLabel(x: number, y: number, w: number, h: number): boolean {
    if (this.labelCells.size === 0) return false;
    const at = (tx: number, ty: number) => ty >= 0 && tx >= 0 && tx < this.grid.w && this.labelCells.has(ty * this.grid.w + tx);
    // the ring round it: a cell inside is not free, and was refused already
    for (let tx = x - 1; tx <= x + w; tx++) if (at(tx, y - 1) || at(tx, y + h)) return true;
    for (let ty = y; ty < y + h; ty++) if (at(x - 1, ty) || at(x + w, ty)) return true;
    return false;
  }

  /** What a label at x, y, w by h cells costs for standing where an edge not drawn yet would
   *  go: between its two boxes, from one's middle across to the other's, on the rows
   *  between them (sem's holder 2 label, left of its line, walled holder 1's way down:
   *  holder 1's line went round and crossed holder 2's). */
  private inTheWay(x: number, y: number, w: number, h: number, ways: Int32Array): number {
    let cost = 0;
    const along = this.flow % 2 === 0;
    const [l0, l1, l2, l3] = along ? [x, x + w, y, y + h] : [y, y + h, x, x + w];
    for (let i = 0; i < ways.length; i += 4) if (l0 <= ways[i + 1] && l1 > ways[i] && l2 < ways[i + 3] && l3 > ways[i + 2]) cost += IN_THE_WAY;
    return cost;
  }

  /** What a label at x, y, w by h cells costs for standing right against a box that is not
   *  one of its edge's ends, on the row just above or below the box's border within its
   *  columns: it reads as that box's outcome (ftok's "yes: create" under ENOENT, issue 16). */
  private againstBox(e: FlowEdge, x: number, y: number, w: number, h: number): number {
    let cost = 0;
    if (this.tidy.loose) return cost;
    for (const [id, r] of this.placement.boxes) {
      if (id === e.from || id === e.to || !this.draws(id) || x >= r.x + r.w || x + w <= r.x) continue;
      if (y === r.y + r.h || y + h === r.y) cost += AGAINST_BOX;
    }
    return cost;
  }

  /** The ways of the edges not drawn yet (inTheWay()), as [lo, hi, gap0, gap1] each: where a
   *  label costs IN_THE_WAY for each it stands in; worked out once per label placed, not per
   *  spot looked at. Empty without the tidy rule. */
  private pendingWays(): Int32Array {
    const out: number[] = [];
    if (!this.tidy.labels) return new Int32Array(0);
    const along = this.flow % 2 === 0;
    for (const e of this.pending) {
      if (e.from === e.to) continue;
      const a = this.rectOf(e.from);
      const b = this.rectOf(e.to);
      // [across, along] extents of each box
      const span = (r: CellRect) => (along ? [r.x, r.x + r.w, r.y, r.y + r.h] : [r.y, r.y + r.h, r.x, r.x + r.w]);
      const [a0, a1, a2, a3] = span(a);
      const [b0, b1, b2, b3] = span(b);
      const gap0 = a3 <= b2 ? a3 : b3 <= a2 ? b3 : null;
      if (gap0 === null) continue;
      const gap1 = a3 <= b2 ? b2 : a2;
      const mid0 = Math.floor((a0 + a1) / 2);
      const mid1 = Math.floor((b0 + b1) / 2);
      out.push(Math.min(mid0, mid1), Math.max(mid0, mid1), gap0, gap1);
    }
    return Int32Array.from(out);
  }

  /** Columns of a label at x, w cells wide, left or right of every box and frame: each
   *  widens the picture (a width limit may then cut it), so a spot within them is better. */
  private outside(x: number, w: number): number {
    if (!this.span) {
      const boxes = [...this.placement.boxes.values(), ...this.placement.frames.values()];
      this.span = [minOf(boxes.map((r) => r.x), 0), maxOf(boxes.map((r) => r.x + r.w), 0)];
    }
    const [x0, x1] = this.span;
    return Math.max(0, x0 - x) + Math.max(0, x + w - x1);
  }
  /** the columns of the boxes and frames, left and right (outside()) */
  private span: [number, number] | null = null;

  /** An edge's line is drawn in cell x, y. */
  private isLine(x: number, y: number): boolean {
    return x >= 0 && y >= 0 && x < this.grid.w && y < this.grid.h && this.router.occ[y * this.grid.w + x] !== 0;
  }

  /** The drawing, cropped to what is drawn; a drawing `stopped` at its flaw bound as it is
   *  (drawOnce: nothing reads its picture). */
  finish(stopped = false): Drawn {
    const { grid } = this;
    const stuckTitles = this.clearTitles();
    const flawed = { unrouted: this.unrouted, unlabelled: this.unlabelled, crowded: this.crowded, crossings: this.crossings, order: this.order, strays: this.strays(), stuckTitles };
    if (stopped) return { grid, geometry: { boxes: this.placement.boxes, frames: this.placement.frames, edges: this.edgeGeometry }, ...flawed };
    let x0 = grid.w, y0 = grid.h, x1 = -1, y1 = -1;
    for (let y = 0; y < grid.h; y++) {
      for (let x = 0; x < grid.w; x++) {
        if (grid.isEmpty(x, y)) continue;
        x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
      }
    }
    // a family's member is cut from where its family's frames and boxes begin, drawn or not,
    // so its boxes stand where the others' do (what it leaves blank below and right is cut)
    let origin: { x: number; y: number } | undefined;
    if (this.model.layoutOf) {
      const rects = [...this.placement.boxes.values(), ...this.placement.frames.values()];
      const at = { x: minOf(rects.map((r) => r.x)), y: minOf(rects.map((r) => r.y)) };
      x0 = Math.min(x0, at.x);
      y0 = Math.min(y0, at.y);
      origin = { x: at.x - x0, y: at.y - y0 };
    }
    if (x1 < 0) [x0, y0, x1, y1] = [0, 0, -1, -1];
    const cropped = grid.crop(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    const shift = (r: CellRect): CellRect => ({ x: r.x - x0, y: r.y - y0, w: r.w, h: r.h });
    const geometry: FlowGeometry = {
      boxes: new Map([...this.placement.boxes].flatMap(([id, r]) => (this.draws(id) ? [[id, shift(r)] as const] : []))),
      frames: new Map([...this.placement.frames].flatMap(([id, r]) => (this.draws(id) ? [[id, shift(r)] as const] : []))),
      edges: new Map([...this.edgeGeometry].map(([id, g]) => [id, { cells: g.cells.map(([x, y]) => [x - x0, y - y0] as [number, number]), label: g.label && shift(g.label) }])),
    };
    return { grid: cropped, geometry, ...(origin && { origin }), ...flawed };
  }

  /** Labels with another edge's line a cell beyond one of their ends (Drawn.strays). */
  private strays(): [string, string][] {
    return straysOf({ edges: this.edgeGeometry }, this.grid.w);
  }
}

/** Labels with another edge's line a cell beyond one of their ends (Drawn.strays), on a grid `w` wide. */
function straysOf(geometry: Pick<FlowGeometry, 'edges'>, w: number): [string, string][] {
  const lineOf = new Map<number, string>();
  for (const [id, g] of geometry.edges) for (const [x, y] of g.cells) lineOf.set(y * w + x, id);
  const out: [string, string][] = [];
  for (const [id, g] of geometry.edges) {
    const label = g.label;
    if (!label) continue;
    for (let y = label.y; y < label.y + label.h; y++) {
      for (const x of [label.x - 2, label.x + label.w + 1]) {
        if (x < 0 || x >= w) continue;
        const other = lineOf.get(y * w + x);
        if (other !== undefined && other !== id && !out.some(([a, b]) => a === id && b === other)) out.push([id, other]);
      }
    }
  }
  return out;
}
