# What the pty scripts beside this share: the program started on a real pty, and its
# output read and dropped so that it never blocks on a full pty.
import os, pty, select, time

def spawn(command):
    """Starts command on a new pty; returns (pid, master fd)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ['TERM'] = 'xterm-256color'
        os.execvp(command[0], command)
    return pid, fd

def drain(fd, seconds):
    """Reads and drops the program's output for this long (at least one look)."""
    end = time.time() + seconds
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                os.read(fd, 65536)
            except OSError:
                return
