/* inherit.c — what fork, exec and exit do to attachments (the shmat
 * lesson): nattch after a fork (does the child get the mapping?),
 * after the child's exec (the child still runs), and after the
 * parent's exit without shmdt (and whether the segment stays).
 *
 *   cc -Wall -Wextra -o inherit inherit.c && ./inherit
 *
 * ./inherit          checks itself: makes a segment, runs the stages
 *                    below in a child of its own and checks nattch
 *                    after each against the kernel's count
 * ./inherit SHMID    the stages on an existing segment, each after a
 *                    line on stdin (how the shmat lesson drives it,
 *                    one step per line)
 *
 * Calls go to stderr as "[inherit PID]
 * call = result", what happened to stdout.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* cleanup_on_exit(): removed on every
 * way out, Ctrl-C and `| head` too */
#include "cleanup.h"
/* stamp(): each line's "@MS#N " when ipclab runs it */
#include "stamp.h"

/* a call and its result, to stderr */
static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    /* ours, stamp.h: a time for ipclab's trace */
    stamp(stderr);
    fprintf(stderr, "[inherit %d] ", (int) getpid());
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

/* what happened, to stdout */
static void tell(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void tell(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    /* ours, stamp.h: a time for ipclab's trace */
    stamp(stdout);
    vprintf(fmt, ap);
    putchar('\n');
    va_end(ap);
}

static int nattch(int shmid)
{
    struct shmid_ds ds;
    return shmctl(shmid, IPC_STAT, &ds) == -1 ? -1 : (int) ds.shm_nattch;
}

/* The exec happens in the child; the parent only
 * sees nattch fall. Polls for it, up to 10 s. */
static int nattch_becomes(int shmid, int want)
{
    struct timespec tick = { 0, 5 * 1000 * 1000 };
    for (int i = 0; i < 2000; i++) {
        if (nattch(shmid) == want) return 1;
        nanosleep(&tick, NULL);
    }
    return 0;
}

/* Blocks until the driver says "go on"; 0
 * when stdin closed (the driver is gone). */
static int next_line(void)
{
    char line[64];
    return fgets(line, sizeof line, stdin) != NULL;
}

/* The stages on `shmid`, each after a line on
 * stdin. Exits without shmdt: that is the point. */
static void stages(int shmid)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    char *p = shmat(shmid, NULL, 0);
    if (p == (void *) -1) { say("shmat(%d, NULL, 0) = (void *) -1 %s (%s)", shmid, strerrorname_np(errno), strerror(errno)); exit(1); }
    say("shmat(%d, NULL, 0) = %p", shmid, (void *) p);
    tell("attached at %p: nattch %d", (void *) p, nattch(shmid));

    if (!next_line()) exit(1);
    int go[2];
    if (pipe(go) == -1) { perror("pipe"); exit(1); }
    fflush(NULL);                           /* nothing buffered twice */
    pid_t parent = getpid();
    pid_t child = fork();
    if (child == -1) { say("fork() = -1 %s (%s)", strerrorname_np(errno), strerror(errno)); exit(1); }
    if (child == 0) {
        /* never outlive the parent, even exec'd */
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        /* it died before prctl took effect */
        if (getppid() != parent) _exit(1);
        close(go[1]);
        char c;
        if (read(go[0], &c, 1) != 1) _exit(1);     /* wait for "exec" */
        say("execlp(\"sleep\", \"sleep\", \"600\", NULL)");
        execlp("sleep", "sleep", "600", (char *) NULL);
        say("execlp(\"sleep\", \"sleep\", \"600\", NULL) = -1 %s (%s)", strerrorname_np(errno), strerror(errno));
        _exit(127);
    }
    close(go[0]);
    say("fork() = %d", (int) child);
    tell("forked child %d, which inherits the mapping at %p: nattch %d", (int) child, (void *) p, nattch(shmid));

    if (!next_line()) { kill(child, SIGKILL); exit(1); }
    if (write(go[1], "x", 1) != 1) { perror("write"); exit(1); }
    int dropped = nattch_becomes(shmid, 1);
    tell("child %d exec'd sleep and still runs; exec dropped its mapping: nattch %d", (int) child, nattch(shmid));
    if (!dropped) exit(1);

    if (!next_line()) { kill(child, SIGKILL); exit(1); }
    /* the sleeper holds no mapping: not part of the count */
    say("kill(%d, SIGTERM) = %d", (int) child, kill(child, SIGTERM));
    int status = 0;
    pid_t ended = waitpid(child, &status, 0);
    if (ended == child && WIFSIGNALED(status))
        say("waitpid(%d, &status, 0) = %d (the child was killed by SIG%s)", (int) child, (int) ended, sigabbrev_np(WTERMSIG(status)));
    else
        say("waitpid(%d, &status, 0) = %d (the child exited with code %d)", (int) child, (int) ended, WEXITSTATUS(status));
    tell("about to exit(0) without shmdt: the kernel will detach %p", (void *) p);
    say("exit(0)");
    exit(0);
}

int main(int argc, char **argv)
{
    if (argc == 2) {
        stages(atoi(argv[1]));
        return 1;                                  /* not reached */
    }
    /* the self-check: the stages in a child, driven
     * through a pipe, nattch checked after each */
    int shmid = shmget(IPC_PRIVATE, 4096, 0600);
    if (shmid == -1) { perror("shmget"); return 1; }
    /* ours, cleanup.h: so any way out removes it */
    cleanup_on_exit(SHM_OBJECT, shmid);
    int to[2], from[2];
    if (pipe(to) == -1 || pipe(from) == -1) { perror("pipe"); return 1; }
    fflush(NULL);
    pid_t worker = fork();
    if (worker == 0) {
        dup2(to[0], 0);
        dup2(from[1], 1);
        close(to[1]);
        close(from[0]);
        stages(shmid);
    }
    close(to[0]);
    close(from[1]);
    FILE *in = fdopen(from[0], "r");
    const int want[] = { 1, 2, 1 };
    int ok = 1;
    char line[256];
    for (int i = 0; i < 3; i++) {
        if (!fgets(line, sizeof line, in)) { ok = 0; break; }
        int n = nattch(shmid);
        printf("%s  -> nattch %d, expected %d\n", strtok(line, "\n"), n, want[i]);
        if (n != want[i]) ok = 0;
        if (write(to[1], "next\n", 5) != 5) ok = 0;
    }
    if (fgets(line, sizeof line, in)) printf("%s", line);
    int status = 0;
    waitpid(worker, &status, 0);
    /* -1 would mean the segment went with the process */
    int left = nattch(shmid);
    printf("after the exit: nattch %d, the segment %s\n", left, left == -1 ? "is gone" : "stays");
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || left != 0) ok = 0;
    shmctl(shmid, IPC_RMID, NULL);
    /* ours, cleanup.h: gone, so no exit removes it again */
    cleanup_forget(SHM_OBJECT, shmid);
    return ok ? 0 : 1;
}
