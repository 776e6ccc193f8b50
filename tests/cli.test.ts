import { describe, expect, it } from 'vitest';
import { parse, UsageError } from '../src/cli.js';
import { detectLang } from '../src/lang.js';

describe('command line', () => {
  it('defaults to the tutorial', () => {
    expect(parse([], {}).command).toBe('tui');
  });
  it('parses every subcommand with its options', () => {
    const d = parse(['diagram', 'overview-objects', '--ascii', '--width', '80', '--highlight', 'a,b', '--highlight', 'c'], {});
    expect(d.command).toBe('diagram');
    expect(d.options).toMatchObject({ ascii: true, width: 80, highlight: ['a', 'b', 'c'], positionals: ['overview-objects'] });
    const s = parse(['serv', '--message', 'hi', '--message', 'there', '--timeout', '2.5', '--path', '/tmp/x'], {});
    expect(s.options).toMatchObject({ messages: ['hi', 'there'], timeout: 2.5, path: '/tmp/x' });
    expect(parse(['clean', '--dry-run'], {}).options.dryRun).toBe(true);
    expect(parse(['run', 'shmat', '--json'], {}).options).toMatchObject({ json: true, positionals: ['shmat'] });
  });
  it('refuses bad arguments with a reason', () => {
    const bad: [string[], RegExp][] = [
      [['nope'], /unknown command 'nope'/],
      [['ipcs', '--width', '3'], /does not apply to 'ipcs'/],
      [['run'], /needs ID/],
      [['run', 'a', 'b'], /unexpected argument 'b'/],
      [['clnt', '--timeout', '0'], /--timeout/],
      [['clnt', '--timeout', 'abc'], /--timeout/],
      [['diagram', 'x', '--width', '-5'], /--width|option/],
      [['--lang', 'fr'], /--lang takes zh or en/],
      [['--bogus'], /unknown option/],
    ];
    for (const [argv, msg] of bad) {
      expect(() => parse(argv, {}), argv.join(' ')).toThrow(UsageError);
      expect(() => parse(argv, {}), argv.join(' ')).toThrow(msg);
    }
  });
  it('takes the language from the locale', () => {
    expect(detectLang({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(detectLang({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(detectLang({ LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(detectLang({})).toBe('en');
    expect(parse(['--lang', 'zh'], { LANG: 'en_US.UTF-8' }).options.lang).toBe('zh');
  });
});
