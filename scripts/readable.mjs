// Makes a folder readable by every user, as `chmod -R a+rX` does: an ipclab installed
// on a shared machine (a classroom server) is run by accounts other than the one
// that installed it, whose umask (077, say) npm applies to every file it unpacks.
// Run as a script (the package's postinstall), it does so to the installed package.
import { chmodSync, existsSync, lstatSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function readableByAll(path) {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  const mode = stat.mode & 0o7777;
  if (stat.isDirectory()) {
    chmodSync(path, mode | 0o555);
    for (const name of readdirSync(path)) readableByAll(join(path, name));
  } else {
    // executable for all when executable for anyone (the bin), readable always
    chmodSync(path, mode | 0o444 | (mode & 0o111 ? 0o111 : 0));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  // a checkout (src/ present) is the developer's own: leave its modes alone
  if (!existsSync(join(root, 'src'))) readableByAll(root);
}
