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
