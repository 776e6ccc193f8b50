// src/flow: Mermaid flowcharts parsed, laid out and drawn as terminal text, with
// parts highlighted. No React here; the Ink layer maps tones to colours.
export * from './types.js';
export { parseFlowchart, FlowSyntaxError } from './parse.js';
export { renderFlow, FlowTooLargeError } from './render.js';
export { diagramNames, diagramSource, diagramModel, renderDiagram, edgeLabel, diagramIds, diagramLabelProblems, modelIds, type DiagramOptions } from './diagrams.js';
export { englishLabels, labelProblems, localize } from './labels.js';
export { hiddenLines, hiddenParts, hideMarkers, hideProblems } from './hidden.js';
export { legend } from './legend.js';
export { outcomeParts } from './outcomes.js';
export { familyModel, familyOf } from './family.js';
export { RESULT_WORD, resultWords } from './result-words.js';
