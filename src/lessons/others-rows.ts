// A step that runs the real `ipcs -m` lists every segment of the machine, and on a shared one
// (a server, a container host, another ipclab beside this one) the rows ipclab did not make
// stand unmarked among its own (issue 16, newcomer pass 6: overview 3's ipcs -m listed seven
// root segments and nothing was said of them). Such a step's notice of the run says, in one
// phrase, whose they are: Step.noticeBy with `withOthers`.
import type { LiveResult, Text } from './types.js';

/** What a notice adds when its step's ipcs listed rows ipclab did not make. */
export const OTHERS_ROWS: Text = {
  // "Unmarked rows, in ipcs only, are other programs'" read two ways (newcomer pass 10): said
  // plainly, naming no pane (the notice shows over the Trace, or the Kernel pane at step 1)
  // only what is known: no run recorded here made it; another user's ipclab, or one with another
  // state folder, makes unmarked rows too (a tester saw shmctl's 'C' key unmarked: issue 16);
  // the state folder is left to the marks' entry: named here, it made overview 1's run bring
  // eight New terms, on a machine with others' objects only (tests/lessons/new-terms-count)
  // not "none ipclab's": an unmarked root segment may be another ipclab run's (issue 16)
  en: "Rows with no mark (● or ○) are in none of this ipclab's records (g: marks): they may be another program's, or another ipclab run's (another user's, say). On a shared machine they come and go.",
  zh: '没有标记（● 或 ○）的行不在本 ipclab 的任何记录里（按 g 查“标记”）：可能是别的程序的，或另一次 ipclab 运行的（比如别的用户的）。在共享的机器上它们随时出现、消失。',
};

/** The shmids an `ipcs -m` of the step listed that ipclab did not make (no ● or ○): listed by
 *  ipcs and either not ipclab's in the kernel's table after the step, or gone by then (another
 *  program's that went; ipclab's own removals happen before its ipcs, which then lists none). */
export function othersListed(live: Pick<LiveResult, 'entries' | 'segments'>): number[] {
  const ours = new Set(live.segments.filter((s) => s.ours).map((s) => s.shmid));
  const listed = live.entries.flatMap((e) =>
    e.type === 'output' && /^ipcs -m(?: |$)/.test(e.command) && !/ -i /.test(` ${e.command} `)
      ? e.text.split('\n').flatMap((line) => {
          const m = /^0x[0-9a-f]+\s+(\d+)\s/i.exec(line);
          return m ? [Number(m[1])] : [];
        })
      : [],
  );
  return [...new Set(listed)].filter((id) => !ours.has(id));
}

/** What a later step says of such rows: OTHERS_ROWS is said once, where they are first counted
 *  (overview 1); overview 3 and 7 and shmctl 8 said it again word for word, "state folder" a new
 *  term twice (issue 16). This points to the marks' entry instead, which says whose they are. */
export const OTHERS_POINTER: Text = {
  en: "Rows with no mark: in none of this ipclab's records (g: marks).",
  zh: '没有标记的行：不在本 ipclab 的任何记录里（按 g 查“标记”）。',
};

/** `notice` with OTHERS_POINTER after it when the step's ipcs -m listed others' rows, else
 *  undefined (the step's own notice stands). */
export function withOthers(notice: Text, live: Pick<LiveResult, 'entries' | 'segments'>): Text | undefined {
  if (othersListed(live).length === 0) return undefined;
  return { en: `${notice.en} ${OTHERS_POINTER.en}`, zh: `${notice.zh}${OTHERS_POINTER.zh}` };
}
