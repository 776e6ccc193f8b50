// Keys that ask before they act (fix14f): Space (or Enter) at a question with no answer picked
// says so and runs the step only when pressed again (newcomers lost predictions to a double
// press after the form's "keep these", and to a quick Space); r asks once before it resets.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { checkJustShown, CHECK_READ_MS } from '../../src/app/store/quiz.js';
import { appDrawer, KEYS } from '../helpers/render.js';
import { ranBefore } from '../helpers/ran-before.js';
import { keyBarLine } from '../../src/app/components/KeyBar.js';
import { lineText } from '../../src/app/styled.js';

// asks: false: the harness does not press the second Space for the test
const draw = appDrawer('ask-first', { lessons: LESSONS, lesson: 'ftok', asks: false });
const idle = (r: Awaited<ReturnType<typeof draw>>, done: number) => r.store.getState().done === done && r.store.getState().busy === null;

describe('Space at a question with no answer picked', () => {
  it('80x24 en: the first Space (or Enter) asks on the status line, a digit still picks; a second Space runs it, counted skipped', async () => {
    // lessons 1-2 run: step 1's text whole at 80x24, Space runs it (a newcomer's has a line counting their terms)
    const r = await draw({ width: 80, height: 24, lang: 'en', state: ranBefore('ftok') });
    await r.waitFor((f) => f.includes('┌─ Lesson'), 'the lesson');
    await r.press(KEYS.space);
    await r.waitFor(() => idle(r, 1), 'step 1 (no question) run at once');
    // step 1's result first, step 2's question behind Enter (fix17a): Enter brings it, and asks nothing
    await r.waitFor((f) => /Space: step 2('s| \+) question/.test(f), 'the result first');
    await r.press(KEYS.enter);
    await r.waitFor(() => r.store.getState().opened[1] === true, 'the question');
    expect(r.store.getState().ask).toBeNull();
    // step 2 asks: Enter, then a quick Space, as the newcomers pressed
    await r.press(KEYS.enter);
    let f = await r.waitFor((f) => f.includes('no answer picked: Space again runs without one (not counted)'), 'the ask');
    expect(r.store.getState().done).toBe(1);
    expect(f.split('\n')[23]).toContain('Space again: run 2 unanswered');
    // a digit still picks (and the ask is forgotten): Space then runs at once
    await r.press('1');
    await r.waitFor(() => r.store.getState().guesses[1] === 0 && r.store.getState().ask === null, 'answer 1 picked');
    await r.press(KEYS.space);
    await r.waitFor(() => idle(r, 2), 'step 2 run with its answer');
    expect(['right', 'wrong']).toContain(r.store.getState().answers.ftok?.checkpoints[LESSONS.find((l) => l.id === 'ftok')!.steps[1].id]);
    // step 3: Space Space in one read runs it, the question skipped, as the line said (once the
    // question is in view: where step 2's result comes first, Enter brings it)
    if (r.store.getState().resultShown?.pinned) await r.press(KEYS.enter);
    await r.waitFor((f) => f.includes('1-4 answer') || f.includes('1-3 answer') || f.includes('1-2 answer'), 'step 3\'s question');
    await r.press(KEYS.space + KEYS.space);
    await r.waitFor(() => idle(r, 3), 'step 3 run by the second Space');
    expect(r.store.getState().answers.ftok?.checkpoints[LESSONS.find((l) => l.id === 'ftok')!.steps[2].id]).toBe('skipped');
    // Esc after the ask: nothing runs, the status says so
    if (r.store.getState().resultShown?.pinned) await r.press(KEYS.enter);
    await r.press(KEYS.space);
    await r.waitFor((f) => f.includes('no answer picked'), 'the ask at step 4');
    await r.press(KEYS.escape);
    f = await r.waitFor((f) => f.includes('not run: a digit answers, x skips'), 'the ask cancelled');
    expect(r.store.getState().done).toBe(3);
    expect(r.store.getState().ask).toBeNull();
  }, 60_000);

  it('zh 120x34: the ask in Chinese', async () => {
    const r = await draw({ width: 120, height: 34, lang: 'zh' });
    await r.waitFor(() => r.store.getState().run !== null && r.store.getState().busy === null, 'the lesson');
    await r.press(KEYS.space);
    await r.waitFor(() => idle(r, 1), 'step 1 run');
    await r.press(KEYS.space);
    await r.waitFor((f) => f.includes('还没选答案：再按一次空格就不作答运行（不计分）'), 'the ask in Chinese');
    expect(r.store.getState().done).toBe(1);
  }, 60_000);
});

describe('r asks once before resetting', () => {
  it('80x24 en: r asks, Esc keeps the lesson; r r resets', async () => {
    const r = await draw({ width: 80, height: 24, lang: 'en', state: ranBefore('ftok') });
    await r.waitFor((f) => f.includes('┌─ Lesson'), 'the lesson');
    await r.press(KEYS.space);
    await r.waitFor(() => idle(r, 1), 'step 1 run');
    await r.press('r');
    const asked = await r.waitFor((f) => f.includes('a reset removes what this lesson made; your answers and score stay'), 'the ask, whole');
    expect(asked.split('\n')[23]).toMatch(/^ r again resets the lesson +other keys cancel it /);
    // said once (fix24a#4): the keys on the bar, what a reset does on the status line
    expect(asked.match(/r again/g)).toHaveLength(1);
    await r.press(KEYS.escape);
    await r.waitFor((f) => f.includes('not reset: the lesson stays as it is'), 'cancelled');
    expect(r.store.getState().done).toBe(1);
    // another key between two r's also cancels: r → r asks again rather than resets
    await r.press('r', KEYS.right, 'r');
    await r.waitFor(() => r.store.getState().ask?.kind === 'reset', 'asked again');
    expect(r.store.getState().done).toBe(1);
    await r.press('r');
    await r.waitFor((f) => idle(r, 0) && f.includes('lesson reset'), 'reset by the second r');
  }, 60_000);
});

describe('leaving a lesson with questions unanswered (fix15a#5)', () => {
  it('80x24 en: Enter on another lesson in the menu says how many, Esc stays; Enter Enter opens it', async () => {
    const r = await draw({ width: 80, height: 24, lang: 'en' });
    await r.waitFor(() => r.store.getState().run !== null && r.store.getState().busy === null, 'the lesson');
    const here = r.store.getState().lessonIndex;
    const questions = Object.keys(LESSONS[here].checkpoints ?? {}).length;
    expect(questions).toBeGreaterThan(0);
    await r.press('m');
    await r.press(KEYS.down);
    await r.press(KEYS.enter);
    await r.waitFor((f) => f.includes(`${questions} questions here unanswered: Enter again opens`), 'the ask');
    expect(r.store.getState().lessonIndex).toBe(here);
    await r.press(KEYS.escape);
    await r.waitFor((f) => f.includes('not opened: you stay in this lesson'), 'cancelled');
    expect(r.store.getState().lessonIndex).toBe(here);
    await r.press(KEYS.enter);
    await r.waitFor(() => r.store.getState().ask?.kind === 'leave', 'asked again');
    await r.press(KEYS.enter);
    await r.waitFor(() => r.store.getState().lessonIndex === here + 1 && r.store.getState().busy === null, 'the next lesson opened by the second Enter');
  }, 60_000);
});

describe('the key bar of a key that asks (fix15a#3)', () => {
  const place = { view: 1, done: 1, steps: 9, lastLesson: false };
  it('says r asks, and while an ask waits what the second press does and that any other key cancels; whole at 80 and 120, both languages, --ascii too', () => {
    for (const width of [80, 120])
      for (const [lang, ascii] of [['en', false], ['zh', false], ['en', true], ['zh', true]] as const) {
        const plain = lineText(keyBarLine(lang, ascii, width, place));
        // at 80 columns r is under ? all (fix15a2#2: the bar keeps room for a question's keys on every step)
        if (width === 120) expect(plain, plain).toContain(lang === 'en' ? 'r reset' : 'r 重置');
        const reset = lineText(keyBarLine(lang, ascii, width, { ...place, resetAsked: true }));
        expect(reset, reset).toMatch(lang === 'en' ? /^ r again resets the lesson +other keys cancel it / : /^ r 再按一次重置本课 +其他键 取消 /);
        expect(reset).toMatch(/\? (all|全部) *$/);
        const run = lineText(keyBarLine(lang, ascii, width, { ...place, unanswered: true }, 'main', 3));
        expect(run, run).toMatch(lang === 'en' ? /^ Space again: run 2 unanswered +1-3 answer +x skip +other keys cancel it / : /^ Space 再按：不作答运行第 2 步 +1-3 作答 +x 跳过 +其他键 取消 /);
        expect(run).toMatch(/\? (all|全部) *$/);
        // the ask's bar names neither r nor Space for what they do otherwise
        expect(run).not.toMatch(/ r (reset|重置)/);
        // two spaces between entries, as the lesson's bar where they fit (fix18f#5: one ran them on)
        expect(reset, reset).toContain(lang === 'en' ? 'r again resets the lesson  other keys cancel it  ' : 'r 再按一次重置本课  其他键 取消  ');
        expect(run, run).toContain(lang === 'en' ? 'run 2 unanswered  1-3 answer  x skip  other keys cancel it  ' : '不作答运行第 2 步  1-3 作答  x 跳过  其他键 取消  ');
      }
  });
});

describe('a check question is answered only once on screen a moment', () => {
  it('a digit within CHECK_READ_MS of the question coming does not answer it', () => {
    const now = 1_000_000;
    expect(checkJustShown({ checkShown: { question: 1, at: now } }, 1, now + CHECK_READ_MS - 1)).toBe(true);
    expect(checkJustShown({ checkShown: { question: 1, at: now } }, 1, now + CHECK_READ_MS)).toBe(false);
    expect(checkJustShown({ checkShown: { question: 1, at: now } }, 0, now)).toBe(false);
    expect(checkJustShown({ checkShown: null }, 0, now)).toBe(false);
  });
});
