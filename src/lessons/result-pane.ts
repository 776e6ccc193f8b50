// Which pane holds a step's result, the one place that says so: after a run, where this pane is
// not on screen (the tabs at 80x24 and a zoom show one; side by side the C code takes the place of
// the Flow and the Kernel), the store shows it (src/app/store/run.ts). Newcomers ran a step whose notice spoke of "nattch 2,
// lpid 3128" or "ipcs printed only headers" with the pane of an earlier step or lesson on
// screen, and had to find the result with Tab (issue 16, fixH).
//
// Derived from what the step did, in this order (docs/ARCHITECTURE.md "The pane of a step's
// result"); the first rule that names a pane decides:
//  0. the step declares its result pane (Step.resultPane), where the rules below would choose
//     another than the one its notice is about -> that pane;
//  1. the step declares trace lines its notice points at (Step.traceFocus) -> the Trace: a
//     notice that names both the Trace and Kernel fields (ipcs and IPC_STAT agree) points at
//     the lines it declared;
//  2. the notice names the Kernel pane ("Kernel", “内核”窗格), a figure only the Kernel pane
//     shows (nattch, lpid, semval, ...: src/lessons/pane-words.ts, a word of the structure it
//     decodes), the dump, or any of its column or field words that this step changed
//     ("messages", "key", "perms": ordinary words count only when their figure changed) -> the
//     Kernel;
//  3. the notice names what only the Trace shows: `ipcs`'s output, an errno, a signal -> the Trace;
//  4. the notice names the Flow ("Flow", 流程图) -> the Flow;
//  5. the notice quotes text in ASCII double quotes, data a call read or sent (msg 3's 'Type 0
//     gave "one"'), which the Trace quotes -> the Trace;
//  6. the step changed the kernel (a row new or gone, a figure or a byte changed) -> the Kernel;
//  7. else the Trace: every step's calls and their results are there.
// The C pane is never a step's result (a notice naming it points at the source, as msg 7's
// "as msg.c's reader does"), so a notice naming it decides nothing.
import { ERRNO_MEANINGS } from '../text/errno.js';
import type { QueueRecord, SegmentRecord, SemaphoreRecord, ShmidDs } from '../native/types.js';
import { QUEUE_COLUMNS, SEM_COLUMNS, SET_COLUMNS, SHM_COLUMNS, STAT_FIELDS, STAT_LABEL } from './pane-words.js';
import type { Text, TraceMark } from './types.js';

/** The panes a step's result can be in (never the C source). */
export type ResultPane = 'flow' | 'kernel' | 'trace';

/** Which rule decided (the list above): for the tests and the docs. */
export type ResultWhy = 'declared' | 'trace-focus' | 'kernel-words' | 'trace-words' | 'flow-words' | 'quoted' | 'kernel-changed' | 'calls';

/** What the Kernel pane shows changed by the step: the column and field words of the figures
 *  that changed (ipcs's headings, IPC_STAT's field names), and whether anything did at all (a
 *  row new or gone, a byte). */
export interface KernelChange {
  words: ReadonlySet<string>;
  any: boolean;
}

export const NO_CHANGE: KernelChange = { words: new Set(), any: false };

export interface ResultInput {
  /** the step's own word on it (Step.resultPane) */
  declared?: ResultPane;
  /** the notice shown for this run (Step.noticeBy's, else the step's), both languages: the
   *  pane is the same whichever the learner reads */
  notice: Text;
  traceFocus?: readonly TraceMark[];
  /** what the step changed in the Kernel pane */
  changed?: KernelChange;
  /** more words the Kernel pane shows for this lesson: the fields of a structure it decodes
   *  (serv-clnt's magic, server_pid) */
  kernelWords?: readonly string[];
}

/** The Kernel pane's words that are no ordinary word and no id a call returns: a notice that
 *  names one points at the Kernel pane whatever changed. (key, owner, bytes, messages, mode,
 *  size, status are English words; shmid, msqid, semid are what shmget, msgget, semget return,
 *  which the Trace shows.) */
const ORDINARY = new Set(['key', 'owner', 'bytes', 'messages', 'mode', 'size', 'status', 'shmid', 'msqid', 'semid']);
const ALL_WORDS = [...new Set([...SHM_COLUMNS, ...QUEUE_COLUMNS, ...SET_COLUMNS, ...SEM_COLUMNS].map(([h]) => h).concat(STAT_FIELDS, [STAT_LABEL]))];
export const KERNEL_WORDS: readonly string[] = ALL_WORDS.filter((w) => !ORDINARY.has(w));

