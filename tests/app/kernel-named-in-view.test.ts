// What the lesson pane points at in the Kernel pane is in view there without a key: after
// every step, each Kernel field or process column the step's notice (or the next step's
// text, shown under it) names by its name -- nattch, cpid, lpid, atime, dtime, ctime, cuid,
// lspid, lrpid, msg_qnum (the messages column), used-bytes, semval, semncnt, semzcnt, sempid,
// nsems, wchan -- is on a line of the pane's window as the pane opens after the run. Newcomers
// met msg 6's wchan, which the pane never showed, and parent-child's atime (step 1's notice,
// above step 2) five presses of ↓ below the 80x24 pane's window. Every step of every lesson,
// run for real, the pane laid out as drawn (kernelHead, kernelLines, kernelFollow,
// stickyLines, the named columns and fields as KernelPane computes them), at 80x24 (every
// height the tab gets while the lesson pane holds the notice and the next step) and 120x34,
// en and zh. A field of an object the pane does not hold then (a segment's lpid after the
// segments are removed, named for the Trace) is not checked.
import { describe, expect, it } from 'vitest';
import { kernelLines, LABEL_MOST, type KernelInput, type TableMarks } from '../../src/app/components/kernel-view.js';
import { cells } from '../../src/app/text-fit.js';
import { namedColumns } from '../../src/app/components/kernel-named.js';
import { textRoom } from '../../src/app/components/Panel.js';
import { layoutFor } from '../../src/app/layout.js';
import { lineText } from '../../src/app/styled.js';
import { strings } from '../../src/app/strings.js';
import { LATER_COLUMNS, paneColumns } from '../../src/lessons/pane-words.js';
import { LESSONS } from '../../src/lessons/index.js';
import type { ObjectLabel } from '../../src/lessons/types.js';
import { kernelInput, LANGS, laidOut, paneAt, SIZES, walkLesson, wchans } from '../helpers/kernel-walk.js';

/** Each name a text may give a Kernel field, the word the pane shows it by, and the object the pane must hold for it. */
const FIELDS: readonly { name: string; shows: string; of: 'shm' | 'msg' | 'sem' | 'proc' }[] = [
  ...['nattch', 'cpid', 'lpid', 'atime', 'dtime', 'ctime', 'cuid'].map((name) => ({ name, shows: name, of: 'shm' as const })),
  ...['lspid', 'lrpid', 'used-bytes'].map((name) => ({ name, shows: name, of: 'msg' as const })),
  { name: 'msg_qnum', shows: 'messages', of: 'msg' },
  ...['semval', 'semncnt', 'semzcnt', 'sempid', 'nsems'].map((name) => ({ name, shows: name, of: 'sem' as const })),
  { name: 'wchan', shows: 'wchan', of: 'proc' },
];
const word = (w: string) => new RegExp(`(^|[^\\w-])${w.replace(/[-]/g, '\\-')}([^\\w-]|$)`);

