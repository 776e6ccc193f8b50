// Orthogonal edge routing on the cell grid: A* over (cell, heading) with a cost for
// every bend and crossing. Boxes, labels and arrowheads are walls; another edge may be
// crossed at right angles but never run along; a frame border is crossed straight
// through, cheaply when the edge has to (its end is inside), dearly otherwise. No edge
// runs in the cells right beside a border (it would read as a doubled border), and where
// an edge meets or crosses a border, the border cells beside it stay plain ('┴┴' and
// ASCII '++' read as corners).
import type { CellRect } from './types.js';

/** Headings: 0 up, 1 right, 2 down, 3 left. */
export const DX = [0, 1, 0, -1];
export const DY = [-1, 0, 1, 0];
export const opposite = (d: number) => (d + 2) & 3;

export interface Port {
  x: number;
  y: number;
  /** heading from the element's border into this cell */
  away: number;
  /** cells from the middle of its side: edges leave and arrive near the middle */
  offset: number;
}

export interface Route {
  cells: [number, number][];
  /** heading of the move into each cell (for the first cell: `away` of its port) */
  heading: number[];
  start: Port;
  end: Port;
  /** cells where this edge crosses another edge */
  crossings: Set<number>;
  /** true when the route had to run along or bend on another edge (no clean way existed) */
  relaxed: boolean;
}

const H_AXIS = 1;
const V_AXIS = 2;
const axisOf = (d: number) => (d === 1 || d === 3 ? H_AXIS : V_AXIS);

// costs, in quarter steps: a step is 4, so small preferences only break ties
const STEP = 4;
const BEND = 12;
/** crossing another edge: the usual price (a line goes at most a few cells round instead) */
export const CROSS_EDGE = 16;
/** the price when the usual one left lines crossing: a line goes a long way round instead
 *  (src/flow/render.ts draws once more with it and keeps the drawing with fewer crossings) */
export const CROSS_EDGE_DEAR = 200;
const CROSS_FRAME_NEEDED = 20;
const CROSS_FRAME_OTHER = 160;
const OFF_FLOW_SIDE = 4;
/** running right beside a frame border, or a box (whose side cells other edges need as ends) */
const HUG_FRAME = 2;
const HUG_BOX = 6;
const RELAXED = 120;
/** running right beside another edge: a blank cell between parallel lines where there is room */
const BESIDE_EDGE = 6;
const MAX_EXPANSIONS = 400_000;
const BIG_GRID = 6000;

/** Cells next to a rectangle's sides (corners left out), outside it or, for a frame seen from within, inside. */
export function portsOf(r: CellRect, inside: boolean, skipTop: (x: number) => boolean): Port[] {
  const ports: Port[] = [];
  const cx = r.x + (r.w - 1) / 2;
  const cy = r.y + (r.h - 1) / 2;
  // a cell of border between a port and the corner, except on a side too short to have one
  const inset = (n: number) => (n >= 3 ? 2 : 1);
  for (let x = r.x + inset(r.w - 2); x < r.x + r.w - inset(r.w - 2); x++) {
    const offset = Math.min(3, Math.floor(Math.abs(x - cx)));
    if (!skipTop(x)) ports.push({ x, y: inside ? r.y + 1 : r.y - 1, away: inside ? 2 : 0, offset });
    ports.push({ x, y: inside ? r.y + r.h - 2 : r.y + r.h, away: inside ? 0 : 2, offset });
  }
  for (let y = r.y + inset(r.h - 2); y < r.y + r.h - inset(r.h - 2); y++) {
    const offset = Math.min(3, Math.floor(Math.abs(y - cy)));
    ports.push({ x: inside ? r.x + 1 : r.x - 1, y, away: inside ? 1 : 3, offset });
    ports.push({ x: inside ? r.x + r.w - 2 : r.x + r.w, y, away: inside ? 3 : 1, offset });
  }
  return ports;
}

/** A search's state per (cell, heading): its cost so far, where it came from, and the stamp of
 *  the search that saw it last (so nothing is cleared between searches). */
