// The native layer: System V shared memory, message queues and semaphore sets through koffi, bounds-checked access to
// attached memory, the kernel's tables, and ownership with cleanup. No React here.
export type * from './types.js';
export * from './constants.js';
export { shmget, ftok, unlink, link, rename, writeFile, rmdir, shmat, shmdt, shmctlStat, shmctlSet, shmctlRmid, kill, getpid, peekAttached, type SegmentPeek } from './calls.js';
export { Segment, SegmentError, type SegmentErrorCode } from './segment.js';
export { readSegments, readQueues, readSemaphores } from './tables.js';
export { readShmLimits, readShmRows, readSysvipcText, type ShmRow } from './proc.js';
export { crashInChild, type CrashOp } from './crash.js';
export { formatKey, formatMode, formatAddress } from './format.js';
export { errnoName, errnoMessage } from './errno.js';
export { installCleanup, installHandlers, watchParent, cleanupNow, runIpcIds, trackChild, addCleanup, endChild, endChildren, exitBeforeTeardown, beforeSignalEnd, ENDING_SIGNALS } from './cleanup.js';
export { clean, StateError, type CleanEntry, type CleanReport } from './leftovers.js';
export { runsDir, readOwned, forgetEndedRun, type OwnedRecord, type IpcKind, type OwnedIpc } from './registry.js';
export { makeTempDir, noteChildKey } from './ownership.js';
export { processAlive, processStart } from './procstat.js';
export { msgget, msgsnd, msgsndAsync, msgrcv, msgrcvAsync, msgctlStat, msgctlSet, msgctlRmid, type Message } from './msg.js';
export { semget, semop, semopAsync, semtimedop, semtimedopAsync, semctlSetval, semctlGetval, semctlSetall, semctlGetall, semctlGetpid, semctlGetncnt, semctlGetzcnt, semctlStat, semctlRmid } from './sem.js';
export { NativeUnavailable } from './libc.js';
export { attemptAs, type AttemptOp, type AttemptResult } from './attempt.js';
