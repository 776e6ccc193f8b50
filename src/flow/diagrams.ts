// The flows shipped in assets/diagrams/*.mmd (the notes' and ours), parsed and laid out
// once per (name, language, options): the TUI asks for its diagram on every redraw.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../lang.js';
import { packageRoot } from '../paths.js';
import { familyModel, familyOf } from './family.js';
import { hiddenLines, hiddenParts, hideProblems } from './hidden.js';
import { labelProblems, localize } from './labels.js';
import { parseFlowchart } from './parse.js';
import { renderFlow } from './render.js';
import type { CellRect, FlowModel, Highlight, RenderOptions, Rendered, StyledLine } from './types.js';

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

const TITLE = /^[ \t]*%%[ \t]*title[ \t]+(en|zh)[ \t]*=(.*)$/gm;

/** A shipped diagram's name among its lesson's, in `lang` (`%% title en = ...`, `%% title zh = ...`):
 *  the Flow pane's title says it beside "diagram 1 of 5" (newcomers could not tell what the five
 *  were); undefined where the file gives none. */
export function diagramTitle(name: string, lang: Lang = 'zh'): string | undefined {
  for (const m of diagramSource(name).matchAll(TITLE)) if (m[1] === lang && m[2].trim()) return m[2].trim();
  return undefined;
}

/** How to draw a shipped diagram: the render options and the language of its labels. */
export interface DiagramOptions extends RenderOptions {
  /** Chinese (the Mermaid text's own labels) unless told */
  lang?: Lang;
  /** the diagrams shown one after another with this one (a lesson's): those of them that
   *  draw the same boxes are laid out together (family.ts), so a box stands in one place in each */
  family?: readonly string[];
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
    m = { ...localize(parsed, source, lang), hidden: hiddenParts(parsed, source), hiddenLines: hiddenLines(parsed, source) };
    models.set(key, m);
  }
  return m;
}

/** The diagram's model, placed as the union of `family` places it when it is one of several there. */
function memberModel(name: string, lang: Lang, family: readonly string[] | undefined): FlowModel {
  if (!family || family.length < 2 || !family.includes(name)) return diagramModel(name, lang);
  const key = `${name}\0${lang}\0${family.join(' ')}`;
  let m = models.get(key);
  if (!m) models.set(key, (m = { ...diagramModel(name, lang), layoutOf: unionModel(family, lang) }));
  return m;
}

/** The union of a family (familyModel), one object for all its members: its placement is
 *  kept with it (render.ts place()), so a lesson's first render lays it out once per width. */
function unionModel(family: readonly string[], lang: Lang): FlowModel {
  const key = `${family.join(' ')}\0${lang}\0union`;
  let m = models.get(key);
  if (!m) models.set(key, (m = familyModel(family.map((f) => diagramModel(f, lang)))));
  return m;
}

/** A shipped diagram rendered; the result is kept, so calling this on every redraw costs a lookup.
 *  One of a `family` is moved right and down as far as its family's furthest (a label left of
 *  the boxes, a line round the top), so its boxes stand where theirs do. */
export function renderDiagram(name: string, options: DiagramOptions = {}): Rendered {
  const linked = options.family?.includes(name) ? familyOf(name, options.family, (n) => diagramModel(n).nodes.map((b) => b.id)) : [];
  const family = linked.length > 1 ? linked : undefined;
  const key = `${name}\0${options.lang ?? 'zh'}\0${options.width ?? ''}\0${options.ascii === true}\0${family?.join(' ') ?? ''}`;
  let r = renders.get(key);
  if (!r) {
    r = withKeptLines(family ? member(name, family, options) : renderFlow(diagramModel(name, options.lang), options));
    const title = diagramTitle(name, options.lang);
    if (title !== undefined) r.title = title;
    keep(key, r);
  }
  return r;
}

function keep(key: string, r: Rendered): void {
  // a few widths per diagram is all a session sees; forget the oldest beyond that
  if (renders.size >= 64) renders.delete(renders.keys().next().value!);
  renders.set(key, r);
}

/** One of a family drawn as all of them are: fitted to the width alike (of the ways its
 *  members chose alone, the first that fits them all, one that keeps rows whole before one
 *  that turns or wraps them), and aligned. */
function member(name: string, family: readonly string[], options: DiagramOptions): Rendered {
  const lang = options.lang ?? 'zh';
  const key = `${family.join(' ')}\0${lang}\0${options.width ?? ''}\0${options.ascii === true}\0members`;
  let all = members.get(key);
  if (!all) {
    const alone = family.map((n) => renderFlow(memberModel(n, lang, family), options));
    const fits = (rs: Rendered[]) => rs.every((r) => !r.notes.some((n) => n.startsWith('cut') || n.startsWith('no room')));
    all = alone;
    if (new Set(alone.map((r) => JSON.stringify(r.fit))).size > 1) {
      // a way that keeps the rows as they are (not turned, not wrapped onto more rows) first
      const reshapes = (fit: object | undefined) => Number('switched' in (fit ?? {}) && (fit as { switched: boolean }).switched) + Number('wrapAt' in (fit ?? {}));
      for (const fitAs of alone.map((r) => r.fit).sort((a, b) => reshapes(a) - reshapes(b))) {
        const alike = family.map((n) => renderFlow(memberModel(n, lang, family), { ...options, fitAs }));
        if (fits(alike)) {
          all = alike;
          break;
        }
      }
    }
    if (members.size >= 16) members.delete(members.keys().next().value!);
    members.set(key, all);
  }
  const i = family.indexOf(name);
  return aligned(all[i], all.map((o, j) => (j === i ? null : o)), options.width);
}

/** A family's members drawn alike, by family, language and options. */
const members = new Map<string, Rendered[]>();

/** `r` moved right and down to the furthest origin of `others` (not past `width`). */
function aligned(r: Rendered, others: readonly (Rendered | null)[], width = Infinity): Rendered {
  const at = r.origin ?? { x: 0, y: 0 };
  const dx = Math.max(0, Math.min(width - r.width, Math.max(...others.map((o) => o?.origin?.x ?? 0)) - at.x));
  const dy = Math.max(0, Math.max(...others.map((o) => o?.origin?.y ?? 0)) - at.y);
  if (dx === 0 && dy === 0) return r;
  const shift = (c: CellRect): CellRect => ({ ...c, x: c.x + dx, y: c.y + dy });
  const lines = (highlight?: Highlight): StyledLine[] => [...Array.from({ length: dy }, () => []), ...r.lines(highlight).map((l) => (dx && l.length ? [{ text: ' '.repeat(dx), tone: 'plain' as const }, ...l] : l))];
  const g = r.geometry;
  return {
    width: r.width + dx,
    height: r.height + dy,
    notes: r.notes,
    drawings: r.drawings,
    origin: { x: at.x + dx, y: at.y + dy },
    geometry: {
      boxes: new Map([...g.boxes].map(([id, c]) => [id, shift(c)])),
      frames: new Map([...g.frames].map(([id, c]) => [id, shift(c)])),
      edges: new Map([...g.edges].map(([id, e]) => [id, { cells: e.cells.map(([x, y]) => [x + dx, y + dy] as [number, number]), label: e.label && shift(e.label) }])),
    },
    lines,
    text: (highlight) => lines(highlight).map((l) => l.map((run) => run.text).join('').trimEnd()).join('\n'),
  };
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

/** The label of edge `id` in a shipped diagram as written (Chinese); null for an edge
 *  without one, undefined where the diagram has no such edge. */
export function edgeLabel(name: string, id: string): string | null | undefined {
  return diagramModel(name).edges.find((e) => e.id === id)?.label;
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
