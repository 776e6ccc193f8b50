# Runs the TUI on a real pty, presses Space until a helper process (a child of the
# TUI) has made a segment, then stops (SIGSTOP) or kills (SIGKILL) that helper and
# presses q. Prints one JSON line: the TUI's pid, the helper's pid and segment, the
# seconds from q to the TUI's exit, and how it exited.
# With 'busy', the next step is run (Space thrice: its question shown, asked, run) after the stop: q then comes while a step
# waits on the stopped helper.
# usage: python3 pty-quit.py stop|kill [busy] COMMAND ARGS...
import json, os, signal, sys, time
from ptyrun import drain, spawn

mode = sys.argv[1]
busy = sys.argv[2] == 'busy'
command = sys.argv[3:] if busy else sys.argv[2:]
pid, fd = spawn(command)

def parent_of(p):
    try:
        with open(f'/proc/{p}/stat') as f:
            text = f.read()
        return int(text[text.rindex(')') + 2:].split()[1])
    except OSError:
        return None

def helper_segment():
    with open('/proc/sysvipc/shm') as f:
        rows = [line.split() for line in f.readlines()[1:]]
    for r in rows:
        if parent_of(int(r[4])) == pid:
            return int(r[4]), int(r[1])
    return None


def run_step():
    # a step with a question behind Space brings it on the first Space, asks on the second and
    # runs on the third; a Space more while it runs is not used
    for _ in range(3):
        os.write(fd, b' ')
        drain(fd, 0.3)

drain(fd, 0.5)
deadline = time.time() + 20
found = None
while time.time() < deadline and not found:
    # Space until the step runs (the lesson may open with its text or question first)
    os.write(fd, b' ')
    drain(fd, 0.4)
    found = helper_segment()
helper, shmid = found if found else (None, None)
if helper:
    os.kill(helper, signal.SIGSTOP if mode == 'stop' else signal.SIGKILL)
    drain(fd, 0.3)
    if busy:
        run_step()
        drain(fd, 0.5)
os.write(fd, b'q')
pressed = time.time()
exited = None
while exited is None:
    drain(fd, 0.02)
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        exited = status
seconds = time.time() - pressed
os.close(fd)
how = {'signal': os.WTERMSIG(exited)} if os.WIFSIGNALED(exited) else {'status': os.WEXITSTATUS(exited)}
print(json.dumps({'pid': pid, 'helper': helper, 'shmid': shmid, 'seconds': round(seconds, 3), **how}))
