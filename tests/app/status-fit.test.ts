// Every text the status line (the row above the keys) can say fits whole at 80 columns,
// in English and Chinese, with its arguments at their longest: a cut status line loses
// its end, which is often the instruction ("Esc stays", "r resets"). The status texts are
// found in the store's source, so a new one without samples here fails the test.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strings, type Strings } from '../../src/app/strings.js';
import { cells } from '../../src/app/text-fit.js';
import { keyFor, runLabel } from '../../src/app/keymap.js';
import { offsetName } from '../../src/app/store/kernel.js';
import { FIND_MOST } from '../../src/app/store/find.js';
import { lessonName } from '../../src/app/store/navigation.js';
import { LESSONS } from '../../src/lessons/index.js';
import { ERRATA } from '../../src/lessons/errata.js';
import type { HintWhyNot } from '../../src/app/strings.js';

/** the status line's room at 80 columns: a space before the text, the cut mark's cell, a space after */
const ROOM = 80 - 3;

const most = Math.max(...LESSONS.map((l) => l.steps.length));
/** what Space does, as the status line says it after keys not used: the bar's longest words, or none */
const spaceWords = (s: Strings) => ['', s.spaceBrings(most, true, true), ...[{ unanswered: true }, { view: most - 2 }].map((p) => runLabel({ view: most - 1, done: most - 1, steps: most, lastLesson: false, ...p })[s === strings('zh') ? 'zh' : 'en'])];
const longestId = LESSONS.map((l) => l.id).reduce((a, b) => (b.length > a.length ? b : a));
/** the longest name a status gives a lesson (lessonName), in both languages */
const longestName = { en: LESSONS.map((l) => lessonName(l).en).reduce((a, b) => (cells(b) > cells(a) ? b : a)), zh: LESSONS.map((l) => lessonName(l).zh).reduce((a, b) => (cells(b) > cells(a) ? b : a)) };
const withForms = LESSONS.filter((l) => l.steps.some((st) => st.turn)).map((l) => l.id);
/** an unbound key as the status line names it (the longest the keymap gives) */
const keyNames = ['~', 'F12', 'Ctrl-X'];
/** a reason a re-run or resume stopped, or a call failed: said after the instruction, so a cut takes only the reason's end */
const why = 'shmget returned -1 (ENOSPC)';
/** the farthest a byte dump's offset goes: a segment of 4 GiB, its last row */
const farthest = 2 ** 32 - 16;

