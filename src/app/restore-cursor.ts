// Stands in for the restore-cursor package in the bundle (scripts/build.mjs maps it
// here). Ink hides the cursor on stdout; restore-cursor would show it again on
// stderr at exit, leaving an escape code in a file when stderr is redirected.
// The cursor comes back where it was hidden, and only on a terminal.
let hooked = false;

export default function restoreCursor(): void {
  if (hooked) return;
  hooked = true;
  // the exit of a signal goes through here too: cleanup's handlers call process.exit
  process.once('exit', () => {
    if (process.stdout.isTTY) process.stdout.write('\x1b[?25h');
  });
}
