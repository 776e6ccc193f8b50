/* msg.c — the msg lesson in C: a message queue, messages
 * with a type, msgrcv by type 0, by a positive type and by
 * a negative type, IPC_NOWAIT on an empty queue and on a
 * full one, a child blocked in msgrcv woken by a send, and
 * a child blocked in msgrcv while the queue is removed
 * (IPC_RMID). Exits 0 when every check passes.
 *
 *   cc -Wall -Wextra -o msg msg.c && ./msg
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* cleanup_on_exit(): removed on every
 * way out, Ctrl-C and `| head` too */
#include "cleanup.h"

/* texts go without their NUL, as ipclab sends
 * them; end stays 0 after a 256-byte one */
struct note { long mtype; char mtext[256]; char end; };

static int ok = 1;

static void expect(int cond, const char *what)
{
    if (!cond) { printf("NOT AS EXPECTED: %s\n", what); ok = 0; }
}

static int send_note(int q, long type, const char *text, int flags, int quiet)
{
    struct note m = { .mtype = type };
    snprintf(m.mtext, sizeof m.mtext, "%s", text);
    int r = msgsnd(q, &m, strlen(m.mtext), flags);
    if (!quiet) printf("msgsnd(%d, {%ld, \"%s\"}, %zu, %s) = %d%s%s\n", q, type, text, strlen(m.mtext),
           flags ? "IPC_NOWAIT" : "0", r, r == -1 ? " " : "", r == -1 ? strerror(errno) : "");
    return r;
}

/* msgrcv and print what came; returns the
 * type received, or -1 with errno set */
static long take(int q, long type, int flags)
{
    struct note m = { 0 };
    ssize_t n = msgrcv(q, &m, sizeof m.mtext, type, flags);
    int e = errno;
    if (n == -1) printf("msgrcv(%d, .., %ld, %s) = -1 %s\n", q, type, flags ? "IPC_NOWAIT" : "0", strerror(e));
    else printf("msgrcv(%d, .., %ld, %s) = %zd: {%ld, \"%s\"}\n", q, type, flags ? "IPC_NOWAIT" : "0", n, m.mtype, m.mtext);
    errno = e;
    return n == -1 ? -1 : m.mtype;
}

static unsigned long qnum(int q)
{
    struct msqid_ds ds;
    return msgctl(q, IPC_STAT, &ds) == -1 ? (unsigned long) -1 : (unsigned long) ds.msg_qnum;
}

/* waits (with a deadline) until the kernel counts a reader
 * asleep in msgrcv: /proc shows no count for queues, so
 * this polls the child's state instead (S: sleeping) */
static void until_asleep(pid_t pid)
{
    char path[64], buf[256];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    for (int i = 0; i < 500; i++) {
        FILE *f = fopen(path, "r");
        if (f) {
            size_t n = fread(buf, 1, sizeof buf - 1, f);
            fclose(f);
            buf[n] = 0;
            char *rp = strrchr(buf, ')');
            if (rp && rp[2] == 'S') return;
        }
        nanosleep(&(struct timespec){ .tv_nsec = 10000000 }, NULL);
    }
}

static int exit_status(pid_t pid)
{
    int st;
    if (waitpid(pid, &st, 0) == -1 || !WIFEXITED(st)) return -1;
    return WEXITSTATUS(st);
}

/* the reader, after main: the C pane shows it with its step */
static pid_t blocked_reader(int q);

int main(void)
{
    int q = msgget(IPC_PRIVATE, 0600);
    if (q == -1) { perror("msgget"); return 1; }
    /* ours, cleanup.h: so any way out removes it */
    cleanup_on_exit(MSG_OBJECT, q);
    printf("msgget(IPC_PRIVATE, 0600) = %d\n", q);

    /* every message carries a type (a long > 0);
     * the texts are UTF-8, as ipclab sends them */
    send_note(q, 1, "one", 0, 0);
    send_note(q, 2, "two", 0, 0);
    send_note(q, 1, "one again", 0, 0);
    send_note(q, 3, "three", 0, 0);
    expect(qnum(q) == 4, "four messages queued");

    expect(take(q, 0, 0) == 1, "type 0: the first message, whatever its type");
    expect(take(q, 2, 0) == 2, "type 2: the first message of type 2");
    expect(take(q, -3, 0) == 1, "type -3: the lowest type <= 3 (1: 'one again', in order)");
    expect(take(q, 0, 0) == 3, "the last one");
    expect(qnum(q) == 0, "reading took every message out");

    /* IPC_NOWAIT: an empty queue is ENOMSG, a full one EAGAIN */
    expect(take(q, 0, IPC_NOWAIT) == -1 && errno == ENOMSG, "empty queue, IPC_NOWAIT: ENOMSG");
    struct msqid_ds ds;
    if (msgctl(q, IPC_STAT, &ds) == -1) { perror("msgctl(IPC_STAT)"); ok = 0; }
    printf("msg_qbytes = %lu\n", (unsigned long) ds.msg_qbytes);
    /* as the lesson does: 4000-byte texts
     * (no NUL) until one does not fit */
    static struct { long mtype; char mtext[4000]; } big = { .mtype = 1 };
    memset(big.mtext, 'x', sizeof big.mtext);
    int sent = 0, r;
    while ((r = msgsnd(q, &big, sizeof big.mtext, IPC_NOWAIT)) == 0 && sent < 64) sent++;
    int e = errno;
    printf("msgsnd(%d, {1, 4000 x}, 4000, IPC_NOWAIT) = %d %s\n", q, r, r == -1 ? strerror(e) : "");
    expect(r == -1 && e == EAGAIN, "full queue, IPC_NOWAIT: EAGAIN");
    printf("%d messages of 4000 bytes fit in msg_qbytes = %lu bytes\n", sent, (unsigned long) ds.msg_qbytes);
    /* empty it: msgrcv size 4000 takes one whole message each time */
    while (msgrcv(q, &big, sizeof big.mtext, 0, IPC_NOWAIT) != -1) {}
    fflush(stdout);

    /* a reader blocked in msgrcv wakes when a message comes */
    pid_t reader = blocked_reader(q);
    until_asleep(reader);
    send_note(q, 5, "wake up", 0, 0);
    expect(exit_status(reader) == 0, "the blocked reader got the message");
    fflush(stdout);

    /* IPC_RMID wakes a blocked reader with EIDRM */
    reader = blocked_reader(q);
    until_asleep(reader);
    printf("msgctl(%d, IPC_RMID, NULL) = %d\n", q, msgctl(q, IPC_RMID, NULL));
    /* this tutorial's cleanup.h: gone, skip it at exit */
    cleanup_forget(MSG_OBJECT, q);
    expect(exit_status(reader) == 2, "the blocked reader got EIDRM");
    return ok ? 0 : 1;
}

/* a child that blocks in msgrcv(type 0) and
 * exits 0 when it gets a message, 2 on EIDRM */
static pid_t blocked_reader(int q)
{
    pid_t pid = fork();
    if (pid == 0) {
        struct note m = { 0 };
        if (msgrcv(q, &m, sizeof m.mtext, 0, 0) >= 0) {
            printf("child %d: woke with {%ld, \"%s\"}\n", getpid(), m.mtype, m.mtext);
            fflush(stdout);
            _exit(0);
        }
        int e = errno;
        printf("child %d: msgrcv = -1 %s\n", getpid(), strerror(e));
        fflush(stdout);
        _exit(e == EIDRM ? 2 : 1);
    }
    return pid;
}
