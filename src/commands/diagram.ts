import type { Options } from '../cli.js';

export async function run(_options: Options): Promise<number> {
  process.stderr.write("ipclab: 'diagram' is not available yet\n");
  return 2;
}
