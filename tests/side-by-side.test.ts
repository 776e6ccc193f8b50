// The side-by-side list (tests/helpers/side-by-side.ts) names files by hand: each name must
// be a test file there is, or the file it meant runs alone and no one notices.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIDE_BY_SIDE } from './helpers/side-by-side.js';

const ROOT = join(import.meta.dirname, '..');

describe('the side-by-side list of vitest.config.ts', () => {
  it('names only test files that exist, each once', () => {
    expect(SIDE_BY_SIDE.length).toBeGreaterThan(0);
    expect(SIDE_BY_SIDE.filter((name) => !existsSync(join(ROOT, name)))).toEqual([]);
    // the alone project's include: a name outside it would be run by neither project
    expect(SIDE_BY_SIDE.filter((name) => !/^tests\/.+\.test\.tsx?$/.test(name))).toEqual([]);
    expect(SIDE_BY_SIDE.filter((name, i) => SIDE_BY_SIDE.indexOf(name) !== i)).toEqual([]);
  });
});
