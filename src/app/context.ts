// The store reaches components through React context; components select the few
// fields they draw, so a change elsewhere does not redraw them.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Lang } from '../lang.js';
import type { AppState, AppStore } from './store.js';
import { strings, type Strings } from './strings.js';

export const StoreContext = createContext<AppStore | null>(null);

export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('ipclab: components need the app store in StoreContext');
  return store;
}

export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStore(), selector);
}

export interface Look {
  lang: Lang;
  /** the UI strings of `lang` */
  s: Strings;
  ascii: boolean;
  color: boolean;
}

/** How everything is drawn: the language shown, --ascii, colour. */
export function useLook(): Look {
  const lang = useAppState((st) => st.lang);
  const ascii = useAppState((st) => st.ascii);
  const color = useAppState((st) => st.color);
  return { lang, s: strings(lang), ascii, color };
}
