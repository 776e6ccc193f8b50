// A step's problems are made in English (run --json prints them as they are: docs/PROTOCOL.md);
// the screen shows the common ones, those of the kit (kit.ts) and of the engine, in the
// learner's language. A problem of another shape stays in English.
import type { Lang } from '../lang.js';

const ZH: Array<[RegExp, (...groups: string[]) => string]> = [
  [/^(.+) failed with (E[A-Z0-9]+) \((.*)\); it should succeed$/, (c, errno, message) => `${c} 失败，errno 为 ${errno}（${message}）；它本应成功`],
  [/^(.+) returned (.+); it should fail with (E[A-Z0-9]+)$/, (c, ret, errno) => `${c} 返回了 ${ret}；它本应失败，errno 为 ${errno}`],
  [/^(.+) failed with (E[A-Z0-9]+); (E[A-Z0-9]+) was expected$/, (c, got, want) => `${c} 失败，errno 为 ${got}；本应是 ${want}`],
  [/^segment (\d+) should be in the kernel, and it is not$/, (id) => `段 ${id} 本应在内核中，现在却不在`],
  [/^this step needs (\w+) from an earlier step, which did not provide it$/, (name) => `这一步需要前面某一步留下的 ${name}，而那一步没有留下`],
];

/** One problem as the learner's language says it. */
export function problemText(problem: string, lang: Lang): string {
  if (lang === 'en') return problem;
  for (const [pattern, say] of ZH) {
    const m = pattern.exec(problem);
    if (m) return say(...m.slice(1));
  }
  return problem;
}
