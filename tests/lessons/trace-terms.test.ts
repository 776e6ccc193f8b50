// Every term a learner sees is explained, the trace's too: what `ipclab run` prints of each
// lesson (its text and every trace line, calls, notes and command output, as the Trace
// pane shows them) names no code-like term (termsIn) that the glossary lacks. The lesson
// texts are checked as data by `ipclab check`; the trace exists only once the steps ran.
// And a Chinese run's trace says nothing in English: every note of ipclab's side, of its
// other processes and of the C programs has its Chinese (src/text/strings.ts), and what the
// lessons write and send is chosen in the learner's language (ctx.lang()), so a quoted text
// is prose too; an English run's trace has no Chinese.
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

const HAN = /\p{Script=Han}/u;

/** Words no English sentence goes without: a phrase of them left in a Chinese line is English prose */
const FUNCTION_WORDS = /\b(?:the|a|an|and|or|of|to|in|is|was|now|not|no|this|that|it|its|has|held|holds|for|with|by|from|on|at|as|be|are|will|still|yet|again|here|up)\b/i;

/** The English phrases of a Chinese line once its code is taken out: code spans and C's
 *  character constants ('S'), calls, and every word with a digit, a dot, a slash, a dash, an
 *  underscore, an arrow or in capitals (identifiers, paths, options, constants, numbers).
 *  Quoted text (what a program wrote, sent or printed, in ASCII or Chinese quotes) is not
 *  code: the lessons write it in the learner's language, so a quoted "from C to ipclab 你好"
 *  is English in a Chinese line. An errno's meaning after its name is not code either: it is
 *  in Chinese (errnoWords). */
function englishPhrases(line: string): string[] {
  // quoted texts taken out whole (a call's argument too: strcpy(p, "…")) and scanned as prose after the code goes
  const quoted: string[] = [];
  let text = line.replace(/"((?:[^"\\]|\\.)*)"|“([^”]*)”/g, (_, ascii?: string, zh?: string) => (quoted.push(ascii ?? zh ?? ''), ' '));
  text = text.replace(/`[^`]*`|'[^']*'/g, ' ');
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(/[\w.]+\([^()]*\)/g, ' ');
  }
  text = [text, ...quoted].join('；');
  text = text
    .split(/(\s+|[，。：；、（）“”])/)
    .map((w) => (/[_/.\->=&|$#@\d*]|^[A-Z]+$/.test(w) ? ' ' : w))
    .join('');
  return (text.match(/[A-Za-z]+(?:[ ,]+[A-Za-z]+)+/g) ?? []).filter((p) => FUNCTION_WORDS.test(p));
}

/** The meanings after an errno's name in a line ("EINVAL (Invalid argument)") with no Chinese:
 *  the C library's words left in English (a call's result, a C program's perror) */
function errnoWords(line: string): string[] {
  return [...line.matchAll(/\bE[A-Z0-9]{2,}(?: \(([^)]*)\)|（([^）]*)）)/g)].map((m) => m[1] ?? m[2]).filter((words) => !/[\u4e00-\u9fff]/.test(words));
}

/** The Kernel lines of `ipclab run`'s text ("  内核：0x… shmid 7  perms 600  4096 字节 …"). */
function kernelLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => /^ {2}内核：/.test(line)).map((line) => line.trim());
}

/** A Kernel line's Latin words that are not the C and ipcs names of a segment's fields */
const SEGMENT_FIELDS = new Set(['shmid', 'perms', 'nattch', 'cpid', 'lpid', 'dest', 'locked']);
const kernelEnglish = (line: string): string[] => line.split(/\s+/).filter((w) => /^[A-Za-z][A-Za-z-]+$/.test(w) && !SEGMENT_FIELDS.has(w));

describe('the trace of every lesson', () => {
  it('errnoWords and kernelEnglish find the English a Chinese line kept', () => {
    expect(errnoWords('42 shmget(0x53000642, 4096, 0600) = -1 ENOENT (No such file or directory)')).toEqual(['No such file or directory']);
    expect(errnoWords('42 shmat(-1, NULL, 0) = (void *) -1 EINVAL (无效的参数)')).toEqual([]);
    expect(errnoWords('42 shmat(-1, NULL, 0) = (void *) -1 EINVAL（没有段用这个 shmid，或地址不对）')).toEqual([]);
    expect(errnoWords('42 kill(7, 0) = -1 ESRCH（No such process）')).toEqual(['No such process']);
    expect(kernelEnglish('内核：0x5300e24e shmid 458753  perms 600  4096 bytes  nattch 0  cpid 26984  lpid 0')).toEqual(['bytes']);
    expect(kernelEnglish('内核：0x5300ecb1 shmid 458753  perms 600  4096 字节  nattch 0  cpid 26984  lpid 0  dest')).toEqual([]);
  });

  it('englishPhrases finds English prose and leaves code alone', () => {
    expect(englishPhrases('__atomic_compare_exchange_n(&rv->client_pid, &expected, 42, 0) = 1 claimed: client_pid held expected, 0, and now holds this pid')).toHaveLength(1);
    expect(englishPhrases('rv->seq == 1：从 rv->data 读出 13 字节（flags 0）')).toEqual([]);
    // quoted text is the learner's language too: a mixed one (as lessons once wrote) is found
    expect(englishPhrases('打印出 "from C to ipclab 你好"')).toHaveLength(1);
    expect(englishPhrases('strcpy(0x7f0000001000, "still here 还在")：18 字节 UTF-8')).toHaveLength(1);
    expect(englishPhrases('从 0x7f0000001000 读出：“dest, yet mapped 仍可映射”')).toHaveLength(1);
    expect(englishPhrases('打印出 "从 C 到 ipclab"')).toEqual([]);
    expect(englishPhrases('strcpy(0x7f0000001000, "还在这里")：12 字节 UTF-8')).toEqual([]);
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
    // an errno's meaning is Chinese too, the errno's name C's; and a Kernel line's words
    expect(traceLines(runs[1].stdout).filter((line) => errnoWords(line).length)).toEqual([]);
    expect(kernelLines(runs[1].stdout).filter((line) => kernelEnglish(line).length)).toEqual([]);
    // and an English run's trace no Chinese: what a lesson wrote or sent is English there
    expect(traceLines(runs[0].stdout).filter((line) => HAN.test(line))).toEqual([]);
  }, 90_000);
});
