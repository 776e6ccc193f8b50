// `ipclab play [FILE|-]`: the playground. With a terminal and no FILE, its screen; with
// a script (FILE, or standard input), each statement run in order and printed as text
// (calls as the trace prints them, with what they mean) or as the JSON lines of
// docs/PROTOCOL.md ("play --json"). `--challenge ID` grades the script.
import { readFileSync } from 'node:fs';
import type { Options } from '../options.js';
import type { Lang } from '../lang.js';
import { cleanupNow, installCleanup, type SegmentRecord } from '../native/index.js';
import { challengeById } from '../play/challenges.js';
import { isSyntaxError, parse } from '../play/parse.js';
import { createSession, unknownChallenge } from '../play/session.js';
import type { ChallengeState, OutputLine, PlaySyntaxError } from '../play/types.js';
import { saveSolvedChallenge } from '../app/progress.js';
import { segmentLine } from '../lessons/format.js';
import { cells } from '../text/cells.js';
import { hang, outputWidth } from '../text/hang.js';
import { sanitize } from '../text/sanitize.js';
import { EXIT } from '../exit-codes.js';
import { SCHEMA } from '../schema.js';

/** The most lines a script may have, and bytes it may hold: beyond, it is refused whole. */
export const MAX_LINES = 10_000;
const MAX_BYTES = 16 * 1024 * 1024;
/** How much of a long line a syntax error shows around the column. */
const SHOWN = 72;

const SAY = {
  en: {
    cannotRead: (name: string, why: string) => `cannot read ${name}: ${why}`,
    tooLong: (name: string, n: number) => `${name} has more than ${MAX_LINES} lines (${n}): split it into several scripts`,
    tooBig: (name: string) => `${name} is larger than ${MAX_BYTES / 1024 / 1024} MB: a script is text, one statement a line`,
    foreign: 'warning: --allow-foreign: the playground may remove or change segments it did not make, including other programs\'',
    notSolved: (c: ChallengeState) => `challenge ${c.id}: not solved yet; still missing:`,
    left: 'left behind',
    clean: 'nothing the playground made is left in the kernel',
  },
  zh: {
    cannotRead: (name: string, why: string) => `无法读取 ${name}：${why}`,
    tooLong: (name: string, n: number) => `${name} 超过 ${MAX_LINES} 行（${n} 行）：请拆成几个脚本`,
    tooBig: (name: string) => `${name} 大于 ${MAX_BYTES / 1024 / 1024} MB：脚本应是文本，每行一条语句`,
    foreign: '警告：--allow-foreign：练习场可能删除或修改不是它创建的段，包括别的程序的段',
    notSolved: (c: ChallengeState) => `挑战 ${c.id}：尚未完成；还缺：`,
    left: '遗留',
    clean: '练习场创建的东西都已从内核删除',
  },
};

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

function err(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_BYTES) throw new RangeError('too big');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** `FILE:LINE:COL: message`, then the line (a window of it when long) and a caret under the column. */
export function syntaxErrorLines(name: string, n: number, line: string, e: PlaySyntaxError, lang: Lang): string[] {
  const start = Math.max(0, Math.min(e.col - 1, line.length) - SHOWN / 2);
  const window = line.slice(start, start + SHOWN);
  const before = sanitize(line.slice(start, Math.max(start, e.col - 1)));
  return [`${name}:${n}:${e.col}: ${e.message[lang]}`, `  ${start > 0 ? '…' : ''}${sanitize(window)}`, `  ${start > 0 ? ' ' : ''}${' '.repeat(cells(before))}^`];
}

interface Printer {
  start(source: string, challenge: string | null): void;
  lines(n: number, lines: OutputLine[], calls: unknown[]): void;
  syntax(n: number, line: string, e: PlaySyntaxError): void;
  challenge(c: ChallengeState): void;
  end(ok: boolean, leaked: SegmentRecord[]): void;
}

function textPrinter(name: string, lang: Lang): Printer {
  const say = SAY[lang];
  const width = outputWidth();
  return {
    start: () => undefined,
    lines(n, lines) {
      for (const l of lines) {
        if (l.kind === 'error' && !l.refused) err(`${name}:${n}: ${l.text}`);
        // a meaning wraps with its `//` on each line, so each stays a comment
        else if (l.kind === 'meaning') hang('  // ', l.text, width, '  // ').forEach(out);
        else out(l.kind === 'view' ? `  ${l.text}` : l.text);
      }
    },
    syntax: (n, line, e) => syntaxErrorLines(name, n, line, e, lang).forEach(err),
    // a solve was said by the statement that solved it (src/play/grade.ts): said once
    challenge(c) {
      if (c.solved) return;
      out(say.notSolved(c));
      c.missing.forEach((m) => out(`  - ${m}`));
    },
    end(_ok, leaked) {
      leaked.forEach((s) => out(`${say.left}: ${segmentLine(s, lang)}`));
      if (!leaked.length) out(`# ${say.clean}`);
    },
  };
}

