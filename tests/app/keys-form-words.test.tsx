// The your-turn form's keys line and the key bar under it say each key's action in the same
// words (issue 16 fixR#4: the form said "Esc leaves the form (the lesson's values)" and the
// bar "Esc cancel": one action, two wordings, and a newcomer read the first as "runs with the
// lesson's values"). Pure: strings and the keymap, no render.
import { describe, expect, it } from 'vitest';
import { barItems, type SpacePlace } from '../../src/app/keymap.js';
import { strings } from '../../src/app/strings.js';
import { LANGS } from '../../src/lang.js';

describe('the form’s keys line says Enter and Esc as the key bar does', () => {
  for (const lang of LANGS) {
    for (const waits of [false, true]) {
      it(`${lang}, Enter ${waits ? 'keeps the values' : 'runs'}`, () => {
        const space = { formWaits: waits } as unknown as SpacePlace;
        const items = barItems(lang, false, space, 'turn');
        const said = strings(lang).turnEditing('Tab', waits);
        for (const key of ['Enter', 'Esc']) {
          const item = items.find((it) => it.key === key);
          expect(item, key).toBeDefined();
          // the key, then the bar's own words for it
          expect(said, `${key} in the form's line`).toContain(`${key} ${item!.label}`);
        }
      });
    }
  }
});

// nc (session 26, sem 1 zh): a form of one field said "Tab/↑↓ 换字段" with no other field to go to
describe('a form of one field offers no key to change field', () => {
  for (const lang of LANGS) {
    it(`${lang}: neither the form's line nor the bar names Tab or ↑↓`, () => {
      expect(strings(lang).turnEditing('Tab', false, 1)).not.toMatch(/Tab|↑↓/);
      expect(strings(lang).turnEditing('Tab', false, 2)).toMatch(/^Tab\/↑↓ /);
      const keys = (oneField: boolean) => barItems(lang, false, { formWaits: false, ...(oneField ? { oneField } : {}) } as unknown as SpacePlace, 'turn').map((it) => it.key);
      expect(keys(false).some((k) => k.startsWith('Tab'))).toBe(true);
      expect(keys(true).some((k) => k.startsWith('Tab'))).toBe(false);
    });
  }
});
