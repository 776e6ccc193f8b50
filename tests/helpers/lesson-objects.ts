// The kernel's objects a lesson's run made, read live from /proc/sysvipc: the tables the
// Kernel pane shows for that lesson (its shmget/msgget/semget calls in the trace).
import { lessonShmids } from '../../src/app/components/marks.js';
import type { TraceEntry } from '../../src/lessons/types.js';
import { readQueues, readSegments, readSemaphores } from '../../src/native/tables.js';

export function lessonObjects(trace: readonly TraceEntry[]) {
  const shm = lessonShmids(trace);
  const msg = lessonShmids(trace, 'msgget');
  const sem = lessonShmids(trace, 'semget');
  return {
    segments: readSegments().filter((x) => shm.has(x.shmid)),
    queues: readQueues().filter((q) => msg.has(q.msqid)),
    semaphores: readSemaphores().filter((x) => sem.has(x.semid)),
  };
}
