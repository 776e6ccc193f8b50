// What a step lights says what it did (src/lessons/*.ts `highlight`, `litBy`): each step lights
// something the steps before it on its diagram did not (or an edge), so running it changes
// the picture; the call its C line makes (`code`), where its diagram draws that call, is lit
// as an edge; and an edge named for a call starts at the process that makes it, outside the
// kernel (a queue does not call msgctl), but for a receive (msgrcv, IPC_STAT), drawn to the reader;
// a lit call box whose diagram draws its way into the kernel lights that way too.
import { describe, expect, it } from 'vitest';
import { diagramModel, parseFlowchart } from '../../src/flow/index.js';
import type { FlowModel } from '../../src/flow/types.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { Step } from '../../src/lessons/types.js';
import { anchorsOf } from '../../src/lessons/code-anchor.js';

/** Steps that still light only what earlier steps lit, to be fixed (the test fails once one
 *  lights something new, to shorten the list). */
const STILL_NOTHING_NEW = new Set<string>([
  // a load or store through p goes through the mapping a1->shm, but that edge is the shmat
  // call (lit.test.ts lights an edge only for a call the step made): a write/read edge of
  // its own is to be drawn
  'shmat write',
  'shmat read-twice',
]);

/** Problems still there, to be fixed the same way (the test fails once one is gone): a removal
 *  or a detach drawn out of the object, and shmdt's cleanup, whose shmdt(q) has no edge. */
const STILL_WRONG = new Set<string>([
  // its IPC_RMID is the one that fails (EINVAL, the segment already freed): the remove edges rightly stay dark;
  // this test cannot yet tell a call that fails from one that succeeds (fix13i)
  "shmctl last-detach: its C line calls IPC_RMID, drawn in 'shmctl-life' as created->freed, attached->dest, but it lights none of them",
  // a semctl edge from the holder beside its P/V edge crossed it at 70 and 77 columns
  'sem no-undo: lights sem->gone (IPC_RMID) from sem, in the kernel: draw it from the process that calls it',
]);

/** The calls a C line or an edge's English label may name, with the commands and signals they carry. */
const CALL = /\b(?:shmget|shmat|shmdt|shmctl|msgget|msgsnd|msgrcv|msgctl|semget|semop|semctl|fork|IPC_RMID|IPC_STAT|IPC_SET|SETVAL)\b/g;
/** The calls a step's C line makes: not its file's name ('shmat.c: '), not a quoted text,
 *  and a control call (shmctl, msgctl) by its command (IPC_STAT is not the IPC_RMID edge). */
