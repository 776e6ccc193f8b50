# Runs a command on a real pty of 100x30 with the environment it is given, and prints
# one JSON line: everything the command wrote to the terminal, and how it ended.
# With a MARKER, KEYS are typed once MARKER has shown (q to leave the TUI).
# usage: python3 pty-run.py MARKER KEYS COMMAND ARGS...   (MARKER '' types nothing)
import fcntl, json, os, pty, select, struct, sys, termios, time

marker, keys, command = sys.argv[1].encode(), sys.argv[2].encode(), sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', 30, 100, 0, 0))
    os.execvp(command[0], command)

out = b''
typed = not marker
deadline = time.time() + 30
while time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.05)
    if r:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    if not typed and marker in out:
        os.write(fd, keys)
        typed = True
_, status = os.waitpid(pid, 0)
print(json.dumps({'output': out.decode('utf-8', 'replace'), 'code': os.waitstatus_to_exitcode(status), 'typed': typed}))
