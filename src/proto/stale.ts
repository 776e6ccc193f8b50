// Rendezvous segments nobody will use again: the server that made them is gone, nobody
// is attached, and they are the calling user's. The takeover rule of docs/PROTOCOL.md
// removes such a segment when a new server needs the key; `ipclab clean` removes them
// too, so a server killed with kill -9 leaves nothing even when its journal is lost.
import * as sys from '../native/index.js';
import { peerGone } from './liveness.js';
import { OFF, RV_MAGIC, RV_SIZE } from './layout.js';

export interface StaleRendezvous {
  shmid: number;
  key: string;
  /** rv->server_pid, gone */
  serverPid: number;
}

/** Looks without writing. Only rows that /proc already shows unused (nattch 0, creator
 *  gone, ours, at a key) are attached read-only to read magic and server_pid, so a live
 *  exchange is never touched. */
export function staleRendezvous(): StaleRendezvous[] {
  const uid = process.getuid!();
  const found: StaleRendezvous[] = [];
  for (const row of sys.readShmRows()) {
    if (row.key === 0 || row.size < RV_SIZE || row.nattch !== 0 || row.cuid !== uid || !peerGone(row.cpid)) continue;
    const { segment } = sys.shmat(row.shmid, sys.SHM_RDONLY);
    if (!segment) continue;
    const magic = segment.readUint32(OFF.magic);
    const serverPid = segment.readInt32(OFF.server_pid);
    sys.shmdt(segment);
    if (magic === RV_MAGIC && peerGone(serverPid)) found.push({ shmid: row.shmid, key: sys.formatKey(row.key), serverPid });
  }
  return found;
}
