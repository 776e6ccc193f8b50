// What the C programs ipclab runs print shows in Chinese in a Chinese trace, through each
// file's table (examples/c/zh/FILE.out.txt, src/lessons/c-output.ts), while the English stays
// the program's own words: every line they print in the lessons' real runs (`ipclab run shmat`
// and `serv-clnt`, which compile and run inherit.c, clnt.c and serv.c), and the lines of their
// ways out (fail(), a signal, a wrong argument). `ipclab check` holds each table to its file.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { C_PROGRAMS, cOutputProblems, filesOf, cProgramChinese, type CProgram, parseOutputTable, printedTexts, printersOf, outputTablesProblems, cFileChinese, unescapeC } from '../../src/lessons/c-output.js';
import { parseCommentTable } from '../../src/text/comment-spans.js';
import { traceLines } from '../../src/lessons/format.js';
import { LESSONS } from '../../src/lessons/index.js';
import { cli, ROOT } from './helpers.js';
import { testTempDir } from '../helpers/temp-dir.js';

const hasCc = spawnSync('cc', ['--version'], { stdio: 'ignore' }).status === 0;

/** Words no English sentence goes without (tests/lessons/trace-terms.test.ts's rule). */
const FUNCTION_WORDS = /\b(?:the|a|an|and|or|of|to|in|is|was|now|not|no|this|that|it|its|has|held|holds|for|with|by|from|on|at|as|be|are|will|still|which|without|within|cleaning|waiting|retrying)\b/i;

/** The English prose of a Chinese line: quoted text and calls, an errno with the C library's
 *  words, and words with a digit, a dot, a slash, an arrow or in capitals are code; what is
 *  left holds no run of English words with a function word in it. Quotes are NOT taken out:
 *  a program's own words shown in quotes are English all the same. */
