// `ipclab glossary QUERY` prints the entries whose name or text holds QUERY (either
// language, any case); none matching is said on stderr with status 1.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { GLOSSARY, glossaryMatches } from '../../src/lessons/glossary.js';

const bin = join(__dirname, '../../bin/ipclab.mjs');
const ipclab = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('ipclab glossary QUERY', () => {
  it('matches names and texts in either language, any case', () => {
    const nattch = glossaryMatches('NATTCH');
    expect(nattch.length).toBeGreaterThan(0);
    expect(nattch.length).toBeLessThan(GLOSSARY.length);
    expect(nattch.every((e) => `${e.name.en}${e.text.en}`.toLowerCase().includes('nattch'))).toBe(true);
    expect(glossaryMatches('信号量').length).toBeGreaterThan(0);
  });

  it('puts the entries named by the query before those whose text only mentions it', () => {
    const found = glossaryMatches('nattch');
    const named = found.filter((e) => `${e.name.en}${e.name.zh}`.toLowerCase().includes('nattch'));
    expect(named.length).toBeGreaterThan(0);
    expect(found.length).toBeGreaterThan(named.length);
    expect(found.slice(0, named.length)).toEqual(named);
  });

  it('prints only the matching entries; none matching: status 1 and a line on stderr', () => {
    const out = ipclab('glossary', '↓5', '--lang', 'en');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('the step list');
    expect(out.stdout).not.toContain('struct shmid_ds');
    const none = ipclab('glossary', 'zzzq-none');
    expect(none.status).toBe(1);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('zzzq-none');
  });
});
