// What polish.test.tsx and polish-ipcs.test.tsx share: the app they draw and how they wait and scroll.
import { appDrawer, KEYS, type Rendered } from '../helpers/render.js';
import { fixtureLesson } from './fixture-lesson.js';

/** The app over two fixture lessons, cleaned up after each test (appDrawer). */
export const polishDraw = () => appDrawer('polish', { lessons: [fixtureLesson(), fixtureLesson('second', 'second — the same calls again')] });

export const idle = (r: Rendered) => r.store.getState().busy === null;

/** Scrolls the pane shown with ↓ until `check` holds: at 80x24 a long lesson text takes
 *  rows from the tabs' pane, whose content is then one or more ↓ away. */
export async function scrollTo(r: Rendered, check: (frame: string) => boolean, what: string, key: string = KEYS.down): Promise<string> {
  for (let i = 0; i < 30 && !check(r.frame()); i++) await r.press(key);
  // the Kernel pane puts what a step changed first (kernelSections, s25h): the part sought may
  // be on the other side of where the pane opened
  const back = key === KEYS.down ? KEYS.up : KEYS.down;
  for (let i = 0; i < 60 && !check(r.frame()); i++) await r.press(back);
  return r.waitFor(check, what);
}
