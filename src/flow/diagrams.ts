// The flows shipped in assets/diagrams/*.mmd (the notes' and ours), parsed and laid out
// once per (name, language, options): the TUI asks for its diagram on every redraw.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../lang.js';
import { packageRoot } from '../paths.js';
import { hiddenParts, hideProblems } from './hidden.js';
import { labelProblems, localize } from './labels.js';
import { parseFlowchart } from './parse.js';
import { renderFlow } from './render.js';
import type { FlowModel, RenderOptions, Rendered, StyledLine } from './types.js';

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

/** How to draw a shipped diagram: the render options and the language of its labels. */
export interface DiagramOptions extends RenderOptions {
  /** Chinese (the Mermaid text's own labels) unless told */
  lang?: Lang;
}

const models = new Map<string, FlowModel>();
const renders = new Map<string, Rendered>();

/** The diagram's structure with its labels in `lang` (Chinese unless told). */
export function diagramModel(name: string, lang: Lang = 'zh'): FlowModel {
  const key = `${name}\0${lang}`;
  let m = models.get(key);
  if (!m) {
    const source = diagramSource(name);
    const parsed = parseFlowchart(source);
    m = { ...localize(parsed, source, lang), hidden: hiddenParts(parsed, source) };
    models.set(key, m);
  }
  return m;
}

/** A shipped diagram rendered; the result is kept, so calling this on every redraw costs a lookup. */
export function renderDiagram(name: string, options: DiagramOptions = {}): Rendered {
  const key = `${name}\0${options.lang ?? 'zh'}\0${options.width ?? ''}\0${options.ascii === true}`;
  let r = renders.get(key);
  if (!r) {
    r = withKeptLines(renderFlow(diagramModel(name, options.lang), options));
    // a few widths per diagram is all a session sees; forget the oldest beyond that
    if (renders.size >= 64) renders.delete(renders.keys().next().value!);
    renders.set(key, r);
  }
  return r;
}

/** The rendering, its styled lines kept per highlight: a redraw (a language switch back
 *  and forth, a step that lights the same parts) asks for the same ones again. */
function withKeptLines(r: Rendered): Rendered {
  const kept = new Map<string, StyledLine[]>();
  return {
    ...r,
    lines: (highlight) => {
      const lit = highlight && { active: [...(highlight.active ?? [])], done: [...(highlight.done ?? [])], masked: [...(highlight.masked ?? [])] };
      const key = JSON.stringify(lit ?? null);
      let lines = kept.get(key);
      if (!lines) {
        lines = r.lines(lit);
        if (kept.size >= 16) kept.delete(kept.keys().next().value!);
        kept.set(key, lines);
      }
      return lines;
    },
  };
}

/** Every id a highlight may name in a shipped diagram: nodes, edges and subgraphs. */
export function diagramIds(name: string): Set<string> {
  return modelIds(diagramModel(name));
}

/** What is wrong with a shipped diagram's labels in the two languages (see labels.ts), or
 *  with its `%% hide` markers (hidden.ts); empty when each has both. */
export function diagramLabelProblems(name: string): string[] {
  return [...labelProblems(diagramModel(name), diagramSource(name)), ...hideProblems(diagramModel(name), diagramSource(name))];
}

export function modelIds(m: FlowModel): Set<string> {
  return new Set([...m.nodes.map((n) => n.id), ...m.edges.map((e) => e.id), ...m.subgraphs.map((s) => s.id)]);
}
