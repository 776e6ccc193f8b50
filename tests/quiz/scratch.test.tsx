import { it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderApp } from '../helpers/render.js';
import { LESSONS } from '../../src/lessons/index.js';

it('scratch', async () => {
  const state = mkdtempSync(join(tmpdir(), 'ipclab-ui-'));
  const r = await renderApp({ lessons: LESSONS, lesson: 'shmget', width: 80, height: 24, env: { XDG_STATE_HOME: state } });
  await r.press(' ');
  await r.waitFor(() => r.store.getState().done === 1, 'step 1');
  console.log(r.frame());
  await r.press('1');
  await new Promise((x) => setTimeout(x, 100));
  console.log(r.frame());
  await r.press(' ');
  await r.waitFor(() => r.store.getState().done === 2, 'step 2');
  await new Promise((x) => setTimeout(x, 100));
  console.log(r.frame());
  await r.press('2');
  await new Promise((x) => setTimeout(x, 100));
  console.log(r.frame());
  await r.quit();
});