function jsonPrinter(lang: Lang): Printer {
  const write = (o: object) => out(JSON.stringify(o));
  return {
    start: (source, challenge) => write({ type: 'play', schema: SCHEMA.play, source, challenge }),
    lines(n, lines, calls) {
      calls.forEach((c) => write({ ...(c as object), line: n }));
      for (const l of lines) {
        if (l.kind === 'error') write({ type: 'error', line: n, message: l.text, ...(l.refused ? { refused: true } : {}) });
        else write({ type: 'text', line: n, kind: l.kind, text: l.text });
      }
    },
    syntax: (n, _line, e) => write({ type: 'error', line: n, col: e.col, message: e.message[lang] }),
    challenge: (c) => write({ type: 'challenge', id: c.id, solved: c.solved, used: c.used, par: c.par, missing: c.missing }),
    end: (ok, leaked) => write({ type: 'end', ok, leaked }),
  };
}

export async function run(options: Options): Promise<number> {
  const lang = options.lang;
  const say = SAY[lang];
  if (options.challenge !== undefined && !challengeById(options.challenge)) {
    err(`ipclab: ${unknownChallenge(options.challenge)[lang]}`);
    return EXIT.usage;
  }
  const file = options.positionals[0];
  if (file === undefined && process.stdin.isTTY) {
    const { openPlayground } = await import('../app/play/open.js');
    return openPlayground({ lang, ascii: options.ascii, color: options.color, allowForeign: options.allowForeign, challenge: options.challenge });
  }
  const name = file === undefined || file === '-' ? '<stdin>' : file;
  let text: string;
  try {
    const bytes = name === '<stdin>' ? await readStdin() : readFileSync(file!);
    if (bytes.length > MAX_BYTES) throw new RangeError('too big');
    text = bytes.toString('utf8');
  } catch (e) {
    err(`ipclab: ${e instanceof RangeError ? say.tooBig(name) : say.cannotRead(name, (e as NodeJS.ErrnoException).code ?? String(e))}`);
    return EXIT.usage;
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length > MAX_LINES) {
    err(`ipclab: ${say.tooLong(name, lines.length)}`);
    return EXIT.usage;
  }
  const printer = options.json ? jsonPrinter(lang) : textPrinter(name, lang);
  // every line is read before any runs: a script with a typo does nothing half-way
  printer.start(name, options.challenge ?? null);
  const parsed = lines.map((line) => parse(line));
  const firstBad = parsed.findIndex(isSyntaxError);
  if (firstBad >= 0 && !options.keepGoing) {
    printer.syntax(firstBad + 1, lines[firstBad], parsed[firstBad] as PlaySyntaxError);
    printer.end(false, []);
    return EXIT.failed;
  }
  installCleanup();
  if (options.allowForeign) err(say.foreign);
  const session = createSession({ lang, allowForeign: options.allowForeign, challenge: options.challenge, ascii: options.ascii });
  let failed = firstBad >= 0;
  for (let i = 0; i < lines.length; i++) {
    const statement = parsed[i];
    if (isSyntaxError(statement)) {
      printer.syntax(i + 1, lines[i], statement);
      continue;
    }
    const result = await session.run(lines[i]);
    printer.lines(i + 1, result.lines, result.calls);
    if (result.lines.some((l) => l.kind === 'error' && !l.refused)) {
      failed = true;
      if (!options.keepGoing) break;
    }
    if (result.quit) break;
  }
  const challenge = session.challenge;
  await session.close();
  // the process-wide safety net: anything the session itself failed to remove
  cleanupNow();
  const leaked = session.leftovers();
  if (challenge) {
    printer.challenge(challenge);
    if (challenge.solved) saveSolvedChallenge(challenge.id);
  }
  const ok = !failed && leaked.length === 0 && (!challenge || challenge.solved);
  printer.end(ok, leaked);
  return ok ? EXIT.ok : EXIT.failed;
}
