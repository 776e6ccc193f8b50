// The outcome parts of a flow: what a call gives, the answer of a question about it (fix18c).
// A decision is a box drawn as a rhombus: its labelled edge to a box that is no decision
// ("no", "yes: open", "0, or above SHMMAX") and that box (ENOENT, "the key's segment") are
// outcomes; an edge on to another decision is the way there, the question's premise ("a
// segment under the key? yes" before "IPC_CREAT and IPC_EXCL?"). A box `%% hide`n as an
// answer (shmctl's "dest") is one too, and so is a labelled edge leaving it: where it goes
// next says what it is ("the last shmdt" from dest to "freed": not freed at once).
import type { FlowModel } from './types.js';

/** The outcome parts of `m`, in order. */
export function outcomeParts(m: FlowModel): string[] {
  const asks = new Set(m.nodes.filter((n) => n.shape === 'diamond').map((n) => n.id));
  const boxes = new Set(m.nodes.map((n) => n.id));
  const hidden = new Set((m.hidden ?? []).filter((id) => boxes.has(id)));
  const labelled = m.edges.filter((e) => e.label !== null);
  return [
    ...new Set([
      ...labelled.filter((e) => asks.has(e.from) && boxes.has(e.to) && !asks.has(e.to)).flatMap((e) => [e.id, e.to]),
      ...labelled.filter((e) => hidden.has(e.from)).map((e) => e.id),
    ]),
  ];
}