interface Scratch {
  cells: number;
  g: Int32Array;
  from: Int32Array;
  seen: Uint32Array;
  /** the estimate a state was pushed with (a state popped at another priority is stale) */
  est: Int32Array;
  endMark: Uint32Array;
  stamp: number;
}

/** Grids up to this many cells share one scratch (some 50 bytes a cell, kept for the next
 *  drawing: a fitting draws a diagram ten times or more); a larger one gets its own, let go after. */
const SHARED_CELLS = 40_000;
let shared: Scratch | null = null;

function newScratch(cells: number): Scratch {
  return { cells, g: new Int32Array(cells * 4), from: new Int32Array(cells * 4), seen: new Uint32Array(cells * 4), est: new Int32Array(cells * 4), endMark: new Uint32Array(cells), stamp: 0 };
}

function scratchFor(cells: number): Scratch {
  if (cells > SHARED_CELLS) return newScratch(cells);
  if (!shared || shared.cells < cells) shared = newScratch(Math.max(cells, shared?.cells ?? 0));
  return shared;
}

function nextStamp(s: Scratch): number {
  if (s.stamp === 0xffffffff) {
    s.seen.fill(0);
    s.endMark.fill(0);
    s.stamp = 0;
  }
  return ++s.stamp;
}

export class Router {
  /** walls: boxes, labels, arrowheads, frame corners and titles */
  readonly blocked: Uint8Array;
  /** axes already used by edges in each cell */
  readonly occ: Uint8Array;
  /** frame borders: the frame's number + 1, and which axis may cross it */
  readonly frame: Int32Array;
  readonly frameCrossAxis: Uint8Array;
  /** extra cost of the cells next to a box or frame border */
  readonly near: Uint8Array;
  /** cells right beside a horizontal (top, bottom) or vertical (left, right) border, where no edge may run along it */
  readonly besideH: Uint8Array;
  readonly besideV: Uint8Array;
  private readonly g: Int32Array;
  private readonly from: Int32Array;
  private readonly seen: Uint32Array;
  private readonly est: Int32Array;
  /** cells that end the current search carry its stamp */
  private readonly endMark: Uint32Array;
  private readonly scratch: Scratch;

  constructor(
    readonly w: number,
    readonly h: number,
    /** search steps left for the whole rendering, shared by every router it makes */
    readonly budget: { steps: number },
    /** what crossing another edge costs (CROSS_EDGE, or CROSS_EDGE_DEAR) */
    readonly crossEdge = CROSS_EDGE,
  ) {
    const n = w * h;
    this.blocked = new Uint8Array(n);
    this.occ = new Uint8Array(n);
    this.frame = new Int32Array(n);
    this.frameCrossAxis = new Uint8Array(n);
    this.near = new Uint8Array(n);
    this.besideH = new Uint8Array(n);
    this.besideV = new Uint8Array(n);
    this.scratch = scratchFor(n);
    ({ g: this.g, from: this.from, seen: this.seen, est: this.est, endMark: this.endMark } = this.scratch);
  }

  /** A router of the same walls, borders and occupied cells, for another drawing. */
  copy(budget: { steps: number }, crossEdge: number): Router {
    const out = new Router(this.w, this.h, budget, crossEdge);
    out.blocked.set(this.blocked);
    out.occ.set(this.occ);
    out.frame.set(this.frame);
    out.frameCrossAxis.set(this.frameCrossAxis);
    out.near.set(this.near);
    out.besideH.set(this.besideH);
    out.besideV.set(this.besideV);
    return out;
  }

  /** A frame corner: a wall, and the border cells on either side of it are not crossed. */
  corner(x: number, y: number, dx: number, dy: number): void {
    const { w } = this;
    this.blocked[y * w + x] = 1;
    for (const [nx, ny] of [[x + dx, y], [x, y + dy]]) {
      if (nx < 0 || ny < 0 || nx >= w || ny >= this.h) continue;
      this.frameCrossAxis[ny * w + nx] = 0;
    }
  }

