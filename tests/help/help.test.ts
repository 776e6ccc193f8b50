// Help for every command in both languages, made from the one table (src/commands/specs.ts):
// complete in both languages, every line within 80 columns, the same through `--help` and
// `ipclab help`, and the errors of the command line in the learner's language.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, UsageError } from '../../src/cli.js';
import { helpText } from '../../src/commands/help.js';
import { COMMANDS, COMMON, ENVIRONMENT, FILES, namedCommands, OPTIONS, type Bilingual, type Command, type OptionName, type OptionSpec } from '../../src/commands/specs.js';
import type { Lang } from '../../src/lang.js';
import { cells } from '../../src/text/cells.js';
import { closest } from '../../src/text/closest.js';
import { ipclab, reap, ROOT } from '../twoproc/helpers.js';

afterEach(reap);

const LANGS: Lang[] = ['en', 'zh'];
const HAN = /\p{Script=Han}/u;
/** every command a person can ask help of; 'tui' is `ipclab --help` */
const DOCUMENTED: Command[] = ['tui', ...namedCommands()];
const EN_ENV = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

/** A text in both languages: English without Chinese, Chinese with it. */
function expectBilingual(text: Bilingual | undefined, what: string): void {
  expect(text?.en.trim(), `${what}: English`).toBeTruthy();
  expect(text?.zh.trim(), `${what}: Chinese`).toBeTruthy();
  expect(HAN.test(text!.en), `${what}: the English is English`).toBe(false);
  // a word or a path alone ("30", "~/.local") needs no translation
  if (/[a-z]{3,} [a-z]{3,}/i.test(text!.en)) expect(HAN.test(text!.zh), `${what}: the Chinese is Chinese: ${text!.zh}`).toBe(true);
}

async function cli(args: string[], env: NodeJS.ProcessEnv = EN_ENV): Promise<{ code: number; stdout: string; stderr: string }> {
  const p = ipclab(args, { env });
  const code = await p.done;
  return { code, stdout: p.stdout().toString(), stderr: p.stderr() };
}

describe('the table of commands', () => {
  it('gives every command, argument, option, file and variable its help in both languages', () => {
    for (const name of Object.keys(COMMANDS) as Command[]) {
      const spec = COMMANDS[name];
      expectBilingual(spec.summary, `${name}: summary`);
      if (spec.about) expectBilingual(spec.about, `${name}: about`);
      spec.args.forEach((a) => expectBilingual(a.help, `${name} ${a.name}`));
      for (const [status, text] of Object.entries(spec.exits)) expectBilingual(text, `${name}: exit ${status}`);
    }
    for (const [name, o] of Object.entries(OPTIONS)) {
      expectBilingual(o.help, `--${name}`);
      // every option says what holds without it, except the two that only print
      if (name !== 'help' && name !== 'version') expectBilingual('default' in o ? o.default : undefined, `--${name}: default`);
    }
    for (const f of Object.values(FILES)) expectBilingual(f.help, f.path);
    for (const e of ENVIRONMENT) expectBilingual(e.help, e.name);
  });

  it("names every option of a command in its usage line, so docs/PROTOCOL.md's lines stay whole", () => {
    for (const name of Object.keys(COMMANDS) as Command[]) {
      const spec = COMMANDS[name];
      for (const o of spec.options) expect(spec.usage, `${name} --${o}`).toContain(`--${o}`);
      for (const a of spec.args) expect(spec.usage, `${name} ${a.name}`).toContain(a.name);
    }
  });
});

