// The Flow pane's title names the diagram among the lesson's ("Flow: diagram 1 of 5, the server
// gets ready": newcomers could not tell what the five were, issue 16), and the name gives way
// to the step about to go to another diagram ("Space runs step 2, on diagram 2"), which a
// narrow border would otherwise drop.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { appDrawer, KEYS, ran } from '../helpers/render.js';

const draw = appDrawer('flow-title', { lessons: LESSONS, quiz: false });

const titleRow = (frame: string) => frame.split('\n').find((l) => l.includes('─ Flow') || l.includes('─ 流程')) ?? '';

describe('the Flow pane title', () => {
  it('serv-clnt at 120x34, en: names the diagram; before step 2 says where its run goes', async () => {
    const r = await draw({ width: 120, height: 34, lesson: 'serv-clnt', restart: true });
    await r.waitFor((f) => titleRow(f).includes('diagram 1 of 5'), 'the flow drawn');
    await r.waitFor((f) => titleRow(f).includes('diagram 1 of 5, the server gets ready'), 'the name');
    await r.press(KEYS.space);
    await ran(r, 1);
    await r.waitFor((f) => titleRow(f).includes('Space runs step 2, on diagram 2'), 'where step 2 goes');
  }, 60_000);

  it('serv-clnt at 120x34, zh: names the diagram', async () => {
    const r = await draw({ width: 120, height: 34, lesson: 'serv-clnt', restart: true, lang: 'zh' });
    await r.waitFor((f) => titleRow(f).includes('第 1 张图（共 5 张）：服务端就绪'), 'the name');
  }, 60_000);
});
