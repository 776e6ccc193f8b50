// Layered layout on a cell grid. Each subgraph is laid out on its own (in its own
// direction) and then stands in its parent as one block, so a frame always holds its
// members together and never overlaps anything else. Inside every container: break
// cycles, rank by longest path, order ranks by barycentre sweeps, then place.
import { maxOf, minOf } from './numbers.js';
import type { CellRect, Direction, FlowModel } from './types.js';

export interface Spacing {
  /** cells between neighbours within a rank, across the flow */
  crossGap: number;
  /** rows between ranks in TD/BT: without and with edge labels */
  rowGap: number;
  rowGapLabel: number;
  /** columns between ranks in LR/RL, added to the widest edge label there */
  colGap: number;
  /** room inside a frame around its content: columns, rows (the top row holds the title) */
  padX: number;
  padY: number;
  /** ports a box keeps per edge that meets it (a busy node gets longer sides) */
  perEdge: number;
}

export const NORMAL: Spacing = { crossGap: 4, rowGap: 2, rowGapLabel: 3, colGap: 6, padX: 3, padY: 1, perEdge: 1 };
export const TIGHT: Spacing = { crossGap: 2, rowGap: 2, rowGapLabel: 3, colGap: 4, padX: 2, padY: 1, perEdge: 1 };

/** More room everywhere: for when some edge or label found no way through. */
export function roomier(s: Spacing): Spacing {
  return { crossGap: s.crossGap + 2, rowGap: s.rowGap + 1, rowGapLabel: s.rowGapLabel + 1, colGap: s.colGap + 2, padX: s.padX + 1, padY: s.padY + 1, perEdge: s.perEdge + 0.5 };
}

export interface LayoutInput {
  model: FlowModel;
  /** the box size of every node (from its wrapped label) */
  nodeSize: Map<string, { w: number; h: number }>;
  /** cell width of every edge label, by edge id */
  edgeLabelWidth: Map<string, number>;
  /** rows of every edge label wrapped onto more than one, by edge id (one if absent) */
  edgeLabelRows?: Map<string, number>;
  titleWidth: Map<string, number>;
  spacing: Spacing;
  /** the direction actually used for a container (after any switch to fit) */
  directionOf(subgraph: string | null): Direction;
  /** when set, a rank of a top-down container wider than this many cells wraps onto the next ranks */
  wrapAt?: number;
  /** a line passing a rank goes between the boxes there that share its source, not after them (passBetween) */
  passMiddle?: boolean;
}

export interface Placement {
  boxes: Map<string, CellRect>;
  frames: Map<string, CellRect>;
  width: number;
  height: number;
}

/** Free cells around the whole picture so edges can go round it. */
export const MARGIN = 2;

interface Block {
  w: number;
  h: number;
  /** top-left corners of every node box and frame inside, relative to the block */
  pos: Map<string, { x: number; y: number }>;
}