describe('the help text', () => {
  it.each(DOCUMENTED.flatMap((c) => LANGS.map((lang) => [c, lang] as const)))('%s in %s: every line within 80 columns; options with defaults, environment, exit statuses', (command, lang) => {
    const text = helpText(lang, command);
    for (const line of text.split('\n')) expect(cells(line), line).toBeLessThanOrEqual(80);
    const spec = COMMANDS[command];
    const options: OptionName[] = [...spec.options, ...COMMON];
    for (const o of options) expect(text).toContain(`--${o}`);
    for (const o of options) {
      const byDefault = (OPTIONS[o] as OptionSpec).default;
      if (byDefault) expect(text).toContain(`${byDefault[lang]}`.slice(0, 12));
    }
    for (const variable of ['LANG', 'LC_ALL', 'NO_COLOR', 'FORCE_COLOR', 'XDG_STATE_HOME']) expect(text).toContain(variable);
    for (const status of ['0', '2', '3', '128+n']) expect(text).toMatch(new RegExp(`^  ${status.replace('+', '\\+')} `, 'm'));
    if (spec.exits.failed) expect(text).toMatch(/^ {2}1 /m);
    for (const f of spec.files) expect(text).toContain(FILES[f].path);
    expect(HAN.test(text)).toBe(lang === 'zh');
  });

  it('is the same through --help, `help COMMAND`, and in Chinese from --lang zh or the locale', async () => {
    const [viaOption, viaHelp, zhOption, zhLocale, overview, zhOverview] = await Promise.all([
      cli(['run', '--help']),
      cli(['help', 'run']),
      cli(['run', '--help', '--lang', 'zh']),
      cli(['help', 'run'], { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' }),
      cli(['--help']),
      cli(['help'], { LC_ALL: 'zh_TW.UTF-8' }),
    ]);
    expect(viaOption).toEqual({ code: 0, stdout: `${helpText('en', 'run')}\n`, stderr: '' });
    expect(viaHelp).toEqual(viaOption);
    expect(zhOption).toEqual({ code: 0, stdout: `${helpText('zh', 'run')}\n`, stderr: '' });
    expect(zhLocale).toEqual(zhOption);
    expect(overview.stdout).toBe(`${helpText('en', 'tui')}\n`);
    expect(zhOverview.stdout).toBe(`${helpText('zh', 'tui')}\n`);
    // the overview lists every command a person types, and no internal one
    for (const c of namedCommands()) expect(overview.stdout).toContain(`\n  ${COMMANDS[c].usage}`);
    expect(overview.stdout).not.toContain('_peer');
  });
});

describe('usage errors', () => {
  const error = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
    try {
      parse(argv, env);
    } catch (err) {
      if (err instanceof UsageError) return err.message;
      throw err;
    }
    throw new Error(`${argv.join(' ')} was taken`);
  };

  it('suggest the closest command, option or word', () => {
    expect(error(['lesons'])).toBe("unknown command 'lesons'; did you mean 'lessons'?");
    expect(error(['ipcs', '--jsn'])).toBe("unknown option '--jsn'; did you mean '--json'?");
    expect(error(['clean', '--dry'])).toBe("unknown option '--dry'; did you mean '--dry-run'?");
    expect(error(['help', 'dagram'])).toBe("unknown command 'dagram'; did you mean 'diagram'?");
    expect(error(['completion', 'bsh'])).toBe("'completion' takes bash or zsh, not 'bsh'; did you mean 'bash'?");
    expect(error(['xyzzy'])).toBe("unknown command 'xyzzy'");
  });

  it('are in Chinese with --lang zh or a Chinese locale', () => {
    expect(error(['lesons', '--lang', 'zh'])).toBe("未知的命令 'lesons'；你是想用 'lessons' 吗？");
    expect(error(['ipcs', '--jsn'], { LANG: 'zh_CN.UTF-8' })).toBe("未知的选项 '--jsn'；你是想用 '--json' 吗？");
    expect(error(['run'], { LC_MESSAGES: 'zh_CN.UTF-8' })).toBe("'run' 需要参数 ID");
    expect(error(['serv', '--timeout'], { LC_ALL: 'zh_SG' })).toBe('选项 --timeout 需要一个值');
    // a --lang that is no language: said in the locale's
    expect(error(['--lang', 'fr'], { LANG: 'zh_CN.UTF-8' })).toBe("--lang 只接受 zh 或 en，不接受 'fr'");
  });

  it('print one line and the usage line in the learner\'s language, exit 2', async () => {
    const r = await cli(['lesons', '--lang', 'zh']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: "ipclab: 未知的命令 'lesons'；你是想用 'lessons' 吗？\n用法：ipclab [命令] [选项]（ipclab --help 列出全部）\n" });
    const lesson = await cli(['run', 'shmgte'], { LANG: 'zh_CN.UTF-8' });
    expect(lesson).toEqual({ code: 2, stdout: '', stderr: "ipclab: 没有课程 'shmgte'；你是想用 'shmget' 吗？\n" });
  });

  it('closest: a typo is near, an unrelated word is not', () => {
    expect(closest('sevr', ['serv', 'clnt'])).toBe('serv');
    expect(closest('ru', ['run', 'check'])).toBe('run');
    expect(closest('c', ['check', 'clean'])).toBeNull();
    expect(closest('bogus', ['lessons', 'run', 'ipcs'])).toBeNull();
  });
});

describe('the usage lines in the documents', () => {
  it.each([
    ['docs/PROTOCOL.md', '## The command line'],
    ['README.md', '## Commands'],
  ])("%s's %s section holds every command's usage line", (file, heading) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const section = text.slice(text.indexOf(heading), text.indexOf('\n## ', text.indexOf(heading) + 1));
    for (const c of DOCUMENTED) expect(section, c).toMatch(new RegExp(`^${COMMANDS[c].usage.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`, 'm'));
  });
});
