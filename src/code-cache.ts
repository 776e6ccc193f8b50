// Runs the bundle (dist/cli.cjs, CommonJS) with V8's code cache, on every Node version:
// Node 20 caches no compiled ES modules, and its vm.Script takes cachedData.
// docs/ARCHITECTURE.md, "Running". The cache is the user's own file in the state
// folder (0600 in 0700), never in the package folder (read-only for most users of a
// global install); a folder it cannot read or write only means no cache.
import { closeSync, fstatSync, openSync, readSync, renameSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { crc32 } from 'node:zlib';
import { makeDirs, stateDir } from './paths.js';

const MAGIC = 'ipclab code cache 1';
/** When a run saves its cache: the tutorial's first frame has long been drawn by then
 *  (start-up is what the cache is for); commands that end sooner save at exit. */
const SAVE_AFTER_MS = 2000;

/** Who made a cache: a run that ended before SAVE_AFTER_MS ('exit': a short command's,
 *  which the tutorial may outgrow) or one still running then ('running': final). */
type Made = 'exit' | 'running';

interface Cache {
  data: Buffer;
  made: Made;
}

interface Bundle {
  main(argv: string[], context: { parent: number; bundle: string; layout?: Promise<WebAssembly.Module | undefined>; buildCheck?: () => boolean }): Promise<number>;
  /** the bundle asks a checkout's build check itself, after a command's parse or the tutorial's first frame (src/build-check.ts) */
  checksBuild?: boolean;
  /** what the bundle is known by (bundleKey): choices kept per bundle are kept by it (src/app/kept-layout.ts) */
  key: string;
}

const WRAP_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const WRAP_TAIL = '\n})';

const cacheFile = () => join(stateDir(), 'code-cache.bin');

/** What the cached code was made from: V8 checks only its own version, flags and the
 *  source's length, so the bundle's own size and time go in the header too. */
function bundleKey(file: string): string {
  const { size, mtimeMs } = statSync(file);
  return `${process.version} ${process.arch} ${size} ${mtimeMs}`;
}

/** The file read into `into` (when it fits, else a new buffer) after `before` bytes and
 *  with `after` more bytes after it: the whole buffer used. Memory a process touches
 *  first costs dearly on a virtual machine (a page fault each 4 KB, 12-16 µs on the
 *  machine of bench/startup.md), so start-up reads both its large files through one. */
function readInto(file: string, before: number, after: number, into?: Buffer): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const total = before + size + after;
    const buf = into && into.length >= total ? into.subarray(0, total) : Buffer.allocUnsafeSlow(total);
    let at = before;
    for (let n; at < before + size && (n = readSync(fd, buf, at, before + size - at, null)) > 0; ) at += n;
    if (at !== before + size) throw new Error(`${file}: changed while read`);
    return buf;
  } finally {
    closeSync(fd);
  }
}

/** The cached data if the file is whole and made for this bundle. V8 aborts the process
 *  on a damaged payload (Node 20 does not check it), hence the CRC of our own. */
function readCache(key: string, scratch: Buffer): Cache | undefined {
  let file: Buffer;
  try {
    file = readInto(cacheFile(), 0, 0, scratch);
  } catch {
    return undefined;
  }
  for (const made of ['running', 'exit'] as const) {
    const head = `${MAGIC}\n${key}\n${made}\n`;
    const start = head.length + 4;
    if (file.length <= start || file.toString('latin1', 0, head.length) !== head) continue;
    const data = file.subarray(start);
    return file.readUInt32BE(head.length) === crc32(data) ? { data, made } : undefined;
  }
  return undefined;
}

function writeCache(key: string, data: Buffer, made: Made): void {
  const head = Buffer.from(`${MAGIC}\n${key}\n${made}\n`, 'latin1');
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc32(data));
  const target = cacheFile();
  // several ipclab processes may save at once: each writes its own file and renames it
  const tmp = `${target}.${process.pid}`;
  try {
    makeDirs(dirname(target), 0o700);
  } catch {
    return;
  }
  try {
    writeFileSync(tmp, Buffer.concat([head, sum, data]), { mode: 0o600 });
    renameSync(tmp, target);
  } catch {
    // a full disk, a folder made read-only, a file where the folder should be: no cache,
    // and no half-written file left (where rmSync fails, nothing could be written)
    try {
      rmSync(tmp, { force: true });
    } catch {
      return;
    }
  }
}

/** Compiles and runs the bundle as Node would a CommonJS module, with the cached code
 *  when there is one for it. Saves the code compiled by then, once per run: when there
 *  was no usable cache, or when a run still going after SAVE_AFTER_MS compiled a good
 *  deal more than a short command's cache held (the tutorial after `ipclab lessons`).
 *  A cache made by a run that lasted that long is final for its bundle: making the data
 *  costs 5-15 ms and some MB of memory that the process keeps (bench/startup.md). */
export function runBundle(file: string): Bundle {
  const key = bundleKey(file);
  // the build writes the bundle in ASCII (scripts/build.mjs asciiBundle): read as latin1 it
  // is a one-byte string, which V8 reads and compiles sooner than UTF-8's two-byte one. The
  // wrapper is read in with it: a string joined to the 1.8 MB file would be copied whole
  // again (flattened) as V8 compiles it; then the cache is read into the same buffer.
  const buf = readInto(file, WRAP_HEAD.length, WRAP_TAIL.length);
  buf.write(WRAP_HEAD, 0, 'latin1');
  buf.write(WRAP_TAIL, buf.length - WRAP_TAIL.length, 'latin1');
  const source = buf.toString('latin1');
  const cached = readCache(key, buf);
  const script = new vm.Script(source, { filename: file, cachedData: cached?.data });
  const used = cached && !script.cachedDataRejected ? cached : undefined;
  if (used?.made === 'running') return run(script, file, key);
  const size = used?.data.length ?? 0;
  let saved = false;
  const save = (made: Made) => {
    if (saved) return;
    saved = true;
    const data = script.createCachedData();
    if (data.length > size + size / 8) writeCache(key, data, made);
  };
  setTimeout(() => save('running'), SAVE_AFTER_MS).unref();
  // a command that ends sooner pays for the data only when there was no cache to use
  if (!used) process.once('exit', () => save('exit'));
  return run(script, file, key);
}

function run(script: vm.Script, file: string, key: string): Bundle {
  const module = { exports: {} as Pick<Bundle, 'main' | 'checksBuild'> };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { main: module.exports.main, checksBuild: module.exports.checksBuild, key };
}
