// `ipclab clean [--dry-run]`: removes what killed ipclab runs left behind (segments,
// processes, temp folders), and says for each what happened and why. Beyond the runs'
// journals it removes stale rendezvous segments (docs/ARCHITECTURE.md, "ipclab clean").
import type { Options } from '../options.js';
import type { Lang } from '../lang.js';
import { clean, runsDir, shmctlRmid, StateError, type CleanEntry, type CleanReport } from '../native/index.js';
import { staleRendezvous, type StaleRendezvous } from '../proto/stale.js';
import { cells } from '../text/cells.js';
import { sanitize } from '../text/sanitize.js';
import { EXIT } from '../exit-codes.js';

type Words = (typeof WORDS)[Lang];

const WORDS = {
  en: {
    damaged: 'damaged',
    ended: (dryRun: boolean) => (dryRun ? 'would end' : 'ended'),
    removed: (dryRun: boolean) => (dryRun ? 'would remove' : 'removed'),
    kept: 'kept',
    gone: 'gone',
    stale: (rv: StaleRendezvous) => `a stale ipclab rendezvous (its server, pid ${rv.serverPid}, is gone; nobody attached)`,
    forgotten: 'forgotten',
    waited: 'waited for',
    orphan: (ended: boolean) =>
      ended
        ? 'an ipclab run whose parent is gone: it has ended and removed its own objects'
        : 'an ipclab run whose parent is gone: still running after 10 s; run clean again once it ends',
    warning: 'warning',
    folder: 'folder',
    unreadable: (file: string, lines: number, copy: string | null) =>
      `${file}: ${lines} unreadable line(s); ${copy ? `a copy is kept at ${copy}; ` : ''}cleaning by what can still be read (the run's pid, its children, its keys)`,
    process: (run: string, signals: string) => `a process of ipclab run ${run}, which is gone${signals ? ` (${signals})` : ''}`,
    nothing: (dir: string) => `nothing to clean: no ended ipclab run left anything behind (runs are recorded in ${dir})`,
    left: 'left',
    unnamed: (flag: string, id: number) => `made by your uid, recorded by no run in this state folder: another program's, or a run with another XDG_STATE_HOME; left alone (only if you know it is ipclab's: ipcrm ${flag} ${id})`,
    dryRun: '(dry run: nothing was removed; run without --dry-run to remove)',
    cannot: 'ipclab clean: ',
  },
  zh: {
    damaged: '已损坏',
    ended: (dryRun: boolean) => (dryRun ? '将结束' : '已结束'),
    removed: (dryRun: boolean) => (dryRun ? '将删除' : '已删除'),
    kept: '保留',
    gone: '已不在',
    stale: (rv: StaleRendezvous) => `过期的 ipclab 会合段（其服务端进程 ${rv.serverPid} 已不在；没有进程映射它）`,
    forgotten: '已不在',
    waited: '已等待',
    orphan: (ended: boolean) =>
      ended ? '父进程已不在的 ipclab 运行：它已结束，并删除了自己的 IPC 对象' : '父进程已不在的 ipclab 运行：10 秒后仍在运行；等它结束后再运行一次 clean',
    warning: '警告',
    folder: '目录',
    unreadable: (file: string, lines: number, copy: string | null) =>
      `${file}：${lines} 行无法读取；${copy ? `副本保存在 ${copy}；` : ''}按仍能读出的内容清理（该次运行的进程号、子进程和 key）`,
    process: (run: string, signals: string) => `ipclab 运行 ${run} 的进程，该运行已不在${signals ? `（${signals}）` : ''}`,
    nothing: (dir: string) => `没有要清理的：已结束的 ipclab 运行都没有留下东西（运行记录在 ${dir}）`,
    left: '留下',
    unnamed: (flag: string, id: number) => `由你的 uid 创建，本状态目录里没有哪次运行记下它：是别的程序的，或另一个 XDG_STATE_HOME 下的运行建的；不动它（确知是 ipclab 的才用 ipcrm ${flag} ${id} 删除）`,
    dryRun: '（演习：什么也没删除；去掉 --dry-run 才会删除）',
    cannot: 'ipclab clean：',
  },
};

