// The Kernel pane's tables leave out columns by one rule (least important first, never a
// figure cut, never a column the room could hold), by the room really there: a wider pane
// never shows fewer columns than a narrower one (a tabbed pane at 80 is wider than a
// side-by-side one at 110, and shows what it has room for), in a lesson and in the playground.
import { describe, expect, it } from 'vitest';
import { kernelLines, type KernelInput, type TableMarks } from '../../src/app/components/kernel-view.js';
import { layoutFor, playLayoutFor } from '../../src/app/layout.js';
import { keptColumns } from '../../src/app/components/kernel-view.js';
import { textRoom } from '../../src/app/components/Panel.js';
import { lineText, lineWidth } from '../../src/app/styled.js';
import { proseWidth, wrap } from '../../src/app/text-fit.js';
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

/** The room of the Kernel pane's lines as App and PlayScreen size it (KernelPane: textRoom), and whether it is side by side. */
function pane(width: number, height: number, play: boolean): { inner: number; side: boolean } | null {
  if (play) {
    const l = playLayoutFor(width, height, null);
    if (l.mode === 'small') return null;
    return l.mode === 'wide' ? { inner: textRoom(l.kernel.w), side: true } : { inner: textRoom(l.side.w), side: false };
  }
  const l = layoutFor(width, height, 8);
  if (l.mode === 'small') return null;
  return l.mode === 'wide' ? { inner: textRoom(l.kernel.w), side: true } : { inner: textRoom(l.tabs.w), side: false };
}

