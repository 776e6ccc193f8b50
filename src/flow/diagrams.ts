// The notes' flows shipped in assets/diagrams/*.mmd, parsed and laid out once per
// (name, options): the TUI asks for its diagram on every redraw.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import { parseFlowchart } from './parse.js';
import { renderFlow } from './render.js';
import type { FlowModel, RenderOptions, Rendered } from './types.js';

const NAME = /^[a-z0-9][a-z0-9-]*$/;

function folder(): string {
  return join(packageRoot(), 'assets', 'diagrams');
}

/** Names of the shipped diagrams (assets/diagrams/NAME.mmd), sorted. */
export function diagramNames(): string[] {
  const dir = folder();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mmd'))
    .map((f) => f.slice(0, -4))
    .filter((n) => NAME.test(n))
    .sort();
}

/** The Mermaid source of a shipped diagram; throws an Error naming the known ones if there is none. */
export function diagramSource(name: string): string {
  const path = join(folder(), `${name}.mmd`);
  if (!NAME.test(name) || !existsSync(path)) throw new Error(`no diagram named '${name}' (known: ${diagramNames().join(', ')})`);
  return readFileSync(path, 'utf8');
}

const models = new Map<string, FlowModel>();
const renders = new Map<string, Rendered>();

function model(name: string): FlowModel {
  let m = models.get(name);
  if (!m) {
    m = parseFlowchart(diagramSource(name));
    models.set(name, m);
  }
  return m;
}

/** A shipped diagram rendered; the result is kept, so calling this on every redraw costs a lookup. */
export function renderDiagram(name: string, options: RenderOptions = {}): Rendered {
  const key = `${name}\0${options.width ?? ''}\0${options.ascii === true}`;
  let r = renders.get(key);
  if (!r) {
    r = renderFlow(model(name), options);
    // a few widths per diagram is all a session sees; forget the oldest beyond that
    if (renders.size >= 64) renders.delete(renders.keys().next().value!);
    renders.set(key, r);
  }
  return r;
}

/** Every id a highlight may name in a shipped diagram: nodes, edges and subgraphs. */
export function diagramIds(name: string): Set<string> {
  return modelIds(model(name));
}

export function modelIds(m: FlowModel): Set<string> {
  return new Set([...m.nodes.map((n) => n.id), ...m.edges.map((e) => e.id), ...m.subgraphs.map((s) => s.id)]);
}