describe('Kernel pane: what the lesson pane names is in view after every step', () => {
  for (const lesson of LESSONS) {
    it(`${lesson.id}: after every step at 80x24 and 120x34, en and zh`, async () => {
      const wrong: string[] = [];
      let checked = 0;
      let labels: readonly ObjectLabel[] = [];
      await walkLesson(lesson, (at) => {
        const { run, step, now } = at;
        labels = run.labels ?? [];
        // the lesson pane after the run: the step's notice, the next step under it
        const view = Math.min(run.done, lesson.steps.length - 1);
        const named = namedColumns(lesson, view, run.done, []);
        const sleeping = wchans(run.processes.filter((p) => p.alive).map((p) => p.pid));
        for (const lang of LANGS) {
          const next = lesson.steps[step + 1];
          const text = [lesson.steps[step]!.notice[lang], ...(next ? [next.title[lang], next.say[lang]] : [])].join('\n');
          const holds = { shm: now.focus !== null && now.stat !== null, msg: now.queues.length > 0, sem: now.semaphores.some((x) => (x.sems ?? []).length > 0), proc: run.processes.length > 0 };
          // (a column a later call brings is not drawn before it: the next step's text names
          // sempid before its semop runs, pane-words.ts LATER)
          const asked = FIELDS.filter((f) => word(f.name).test(text) && holds[f.of] && !(LATER_COLUMNS.has(f.shows) && !paneColumns(run.trace).has(f.shows)));
          if (asked.length === 0) continue;
          const k = kernelInput(at, lang, { named, wchans: sleeping });
          for (const [w, h] of SIZES) {
            // every height the tab has while the lesson pane holds the notice and the next step
            const { outer, width, rows: heights } = paneAt(w, h, 'afterRun');
            for (const rows of heights) {
              const { lines, top, shown } = laidOut(k, outer, width, rows);
              const texts = shown.map(lineText);
              for (const f of asked) {
                checked++;
                if (!texts.some((t) => word(f.shows).test(t)))
                  wrong.push(`${lesson.id} step ${step + 1} ${lang} ${w}x${h}, ${rows} rows: ${f.name} named, not in view (offset ${top}):\n${lines.map((l) => `${shown.includes(l) ? '|' : ' '} ${lineText(l)}`).join('\n')}`);
              }
            }
          }
        }
      });
      expect(wrong).toEqual([]);
      // every name the lesson gives an object fits the "use" column the tables choose their columns beside
      for (const l of labels) for (const lang of LANGS) expect(cells(l.label[lang]), l.label[lang]).toBeLessThanOrEqual(LABEL_MOST);
      for (const lang of LANGS) expect(cells(strings(lang).labelHead)).toBeLessThanOrEqual(LABEL_MOST);
      // and no lesson names a queue: the queue table keeps no room for a "use" column
      expect(labels.filter((l) => l.kind === 'msg')).toEqual([]);
      // the rule is exercised where the lesson's texts name a Kernel field
      if (['shmat', 'shmdt', 'parent-child', 'msg', 'sem'].includes(lesson.id)) expect(checked, lesson.id).toBeGreaterThan(0);
    }, 120_000);
  }
});

// The columns a table shows follow one rule in every lesson: by the pane's width and the
// words on screen, never by whether the lesson names its rows (cpid stood in serv-clnt's
// segment table at 120x34 and not in parent-child's or race's, whose "use" column took its room).
describe('Kernel pane: one column set at a width, named rows or not', () => {
  it('a segment table with a "use" column shows the columns one without shows, at 80x24, 100x30 and 120x34, en and zh', () => {
    const time = { atime: 0, dtime: 0, ctime: 0 };
    const seg = { key: '0x00000000', shmid: 294918, owner: 'root', perms: '600', size: 4096, nattch: 1, cpid: 25865, lpid: 25866, status: [] as string[], ...time, ours: true };
    const heads = (lang: 'en' | 'zh', labels: Map<number, string>, w: number, h: number) => {
      const l = layoutFor(w, h, 8);
      const width = l.mode === 'tabs' ? textRoom(l.tabs.w) : l.mode === 'wide' ? textRoom(l.kernel.w) : 0;
      const marks: TableMarks = { owners: { lesson: new Set([seg.shmid]), ipclab: new Set() }, before: null, mark: '*', ascii: false, labels: { shm: labels } };
      const k: KernelInput = { segments: [seg], focus: seg.shmid, stat: null, dump: null, decoded: null, processes: [], marks, lang, s: strings(lang) };
      const head = kernelLines(k, width, 60).map(lineText).find((t) => t.split(/\s+/).includes('shmid'))!;
      return head.split(/\s+/).filter((c) => c !== '' && c !== strings(lang).labelHead);
    };
    for (const lang of ['en', 'zh'] as const) {
      for (const [w, h] of [[80, 24], [100, 30], [120, 34]] as const) {
        const plain = heads(lang, new Map(), w, h);
        for (const name of ['down', 'counter', '计数器']) expect(heads(lang, new Map([[seg.shmid, name]]), w, h), `${lang} ${w}x${h} "${name}"`).toEqual(plain);
      }
    }
  });
});
