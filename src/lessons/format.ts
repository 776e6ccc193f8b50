// Trace entries and lesson text as plain lines, for `ipclab run` and anything else
// that shows a trace as text: calls in C with strace-style results.
import type { Lang } from '../lang.js';
import type { SegmentRecord } from '../native/types.js';
import type { TraceEntry } from './types.js';

/** `= 44`, `= 0x7300f7e8`, `= -1 ENOENT (No such file or directory)` */
export function formatResult(entry: Extract<TraceEntry, { type: 'call' }>): string {
  const shown = entry.retText ?? String(entry.ret);
  return entry.errno === null ? `= ${shown}` : `= ${shown} ${entry.errno} (${entry.message})`;
}

const DEATH = {
  en: (what: string, how: string) => `throw-away child (${what}) ${how}`,
  zh: (what: string, how: string) => `临时子进程（${what}）${how}`,
};

/** One entry as the lines a trace shows, each starting with the pid that acted. */
export function traceLines(entry: TraceEntry, lang: Lang): string[] {
  switch (entry.type) {
    case 'call':
      return [`${entry.pid} ${entry.c} ${formatResult(entry)}`];
    case 'output': {
      const head = `${entry.pid} $ ${entry.command}${entry.exitCode !== null && entry.exitCode !== 0 ? `   (exit ${entry.exitCode})` : ''}`;
      return [head, ...entry.text.split('\n').map((line) => `    ${line}`)];
    }
    case 'event':
      return entry.text[lang].split('\n').map((line) => `${entry.pid} ${line}`);
    case 'refused':
      return [`${entry.pid} ipclab: ${entry.reason?.[lang] ?? entry.text}`];
    case 'death': {
      const { signal, code } = entry.death;
      const how = signal
        ? lang === 'zh' ? `被 ${signal} 杀死` : `killed by ${signal}`
        : lang === 'zh' ? `退出，退出码 ${code}` : `exited with code ${code}`;
      return [`${entry.pid} ${DEATH[lang](entry.what, how)}`];
    }
  }
}

/** A segment as one ipcs-like line. */
export function segmentLine(s: SegmentRecord): string {
  const status = s.status.length ? `  ${s.status.join(',')}` : '';
  return `${s.key} shmid ${s.shmid}  perms ${s.perms}  ${s.size} bytes  nattch ${s.nattch}  cpid ${s.cpid}  lpid ${s.lpid}${status}`;
}

// the screen's own wrapping, so run's text and the validator measure as the pane draws
export { wrap } from '../text/cells.js';