/** the status texts the store sets, each with its arguments at their longest (a function of the strings) */
const SAMPLES: Record<string, (s: Strings) => string[]> = {
  erratumReady: (s) =>
    ERRATA.flatMap((e) => {
      const lesson = LESSONS.find((l) => l.id === e.lesson)!;
      const step = lesson.steps.findIndex((st) => st.id === e.step) + 1;
      return [
        s.erratumReady(e.id, step, null),
        s.erratumReady(e.id, step, { lesson: longestName, step: most, same: false }),
        // the lesson left is done: it stays done (fix13q#2)
        s.erratumReady(e.id, step, { lesson: longestName, step: most, same: false, done: true }),
        s.erratumReady(e.id, step, { lesson: lessonName(lesson), step: most, same: true }),
        // a jump ahead within the lesson, its questions on the way never answered: the way to them (fix13q#1)
        ...[1, 2].map((unasked) => s.erratumReady(e.id, step, { lesson: lessonName(lesson), step: 1, same: true }, unasked)),
      ];
    }),
  erratumAsk: (s) =>
    ERRATA.flatMap((e) => {
      const lesson = LESSONS.find((l) => l.id === e.lesson)!;
      const step = lesson.steps.findIndex((st) => st.id === e.step) + 1;
      return [
        s.erratumAsk(e.id, lessonName(lesson), step, lesson.steps.length, true),
        s.erratumAsk(e.id, lessonName(lesson), step, most, false),
        s.erratumAsk(e.id, longestName, most, most, false, false, 0, 1),
        s.erratumAsk(e.id, longestName, most, most, false, false, 0, 12),
        // at a lesson's end (fix13h#4)
        s.erratumAsk(e.id, lessonName(lesson), step, most, true, true),
        s.erratumAsk(e.id, lessonName(lesson), step, most, false, true),
        // the questions of the steps it reruns, skipped (fix13q#1): as many as there are steps before
        s.erratumAsk(e.id, lessonName(lesson), step, most, true, false, step - 1),
        s.erratumAsk(e.id, lessonName(lesson), step, most, true, true, step - 1),
        // every case of the steps before: none, one, several
        ...[1, 2, step].flatMap((at) => [0, at - 1].map((asks) => s.erratumAsk(e.id, lessonName(lesson), at, most, true, true, asks))),
      ];
    }),
  erratumCancelled: (s) => ERRATA.map((e) => s.erratumCancelled(e.id)),
  jumpRunning: (s) =>
    ERRATA.flatMap((e) => {
      const lesson = LESSONS.find((l) => l.id === e.lesson)!;
      const step = lesson.steps.findIndex((st) => st.id === e.step);
      return [s.jumpRunning(lessonName(lesson), step, step + 1)];
    }),
  pickNone: (s) => [s.pickNone],
  pickOne: (s) => [s.pickOne],
  dumpNoPages: (s) => [s.dumpNoPages('[ ]'), s.dumpNoPages('}')],
  dumpFirst: (s) => [s.dumpFirst],
  dumpLast: (s) => [s.dumpLast(']'), s.dumpLast('}')],
  findStart: (s) => [s.findStart],
  findCount: (s) => [s.findCount(999, 999)],
  findKept: (s) => [s.findKept(999, 999)],
  findNoLast: (s) => [s.findNoLast],
  findNone: (s) => [s.findNone],
  zoomShowsText: (s) => [s.zoomShowsText('Space', 99), s.zoomShowsText('Space', null)],
  findLong: (s) => [s.findLong(FIND_MOST)],
  dumpAllZero: (s) => [s.dumpAllZero(offsetName(farthest))],
  dumpSought: (s) => [s.dumpSought(offsetName(farthest + 15))],
  dumpNoMore: (s) => [true, false].map((end) => s.dumpNoMore(offsetName(farthest), end, '1 MiB')),
  codeOneFile: (s) => [s.codeOneFile],
  playNoSession: (s) => [s.playNoSession(why)],
  playRunningB: (s) => [s.playRunningB],
  playCtrlC: (s) => [s.playCtrlC],
  playKept: (s) => [s.playKept],
  stepFailed: (s) => [s.stepFailed(why)],
  restarted: (s) => [s.restarted(11)],
  noQuestion: (s) => [s.noQuestion(keyFor('skip', false)), s.noQuestion('9')],
  chooseRange: (s) => [s.chooseRange('9', 8)],
  hintWhyNot: (s) => (['later', 'ran', 'none', 'end', 'off'] as HintWhyNot[]).map((w) => s.hintWhyNot(keyFor('hint', false), w, most, most)),
  noReveal: (s) => [s.noReveal(keyFor('reveal', false))],
  noKey: (s) => keyNames.map((k) => s.noKey(k, keyFor('help', false))),
  rerunning: (s) => [s.rerunning(most)],
  rerun: (s) => [1, 2, most].map((step) => s.rerun(step)),
  rerunAsks: (s) => [s.rerunAsks(most)],
  resultShown: (s) => (['flow', 'kernel', 'trace'] as const).map((pane) => s.resultShown(most, s[pane])),
  resultElsewhere: (s) => (['flow', 'kernel', 'trace'] as const).map((pane) => s.resultElsewhere(most, s[pane])),
  resultAlso: (s) => LESSONS.flatMap((l) => l.steps.flatMap((st) => (st.alsoIn ? (['flow', 'kernel', 'trace'] as const).map((pane) => s.resultAlso(most, s[pane], s[st.alsoIn!.pane], st.alsoIn!.shows)) : []))),
  reviewRerun: (s) => [s.reviewRerun(1), s.reviewRerun(most)],
  asideInView: (s) => [s.asideInView(keyFor('aside', false), most)],
  asideBack: (s) => [s.asideBack(keyFor('aside', false))],
  asideNone: (s) => [s.asideNone(keyFor('aside', false), most), s.asideNone(keyFor('aside', false), null)],
  asideLater: (s) => [s.asideLater(keyFor('aside', false))],
  turnChoiceTyped: (s) => [s.turnChoiceTyped({ en: 'file', zh: '文件' }), s.turnChoiceTyped({ en: 'shmflg', zh: 'shmflg' })],
  rerunFailed: (s) => [s.rerunFailed(most, most - 1, why)],
  resuming: (s) => [s.resuming(most)],
  resumed: (s) => [s.resumed(longestId, most)],
  resumeFailed: (s) => [s.resumeFailed(most, why)],
  resetting: (s) => [s.resetting],
  resetDone: (s) => [s.resetDone],
  quitting: (s) => [s.quitting],
  quittingHelpers: (s) => [s.quittingHelpers],
  turnRan: (s) => [s.turnRan(keyFor('turn', false), most, keyFor('reset', false))],
  turnReview: (s) => [s.turnReview(keyFor('turn', false), most)],
  turnAhead: (s) => [s.turnAhead(keyFor('turn', false), most, most), s.turnAhead(keyFor('turn', false), most, most - 1)],
  turnAheadBack: (s) => [s.turnAheadBack(keyFor('turn', false), most)],
  turnNone: (s) => [null, most].flatMap((step) => [true, false].map((had) => s.turnNone(keyFor('turn', false), step, withForms, had))),
  turnKeyHeld: (s) => [s.turnKeyHeld(keyFor('turnCancel', false))],
  quizAnswerFirst: (s) => [s.quizAnswerFirst(9, keyFor('skip', false), keyFor('run', false))],
  // not set by the store: the note App shows while zoomed, and the hint of waiting lines
  zoomedRan: (s) => [true, false].map((q) => s.zoomedRan(keyFor('zoom', false), most, q)),
  questionShownFirst: (s) => (['answer', 'skip', 'hint', 'run'] as const).map((w) => s.questionShownFirst(w, w === 'answer' ? '9' : keyFor(w, false))),
  running: (s) => [s.running],
  playWaiting: (s) => [s.playWaiting(99)],
  // keys that ask before they act (fix14f): r, Space at a question with no answer, Esc after them
  resetAsk: (s) => [s.resetAsk],
  runUnanswered: (s) => [s.runUnanswered],
  checkSpace: (s) => [s.checkSpace(9, keyFor('skip', false))],
  lessonEndKeys: (s) => [true, false].map((last) => s.lessonEndKeys(keyFor('run', false), keyFor('next', false), last)),
  // with what Space does then, in the bar's longest words (keymap.ts runLabel), or none (a step running)
  keysDropped: (s) => [true, false].flatMap((spaces) => [null, most].flatMap((shown) => spaceWords(s).flatMap((space) => [s.keysDropped(1, spaces, shown, space), s.keysDropped(12, spaces, shown, space)]))),
  keysWhileRunning: (s) => [null, most].flatMap((shown) => ['Space', '→', null].flatMap((key) => [most, 'reset' as const].flatMap((ran) => spaceWords(s).flatMap((space) => [s.keysWhileRunning(1, key, ran, shown, space), s.keysWhileRunning(12, key, ran, shown, space)])))),
  keysAfterForm: (s) => [s.keysAfterForm(1), s.keysAfterForm(12)],
  leaveAsk: (s) => [s.leaveAsk(1, longestName), s.leaveAsk(12, longestName)],
  leaveCancelled: (s) => [s.leaveCancelled],
  confirmCancelled: (s) => [s.confirmCancelled('run'), s.confirmCancelled('reset')],
  // a digit or x that came before its question was on screen: the largest step and check question numbers
  keyHeld: (s) => [s.keyHeld(keyFor('skip', false), { step: most }), s.keyHeld('9', { check: Math.max(...LESSONS.map((l) => l.check?.length ?? 0)) })],
  // said by StatusLine, not set by the store (the Trace's cut, TracePane); the Tabs before z only side by side (110 columns and more)
  traceCutHint: (s) => (['result', 'part', 'more'] as const).map((shows) => s.traceCutHint(most, shows, 28, keyFor('zoom', false))),
};

