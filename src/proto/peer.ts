// The other process of a lesson or of the bench, as data: which side it runs (server,
// client, parent-child child, msg/sem blocker or race worker) and with what.
// `ipclab _peer JSON` (src/commands/peer.ts) runs it; src/proto/spawn.ts starts it.
import { Blocker, type BlockerOptions } from './blocker.js';
import { Child } from './child.js';
import { Client } from './client.js';
import type { Emit } from './events.js';
import type { Lang } from '../lang.js';
import { Racer, type Lock } from './racer.js';
import type { Side } from './run-side.js';
import { Server } from './server.js';

export type PeerSpec =
  | { role: 'serv'; path: string; messages: string[]; timeout: number; gated: boolean }
  | { role: 'clnt'; path: string; timeout: number }
  | { role: 'child'; down: number; up: number; parent: number; rounds: number; answer: boolean; gated: boolean; quiet?: boolean }
  | { role: 'blocker'; call: BlockerOptions['call']; parent: number }
  | { role: 'racer'; shmid: number; semid: number; lock: Lock; n: number; worker: number; forcePreempt: boolean };

export const PEER_ROLES: readonly PeerSpec['role'][] = ['serv', 'clnt', 'child', 'blocker', 'racer'];

/** What `ipclab _peer` can be started as: a side of the protocol, or the playground's
 *  helper process (src/play/helper.ts), which answers one request line at a time. */
export type SpawnSpec = PeerSpec | { role: 'play'; lang: Lang; allowForeign: boolean; ascii: boolean };

/** The side a spec describes; `gate` lets a gated side take its next action. */
export function makeSide(spec: PeerSpec, emit: Emit, gate: () => Promise<void>): Side {
  switch (spec.role) {
    case 'serv':
      return new Server({
        rendezvous: { path: spec.path, isDefault: false },
        messages: spec.messages.map((m) => Buffer.from(m, 'utf8')),
        timeoutMs: spec.timeout * 1000,
        emit,
        gate: spec.gated ? () => gate() : undefined,
      });
    case 'clnt':
      return new Client({ rendezvous: { path: spec.path, isDefault: false }, timeoutMs: spec.timeout * 1000, emit, onMessage: () => {} });
    case 'child':
      return new Child({ ...spec, emit, gate: spec.gated ? gate : undefined });
    case 'blocker':
      return new Blocker({ ...spec, emit });
    case 'racer':
      return new Racer({ ...spec, emit });
  }
}