/** The notice names the pane itself, by its title (the tab bar's word), in either language.
 *  A lower-case "kernel", and 内核 alone, is the kernel, not the pane. */
export const PANE_NAMES: Record<'kernel' | 'trace' | 'flow', RegExp[]> = {
  kernel: [/\bKernel\b/, /“内核”|内核窗格/],
  trace: [/\btrace\b/i, /跟踪/],
  flow: [/\bFlow\b/, /流程图|“流程”/],
};
const DUMP = [/\bdump\b/i, /转储/];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `word` as a word of `text`: not inside another (bytes in used-bytes, key in keys). */
function hasWord(text: string, word: string, anyCase = false): boolean {
  return new RegExp(`(^|[^A-Za-z0-9_-])${escape(word)}($|[^A-Za-z0-9_-])`, anyCase ? 'i' : '').test(text);
}

const ERRNOS = Object.keys(ERRNO_MEANINGS);

/** The words of a notice that point at a pane, before any run: what `ipclab check` and the
 *  tests can read from the lesson alone. */
export function noticePoints(notice: Text, kernelWords: readonly string[] = []): { kernel: boolean; trace: boolean; flow: boolean; quoted: boolean } {
  const both = `${notice.en}\n${notice.zh}`;
  const named = (pane: keyof typeof PANE_NAMES) => PANE_NAMES[pane].some((re) => re.test(both));
  const kernel = named('kernel') || DUMP.some((re) => re.test(both)) || [...KERNEL_WORDS, ...kernelWords].some((w) => hasWord(both, w));
  const trace = named('trace') || hasWord(both, 'ipcs') || ERRNOS.some((e) => hasWord(both, e)) || /\bSIG[A-Z0-9]{2,}\b/.test(both);
  return { kernel, trace, flow: named('flow'), quoted: /"[^"\n]+"/.test(both) };
}

/** A call's return said in words ("shmdt returned 0", "返回 0"): only the Trace shows it. */
const RETURN_WORDS = [/\breturn(?:ed|s)\b/, /返回/];

/** A step whose result is in one pane for sure while its notice claims what only the other shows
 *  (a call's return, an errno, ipcs's output, a signal in the Trace; a Kernel figure) and that
 *  declares no Step.alsoIn: the pane it names and the pane shown (issue 16 item 5: shmdt 2's
 *  "shmdt returned 0" stood beside the Kernel pane alone). */
export function unbackedClaim(step: { notice: Text; traceFocus?: readonly TraceMark[]; resultPane?: ResultPane; alsoIn?: { pane: string } }): { claims: ResultPane; shown: ResultPane } | null {
  if (step.alsoIn) return null;
  const shown = possibleResultPanes(step);
  if (shown.size !== 1) return null;
  const [pane] = [...shown];
  const points = noticePoints(step.notice);
  const returned = RETURN_WORDS.some((re) => re.test(`${step.notice.en}\n${step.notice.zh}`));
  if (pane === 'kernel' && (points.trace || returned)) return { claims: 'trace', shown: pane };
  return null;
}

/** The pane that holds the step's result, and the rule that chose it (see the list above). */
export function resultPane(input: ResultInput): { pane: ResultPane; why: ResultWhy } {
  if (input.declared) return { pane: input.declared, why: 'declared' };
  if (input.traceFocus && input.traceFocus.length > 0) return { pane: 'trace', why: 'trace-focus' };
  const changed = input.changed ?? NO_CHANGE;
  const points = noticePoints(input.notice, input.kernelWords);
  const both = `${input.notice.en}\n${input.notice.zh}`;
  if (points.kernel || [...changed.words].some((w) => hasWord(both, w, true))) return { pane: 'kernel', why: 'kernel-words' };
  if (points.trace) return { pane: 'trace', why: 'trace-words' };
  if (points.flow) return { pane: 'flow', why: 'flow-words' };
  if (points.quoted) return { pane: 'trace', why: 'quoted' };
  if (changed.any || changed.words.size > 0) return { pane: 'kernel', why: 'kernel-changed' };
  return { pane: 'trace', why: 'calls' };
}

