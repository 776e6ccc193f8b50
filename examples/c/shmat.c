/* shmat.c — the shmat lesson in C: map a segment, write and
 * read it (twice: reading consumes nothing), map it twice,
 * let a child write through an SHM_RDONLY mapping, and
 * see what shmat returns for shmid -1.
 *
 *   cc -Wall -Wextra -o shmat shmat.c && ./shmat
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/resource.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

/* cleanup_on_exit(): removed on every
 * way out, Ctrl-C and `| head` too */
#include "cleanup.h"

int main(void)
{
    int ok = 1;
    int shmid = shmget(IPC_PRIVATE, 4096, 0600);
    if (shmid == -1) { perror("shmget"); return 1; }
    /* ours, cleanup.h: so any way out removes it */
    cleanup_on_exit(SHM_OBJECT, shmid);

    char *p = shmat(shmid, NULL, 0), *q = (void *) -1;
    if (p == (void *) -1) { perror("shmat"); ok = 0; goto out; }
    printf("shmat(%d, NULL, 0) = %p\n", shmid, (void *) p);

    strcpy(p, "hello, world");
    /* still there: memory is not a pipe */
    printf("read: %s\nread again: %s\n", p, p);

    q = shmat(shmid, NULL, 0);
    if (q == (void *) -1) { perror("shmat"); ok = 0; goto out; }
    printf("shmat(%d, NULL, 0) again = %p\n", shmid, (void *) q);
    strcpy(q, "two views");
    printf("written through %p, read through %p: %s\n", (void *) q, (void *) p, p);
    if (strcmp(p, "two views") != 0) ok = 0;

    char *ro = shmat(shmid, NULL, SHM_RDONLY);
    if (ro == (void *) -1) { perror("shmat"); ok = 0; goto out; }
    printf("shmat(%d, NULL, SHM_RDONLY) = %p, reads: %s\n", shmid, (void *) ro, ro);
    if (strcmp(ro, p) != 0) ok = 0;
    shmdt(ro);

    fflush(stdout);      /* the child must not print our buffer again */
    pid_t child = fork();
    if (child == 0) {
        struct rlimit none = { 0, 0 };
        /* the crash is the lesson, not a core file */
        setrlimit(RLIMIT_CORE, &none);
        char *child_ro = shmat(shmid, NULL, SHM_RDONLY);
        if (child_ro == (void *) -1) _exit(1);
        child_ro[0] = 'X';          /* a store to a read-only mapping */
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    int segv = WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV;
    printf("child writing through SHM_RDONLY: %s\n", segv ? "killed by SIGSEGV" : "survived?!");
    if (!segv) ok = 0;

    void *bad = shmat(-1, NULL, 0);     /* failure is (void *) -1 */
    printf("shmat(-1, NULL, 0) = %p (%s)\n", bad, strerror(errno));
    if (bad != (void *) -1 || errno != EINVAL) ok = 0;

out:
    if (p != (void *) -1) shmdt(p);
    if (q != (void *) -1) shmdt(q);
    shmctl(shmid, IPC_RMID, NULL);
    /* ipclab's bookkeeping (cleanup.h), not System V:
     * it is gone, so no exit path removes it again */
    cleanup_forget(SHM_OBJECT, shmid);
    return ok ? 0 : 1;
}
