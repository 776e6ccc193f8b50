// The Kernel pane's tables leave out columns by one rule (least important first, never a
// figure cut), and a wider terminal never shows fewer columns than a narrower one: a
// tabbed layout (the pane the full width) is not allowed more than the narrowest
// side-by-side pane (layout.ts TABS_TABLE_MOST), in a lesson and in the playground.
import { describe, expect, it } from 'vitest';
import { kernelLines, type KernelInput, type TableMarks } from '../../src/app/components/kernel-view.js';
import { layoutFor, playLayoutFor, PLAY_TABS_TABLE_MOST, TABS_TABLE_MOST } from '../../src/app/layout.js';
import { lineText, lineWidth } from '../../src/app/styled.js';
import { wrap } from '../../src/app/text-fit.js';
import { strings } from '../../src/app/strings.js';
import type { Lang } from '../../src/lang.js';
import type { QueueRecord, SegmentRecord, SemaphoreRecord } from '../../src/native/types.js';

/** Each table kind: the heading's word that names it, and its columns' names. */
const KINDS = {
  shm: ['shmid', ['key', 'shmid', 'owner', 'perms', 'bytes', 'nattch', 'status', 'cpid', 'lpid']],
  msg: ['msqid', ['key', 'msqid', 'owner', 'perms', 'used-bytes', 'messages', 'lspid', 'lrpid']],
  set: ['semid', ['key', 'semid', 'owner', 'perms', 'nsems']],
  sem: ['semnum', ['semnum', 'semval', 'semncnt', 'semzcnt', 'sempid']],
} as const;
type Kind = keyof typeof KINDS;

const time = { atime: 0, dtime: 0, ctime: 0 };
const ids = { uid: 0, gid: 0, cuid: 0, cgid: 0 };
/** What a machine shows: a short user name and 5-digit pids (this one), or an 8-letter user,
 *  7-digit pids (pid_max 4194304) and a segment being removed. */
const CONTENT = {
  typical: { owner: 'root', pid: 31337, shmid: 130449455, status: [] as string[] },
  long: { owner: 'learner1', pid: 4194301, shmid: 76152865, status: ['dest'] },
};

function input(c: (typeof CONTENT)[keyof typeof CONTENT], lang: Lang, labelled: boolean): KernelInput {
  const seg: SegmentRecord = { key: '0x5300c122', shmid: c.shmid, owner: c.owner, perms: '600', size: 4096, nattch: 2, cpid: c.pid, lpid: c.pid + 1, status: c.status, ...time, ours: true };
  const queue: QueueRecord = {
    key: '0x00000000', msqid: 98305, owner: c.owner, perms: '600', usedBytes: 8192, messages: 12, lspid: c.pid, lrpid: c.pid + 1, ...ids, stime: 0, rtime: 0, ctime: 0, ours: true,
  };
  const set: SemaphoreRecord = {
    key: '0x1d00beef', semid: 32769, owner: c.owner, perms: '600', nsems: 2, ...ids, otime: 0, ctime: 0, ours: true, semsError: null,
    sems: [{ semnum: 0, semval: 0, sempid: c.pid, semncnt: 1, semzcnt: 0 }, { semnum: 1, semval: 1, sempid: 0, semncnt: 0, semzcnt: 0 }],
  };
  const labels = labelled ? { shm: new Map([[seg.shmid, lang === 'en' ? 'server' : '服务器']]), msg: new Map([[queue.msqid, lang === 'en' ? 'requests' : '请求']]) } : undefined;
  const marks: TableMarks = { owners: { lesson: new Set([seg.shmid]), ipclab: new Set() }, lessonQueues: new Set([queue.msqid]), lessonSets: new Set(), before: null, mark: '*', ascii: false, labels };
  return { segments: [seg], queues: [queue], semaphores: [set], focus: seg.shmid, stat: null, dump: null, decoded: null, processes: [], marks, lang, s: strings(lang) };
}

/** The Kernel pane's inside and the most its tables may take, as App and PlayScreen size it. */
function pane(width: number, height: number, play: boolean): { inner: number; tables: number } | null {
  if (play) {
    const l = playLayoutFor(width, height, null);
    if (l.mode === 'small') return null;
    return l.mode === 'wide' ? { inner: l.kernel.w - 2, tables: l.kernel.w - 2 } : { inner: l.side.w - 2, tables: PLAY_TABS_TABLE_MOST };
  }
  const l = layoutFor(width, height, 8);
  if (l.mode === 'small') return null;
  return l.mode === 'wide' ? { inner: l.kernel.w - 2, tables: l.kernel.w - 2 } : { inner: l.tabs.w - 2, tables: TABS_TABLE_MOST };
}

