// `ipclab clean`: removes what killed ipclab runs left in the kernel. A record is
// acted on only when the process that wrote it is gone and IPC_STAT shows the id
// still names the very object recorded (ids are reused).
import { shmctlRmid, shmctlStat } from './calls.js';
import { SHM_DEST } from './constants.js';
import { formatKey } from './format.js';
import { processAlive } from './procstat.js';
import { forgetRecords, readOwned, type OwnedRecord } from './registry.js';
import { sameObject } from './tables.js';
import type { CallRecord } from './types.js';

export interface CleanEntry {
  shmid: number;
  key: string;
  cpid: number;
  /** the ipclab process that recorded the segment */
  pid: number;
  reason: string;
  /** the IPC_RMID call, when one was made */
  call?: CallRecord;
}

export interface CleanReport {
  /** removed (or, with dryRun, would be removed) */
  removed: CleanEntry[];
  /** left in the kernel, with the reason */
  kept: CleanEntry[];
  /** records dropped because their segment no longer exists */
  forgotten: CleanEntry[];
}

export function clean(opts: { dryRun: boolean }): CleanReport {
  const report: CleanReport = { removed: [], kept: [], forgotten: [] };
  const drop: OwnedRecord[] = [];
  for (const record of readOwned()) {
    const entry = (reason: string): CleanEntry => ({ shmid: record.shmid, key: formatKey(record.key), cpid: record.cpid, pid: record.pid, reason });
    if (processAlive(record.pid, record.pidStart)) {
      report.kept.push(entry(`ipclab process ${record.pid} is still running; it removes its own segments`));
      continue;
    }
    const { call, ds } = shmctlStat(record.shmid);
    if (!ds) {
      if (call.errno === 'EINVAL' || call.errno === 'EIDRM') {
        report.forgotten.push(entry('already gone'));
        drop.push(record);
      } else {
        report.kept.push(entry(`IPC_STAT failed: ${call.errno} (${call.message})`));
      }
      continue;
    }
    if (!sameObject(record, ds)) {
      report.kept.push(entry(`the id now names another segment (cpid ${ds.cpid}, ctime ${ds.ctime}, key ${formatKey(ds.key)}), not ipclab's: left alone`));
      drop.push(record);
      continue;
    }
    if (ds.mode & SHM_DEST) {
      report.kept.push(entry(`already removed while attached (dest); the kernel frees it at the last detach (nattch ${ds.nattch})`));
      drop.push(record);
      continue;
    }
    if (opts.dryRun) {
      report.removed.push(entry(`ipclab process ${record.pid} is gone`));
      continue;
    }
    const rmid = shmctlRmid(record.shmid);
    if (rmid.errno) {
      report.kept.push({ ...entry(`IPC_RMID failed: ${rmid.errno} (${rmid.message})`), call: rmid });
    } else {
      report.removed.push({ ...entry(`ipclab process ${record.pid} is gone`), call: rmid });
      drop.push(record);
    }
  }
  if (!opts.dryRun) forgetRecords(drop);
  return report;
}
