// Every diagram label in the learner's language. A diagram's Mermaid text carries the
// Chinese labels and its `%% en` comments the English ones (src/flow/labels.ts); a node
// written without a label shows its id, so an English id such as `parent` reaches a
// Chinese screen unless the node is given a Chinese label. `ipclab check` fails on that,
// on Chinese in an English label, on a term ipclab does not use (src/text/terms.ts) and
// on Latin glued to Chinese ("IPC对象": the lessons write "IPC 对象").
import { diagramSource, englishLabels, parseFlowchart, type FlowModel } from '../flow/index.js';
import { rejectedTerms } from '../text/terms.js';
import { entryFor, termsIn } from './glossary.js';

/** Lowercase Latin words a Chinese label keeps as written besides the glossary's terms:
 *  C names (calls, types, parameters and struct fields, as the C code spells them) and
 *  the commands. Any other lowercase word is English prose. Upper-case words (SIGUSR1,
 *  EINVAL, SHMMAX, C), words with a digit or an underscore (server_pid), one-letter
 *  variables (x) and names in quotes (the segment "up") are always kept. */
const C_NAMES = new Set([
  'ack', 'addr', 'data', 'exec', 'exit', 'fork', 'id', 'inode', 'int', 'ipcs', 'kill', 'magic', 'msgctl', 'msgrcv', 'msgsnd',
  'semctl', 'semop', 'semval', 'seq', 'shmat', 'shmctl', 'shmdt', 'shmflg', 'shmget', 'size', 'stat', 'void', 'waitpid',
]);
const QUOTED = /“[^”]*”|"[^"]*"/g;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const GLUED = /[A-Za-z0-9][\u3400-\u9fff]|[\u3400-\u9fff][A-Za-z0-9]/;

/** The label each part shows in Chinese: a node's or subgraph's own, an edge's if it has one. */
function chineseLabels(m: FlowModel): { id: string; label: string }[] {
  return [
    ...m.nodes.map((n) => ({ id: n.id, label: n.label })),
    ...m.subgraphs.map((s) => ({ id: s.id, label: s.title })),
    ...m.edges.flatMap((e) => (e.label === null ? [] : [{ id: e.id, label: e.label }])),
  ];
}

/** What a Chinese label says in English or with a word ipclab does not use, one line each. */
function chineseLabelProblems(id: string, label: string): string[] {
  const problems: string[] = [];
  const words = label.replace(QUOTED, '').match(/[A-Za-z][A-Za-z0-9_]*/g) ?? [];
  const english = words.filter((w) => /^[a-z]{2,}$/.test(w) && !C_NAMES.has(w) && !entryFor(w));
  if (english.length) problems.push(`the Chinese label of '${id}' ("${label}") says ${english.map((w) => `'${w}'`).join(', ')} in English (give it a Chinese label: ${id}[...])`);
  for (const word of rejectedTerms(label)) problems.push(`the Chinese label of '${id}' says ${word}`);
  const glued = GLUED.exec(label);
  if (glued) problems.push(`the Chinese label of '${id}' ("${label}") has no space between Latin and Chinese at "${glued[0]}"`);
  return problems;
}

/** A code-like word of a label (termsIn) that the glossary does not explain. */
function unknownTerms(lang: string, id: string, label: string): string[] {
  const unknown = termsIn(label).filter((term) => !entryFor(term));
  return unknown.length ? [`the ${lang} label of '${id}' uses ${unknown.join(', ')}, which the glossary (src/lessons/glossary.ts) does not explain`] : [];
}

/** What is wrong with the language of a diagram's labels, from its Mermaid text; empty
 *  when each label is in its own language and every code-like word in it is explained. */
export function labelWordProblems(source: string): string[] {
  const zh = chineseLabels(parseFlowchart(source)).flatMap(({ id, label }) => [...chineseLabelProblems(id, label), ...unknownTerms('Chinese', id, label)]);
  const en = englishLabels(source).flatMap(({ id, label, line }) => [
    ...(CJK.test(label) ? [`line ${line}: the English label of '${id}' ("${label}") has Chinese in it`] : []),
    ...unknownTerms('English', id, label),
  ]);
  return [...zh, ...en];
}

/** labelWordProblems of a shipped diagram (assets/diagrams/NAME.mmd). */
export function diagramWordProblems(name: string): string[] {
  return labelWordProblems(diagramSource(name));
}
