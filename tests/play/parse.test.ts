// The playground's parser: what it reads, and that nothing -- random bytes, mutated
// statements, deep nesting, huge lines -- makes it throw.
import { describe, expect, it } from 'vitest';
import { isSyntaxError, MAX_LINE, parse } from '../../src/play/parse.js';
import { CHALLENGES } from '../../src/play/challenges.js';

const SEEDS = [
  'id = shmget(IPC_PRIVATE, 4096, IPC_CREAT|IPC_EXCL|0600)',
  "k = ftok(\"/tmp\", 'K')",
  'p = shmat(id, NULL, SHM_RDONLY)',
  'strcpy(p + 16, "héllo\\n共享")',
  '@b q = shmat(id, NULL, 0)',
  'crash strcpy(p, "x")',
  'ipcrm -m 753670',
  'shmctl(id, IPC_STAT, &ds)',
  'dump(p, 0x40) // the first bytes',
  ...CHALLENGES.flatMap((c) => c.solution),
];

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

describe('parse', () => {
  it('reads values, flags, variables, @b, crash and words', () => {
    expect(parse('id = shmget(IPC_PRIVATE, 0x1000, IPC_CREAT|0600)')).toEqual({
      k: 'assign',
      name: 'id',
      col: 1,
      expr: {
        k: 'call',
        name: 'shmget',
        col: 6,
        args: [
          { k: 'name', name: 'IPC_PRIVATE', col: 13 },
          { k: 'num', value: 4096, col: 26 },
          { k: 'binary', op: '|', col: 43, left: { k: 'name', name: 'IPC_CREAT', col: 34 }, right: { k: 'num', value: 0o600, col: 44 } },
        ],
      },
    });
    expect(parse("ftok(\"/tmp\", 'K')")).toMatchObject({ expr: { args: [{ k: 'str', value: '/tmp' }, { k: 'num', value: 75 }] } });
    expect(parse('strcpy(p, "a\\n\\x41")')).toMatchObject({ expr: { args: [{}, { k: 'str', value: 'a\nA' }] } });
    expect(parse('@b puts(q)')).toMatchObject({ k: 'peer', stmt: { k: 'expr', expr: { k: 'call', name: 'puts' } } });
    expect(parse('crash strcpy(p, "x")')).toMatchObject({ k: 'crash', call: { name: 'strcpy' } });
    expect(parse('ipcrm -m 12')).toEqual({ k: 'command', name: 'ipcrm', args: ['-m', '12'], col: 1 });
    expect(parse('  # a comment')).toEqual({ k: 'empty' });
  });

  it('says where and what is wrong, in both languages', () => {
    const cases: [string, number, RegExp][] = [
      ['shmget(1, 2', 12, /expected , or \)/],
      ['x = 09', 5, /leading 0 means octal/],
      ['strcpy(p, "abc)', 11, /no closing "/],
      ["ftok(\"/\", 'ab')", 11, /one character/],
      ['@c shmat(1, NULL, 0)', 2, /@b/],
      ['shmget(1, 2, 3) x', 17, /one statement a line/],
      ['a = $', 5, /unexpected character "\$"/],
    ];
    for (const [line, col, message] of cases) {
      const result = parse(line);
      expect(isSyntaxError(result), line).toBe(true);
      if (!isSyntaxError(result)) continue;
      expect(result.col, line).toBe(col);
      expect(result.message.en, line).toMatch(message);
      expect(result.message.zh.length, line).toBeGreaterThan(0);
    }
  });

  it('never throws on random input, mutations, deep nesting or huge lines', () => {
    const next = random(18);
    const alphabet = ' ()|+-,=&@"\'\\#/0123456789abcxyzIPC_RDONLY共\n\t\0\u{1F600}';
    for (let i = 0; i < 5000; i++) {
      const length = Math.floor(next() * 60);
      let line = '';
      for (let j = 0; j < length; j++) line += [...alphabet][Math.floor(next() * [...alphabet].length)];
      expect(() => parse(line)).not.toThrow();
    }
    for (let i = 0; i < 5000; i++) {
      const chars = [...SEEDS[i % SEEDS.length]];
      for (let m = 0; m < 1 + Math.floor(next() * 4); m++) {
        const at = Math.floor(next() * (chars.length + 1));
        const op = next();
        if (op < 0.33) chars.splice(at, 1);
        else if (op < 0.66) chars.splice(at, 0, [...alphabet][Math.floor(next() * [...alphabet].length)]);
        else chars.splice(at, 0, ...chars.slice(0, Math.floor(next() * 8)));
      }
      const result = parse(chars.join(''));
      expect(result).toHaveProperty('k');
    }
    expect(parse(`${'('.repeat(100_000)}1${')'.repeat(100_000)}`)).toMatchObject({ k: 'syntax-error' });
    expect(parse(`x = ${'('.repeat(20)}1${')'.repeat(20)}`)).toMatchObject({ k: 'assign' });
    expect(parse('x'.repeat(MAX_LINE + 1))).toMatchObject({ k: 'syntax-error', col: MAX_LINE + 1 });
    expect(parse('9'.repeat(30))).toMatchObject({ k: 'syntax-error', message: { en: expect.stringMatching(/too large/) } });
    expect(parse(undefined as unknown as string)).toMatchObject({ k: 'syntax-error' });
  });
});
