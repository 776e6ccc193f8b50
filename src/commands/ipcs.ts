// `ipclab ipcs [--json]`: the kernel's System V objects as ipclab sees them, with
// ipclab's own marked. --json prints one object:
//   {"schema": 1, "segments": [SegmentRecord...], "queues": [QueueRecord...], "semaphores": [SemaphoreRecord...]}
// (fields in the JSON shape of docs/PROTOCOL.md; key as 8 lowercase hex digits like lsipc;
// each set with its semaphores as ipcs -s -i reads them).
import type { Options } from '../options.js';
import { readQueues, readSegments, readSemaphores } from '../native/index.js';
import { table } from '../text/table.js';
import { TERMS } from '../text/terms.js';
import { EXIT } from '../exit-codes.js';
import { SCHEMA } from '../schema.js';

const TITLES = {
  en: { shm: 'Shared Memory Segments', msg: 'Message Queues', sem: 'Semaphore Arrays', ours: '* = made by an ipclab run with your state folder', oursColumn: 'ours' },
  zh: { shm: '共享内存段', msg: '消息队列', sem: TERMS.semaphoreSet.zh, ours: '* = 使用你的状态文件夹的 ipclab 运行所建', oursColumn: 'ipclab 的' },
};

export async function run(options: Options): Promise<number> {
  const segments = readSegments();
  const queues = readQueues();
  const semaphores = readSemaphores();
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ schema: SCHEMA.ipcs, segments, queues, semaphores })}\n`);
    return EXIT.ok;
  }
  const t = TITLES[options.lang];
  const out = [
    '',
    `------ ${t.shm} (${t.ours}) --------`,
    ...table(
      ['key', 'shmid', 'owner', 'perms', 'bytes', 'nattch', 'status', 'cpid', 'lpid', t.oursColumn],
      segments.map((s) => [s.key, String(s.shmid), s.owner, s.perms, String(s.size), String(s.nattch), s.status.join(','), String(s.cpid), String(s.lpid), s.ours ? '*' : '']),
    ),
    '',
    `------ ${t.msg} (${t.ours}) --------`,
    ...table(['key', 'msqid', 'owner', 'perms', 'used-bytes', 'messages', t.oursColumn], queues.map((q) => [q.key, String(q.msqid), q.owner, q.perms, String(q.usedBytes), String(q.messages), q.ours ? '*' : ''])),
    '',
    `------ ${t.sem} (${t.ours}) --------`,
    ...table(['key', 'semid', 'owner', 'perms', 'nsems', t.oursColumn], semaphores.map((s) => [s.key, String(s.semid), s.owner, s.perms, String(s.nsems), s.ours ? '*' : ''])),
    '',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  return EXIT.ok;
}
