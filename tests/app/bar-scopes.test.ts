// The key bar offers in each scope only keys that act there and do something there (nc13k#1, #2):
// not "m menu" over the open menu (m closes it, as Esc does), not the lesson's keys under help
// (where any key closes it).
import { describe, expect, it } from 'vitest';
import { type Action, type BarScope, BINDINGS, barItems, barScope, actionFor } from '../../src/app/keymap.js';
import type { Key } from 'ink';

const SCOPES: BarScope[] = ['main', 'play', 'turn', 'menu', 'errata', 'glossary', 'find', 'end', 'help'];
/** What an action opens: pressed where it is open already, it opens nothing. */
const OPENS: Partial<Record<Action, BarScope>> = { menu: 'menu', help: 'help', errata: 'errata', glossary: 'glossary', find: 'find', play: 'play' };
const space = { view: 0, done: 0, steps: 4, lastLesson: false };

describe('the key bar of every scope', () => {
  for (const scope of SCOPES) {
    for (const lang of ['en', 'zh'] as const) {
      it(`${scope} (${lang}): each key named acts there, opens nothing already open, and no two do one thing`, () => {
        const items = barItems(lang, false, space, scope);
        expect(items.length).toBeGreaterThan(0);
        const actions: Action[] = [];
        for (const it of items) {
          // the binding the item names (Space's label says what it does now: the run binding)
          const b = BINDINGS.find((o) => o.scopes.includes(scope) && o.label[lang] === it.label) ?? (scope === 'main' ? BINDINGS.find((o) => o.action === 'run') : undefined);
          expect(b, `${scope}: ${it.key} ${it.label}`).toBeDefined();
          expect(OPENS[b!.action], `${scope}: ${it.key} ${it.label} opens what is open`).not.toBe(scope);
          actions.push(b!.action);
        }
        expect(new Set(actions).size, `${scope}: ${actions.join(' ')}`).toBe(actions.length);
      });
    }
  }
  it('over help: the bar names what the keys do there (any key closes it, q too, as its title says), not the screen beneath', () => {
    expect(barScope('help', 'lesson', false)).toBe('help');
    expect(barItems('en', false, space, 'help').map((i) => `${i.key} ${i.label}`)).toEqual(['any key close']);
    expect(barItems('zh', false, space, 'help').map((i) => `${i.key} ${i.label}`)).toEqual(['任意键 关闭']);
    const key = { ctrl: false, meta: false } as Key;
    expect(actionFor('help', ' ', key)).toBe('close');
    expect(actionFor('help', 'm', key)).toBe('close');
    expect(actionFor('help', 'q', key)).toBe('close');
    expect(actionFor('help', 'c', { ctrl: true, meta: false } as Key)).toBe('quit');
  });
  it('the menu\'s bar has no m, and m still closes the menu', () => {
    expect(barItems('en', false, space, 'menu').map((i) => i.key)).not.toContain('m');
    expect(actionFor('menu', 'm', { ctrl: false, meta: false } as Key)).toBe('menu');
    expect(barItems('en', false, space, 'end').map((i) => i.key)).toContain('m');
  });
});