export function layout(input: LayoutInput): Placement {
  const { model } = input;
  const parentOf = new Map<string, string | null>();
  const subgraph = new Map(model.subgraphs.map((s) => [s.id, s]));
  for (const n of model.nodes) parentOf.set(n.id, null);
  for (const s of model.subgraphs) {
    parentOf.set(s.id, s.parent);
    for (const m of s.members) if (!subgraph.has(m)) parentOf.set(m, s.id);
  }
  const size = new Map<string, { w: number; h: number }>(input.nodeSize);
  const { padX: PAD_X, padY: PAD_Y } = input.spacing;
  const blocks = new Map<string, Block>();

  /** The item directly inside `container` that holds `id`, or null when `id` is outside it. */
  const rep = (id: string, container: string | null): string | null => {
    let cur = id;
    for (;;) {
      const p = parentOf.get(cur) ?? null;
      if (p === container) return cur;
      if (p === null) return null;
      cur = p;
    }
  };

  const layoutContainer = (container: string | null): Block => {
    const items: string[] = container === null
      ? [...model.nodes.filter((n) => parentOf.get(n.id) === null).map((n) => n.id), ...model.subgraphs.filter((s) => s.parent === null).map((s) => s.id)]
      : subgraph.get(container)!.members;
    const itemSet = new Set(items);
    const index_ = (id: string) => itemSet.has(id);
    for (const id of items) {
      if (!subgraph.has(id)) continue;
      const inner = layoutContainer(id);
      blocks.set(id, inner);
      const titleW = input.titleWidth.get(id) ?? 0;
      size.set(id, { w: Math.max(inner.w + 2 * (1 + PAD_X), titleW + 6), h: inner.h + 2 * (1 + PAD_Y) });
    }
    const dir = input.directionOf(container);
    const horizontal = dir === 'LR' || dir === 'RL';
    // a self-loop goes round the right side (TD) or under (LR) of its box: keep room there
    const loopRoom = new Map<string, number>();
    for (const e of model.edges) {
      if (e.from !== e.to || !index_(e.from)) continue;
      const room = horizontal ? 2 : 3 + (e.label ? (input.edgeLabelWidth.get(e.id) ?? 0) + 1 : 0);
      loopRoom.set(e.from, Math.max(loopRoom.get(e.from) ?? 0, room));
    }
    const main = (id: string) => (horizontal ? size.get(id)!.w : size.get(id)!.h);
    const cross = (id: string) => (horizontal ? size.get(id)!.h : size.get(id)!.w) + (loopRoom.get(id) ?? 0);

    // edges between items of this container (inner ends replaced by the item that holds them)
    const index = new Map(items.map((id, i) => [id, i]));
    const links: { a: number; b: number; labelW: number; labelH: number }[] = [];
    for (const e of model.edges) {
      const a = rep(e.from, container);
      const b = rep(e.to, container);
      if (a === null || b === null || a === b) continue;
      links.push({ a: index.get(a)!, b: index.get(b)!, labelW: e.label ? (input.edgeLabelWidth.get(e.id) ?? 0) : 0, labelH: input.edgeLabelRows?.get(e.id) ?? 1 });
    }
    const n = items.length;
    const dag = breakCycles(n, links);
    const rank = longestPathRanks(n, dag);
    if (input.wrapAt !== undefined && !horizontal) wrapRanks(rank, dag, (i) => cross(items[i]), input.spacing.crossGap, input.wrapAt);
    const ranks = rank.length ? maxOf(rank) + 1 : 0;

    // layers with one-cell dummies where an edge skips ranks, keeping a lane free for it
    const layers: number[][] = Array.from({ length: ranks }, () => []);
    for (let i = 0; i < n; i++) layers[rank[i]].push(i);
    const crossSize: number[] = items.map(cross);
    const pairs: [number, number][] = [];
    for (const [a, b] of dag) {
      let prev = a;
      for (let r = rank[a] + 1; r < rank[b]; r++) {
        const d = crossSize.length;
        crossSize.push(1);
        layers[r].push(d);
        pairs.push([prev, d]);
        prev = d;
      }
      pairs.push([prev, b]);
    }
    if (input.passMiddle) passBetween(layers, pairs, n);
    const crossPos = placeParts(layers, pairs, crossSize, input.spacing.crossGap);

    // along the flow: each rank as thick as its thickest item, gaps sized for labels
    const thickness = layers.map((layer) => maxOf(layer.filter((i) => i < n).map((i) => main(items[i])), 0));
    const gapLabel: number[] = new Array(Math.max(0, ranks - 1)).fill(0);
    const gapHasLabel: boolean[] = new Array(Math.max(0, ranks - 1)).fill(false);
    // a wrapped label beside a line of a top-down gap needs its rows there
    const gapLabelRows: number[] = new Array(Math.max(0, ranks - 1)).fill(1);
    for (const l of links) {
      if (!l.labelW) continue;
      const r = Math.min(rank[l.a], rank[l.b]);
      if (r >= gapLabel.length || rank[l.a] === rank[l.b]) continue;
      gapHasLabel[r] = true;
      gapLabel[r] = Math.max(gapLabel[r], l.labelW);
      gapLabelRows[r] = Math.max(gapLabelRows[r], l.labelH);
    }
    // many edges meeting one node from the rank before (or leaving one for the next) need
    // rows in the gap to turn in without running along each other: one for each two of them
    const fan: number[] = new Array(Math.max(0, ranks - 1)).fill(0);
    const arrivals = new Map<number, number>();
    const departures = new Map<number, number>();
    for (const [a, b] of dag) {
      arrivals.set(b, (arrivals.get(b) ?? 0) + 1);
      departures.set(a, (departures.get(a) ?? 0) + 1);
    }
    for (const [v, k] of arrivals) if (rank[v] > 0) fan[rank[v] - 1] = Math.max(fan[rank[v] - 1], Math.ceil(k / 2) - 1);
    for (const [v, k] of departures) if (rank[v] < ranks - 1) fan[rank[v]] = Math.max(fan[rank[v]], Math.ceil(k / 2) - 1);
    // an edge that cannot drop straight from one rank to the next turns in the gap, on a
    // row of its own: the rows right beside the boxes are theirs (no line runs along a border)
    if (!horizontal) {
      const layerOf: number[] = [];
      layers.forEach((layer, r) => layer.forEach((v) => (layerOf[v] = r)));
      const ports = (v: number): [number, number] => (v < n ? [crossPos[v] + 2, crossPos[v] + size.get(items[v])!.w - 3] : [crossPos[v], crossPos[v]]);
      for (const [a, b] of pairs) {
        const [a0, a1] = ports(a);
        const [b0, b1] = ports(b);
        const gap = Math.min(layerOf[a], layerOf[b]);
        if ((a1 < b0 || b1 < a0) && gap < fan.length && fan[gap] === 0) fan[gap] = 1;
      }
    }
    const s = input.spacing;
    const mainPos: number[] = [];
    let at = 0;
    for (let r = 0; r < ranks; r++) {
      mainPos.push(at);
      at += thickness[r];
      if (r < ranks - 1) at += fan[r] + (horizontal ? s.colGap + gapLabel[r] : gapHasLabel[r] ? s.rowGapLabel + gapLabelRows[r] - 1 : s.rowGap);
    }
    const mainExtent = at;
    let crossExtent = 0;
    for (let i = 0; i < crossSize.length; i++) crossExtent = Math.max(crossExtent, crossPos[i] + crossSize[i]);
    // across a TD flow, a label sits beside its edge's line, a cell away on either side of
    // it: the container must be wide enough for that from its middle (render.ts, label)
    if (!horizontal) {
      const within = (id: string) => id === container || rep(id, container) !== null;
      let widest = 0;
      for (const e of model.edges) if (e.label && within(e.from) && within(e.to)) widest = Math.max(widest, 2 * ((input.edgeLabelWidth.get(e.id) ?? 0) + 3) + 1);
      if (widest > crossExtent) {
        const shift = Math.floor((widest - crossExtent) / 2);
        for (let i = 0; i < crossPos.length; i++) crossPos[i] += shift;
        crossExtent = widest;
      }
    }

    const pos = new Map<string, { x: number; y: number }>();
    const reverse = dir === 'BT' || dir === 'RL';
    items.forEach((id, i) => {
      let m = mainPos[rank[i]] + Math.floor((thickness[rank[i]] - main(id)) / 2);
      if (reverse) m = mainExtent - m - main(id);
      const x = horizontal ? m : crossPos[i];
      const y = horizontal ? crossPos[i] : m;
      pos.set(id, { x, y });
      const inner = blocks.get(id);
      if (inner) {
        const frameW = size.get(id)!.w;
        const dx = x + 1 + PAD_X + Math.floor((frameW - inner.w - 2 * (1 + PAD_X)) / 2);
        const dy = y + 1 + PAD_Y;
        for (const [k, p] of inner.pos) pos.set(k, { x: p.x + dx, y: p.y + dy });
      }
    });
    return horizontal ? { w: mainExtent, h: crossExtent, pos } : { w: crossExtent, h: mainExtent, pos };
  };

  const root = layoutContainer(null);
  const boxes = new Map<string, CellRect>();
  const frames = new Map<string, CellRect>();
  for (const [id, p] of root.pos) {
    const { w, h } = size.get(id)!;
    (subgraph.has(id) ? frames : boxes).set(id, { x: p.x + MARGIN, y: p.y + MARGIN, w, h });
  }
  return { boxes, frames, width: root.w + 2 * MARGIN, height: root.h + 2 * MARGIN };
}