const codeCalls = (code: string | readonly string[] | undefined) =>
  new Set((anchorsOf(code).map((a) => a.replace(/^[\w.-]+\.[ch]: /, '')).join(' ').replace(/"(?:[^"\\]|\\.)*"/g, '""').match(CALL) ?? []).filter((c) => !/ctl$/.test(c)));

/** Calls whose edge ends at the caller: what they receive comes out of the object (a
 *  message, or IPC_STAT's copy of the object's fields). */
const RECEIVES = new Set(['msgrcv', 'IPC_STAT']);

const lights = (s: Step<never>) => [...s.highlight, ...Object.values(s.litBy?.paths ?? {}).flatMap((p) => p ?? [])];

function kernelMembers(m: FlowModel): Set<string> {
  const inside = new Set<string>();
  const add = (id: string) => {
    inside.add(id);
    for (const s of m.subgraphs) if (s.id === id) s.members.forEach(add);
  };
  if (m.subgraphs.some((s) => s.id === 'kernel')) add('kernel');
  return inside;
}

/** What is wrong with what `lesson`'s steps light, one line each. */
export function stepEdgeProblems(lessons = LESSONS, model: (name: string) => FlowModel = (name) => diagramModel(name, 'en')): { nothingNew: string[]; problems: string[] } {
  const nothingNew: string[] = [];
  const problems: string[] = [];
  for (const lesson of lessons) {
    lesson.steps.forEach((raw, i) => {
      const step = raw as unknown as Step<never>;
      const at = `${lesson.id} ${step.id}`;
      const m = model(step.diagram);
      const lit = new Set(lights(step));
      const edges = m.edges.filter((e) => lit.has(e.id));
      const before = new Set(lesson.steps.slice(0, i).filter((s) => s.diagram === step.diagram).flatMap((s) => lights(s as unknown as Step<never>)));
      if (edges.length === 0 && [...lit].every((id) => before.has(id))) nothingNew.push(at);
      const inKernel = kernelMembers(m);
      const named = (label: string | null): string[] => label?.match(CALL) ?? [];
      // every lit edge named for a call starts at its caller (a receive ends there)
      for (const e of edges) {
        for (const call of named(e.label)) {
          const caller = RECEIVES.has(call) ? e.to : e.from;
          if (inKernel.has(caller)) problems.push(`${at}: lights ${e.id} (${call}) from ${caller}, in the kernel: draw it from the process that calls it`);
        }
      }
      // a lit call box goes on into the kernel where its diagram draws that: IPC_STAT reads the
      // kernel's record, so shmctl lit with its way to the kernel dark said it stopped short
      for (const n of m.nodes) {
        if (!lit.has(n.id) || inKernel.has(n.id) || named(n.label).length === 0) continue;
        for (const e of m.edges) if (e.from === n.id && inKernel.has(e.to) && !lit.has(e.id)) problems.push(`${at}: lights the call ${n.id} but not its way into the kernel, ${e.id}`);
      }
      // the call of its C line, where its diagram draws that call, is lit
      for (const call of codeCalls(step.code)) {
        // an edge so named, or a box the call's path starts at ("shmat(-1, …)" --EINVAL-->)
        const drawn = [...m.edges, ...m.nodes].filter((e) => named(e.label).includes(call));
        if (drawn.length && !drawn.some((e) => lit.has(e.id))) problems.push(`${at}: its C line calls ${call}, drawn in '${step.diagram}' as ${drawn.map((e) => e.id).join(', ')}, but it lights none of them`);
      }
    });
  }
  return { nothingNew, problems };
}

describe('what a step lights', () => {
  it('is something new, the call of its C line, from the process that calls it', () => {
    const { nothingNew, problems } = stepEdgeProblems();
    for (const p of problems) expect.soft(STILL_WRONG.has(p) ? '' : p).toBe('');
    for (const p of STILL_WRONG) expect.soft(problems.includes(p), `fixed: take it off the list: ${p}`).toBe(true);
    for (const at of nothingNew) expect.soft(STILL_NOTHING_NEW.has(at) ? '' : `${at} lights only what earlier steps lit: light what it does`).toBe('');
    for (const at of STILL_NOTHING_NEW) expect.soft(nothingNew.includes(at), `${at} lights something new now: take it off the list`).toBe(true);
  });

  it('would catch the mistakes newcomers found', () => {
    const msg = LESSONS.find((l) => l.id === 'msg')!;
    const race = LESSONS.find((l) => l.id === 'race')!;
    const pc = LESSONS.find((l) => l.id === 'parent-child')!;
    const with_ = <T extends { steps: readonly unknown[] }>(lesson: T, id: string, highlight: string[]) => ({ ...lesson, steps: lesson.steps.map((s) => ((s as { id: string }).id === id ? { ...(s as object), highlight } : s)) });
    // race's last step lit the counter alone, lit since step 1
    expect(stepEdgeProblems([with_(race, 'remove', ['counter'])] as never).nothingNew).toEqual(['race remove']);
    // parent-child's attach lit the mapping's line, not a shmat
    expect(stepEdgeProblems([with_(pc, 'attach', ['parent', 'down', 'up'])] as never).problems).toEqual([expect.stringMatching(/^parent-child attach: its C line calls shmat/)]);
    // shmctl's IPC_STAT lit the call and its command, its way to the kernel's record dark (fix26f#2)
    const shmctl = LESSONS.find((l) => l.id === 'shmctl')!;
    expect(stepEdgeProblems([with_(shmctl, 'stat', ['program', 'program->shmctl', 'shmctl', 'shmctl->功能', '获取属性'])] as never).problems).toContain('shmctl stat: lights the call shmctl but not its way into the kernel, shmctl->共享内存');
    // an IPC_RMID drawn out of the queue
    const fake = { ...msg, steps: [{ ...msg.steps[0], id: 'x', diagram: 'fake', code: 'semctl(set, 0, IPC_RMID)', highlight: ['sem', 'sem->gone', 'gone'] }] };
    const drawn = parseFlowchart('flowchart TD\nholder --> sem\nsubgraph kernel\n  sem\nend\nsem --IPC_RMID--> gone\n');
    expect(stepEdgeProblems([fake] as never, () => drawn).problems.join('\n')).toMatch(/lights sem->gone \(IPC_RMID\) from sem, in the kernel/);
  });
});
