// Every term a learner sees is explained, the trace's too: what `ipclab run` prints of each
// lesson (its text and every trace line, calls, notes and command output, as the Trace
// pane shows them) names no code-like term (termsIn) that the glossary lacks. The lesson
// texts are checked as data by `ipclab check`; the trace exists only once the steps ran.
// And a Chinese run's trace says nothing in English: every note of ipclab's side, of its
// other processes and of the C programs has its Chinese (src/text/strings.ts).
import { rmSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryFor, termsIn } from '../../src/lessons/glossary.js';
import { LESSONS } from '../../src/lessons/index.js';
import { makeTempDir } from '../../src/native/ownership.js';
import { cli } from './helpers.js';

/** The trace lines of `ipclab run`'s text ("  4242 shmat(…) = 0x7f…"), each with the lines it wrapped onto. */
function traceLines(stdout: string): string[] {
  const out: string[] = [];
  let inTrace = false;
  for (const line of stdout.split('\n')) {
    if (/^ {2}\d+ /.test(line)) out.push(line.trim());
    else if (inTrace && /^ {4,}\S/.test(line)) out[out.length - 1] += ` ${line.trim()}`;
    inTrace = /^ {2}\d+ /.test(line) || (inTrace && /^ {4,}\S/.test(line));
  }
  return out;
}

/** Words no English sentence goes without: a phrase of them left in a Chinese line is English prose */
const FUNCTION_WORDS = /\b(?:the|a|an|and|or|of|to|in|is|was|now|not|no|this|that|it|its|has|held|holds|for|with|by|from|on|at|as|be|are|will|still)\b/i;

/** The English phrases of a Chinese line once its code is taken out: quoted text (what a
 *  program sent or holds, in ASCII or Chinese quotes), calls, an errno with the C library's words for it (strerror's, as C prints
 *  them), and every word with a digit, a dot, a slash, a dash, an underscore,
 *  an arrow or in capitals (identifiers, paths, options, constants, numbers). */
function englishPhrases(line: string): string[] {
  let text = line.replace(/"(?:[^"\\]|\\.)*"|`[^`]*`|'[^']*'|“[^”]*”/g, ' ').replace(/\bE[A-Z0-9]+ \([^)]*\)/g, ' ');
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(/[\w.]+\([^()]*\)/g, ' ');
  }
  text = text
    .split(/(\s+|[，。：；、（）“”])/)
    .map((w) => (/[_/.\->=&|$#@\d*]|^[A-Z]+$/.test(w) ? ' ' : w))
    .join('');
  return (text.match(/[A-Za-z]+(?:[ ,]+[A-Za-z]+)+/g) ?? []).filter((p) => FUNCTION_WORDS.test(p));
}

describe('the trace of every lesson', () => {
  it('englishPhrases finds English prose and leaves code alone', () => {
    expect(englishPhrases('__atomic_compare_exchange_n(&rv->client_pid, &expected, 42, 0) = 1 claimed: client_pid held expected, 0, and now holds this pid')).toHaveLength(1);
    expect(englishPhrases('rv->seq == 1：从 rv->data 读出 13 字节（flags 0）')).toEqual([]);
    expect(englishPhrases('打印出 "from C to ipclab 你好"')).toEqual([]);
    expect(englishPhrases('终端 1：node bin/ipclab.mjs serv --message hello --message 你好')).toEqual([]);
  });

  it("a temporary folder's name, shown in traces, is never read as a term (a random suffix once was: xe96r_nn)", () => {
    for (let i = 0; i < 200; i++) {
      const dir = makeTempDir('ipclab-terms-');
      rmSync(dir, { recursive: true });
      expect(basename(dir)).toMatch(/^ipclab-terms-[0-9a-f]{8}$/);
      expect(termsIn(dir)).toEqual([]);
    }
  });

  // each in both languages at once, and two lessons at a time (the alone project's
  // maxConcurrency, vitest.config.ts): a run mostly waits on its peers and the kernel
  it.concurrent.each(LESSONS.map((l) => l.id))('%s: every code-like term it shows is in the glossary, in both languages; the Chinese trace has no English prose', async (id) => {
    const runs = await Promise.all((['en', 'zh'] as const).map((lang) => cli(['run', id, '--lang', lang, '--no-quiz'], 60_000)));
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(termsIn(run.stdout).filter((t) => !entryFor(t))).toEqual([]);
    }
    // a command's line ("$ cc …") holds what the command printed, in its own words
    expect(traceLines(runs[1].stdout).filter((line) => !/^\d+ \$ /.test(line) && englishPhrases(line).length)).toEqual([]);
  }, 90_000);
});