/** The reasons src/native gives (in English), in Chinese. */
const ZH_REASONS: [RegExp, (...m: string[]) => string][] = [
  [/^ipclab process (\d+) is still running; it removes its own segments$/, (_, pid) => `ipclab 进程 ${pid} 仍在运行，它会删除自己的段`],
  [/^ipclab process (\d+) is still running; it removes its own queues$/, (_, pid) => `ipclab 进程 ${pid} 仍在运行，它会删除自己的消息队列`],
  [/^ipclab process (\d+) is still running; it removes its own semaphore sets$/, (_, pid) => `ipclab 进程 ${pid} 仍在运行，它会删除自己的信号量集`],
  [/^made under key (0x[0-9a-f]+), which ipclab process (\d+) \(gone\) recorded before creating$/, (_, key, pid) => `在 key ${key} 下创建；ipclab 进程 ${pid}（已不在）创建前记下了这个 key`],
  [/^ipclab process (\d+) is gone$/, (_, pid) => `ipclab 进程 ${pid} 已不在`],
  [/^already gone$/, () => '已经不在了'],
  [/^already removed while attached \(dest\); the kernel frees it at the last detach \(nattch (\d+)\)$/, (_, n) => `映射期间已被删除（dest）；最后一次解除映射时内核释放它（nattch ${n}）`],
  [/^made by ipclab process (\d+) \(gone\) before it could record it$/, (_, pid) => `由 ipclab 进程 ${pid}（已不在）创建，它没来得及记下`],
  [/^made by process (\d+) of ipclab run (\d+) \(both gone\)$/, (_, pid, run) => `由 ipclab 运行 ${run} 的进程 ${pid} 创建（两者都已不在）`],
  [/^made with IPC_PRIVATE by ipclab process (\d+) \(gone\), killed before it could record it$/, (_, pid) => `由 ipclab 进程 ${pid}（已不在）用 IPC_PRIVATE 创建，它还没来得及记下就被杀掉了`],
];

function reason(text: string, lang: Lang): string {
  return lang === 'zh' ? ZH_REASONS.reduce((zh, [en, to]) => zh.replace(en, to), text) : text;
}

/** A label padded to 12 cells (CJK takes two), then the rest. */
function labelled(label: string, rest: string): string {
  return `${label}${' '.repeat(Math.max(1, 13 - cells(label)))}${rest}`;
}

const ID_NAME = { shm: 'shmid', msg: 'msqid', sem: 'semid' } as const;
const IPCRM_FLAG = { msg: '-q', sem: '-s' } as const;

function line(label: string, e: CleanEntry, lang: Lang): string {
  // queues and sets have no creator pid in the kernel: their column stays empty
  const cpid = e.cpid === null ? ''.padEnd(13) : `cpid ${String(e.cpid).padEnd(7)}`;
  return labelled(label, `${ID_NAME[e.kind]} ${String(e.id).padEnd(8)} key ${e.key}  ${cpid} ${sanitize(reason(e.reason, lang))}`);
}

function lines(report: CleanReport, dryRun: boolean, lang: Lang): string[] {
  const w: Words = WORDS[lang];
  return [
    ...report.damaged.map((d) => labelled(w.damaged, sanitize(w.unreadable(d.file, d.lines, d.copy)))),
    ...report.waited.map((p) => labelled(w.waited, `pid ${String(p.pid).padEnd(10)} ${w.orphan(p.ended)}`)),
    ...report.ended.map((p) => labelled(w.ended(dryRun), `pid ${String(p.pid).padEnd(10)} ${w.process(p.run, p.signals)}`)),
    ...report.removed.map((e) => line(w.removed(dryRun), e, lang)),
    ...report.kept.map((e) => line(w.kept, e, lang)),
    ...report.forgotten.map((e) => line(w.forgotten, e, lang)),
    ...report.folders.map((dir) => labelled(w.removed(dryRun), `${w.folder} ${sanitize(dir)}`)),
    ...report.warnings.map((text) => labelled(w.warning, sanitize(text))),
  ];
}

export async function run(options: Options): Promise<number> {
  let report: CleanReport;
  try {
    report = clean({ dryRun: options.dryRun });
  } catch (err) {
    if (!(err instanceof StateError)) throw err;
    process.stderr.write(`${WORDS[options.lang].cannot}${sanitize(err.message)}\n`);
    return EXIT.environment;
  }
  const out = lines(report, options.dryRun, options.lang);
  let failed = report.kept.some((e) => e.call);
  const w = WORDS[options.lang];
  for (const rv of staleRendezvous()) {
    const rmid = options.dryRun ? null : shmctlRmid(rv.shmid);
    // EINVAL/EIDRM: another clean (or a new server's takeover) removed it first
    const gone = rmid?.errno === 'EINVAL' || rmid?.errno === 'EIDRM';
    if (rmid?.errno && !gone) failed = true;
    const label = options.dryRun || !rmid?.errno ? w.removed(options.dryRun) : gone ? w.gone : w.kept;
    out.push(labelled(label, `shmid ${String(rv.shmid).padEnd(8)} key ${rv.key}  ${w.stale(rv)}${rmid?.errno && !gone ? `: ${rmid.c} = -1 ${rmid.errno}` : ''}`));
  }
  if (out.length === 0) out.push(w.nothing(sanitize(runsDir())));
  else if (options.dryRun) out.push(w.dryRun);
  // what clean leaves, and why: a learner who ran ipclab with another state folder sees where
  for (const u of report.unnamed) out.push(labelled(w.left, `${ID_NAME[u.kind]} ${String(u.id).padEnd(8)} key ${u.key}  ${''.padEnd(13)} ${w.unnamed(IPCRM_FLAG[u.kind], u.id)}`));
  process.stdout.write(`${out.join('\n')}\n`);
  // an IPC_RMID that failed leaves something behind: say so in the exit code
  return failed ? EXIT.failed : EXIT.ok;
}
