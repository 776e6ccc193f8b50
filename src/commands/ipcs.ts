// `ipclab ipcs [--json]`: the kernel's System V objects as ipclab sees them, with
// ipclab's own marked. --json prints one object:
//   {"schema": 1, "segments": [SegmentRecord...], "queues": [QueueRecord...], "semaphores": [SemaphoreRecord...]}
// (fields in the JSON shape of docs/PROTOCOL.md; key as 8 lowercase hex digits like lsipc;
// each set with its semaphores as ipcs -s -i reads them).
import type { Options } from '../options.js';
import { readQueues, readSegments, readSemaphores } from '../native/index.js';
import { cells } from '../text/cells.js';
import { sanitize } from '../text/sanitize.js';
import { TERMS } from '../text/terms.js';
import { EXIT } from '../exit-codes.js';
import { SCHEMA } from '../schema.js';

function table(headers: string[], rows: string[][]): string[] {
  // ipcs pads every column to at least 10 cells; wider cells widen the column. A user
  // name is outside text: sanitized, then measured in cells like everything else.
  const safe = rows.map((r) => r.map((c) => sanitize(c)));
  const widths = headers.map((h, i) => Math.max(10, cells(h), ...safe.map((r) => cells(r[i]))));
  const line = (row: string[]) => row.map((c, i) => c + ' '.repeat(widths[i] - cells(c))).join(' ').trimEnd();
  return [line(headers), ...safe.map(line)];
}

const TITLES = {
  en: { shm: 'Shared Memory Segments', msg: 'Message Queues', sem: 'Semaphore Arrays', ours: '* = created by ipclab', oursColumn: 'ours' },
  zh: { shm: '共享内存段', msg: '消息队列', sem: TERMS.semaphoreSet.zh, ours: '* = ipclab 创建的', oursColumn: 'ipclab 的' },
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