/** Edges as a DAG: a depth-first search in declaration order turns back edges around. */
function breakCycles(n: number, links: { a: number; b: number }[]): [number, number][] {
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const l of links) out[l.a].push(l.b);
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const back = new Set<string>();
  for (let s = 0; s < n; s++) {
    if (state[s]) continue;
    const stack: [number, number][] = [[s, 0]];
    state[s] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1];
      const [v, k] = top;
      if (k >= out[v].length) {
        state[v] = 2;
        stack.pop();
        continue;
      }
      top[1]++;
      const w = out[v][k];
      if (state[w] === 1) back.add(`${v},${w}`);
      else if (state[w] === 0) {
        state[w] = 1;
        stack.push([w, 0]);
      }
    }
  }
  const seen = new Set<string>();
  const dag: [number, number][] = [];
  for (const l of links) {
    const [a, b] = back.has(`${l.a},${l.b}`) ? [l.b, l.a] : [l.a, l.b];
    const key = `${a},${b}`;
    if (seen.has(key)) continue;
    seen.add(key);
    dag.push([a, b]);
  }
  return dag;
}

/** Moves the items that overflow a rank wider than `max` to the next rank (and what follows
 *  them further down), so a wide fan-out or a row of separate parts wraps like text. */
function wrapRanks(rank: number[], dag: [number, number][], widthOf: (i: number) => number, gap: number, max: number): void {
  const out: number[][] = rank.map(() => []);
  for (const [a, b] of dag) out[a].push(b);
  const push = (v: number) => {
    const stack = [v];
    while (stack.length) {
      const u = stack.pop()!;
      for (const w of out[u]) {
        if (rank[w] > rank[u]) continue;
        rank[w] = rank[u] + 1;
        stack.push(w);
      }
    }
  };
  for (let r = 0; r <= maxOf(rank, 0); r++) {
    let used = 0;
    for (let i = 0; i < rank.length; i++) {
      if (rank[i] !== r) continue;
      const w = widthOf(i);
      if (used > 0 && used + w > max) {
        rank[i] = r + 1;
        push(i);
      } else used += w + gap;
    }
  }
}

