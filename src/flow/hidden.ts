// A part of a shipped diagram whose label is the answer to a lesson's question: `%% hide ID`
// in the Mermaid text (a comment, so any Mermaid tool still draws the file). The flow draws
// it as "?" while it is masked, that is until a step that lights it has run
// (src/lessons/lit.ts unrevealed); the playground masks nothing. An edge keeps its line, so
// its "?" stands on the way it goes; `%% hide ID line` blanks the line too, where which way
// it goes is the answer (which process a signal goes to).
import type { FlowModel } from './types.js';

export interface HideMarker {
  id: string;
  /** 1-based line of the comment, for messages */
  line: number;
  /** `%% hide ID line`: an edge's line is masked too */
  way: boolean;
}

const HIDE = /^[ \t]*%%[ \t]*hide[ \t]+(\S+)(?:[ \t]+(line))?[ \t]*$/;

/** The `%% hide ID` comments of a Mermaid source, in order. */
export function hideMarkers(source: string): HideMarker[] {
  return source.split(/\r\n|\r|\n/).flatMap((text, i) => {
    const m = HIDE.exec(text);
    return m ? [{ id: m[1], line: i + 1, way: m[2] !== undefined }] : [];
  });
}

/** The parts of `m` a `%% hide` comment may name: its nodes and its labelled edges. */
function hideable(m: FlowModel): Set<string> {
  return new Set([...m.nodes.map((n) => n.id), ...m.edges.filter((e) => e.label !== null).map((e) => e.id)]);
}

/** The parts of `m` that `source`'s `%% hide` comments hide (FlowModel.hidden). */
export function hiddenParts(m: FlowModel, source: string): string[] {
  const ok = hideable(m);
  return hideMarkers(source).flatMap(({ id }) => (ok.has(id) ? [id] : []));
}

/** The edges of `m` whose line `source`'s `%% hide ID line` comments mask too (FlowModel.hiddenLines). */
export function hiddenLines(m: FlowModel, source: string): string[] {
  const edges = new Set(m.edges.filter((e) => e.label !== null).map((e) => e.id));
  return hideMarkers(source).flatMap(({ id, way }) => (way && edges.has(id) ? [id] : []));
}

/** What is wrong with the `%% hide` comments of `source` for its model `m`, one line each:
 *  a marker naming no node or labelled edge. */
export function hideProblems(m: FlowModel, source: string): string[] {
  const ok = hideable(m);
  const edges = new Set(m.edges.map((e) => e.id));
  return hideMarkers(source).flatMap(({ id, line, way }) =>
    !ok.has(id) ? [`line ${line}: '%% hide ${id}' names no node or labelled edge`] : way && !edges.has(id) ? [`line ${line}: '%% hide ${id} line': a box has no line to hide`] : [],
  );
}