  /** Marks the cells beside a rectangle's sides: outside it, and for a frame inside it too. */
  beside(r: CellRect, frame: boolean): void {
    const mark = (a: Uint8Array, x: number, y: number) => {
      if (x >= 0 && y >= 0 && x < this.w && y < this.h) a[y * this.w + x] = 1;
    };
    for (let x = r.x; x < r.x + r.w; x++) {
      mark(this.besideH, x, r.y - 1);
      mark(this.besideH, x, r.y + r.h);
      if (frame) {
        mark(this.besideH, x, r.y + 1);
        mark(this.besideH, x, r.y + r.h - 2);
      }
    }
    for (let y = r.y; y < r.y + r.h; y++) {
      mark(this.besideV, r.x - 1, y);
      mark(this.besideV, r.x + r.w, y);
      if (frame) {
        mark(this.besideV, r.x + 1, y);
        mark(this.besideV, r.x + r.w - 2, y);
      }
    }
  }

  wall(r: CellRect): void {
    for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) this.blocked[y * this.w + x] = 1;
  }

  /** Prices the cells around every box and frame border (call once they are all in place). */
  markNear(): void {
    const { w, h } = this;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const k = y * w + x;
        if (!this.blocked[k] && !this.frame[k]) continue;
        const cost = this.frame[k] ? HUG_FRAME : HUG_BOX;
        for (let d = 0; d < 4; d++) {
          const nx = x + DX[d];
          const ny = y + DY[d];
          if (nx >= 0 && ny >= 0 && nx < w && ny < h) this.near[ny * w + nx] = Math.max(this.near[ny * w + nx], cost);
        }
      }
    }
  }

  /**
   * Finds a route from one of `starts` to one of `ends` (arriving heading into the end's element).
   * `needed`: frame numbers the edge must cross. `flow`: the heading the diagram flows in.
   * `within`: the cells the route may use (all unless given): a search that finds no way
   * looks at every cell it may reach, so a short edge (a loop) is kept near its box.
   */
  route(starts: Port[], ends: Port[], needed: Set<number>, flow: number, within?: CellRect): Route | null {
    return this.search(starts, ends, needed, flow, false, within) ?? this.search(starts, ends, needed, flow, true, within);
  }

  private search(starts: Port[], ends: Port[], needed: Set<number>, flow: number, relaxed: boolean, within?: CellRect): Route | null {
    // the arrays in locals: this loop runs some 100 000 times for a big diagram
    const { w, h, blocked, occ, frame, frameCrossAxis, near, besideH, besideV, g, from, seen, est, budget, crossEdge } = this;
    const x0 = within ? Math.max(0, within.x) : 0;
    const y0 = within ? Math.max(0, within.y) : 0;
    const x1 = within ? Math.min(w, within.x + within.w) : w;
    const y1 = within ? Math.min(h, within.y + within.h) : h;
    const stamp = nextStamp(this.scratch);
    const endHeading = new Map<number, Port>();
    const { endMark } = this;
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (const p of ends) {
      const k = p.y * w + p.x;
      if (p.x < 0 || p.y < 0 || p.x >= w || p.y >= h || blocked[k] || occ[k] || frame[k]) continue;
      endHeading.set(k, p);
      endMark[k] = stamp;
      minX = Math.min(minX, p.x); maxX = Math.max(maxX, p.x); minY = Math.min(minY, p.y); maxY = Math.max(maxY, p.y);
    }
    if (!endHeading.size) return null;
    // distance to the box of end cells, plus a bend when they are not straight ahead;
    // on a big grid the estimate counts double: routes a little less tidy, found much faster
    const weight = w * h > BIG_GRID ? 2 : 1;
    // (estimate(), a function of the module's given the box, not a closure over it: the
    // loop below calls it for every state it pushes)
    heap.clear();
    const startOf = new Map<number, Port>();
    for (const p of starts) {
      const k = p.y * w + p.x;
      if (p.x < 0 || p.y < 0 || p.x >= w || p.y >= h || blocked[k] || occ[k] || frame[k]) continue;
      const s = k * 4 + p.away;
      const cost = (p.away === flow ? 0 : OFF_FLOW_SIDE) + p.offset;
      if (seen[s] === stamp && g[s] <= cost) continue;
      seen[s] = stamp;
      g[s] = cost;
      from[s] = -1;
      startOf.set(s, p);
      est[s] = estimate(p.x, p.y, p.away, minX, maxX, minY, maxY, weight);
      heap.push(cost + est[s], s);
    }
    let expansions = 0;
    const cells = occ.length;
    // the budget's steps in a local while the loop runs (written back on every way out)
    let steps = budget.steps;
    while (heap.size) {
      const s = heap.pop();
      const cost = g[s];
      // pushed before a cheaper way to it was found, and expanded at that cost since: its
      // neighbours have their costs from then (nothing to do but count it, as before)
      if (heap.popped !== cost + est[s]) {
        if (++expansions > MAX_EXPANSIONS || --steps < 0) {
          budget.steps = steps;
          return null;
        }
        continue;
      }
      const k = s >> 2;
      const d = s & 3;
      if (endMark[k] === stamp) {
        const end = endHeading.get(k)!;
        if (d === opposite(end.away)) {
          budget.steps = steps;
          return this.trace(s, startOf, end, relaxed);
        }
      }
      if (++expansions > MAX_EXPANSIONS || --steps < 0) {
        budget.steps = steps;
        return null;
      }
      const x = k % w;
      const y = (k - x) / w;
      // a bend makes this cell a corner: it must be a cell no other edge uses
      const bend = frame[k] || (occ[k] && !relaxed) ? -1 : occ[k] ? BEND + RELAXED : BEND;
      const hereH = besideH[k];
      const hereV = besideV[k];
      const back = opposite(d);
      for (let nd = 0; nd < 4; nd++) {
        if (nd === back) continue;
        let c = cost + STEP;
        if (nd !== d) {
          if (bend < 0) continue;
          c += bend;
        }
        const nx = x + DX[nd];
        const ny = y + DY[nd];
        if (nx < x0 || ny < y0 || nx >= x1 || ny >= y1) continue;
        const nk = ny * w + nx;
        if (blocked[nk]) continue;
        const axis = axisOf(nd);
        if (axis === H_AXIS ? hereH && besideH[nk] : hereV && besideV[nk]) continue;
        const o = occ[nk];
        if (o) {
          if (o & axis) {
            if (!relaxed) continue;
            c += RELAXED;
          } else c += crossEdge;
        }
        const f = frame[nk];
        if (f) {
          if (frameCrossAxis[nk] !== axis) continue;
          c += needed.has(f - 1) ? CROSS_FRAME_NEEDED : CROSS_FRAME_OTHER;
        }
        c += near[nk];
        // another edge running alongside, one cell over
        const side = axis === H_AXIS ? w : 1;
        if ((nk >= side && occ[nk - side] & axis) || (nk + side < cells && occ[nk + side] & axis)) c += BESIDE_EDGE;
        if (endMark[nk] === stamp) {
          const arrival = endHeading.get(nk)!;
          if (nd === opposite(arrival.away)) c += arrival.offset + (arrival.away === opposite(flow) ? 0 : OFF_FLOW_SIDE);
        }
        const ns = nk * 4 + nd;
        if (seen[ns] === stamp && g[ns] <= c) continue;
        seen[ns] = stamp;
        g[ns] = c;
        from[ns] = s;
        const e = estimate(nx, ny, nd, minX, maxX, minY, maxY, weight);
        est[ns] = e;
        heap.push(c + e, ns);
      }
    }
    budget.steps = steps;
    return null;
  }

  private trace(s: number, startOf: Map<number, Port>, end: Port, relaxed: boolean): Route {
    const cells: [number, number][] = [];
    const heading: number[] = [];
    let cur = s;
    let first = s;
    while (cur !== -1) {
      const k = cur >> 2;
      cells.push([k % this.w, Math.floor(k / this.w)]);
      heading.push(cur & 3);
      first = cur;
      cur = this.from[cur];
    }
    cells.reverse();
    heading.reverse();
    const crossings = new Set<number>();
    for (let i = 0; i < cells.length; i++) {
      const k = cells[i][1] * this.w + cells[i][0];
      if (this.occ[k]) crossings.add(k);
    }
    return { cells, heading, start: startOf.get(first)!, end, crossings, relaxed };
  }

  /** Marks a drawn route: straight cells use one axis, corners both; its two ends become walls,
   *  and no other edge meets or crosses a border right beside where this one does. */
  occupy(route: Route): void {
    const { cells, heading } = route;
    const { w } = this;
    for (let i = 0; i < cells.length; i++) {
      const k = cells[i][1] * w + cells[i][0];
      const inAxis = axisOf(heading[i]);
      const outAxis = i + 1 < cells.length ? axisOf(heading[i + 1]) : inAxis;
      this.occ[k] |= inAxis | outAxis;
      // a frame crossing: the border cells beside it, and the cells on either side of those
      if (this.frame[k]) this.keepPlain(cells[i][0], cells[i][1], heading[i]);
    }
    for (const [[x, y], away] of [[cells[0], route.start.away], [cells[cells.length - 1], route.end.away]] as const) {
      this.blocked[y * w + x] = 1;
      this.keepPlain(x - DX[away], y - DY[away], away);
    }
  }

  /** The border cells on either side of (x, y), which an edge crosses or meets heading `d`:
   *  no edge crosses them, and the cells before and after them end no edge. */
  private keepPlain(x: number, y: number, d: number): void {
    const along = (d + 1) & 3;
    for (const s of [1, -1]) {
      const bx = x + s * DX[along];
      const by = y + s * DY[along];
      for (const t of [-1, 0, 1]) {
        const cx = bx + t * DX[d];
        const cy = by + t * DY[d];
        if (cx < 0 || cy < 0 || cx >= this.w || cy >= this.h) continue;
        const k = cy * this.w + cx;
        if (t === 0) this.frameCrossAxis[k] = 0;
        else if (!this.occ[k]) this.blocked[k] = 1;
      }
    }
  }
}

