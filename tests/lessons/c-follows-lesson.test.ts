// Each lesson's C file does what the lesson does, in the same order: the lines its steps
// anchor (Step.code) come in step order within each function (a child's code in its own
// function is its own flow: the child's steps in order there, the parent's in main), and
// every text the lesson writes (a segment's strcpy, a message's mtext, its peers' too) is
// in the C, as a string or as what a printf format of it makes ("got %zu bytes: %s"), after the
// lines of the steps before the one that writes it and before those of the steps after it
// (overview.c once wrote "hello" after program B's shmat, where the lesson writes it before).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { anchorFile, anchorText, anchorsOf } from '../../src/lessons/code-anchor.js';
import { ROOT, cli } from './helpers.js';
import { anchorSpan } from '../../src/app/components/code-view.js';

const source = (path: string) => readFileSync(join(ROOT, 'examples', 'c', path), 'utf8');

/** For each character of a C file, the index of the top-level function (brace block) it is in, -1 outside
 *  one; strings, character constants and comments skipped. */
export function functionAt(text: string): number[] {
  const out = new Array<number>(text.length).fill(-1);
  let depth = 0;
  let fn = -1;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const two = text.slice(i, i + 2);
    let skip = 0;
    if (two === '//') skip = text.indexOf('\n', i) - i;
    else if (two === '/*') skip = text.indexOf('*/', i + 2) + 2 - i;
    else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      skip = j - i + 1;
    } else if (c === '#' && (i === 0 || text[i - 1] === '\n')) skip = text.indexOf('\n', i) - i;
    if (skip > 0) {
      out.fill(depth > 0 ? fn : -1, i, i + skip);
      i += skip - 1;
      continue;
    }
    if (c === '{' && depth++ === 0) fn = count++;
    out[i] = depth > 0 ? fn : -1;
    if (c === '}' && --depth === 0) fn = -1;
  }
  return out;
}

/** The C string literals of a file, their escapes read (\" \\ \n \t), with where each is. */
function literals(text: string): { text: string; at: number }[] {
  return [...text.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)].map((m) => ({ text: m[1]!.replace(/\\(.)/g, (_, e: string) => ({ n: '\n', t: '\t', '0': '\0' })[e] ?? e), at: m.index }));
}

