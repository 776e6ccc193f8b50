// The trace as lines: each call in C syntax with its return value and errno name,
// real commands' output, events, refusals and deaths, with a rule where each step began.
import type { Lang } from '../../lang.js';
import type { Lesson, TraceEntry } from '../../lessons/types.js';
import { type Line, line, run } from '../styled.js';
import type { Strings } from '../strings.js';
import { cells, truncate, wrap } from '../text-fit.js';

function callLine(pid: number, c: string, ret: string, errno: string | null, message: string | null, width: number): Line {
  const left = `${pid} `;
  const result = ` = ${ret}`;
  const err = errno ? ` ${errno}` : '';
  const msg = message ? ` (${message})` : '';
  const fixed = cells(left) + cells(result) + cells(err);
  const withMsg = fixed + cells(c) + cells(msg) <= width;
  const call = truncate(c, Math.max(8, width - fixed));
  return [
    run(left, 'dim'),
    run(call),
    run(result, errno ? 'error' : 'ok'),
    run(err, 'error'),
    ...(withMsg ? [run(msg, 'dim')] : []),
  ];
}

export function entryLines(entry: TraceEntry, lang: Lang, width: number, s: Strings): Line[] {
  switch (entry.type) {
    case 'call':
      return [callLine(entry.pid, entry.c, entry.retText ?? String(entry.ret), entry.errno, entry.message, width)];
    case 'output': {
      const head: Line = [run(`${entry.pid} `, 'dim'), run(`$ ${entry.command}`, 'label')];
      if (entry.exitCode === null) head.push(run(`  (${s.notInstalled})`, 'error'));
      else if (entry.exitCode !== 0) head.push(run(`  (${s.exitCode(entry.exitCode)})`, 'error'));
      const body = entry.text.replace(/\n+$/, '').split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
      return [head, ...body.map((l) => line(`  ${l}`, 'dim'))];
    }
    case 'event':
      return wrap(entry.text[lang], Math.max(10, width - cells(`${entry.pid} `) - 2)).map((l, i) => [
        run(i === 0 ? `${entry.pid} ` : ' '.repeat(cells(`${entry.pid} `)), 'dim'),
        run(i === 0 ? '• ' : '  ', 'label'),
        run(l),
      ]);
    case 'refused':
      return [[run(`${entry.pid} `, 'dim'), run(`${s.refused}: `, 'error'), run(entry.text)]];
    case 'death': {
      const how = entry.death.signal ? `${s.killedBy} ${entry.death.signal}` : `${s.exitedWith} ${entry.death.code}`;
      return [[run(`${entry.pid} `, 'dim'), run(`${entry.what}: `), run(how, 'error')]];
    }
  }
}

/** All trace lines, oldest first, with a rule before each step's entries. */
export function traceLines(trace: readonly TraceEntry[], stepStarts: readonly number[], lesson: Lesson, lang: Lang, width: number, s: Strings, ascii: boolean): Line[] {
  const out: Line[] = [];
  const rule = ascii ? '-' : '─';
  trace.forEach((entry, i) => {
    const step = stepStarts.indexOf(i);
    if (step >= 0 && lesson.steps[step]) {
      const label = truncate(`${rule.repeat(2)} ${s.step} ${step + 1}: ${lesson.steps[step].title[lang]} `, width);
      out.push(line(label + rule.repeat(Math.max(0, width - cells(label))), 'frame'));
    }
    out.push(...entryLines(entry, lang, width, s));
  });
  return out;
}
