// A diagram's labels in both languages, with its structure written once. The Mermaid
// text carries the Chinese labels (the notes' own words for the notes' flows); each
// English label is a Mermaid comment in the same file, `%% en ID = label`, so any
// Mermaid tool still draws the file and nothing can drift between two copies.
import type { Lang } from '../lang.js';
import { labelText } from './text.js';
import type { FlowModel } from './types.js';

export interface EnglishLabel {
  id: string;
  label: string;
  /** 1-based line of the comment, for messages */
  line: number;
}

const EN = /^[ \t]*%%[ \t]*en[ \t]+(\S+)[ \t]*=(.*)$/;

/** The `%% en ID = label` comments of a Mermaid source, in order. */
export function englishLabels(source: string): EnglishLabel[] {
  return source.split(/\r\n|\r|\n/).flatMap((text, i) => {
    const m = EN.exec(text);
    return m ? [{ id: m[1], label: labelText(m[2]), line: i + 1 }] : [];
  });
}

/** The parts that show a label: every node and subgraph, and the edges written with one. */
export function labelledIds(m: FlowModel): string[] {
  return [...m.nodes.map((n) => n.id), ...m.subgraphs.map((s) => s.id), ...m.edges.filter((e) => e.label !== null).map((e) => e.id)];
}

/** What is wrong with a diagram's labels, one line each: a label without its English
 *  twin, an English label for no labelled part, or one given twice. */
export function labelProblems(m: FlowModel, source: string): string[] {
  const wanted = new Set(labelledIds(m));
  const given = new Map<string, number>();
  const problems: string[] = [];
  for (const { id, label, line } of englishLabels(source)) {
    if (!wanted.has(id)) problems.push(`line ${line}: '${id}' is no labelled node, subgraph or edge`);
    else if (given.has(id)) problems.push(`line ${line}: '${id}' has an English label already (line ${given.get(id)})`);
    else if (label === '') problems.push(`line ${line}: the English label of '${id}' is empty`);
    given.set(id, line);
  }
  for (const id of wanted) if (!given.has(id)) problems.push(`'${id}' has no English label (add a line '%% en ${id} = ...')`);
  return problems;
}

/** The model with its labels in `lang`. Chinese is the Mermaid text itself; in English a
 *  part without a comment keeps its own label (a pasted diagram has none). */
export function localize(m: FlowModel, source: string, lang: Lang): FlowModel {
  if (lang === 'zh') return m;
  const en = new Map(englishLabels(source).filter((l) => l.label !== '').map((l) => [l.id, l.label]));
  if (en.size === 0) return m;
  return {
    ...m,
    nodes: m.nodes.map((n) => ({ ...n, label: en.get(n.id) ?? n.label })),
    subgraphs: m.subgraphs.map((s) => ({ ...s, title: en.get(s.id) ?? s.title })),
    // an edge label is one line, as the parser reads it
    edges: m.edges.map((e) => (e.label === null ? e : { ...e, label: en.get(e.id)?.replace(/\n/g, ' ') ?? e.label })),
  };
}
