// What the Flow shows of a lesson's diagrams while a step is read, as text: the words of
// its labels a learner reads there, in the learner's language, so the "New terms" line
// (glossary.ts textsByStep) names a term the Flow is the first to show (serv-clnt's
// "magic", shmget's SHMMAX) where the learner first sees it. A part still masked is left
// out as the flow draws it: a `%% hide` part as "?" alone, the result words (an errno,
// SIGSEGV: src/flow/result-words.ts) of another part as "?" (src/lessons/lit.ts unrevealed).
import type { Lang } from '../lang.js';
import { diagramModel } from '../flow/diagrams.js';
import { RESULT_WORD } from '../flow/result-words.js';
import type { FlowModel } from '../flow/types.js';
import { unrevealed } from './lit.js';
import type { Lesson } from './types.js';

/** The model of a diagram, or none when it cannot be read (`ipclab check` says why). */
function modelOf(diagram: string, lang: Lang): FlowModel | undefined {
  try {
    return diagramModel(diagram, lang);
  } catch {
    return undefined;
  }
}

/** The labels of `diagram` in `lang` as the flow draws them with `masked` masked, one a line. */
export function labelsShown(diagram: string, lang: Lang, masked: readonly string[]): string {
  const m = modelOf(diagram, lang);
  if (!m) return '';
  const hidden = new Set(m.hidden ?? []);
  const mask = new Set(masked);
  const parts = [
    ...m.subgraphs.map((s) => ({ id: s.id, label: s.title })),
    ...m.nodes.map((n) => ({ id: n.id, label: n.label })),
    ...m.edges.flatMap((e) => (e.label === null ? [] : [{ id: e.id, label: e.label }])),
  ];
  return parts
    .flatMap(({ id, label }) => (!mask.has(id) ? [label] : hidden.has(id) ? [] : [label.replace(RESULT_WORD, '?')]))
    .join('\n');
}

/** For each step of `lesson`, the Flow's labels on screen while its text is read before it
 *  runs (the last step run's diagram, or before any run the first step's, as the flow pane
 *  shows it: flowChoice in src/app/components/flow-view.ts) and once it ran (its own
 *  diagram), each with what the steps run by then have not revealed masked. */
export function flowTextsByStep(lesson: Pick<Lesson, 'steps'>, lang: Lang): { before: string; after: string }[] {
  return lesson.steps.map((_, i) => ({ before: flowTextBefore(lesson, lang, i), after: flowTextAfter(lesson, lang, i) }));
}

/** flowTextsByStep's `before` of step `i` alone: the first frame needs only the step it
 *  shows, and each diagram read costs a parse (bench/startup.md, "Tenth round"). */
export function flowTextBefore(lesson: Pick<Lesson, 'steps'>, lang: Lang, i: number): string {
  const diagram = lesson.steps[Math.max(0, i - 1)]!.diagram;
  return labelsShown(diagram, lang, unrevealed(lesson, diagram, i));
}

/** flowTextsByStep's `after` of step `i` alone. */
export function flowTextAfter(lesson: Pick<Lesson, 'steps'>, lang: Lang, i: number): string {
  const diagram = lesson.steps[i]!.diagram;
  return labelsShown(diagram, lang, unrevealed(lesson, diagram, i + 1));
}
