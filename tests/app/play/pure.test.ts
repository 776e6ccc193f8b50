// The playground's pure parts: the keymap's play scope, the transcript, the flow it
// lights, and its layout at every size from the smallest to a large terminal.
import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { actionFor, barItems, BINDINGS, helpItems, scopeFor, scrollOf } from '../../../src/app/keymap.js';
import { MIN, playLayoutFor } from '../../../src/app/layout.js';
import { appendCapped, entriesOf, shmidOf, TRANSCRIPT_MAX } from '../../../src/app/play/transcript.js';
import { playFlowChoice } from '../../../src/app/components/flow-view.js';
import { keyBarLine } from '../../../src/app/components/KeyBar.js';
import { lineText, lineWidth } from '../../../src/app/styled.js';
import type { CallRecord, SegmentRecord } from '../../../src/native/types.js';

const NO_KEY = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false } as Key;
const key = (k: Partial<Key>): Key => ({ ...NO_KEY, ...k });

const call = (c: string, ret: number | string, errno: string | null = null, pid = 100): CallRecord => ({ type: 'call', pid, call: c.slice(0, c.indexOf('(')), c, ret, errno, message: errno ? 'msg' : null, at: 0 });
const seg = (over: Partial<SegmentRecord>): SegmentRecord => ({ key: '0x00000000', shmid: 7, owner: 'me', perms: '600', size: 4096, nattch: 0, status: [], cpid: 1, lpid: 0, ours: true, ...over }) as SegmentRecord;

describe('keymap: the playground scope', () => {
  it('every printable key is input there: no binding takes a letter, digit or sign', () => {
    expect(scopeFor('none', false, 'play')).toBe('play');
    expect(scopeFor('help', false, 'play')).toBe('help');
    expect(scopeFor('none', true, 'play')).toBe('small');
    for (const c of 'qlmcr? :abcXYZ0123()|,"\'@+-_中') expect(actionFor('play', c, NO_KEY), c).toBeNull();
  });

  it('editing, history, completion and the control keys', () => {
    expect(actionFor('play', '', key({ return: true }))).toBe('playEnter');
    expect(actionFor('play', '', key({ tab: true }))).toBe('playComplete');
    expect(actionFor('play', '', key({ upArrow: true }))).toBe('historyUp');
    expect(actionFor('play', '', key({ downArrow: true }))).toBe('historyDown');
    // use-keys.ts reports the Backspace key (0x7f) as backspace and the Delete key (ESC [3~) as delete, as a shell takes them
    expect(actionFor('play', '', key({ backspace: true }))).toBe('backspace');
    expect(actionFor('play', '', key({ delete: true }))).toBe('delete');
    expect(actionFor('play', '', key({ home: true }))).toBe('home');
    const ctrl = (c: string) => actionFor('play', c, key({ ctrl: true }));
    expect(['a', 'e', 'u', 'k', 'w', 'b', 'f', 'd', 'c', 'o', 'g'].map(ctrl)).toEqual(['home', 'end', 'killBefore', 'killAfter', 'killWord', 'left', 'right', 'delete', 'playInterrupt', 'playSide', 'help']);
    expect(actionFor('play', '', key({ escape: true, meta: true }))).toBe('close');
    expect(actionFor('main', ':', NO_KEY)).toBe('play');
    expect(scrollOf('pageUp', 'flow', 'play')).toEqual({ pane: 'trace', by: { pages: -1 } });
  });

  it('the key bar and the help describe the playground keys; the bar fits 80 columns', () => {
    const keys = BINDINGS.filter((b) => b.bar && b.scopes.includes('play')).map((b) => b.keys[0].name);
    // the keys' own key last, as on the lesson screen
    expect(barItems('en', false, undefined, 'play').map((b) => b.key)).toEqual([...keys.filter((k) => k !== 'Ctrl-G'), 'Ctrl-G']);
    for (const [lang, ascii] of [['en', false], ['zh', false], ['en', true], ['zh', true]] as const) {
      const l = keyBarLine(lang, ascii, 80, undefined, 'play');
      expect(lineWidth(l)).toBe(80);
      expect(lineText(l)).not.toContain('…');
    }
    const help = helpItems('play', 'en', false);
    expect(help.find((h) => h.keys.startsWith('↑'))?.help).toMatch(/history/);
    expect(help.find((h) => h.keys === 'Ctrl-C')?.help).toMatch(/twice quits/);
  });
});

