// Shared shapes of the flowchart library: the parsed model, and the rendered grid
// that components draw without re-parsing.

export type Direction = 'TD' | 'TB' | 'BT' | 'LR' | 'RL';
export type Shape = 'rect' | 'round' | 'diamond' | 'circle' | 'flag';
export type EdgeStyle = 'solid' | 'dotted' | 'thick';

export interface FlowNode {
  id: string;
  label: string;
  shape: Shape;
}

export interface FlowEdge {
  /** stable id for highlighting: 'from->to', and 'from->to#2', '#3'... for repeats of the same pair */
  id: string;
  /** a node id or a subgraph id */
  from: string;
  to: string;
  label: string | null;
  style: EdgeStyle;
  /** false for '---' (no arrowhead) */
  arrow: boolean;
}

export interface FlowSubgraph {
  id: string;
  title: string;
  /** direct members: node ids and nested subgraph ids */
  members: string[];
  parent: string | null;
  direction: Direction | null;
}

export interface FlowModel {
  direction: Direction;
  nodes: FlowNode[];
  edges: FlowEdge[];
  subgraphs: FlowSubgraph[];
  /** parts whose whole label is a result, drawn as "?" while masked (Highlight.masked):
   *  the `%% hide ID` comments of a shipped diagram (hidden.ts) */
  hidden?: string[];
  /** hidden edges whose line is masked too (`%% hide ID line`): which way it goes is the answer */
  hiddenLines?: string[];
  /** a bigger model whose layout places this one's boxes and frames (a lesson's diagrams
   *  together, family.ts): each of them draws its own parts in the same places */
  layoutOf?: FlowModel;
}

/** Which diagram elements (node, edge or subgraph ids) to light up. */
export interface Highlight {
  active?: Iterable<string>;
  done?: Iterable<string>;
  /** parts whose result words (an errno, SIGSEGV: result-words.ts) are drawn as "?", the
   *  rest of their label as it is, and a hidden part (FlowModel.hidden) as "?" alone: a
   *  result the learner has not seen come yet */
  masked?: Iterable<string>;
}

/** The marks a lesson's drawings can show beyond the three line styles, each named by an
 *  entry of the legend's own (legend.ts): a result hidden as "?" (Highlight.masked), a frame
 *  drawn dotted once a step used it, a line through a frame's wall (grid.ts DOORWAY). */
export interface LegendMarks {
  masked?: boolean;
  framesDone?: boolean;
  doorway?: boolean;
}

/** How a run of text should look; the Ink layer maps tones to colours (or to bold/inverse without colour). */
export type Tone = 'plain' | 'frame' | 'title' | 'label' | 'active' | 'done';

export interface StyledRun {
  text: string;
  tone: Tone;
}

/** One rendered line: runs whose texts, joined, are the line. */
export type StyledLine = StyledRun[];

/** Rendering choices. `width`: the most terminal columns the picture may take. */
export interface RenderOptions {
  width?: number;
  ascii?: boolean;
  /** fit to `width` as this other rendering was (its `fit`): a family's members drawn alike */
  fitAs?: object;
}

/** A rectangle on the cell grid (x, y: top-left cell). */
export interface CellRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where each element ended up, for checks and for anything that points at parts of the picture. */
export interface FlowGeometry {
  boxes: Map<string, CellRect>;
  frames: Map<string, CellRect>;
  /** each edge's cells from the first cell outside its source to its arrowhead (or last cell) */
  edges: Map<string, { cells: [number, number][]; label: CellRect | null }>;
}

export interface Rendered {
  width: number;
  height: number;
  /** what was changed to fit, or why it does not fit, e.g. "switched LR to TD to fit 80 columns" */
  notes: string[];
  lines(highlight?: Highlight): StyledLine[];
  text(highlight?: Highlight): string;
  geometry: FlowGeometry;
  /** a family's member (FlowModel.layoutOf): the cell where the family's boxes and frames begin */
  origin?: { x: number; y: number };
  /** how it was fitted to its width (spacing, wraps, turns), for RenderOptions.fitAs */
  fit?: object;
  /** how many times its edges were drawn, over every attempt and order tried: most of what
   *  it cost (tests/flow/render.test.ts holds race-counter's down) */
  drawings: number;
  /** a shipped diagram's name among its lesson's (diagrams.ts diagramTitle), in the language drawn */
  title?: string;
}
