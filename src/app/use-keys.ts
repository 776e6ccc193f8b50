// Every key counts. Ink cuts a chunk of stdin at escape sequences only: keys that
// arrive in one read (Tab Tab, Space Space, a fast typist, a paste) reach useInput as
// one string ("\t\t", "  ") that matches no key, and were lost. Here such a string is
// split into its characters, each given to the handler as the key Ink would have
// named had it come alone.
// Ink also names Backspace (DEL, 0x7f, what most terminals send for it) 'delete', as it names
// the Delete key (ESC [3~): the read's bytes tell them apart, so a line can take both as a shell does.
// A key that changes the screen (closes the glossary, ends a search, brings a question into
// view) makes the read's later keys wait until that screen is drawn; then they are handled,
// on what is now on screen: never dropped, never acting on a screen not drawn (issue 16:
// Esc Space in one read at the glossary lost both; after a search's Esc, 1 and Space were lost).
// Ink reads ESC and a key in one read as that key with meta (Alt), or as no key (ESC Tab): no
// key binds Alt, so it is the two keys typed, Esc then the other (but ESC DEL, Alt-Backspace).
import { useEffect, useRef, useState } from 'react';
import { type Key, useInput, useStdin } from 'ink';
import { drawPending, keyRead } from './frame-throttle.js';

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};

/** One character as Ink's useInput reports it alone: (input, key). */
export function keyOf(c: string): [string, Key] {
  if (c === '\r') return ['', { ...NO_KEY, return: true }];
  if (c === '\t') return ['', { ...NO_KEY, tab: true }];
  if (c === '\b') return ['', { ...NO_KEY, backspace: true }];
  if (c === '\x7f') return ['', { ...NO_KEY, backspace: true }];
  if (c === '\x1b') return ['', { ...NO_KEY, escape: true, meta: true }];
  // Ctrl-A .. Ctrl-Z (Ink names them by their letter; \n is Ctrl-J, "enter")
  if (c.length === 1 && c >= '\x01' && c <= '\x1a') return [String.fromCharCode(c.charCodeAt(0) + 96), { ...NO_KEY, ctrl: true }];
  return [c, { ...NO_KEY, shift: /^[A-Z]$/.test(c) }];
}

/** The keys in one useInput report: itself when it is one key, else each character. */
export function splitKeys(input: string, key: Key): [string, Key][] {
  const chars = Array.from(input);
  if (chars.length <= 1 || key.meta || key.ctrl) return [[input, key]];
  return chars.map(keyOf);
}

/** The start and end of one read's keys, for a handler that weighs a key by the keys
 *  before it in the same read (the store: a key that ran a step ends what the read's later
 *  keys may do, store/run.ts keysBegin). */
export interface ReadBounds {
  /** `rest`: these keys are the rest of a read that waited for a frame (and keys that came meanwhile): the same read */
  begin(rest: boolean): void;
  /** `more`: keys of this read wait for a frame, to be handled after it */
  end(more: boolean): void;
  /** whether the key just handled changed what is on screen: the read's later keys wait for its frame */
  changed?(): boolean;
}

/** The keys Ink reports as one: ESC and one key read together (meta, not an escape
 *  sequence: `raw` is exactly ESC and that key) are Esc and that key; ESC ESC is two Esc.
 *  Only ESC DEL stays one key (Alt-Backspace: a field's erase, see useKeys). */
export function keysOfRead(input: string, key: Key, raw: string): [string, Key][] {
  // Esc Esc in one read: Ink names it one Esc (with meta); it is two (issue 16: at the
  // glossary's search the second, which closes the glossary, was lost). Esc and Tab, Enter or
  // Space in one read: Ink names them the second with meta, or nothing (ESC Tab), and the Esc
  // was lost (issue 16 item 13: the form's Esc then Tab left the form open)
  const chars = Array.from(raw);
  if (chars.length === 2 && chars[0] === '\x1b' && chars[1] !== '\x7f' && !key.ctrl) return [keyOf('\x1b'), keyOf(chars[1]!)];
  return splitKeys(input, key);
}

/** useInput, called once per key even when several keys came in one read; `whole`, when
 *  given, sees the read first and takes it as it is by returning true (the playground's
 *  input line takes a paste at once: a megabyte is one insert, not a million keys);
 *  `read`, when given, is told where each read's keys begin and end. */
export function useKeys(handler: (input: string, key: Key) => void, options?: { isActive?: boolean; whole?: (input: string, key: Key) => boolean; read?: ReadBounds }): void {
  // the bytes of the read Ink is about to report: this listener is added before useInput's,
  // which Ink adds again on every render, so it hears each read first
  const raw = useRef('');
  const { internal_eventEmitter: emitter } = useStdin();
  useEffect(() => {
    const heard = (data: string) => {
      raw.current = data;
    };
    emitter.on('input', heard);
    return () => void emitter.removeListener('input', heard);
  }, [emitter]);
  // the keys of a read that wait for the frame of a screen change, the render that draws it
  const waiting = useRef<[string, Key][]>([]);
  const [drawn, setDrawn] = useState(0);
  const latest = useRef({ handler, options });
  latest.current = { handler, options };
  const handle = (keys: [string, Key][], whole?: () => boolean, rest = false) => {
    const { handler: h, options: o } = latest.current;
    o?.read?.begin(rest);
    try {
      if (whole?.()) return;
      for (let i = 0; i < keys.length; i++) {
        h(...keys[i]);
        if (i + 1 < keys.length && o?.read?.changed?.()) {
          // the rest after the frame this change draws: this render's effect, after Ink wrote it
          waiting.current.push(...keys.slice(i + 1));
          setDrawn((n) => n + 1);
          return;
        }
      }
    } finally {
      o?.read?.end(waiting.current.length > 0);
    }
  };
  useEffect(() => {
    if (waiting.current.length === 0) return;
    // the frame of this render written first, where it waits for the code running to end
    drawPending();
    const keys = waiting.current.splice(0);
    keyRead();
    handle(keys, undefined, true);
  }, [drawn]);
  useInput((input, rawKey) => {
    const key = rawKey.delete && (raw.current === '\x7f' || raw.current === '\x1b\x7f') ? { ...rawKey, delete: false, backspace: true } : rawKey;
    // the frames this key causes are written at once, not after Ink's frame interval
    keyRead();
    const keys = keysOfRead(input, key, raw.current);
    // keys waiting for a frame go first: these came after them
    if (waiting.current.length > 0) {
      waiting.current.push(...keys);
      return;
    }
    handle(keys, () => !!options?.whole?.(input, key));
  }, options);
}
