// In Chinese the Trace glosses the C compiler's English under each of its error, warning and
// note lines (ftok's typo step showed cc's "‘IPC_CREATE’ undeclared" unexplained in zh); the
// output itself stays as cc printed it, and the English trace has no gloss. The real cc, on the
// lesson's own typo and on C with the other known forms, in a UTF-8 locale and in C.
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ccGlosses } from '../../src/app/components/cc-gloss.js';
import { entryLines } from '../../src/app/components/trace-view.js';
import { lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import type { TraceEntry } from '../../src/lessons/types.js';
import { testTempDir } from '../helpers/temp-dir.js';

const dir = testTempDir('ipclab-cc-gloss-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The Trace's rows of `cc -fsyntax-only` on `source`, in each language, cc's locale `locale`. */
function both(source: string, locale: string): Record<'en' | 'zh', string[]> {
  const file = join(dir, 'typo.c');
  writeFileSync(file, source);
  const run = spawnSync('cc', ['-fsyntax-only', file], { encoding: 'utf8', env: { ...process.env, LANG: locale, LC_ALL: locale } });
  const entry: TraceEntry = { type: 'output', pid: process.pid, command: `cc -fsyntax-only ${file}`, text: run.stderr, exitCode: run.status, at: 0 };
  const lines = (lang: 'en' | 'zh') => entryLines(entry, lang, 200, strings(lang), 5, false, undefined, process.pid, false).map(lineText);
  return { en: lines('en'), zh: lines('zh') };
}

describe('the zh Trace glosses cc', () => {
  for (const locale of ['C.UTF-8', 'C']) {
    it(`ftok's typo (${locale}): under the error line, what it means; the output as cc printed it`, () => {
      const { en, zh } = both('#include <sys/ipc.h>\nint flags = IPC_CREATE | 0600;\n', locale);
      const at = zh.findIndex((l) => l.includes('↳'));
      expect(zh[at - 1], zh.join('\n')).toMatch(/error: .IPC_CREATE. undeclared/);
      expect(zh[at]).toBe("  ↳ 错误：'IPC_CREATE' 未声明（不存在这个名字）；你是指 'IPC_CREAT' 吗？");
      // (the command's line says its exit code in the learner's language)
      expect(zh.slice(1).filter((l) => !l.includes('↳'))).toEqual(en.slice(1));
      expect(en.join('\n')).not.toContain('↳');
    });
  }

  it('an implicit declaration and a missing ;: each line glossed, none left unsaid', () => {
    const { zh } = both('int main(void) { foo(); int x = 1 return x; }\n', 'C.UTF-8');
    const glosses = zh.filter((l) => l.includes('↳'));
    expect(glosses).toContain("  ↳ 警告：函数 'foo' 没有声明就调用了（少了声明它的头文件？）");
    expect(glosses).toContain("  ↳ 错误：这里缺少 ',' 或 ';'（在 'return' 之前）");
    // every diagnostic line has its gloss right under it
    zh.forEach((l, i) => {
      if (/: (error|warning|note): /.test(l)) expect(zh[i + 1], l).toMatch(/^ {2}↳ /);
    });
  });

  it("clang's words and gcc's note, and a form not known: its kind and place", () => {
    const g = (line: string) => [...ccGlosses('clang -c t.c', [line]).values()][0];
    expect(g("t.c:2:13: error: use of undeclared identifier 'IPC_CREATE'; did you mean 'IPC_CREAT'?")).toBe("↳ 错误：'IPC_CREATE' 未声明（不存在这个名字）；你是指 'IPC_CREAT' 吗？");
    expect(g("t.c:1:20: error: call to undeclared function 'foo'; ISO C99 and later do not support implicit function declarations")).toBe("↳ 错误：函数 'foo' 没有声明就调用了（少了声明它的头文件？）");
    expect(g("t.c:1:33: error: expected ';' at end of declaration")).toBe("↳ 错误：这里缺少 ';'（在声明末尾）");
    expect(g("t.c:1:9: error: expected ';' after expression")).toBe("↳ 错误：这里缺少 ';'（在表达式之后）");
    expect(g("/usr/include/x/ipc.h:32:9: note: 'IPC_CREAT' declared here")).toBe("↳ 注：'IPC_CREAT' 在这里声明");
    expect(g('t.c:3:5: note: each undeclared identifier is reported only once for each function it appears in')).toBe('↳ 注：每个未声明的名字在每个函数里只报一次');
    expect(g('t.c:4:1: error: stray ‘@’ in program')).toBe('↳ 错误：第 4 行第 1 列（原文见上）');
    // another command's output is not cc's
    expect(ccGlosses('ipcs -m', ["t.c:2:13: error: 'X' undeclared"]).size).toBe(0);
  });

  it('cc is installed (the lesson step compiles with it)', () => {
    expect(execFileSync('cc', ['--version'], { encoding: 'utf8' })).toMatch(/\S/);
  });
});