/** Longest path from the sources; then each source moves down next to its nearest successor. */
function longestPathRanks(n: number, dag: [number, number][]): number[] {
  const indeg = new Array(n).fill(0);
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of dag) {
    out[a].push(b);
    indeg[b]++;
  }
  const rank = new Array(n).fill(0);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indeg[i] === 0) queue.push(i);
  const topo: number[] = [];
  while (queue.length) {
    const v = queue.shift()!;
    topo.push(v);
    for (const w of out[v]) {
      rank[w] = Math.max(rank[w], rank[v] + 1);
      if (--indeg[w] === 0) queue.push(w);
    }
  }
  const hasIn = new Array(n).fill(false);
  for (const [, b] of dag) hasIn[b] = true;
  for (let k = topo.length - 1; k >= 0; k--) {
    const v = topo[k];
    if (!hasIn[v] && out[v].length) rank[v] = minOf(out[v].map((w) => rank[w])) - 1;
  }
  return rank;
}

function countCrossings(layers: number[][], pairs: [number, number][], posOf: number[], layerOf: number[]): number {
  const byLayer = new Map<number, [number, number][]>();
  for (const [a, b] of pairs) {
    const l = layerOf[a];
    if (!byLayer.has(l)) byLayer.set(l, []);
    byLayer.get(l)!.push([posOf[a], posOf[b]]);
  }
  let crossings = 0;
  for (const list of byLayer.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if ((list[i][0] - list[j][0]) * (list[i][1] - list[j][1]) < 0) crossings++;
      }
    }
  }
  return crossings;
}

/** Orders and places each connected part on its own, then sets the parts side by side
 *  across the flow, a gap apart: no part is pushed off by the centring of another. */
function placeParts(layers: number[][], pairs: [number, number][], sizes: number[], gap: number): number[] {
  const part = sizes.map((_, i) => i);
  const find = (v: number): number => {
    while (part[v] !== v) v = part[v] = part[part[v]];
    return v;
  };
  for (const [a, b] of pairs) part[find(a)] = find(b);
  const order: number[] = [];
  const members = new Map<number, number[][]>();
  layers.forEach((layer, r) => {
    for (const v of layer) {
      const root = find(v);
      if (!members.has(root)) {
        members.set(root, layers.map(() => []));
        order.push(root);
      }
      members.get(root)![r].push(v);
    }
  });
  const pos = new Array(sizes.length).fill(0);
  // where each rank's row ends so far: a part goes right of every part in the ranks it spans
  const end = layers.map(() => 0);
  for (const root of order.sort((a, b) => a - b)) {
    const own = members.get(root)!;
    const spans = own.map((l, r) => (l.length ? r : -1)).filter((r) => r >= 0);
    const offset = maxOf(spans.map((r) => end[r]), 0);
    const ownPairs = pairs.filter(([a]) => find(a) === root);
    orderLayers(own, ownPairs, sizes.length);
    const placed = placeAcross(own, ownPairs, sizes, gap);
    const flat = own.flat();
    const start = minOf(flat.map((v) => placed[v]));
    let extent = 0;
    for (const v of flat) {
      pos[v] = placed[v] - start + offset;
      extent = Math.max(extent, placed[v] - start + sizes[v]);
    }
    for (let r = spans[0]; r <= spans[spans.length - 1]; r++) end[r] = offset + extent + gap;
  }
  return pos;
}

/** Each dummy (index `n` and up: a line passing the rank) moved to the middle of the boxes
 *  in its rank that share its one source: those boxes' lines then run either side of it
 *  and their labels stand outside them (sem's holders, either side of the lesson process's
 *  line to the set), where after them the nearer holder's label walled the other's way. */
