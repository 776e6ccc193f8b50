# Runs a command on a real pty, presses keys, waits until the command's process has
# created a shared memory segment, then closes the pty's master (a terminal window
# closed under the program). Prints one JSON line: the pid, how it ended, the
# segments it had made.  usage: python3 pty-close.py KEYS COMMAND ARGS...
import json, os, pty, select, sys, time

keys = sys.argv[1].encode()
pid, fd = pty.fork()
if pid == 0:
    os.environ['TERM'] = 'xterm-256color'
    os.execvp(sys.argv[2], sys.argv[2:])

def segments():
    with open('/proc/sysvipc/shm') as f:
        rows = [line.split() for line in f.readlines()[1:]]
    return [int(r[1]) for r in rows if int(r[4]) == pid]

def drain(seconds):
    end = time.time() + seconds
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                os.read(fd, 65536)
            except OSError:
                return

drain(0)
deadline = time.time() + 20
sent = False
made = []
while time.time() < deadline and not made:
    drain(0.2)
    if not sent:
        os.write(fd, keys)
        sent = True
    made = segments()
drain(0.3)
os.close(fd)
_, status = os.waitpid(pid, 0)
how = {'signal': os.WTERMSIG(status)} if os.WIFSIGNALED(status) else {'status': os.WEXITSTATUS(status)}
print(json.dumps({'pid': pid, 'made': made, **how}))
