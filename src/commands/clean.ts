// `ipclab clean [--dry-run]`: removes the segments that killed ipclab runs left
// behind, and says for each recorded segment what happened and why.
import type { Options } from '../options.js';
import { clean, ownedFile, type CleanEntry } from '../native/index.js';

function line(label: string, e: CleanEntry): string {
  return `${label.padEnd(12)} shmid ${String(e.shmid).padEnd(8)} key ${e.key}  cpid ${String(e.cpid).padEnd(7)} ${e.reason}`;
}

export async function run(options: Options): Promise<number> {
  const report = clean({ dryRun: options.dryRun });
  const lines = [
    ...report.removed.map((e) => line(options.dryRun ? 'would remove' : 'removed', e)),
    ...report.kept.map((e) => line('kept', e)),
    ...report.forgotten.map((e) => line('forgotten', e)),
  ];
  if (lines.length === 0) lines.push(`nothing to clean: no segments recorded in ${ownedFile()}`);
  else if (options.dryRun) lines.push('(dry run: nothing was removed; run without --dry-run to remove)');
  process.stdout.write(`${lines.join('\n')}\n`);
  // an IPC_RMID that failed leaves something behind: say so in the exit code
  return report.kept.some((e) => e.call) ? 1 : 0;
}
