// A lesson's diagrams as one picture's frame: the union of their boxes, frames and edges,
// laid out once, so each of them draws its own parts where the union put them. A learner
// going from one diagram to the next sees the boxes stay put (parent-child's five flows
// moved the mapping and the processes with every step).
import type { Direction, FlowEdge, FlowModel, FlowNode, FlowSubgraph } from './types.js';

const OPPOSITE: Partial<Record<Direction, Direction>> = { TD: 'BT', TB: 'BT', BT: 'TD', LR: 'RL', RL: 'LR' };
const opposed = (a: Direction, b: Direction) => OPPOSITE[a] === b || OPPOSITE[b] === a;

/** The union of `models` (a lesson's diagrams, in order): a part takes its label, frame and
 *  direction from the first model that has it; every model's edges count, each in the
 *  direction the union's container flows (a bottom-up diagram's edges turned round when the
 *  union is top-down), so the ranks agree with every member; one edge per pair of parts.
 *  Only for laying out: a part's label is the widest any member gives it. */
export function familyModel(models: readonly FlowModel[]): FlowModel {
  const nodes = new Map<string, FlowNode>();
  const subgraphs = new Map<string, FlowSubgraph>();
  /** the frame each part sits in, from the first model that has it */
  const parentOf = new Map<string, string | null>();
  const edges: FlowEdge[] = [];
  const direction = models[0]?.direction ?? 'TD';
  const wider = (a: string, b: string) => (b.length > a.length ? b : a);
  /** edges between the items directly inside one container (a frame stands for what it holds) */
  const lifted: [string, string][] = [];
  const rep = (id: string, within: string | null) => {
    let at = id;
    while ((parentOf.get(at) ?? null) !== within && parentOf.get(at) != null) at = parentOf.get(at)!;
    return at;
  };
  for (const m of models) {
    const own = new Map<string, string | null>();
    for (const s of m.subgraphs) {
      own.set(s.id, s.parent);
      for (const id of s.members) own.set(id, s.id);
    }
    for (const s of m.subgraphs) {
      const had = subgraphs.get(s.id);
      subgraphs.set(s.id, had ? { ...had, title: wider(had.title, s.title) } : { ...s, members: [] });
      if (!parentOf.has(s.id)) parentOf.set(s.id, own.get(s.id) ?? null);
    }
    for (const n of m.nodes) {
      const had = nodes.get(n.id);
      nodes.set(n.id, had ? { ...had, label: wider(had.label, n.label) } : n);
      if (!parentOf.has(n.id)) parentOf.set(n.id, own.get(n.id) ?? null);
    }
    // the container an edge runs in: the innermost frame holding both its ends
    const chain = (id: string) => {
      const out: (string | null)[] = [];
      for (let p = own.get(id) ?? null; p !== null; p = own.get(p) ?? null) out.push(p);
      return [...out, null];
    };
    const flowOf = (sub: FlowModel, id: string | null): Direction => {
      if (id === null) return sub.direction;
      const s = sub.subgraphs.find((g) => g.id === id);
      return s?.direction ?? flowOf(sub, s?.parent ?? null);
    };
    const unionFlow = (id: string | null): Direction => {
      if (id === null) return direction;
      const s = subgraphs.get(id);
      return s?.direction ?? unionFlow(parentOf.get(id) ?? null);
    };
    for (const e of m.edges) {
      const toChain = chain(e.to);
      const within = chain(e.from).find((c) => toChain.includes(c)) ?? null;
      const turned = opposed(flowOf(m, within), unionFlow(within));
      let [from, to] = turned ? [e.to, e.from] : [e.from, e.to];
      // an edge against the ranks the earlier members set is laid out the other way round
      // (parent-child's read goes up from a segment the writes put below): the ranks are theirs
      const [a, b] = [rep(from, within), rep(to, within)];
      if (reaches(lifted, b, a)) [from, to] = [to, from];
      if (a !== b) lifted.push([rep(from, within), rep(to, within)]);
      // one edge per pair, its widest label: a box is as big as its busiest member needs
      const same = edges.findIndex((u) => u.from === from && u.to === to);
      const label = same < 0 ? e.label : wider(edges[same].label ?? '', e.label ?? '') || null;
      if (same < 0) edges.push({ ...e, id: `${from}->${to}`, from, to });
      else edges[same] = { ...edges[same], label };
    }
  }
  for (const [id, s] of subgraphs) s.parent = parentOf.get(id) ?? null;
  for (const [id, p] of parentOf) if (p !== null) subgraphs.get(p)?.members.push(id);
  return { direction, nodes: [...nodes.values()], edges, subgraphs: [...subgraphs.values()] };
}

/** Whether `edges` lead from `a` to `b`. */
function reaches(edges: readonly (readonly [string, string])[], a: string, b: string): boolean {
  if (a === b) return false;
  const seen = new Set([a]);
  const todo = [a];
  while (todo.length > 0) {
    const at = todo.pop()!;
    for (const [from, to] of edges) {
      if (from !== at || seen.has(to)) continue;
      if (to === b) return true;
      seen.add(to);
      todo.push(to);
    }
  }
  return false;
}

/** The diagrams of `names` drawn as one picture with `name`: those linked to it by sharing at
 *  least two boxes and half of the smaller one's (parent-child's five flows, serv-clnt's);
 *  diagrams of other things (a lesson's overview and its lifecycle) are laid out alone. */
export function familyOf(name: string, names: readonly string[], boxesOf: (name: string) => readonly string[]): string[] {
  const linked = (a: string, b: string) => {
    const [x, y] = [boxesOf(a), new Set(boxesOf(b))];
    const shared = x.filter((id) => y.has(id)).length;
    return shared >= 2 && 2 * shared >= Math.min(x.length, y.size);
  };
  const group = new Set([name]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const n of names) if (!group.has(n) && [...group].some((g) => linked(g, n))) grew = group.add(n) !== null;
  }
  return names.filter((n) => group.has(n));
}
