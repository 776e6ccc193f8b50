/* communicate_with_child.c — a parent and its child talk
 * through two IPC_PRIVATE segments, with SIGUSR1 ("there
 * is text for you") and SIGUSR2 ("read it, go on").
 *
 *   cc -Wall -Wextra -O2 -o communicate_with_child \
 *       communicate_with_child.c
 *   ./communicate_with_child [MESSAGE]...
 *       (by default one MESSAGE: "hello, child")
 *
 * Down: the parent writes into `down`, kill(child, SIGUSR1);
 * the child reads, kill(parent, SIGUSR2). Up: the child writes
 * its answer into `up`, kill(parent, SIGUSR1); the parent
 * reads, kill(child, SIGUSR2). The child knows both shmids
 * because fork() copies the parent's variables; IPC_PRIVATE
 * segments are reached only by id (the key 0 finds nothing).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SEG_SIZE 4096
#define WAIT_MS 5000 /* a peer silent this long is taken for gone */

/* SIGUSR1, SIGUSR2 and the signals that end us */
static sigset_t waitset;

__attribute__((format(printf, 2, 3)))
static void trace(const char *who, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("[%s %d] ", who, (int)getpid());
    vprintf(fmt, ap);
    putchar('\n');
    fflush(stdout);
    va_end(ap);
}

/* Wait for `want` (SIGUSR1 or SIGUSR2); the other one
 * stays pending for later. Returns 0 when it came, or
 * the ending signal's number, or -1 after WAIT_MS. */
static int wait_for(int want)
{
    sigset_t set = waitset;
    sigdelset(&set, want == SIGUSR1 ? SIGUSR2 : SIGUSR1);
    struct timespec ts = { WAIT_MS / 1000, (WAIT_MS % 1000) * 1000000L };
    for (;;) {
        int sig = sigtimedwait(&set, NULL, &ts);
        if (sig == want) return 0;
        if (sig > 0) return sig;
        if (errno == EAGAIN) return -1;
        if (errno != EINTR) { perror("sigtimedwait"); return -1; }
    }
}

/* shmctl(id, IPC_RMID, NULL), traced on a line of its
 * own as the lesson's trace shows it ("= 0", or "= -1
 * EINVAL (Invalid argument)"); 1 when it removed it. */
static int rmid(int id)
{
    int ret = shmctl(id, IPC_RMID, NULL);
    if (ret == 0) trace("parent", "shmctl(%d, IPC_RMID, NULL) = 0", id);
    else trace("parent", "shmctl(%d, IPC_RMID, NULL) = %d %s (%s)", id, ret, strerrorname_np(errno), strerror(errno));
    return ret == 0;
}

static int child_main(int down_id, int up_id, pid_t parent, int rounds, int ready)
{
    char *down = shmat(down_id, NULL, 0), *up = shmat(up_id, NULL, 0);
    trace("child", "shmat(%d, NULL, 0) = %p", down_id, (void *)down);
    trace("child", "shmat(%d, NULL, 0) = %p", up_id, (void *)up);
    if (down == (void *)-1 || up == (void *)-1) return 1;
    /* "ready" on the pipe: the parent
     * attaches after us, as in the lesson */
    if (write(ready, "r", 1) != 1) return 1;
    close(ready);
    for (int i = 0; i < rounds; i++) {
        int r = wait_for(SIGUSR1);
        if (r != 0) { trace("child", "no SIGUSR1 from the parent (%d): leaving", r); return 1; }
        trace("child", "SIGUSR1 arrived; read \"%s\"", down);
        int k = kill(parent, SIGUSR2);
        trace("child", "kill(%d, SIGUSR2) = %d", (int)parent, k);
        char answer[SEG_SIZE];
        snprintf(answer, sizeof answer, "got %zu bytes: %s", strlen(down), down);
        strcpy(up, answer);
        trace("child", "strcpy(up, \"%s\"): %zu bytes + NUL", answer, strlen(answer));
        k = kill(parent, SIGUSR1);
        trace("child", "kill(%d, SIGUSR1) = %d", (int)parent, k);
        if (wait_for(SIGUSR2) != 0) return 1;
        trace("child", "SIGUSR2 arrived: the parent read the answer");
    }
    shmdt(down);
    shmdt(up);
    trace("child", "shmdt both = 0; exit(0)");
    return 0;
}

