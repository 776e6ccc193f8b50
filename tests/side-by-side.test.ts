// The side-by-side list (tests/helpers/side-by-side.ts) names files by hand: each name must
// be a test file there is, or the file it meant runs alone and no one notices.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIDE_BY_SIDE } from './helpers/side-by-side.js';
import { LAYOUT_WALKS } from './helpers/layout-walks.js';

const ROOT = join(import.meta.dirname, '..');

describe('the side-by-side list of vitest.config.ts', () => {
  it('names only test files that exist, each once', () => {
    expect(SIDE_BY_SIDE.length).toBeGreaterThan(0);
    expect(SIDE_BY_SIDE.filter((name) => !existsSync(join(ROOT, name)))).toEqual([]);
    // the alone project's include: a name outside it would be run by neither project
    expect(SIDE_BY_SIDE.filter((name) => !/^tests\/.+\.test\.tsx?$/.test(name))).toEqual([]);
    expect(SIDE_BY_SIDE.filter((name, i) => SIDE_BY_SIDE.indexOf(name) !== i)).toEqual([]);
  });

  // the files CI's Node 24 run leaves out (IPCLAB_SUITE=runtime): a name that names no file would
  // leave nothing out and say nothing; a tmux file there would take a real terminal off Node 24
  it('the layout walks Node 24 leaves out are test files there are, none of them a real terminal\'s', () => {
    expect(LAYOUT_WALKS.filter((name) => !existsSync(join(ROOT, name)))).toEqual([]);
    expect(LAYOUT_WALKS.filter((name, i) => LAYOUT_WALKS.indexOf(name) !== i)).toEqual([]);
    expect(LAYOUT_WALKS.filter((name) => readFileSync(join(ROOT, name), 'utf8').includes('helpers/tmux'))).toEqual([]);
  });
});
