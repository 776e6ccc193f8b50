// Preloaded (node --require) into an `ipclab diagram` child: reports the process's peak
// resident memory, in KB, as the last line on stderr.
process.on('exit', () => process.stderr.write(`maxrss ${process.resourceUsage().maxRSS}\n`));