/** The columns each table shows at a terminal size (every line checked to fit the pane). */
function shown(width: number, height: number, play: boolean, k: KernelInput): Record<Kind, string[]> {
  const p = pane(width, height, play)!;
  const lines = kernelLines(k, p.inner, 60);
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
      it(`${name}: every table's columns only grow with the pane from 80 to 200 columns`, () => {
        for (const height of [24, 30, 34, 48]) {
          const lost: string[] = [];
          let was: Record<Kind, string[]> | null = null;
          let wasInner = 0;
          for (let width = 80; width <= 200; width++) {
            const now = shown(width, height, play, k);
            // side by side (from 110) the pane is narrower than a tabbed one: it starts anew
            const inner = pane(width, height, play)!.inner;
            if (inner < wasInner) was = null;
            wasInner = inner;
            for (const kind of Object.keys(KINDS) as Kind[]) {
              if (!now[kind].includes(KINDS[kind][0])) lost.push(`${kind} has no heading at ${width}x${height}`);
              for (const col of was?.[kind] ?? []) if (!now[kind].includes(col)) lost.push(`${kind} ${width}x${height} lost ${col}`);
            }
            was = now;
          }
          expect(lost).toEqual([]);
        }
      });
      it(`${name}: 80x24, 100x30 and 120x34, 160x48 in turn never show fewer`, () => {
        const sizes = [[80, 24], [100, 30], [120, 34], [160, 48]].map(([w, h]) => shown(w, h, play, k));
        for (const i of [1, 3]) {
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
          const texts = kernelLines(k, p.inner, 60).map((l) => lineText(l).trimEnd());
          const now = shown(w, h, play, k);
          const missing = (kind: Kind) => KINDS[kind][1].filter((col) => !now[kind].includes(col));
          // the sets' note covers the set rows and the semaphores under them
          const notes = [missing('shm'), missing('msg'), [...missing('set'), ...missing('sem')]].filter((m) => m.length > 0);
          const where = `${play ? 'play' : 'lesson'} ${c} ${lang}${labelled ? ' use' : ''} ${w}x${h}`;
          for (const m of notes) expect(contains(texts, wrap(k.s.columnsHidden(m), proseWidth(p.inner))), `${where}: ${m.join(',')}\n${texts.join('\n')}`).toBe(true);
          // and no note where every column shows
          const prefix = k.s.columnsHidden([]).slice(0, 5);
          expect(texts.filter((t) => t.startsWith(prefix)).length, where).toBe(notes.length);
        }
      }
    }
    // a lesson with "use" leaves out what one without does, no more (the columns are chosen
    // beside the widest "use" column: cpid stood in serv-clnt's table at 120x34 and not in
    // parent-child's), and says so
    const side = pane(110, 30, false)!.inner;
    const plain = kernelLines(input(CONTENT.typical, 'en', false), side, 60).map(lineText);
    const named = kernelLines(input(CONTENT.typical, 'en', true), side, 60).map(lineText);
    // (the segment table's note; no lesson names a queue, so its table keeps no room for one)
    const left = (texts: string[]) => texts.filter((t) => t.startsWith('not shown, too narrow'))[0] ?? '';
    expect(left(plain).length).toBeGreaterThan(0);
    expect(left(named)).toBe(left(plain));
  });

  it('one column set for the pane: a column the tables share (key, owner, perms) is in all of them or in none', () => {
    const shared = ['key', 'owner', 'perms'];
    let dropped = 0;
    for (const play of [false, true]) {
      for (const { c, lang, labelled } of cases) {
        const k = input(CONTENT[c], lang, labelled);
        for (const [w, h] of [[80, 24], [100, 30], [110, 30], [120, 34], [160, 48]]) {
          if (!pane(w, h, play)) continue;
          const now = shown(w, h, play, k);
          const sets = (['shm', 'msg', 'set'] as const).map((kind) => shared.filter((col) => now[kind].includes(col)).join(','));
          expect(new Set(sets).size, `${play ? 'play' : 'lesson'} ${c} ${lang}${labelled ? ' use' : ''} ${w}x${h}: ${sets.join(' | ')}`).toBe(1);
          if (!sets[0].includes('owner')) dropped++;
        }
      }
    }
    // the sweep met panes where a table had to leave owner out
    expect(dropped).toBeGreaterThan(0);
  });

  it('the note of left-out columns is there at every height, whenever a column is left out', () => {
    const k = input(CONTENT.typical, 'en', true);
    const said = (height: number) => kernelLines(k, pane(110, 30, false)!.inner, height).map(lineText).filter((t) => t.startsWith('not shown, too narrow')).length;
    // under the two tables that leave a column out: the segments' pids, the queues' lspid
    // (the sets' table keeps all of its columns)
    for (let h = 5; h < 45; h++) expect(said(h), `height ${h}`).toBe(2);
    // all columns in sight: no note
    expect(kernelLines(k, 200, 60).map(lineText).some((t) => t.startsWith('not shown'))).toBe(false);
  });

  it('the columns are chosen for every figure a step can show: a change mark in any column, a pid as wide as pid_max allows', () => {
    const k = input(CONTENT.typical, 'en', false);
    const head = (kk: KernelInput) => kernelLines(kk, pane(110, 30, false)!.inner, 60).map(lineText).find((t) => t.includes('shmid'))!.split(/\s+/);
    const seg = k.segments[0];
    // the same segment with 1-digit pids, and after a step that changed every figure
    const small: KernelInput = { ...k, segments: [{ ...seg, cpid: 7, lpid: 8 }] };
    const before = { step: 2, segments: [{ ...seg, key: '0x00000000', owner: 'x', perms: '666', nattch: 9, lpid: 1, status: ['dest'] }], queues: [], semaphores: [], focus: seg.shmid, stat: null, decoded: null };
    const marked: KernelInput = { ...k, marks: { ...k.marks, before } };
    expect(head(small)).toEqual(head(k));
    expect(head(marked)).toEqual(head(k));
  });

  it('the full shm table at 160x48, and at 120x34 all but the pids; cpid is the first to go', () => {
    // the columns are chosen beside the widest "use" column a lesson gives (LABEL_MOST), named
    // rows or not: at 120x34 the pids, which ipcs -m does not list, go in every lesson (they
    // stood in serv-clnt's table and not in parent-child's), before bytes, which the shm
    // lessons read (fix25d#2: bytes, a plain word no "New terms" names, went first; kernel-named.ts)
    // (a status with no figure in any row, the typical segment's, keeps its place as one with
    // dest: it gave way first, and came in for cpid at IPC_RMID, issue 16)
    const k = input(CONTENT.typical, 'en', false);
    expect(shown(120, 34, false, k).shm).toEqual(KINDS.shm[1].filter((c) => c !== 'cpid' && c !== 'lpid'));
    expect(shown(160, 48, false, input(CONTENT.long, 'en', true)).shm).toEqual([...KINDS.shm[1]]);
    const alone = { ...input(CONTENT.long, 'en', false), queues: [], semaphores: [] };
    expect(shown(120, 34, false, alone).shm).toEqual(KINDS.shm[1].filter((c) => c !== 'cpid' && c !== 'lpid'));
    // one column more and cpid is the one left out
    const wider = kernelLines(alone, pane(120, 34, false)!.inner + 8, 60).map(lineText).find((t) => t.split(/\s+/).includes('shmid'))!.split(/\s+/);
    expect(wider.filter((w) => (KINDS.shm[1] as readonly string[]).includes(w))).toEqual(KINDS.shm[1].filter((c) => c !== 'cpid'));
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
      shm: ['cpid', 'lpid', 'owner', 'perms', 'bytes', 'status', 'key', 'nattch'],
      msg: ['lspid', 'lrpid', 'owner', 'perms', 'used-bytes', 'key', 'messages'],
      set: ['owner', 'perms', 'key', 'nsems'],
      sem: ['sempid', 'semzcnt', 'semncnt'],
    };
    let was = at(200);
    for (const kind of Object.keys(KINDS) as Kind[]) expect(was[kind]).toEqual([...KINDS[kind][1]]);
    for (let inner = 199; inner >= 10; inner--) {
      const now = at(inner);
      for (const kind of Object.keys(KINDS) as Kind[]) {
        // what left is in the table's order (a narrower column kept past a wider one gone
        // only where it fits: keptColumns' own test), never the column naming the row
        const gone = KINDS[kind][1].filter((c) => !now[kind].includes(c));
        for (const c of gone) expect(order[kind], `${kind} at ${inner}`).toContain(c);
        expect(now[kind].length, `${kind} at ${inner}`).toBeLessThanOrEqual(was[kind].length);
      }
      was = now;
    }
    // down to the row's name (and the semaphore's value) at a width no pane has
    expect(was.shm).toEqual(['shmid']);
    expect(was.sem).toEqual(['semnum', 'semval']);
  });

  it('leaves columns out by a fixed priority: the least important first, each only after every less important one', () => {
    const need = (w: number[], cols: number[], indent: number) => indent + cols.reduce((n, i) => n + w[i], 0) + cols.length - 1;
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 2000; round++) {
      const widths = Array.from({ length: 2 + rand(8) }, () => 1 + rand(12));
      const drop = widths.map((_, i) => i).filter((i) => i !== 0).sort(() => rand(3) - 1);
      const indent = rand(8);
      const room = rand(need(widths, widths.map((_, i) => i), indent) + 5);
      const kept = keptColumns(widths, room, indent, drop);
      // the row's name always; the columns left out are the least important ones, and the
      // most important of them does not fit beside those kept
      expect(kept).toContain(0);
      const gone = drop.filter((d) => !kept.includes(d));
      expect(gone, `${widths} in ${room}`).toEqual(drop.slice(0, gone.length));
      if (gone.length > 0 && need(widths, widths.map((_, i) => i), indent) > room && kept.length > 1) expect(need(widths, [...kept, gone[gone.length - 1]], indent)).toBeGreaterThan(room);
      // a cell more never loses a column
      for (const c of kept) expect(keptColumns(widths, room + 1, indent, drop)).toContain(c);
      expect(kept).toEqual([...kept].sort((a, b) => a - b));
    }
  });

  it('a column with no figure in any row keeps its place: the same columns before and after IPC_RMID', () => {
    // status with no figure (every segment before IPC_RMID) and with dest, side by side at 130x34
    // (8-letter owner, 7-digit pids, every column with room for a change mark): status gave
    // way first while empty and came in for cpid at IPC_RMID, a column replacing another as a
    // step ran (issue 16); it keeps its place now, shown empty with the note saying where to
    // read what it would hold, and the pids give way before it in both
    const p = pane(130, 34, false)!;
    for (const labelled of [false, true]) {
      for (const lang of ['en', 'zh'] as const) {
        const empty = input(CONTENT.long, lang, labelled);
        empty.segments = [{ ...empty.segments[0], status: [] }];
        const texts = kernelLines(empty, p.inner, 60).map(lineText);
        const head = texts.find((t) => t.split(/\s+/).includes('shmid'))!.split(/\s+/);
        const at = `${lang}${labelled ? ' use' : ''}\n${texts.join('\n')}`;
        expect(head, at).toContain('status');
        expect(head, at).not.toContain('lpid');
        const note = texts.findIndex((t) => t.startsWith(empty.s.columnsHidden([]).slice(0, 5)));
        expect(texts.slice(note, note + 3).join(' '), at).toContain('lpid');
        expect(texts.join(' '), at).toContain(empty.s.statusEmpty);
        // with a figure in it, the same columns
        const dest = shown(130, 34, false, input(CONTENT.long, lang, labelled)).shm;
        expect(dest, at).toEqual(head.filter((c) => (KINDS.shm[1] as readonly string[]).includes(c)));
      }
    }
  });

  it('parent-child keeps owner and bytes at 80x24 and 120x34, and status (empty in every row, in its place), lpid or says it is left out, whatever the step marked and however many digits lpid has', () => {
    // parent-child after step 3: two named segments, nattch and lpid changed, no status
    const seg = (shmid: number, lpid: number): SegmentRecord => ({ key: '0x00000000', shmid, owner: 'root', perms: '600', size: 4096, nattch: 2, cpid: 5651, lpid, status: [], ...time, ours: true });
    for (const lpid of [5651, 10783]) {
      const segments = [seg(22544428, lpid), seg(22544429, lpid)];
      for (const before of [null, { step: 2, segments: segments.map((x) => ({ ...x, nattch: 1, lpid: 6030 })), queues: [], semaphores: [], focus: 22544428, stat: null, decoded: null }]) {
        const marks: TableMarks = { owners: { lesson: new Set([22544428, 22544429]), ipclab: new Set() }, before, mark: '*', ascii: false, labels: { shm: new Map([[22544428, 'down'], [22544429, 'up']]) } };
        for (const lang of ['en', 'zh'] as const) {
          const k: KernelInput = { segments, focus: 22544428, stat: null, dump: null, decoded: null, processes: [], marks, lang, s: strings(lang) };
          for (const [w, h] of [[80, 24], [120, 34]]) {
            const texts = kernelLines(k, pane(w, h, false)!.inner, 60).map(lineText);
            const head = texts.find((t) => t.includes('shmid'))!.split(/\s+/);
            const at = `${lang} ${w}x${h} lpid ${lpid} ${before ? 'marked' : ''}`;
            // status, no figure in any row here, keeps its place (issue 16); lpid, in the record
            // under the table, is named under it where it gives way
            expect(head, at).toContain('status');
            if (!head.includes('lpid')) expect(texts.filter((t) => t.startsWith(k.s.columnsHidden([]).slice(0, 5))).join(' '), at).toContain('lpid');
            // owner and bytes stay: cpid, a pid ipcs -m does not list, goes first (fix25d#2)
            expect(head, at).toContain('owner');
            expect(head, at).toContain('bytes');
          }
        }
      }
    }
  });
});
