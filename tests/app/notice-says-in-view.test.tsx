// What a run's notice points the learner at is on screen right then, no key pressed: the walk
// (tests/app/notice-says.tsx) of every lesson but those that list the whole machine's objects,
// which notice-says-in-view-ipcs.test.tsx walks alone; and what a notice asks to look at.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { LISTS_MACHINE } from '../helpers/side-by-side.js';
import { noticeAsks, noticeSaysWalk } from './notice-says.js';

describe('notice words: what it asks the learner to look at', () => {
  it('a field with its value said asks for nothing; one without, a pane, a quote, an errno do', () => {
    const ask = (en: string) => noticeAsks({ en, zh: '' }, 'en');
    expect(ask('nattch 0. atime, dtime 0; nattch is 2.')).toEqual({ panes: [], words: [] });
    expect(ask('ipcs -q: 0 used-bytes, 0 messages.').words).toEqual(['ipcs']);
    expect(ask('nattch 1; lpid, atime changed too.').words).toEqual(['lpid', 'atime']);
    expect(ask('B reads what A wrote (Trace): nattch is 2.')).toEqual({ panes: ['trace'], words: [] });
    expect(ask('B read "hello"; shmget failed with ENOENT, ipcs printed no row.').words).toEqual(['hello', 'ipcs', 'ENOENT']);
    expect(noticeAsks({ en: 'it wrote "hello"', zh: 'nattch 变成 1；lpid 和 atime（“内核”窗格）也变了。“你好”' }, 'zh')).toEqual({ panes: ['kernel'], words: ['lpid', 'atime', '你好'] });
    // a zh quote is text on screen where the en quotes text too, else a word quoted for its own sake
    expect(noticeAsks({ en: 'it wrote "hello"', zh: '写了“你好”' }, 'zh').words).toEqual(['你好']);
    expect(noticeAsks({ en: 'the old pointer works again', zh: '旧指针“复活”了' }, 'zh').words).toEqual([]);
    // an errno the run did not meet states a rule
    expect(noticeAsks({ en: 'EINVAL above SHMMAX, ENOMEM if not reserved', zh: '' }, 'en', ['ENOMEM']).words).toEqual(['ENOMEM']);
  });
});

noticeSaysWalk(LESSONS.filter((lesson) => !LISTS_MACHINE.has(lesson.id)));
