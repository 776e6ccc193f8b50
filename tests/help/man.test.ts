// man/ipclab.1: written by scripts/man.ts from the table of commands, committed, and
// installed by npm through package.json's "man". It must be current, render without
// warnings, and list every command and option that --help does.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpText } from '../../src/commands/help.js';
import { manPage } from '../../src/commands/man-page.js';
import { COMMANDS, COMMON, namedCommands } from '../../src/commands/specs.js';
import { ROOT } from '../twoproc/helpers.js';

const PAGE = join(ROOT, 'man', 'ipclab.1');
const HAS_GROFF = spawnSync('groff', ['--version']).status === 0;

/** The page as text, without roff's escapes for hyphens and fonts. */
function plain(roff: string): string {
  return roff.replace(/\\-/g, '-').replace(/\\f[BIR]/g, '');
}

/** `--name` words of a text. */
function optionsIn(text: string): Set<string> {
  return new Set(text.match(/--[a-z][a-z-]*/g));
}

describe('man/ipclab.1', () => {
  it('is current (if not: npx tsx scripts/man.ts)', () => {
    expect(readFileSync(PAGE, 'utf8')).toBe(manPage());
  });

  it('is what package.json installs as the man page', () => {
    // a list: npm links the man pages of a global install only from a list (bin-links)
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { man: string[]; files: string[] };
    expect(pkg.man.map((m) => join(ROOT, m))).toEqual([PAGE]);
    expect(pkg.files).toContain('man/');
  });

  it('lists every command and every option that --help does, each under its command', () => {
    const page = plain(manPage());
    const parts = page.split('\n.SS ');
    const partOf = (usage: string) => parts.find((p) => p.startsWith(`${usage}\n`));
    const global = page.slice(page.indexOf('\n.SH OPTIONS'));
    for (const command of ['tui', ...namedCommands()] as const) {
      const part = partOf(COMMANDS[command].usage);
      expect(part, `a section for ${command}`).toBeDefined();
      // what --help mentions is an entry of the page; the command's own options are in its part
      for (const option of optionsIn(helpText('en', command))) expect(page, `${command} ${option}`).toMatch(new RegExp(`^\\.B (-[a-zA-Z], )?${option}\\b`, 'm'));
      for (const option of COMMANDS[command].options) expect(part, `${command} --${option}`).toMatch(new RegExp(`^\\.B --${option}\\b`, 'm'));
    }
    for (const option of COMMON) expect(global, `--${option}`).toMatch(new RegExp(`^\\.B (-[a-zA-Z], )?--${option}\\b`, 'm'));
    expect(page).not.toContain('_peer');
  });

  it.skipIf(!HAS_GROFF)('renders without a warning', () => {
    const r = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-z', PAGE], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});