/** the texts the store's status can hold with a reason after the instruction: the text without its reason fits */
const WITH_REASON = new Set(['stepFailed', 'playNoSession', 'rerunFailed', 'resumeFailed']);

describe('the status line', () => {
  it('every status text the store sets has samples here', () => {
    const en = strings('en') as Record<string, unknown>;
    const dir = join(__dirname, '../../src/app/store');
    const files = [...readdirSync(dir).map((f) => join(dir, f)), join(__dirname, '../../src/app/store.ts')];
    const used = new Set<string>();
    // not status texts: s.challenge, a playground session's field; st.zoomed, the state's (store/turn.ts
    // spaceShowsRest); the your-turn form's error line (store/turn.ts refused)
    const elsewhere = new Set(['challenge', 'zoomed', 'turnBytes', 'turnChars', 'turnRefused']);
    for (const file of files) for (const m of readFileSync(file, 'utf8').matchAll(/\bst?\.(\w+)/g)) if (m[1] in en && !elsewhere.has(m[1])) used.add(m[1]);
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((k) => !(k in SAMPLES))).toEqual([]);
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`fits whole at 80 columns (${lang})`, () => {
      const s = strings(lang);
      const long: string[] = [];
      for (const [name, make] of Object.entries(SAMPLES)) {
        const texts = WITH_REASON.has(name) ? make(s).map((t) => t.slice(0, t.lastIndexOf(why))) : make(s);
        for (const text of texts) if (cells(text) > ROOM) long.push(`${name} (${cells(text)}): ${text}`);
      }
      expect(long).toEqual([]);
    });
  }

  it('a reason comes after the instruction, so a cut takes only the reason', () => {
    for (const lang of ['en', 'zh'] as const) {
      const s = strings(lang);
      for (const text of [s.rerunFailed(most, most - 1, why), s.resumeFailed(most, why)]) expect(text.endsWith(why)).toBe(true);
    }
  });
});
