// The playground's language, one statement a line: C-like calls, values and variables,
// a few shell words, `crash` and `@b`. parse() never throws: whatever the input, it
// answers a Statement or a PlaySyntaxError with the column and a message in both languages.
import type { CommandName, Expr, PlaySyntaxError, Statement, Text } from './types.js';

/** Longest line read (bytes of UTF-16 code units); a longer one is refused, not scanned. */
export const MAX_LINE = 65_536;

const COMMANDS: readonly CommandName[] = ['help', 'ipcs', 'ipcrm', 'reset', 'quit', 'hint', 'solution', 'vars'];

export function isCommand(word: string): word is CommandName {
  return (COMMANDS as readonly string[]).includes(word);
}

type Token =
  | { t: 'num'; value: number; col: number }
  | { t: 'str'; value: string; col: number }
  | { t: 'char'; value: number; col: number }
  | { t: 'ident'; name: string; col: number }
  | { t: 'op'; op: string; col: number }
  | { t: 'end'; col: number };

class Failure {
  constructor(
    readonly col: number,
    readonly message: Text,
  ) {}
}

function fail(col: number, en: string, zh: string): never {
  throw new Failure(col, { en, zh });
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', '"': '"', "'": "'" };

/** Reads a quoted literal starting at `start` (the quote); returns its text and the index after it. */
function quoted(line: string, start: number): { text: string; end: number } {
  const quote = line[start];
  let text = '';
  let i = start + 1;
  while (i < line.length && line[i] !== quote) {
    if (line[i] === '\\') {
      const next = line[i + 1];
      if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(line.slice(i + 2, i + 4))) {
        text += String.fromCharCode(parseInt(line.slice(i + 2, i + 4), 16));
        i += 4;
        continue;
      }
      if (next === undefined || !Object.hasOwn(ESCAPES, next)) fail(i + 1, `unknown escape \\${next ?? ''}: use \\n, \\t, \\r, \\0, \\\\, \\", \\' or \\xHH`, `未知的转义 \\${next ?? ''}：可用 \\n、\\t、\\r、\\0、\\\\、\\"、\\' 或 \\xHH`);
      text += ESCAPES[next];
      i += 2;
      continue;
    }
    text += line[i];
    i += 1;
  }
  if (i >= line.length) {
    if (quote === '"') fail(start + 1, 'this string has no closing "', '这个字符串缺少结尾的「"」');
    fail(start + 1, "this character has no closing '", "这个字符缺少结尾的「'」");
  }
  return { text, end: i + 1 };
}

function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    const col = i + 1;
    if (c === ' ' || c === '\t') {
      i += 1;
    } else if (c === '#' || (c === '/' && line[i + 1] === '/')) {
      break;
    } else if (/[0-9]/.test(c)) {
      const word = /^[0-9A-Za-z_]+/.exec(line.slice(i, i + 64))![0];
      let value: number;
      if (/^0[xX][0-9a-fA-F]+$/.test(word)) value = parseInt(word.slice(2), 16);
      else if (/^0[0-7]*$/.test(word)) value = parseInt(word, 8);
      else if (/^[1-9][0-9]*$/.test(word)) value = Number(word);
      else if (/^0[0-9]+$/.test(word)) fail(col, `${word} is not a number: a leading 0 means octal (digits 0 to 7)`, `${word} 不是合法的数：以 0 开头表示八进制（只能用 0 到 7）`);
      else fail(col, `${word} is not a number (decimal 4096, hex 0x1000, octal 0600)`, `${word} 不是合法的数（十进制 4096、十六进制 0x1000、八进制 0600）`);
      if (!Number.isSafeInteger(value)) fail(col, `${word} is too large (at most 2^53-1)`, `${word} 太大（最大 2^53-1）`);
      tokens.push({ t: 'num', value, col });
      i += word.length;
    } else if (/[A-Za-z_]/.test(c)) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(line.slice(i, i + 256))![0];
      if (name.length >= 256) fail(col, 'this name is too long (at most 255 characters)', '名字太长（最多 255 个字符）');
      tokens.push({ t: 'ident', name, col });
      i += name.length;
    } else if (c === '"') {
      const { text, end } = quoted(line, i);
      tokens.push({ t: 'str', value: text, col });
      i = end;
    } else if (c === "'") {
      const { text, end } = quoted(line, i);
      const chars = [...text];
      if (chars.length !== 1) fail(col, `a character literal holds one character ('K'); for text use "${text}"`, `字符字面量只能有一个字符（'K'）；文字请用 "${text}"`);
      tokens.push({ t: 'char', value: chars[0].codePointAt(0)!, col });
      i = end;
    } else if ('()|+-,=&@'.includes(c)) {
      tokens.push({ t: 'op', op: c, col });
      i += 1;
    } else {
      const shown = [...line.slice(i, i + 2)][0];
      fail(col, `unexpected character ${JSON.stringify(shown)}`, `不认识的字符「${JSON.stringify(shown).slice(1, -1)}」`);
    }
  }
  tokens.push({ t: 'end', col: line.length + 1 });
  return tokens;
}