/** The columns each table shows at a terminal size (every line checked to fit the pane). */
function shown(width: number, height: number, play: boolean, k: KernelInput): Record<Kind, string[]> {
  const p = pane(width, height, play)!;
  const lines = kernelLines({ ...k, tableWidth: p.tables }, p.inner, 60);
  const wide = lines.filter((l) => lineWidth(l) > p.inner).map(lineText);
  expect(wide, `${width}x${height}: lines wider than the pane`).toEqual([]);
  const texts = lines.map(lineText);
  const out = {} as Record<Kind, string[]>;
  for (const [kind, [id, names]] of Object.entries(KINDS) as [Kind, (typeof KINDS)[Kind]][]) {
    const head = texts.find((t) => t.split(/\s+/).includes(id)) ?? '';
    out[kind] = head.split(/\s+/).filter((w) => (names as readonly string[]).includes(w));
  }
  return out;
}

const cases = (['typical', 'long'] as const).flatMap((c) => (['en', 'zh'] as const).flatMap((lang) => [false, true].map((labelled) => ({ c, lang, labelled }))));

describe('Kernel pane columns by terminal size', () => {
  for (const play of [false, true]) {
    for (const { c, lang, labelled } of cases) {
      const name = `${play ? 'playground' : 'lesson'}, ${c} figures, ${lang}${labelled ? ', named objects' : ''}`;
      const k = input(CONTENT[c], lang, labelled);
      it(`${name}: every table's columns only grow from 80 to 200 columns`, () => {
        for (const height of [24, 30, 34, 48]) {
          const lost: string[] = [];
          let was: Record<Kind, string[]> | null = null;
          for (let width = 80; width <= 200; width++) {
            const now = shown(width, height, play, k);
            for (const kind of Object.keys(KINDS) as Kind[]) {
              if (!now[kind].includes(KINDS[kind][0])) lost.push(`${kind} has no heading at ${width}x${height}`);
              for (const col of was?.[kind] ?? []) if (!now[kind].includes(col)) lost.push(`${kind} ${width}x${height} lost ${col}`);
            }
            was = now;
          }
          expect(lost).toEqual([]);
        }
      });
      it(`${name}: 80x24, 100x30, 120x34, 160x48 in turn never show fewer`, () => {
        const sizes = [[80, 24], [100, 30], [120, 34], [160, 48]].map(([w, h]) => shown(w, h, play, k));
        for (let i = 1; i < sizes.length; i++) {
          for (const kind of Object.keys(KINDS) as Kind[]) for (const col of sizes[i - 1][kind]) expect(sizes[i][kind], `${kind}: ${col}`).toContain(col);
        }
      });
    }
  }

  it('a column a table leaves out is named under it, with a "use" column and without, at every size, en and zh', () => {
    const contains = (texts: string[], want: string[]) => texts.some((_, i) => want.every((w, j) => texts[i + j] === w));
    for (const play of [false, true]) {
      for (const { c, lang, labelled } of cases) {
        const k = input(CONTENT[c], lang, labelled);
        for (const [w, h] of [[80, 24], [100, 30], [120, 34], [160, 48]]) {
          const p = pane(w, h, play)!;
          const texts = kernelLines({ ...k, tableWidth: p.tables }, p.inner, 60).map((l) => lineText(l).trimEnd());
          const now = shown(w, h, play, k);
          const missing = (kind: Kind) => KINDS[kind][1].filter((col) => !now[kind].includes(col));
          // the sets' note covers the set rows and the semaphores under them
          const notes = [missing('shm'), missing('msg'), [...missing('set'), ...missing('sem')]].filter((m) => m.length > 0);
          const where = `${play ? 'play' : 'lesson'} ${c} ${lang}${labelled ? ' use' : ''} ${w}x${h}`;
          for (const m of notes) expect(contains(texts, wrap(k.s.columnsHidden(m), Math.min(p.inner, p.tables))), `${where}: ${m.join(',')}\n${texts.join('\n')}`).toBe(true);
          // and no note where every column shows
          const prefix = k.s.columnsHidden([]).slice(0, 5);
          expect(texts.filter((t) => t.startsWith(prefix)).length, where).toBe(notes.length);
        }
      }
    }
    // the case a newcomer met: at 80x24 a lesson with "use" leaves out what one without shows, and says so
    const plain = kernelLines({ ...input(CONTENT.typical, 'en', false), tableWidth: TABS_TABLE_MOST }, 78, 60).map(lineText);
    const named = kernelLines({ ...input(CONTENT.typical, 'en', true), tableWidth: TABS_TABLE_MOST }, 78, 60).map(lineText);
    expect(named.filter((t) => t.startsWith('not shown, too narrow')).length).toBeGreaterThan(plain.filter((t) => t.startsWith('not shown, too narrow')).length);
  });

  it('the note of left-out columns is there at every height, whenever a column is left out', () => {
    const k = { ...input(CONTENT.typical, 'en', true), tableWidth: TABS_TABLE_MOST };
    const said = (height: number) => kernelLines(k, 78, height).map(lineText).filter((t) => t.startsWith('not shown, too narrow')).length;
    for (let h = 5; h < 45; h++) expect(said(h), `height ${h}`).toBe(2);
    // all columns in sight: no note
    expect(kernelLines({ ...k, tableWidth: undefined }, 200, 60).map(lineText).some((t) => t.startsWith('not shown'))).toBe(false);
  });

  it('a column has a cell for the change mark only while a figure in it carries one: at 80x24 this machine\'s row keeps owner', () => {
    const k = { ...input(CONTENT.typical, 'en', false), tableWidth: TABS_TABLE_MOST };
    const head = (kk: KernelInput) => kernelLines(kk, 78, 60).map(lineText).find((t) => t.includes('shmid'))!;
    expect(head(k).split(/\s+/)).toContain('owner');
    expect(kernelLines(k, 78, 60).map(lineText).some((t) => t.startsWith('not shown'))).toBe(false);
  });

  it('the full shm table at 120x34 and at 80x24 for what this machine shows; owner is the first to go', () => {
    const k = input(CONTENT.typical, 'en', false);
    expect(shown(120, 34, false, k).shm).toEqual([...KINDS.shm[1]]);
    expect(shown(160, 48, false, input(CONTENT.long, 'en', true)).shm).toEqual([...KINDS.shm[1]]);
    // the long figures need more than 120x34's pane: the least important column goes, only it
    expect(shown(120, 34, false, input(CONTENT.long, 'en', false)).shm).toEqual(KINDS.shm[1].filter((c) => c !== 'owner'));
  });

  it('one rule for every table: least important first, down to the column naming the row, each line within the pane', () => {
    const k = input(CONTENT.long, 'zh', true);
    const at = (inner: number) => {
      const lines = kernelLines(k, inner, 60);
      const texts = lines.map(lineText);
      const cols = (id: string, names: readonly string[]) => texts.find((t) => t.split(/\s+/).includes(id))!.split(/\s+/).filter((w) => names.includes(w));
      return Object.fromEntries((Object.entries(KINDS) as [Kind, (typeof KINDS)[Kind]][]).map(([kind, [id, names]]) => [kind, cols(id, names)])) as Record<Kind, string[]>;
    };
    const order: Record<Kind, string[]> = {
      shm: ['owner', 'perms', 'bytes', 'status', 'cpid', 'lpid', 'key', 'nattch'],
      msg: ['owner', 'perms', 'used-bytes', 'lspid', 'lrpid', 'key', 'messages'],
      set: ['owner', 'perms', 'key', 'nsems'],
      sem: ['sempid', 'semzcnt', 'semncnt'],
    };
    let was = at(200);
    for (const kind of Object.keys(KINDS) as Kind[]) expect(was[kind]).toEqual([...KINDS[kind][1]]);
    for (let inner = 199; inner >= 10; inner--) {
      const now = at(inner);
      for (const kind of Object.keys(KINDS) as Kind[]) {
        // what left is the next in the table's order, never another
        const gone = KINDS[kind][1].filter((c) => !now[kind].includes(c));
        expect(gone.sort(), `${kind} at ${inner}`).toEqual(order[kind].slice(0, gone.length).sort());
        expect(now[kind].length, `${kind} at ${inner}`).toBeLessThanOrEqual(was[kind].length);
      }
      was = now;
    }
    // down to the row's name (and the semaphore's value) at a width no pane has
    expect(was.shm).toEqual(['shmid']);
    expect(was.sem).toEqual(['semnum', 'semval']);
  });
});
