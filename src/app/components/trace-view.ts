// The trace as lines: each call in C syntax with its return value and errno name,
// real commands' output, events, refusals and deaths, with a rule where each step began.
// Every line starts with the pid that acted, right-aligned so the columns line up;
// long text wraps under itself rather than being cut.
import type { Lang } from '../../lang.js';
import type { Lesson, TraceEntry } from '../../lessons/types.js';
import { type Line, type Run, type UiTone, line, run } from '../styled.js';
import type { Strings } from '../strings.js';
import { cells, layoutText, truncate, wrap } from '../text-fit.js';
import { endParts, resultParts } from '../../text/results.js';
import { type Owners, ownerMark, ownerOf } from './marks.js';

const NO_OWNERS: Owners = { lesson: new Set(), ipclab: new Set() };
/** A row of `ipcs -m`: key, then shmid. */
const IPCS_ROW = /^0x[0-9a-f]{8}\s+(\d+)\s/;

/** Before a line of a command's output: whose segment an `ipcs` row lists (marks.ts), else a space. */
function outputMark(command: string, text: string, owners: Owners, ascii: boolean): string {
  const row = command.startsWith('ipcs') ? IPCS_ROW.exec(text) : null;
  return row ? ownerMark(ownerOf(Number(row[1]), owners), ascii) : ' ';
}

type Layout = ReturnType<typeof layoutText>;
type CallEntry = Extract<TraceEntry, { type: 'call' }>;

function callLine(pid: string, entry: CallEntry, width: number, t: Layout): Line {
  const { value, errno, message } = resultParts(entry);
  const result = ` ${value}`;
  const err = errno ? ` ${errno}` : '';
  const msg = message ? ` ${message}` : '';
  const fixed = cells(pid) + cells(result) + cells(err);
  const withMsg = fixed + cells(t.text(entry.c)) + cells(msg) <= width;
  const call = truncate(t.text(entry.c), Math.max(8, width - fixed), t.mark);
  return [run(pid, 'dim'), run(call), run(result, errno ? 'error' : 'ok'), run(err, 'error'), ...(withMsg ? [run(msg, 'dim')] : [])];
}

/** `head` then `text` wrapped to the room left, its further lines indented under the text. */
function hanging(head: Run[], text: string, tone: UiTone, width: number, t: Layout, indent = head.reduce((n, r) => n + cells(r.text), 0)): Line[] {
  const lines = wrap(t.text(text), Math.max(10, width - indent));
  return lines.map((l, i) => (i === 0 ? [...head, run(l, tone)] : [run(' '.repeat(indent)), run(l, tone)]));
}

export function entryLines(entry: TraceEntry, lang: Lang, width: number, s: Strings, pidWidth = 0, ascii = false, owners = NO_OWNERS): Line[] {
  const t = layoutText(ascii);
  const pid = `${String(entry.pid).padStart(pidWidth)} `;
  const blank = ' '.repeat(cells(pid));
  switch (entry.type) {
    case 'call':
      return [callLine(pid, entry, width, t)];
    case 'output': {
      const head = hanging([run(pid, 'dim'), run('$ ', 'label')], entry.command, 'label', width, t);
      if (entry.exitCode === null) head[head.length - 1].push(run(`  (${s.notInstalled})`, 'error'));
      else if (entry.exitCode !== 0) head[head.length - 1].push(run(`  (${s.exitCode(entry.exitCode)})`, 'error'));
      const body = entry.text.replace(/\n+$/, '').split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
      return [...head, ...body.flatMap((l) => hanging([run(`${blank}${outputMark(entry.command, l, owners, ascii)} `)], l, 'dim', width, t, cells(blank) + 4))];
    }
    case 'event':
      return hanging([run(pid, 'dim'), run('• ', 'label')], entry.text[lang], 'plain', width, t);
    case 'refused':
      return hanging([run(pid, 'dim'), run(s.refused, 'error')], entry.reason?.[lang] ?? entry.text, 'plain', width, t);
    case 'death': {
      const [who, how] = endParts(s.throwAway(entry.what), entry.death, lang);
      return [[run(pid, 'dim'), run(who), run(how, 'error')]];
    }
  }
}

/** All trace lines, oldest first, with a rule before each step's entries; `ipcs` rows marked by whose segment they list. */
export function traceLines(trace: readonly TraceEntry[], stepStarts: readonly number[], lesson: Lesson, lang: Lang, width: number, s: Strings, ascii: boolean, owners = NO_OWNERS): Line[] {
  const out: Line[] = [];
  const rule = ascii ? '-' : '─';
  const t = layoutText(ascii);
  const pidWidth = Math.max(0, ...trace.map((e) => String(e.pid).length));
  trace.forEach((entry, i) => {
    const step = stepStarts.indexOf(i);
    if (step >= 0 && lesson.steps[step]) {
      const label = truncate(t.text(`${rule.repeat(2)} ${s.step} ${step + 1}${s.colon}${lesson.steps[step].title[lang]} `), width, t.mark);
      out.push(line(label + rule.repeat(Math.max(0, width - cells(label))), 'frame'));
    }
    out.push(...entryLines(entry, lang, width, s, pidWidth, ascii, owners));
  });
  return out;
}
