// The words the Kernel pane shows over a lesson's objects: each table's column headings
// (ipcs's, with the field each shows) and, for a segment, IPC_STAT's field names. A heading is
// on screen from the call that makes its column carry something the lesson talks about: most from
// the call that made the lesson's first object of that kind, the pids of the last msgsnd, msgrcv
// and semop from the first such call (or a semaphore round's measure: the workers' semops),
// semncnt and semzcnt from the call that reads them while a process waits (LATER) -- so they count as shown by that step's run (glossary.ts traceWords:
// sem 1 listed sempid, semncnt and semzcnt as new while their columns held only zeros: issue 16);
// the pane draws its tables from these same lists (src/app/components/kernel-view.ts).
import type { TraceEntry } from './types.js';
import type { QueueRecord, SegmentRecord, SemaphoreRecord, SemaphoreValue, ShmidDs } from '../native/types.js';

/** ipcs -m's columns and lsipc -m's pids. */
export const SHM_COLUMNS: readonly (readonly [string, keyof SegmentRecord])[] = [
  ['key', 'key'], ['shmid', 'shmid'], ['owner', 'owner'], ['perms', 'perms'], ['bytes', 'size'], ['nattch', 'nattch'], ['status', 'status'], ['cpid', 'cpid'], ['lpid', 'lpid'],
];
/** ipcs -q's columns and lsipc -q's pids. */
export const QUEUE_COLUMNS: readonly (readonly [string, keyof QueueRecord])[] = [
  ['key', 'key'], ['msqid', 'msqid'], ['owner', 'owner'], ['perms', 'perms'], ['used-bytes', 'usedBytes'], ['messages', 'messages'], ['lspid', 'lspid'], ['lrpid', 'lrpid'],
];
/** ipcs -s's columns. */
export const SET_COLUMNS: readonly (readonly [string, keyof SemaphoreRecord])[] = [['key', 'key'], ['semid', 'semid'], ['owner', 'owner'], ['perms', 'perms'], ['nsems', 'nsems']];
/** under each set its semaphores, as ipcs -s -i lists them. */
export const SEM_COLUMNS: readonly (readonly [string, keyof SemaphoreValue])[] = [['semnum', 'semnum'], ['semval', 'semval'], ['semncnt', 'semncnt'], ['semzcnt', 'semzcnt'], ['sempid', 'sempid']];

/** IPC_STAT's label over the segment in focus. */
export const STAT_LABEL = 'IPC_STAT';
/** IPC_STAT's fields, in the order the pane lists them. */
export const STAT_FIELDS: readonly (keyof ShmidDs)[] = ['key', 'mode', 'size', 'nattch', 'uid', 'gid', 'cuid', 'cgid', 'cpid', 'lpid', 'atime', 'dtime', 'ctime'];
/** The fields of IPC_STAT's a text names by their name: all but key, mode and size, words of
 *  prose ("no key finds them"; the row's perms and bytes show the other two). */
export const RECORD_NAMED: readonly (keyof ShmidDs)[] = STAT_FIELDS.filter((f) => !['key', 'mode', 'size'].includes(f));

/** Whether `text` names the field `name` as a word of its own. */
export function namesField(text: string, name: string): boolean {
  return new RegExp(`(^|[^\\w-])${name}([^\\w-]|$)`).test(text);
}

/** The columns drawn only from a later call than the one making the object (the pane leaves
 *  them out before it: paneColumns), by the call that brings each; a call's C text is matched
 *  where the call alone says too little (semctl GETNCNT). */
const LATER: readonly (readonly [string, RegExp])[] = [
  ['lspid', /^msgsnd\(/],
  ['lrpid', /^msgrcv\(/],
  // Linux's semctl SETVAL and SETALL set sempid as a semop does (ipc/sem.c): sem 1's notice says so
  ['sempid', /^semop\(|^semctl\(.*, SET(?:VAL|ALL),/],
  ['semncnt', /^semctl\(.*GETNCNT\)$/],
  ['semzcnt', /^semctl\(.*GETZCNT\)$/],
];
/** The headings LATER brings. */
export const LATER_COLUMNS: ReadonlySet<string> = new Set(LATER.map(([head]) => head));

/** Every heading over an object made by a call of these (whatever the later calls bring). */
const ALL_BY_CALL = {
  shmget: SHM_COLUMNS.map(([h]) => h),
  msgget: QUEUE_COLUMNS.map(([h]) => h),
  semget: [...SET_COLUMNS, ...SEM_COLUMNS].map(([h]) => h),
} as const satisfies Readonly<Record<string, readonly string[]>>;

/** What the pane shows once a call of these made an object: the headings over its row, but those
 *  a later call brings (LATER). Not the segment's record (IPC_STAT's fields): it shows a dozen
 *  fields at once, and listing them all where the first segment is made gave overview 2 ten new
 *  terms (issue 16); each is a new term where a text first names it, and g finds every one of
 *  them before that. */
const BY_CALL: Readonly<Record<keyof typeof ALL_BY_CALL, readonly string[]>> = {
  shmget: ALL_BY_CALL.shmget,
  msgget: ALL_BY_CALL.msgget.filter((h) => !LATER_COLUMNS.has(h)),
  semget: ALL_BY_CALL.semget.filter((h) => !LATER_COLUMNS.has(h)),
};

/** The calls on an object the pane shows, by the call that makes it (BY_CALL's keys): a lesson
 *  whose code or Flow names one works on such an object, and its run shows that object's headings
 *  (glossary.ts earlierTerms, known before the run). */
export const CALLS_ON: Readonly<Record<keyof typeof ALL_BY_CALL, readonly string[]>> = {
  shmget: ['shmget', 'shmat', 'shmdt', 'shmctl'],
  msgget: ['msgget', 'msgsnd', 'msgrcv', 'msgctl'],
  semget: ['semget', 'semop', 'semctl'],
};

/** The segment's record's words (IPC_STAT's label and fields), which the pane shows under a
 *  segment's row: not listed new with the row (BY_CALL), but what the lessons before taught of
 *  them is counted for a learner who opens a lesson from the menu (glossary.ts earlierTerms). */
export const RECORD_WORDS: Readonly<Partial<Record<keyof typeof ALL_BY_CALL, readonly string[]>>> = { shmget: [STAT_LABEL, ...STAT_FIELDS] };

/** The words the Kernel pane shows from the trace entry `e` on: a call's when it succeeded, none
 *  for a call that makes no object and brings no column. A semaphore round's measure brings
 *  sempid too: its semops are the workers', never traced, and the column would otherwise never
 *  come though the kernel's figure changed (race 3). */
export function paneWords(e: TraceEntry): readonly string[] {
  if (e.type === 'measure') return e.lock === 'semaphore' ? ['sempid'] : [];
  if (e.type !== 'call' || e.errno !== null) return [];
  return (BY_CALL as Readonly<Record<string, readonly string[]>>)[e.call] ?? LATER.flatMap(([head, call]) => (call.test(e.c) ? [head] : []));
}

/** Every heading over the objects a maker call (CALLS_ON's keys) makes, those later calls bring too:
 *  what the lessons before taught of them (glossary.ts earlierTerms). */
export function objectWords(maker: string): readonly string[] {
  return (ALL_BY_CALL as Readonly<Record<string, readonly string[]>>)[maker] ?? [];
}

/** The LATER columns the pane draws after the calls of `trace`: those a call there brought. */
export function paneColumns(trace: readonly TraceEntry[]): Set<string> {
  return new Set(trace.flatMap((e) => paneWords(e).filter((w) => LATER_COLUMNS.has(w))));
}
