// The help says what c and Esc do on the main screen, and they do it (fix19e#3: the help said
// Esc "closes" the C code; it goes back to the pane C took the place of, as c does): in the
// tabs of 80x24 and side by side at 120x34, from the pane shown and from one reached by Tab.
import { describe, expect, it } from 'vitest';
import { helpLines } from '../../src/app/components/Help.js';
import { strings } from '../../src/app/strings.js';
import { lineText } from '../../src/app/styled.js';
import { lessonById } from '../../src/lessons/index.js';
import { appDrawer, KEYS } from '../helpers/render.js';

const overview = lessonById('overview')!;

describe('c and Esc on the main screen', () => {
  it.each(['en', 'zh'] as const)('%s: the help says c and Esc go back from the C code, and Esc closes no pane', (lang) => {
    const rows = helpLines(lang, false, false, strings(lang)).map(lineText);
    const row = (keys: string) => rows.find((r) => r.startsWith(` ${keys} `)) ?? '';
    expect(row('c, f')).toContain(lang === 'en' ? '(c, Esc: back)' : '（c 或 Esc 返回）');
    expect(row('Esc')).toContain(lang === 'en' ? 'C code: back' : 'C 代码：回到原来的窗格');
    expect(row('Esc')).not.toMatch(lang === 'en' ? /close[^;]*C code/ : /关闭[^；]*C 代码/);
  });

  const draw = appDrawer('help-says', { lessons: [overview] });
  it.each([
    [80, 24],
    [120, 34],
  ])('at %dx%d: c shows the C code, Esc goes back to the pane before, c too; from Kernel (Tab) back to Kernel', async (width, height) => {
    const r = await draw({ width, height, lessons: [overview] });
    const tab = () => r.store.getState().tab;
    await r.press('c');
    await r.waitFor((f) => tab() === 'code' && f.includes('C code: overview.c'), 'the C code');
    await r.press(KEYS.escape);
    await r.waitFor((f) => tab() === 'flow' && !f.includes('C code: overview.c'), 'Esc: the flow again');
    await r.press('c');
    await r.waitFor(() => tab() === 'code', 'the C code again');
    await r.press('c');
    await r.waitFor((f) => tab() === 'flow' && !f.includes('C code: overview.c'), 'c: the flow again');
    await r.press(KEYS.tab);
    await r.waitFor(() => tab() === 'kernel', 'Tab: the Kernel pane');
    await r.press('c', KEYS.escape);
    await r.waitFor((f) => tab() === 'kernel' && !f.includes('C code: overview.c'), 'Esc: the Kernel pane again');
    // Esc with no C code shown changes no pane
    await r.press(KEYS.escape);
    expect(tab()).toBe('kernel');
  });
});

// issue 16: the step list's marks were said only deep in the glossary; the help (?) says
// them under the keys, in both languages, at 80x24 (its bottom border: the keys fill it) and 120x34
describe('the step marks in the help', () => {
  const draw = appDrawer('help-marks', { lessons: [overview] });
  const words = {
    en: ['✎ predict first', '✓ ran', '≠ mispredicted', '✗ unexpected', '▶ shown'],
    zh: ['✎ 先请你预测', '✓ 已运行', '≠ 预测错了', '✗ 不符合预期', '▶ 正在显示'],
  };
  it.each([
    [80, 24, 'en'],
    [80, 24, 'zh'],
    [120, 34, 'en'],
    [120, 34, 'zh'],
  ] as const)('at %dx%d, %s: ? says every mark of the step list', async (width, height, lang) => {
    const r = await draw({ width, height, lang, lessons: [overview] });
    await r.press('?');
    await r.waitFor((f) => f.includes(strings(lang).helpTitle), 'the help');
    const frame = r.frame();
    for (const w of words[lang]) expect(frame).toContain(w);
    // every key row is still there
    for (const row of helpLines(lang, false, false, strings(lang)).map(lineText)) expect(frame).toContain(row.trim().slice(0, 12));
  });
});
