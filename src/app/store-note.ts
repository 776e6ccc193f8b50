// A value one component draws and another reads in the same frame, per app (store): the lesson pane
// says whether its text holds a "New terms" line and which step-list marks it draws, the tab bar
// whether it shows the lesson's processes; the key bar and the status line follow (docs/ARCHITECTURE.md).
// Not in the store: setting it there would draw the app again for a value the drawing itself made.
import { useLayoutEffect, useSyncExternalStore } from 'react';
import { useAppStore } from './context.js';
import type { AppStore } from './store.js';

export interface StoreNote<T> {
  /** sets the note for the app drawn by the calling component to `value` while it is drawn, `initial` after */
  usePublish(value: T): void;
  /** the note's value, drawn again when it changes */
  use(): T;
}

export function storeNote<T>(initial: T): StoreNote<T> {
  const notes = new WeakMap<AppStore, { value: T; listeners: Set<() => void> }>();
  const of = (store: AppStore) => {
    let note = notes.get(store);
    if (!note) notes.set(store, (note = { value: initial, listeners: new Set() }));
    return note;
  };
  const publish = (store: AppStore, value: T) => {
    const note = of(store);
    if (note.value === value) return;
    note.value = value;
    for (const l of note.listeners) l();
  };
  return {
    usePublish(value) {
      const store = useAppStore();
      useLayoutEffect(() => publish(store, value), [store, value]);
      useLayoutEffect(() => () => publish(store, initial), [store]);
    },
    use() {
      const note = of(useAppStore());
      return useSyncExternalStore(
        (listener) => {
          note.listeners.add(listener);
          return () => note.listeners.delete(listener);
        },
        () => note.value,
      );
    },
  };
}
