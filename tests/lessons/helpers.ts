// Shared by the lesson tests: run the real CLI and read the kernel's table.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface CliResult {
  code: number | null;
  pid: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/ipclab.mjs ARGS` for real (of this repository, or of a copy at `root`) and waits for it to end. */
export function cli(args: string[], timeoutMs = 25_000, root = ROOT): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'ipclab.mjs'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, pid: child.pid!, stdout, stderr });
    });
  });
}

/** shmids in the kernel whose creator is this pid (from /proc/sysvipc/shm). */
export function segmentsCreatedBy(pid: number): number[] {
  const [header, ...lines] = readFileSync('/proc/sysvipc/shm', 'utf8').trim().split('\n');
  const names = header.trim().split(/\s+/);
  const shmid = names.indexOf('shmid');
  const cpid = names.indexOf('cpid');
  return lines
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => Number(cols[cpid]) === pid)
    .map((cols) => Number(cols[shmid]));
}
