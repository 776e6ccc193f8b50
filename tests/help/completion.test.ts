// `ipclab completion bash|zsh`: the bash script run in a real bash offers every command,
// every lesson id where one is asked for, each command's options and the diagrams. zsh
// is run too where it is installed; the words of its script are checked everywhere.
import { spawnSync } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, COMMON, namedCommands, type Command } from '../../src/commands/specs.js';
import { diagramNames } from '../../src/flow/index.js';
import { LESSONS } from '../../src/lessons/index.js';
import { ipclab, reap } from '../twoproc/helpers.js';

afterEach(reap);

const IDS = LESSONS.map((l) => l.id);
const HAS_ZSH = spawnSync('zsh', ['--version']).status === 0;
const scripts: Record<'bash' | 'zsh', string> = { bash: '', zsh: '' };

beforeAll(async () => {
  for (const shell of ['bash', 'zsh'] as const) {
    const p = ipclab(['completion', shell]);
    expect(await p.done).toBe(0);
    scripts[shell] = p.stdout().toString();
  }
});

/** What bash offers after `words` (the last one is being typed), one call per line. */
function bashOffers(...lines: string[][]): string[][] {
  const calls = lines.map((words) => `offer ${words.map((w) => `'${w}'`).join(' ')}`).join('\n');
  const program = `${scripts.bash}
offer() { COMP_WORDS=(ipclab "$@"); COMP_CWORD=$#; COMPREPLY=(); _ipclab; echo "\${COMPREPLY[*]}"; }
${calls}`;
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', program], { encoding: 'utf8', cwd: '/' });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').slice(0, lines.length).map((l) => l.split(' ').filter(Boolean));
}

const options = (c: Command) => [...COMMANDS[c].options, ...COMMON].map((o) => `--${o}`);

describe('bash completion', () => {
  it('offers every command, every lesson id after run and --lesson, the options of each command', () => {
    const named = namedCommands();
    const [commands, run, lesson, afterLang, lang, help, shells, diagrams, ...perCommand] = bashOffers(
      [''],
      ['run', ''],
      ['--lesson', ''],
      ['--lang', 'zh', ''],
      ['--lang', ''],
      ['help', ''],
      ['completion', ''],
      ['diagram', ''],
      ['-'],
      ...named.map((c) => [c, '-']),
    );
    expect(commands).toEqual(named);
    expect(run).toEqual(IDS);
    expect(lesson).toEqual(IDS);
    expect(afterLang).toEqual(named);
    expect(lang).toEqual(['zh', 'en']);
    expect(help).toEqual(named);
    expect(shells).toEqual(['bash', 'zsh']);
    // the diagram names, then the files of the working folder (here /)
    expect(diagrams.slice(0, diagramNames().length)).toEqual(diagramNames());
    expect(diagrams).toContain('tmp');
    expect(perCommand).toEqual([options('tui'), ...named.map(options)]);
  });

  it('completes the word being typed, and nothing for a value that is free text', () => {
    expect(bashOffers(['ru'], ['run', 'shm'], ['run', '--j'], ['serv', '--timeout', ''], ['run', 'shmget', ''])).toEqual([
      ['run'],
      IDS.filter((id) => id.startsWith('shm')),
      ['--json'],
      [],
      [],
    ]);
  });
});

describe('zsh completion', () => {
  it('holds every command and lesson id', () => {
    expect(scripts.zsh).toMatch(/^#compdef ipclab\n/);
    expect(scripts.zsh).toContain(`offer=(${namedCommands().join(' ')})`);
    expect(scripts.zsh).toContain(`run) offer=(${IDS.join(' ')})`);
    expect(scripts.zsh).toContain(`--lesson) offer=(${IDS.join(' ')})`);
  });

  it.skipIf(!HAS_ZSH)('offers them in a real zsh', () => {
    const program = `${scripts.zsh.replace(/^if \[\[ \$funcstack.*$/m, '')}
compadd() { shift; print -r -- "\${(P)1}"; }
_files() { print -r -- FILES; }
words=(ipclab ''); CURRENT=2; PREFIX=''; _ipclab
words=(ipclab run ''); CURRENT=3; _ipclab`;
    const r = spawnSync('zsh', ['-f', '-c', program], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${namedCommands().join(' ')}\n${IDS.join(' ')}\n`);
  });
});
