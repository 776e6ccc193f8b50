// What the real `ipcs -m` says, parsed, so screen tests can compare the figures
// a learner sees with util-linux's own view at the same moment.
import { execFileSync } from 'node:child_process';
import { BACK_MARK, CHANGE_MARK, NEW_MARK } from '../../src/app/components/marks.js';

export interface IpcsRow {
  key: string;
  shmid: number;
  owner: string;
  perms: string;
  bytes: number;
  nattch: number;
  status: string;
}

export function ipcsRows(): IpcsRow[] {
  const out = execFileSync('ipcs', ['-m'], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  return out
    .split('\n')
    .filter((l) => /^0x[0-9a-f]{8}\s/.test(l))
    .map((l) => {
      const [key, shmid, owner, perms, bytes, nattch, ...status] = l.trim().split(/\s+/);
      return { key, shmid: Number(shmid), owner, perms, bytes: Number(bytes), nattch: Number(nattch), status: status.join(' ') };
    });
}

export function ipcsRow(shmid: number): IpcsRow | undefined {
  return ipcsRows().find((r) => r.shmid === shmid);
}

const escaped = (mark: string) => mark.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The Kernel pane's marks right after a figure: changed by the step (*), or changed while it
 *  ran and back by its end (~: nattch 2, 3 while a child mapped it, 2 again); and a new row's
 *  own (+), at the line's start (after the pane's border). A read mid-step sees such a passing value only when a poll falls in it. */
const MARKS = new RegExp(`${escaped(CHANGE_MARK)}|${escaped(BACK_MARK)}|(?<=^|│)${escaped(NEW_MARK)}`, 'gm');

/** The frame without the Kernel pane's marks, each a space. */
const unmarked = (frame: string) => frame.replace(MARKS, ' ');

/** The owner column, when the pane has room for it (it is the first a narrow pane leaves out). */
const OWNER = String.raw`(?:\S+\s+)??`;

/** The perms column, when the pane has room for it (the second to go, after owner, e.g. beside
 *  the `use` column of a lesson that names its objects): three octal digits, where no size
 *  the lessons make is. */
const PERMS = String.raw`(?:([0-7]{3})\s+)?`;

/** A row as the screen shows it; perms is undefined when the pane leaves the column out. */
export interface ScreenRow {
  key: string;
  perms: string | undefined;
  bytes: number;
  nattch: number;
  status: string;
}

/** The row for `shmid` in a screen's kernel table: the figures as the learner reads them. */
export function screenRow(frame: string, shmid: number): ScreenRow | undefined {
  for (const line of unmarked(frame).split('\n')) {
    const m = new RegExp(`(0x[0-9a-f]{8})\\s+${shmid}\\s+${OWNER}${PERMS}(\\d+)\\s+(\\d+)\\s+(\\S*)`).exec(line);
    if (m) return { key: m[1], perms: m[2], bytes: Number(m[3]), nattch: Number(m[4]), status: /^\d+$/.test(m[5]) ? '' : m[5] };
  }
  return undefined;
}

/** shmid -> creator pid, from `ipcs -m -p`. */
export function ipcsCreators(): Map<number, number> {
  const out = execFileSync('ipcs', ['-m', '-p'], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  const map = new Map<number, number>();
  for (const line of out.split('\n')) {
    const m = /^(\d+)\s+\S+\s+(\d+)\s+(\d+)/.exec(line.trim());
    if (m) map.set(Number(m[1]), Number(m[2]));
  }
  return map;
}

/** Every segment row of a screen's kernel table, by shmid. */
export function screenRows(frame: string): Map<number, ScreenRow> {
  const rows = new Map<number, ScreenRow>();
  const re = new RegExp(String.raw`(0x[0-9a-f]{8})\s+(\d+)\s+${OWNER}${PERMS}(\d+)\s+(\d+)\s+(?:(dest|locked|dest,locked)\s+)?(?:\d+\s+)?\d+`, 'g');
  for (const m of unmarked(frame).matchAll(re)) rows.set(Number(m[2]), { key: m[1], perms: m[3], bytes: Number(m[4]), nattch: Number(m[5]), status: m[6] ?? '' });
  return rows;
}
