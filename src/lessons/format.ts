// Trace entries and lesson text as plain lines, for `ipclab run` and anything else
// that shows a trace as text: calls in C with strace-style results.
import type { Lang } from '../lang.js';
import type { QueueRecord, SegmentRecord, SemaphoreRecord } from '../native/types.js';
import { callText, seenEndParts, outputLines } from '../text/results.js';
import { SHARED } from '../text/strings.js';
import { sanitize } from '../text/sanitize.js';
import type { TraceEntry } from './types.js';

/** The pid a trace line of `entry` starts with: the process that acted, and for a child's
 *  death the process that saw it (`self`, the lesson's: it waited for the child), not the dead
 *  child; the entry's own `pid` (the child's, as docs/PROTOCOL.md gives it) is in the text. */
export function shownPid(entry: TraceEntry, self: number = process.pid): number {
  return entry.type === 'death' ? self : entry.pid;
}

/** One entry as the lines a trace shows, each starting with the pid that acted (shownPid);
 *  text from outside (command output, file names, peers' lines) passes the sanitizer first. */
export function traceLines(entry: TraceEntry, lang: Lang, ascii = false, self: number = process.pid): string[] {
  const s = SHARED[lang];
  const shown = (text: string) => sanitize(text, ascii);
  switch (entry.type) {
    case 'call':
      return [`${entry.pid} ${shown(callText(entry, lang))}`];
    case 'output': {
      const head = `${entry.pid} $ ${shown(entry.command)}${entry.exitCode !== null && entry.exitCode !== 0 ? `   (${s.exitCode(entry.exitCode)})` : ''}`;
      return [head, ...outputLines(shown(entry.text)).map((line) => `    ${line}`)];
    }
    case 'event':
    case 'measure':
      return shown(entry.text[lang]).split('\n').map((line) => `${entry.pid} ${line}`);
    case 'refused':
      return [`${entry.pid} ${s.refused}${shown(entry.reason?.[lang] ?? entry.text)}`];
    case 'death':
      return [`${shownPid(entry, self)} ${seenEndParts(s.throwAway(shown(entry.what), entry.pid), entry.death, lang).join('')}`];
  }
}

/** A segment as one ipcs-like line; its size in the learner's language ("4096 字节"), the
 *  fields by their C and ipcs names. */
export function segmentLine(s: SegmentRecord, lang: Lang): string {
  const status = s.status.length ? `  ${s.status.join(',')}` : '';
  return `${s.key} shmid ${s.shmid}  perms ${s.perms}  ${SHARED[lang].bytes(s.size)}  nattch ${s.nattch}  cpid ${s.cpid}  lpid ${s.lpid}${status}`;
}

/** A queue on one line, as `ipcs -q` names its columns. */
export function queueLine(q: QueueRecord): string {
  return `${q.key} msqid ${q.msqid}  perms ${q.perms}  used-bytes ${q.usedBytes}  messages ${q.messages}  lspid ${q.lspid}  lrpid ${q.lrpid}`;
}

/** A semaphore set on one line, as `ipcs -s` names its columns. */
export function semaphoreSetLine(set: SemaphoreRecord): string {
  return `${set.key} semid ${set.semid}  perms ${set.perms}  nsems ${set.nsems}`;
}

// the screen's own wrapping, so run's text and the validator measure as the pane draws
export { wrap } from '../text/cells.js';