/** The search's estimate from (x, y) heading d to the box of end cells (minX..maxX,
 *  minY..maxY): its distance, plus a bend when they are not straight ahead, times `weight`. */
function estimate(x: number, y: number, d: number, minX: number, maxX: number, minY: number, maxY: number, weight: number): number {
  const dx = x < minX ? minX - x : x > maxX ? x - maxX : 0;
  const dy = y < minY ? minY - y : y > maxY ? y - maxY : 0;
  const ahead = d === 0 ? dx === 0 && y >= minY : d === 2 ? dx === 0 && y <= maxY : d === 1 ? dy === 0 && x <= maxX : dy === 0 && x >= minX;
  return weight * (STEP * (dx + dy) + (ahead ? 0 : BEND));
}

/** A binary heap of (priority, value) with integer priorities, in typed arrays grown as
 *  needed and kept for the next search (a drawing makes one per edge, a fitting dozens of
 *  drawings). `pri` of the value last popped is `popped`. */
class MinHeap {
  private pri = new Int32Array(1024);
  private val = new Int32Array(1024);
  size = 0;
  popped = 0;
  clear(): void {
    this.size = 0;
  }
  push(p: number, v: number): void {
    if (this.size === this.pri.length) {
      const pri = new Int32Array(this.size * 2);
      const val = new Int32Array(this.size * 2);
      pri.set(this.pri);
      val.set(this.val);
      this.pri = pri;
      this.val = val;
    }
    const pri = this.pri;
    const val = this.val;
    let i = this.size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (pri[up] <= p) break;
      pri[i] = pri[up];
      val[i] = val[up];
      i = up;
    }
    pri[i] = p;
    val[i] = v;
  }
  pop(): number {
    const pri = this.pri;
    const val = this.val;
    const top = val[0];
    this.popped = pri[0];
    const n = --this.size;
    const lp = pri[n];
    const lv = val[n];
    if (n) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && pri[c + 1] < pri[c]) c++;
        if (pri[c] >= lp) break;
        pri[i] = pri[c];
        val[i] = val[c];
        i = c;
      }
      pri[i] = lp;
      val[i] = lv;
    }
    return top;
  }
}

const heap = new MinHeap();
