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
}

/** Which diagram elements (node, edge or subgraph ids) to light up. */
export interface Highlight {
  active?: Iterable<string>;
  done?: Iterable<string>;
}

/** How a run of text should look; the Ink layer maps tones to colours (or to bold/inverse without colour). */
export type Tone = 'plain' | 'frame' | 'title' | 'label' | 'active' | 'done';

export interface StyledRun {
  text: string;
  tone: Tone;
}

/** One rendered line: runs whose texts, joined, are the line. */
export type StyledLine = StyledRun[];