int main(int argc, char **argv)
{
    static char *defaults[] = { "hello, child" };
    char **messages = defaults;
    int rounds = 1;
    if (argc > 1) {
        messages = argv + 1;
        rounds = argc - 1;
        for (int i = 0; i < rounds; i++)
            if (strlen(messages[i]) >= SEG_SIZE) { fprintf(stderr, "message %d is over %d bytes\n", i + 1, SEG_SIZE - 1); return 2; }
    }

    /* Block the signals before fork: the child
     * inherits the mask, so a SIGUSR1 sent before
     * it waits stays pending instead of killing it. */
    sigemptyset(&waitset);
    sigaddset(&waitset, SIGUSR1);
    sigaddset(&waitset, SIGUSR2);
    sigaddset(&waitset, SIGINT);
    sigaddset(&waitset, SIGTERM);
    sigaddset(&waitset, SIGHUP);
    sigprocmask(SIG_BLOCK, &waitset, NULL);
    /* `| head` closing stdout must not skip the cleanup */
    signal(SIGPIPE, SIG_IGN);

    int down_id = shmget(IPC_PRIVATE, SEG_SIZE, 0600);
    trace("parent", "shmget(IPC_PRIVATE, 4096, 0600) = %d  (down: parent -> child)", down_id);
    int up_id = shmget(IPC_PRIVATE, SEG_SIZE, 0600);
    trace("parent", "shmget(IPC_PRIVATE, 4096, 0600) = %d  (up: child -> parent)", up_id);
    if (down_id == -1 || up_id == -1) {
        perror("shmget");
        if (down_id != -1) shmctl(down_id, IPC_RMID, NULL);
        return 1;
    }
    int ready[2];
    if (pipe(ready) == -1) {
        perror("pipe");
        shmctl(down_id, IPC_RMID, NULL);
        shmctl(up_id, IPC_RMID, NULL);
        return 1;
    }
    pid_t parent = getpid();
    pid_t child = fork();
    if (child == 0) { close(ready[0]); _exit(child_main(down_id, up_id, parent, rounds, ready[1])); }
    trace("parent", "fork() = %d", (int)child);
    close(ready[1]);
    char said;
    /* the child's "ready" (EOF: it ended unattached) */
    int child_ready = child > 0 && read(ready[0], &said, 1) == 1;
    close(ready[0]);
    char *down = child_ready ? shmat(down_id, NULL, 0) : (void *)-1;
    char *up = child_ready ? shmat(up_id, NULL, 0) : (void *)-1;
    if (child_ready) trace("parent", "shmat(%d, NULL, 0) = %p; shmat(%d, NULL, 0) = %p", down_id, (void *)down, up_id, (void *)up);
    int status = 1, r = 0;
    for (int i = 0; down != (void *)-1 && up != (void *)-1 && i < rounds; i++) {
        const char *text = messages[i];
        strcpy(down, text);
        trace("parent", "strcpy(down, \"%s\")", text);
        int k = kill(child, SIGUSR1);
        trace("parent", "kill(%d, SIGUSR1) = %d", (int)child, k);
        r = wait_for(SIGUSR2);
        if (r != 0) goto out;
        trace("parent", "SIGUSR2 arrived: the child read it");
        if ((r = wait_for(SIGUSR1)) != 0) goto out;
        trace("parent", "SIGUSR1 arrived; read \"%s\" from up", up);
        k = kill(child, SIGUSR2);
        trace("parent", "kill(%d, SIGUSR2) = %d", (int)child, k);
    }
    status = down != (void *)-1 && up != (void *)-1 ? 0 : 1;
out:
    /* Ctrl-C or kill: clean up all the same */
    if (r > 0) status = 128 + r;
    else if (r < 0) fprintf(stderr, "parent: the child did not answer within %d ms\n", WAIT_MS);
    if (status != 0 && child > 0) kill(child, SIGTERM);
    int ws = 0;
    if (child > 0) waitpid(child, &ws, 0);
    trace("parent", "waitpid(%d) = child exited with %d", (int)child, WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws));
    if (down != (void *)-1) shmdt(down);
    if (up != (void *)-1) shmdt(up);
    int removed = rmid(down_id);
    removed &= rmid(up_id);
    if (!removed && status == 0) status = 1;
    return status;
}
