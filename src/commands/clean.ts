// `ipclab clean [--dry-run]`: removes what killed ipclab runs left behind (segments,
// processes, temp folders), and says for each what happened and why.
import type { Options } from '../options.js';
import { clean, runsDir, StateError, type CleanEntry, type CleanReport } from '../native/index.js';
import { EXIT } from '../exit-codes.js';

function line(label: string, e: CleanEntry): string {
  return `${label.padEnd(12)} shmid ${String(e.shmid).padEnd(8)} key ${e.key}  cpid ${String(e.cpid).padEnd(7)} ${e.reason}`;
}

function lines(report: CleanReport, dryRun: boolean): string[] {
  return [
    ...report.damaged.map((d) => `damaged      ${d.file}: ${d.lines} unreadable line(s); ${d.copy ? `a copy is kept at ${d.copy}; ` : ''}cleaning by what can still be read (the run's pid, its children, its keys)`),
    ...report.ended.map((p) => `${(dryRun ? 'would end' : 'ended').padEnd(12)} pid ${String(p.pid).padEnd(10)} a process of ipclab run ${p.run}, which is gone${p.signals ? ` (${p.signals})` : ''}`),
    ...report.removed.map((e) => line(dryRun ? 'would remove' : 'removed', e)),
    ...report.kept.map((e) => line('kept', e)),
    ...report.forgotten.map((e) => line('forgotten', e)),
    ...report.folders.map((dir) => `${(dryRun ? 'would remove' : 'removed').padEnd(12)} folder ${dir}`),
    ...report.warnings.map((w) => `warning      ${w}`),
  ];
}

export async function run(options: Options): Promise<number> {
  let report: CleanReport;
  try {
    report = clean({ dryRun: options.dryRun });
  } catch (err) {
    if (!(err instanceof StateError)) throw err;
    process.stderr.write(`ipclab clean: ${err.message}\n`);
    return EXIT.environment;
  }
  const out = lines(report, options.dryRun);
  if (out.length === 0) out.push(`nothing to clean: no ipclab run recorded in ${runsDir()} is gone and left something`);
  else if (options.dryRun) out.push('(dry run: nothing was removed; run without --dry-run to remove)');
  process.stdout.write(`${out.join('\n')}\n`);
  // an IPC_RMID that failed leaves something behind: say so in the exit code
  return report.kept.some((e) => e.call) ? EXIT.failed : EXIT.ok;
}
