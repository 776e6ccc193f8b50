// Which statements count (the title bar's number, a challenge against its par): one
// rule, said in `help` and in the challenge pane (docs/ARCHITECTURE.md, "The playground").
import type { Goal } from './challenges.js';
import type { Fact } from './interpret.js';
import type { Text } from './types.js';

/** A statement counts when it did something: a call that worked, a failure the
 *  challenge asks for, or a memory access (made, refused by the guard, or crashed). */
export function counts(facts: readonly Fact[], goals: readonly Goal[]): boolean {
  return facts.some((f) => {
    if (f.k !== 'call') return true;
    if (f.rec.errno === null) return true;
    return goals.some((g) => g.k === 'errnos' && g.call === f.rec.call && g.errnos.includes(f.rec.errno as string));
  });
}

export const COUNTING_RULE: Text = {
  en: 'counted: a statement whose call worked (or failed as the challenge asks) or that touched memory; typing errors, other failures and help, hint, solution, vars, ipcs are free',
  zh: '计入步数：调用成功（或按挑战要求失败）或访问了内存的语句；输入错误、其他失败以及 help、hint、solution、vars、ipcs 都不计',
};
