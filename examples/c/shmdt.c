/* shmdt.c — the shmdt lesson in C: detaches and looks at the row,
 * has a child read the old address, calls shmdt on it once more,
 * attaches again to look for the data and where it lands, and
 * compares that with the stale pointer.
 *
 *   cc -Wall -Wextra -o shmdt shmdt.c && ./shmdt
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
    char *p = shmat(shmid, NULL, 0);
    if (p == (void *) -1) { perror("shmat"); return 1; }
    strcpy(p, "still stored");   /* ipclab writes it in your language */

    printf("shmdt(%p) = %d\n", (void *) p, shmdt(p));
    struct shmid_ds ds;
    if (shmctl(shmid, IPC_STAT, &ds) == 0) printf("nattch %lu, dtime %ld: the segment is still there\n", (unsigned long) ds.shm_nattch, (long) ds.shm_dtime);

    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        struct rlimit none = { 0, 0 };
        setrlimit(RLIMIT_CORE, &none);
        volatile char c = p[0];               /* use after detach */
        (void) c;
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    int segv = WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV;
    printf("child reading the old address: %s\n", segv ? "killed by SIGSEGV" : "survived?!");
    if (!segv) ok = 0;

    int again = shmdt(p);
    printf("shmdt(%p) again = %d (%s)\n", (void *) p, again, strerror(errno));
    if (again != -1 || errno != EINVAL) ok = 0;
    char *old = p;     /* kept only to show what a stale pointer does */
    p = NULL;             /* the habit that prevents all of the above */

    char *q = shmat(shmid, NULL, 0);
    if (q == (void *) -1) ok = 0;
    else {
        printf("attached again at %p: %s\n", (void *) q, q);
        if (strcmp(q, "still stored") != 0) ok = 0;
        /* the kernel often picks the old address again: the
         * "dead" pointer then works, on whatever is mapped there
         * now (here the same segment; it could be another) */
        if (q == old) printf("old pointer %p == new %p: it reads \"%s\" again\n", (void *) old, (void *) q, old);
        else printf("old pointer %p, new %p: different this time\n", (void *) old, (void *) q);
        shmdt(q);
    }
    shmctl(shmid, IPC_RMID, NULL);
    /* ours, cleanup.h: gone, so no exit removes it again */
    cleanup_forget(SHM_OBJECT, shmid);
    return ok ? 0 : 1;
}