function englishProse(line: string): string[] {
  let text = line.replace(/\bE[A-Z0-9]+ \([^)]*\)/g, ' ');
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(/[\w.]+\([^()]*\)/g, ' ');
  }
  text = text
    .split(/(\s+|[，。：；、（）“”"])/)
    .map((w) => (/[_/.\->=&|$#@\d*]|^[A-Z]+$/.test(w) ? ' ' : w))
    .join('');
  return (text.match(/[A-Za-z']+(?:[ ,]+[A-Za-z']+)*/g) ?? []).filter((p) => FUNCTION_WORDS.test(p));
}

describe('the tables of what the C programs print', () => {
  it('are read as the comment tables are, by one reader of pairs (en: then zh:, # notes): the same problems in the same words but for how a value is written', () => {
    const shape = (q: (v: string) => string) => ['# a note', '', `en: ${q('one')}`, `zh: ${q('一')}`, `zh: ${q('二')}`, `en: ${q('one')}`, `zh: ${q('一')}`, `en: ${q('three')}`, `en: ${q('four')}`, 'what?'].join('\n');
    const out = parseOutputTable(shape((v) => `"${v}"`));
    const comments = parseCommentTable(shape((v) => v));
    expect([...out.table]).toEqual([['one', '一']]);
    expect([...comments.table]).toEqual([['one', '一']]);
    // the same lines wrong, said alike: the value quoted as each table writes it
    expect(out.problems.map((p) => p.replace(/"/g, "'"))).toEqual(comments.problems.map((p) => p.replace(/neither 'en: ' nor 'zh: '/, `neither 'en: '…'' nor 'zh: '…'' (a C string in double quotes)`)));
    expect(comments.problems).toEqual([
      "line 5: 'zh: ' with no 'en: ' line before it",
      "line 6: 'one' is given twice",
      "line 8: 'en: 'three'' has no 'zh: ' line after it",
      "line 10: neither 'en: ' nor 'zh: '",
      "line 9: an 'en: ' line with no 'zh: ' line after it",
    ]);
  });

  it('finds every text a file can print: a print call\'s format (its own printf-like functions too), a ternary\'s both, perror\'s prefix, a returned text, a #define\'d one; not a comment\'s, not a nested call\'s', () => {
    const source = [
      '/* printf("in a comment") */',
      '#define SEEN " (seen)"',
      '__attribute__((format(printf, 1, 2)))',
      'static void say(const char *fmt, ...);',
      'static void tell(const char *fmt, ...) __attribute__((format(printf, 1, 2)));',
      'static const char *how(int s) { return s ? " (woken)" : " (polled)"; }',
      'int main(void) {',
      '    say(x ? "a %d" : "b %d", 1); // say("not this")',
      '    tell("shmat(%d, NULL, 0) = %p", 1, p);',
      '    fprintf(stderr, "usage: x\\n");',
      '    printf("%s -> %d, " "expected %d\\n", strtok(line, "\\n"), 1, 2);',
      '    printf("the segment %s\\n", left ? "is gone" : "stays");',
      '    perror("pipe");',
      '    snprintf(buf, sizeof buf, "-1 %s", name);',
      '}',
    ].join('\n');
    expect(printedTexts(source).map((t) => t.text).sort()).toEqual(
      [' (seen)', ' (woken)', ' (polled)', 'a %d', 'b %d', 'shmat(%d, NULL, 0) = %p', 'usage: x\\n', '%s -> %d, expected %d\\n', 'the segment %s\\n', 'is gone', 'stays', 'pipe'].sort(),
    );
  });

  // msg.c's expect(cond, "type 2: the first message of type 2") prints its text through
  // printf("NOT AS EXPECTED: %s\n", what): the C pane showed it in English to a Chinese reader
  it('a function that hands a parameter to a printer prints the literals it is called with (msg.c\'s expect, overview.c\'s show_and_run), through a chain of them too; one that prints none of its parameters prints nothing', () => {
    const source = [
      'static void expect(int cond, const char *what)',
      '{',
      '    if (!cond) { printf("NOT AS EXPECTED: %s\\n", what); }',
      '}',
      'static int show(const char *cmd) { expect(cmd != 0, cmd); return system(cmd); }',
      'static int quiet(const char *cmd) { printf("running\\n"); return system(cmd); }',
      'int main(void) {',
      '    expect(1, "type 2: the first message of type 2");',
      '    show("ipcs -m");',
      '    quiet("not printed");',
      '}',
    ].join('\n');
    expect(printedTexts(source).map((t) => t.text).sort()).toEqual(['NOT AS EXPECTED: %s\\n', 'type 2: the first message of type 2', 'ipcs -m', 'running\\n'].sort());
  });

  it('every C file has its tables, whole: `ipclab check` finds nothing', () => {
    expect(outputTablesProblems()).toEqual([]);
  });

  it('`ipclab check` covers every C file the C pane can show, not only the programs ipclab runs: a new file that prints with no table, a text with no entry, a table with no file', () => {
    const dir = testTempDir('ipclab-c-tables-');
    try {
      mkdirSync(join(dir, 'zh'));
      for (const program of C_PROGRAMS) writeFileSync(join(dir, `${program}.c`), 'int main(void) { return 0; }\n');
      writeFileSync(join(dir, 'new.c'), '#include "new.h"\nint main(void) { printf("after the last detach = %d\\n", 1); say("woke"); }\n');
      writeFileSync(join(dir, 'new.h'), 'static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));\n');
      writeFileSync(join(dir, 'old.c'), 'int main(void) { puts("stays"); puts("gone"); }\n');
      writeFileSync(join(dir, 'zh', 'old.c.out.txt'), 'en: "stays"\nzh: "还在"\n');
      writeFileSync(join(dir, 'zh', 'none.c.out.txt'), '');
      expect(outputTablesProblems(dir)).toEqual([
        'examples/c/zh/new.c.out.txt: missing; examples/c/new.c prints 2 texts (first "after the last detach = %d\\n", line 2) that the Chinese C pane shows through it',
        'examples/c/zh/old.c.out.txt: no entry for "gone" (examples/c/old.c:1)',
        'examples/c/zh/none.c.out.txt: no C file examples/c/none.c prints through it',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // A newcomer at 120x34 zh read shmctl.c's "after the last detach" in English: only the
  // programs ipclab runs had tables, while the C pane shows every lesson's files (issue 16)
  it('every C file a lesson shows in the C pane (f goes through them) has its table, whole: each text it prints has its Chinese', () => {
    const read = (p: string) => (existsSync(join(ROOT, 'examples', 'c', p)) ? readFileSync(join(ROOT, 'examples', 'c', p), 'utf8') : null);
    const shown = [...new Set(LESSONS.flatMap((l) => l.code.map((f) => f.path)))].sort();
    expect(shown.length).toBeGreaterThanOrEqual(12);
    const problems = shown.flatMap((file) => cOutputProblems(file, read(file)!, read(`zh/${file}.out.txt`), printersOf(filesOf(file, read).map((f) => read(f)!))));
    expect(problems).toEqual([]);
  });

  it('a text with no entry, an entry with no text, other values, a call not kept as it is: each a problem', () => {
    const source = 'int main(void) { printf("attached at %p: nattch %d\\n", p, n); printf("fork() = %d\\n", c); printf("left\\n"); }';
    const table = [
      'en: "attached at %p: nattch %d\\n"',
      'zh: "已映射到 %p\\n"',
      'en: "fork() = %d\\n"',
      'zh: "fork（） = %d\\n"',
      'en: "gone\\n"',
      'zh: "不在了\\n"',
    ].join('\n');
    const problems = cOutputProblems('x.c', source, table, printersOf([source]));
    expect(problems).toEqual([
      'examples/c/zh/x.c.out.txt: no entry for "left\\n" (examples/c/x.c:1)',
      'examples/c/zh/x.c.out.txt: "已映射到 %p\\n" prints other values than "attached at %p: nattch %d\\n" (0:p 1:d against 0:p)',
      'examples/c/zh/x.c.out.txt: "fork（） = %d\\n" does not keep the call "fork() = " of "fork() = %d\\n" as it is',
      'examples/c/zh/x.c.out.txt: "gone\\n" is printed nowhere in examples/c/x.c (the text changed?)',
    ]);
    expect(cOutputProblems('x.c', source, null)[0]).toMatch(/^examples\/c\/zh\/x\.c\.out\.txt: missing; examples\/c\/x\.c prints 3 texts/);
  });

  it('a line is given through the format that prints it whole: its values where the Chinese puts them (%2$u), a plain text a %s printed in Chinese too, the most literal format first', () => {
    const program = 'serv';
    expect(cProgramChinese(program, 'the client (pid 42) did not acknowledge message 3 within 10 s')).toBe('客户端（pid 42）在 10 秒内没有确认第 3 条消息');
    expect(cProgramChinese(program, 'rv->client_pid == 42 (a client joined) (woken by SIGUSR2)')).toBe('rv->client_pid == 42：客户端已加入（被 SIGUSR2 唤醒）');
    expect(cProgramChinese(program, 'shmctl(7, IPC_RMID, NULL) = 0 (taking over: stale segment of server pid 9, which is gone)')).toBe('shmctl(7, IPC_RMID, NULL) = 0（接管：服务端进程 9 已不在，这一段已过期）');
    expect(cProgramChinese(program, 'shmctl(7, IPC_RMID, NULL) = 0')).toBe('shmctl(7, IPC_RMID, NULL) = 0');
    // fail()'s "role: " before a format, perror's prefix before the C library's words
    expect(cProgramChinese('clnt', 'clnt: no server on /tmp/x within the timeout')).toBe('clnt：到时限为止 /tmp/x 上没有服务端');
    // the C library's words after perror's colon in Chinese, as an errno's meaning in a call's result
    expect(cProgramChinese('serv', 'serv: reading stdin: Bad address')).toBe('serv：读取 stdin：错误的地址');
    // words that are no errno's meaning stay as they came
    expect(cProgramChinese('serv', 'serv: reading stdin: Bad addresses')).toBe('serv：读取 stdin：Bad addresses');
    // a message a program passes on is no text of its own
    expect(cProgramChinese('clnt', 'hello, client')).toBeNull();
  });

  it('the Chinese of a line goes through the one sanitizer as the English does: an escape in a value is a mark, not a sequence', () => {
    const zh = cProgramChinese('serv', 'cannot create /tmp/\x1b[2Jx: Permission denied')!;
    expect(zh).toBe('无法创建 /tmp/\x1b[2Jx：权限不够');
    const shown = traceLines({ type: 'event', pid: 1, text: { en: 'x', zh }, at: 0 }, 'zh', false, 2).join('\n');
    expect(shown).not.toContain('\x1b');
    expect(shown).toContain('␛[2J');
  });

  it('every entry of every table of every C file, its values filled in, reads as Chinese', () => {
    const read = (p: string) => (existsSync(join(ROOT, 'examples', 'c', p)) ? readFileSync(join(ROOT, 'examples', 'c', p), 'utf8') : null);
    const programs = readdirSync(join(ROOT, 'examples', 'c')).filter((f) => f.endsWith('.c'));
    expect(programs.length).toBeGreaterThanOrEqual(13);
    for (const program of programs) {
      const files = filesOf(program, read);
      const printers = printersOf(files.map((f) => read(f)!));
      for (const t of files.flatMap((f) => printedTexts(read(f)!, printers))) {
        if (/^(%\w+)*$/.test(t.text)) continue; // "%s" alone: no words
        // each conversion given a plain value: the line as the program could print it
        const line = unescapeC(t.text).replace(/%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?(?:hh|h|ll|l|z)?([dsupxXgfoi])/g, (_, k: string) => (k === 's' ? '/tmp/x' : k === 'p' ? '0x7f00' : '7')).replace(/\n$/, '');
        const zh = cFileChinese(program, line);
        expect(zh, `${program}: "${t.text}"`).not.toBeNull();
        expect(englishProse(zh!), `${program}: "${t.text}" → "${zh}"`).toEqual([]);
      }
    }
  });
});

interface Line {
  type: string;
  pid: number;
  [field: string]: any;
}

/** The C programs a run started (by the path it ran) and the processes they forked: pid → program. */
function cProcesses(lines: Line[], self: number): Map<number, CProgram> {
  const out = new Map<number, CProgram>();
  for (const l of lines) {
    const m = l.type === 'event' && l.pid === self ? /: pid (\d+), running (\S+)/.exec(l.text.en) : null;
    if (m && (C_PROGRAMS as readonly string[]).includes(basename(m[2]))) out.set(Number(m[1]), basename(m[2]) as CProgram);
    if (l.type === 'call' && l.call === 'fork' && out.has(l.pid) && typeof l.ret === 'number' && l.ret > 0) out.set(l.ret, out.get(l.pid)!);
  }
  return out;
}

describe.skipIf(!hasCc)('the C programs in the lessons\' real runs', () => {
  it.concurrent.each(['shmat', 'serv-clnt'])('%s: every line a C program prints is in Chinese in zh, its English the program\'s own words', async (id) => {
    const result = await cli(['run', id, '--json', '--no-quiz'], 60_000);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as Line);
    const programs = cProcesses(lines, result.pid);
    expect([...new Set(programs.values())].sort()).toEqual(id === 'shmat' ? ['inherit'] : ['clnt', 'serv']);
    const said = lines.filter((l) => l.type === 'event' && programs.has(l.pid));
    expect(said.length).toBeGreaterThan(id === 'shmat' ? 5 : 10);
    let ownWords = 0;
    for (const l of said) {
      const program = programs.get(l.pid)!;
      const printed = /^printed (".*")$/.exec(l.text.en);
      const words = printed ? (JSON.parse(printed[1]) as string) : l.text.en;
      const zh = cProgramChinese(program, words);
      if (zh !== null) {
        // a line of the program's own: the English as it printed it, the Chinese through its table
        ownWords++;
        expect(l.text.zh, l.text.en).toBe(printed ? `打印出：${zh}` : zh);
      } else if (printed) {
        // a message it passed on (clnt.c's rv->data), quoted as it is
        expect(program).toBe('clnt');
        expect(l.text.zh).toBe(`打印出 ${printed[1]}`);
        continue;
      }
      // what a call line says after its result ("retrying every 100 ms") is part of a format
      expect(englishProse(l.text.zh), `${l.text.en} → ${l.text.zh}`).toEqual([]);
    }
    expect(ownWords).toBeGreaterThan(id === 'shmat' ? 3 : 6);
  }, 90_000);
});

describe.skipIf(!hasCc)('the C programs\' ways out', () => {
  const dir = testTempDir('ipclab-c-output-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const build = (name: CProgram) => {
    const exe = join(dir, name);
    const r = spawnSync('cc', ['-std=gnu11', '-Wall', '-Wextra', '-Werror', '-o', exe, join(ROOT, 'examples', 'c', `${name}.c`)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return exe;
  };
  /** Its stderr lines without the "[clnt 4242] " tag, each in Chinese. */
  const chinese = (program: CProgram, stderr: string) =>
    stderr
      .trim()
      .split('\n')
      .map((l) => l.replace(/^\[\w+ \d+\] /, ''))
      .map((l) => [l, cProgramChinese(program, l)] as const);

  it('clnt with no server: its retries and fail()\'s last line; a wrong argument; serv with no message', () => {
    const clnt = spawnSync(build('clnt'), ['--path', join(dir, 'none', 'rendezvous'), '--timeout', '0.3'], { encoding: 'utf8', timeout: 10_000 });
    expect(clnt.status).toBe(1);
    const lines = chinese('clnt', clnt.stderr);
    expect(lines.at(-1)).toEqual([`clnt: no server on ${join(dir, 'none', 'rendezvous')} within the timeout`, `clnt：到时限为止 ${join(dir, 'none', 'rendezvous')} 上没有服务端`]);
    for (const [en, zh] of lines) {
      expect(zh, en).not.toBeNull();
      expect(englishProse(zh!), zh!).toEqual([]);
    }
    const wrong = spawnSync(join(dir, 'clnt'), ['extra'], { encoding: 'utf8', timeout: 10_000 });
    expect(chinese('clnt', wrong.stderr)).toEqual([["clnt: unexpected argument 'extra'", "clnt：多余的参数 'extra'"]]);
    const serv = spawnSync(build('serv'), [], { encoding: 'utf8', input: '', timeout: 10_000 });
    expect(serv.status).toBe(2);
    expect(chinese('serv', serv.stderr)).toEqual([['serv: no messages to send (give --message TEXT or lines on stdin)', 'serv：没有要发送的消息（用 --message TEXT 给出，或在 stdin 上逐行给出）']]);
  });

  it('serv ended by SIGTERM while it waits for a client: "got SIGTERM: cleaning up", in Chinese too', async () => {
    const child = spawn(join(dir, 'serv'), ['--path', join(dir, 'rendezvous'), '--timeout', '20', '--message', 'hi'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const ended = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // poll for its ready line, with a deadline
    for (const deadline = Date.now() + 10_000; !/rv->magic = /.test(stderr) && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 20));
    expect(stderr).toMatch(/rv->magic = /);
    child.kill('SIGTERM');
    expect(await ended).toBe(128 + 15);
    const lines = chinese('serv', stderr);
    expect(lines.find(([en]) => en.startsWith('got '))).toEqual(['got SIGTERM: cleaning up', '收到 SIGTERM：清理后退出']);
    for (const [en, zh] of lines) expect(zh, en).not.toBeNull();
  });
});