describe('transcript', () => {
  it('each result line is replaced by its call, in order; calls printed by no line follow', () => {
    const a = call('shmget(IPC_PRIVATE, 4096, 0600)', 7);
    const b = call('shmat(7, NULL, 0)', '0x7f00');
    const entries = entriesOf(3, 'x', {
      calls: [a, b],
      lines: [{ kind: 'result', text: 'a' }, { kind: 'meaning', text: 'm' }],
    });
    expect(entries).toEqual([{ kind: 'input', n: 3, text: 'x' }, { kind: 'call', call: a }, { kind: 'out', line: { kind: 'meaning', text: 'm' } }, { kind: 'call', call: b }]);
    // a result line with no call (strcpy is no system call) stays a line
    expect(entriesOf(1, 'y', { calls: [], lines: [{ kind: 'result', text: 'strcpy(...)' }] })[1]).toEqual({ kind: 'out', line: { kind: 'result', text: 'strcpy(...)' } });
  });

  it('keeps the newest entries within its limit', () => {
    const many = Array.from({ length: TRANSCRIPT_MAX }, (_, i) => ({ kind: 'input' as const, n: i, text: '' }));
    const after = appendCapped(many, [{ kind: 'input', n: -1, text: 'new' }]);
    expect(after).toHaveLength(TRANSCRIPT_MAX);
    expect(after[after.length - 1]).toMatchObject({ text: 'new' });
  });

  it('the segment a call worked on', () => {
    expect(shmidOf(call('shmget(IPC_PRIVATE, 4096, 0600)', 753670))).toBe(753670);
    expect(shmidOf(call('shmget(0x1, 4096, 0)', -1, 'ENOENT'))).toBeNull();
    expect(shmidOf(call('shmat(12, NULL, SHM_RDONLY)', '0x7f'))).toBe(12);
    expect(shmidOf(call('shmctl(13, IPC_RMID, NULL)', 0))).toBe(13);
    expect(shmidOf(call('shmdt(0x7f00)', 0))).toBeNull();
  });
});

describe('the lifecycle flow lit by the last call', () => {
  it('lights the state the call left the segment in, the edge it took as done', () => {
    expect(playFlowChoice(null, undefined)).toEqual({ diagram: 'shmctl-life', active: [], done: [], masked: [] });
    expect(playFlowChoice(call('shmget(IPC_PRIVATE, 4096, 0600)', 7), seg({}))).toMatchObject({ active: ['created'], done: [] });
    expect(playFlowChoice(call('shmat(7, NULL, 0)', '0x7f'), seg({ nattch: 1 }))).toMatchObject({ active: ['attached'], done: ['created->attached', 'created'] });
    expect(playFlowChoice(call('shmctl(7, IPC_RMID, NULL)', 0), seg({ nattch: 2, status: ['dest'] }))).toMatchObject({ active: ['dest'], done: ['attached->dest', 'attached'] });
    expect(playFlowChoice(call('shmctl(7, IPC_RMID, NULL)', 0), undefined)).toMatchObject({ active: ['freed'], done: ['created->freed', 'created'] });
    expect(playFlowChoice(call('shmdt(0x7f)', 0), undefined)).toMatchObject({ active: ['freed'], done: ['dest->freed', 'dest'] });
    // a failed call lights where the segment is, no edge
    expect(playFlowChoice(call('shmat(7, NULL, 0)', '(void *) -1', 'EINVAL'), seg({}))).toMatchObject({ active: ['created'], done: [] });
  });
});

describe('playground layout', () => {
  it('fills the screen exactly, from the smallest terminal up, with and without a challenge', () => {
    for (const [w, h] of [[MIN.width, MIN.height], [80, 24], [109, 40], [110, 30], [120, 34], [160, 48], [250, 70]]) {
      for (const challenge of [null, 12, 80]) {
        const l = playLayoutFor(w, h, challenge);
        if (l.mode === 'small') throw new Error(`${w}x${h} is not small`);
        const body = h - 3;
        if (l.mode === 'tabs') {
          expect(l.transcript.h + 1 + l.side.h).toBe(body);
          expect(l.transcript.h).toBeGreaterThanOrEqual(5);
        } else {
          expect(l.transcript.h + 1).toBe(body);
          expect((l.challenge?.h ?? 0) + l.flow.h + l.kernel.h).toBe(body);
          expect(l.transcript.w + l.flow.w).toBe(w);
          expect(l.flow.h).toBeGreaterThanOrEqual(8);
          if (challenge === null) expect(l.challenge).toBeNull();
        }
      }
    }
    expect(playLayoutFor(MIN.width - 1, 24, null).mode).toBe('small');
  });
});

describe('the transcript pane\'s title', () => {
  it('fits its border at 80 and 120 columns in both languages, beside any scroll sign: whole, shorter, or the name, never cut', async () => {
    const { transcriptTitle } = await import('../../../src/app/components/play-view.js');
    const { strings } = await import('../../../src/app/strings.js');
    const { topBorder, frameChars } = await import('../../../src/app/components/frame.js');
    const { cells } = await import('../../../src/app/text-fit.js');
    for (const lang of ['en', 'zh'] as const) {
      const s = strings(lang);
      const whole = [s.playTranscript, s.playTranscriptShort, s.playTranscriptBare];
      for (const [w, h] of [[80, 24], [120, 34]] as const) {
        const layout = playLayoutFor(w, h, null);
        if (layout.mode === 'small') throw new Error(`${w}x${h} is large enough for the playground`);
        const { transcript } = layout;
        const seen = new Set<string>();
        for (const above of [0, 3, 40, 1200]) {
          const sign = above > 0 ? cells(`↑ ${s.more(above)}`) + 2 : 0;
          const title = transcriptTitle(s, transcript.w - 2 - 3 - sign - 1);
          expect(whole, `${lang} ${w} ${above}`).toContain(title);
          seen.add(title);
          // the border draws it whole: no ellipsis, the title's text in it
          const border = lineText(topBorder(title, false, above, transcript.w, frameChars(false), s.more));
          expect(border, border).toContain(` ${title} `);
          expect(border).not.toContain('…');
          expect(cells(border)).toBe(transcript.w);
        }
        // with nothing scrolled the whole title is there at both sizes
        expect(seen.has(s.playTranscript), `${lang} ${w}`).toBe(true);
      }
    }
  });
});
