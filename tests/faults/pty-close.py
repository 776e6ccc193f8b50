# Runs a command on a real pty, presses keys one at a time as its screen settles (a key
# sent before the screen it acts on is drawn is not used: docs/ARCHITECTURE.md), again
# and again until the command's process has created a shared memory segment, then closes the pty's master (a terminal window
# closed under the program). Prints one JSON line: the pid, how it ended, the
# segments it had made.  usage: python3 pty-close.py KEYS COMMAND ARGS...
import json, os, sys, time
from ptyrun import drain, spawn

keys = sys.argv[1].encode()
pid, fd = spawn(sys.argv[2:])

def segments():
    with open('/proc/sysvipc/shm') as f:
        rows = [line.split() for line in f.readlines()[1:]]
    return [int(r[1]) for r in rows if int(r[4]) == pid]


drain(fd, 0)
deadline = time.time() + 20
pressed = 0
made = []
while time.time() < deadline and not made:
    drain(fd, 0.2)
    os.write(fd, keys[pressed % len(keys):][:1])
    pressed += 1
    made = segments()
drain(fd, 0.3)
os.close(fd)
_, status = os.waitpid(pid, 0)
how = {'signal': os.WTERMSIG(status)} if os.WIFSIGNALED(status) else {'status': os.WEXITSTATUS(status)}
print(json.dumps({'pid': pid, 'made': made, **how}))
