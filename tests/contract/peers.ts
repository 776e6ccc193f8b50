// The independent C peers of tests/contract/peers/ (written from the protocol text alone, now docs/PROTOCOL.md, not
// from ipclab's code), compiled once per test file into a temporary folder.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { HAS_CC, ROOT } from '../twoproc/helpers.js';
import { testTempDir } from '../helpers/temp-dir.js';

export type PeerName = 'serv' | 'clnt' | 'mkseg' | 'hold';

export interface Peers {
  bin: Record<PeerName, string>;
  remove(): void;
}

/** Compiles every peer with every warning an error; null without a C compiler. */
export function compilePeers(): Peers | null {
  if (!HAS_CC) return null;
  const dir = testTempDir('ipclab-contract-');
  const bin = {} as Record<PeerName, string>;
  for (const name of ['serv', 'clnt', 'mkseg', 'hold'] as const) {
    bin[name] = join(dir, name);
    const r = spawnSync('cc', ['-Wall', '-Wextra', '-Werror', '-O2', '-o', bin[name], join(ROOT, 'tests', 'contract', 'peers', `${name}.c`)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`cc ${name}.c failed:\n${r.stderr}`);
  }
  return { bin, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