/** The kernel before a step and after it, as the Kernel pane draws them. */
export interface KernelSide {
  segments: readonly SegmentRecord[];
  queues: readonly QueueRecord[];
  semaphores: readonly SemaphoreRecord[];
  /** IPC_STAT of the segment in focus, and which that is */
  focus: number | null;
  stat: ShmidDs | null;
}

/** The column and field words whose figures differ between `was` and `now` (by the heading the
 *  pane shows them under: size is "bytes"), and whether anything differs (a row new or gone).
 *  `between`: the figures a read while the step ran found changed (`shm:ID:field`, kernel.ts
 *  Before.between), which count even when they came back; `bytes`: a byte of a segment changed. */
export function kernelChange(was: KernelSide, now: KernelSide, between: ReadonlySet<string> = new Set(), bytes = false): KernelChange {
  const words = new Set<string>();
  let any = bytes;
  const compare = <T extends object>(cols: readonly (readonly [string, keyof T])[], idOf: (x: T) => number, before: readonly T[], after: readonly T[]) => {
    for (const x of after) {
      const old = before.find((b) => idOf(b) === idOf(x));
      if (!old) {
        any = true;
        continue;
      }
      for (const [head, field] of cols) if (JSON.stringify(x[field]) !== JSON.stringify(old[field])) words.add(head);
    }
    if (before.some((b) => !after.some((x) => idOf(x) === idOf(b)))) any = true;
  };
  compare(SHM_COLUMNS, (s) => s.shmid, was.segments, now.segments);
  compare(QUEUE_COLUMNS, (q) => q.msqid, was.queues, now.queues);
  compare(SET_COLUMNS, (s) => s.semid, was.semaphores, now.semaphores);
  for (const set of now.semaphores) {
    const old = was.semaphores.find((s) => s.semid === set.semid);
    if (old) compare(SEM_COLUMNS, (v) => v.semnum, old.sems ?? [], set.sems ?? []);
  }
  if (was.focus !== null && was.focus === now.focus && was.stat && now.stat) {
    for (const f of STAT_FIELDS) if (JSON.stringify(now.stat[f]) !== JSON.stringify(was.stat[f])) words.add(f);
  }
  const heads = new Map<string, string>([...SHM_COLUMNS, ...QUEUE_COLUMNS, ...SET_COLUMNS, ...SEM_COLUMNS].map(([h, f]) => [String(f), h]));
  for (const key of between) {
    const field = key.split(':').at(-1) ?? '';
    words.add(heads.get(field) ?? field);
  }
  return { words, any: any || words.size > 0 };
}

/** The key words that send the learner to a pane: Tab, BTab (Shift-Tab), zh 跳到 ("jump to"). */
const TAB_WORDS = [/\bB?Tab\b/g, /跳到/g];

/** The panes a notice tells the learner to press a key to reach ("Tab to the Kernel pane", "in
 *  the Trace tab (Tab)", "Tab 到“内核”窗格"): for each Tab word, the pane named nearest it. */
export function tabPointers(notice: Text): ResultPane[] {
  const found = new Set<ResultPane>();
  for (const text of [notice.en, notice.zh]) {
    for (const tab of TAB_WORDS) {
      for (const m of text.matchAll(tab)) {
        let best: { pane: ResultPane; far: number } | null = null;
        for (const pane of ['kernel', 'trace', 'flow'] as const) {
          for (const re of PANE_NAMES[pane]) {
            for (const n of text.matchAll(new RegExp(re.source, `${re.flags.replace('g', '')}g`))) {
              const far = n.index < m.index ? m.index - (n.index + n[0].length) : n.index - (m.index + m[0].length);
              if (!best || far < best.far) best = { pane, far };
            }
          }
        }
        if (best) found.add(best.pane);
      }
    }
  }
  return [...found];
}

/** The panes `resultPane` may derive for a step before it runs, whatever it changes: what
 *  `ipclab check` holds a notice's Tab pointers to. */
export function possibleResultPanes(step: { notice: Text; traceFocus?: readonly TraceMark[]; resultPane?: ResultPane }): Set<ResultPane> {
  const all: KernelChange = { words: new Set(ORDINARY), any: true };
  return new Set([NO_CHANGE, { words: new Set<string>(), any: true }, all].map((changed) => resultPane({ declared: step.resultPane, notice: step.notice, traceFocus: step.traceFocus, changed }).pane));
}
