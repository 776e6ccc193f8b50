// The words the Kernel pane shows over a lesson's objects: each table's column headings
// (ipcs's, with the field each shows) and, for a segment, IPC_STAT's field names. The headings are
// on screen from the step whose call made the lesson's first object of that kind, so they
// count as shown by that step's run (glossary.ts traceWords: the semncnt column of lesson 10
// (sem), step 1 is new there, not where a later text names it); the pane draws its tables from these same
// lists (src/app/components/kernel-view.ts).
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

/** What the pane shows once a call of these made an object: the headings over its row. Not the
 *  segment's record (IPC_STAT's fields): it shows a dozen fields at once, and listing them all
 *  where the first segment is made gave overview 2 ten new terms (issue 16); each is a new term
 *  where a text first names it, and g finds every one of them before that. */
const BY_CALL = {
  shmget: SHM_COLUMNS.map(([h]) => h),
  msgget: QUEUE_COLUMNS.map(([h]) => h),
  semget: [...SET_COLUMNS, ...SEM_COLUMNS].map(([h]) => h),
} as const satisfies Readonly<Record<string, readonly string[]>>;

/** The calls on an object the pane shows, by the call that makes it (BY_CALL's keys): a lesson
 *  whose code or Flow names one works on such an object, and its run shows that object's headings
 *  (glossary.ts earlierTerms, known before the run). */
export const CALLS_ON: Readonly<Record<keyof typeof BY_CALL, readonly string[]>> = {
  shmget: ['shmget', 'shmat', 'shmdt', 'shmctl'],
  msgget: ['msgget', 'msgsnd', 'msgrcv', 'msgctl'],
  semget: ['semget', 'semop', 'semctl'],
};

/** The segment's record's words (IPC_STAT's label and fields), which the pane shows under a
 *  segment's row: not listed new with the row (BY_CALL), but what the lessons before taught of
 *  them is counted for a learner who opens a lesson from the menu (glossary.ts earlierTerms). */
export const RECORD_WORDS: Readonly<Partial<Record<keyof typeof BY_CALL, readonly string[]>>> = { shmget: [STAT_LABEL, ...STAT_FIELDS] };

/** The words the Kernel pane shows from the call `call` on, when it succeeded; none for a
 *  call that makes no object. */
export function paneWords(call: string, failed: boolean): readonly string[] {
  return failed ? [] : ((BY_CALL as Readonly<Record<string, readonly string[]>>)[call] ?? []);
}
