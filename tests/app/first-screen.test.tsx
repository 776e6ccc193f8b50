// The very first screen (fix22a#4): opening the first lesson at start runs no step, so no frame
// before any key says one runs ("running…", "working  Space queue next"): from the first frame
// the key bar offers step 1, and the status line says what happens (the kernel read) or the
// start's own news.
import React from 'react';
import { rmSync } from 'node:fs';
import { render } from 'ink-testing-library';
import { afterAll, describe, expect, it } from 'vitest';
import { App } from '../../src/app/components/App.js';
import { StoreContext } from '../../src/app/context.js';
import { realDeps } from '../../src/app/deps.js';
import { createAppStore } from '../../src/app/store.js';
import { strings } from '../../src/app/strings.js';
import { LESSONS } from '../../src/lessons/index.js';
import { startLesson } from '../../src/lessons/engine.js';
import type { Lang } from '../../src/lang.js';
import { testTempDir } from '../helpers/temp-dir.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

describe('the first screen', () => {
  for (const lang of ['en', 'zh'] as Lang[]) {
    for (const restart of [true, false]) {
      it(`${lang}${restart ? ' --restart' : ''}: no frame says a step runs before any key`, async () => {
        const state = testTempDir('ipclab-first-');
        dirs.push(state);
        const store = createAppStore(realDeps(LESSONS, startLesson, { XDG_STATE_HOME: state }), { lang, ascii: false, color: false, present: false, quiz: true });
        const ui = render(
          <StoreContext.Provider value={store}>
            <App />
          </StoreContext.Provider>,
        );
        Object.defineProperty(ui.stdout, 'columns', { value: 80, configurable: true });
        Object.defineProperty(ui.stdout, 'rows', { value: 24, configurable: true });
        ui.stdout.emit('resize');
        const busy = new Set<string | null>();
        const unsubscribe = store.subscribe((st) => busy.add(st.busy));
        const from = ui.frames.length;
        await store.getState().start({ lesson: 'overview', restart });
        // let the last state's frame be drawn
        const deadline = Date.now() + 5000;
        const s = strings(lang);
        const ready = lang === 'en' ? 'Space run 1' : 'Space 运行第 1 步';
        while (!(ui.lastFrame() ?? '').includes(ready) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
        unsubscribe();
        // the start went through the opening (the path under test), not straight to ready
        expect(busy.has('opening')).toBe(true);
        const frames = ui.frames.slice(from).map((f) => f.replace(ANSI, ''));
        expect(frames.length).toBeGreaterThan(0);
        for (const f of frames) {
          expect(f).not.toContain(s.running);
          expect(f).not.toContain(lang === 'en' ? 'working' : '处理中');
        }
        // every frame with the lesson open offers step 1
        for (const f of frames.filter((f) => f.includes(s.lessonTitle))) expect(f).toContain(ready);
        ui.stdin.write('q');
        const end = Date.now() + 10_000;
        while (!store.getState().finished && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
        expect(store.getState().finished).toBe(true);
        ui.unmount();
      });
    }
  }
});