function passBetween(layers: number[][], pairs: [number, number][], n: number): void {
  const up = new Map<number, number[]>();
  for (const [a, b] of pairs) up.set(b, [...(up.get(b) ?? []), a]);
  const source = (v: number) => (up.get(v)?.length === 1 ? up.get(v)![0] : null);
  for (const layer of layers) {
    for (const d of layer.filter((v) => v >= n)) {
      const from = source(d);
      if (from === null) continue;
      const siblings = layer.filter((v) => v < n && source(v) === from);
      if (siblings.length < 2) continue;
      layer.splice(layer.indexOf(d), 1);
      const mid = siblings[Math.floor(siblings.length / 2)];
      layer.splice(layer.indexOf(mid), 0, d);
    }
  }
}

/** Barycentre sweeps down and up; keeps the order with the fewest crossings. */
function orderLayers(layers: number[][], pairs: [number, number][], count: number): void {
  const up: number[][] = Array.from({ length: count }, () => []);
  const down: number[][] = Array.from({ length: count }, () => []);
  for (const [a, b] of pairs) {
    down[a].push(b);
    up[b].push(a);
  }
  const posOf = new Array(count).fill(0);
  const layerOf = new Array(count).fill(0);
  const index = () => layers.forEach((layer, r) => layer.forEach((v, i) => ((posOf[v] = i), (layerOf[v] = r))));
  index();
  let best = countCrossings(layers, pairs, posOf, layerOf);
  let bestLayers = layers.map((l) => [...l]);
  for (let iter = 0; iter < 8 && best > 0; iter++) {
    const downward = iter % 2 === 0;
    const order = downward ? layers.map((_, r) => r).slice(1) : layers.map((_, r) => r).reverse().slice(1);
    for (const r of order) {
      const bary = new Map<number, number>();
      for (const v of layers[r]) {
        const nb = downward ? up[v] : down[v];
        bary.set(v, nb.length ? nb.reduce((s, w) => s + posOf[w], 0) / nb.length : posOf[v]);
      }
      layers[r].sort((a, b) => bary.get(a)! - bary.get(b)! || posOf[a] - posOf[b]);
      layers[r].forEach((v, i) => (posOf[v] = i));
    }
    const c = countCrossings(layers, pairs, posOf, layerOf);
    if (c < best) {
      best = c;
      bestLayers = layers.map((l) => [...l]);
    }
  }
  bestLayers.forEach((l, r) => (layers[r] = l));
}

/** Positions across the flow: each item drawn toward the middle of its neighbours,
 *  never closer than `gap` to the next one in its rank. */
function placeAcross(layers: number[][], pairs: [number, number][], sizes: number[], gap: number): number[] {
  const up: number[][] = sizes.map(() => []);
  const down: number[][] = sizes.map(() => []);
  for (const [a, b] of pairs) {
    down[a].push(b);
    up[b].push(a);
  }
  const pos = new Array(sizes.length).fill(0);
  const widest = maxOf(layers.map((l) => l.reduce((s, v) => s + sizes[v] + gap, -gap)), 0);
  for (const layer of layers) {
    let x = (widest - layer.reduce((s, v) => s + sizes[v] + gap, -gap)) / 2;
    for (const v of layer) {
      pos[v] = x;
      x += sizes[v] + gap;
    }
  }
  const settle = (layer: number[], want: number[]) => {
    const m = layer.length;
    const fwd = want.slice();
    for (let i = 1; i < m; i++) fwd[i] = Math.max(fwd[i], fwd[i - 1] + sizes[layer[i - 1]] + gap);
    const bwd = want.slice();
    for (let i = m - 2; i >= 0; i--) bwd[i] = Math.min(bwd[i], bwd[i + 1] - sizes[layer[i]] - gap);
    layer.forEach((v, i) => (pos[v] = (fwd[i] + bwd[i]) / 2));
  };
  for (let iter = 0; iter < 6; iter++) {
    const downward = iter % 2 === 0;
    const order = downward ? layers : [...layers].reverse();
    for (const layer of order) {
      const want = layer.map((v) => {
        const nb = [...(downward ? up[v] : down[v]), ...(iter > 1 ? (downward ? down[v] : up[v]) : [])];
        if (!nb.length) return pos[v];
        const centre = nb.reduce((s, w) => s + pos[w] + sizes[w] / 2, 0) / nb.length;
        return centre - sizes[v] / 2;
      });
      settle(layer, want);
    }
  }
  const min = pos.length ? minOf(pos) : 0;
  return pos.map((p) => Math.floor(p - min));
}