function describe(token: Token): string {
  switch (token.t) {
    case 'num':
      return String(token.value);
    case 'str':
      return 'a string';
    case 'char':
      return 'a character';
    case 'ident':
      return token.name;
    case 'op':
      return token.op;
    case 'end':
      return 'the end of the line';
  }
}

/** A token in Chinese text: a word for a string, a character or the end, else the token in 「」 */
function describeZh(token: Token): string {
  return token.t === 'str' ? '字符串' : token.t === 'char' ? '字符' : token.t === 'end' ? '行尾' : `「${describe(token)}」`;
}

/** Recursive descent over one line's tokens. Nesting is bounded so a line of
 *  100,000 '(' fails plainly instead of overflowing the stack. */
class Parser {
  #i = 0;
  #depth = 0;
  constructor(readonly tokens: Token[]) {}

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.#i + ahead, this.tokens.length - 1)];
  }

  next(): Token {
    const token = this.peek();
    if (this.#i < this.tokens.length - 1) this.#i += 1;
    return token;
  }

  isOp(op: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.t === 'op' && token.op === op;
  }

  expectOp(op: string, en: string, zh: string): void {
    const token = this.peek();
    if (!this.isOp(op)) fail(token.col, `${en}, found ${describe(token)}`, `${zh}，这里却是${describeZh(token)}`);
    this.next();
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.t !== 'end') fail(token.col, `unexpected ${describe(token)}: one statement a line`, `多出了${describeZh(token)}：每行只写一条语句`);
  }

  statement(): Statement {
    const first = this.peek();
    if (first.t === 'end') return { k: 'empty' };
    if (first.t === 'op' && first.op === '@') {
      this.next();
      const who = this.next();
      if (who.t !== 'ident' || who.name !== 'b') fail(who.col, 'the helper process is @b: write @b shmat(id, NULL, 0)', '辅助进程写作 @b：例如 @b shmat(id, NULL, 0)');
      const inner = this.statement();
      if (inner.k === 'empty') fail(this.peek().col, '@b needs a statement to run in the helper process', '@b 后面要跟一条在辅助进程里执行的语句');
      if (inner.k === 'peer') fail(inner.col, '@b is written once, at the start of the line', '@b 只能写一次，在行首');
      return { k: 'peer', stmt: inner, col: first.col };
    }
    if (first.t === 'ident' && !this.isOp('(', 1) && !this.isOp('=', 1)) {
      if (isCommand(first.name)) return this.command(first.name, first.col);
      if (first.name === 'crash') {
        this.next();
        const call = this.expr();
        if (call.k !== 'call') fail(call.col, 'crash takes a memory access: crash strcpy(p, "x")', 'crash 后面要跟一次内存访问：crash strcpy(p, "x")');
        this.expectEnd();
        return { k: 'crash', call, col: first.col };
      }
    }
    if (first.t === 'ident' && this.isOp('=', 1)) {
      this.next();
      this.next();
      const expr = this.expr();
      this.expectEnd();
      return { k: 'assign', name: first.name, expr, col: first.col };
    }
    const expr = this.expr();
    this.expectEnd();
    return { k: 'expr', expr, col: first.col };
  }

  /** A shell-like word: the rest of the line split at blanks (`ipcrm -m 753670`, `help shmget`). */
  command(name: CommandName, col: number): Statement {
    this.next();
    const args: string[] = [];
    while (this.peek().t !== 'end') {
      const token = this.next();
      if (token.t === 'op' && token.op === '-' && this.peek().t === 'ident') args.push(`-${(this.next() as { name: string }).name}`);
      else if (token.t === 'num') args.push(String(token.value));
      else if (token.t === 'ident') args.push(token.name);
      else fail(token.col, `${name} takes words and numbers, not ${describe(token)}`, `${name} 只接受单词和数字，不接受${describeZh(token)}`);
    }
    return { k: 'command', name, args, col };
  }

  /** `|` binds loosest, then `+` and `-`, as in C. */
  expr(): Expr {
    let left = this.sum();
    while (this.isOp('|')) {
      const op = this.next();
      left = { k: 'binary', op: '|', left, right: this.sum(), col: op.col };
    }
    return left;
  }

  sum(): Expr {
    let left = this.unary();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next() as { op: '+' | '-'; col: number };
      left = { k: 'binary', op: op.op, left, right: this.unary(), col: op.col };
    }
    return left;
  }

  unary(): Expr {
    const token = this.peek();
    if (token.t === 'op' && token.op === '-') {
      this.next();
      return { k: 'binary', op: '-', left: { k: 'num', value: 0, col: token.col }, right: this.unary(), col: token.col };
    }
    return this.primary();
  }

  primary(): Expr {
    const token = this.next();
    switch (token.t) {
      case 'num':
        return { k: 'num', value: token.value, col: token.col };
      case 'char':
        return { k: 'num', value: token.value, col: token.col };
      case 'str':
        return { k: 'str', value: token.value, col: token.col };
      case 'ident':
        if (this.isOp('(')) return this.call(token.name, token.col);
        return { k: 'name', name: token.name, col: token.col };
      case 'op':
        if (token.op === '(') {
          const inner = this.nested(() => this.expr());
          this.expectOp(')', 'expected )', '这里应是「)」');
          return inner;
        }
        if (token.op === '&') {
          // `&ds` as the trace writes IPC_STAT's buffer: accepted, the playground keeps its own
          const name = this.next();
          if (name.t !== 'ident') fail(name.col, 'after & a name: shmctl(id, IPC_STAT, &ds)', '& 后面要跟名字：shmctl(id, IPC_STAT, &ds)');
          return { k: 'name', name: `&${name.name}`, col: token.col };
        }
        return fail(token.col, `expected a value, found ${token.op}`, `这里应是一个值，却是「${token.op}」`);
      case 'end':
        return fail(token.col, 'the line ends where a value should be', '这里应有一个值，行却结束了');
    }
  }

  call(name: string, col: number): Expr {
    this.next();
    const args: Expr[] = [];
    if (!this.isOp(')')) {
      this.nested(() => {
        for (;;) {
          args.push(this.expr());
          if (!this.isOp(',')) break;
          this.next();
        }
      });
    }
    this.expectOp(')', `expected , or ) in the arguments of ${name}`, `${name} 的参数后面应是「,」或「)」`);
    return { k: 'call', name, args, col };
  }

  nested<T>(inside: () => T): T {
    if (++this.#depth > 32) fail(this.peek().col, 'nested too deep (at most 32 levels)', '嵌套太深（最多 32 层）');
    try {
      return inside();
    } finally {
      this.#depth -= 1;
    }
  }
}

/** One line to a Statement, or why not. Never throws. */
export function parse(line: string): Statement | PlaySyntaxError {
  if (typeof line !== 'string') return { k: 'syntax-error', col: 1, message: { en: 'not a line of text', zh: '不是一行文字' } };
  if (line.length > MAX_LINE) {
    return { k: 'syntax-error', col: MAX_LINE + 1, message: { en: `the line is too long (${line.length} characters; at most ${MAX_LINE})`, zh: `这一行太长（${line.length} 个字符；最多 ${MAX_LINE}）` } };
  }
  try {
    return new Parser(tokenize(line.replace(/\r$/, ''))).statement();
  } catch (err) {
    if (err instanceof Failure) return { k: 'syntax-error', col: err.col, message: err.message };
    return { k: 'syntax-error', col: 1, message: { en: `cannot read this line (${String(err)})`, zh: `无法读取这一行（${String(err)}）` } };
  }
}

export function isSyntaxError(x: Statement | PlaySyntaxError): x is PlaySyntaxError {
  return x.k === 'syntax-error';
}
