/* sem.c — the sem lesson in C: a semaphore set of one, SETVAL 1, P and
 * V as semop -1 and +1, IPC_NOWAIT on a taken semaphore, a child
 * blocked in P until the parent posts, and a holder killed with
 * SIGKILL, once with SEM_UNDO and once without: what semval is then.
 * Exits 0 when every check passes.
 *
 *   cc -Wall -Wextra -o sem sem.c && ./sem
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* cleanup_on_exit(): removed on every
 * way out, Ctrl-C and `| head` too */
#include "cleanup.h"

/* the caller defines union semun (glibc does not) */
union semun { int val; struct semid_ds *buf; unsigned short *array; };

static int ok = 1;

static void expect(int cond, const char *what)
{
    if (!cond) { printf("NOT AS EXPECTED: %s\n", what); ok = 0; }
}

static int op(int set, short delta, short flags)
{
    struct sembuf b = { .sem_num = 0, .sem_op = delta, .sem_flg = flags };
    int r = semop(set, &b, 1);
    int e = errno;
    printf("%d: semop(%d, &(struct sembuf){0, %d, %s}, 1) = %d%s%s\n", getpid(), set, delta,
           flags == IPC_NOWAIT ? "IPC_NOWAIT" : flags == SEM_UNDO ? "SEM_UNDO" : "0", r, r == -1 ? " " : "", r == -1 ? strerror(e) : "");
    fflush(stdout);
    errno = e;
    return r;
}

static int value(int set) { return semctl(set, 0, GETVAL); }

/* polls (with a deadline) until `cmd`
 * (GETNCNT) of semaphore 0 is `want` */
static int until_count(int set, int cmd, int want)
{
    for (int i = 0; i < 500; i++) {
        if (semctl(set, 0, cmd) == want) return 1;
        nanosleep(&(struct timespec){ .tv_nsec = 10000000 }, NULL);
    }
    return 0;
}

/* a child that takes the semaphore with `flags` and
 * is then killed with SIGKILL while it holds it */
static void killed_holder(int set, short flags)
{
    fflush(stdout);      /* or the child would print our buffer again */
    pid_t pid = fork();
    if (pid == 0) {
        op(set, -1, flags);
        raise(SIGSTOP);          /* hold it until the parent kills us */
        _exit(0);
    }
    int st;
    waitpid(pid, &st, WUNTRACED);
    printf("kill(%d, SIGKILL) while it holds the semaphore\n", pid);
    kill(pid, SIGKILL);
    waitpid(pid, &st, 0);
}

int main(void)
{
    int set = semget(IPC_PRIVATE, 1, 0600);
    if (set == -1) { perror("semget"); return 1; }
    /* ours, cleanup.h: so any way out removes it */
    cleanup_on_exit(SEM_OBJECT, set);
    printf("semget(IPC_PRIVATE, 1, 0600) = %d\n", set);
    semctl(set, 0, SETVAL, (union semun){ .val = 1 });
    printf("semctl(%d, 0, SETVAL, 1): semval %d\n", set, value(set));

    op(set, -1, 0);                          /* P: 1 -> 0, we hold it */
    expect(value(set) == 0, "P took it: semval 0");
    expect(op(set, -1, IPC_NOWAIT) == -1 && errno == EAGAIN, "taken, IPC_NOWAIT: EAGAIN");

    fflush(stdout);
    pid_t child = fork();                /* blocks in P until we post */
    if (child == 0) _exit(op(set, -1, 0) == 0 && op(set, +1, 0) == 0 ? 0 : 1);
    expect(until_count(set, GETNCNT, 1), "semncnt 1: the child waits in semop");
    printf("semncnt %d, semval %d\n", semctl(set, 0, GETNCNT), value(set));
    op(set, +1, 0);                      /* V: the child gets through */
    int st;
    waitpid(child, &st, 0);
    expect(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the child got the semaphore and gave it back");
    expect(value(set) == 1 && semctl(set, 0, GETNCNT) == 0, "semval 1, nobody waits");

    killed_holder(set, SEM_UNDO);         /* the kernel undoes its -1 */
    printf("after the kill, with SEM_UNDO: semval %d\n", value(set));
    expect(value(set) == 1, "SEM_UNDO gave the count back");
    killed_holder(set, 0);                        /* nobody undoes it */
    printf("after the kill, without SEM_UNDO: semval %d\n", value(set));
    expect(value(set) == 0, "without SEM_UNDO the count stays taken");

    printf("semctl(%d, 0, IPC_RMID) = %d\n", set, semctl(set, 0, IPC_RMID));
    /* this tutorial's cleanup.h: gone, skip it at exit */
    cleanup_forget(SEM_OBJECT, set);
    return ok ? 0 : 1;
}