/** A printf format as a pattern of what it prints: each conversion any text. */
function formatPattern(format: string): RegExp {
  const parts = format.split(/%[-+ #0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|z|j|t|L)?[diouxXeEfgGcspn]/);
  return new RegExp(`^${parts.map((p) => p.replace(/%%/g, '%').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*')}$`, 'u');
}

/** Where `text` is in the C files: a literal of it, or a format that prints it. */
export function whereInC(text: string, files: readonly string[]): { file: number; at: number }[] {
  return files.flatMap((f, file) => literals(f).filter((l) => l.text === text || (l.text.includes('%') && formatPattern(l.text).test(text))).map((l) => ({ file, at: l.at })));
}

export const inC = (text: string, files: readonly string[]): boolean => whereInC(text, files).length > 0;

/** The texts a run's trace says were written (strcpy into a segment, a message's mtext),
 *  each with the step that first wrote it. */
export function writtenTexts(jsonLines: string): { text: string; step: string }[] {
  const out = new Map<string, string>();
  for (const line of jsonLines.split('\n')) {
    if (!line.startsWith('{')) continue;
    const e = JSON.parse(line) as { type: string; text?: { en: string }; step?: string };
    if (e.type !== 'event' || !e.text) continue;
    for (const m of e.text.en.matchAll(/\bstrcpy\([^,]+, ("(?:[^"\\]|\\.)*")\)|\bmtext = ("(?:[^"\\]|\\.)*")/g)) {
      const text = JSON.parse(m[1] ?? m[2]!) as string;
      if (!out.has(text)) out.set(text, e.step ?? '');
    }
  }
  return [...out].map(([text, step]) => ({ text, step }));
}

/** A C text's code, its comments and strings blanked (a string like "shmget(key, 4096, 0600)" is no call). */
function codeOnly(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, (m) => m.replace(/[^\n]/g, ' '));
}

/** How many calls of `name` a C text makes. */
export const countCalls = (text: string, name: string): number => (codeOnly(text).match(new RegExp(`\\b${name}\\s*\\(`, 'g')) ?? []).length;

/** The file's own functions by name, each with its body: a lit line calling one (msg.c's
 *  `send_note(q, 1, …)`) makes the calls its body makes. */
export function functionBodies(text: string): Map<string, string> {
  const at = functionAt(text);
  const out = new Map<string, string>();
  for (let i = 0; i < text.length; i++) {
    if (at[i] < 0 || (i > 0 && at[i - 1] === at[i])) continue;
    let end = i;
    while (end < text.length && at[end] === at[i]) end++;
    const name = /(\w+)\s*\([^()]*\)\s*$/.exec(codeOnly(text.slice(Math.max(0, i - 300), i)))?.[1];
    if (name) out.set(name, text.slice(i, end));
    i = end - 1;
  }
  return out;
}

/** How many calls of `name` a lit C text makes, through the file's own functions too; a loop
 *  (`while (msgsnd(…) == 0)`) makes as many as it takes. */
export function countLitCalls(text: string, name: string, bodies: ReadonlyMap<string, string>, seen: readonly string[] = []): number {
  let n = countCalls(text, name);
  for (const [fn, body] of bodies) {
    const calls = fn === name || seen.includes(fn) ? 0 : countCalls(text, fn);
    if (calls > 0) n += calls * countLitCalls(body, name, bodies, [...seen, fn]);
  }
  return n > 0 && seen.length === 0 && /\b(while|for)\s*\(/.test(codeOnly(text)) ? Infinity : n;
}

/** How many times a C text's strings name the command `name` ("ipcs -m; ipcs -q", "ipcrm -m %d"). */
export const countCommands = (text: string, name: string): number =>
  [...text.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)].reduce((n, m) => n + (m[1]!.match(new RegExp(`(?:^|;\\s*)${name}\\b`, 'g')) ?? []).length, 0);

/** The calls each step of a run made (the trace's call entries, commands by their program: ipcs, ipcrm), by name with how many. */
export function callsByStep(jsonLines: string): { step: string; calls: Map<string, { made: number; command: boolean }> }[] {
  const out = new Map<string, Map<string, { made: number; command: boolean }>>();
  for (const line of jsonLines.split('\n')) {
    if (!line.startsWith('{')) continue;
    const e = JSON.parse(line) as { type: string; call?: string; command?: string; step?: string };
    if (!e.step) continue;
    const name = e.type === 'call' ? e.call : e.type === 'output' ? /^\S+/.exec(e.command ?? '')?.[0] : undefined;
    // the calls the lessons are about, and the shell's ipcs and ipcrm (not a helper's open and close)
    if (!name || !/^(shm|msg|sem)\w+$|^(ftok|link|rename|ipcs|ipcrm)$/.test(name)) continue;
    const calls = out.get(e.step) ?? new Map<string, { made: number; command: boolean }>();
    calls.set(name, { made: (calls.get(name)?.made ?? 0) + 1, command: e.type === 'output' });
    out.set(e.step, calls);
  }
  return [...out].map(([step, calls]) => ({ step, calls }));
}

/** Steps whose calls (step and call name) the C pane does not light yet, found when the test
 *  was written (fix13i): mostly ipclab's own IPC_STAT/GETVAL looks that the C does in a helper
 *  or not at all, loops, and steps that anchor one line of several. This list can only shrink:
 *  an entry that no longer fails must be removed. */
const UNLIT: Record<string, readonly string[]> = {
  ftok: ['excl shmget', 'open-sizes shmget', 'new-file ftok', 'new-file shmget'],
  shmat: ['rdonly shmat', 'rdonly shmdt'],
  shmdt: ['attach shmget', 'use-after shmat', 'use-after shmdt'],
  shmctl: ['setup shmget', 'setup shmat', 'stat shmctl', 'set shmctl', 'perms-owner shmget', 'perms-owner shmctl', 'perms-owner shmat', 'perms-owner shmdt'],
  'parent-child': ['finish shmdt', 'finish shmctl'],
  'serv-clnt': ['server ftok', 'server shmat', 'client ftok', 'client shmget', 'client shmctl', 'client shmat', 'last shmdt', 'last shmctl', 'c-server ftok', 'c-server shmget', 'c-server shmat', 'c-server shmctl', 'c-server shmdt'],
  msg: ['create msgctl', 'send msgctl', 'by-type msgrcv', 'by-type msgctl', 'taken msgrcv', 'taken msgctl', 'full msgctl', 'full msgsnd', 'blocked msgrcv', 'blocked msgctl', 'blocked msgsnd', 'rmid msgrcv'],
  sem: ['create semctl', 'p semctl', 'nowait semctl', 'waiter semctl', 'v semctl', 'undo semctl', 'no-undo semctl'],
  race: ['none shmat', 'none shmdt', 'semaphore shmat', 'semaphore shmdt', 'atomic shmat', 'atomic shmdt'],
};

/** Steps that run a C program again from its start (the lesson's second pass through it, with
 *  C's own server or client): the order of the lines starts over there. */
const REPLAYS: Record<string, readonly string[]> = { 'serv-clnt': ['c-server'] };

describe('the helpers of this test', () => {
  it('tell functions apart, find a text as a literal or a format of it, and read the trace\'s writes', () => {
    const c = 'int f(void)\n{\n    char *s = "}";\n    return 0; /* } */\n}\nint main(void)\n{\n    f();\n}\n';
    const at = functionAt(c);
    expect(at[c.indexOf('return')]).toBe(0);
    expect(at[c.indexOf('f();')]).toBe(1);
    expect(at[c.indexOf('int main')]).toBe(-1);
    const file = 'snprintf(a, n, "got %zu bytes: %s", strlen(d), d); strcpy(b, "hello, child 你好");';
    expect(inC('got 19 bytes: hello, child 你好', [file])).toBe(true);
    expect(inC('hello, child 你好', [file])).toBe(true);
    expect(inC('hello', [file])).toBe(false);
    expect(writtenTexts('{"type":"event","pid":1,"text":{"en":"strcpy(0x7f00, \\"a \\\\\\"b\\\\\\"\\")"},"step":"w"}\n{"type":"event","pid":1,"text":{"en":"msg.mtype = 1; msg.mtext = \\"x\\""},"step":"s"}')).toEqual([
      { text: 'a "b"', step: 'w' },
      { text: 'x', step: 's' },
    ]);
  });
});

// two lessons at a time (the alone project's maxConcurrency, vitest.config.ts): a run mostly
// waits on its peers and the kernel, and the alone project's one worker leaves a CPU idle
describe.concurrent.each(LESSONS.map((l) => [l.id, l] as const))('%s: its C follows the lesson', (_, lesson) => {
  const paths = lesson.code.map((f) => f.path);
  const texts = paths.map(source);
  const fns = texts.map(functionAt);
  const bodies = texts.map(functionBodies);
  const replays = REPLAYS[lesson.id] ?? [];
  // each anchored step: its file, where its line is, the function, and the pass through the program
  let pass = 0;
  const located = lesson.steps.flatMap((step, index) => {
    if (replays.includes(step.id)) pass++;
    // a step making several calls anchors each (overview's two shmdt): each its own place
    return anchorsOf(step.code).map((anchor) => {
      const named = anchorFile(anchor, paths);
      const file = named ?? texts.findIndex((t, k) => t.includes(anchorText(anchor, paths[k]!, paths) ?? '\0'));
      const text = file < 0 ? '' : anchorText(anchor, paths[file]!, paths)!;
      const at = file < 0 ? -1 : texts[file]!.indexOf(text);
      return { step: step.id, index, file, text, at, fn: at < 0 ? -1 : fns[file]![at]!, pass };
    });
  });
  const lineOf = (file: number, at: number) => `${paths[file]}:${texts[file]!.slice(0, at).split('\n').length}`;

  it('the lines its steps anchor come in step order within each function of each file', () => {
    expect(located.filter((l) => l.at < 0)).toEqual([]);
    const seen = new Map<string, { step: string; at: number }>();
    const problems: string[] = [];
    for (const { step, file, at, fn, pass } of located) {
      const key = `${file} ${fn} ${pass}`;
      const before = seen.get(key);
      if (before && before.at > at) problems.push(`step ${step}'s line (${lineOf(file, at)}) comes before step ${before.step}'s in the same function`);
      seen.set(key, { step, at });
    }
    expect(problems).toEqual([]);
  });

  // one run of the lesson for the tests that read its trace
  let ran: ReturnType<typeof cli> | undefined;
  const runOnce = () => (ran ??= cli(['run', lesson.id, '--json', '--no-quiz'], 60_000));

  it('every call a step makes has its C line lit, where its C makes that call', async () => {
    const run = await runOnce();
    expect(run.code, run.stderr).toBe(0);
    const problems: string[] = [];
    for (const { step, calls } of callsByStep(run.stdout)) {
      const anchored = located.filter((l) => l.step === step && l.at >= 0);
      if (anchored.length === 0) continue;
      const files = [...new Set(anchored.map((l) => l.file))];
      // the code of the lines the pane lights for the step (the statement of each anchor): a
      // call of the file's own function counts the calls its body makes (msg.c's four send_note()
      // lines are four msgsnd: msg step 2 once lit only the first)
      const lit = anchored.map((l) => {
        const span = anchorSpan(texts[l.file]!, l.text)!;
        return { file: l.file, text: texts[l.file]!.split('\n').slice(span.first, span.last + 1).join('\n') };
      });
      for (const [name, { made, command }] of calls) {
        const inFiles = files.reduce((n, f) => n + (command ? countCommands : countCalls)(texts[f]!, name), 0);
        const shown = lit.reduce((n, t) => n + (command ? countCommands(t.text, name) : countLitCalls(t.text, name, bodies[t.file]!)), 0);
        // the C makes this call in the step's file: as many of its calls lit as the step made (at most as many as the C has)
        if (inFiles > 0 && shown < Math.min(made, inFiles)) problems.push(`${step} ${name}: called ${made} time(s), its C lights ${shown} (the file has ${inFiles})`);
      }
    }
    const known = UNLIT[lesson.id] ?? [];
    expect(problems.filter((p) => !known.includes(p.slice(0, p.indexOf(':'))))).toEqual([]);
    // lit now: off the list
    expect(known.filter((k) => !problems.some((p) => p.startsWith(`${k}:`)))).toEqual([]);
  }, 70_000);

  it('every text the lesson writes is in its C, between the lines of the steps before and after', async () => {
    const run = await runOnce();
    expect(run.code, run.stderr).toBe(0);
    const problems: string[] = [];
    for (const { text, step } of writtenTexts(run.stdout)) {
      const places = whereInC(text, texts);
      if (places.length === 0) {
        problems.push(`${JSON.stringify(text)} (step ${step}) is in none of ${paths.join(', ')}`);
        continue;
      }
      const index = lesson.steps.findIndex((st) => st.id === step);
      const mine = located.filter((l) => l.index <= index).at(-1)?.pass ?? 0;
      const fits = places.some(({ file, at }) => {
        const peers = located.filter((l) => l.file === file && l.fn === fns[file]![at] && l.pass === mine);
        return peers.every((l) => (l.index < index ? l.at < at : l.index > index ? l.at > at : true));
      });
      if (!fits) problems.push(`${JSON.stringify(text)}, written at step ${step}, is in the C (${places.map((p) => lineOf(p.file, p.at)).join(', ')}) before a line of a step before it or after one of a step after it`);
    }
    expect(problems).toEqual([]);
  }, 70_000);

  // issue 16: ftok's C cleanup read unlink(path); unlink(linked); unlink(fresh); rmdir(dir) where the
  // Trace's last step unlinked another-name, rendezvous, typo.c: the files the C names (snprintf's
  // "%s/NAME") go in the C's order, a file only the lesson makes is named in the C (a comment), rmdir last
  it('its cleanup unlinks the files in the order its C does, then rmdir', async () => {
    const run = await runOnce();
    expect(run.code, run.stderr).toBe(0);
    const traced = run.stdout.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { type: string; call?: string; c?: string })
      .filter((r) => r.type === 'call' && (r.call === 'unlink' || r.call === 'rmdir'))
      .map((r) => (r.call === 'rmdir' ? 'rmdir' : /\/([^/"]+)"\)$/.exec(r.c!)![1]!));
    const names = new Map(texts.flatMap((t) => [...t.matchAll(/snprintf\((\w+), sizeof \w+, "%s\/([^"%]+)"/g)].map((m): [string, string] => [m[1]!, m[2]!])));
    const inC = texts.flatMap((t) => [...t.matchAll(/\b(unlink|rmdir)\((\w+)\)/g)].flatMap((m) => (m[1] === 'rmdir' ? ['rmdir'] : names.has(m[2]!) ? [names.get(m[2]!)!] : [])));
    if (!traced.length || !inC.length) return;
    expect(traced.filter((n) => inC.includes(n)), 'the files the C unlinks, in its order').toEqual(inC.filter((n) => traced.includes(n)));
    expect(traced.filter((n) => n !== 'rmdir' && !inC.includes(n) && !texts.some((t) => t.includes(n))), 'a file the lesson unlinks that its C never names').toEqual([]);
    // a C that removes a folder, as the lesson does, last
    if (inC.includes('rmdir')) expect([traced.at(-1), inC.at(-1)]).toEqual(['rmdir', 'rmdir']);
  }, 70_000);
});

// issue 16: shmctl.c unlinked its key file right after ftok, where the lesson keeps its own to
// step 8, and a learner comparing the C (c) with the steps saw them disagree. It unlinks early so
// that a Ctrl-C leaves no file (cleanup.h removes IPC objects only; examples-exits.test.ts finds
// any file left): the comment over the unlink says so and names the lesson's step, in both
// languages, and so does the step the C pane opens at.
describe('shmctl.c: its key file', () => {
  it('is unlinked right after ftok, the comment above saying why and where the lesson unlinks its own', () => {
    const text = source('shmctl.c');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => /^\s*unlink\(path\);/.test(l));
    expect(lines.slice(0, at).some((l) => /ftok\(path/.test(l))).toBe(true);
    const comment = lines.slice(Math.max(0, at - 4), at).join('\n');
    expect(comment).toMatch(/Ctrl-C/);
    expect(comment).toMatch(/lesson keeps its file until step 8/);
    const table = readFileSync(join(ROOT, 'examples', 'c', 'zh', 'shmctl.c.txt'), 'utf8');
    expect(table).toMatch(/zh: 本课则把它的文件留到第 8 步/);
    const setup = LESSONS.find((l) => l.id === 'shmctl')!.steps[0]!;
    expect(setup.aside?.en).toMatch(/right after ftok, so a Ctrl-C leaves none.*step 8/);
    expect(setup.aside?.zh).toMatch(/ftok 之后马上删掉 key 文件，免得 Ctrl-C 把它留下.*第 8 步/);
  });
});
