// Types of scripts/startup-ratio.mjs, for bench/run.ts.
export interface StartupResult {
  node: string;
  /** the ipclab measured (its folder) */
  dir: string;
  version: string;
  runs: number;
  cold: boolean;
  /** the kept first frame removed before each timed run */
  unkept: boolean;
  /** a session that ran step 1 and quit before each timed run */
  afterSession: boolean;
  /** the 1-minute load average before and after */
  load: number[];
  reference: number[];
  ipclab: number[];
  referenceMs: number;
  ipclabMs: number;
  ratio: number;
  /** with afterSession: each session's ms from q to its end, and their median */
  quits: number[];
  quitMs?: number;
}
export const REFERENCE: { label: string; cmd: string; text: string };
export const IPCLAB: { label: string; cmd: string; text: string };
export function median(xs: number[]): number;
export function leanEnv(node: string, state: string, base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export function measureStartup(options?: { node?: string; runs?: number; cold?: boolean; unkept?: boolean; afterSession?: boolean; dir?: string }): StartupResult;
export function findNode24(options?: { fetch?: boolean }): { node: string; cleanup(): void } | undefined;
export function describe(result: StartupResult): string;
