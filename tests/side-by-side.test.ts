// The side-by-side list (tests/helpers/side-by-side.ts) names files by hand: each name must
// be a test file there is, or the file it meant runs alone and no one notices. So must the list
// of files CI's Node 24 run leaves out (tests/helpers/same-on-any-node.ts), and none of those may
// test what Node 24 can change: a process, a terminal, the CLI, koffi and the native layer.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LISTS_MACHINE, SIDE_BY_SIDE } from './helpers/side-by-side.js';
import { SAME_ON_ANY_NODE } from './helpers/same-on-any-node.js';

const ROOT = join(import.meta.dirname, '..');

/** Module specifiers a file loads at run time (type-only imports load nothing). */
const IMPORTS = /^import\s+(?!type\s)[^;]*?from\s+'([^']+)'|^import\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/gm;
/** Starts a process, a terminal or the CLI: child_process, the tmux helpers, src/cli, bin/ipclab, a kill. */
const STARTS = /^(node:)?child_process$|\/src\/cli(\.js)?$|helpers\/tmux(\.js)?$|tmux-socket/;
/** Loads koffi or the native layer (types aside). */
const NATIVE = /^koffi$|\/src\/native\//;

/** Why `file` (relative to the root) is not the same on any Node: what it or a module of tests/ or
 *  scripts/ it imports starts (the helpers are how files do: tests/helpers/ipcs runs ipcs, tmux a
 *  terminal, tests/lessons/helpers the CLI, scripts/kill-probe kills), what it loads of koffi or
 *  src/native itself. */
function runtimeUses(file: string, seen = new Set<string>(), own = true): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const src = readFileSync(join(ROOT, file), 'utf8');
  const out = /bin\/ipclab|process\.kill\(/.test(src) ? [`${file}: bin/ipclab or process.kill`] : [];
  for (const m of src.matchAll(IMPORTS)) {
    const spec = m[1] ?? m[2] ?? m[3]!;
    if (STARTS.test(spec) || (own && NATIVE.test(spec))) out.push(`${file}: ${spec}`);
    if (!spec.startsWith('.')) continue;
    // the tests' and the scripts' modules, not src/'s: ipclab's own code is what the file tests
    const to = relative(ROOT, resolve(ROOT, dirname(file), spec));
    const module = [to, to.replace(/\.js$/, '.ts'), to.replace(/\.js$/, '.tsx')].find((p) => /\.(ts|tsx|mjs)$/.test(p) && existsSync(join(ROOT, p)));
    if (module && /^(tests|scripts)\//.test(module)) out.push(...runtimeUses(module, seen, false));
  }
  return out;
}

describe('the side-by-side list of vitest.config.ts', () => {
  it('names only test files that exist, each once', () => {
    expect(SIDE_BY_SIDE.length).toBeGreaterThan(0);
    expect(SIDE_BY_SIDE.filter((name) => !existsSync(join(ROOT, name)))).toEqual([]);
    // the alone project's include: a name outside it would be run by neither project
    expect(SIDE_BY_SIDE.filter((name) => !/^tests\/.+\.test\.tsx?$/.test(name))).toEqual([]);
    expect(SIDE_BY_SIDE.filter((name, i) => SIDE_BY_SIDE.indexOf(name) !== i)).toEqual([]);
  });

  // a lesson that lists the machine's objects and is missing here would be walked side by side
  // with the other worker's objects in its lists
  it('LISTS_MACHINE names the lessons whose steps run ipcs over a whole table (not -i one object)', () => {
    const dir = join(ROOT, 'src/lessons');
    const listing = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && [...readFileSync(join(dir, f), 'utf8').matchAll(/exec\('ipcs', \[([^\]]*)\]\)/g)].some((m) => !m[1]!.includes("'-i'")))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(listing).toEqual([...LISTS_MACHINE].sort());
  });
});

describe('the files CI\'s Node 24 run leaves out (IPCLAB_SUITE=runtime)', () => {
  it('are test files there are, each once', () => {
    expect(SAME_ON_ANY_NODE.filter((name) => !existsSync(join(ROOT, name)) || !/^tests\/.+\.test\.tsx?$/.test(name))).toEqual([]);
    expect(SAME_ON_ANY_NODE.filter((name, i) => SAME_ON_ANY_NODE.indexOf(name) !== i)).toEqual([]);
  });

  it('start no process, terminal or CLI and load no koffi or src/native of their own', () => {
    expect(SAME_ON_ANY_NODE.flatMap((name) => runtimeUses(name))).toEqual([]);
  });

  it('the check finds each way a file does: ipcs through a helper, tmux, the CLI, src/native, a script', () => {
    expect(runtimeUses('tests/app/polish-ipcs.test.tsx').join('\n')).toMatch(/tests\/helpers\/ipcs\.ts: node:child_process/);
    expect(runtimeUses('tests/app/trace-cut-hint-tmux.test.ts').join('\n')).toMatch(/helpers\/tmux/);
    expect(runtimeUses('tests/text/results.test.ts').join('\n')).toMatch(/tests\/lessons\/helpers\.ts: bin\/ipclab/);
    expect(runtimeUses('tests/app/explain.test.tsx').join('\n')).toMatch(/src\/native\/index\.js/);
    expect(runtimeUses('tests/faults/kill-anywhere.test.ts').join('\n')).toMatch(/^scripts\/kill-probe\.mjs: /m);
  });
});
