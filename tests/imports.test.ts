// Imports go one way (docs/ARCHITECTURE.md): no folder of src/ imports a folder that
// imports it back, directly or through others. Each folder of src/ (native, flow, text,
// lessons, proto, app, commands) is one group and each file at the top of src/ (cli.ts,
// lang.ts, paths.ts, options.ts) is a group of its own: cli.ts imports commands/ and
// commands/ import lang.ts, so one "root" group would be a cycle by construction.
// Type-only and dynamic imports count too: they tie the folders together all the same.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const SRC = join(root, 'src');

interface Edge {
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The file a relative specifier names ('./x.js' is the source ./x.ts or ./x.tsx). */
function resolveSource(from: string, specifier: string): string {
  const target = resolve(dirname(from), specifier);
  const found = [target.replace(/\.js$/, '.ts'), target.replace(/\.js$/, '.tsx'), target].find((f) => existsSync(f));
  if (!found) throw new Error(`${relative(root, from)} imports ${specifier}, which is no file`);
  return found;
}

/** Every import between files of the repository: static, dynamic, `export from` and `typeof import()`. */
function importEdges(files: string[]): Edge[] {
  return files.flatMap((file) =>
    ts
      .preProcessFile(readFileSync(file, 'utf8'), true, true)
      .importedFiles.map((i) => i.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => ({ from: relative(root, file), to: relative(root, resolveSource(file, name)) })),
  );
}

/** The group of a file of src/: its folder ('proto/'), or the file itself when it sits in src/ ('cli.ts'). */
function groupOf(file: string): string {
  const parts = relative('src', file).split(sep);
  return parts.length > 1 ? `${parts[0]}/` : parts[0];
}

/** Groups that reach each other through imports (strongly connected components of more
 *  than one group), each as a sorted list. */
function cycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (!next.has(to)) next.set(to, new Set());
    if (from !== to) next.set(from, (next.get(from) ?? new Set()).add(to));
  }
  // Tarjan's algorithm
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return out;
}

const files = sourceFiles(SRC);
const edges = importEdges(files);

describe('import direction', () => {
  it('finds a cycle when there is one (the check itself)', () => {
    const e = (from: string, to: string) => ({ from, to });
    expect(cycles([e('a', 'b'), e('b', 'c'), e('c', 'a'), e('d', 'a'), e('d', 'd')])).toEqual([['a', 'b', 'c']]);
    expect(cycles([e('a', 'b'), e('b', 'c'), e('a', 'c')])).toEqual([]);
  });

  it('no group of src/ imports one that imports it back', () => {
    const groupEdges = edges.map((e) => ({ from: groupOf(e.from), to: groupOf(e.to), file: `${e.from} -> ${e.to}` }));
    const found = cycles(groupEdges).map((groups) => {
      const inside = groupEdges.filter((e) => e.from !== e.to && groups.includes(e.from) && groups.includes(e.to));
      return `${groups.join(' <-> ')}:\n${[...new Set(inside.map((e) => `    ${e.file}`))].join('\n')}`;
    });
    expect(found, `import cycles between groups of src/:\n${found.join('\n')}`).toEqual([]);
  });

  it('src/ imports nothing of the repository outside src/ (bench/, tests/, scripts/)', () => {
    expect(edges.filter((e) => !e.to.startsWith(`src${sep}`)).map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });
});
