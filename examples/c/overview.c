/* overview.c — the overview lesson in C: look at the
 * kernel's IPC objects with ipcs, create a segment,
 * use it from two mappings, remove it with ipcrm.
 *
 *   cc -Wall -Wextra -o overview overview.c && ./overview
 *
 * Exits 0 when everything behaved as the lesson
 * says, and removes what it made in every case.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>

/* cleanup_on_exit(): removed on every
 * way out, Ctrl-C and `| head` too */
#include "cleanup.h"

/* show_and_run(): ours, not a libc call: prints a
 * shell command, then runs it (run_shell, cleanup.h's
 * system() that lets Ctrl-C through); 0 when it ran
 * and succeeded. */
static int show_and_run(const char *cmd)
{
    printf("$ %s\n", cmd);
    fflush(stdout); /* our output before the command's */
    int status = run_shell(cmd);
    if (status != 0) printf("(%s failed or is not installed)\n", cmd);
    return status;
}

int main(void)
{
    int ok = 0;
    show_and_run("ipcs -m; ipcs -q; ipcs -s");

    int shmid = shmget(IPC_PRIVATE, 4096, 0600);
    if (shmid == -1) { perror("shmget"); return 1; }
    /* ours, cleanup.h: so any way out removes it */
    cleanup_on_exit(SHM_OBJECT, shmid);
    printf("shmget(IPC_PRIVATE, 4096, 0600) = %d\n", shmid);
    show_and_run("ipcs -m");

    char *a = shmat(shmid, NULL, 0);              /* program A */
    if (a == (void *) -1) { perror("shmat"); goto out; }
    printf("shmat(%d, NULL, 0) = %p  (A)\n", shmid, (void *) a);
    strcpy(a, "hello");
    printf("A wrote \"hello\" at %p\n", (void *) a);

    char *b = shmat(shmid, NULL, 0);              /* program B */
    if (b == (void *) -1) { perror("shmat"); shmdt(a); goto out; }
    printf("shmat(%d, NULL, 0) = %p  (B)\n", shmid, (void *) b);
    printf("B reads \"%s\" at %p\n", b, (void *) b);
    ok = strcmp(b, "hello") == 0;

    shmdt(a);
    shmdt(b);

    char cmd[64];
    snprintf(cmd, sizeof cmd, "ipcrm -m %d", shmid);
    if (show_and_run(cmd) == 0) {                 /* ipcrm removed it */
        /* cleanup_forget(): tells cleanup.h it is gone,
         * so no exit path removes it again */
        cleanup_forget(SHM_OBJECT, shmid);
        shmid = -1;
    }
    show_and_run("ipcs -m");                      /* its row is gone */

out:
    /* without ipcrm, remove it ourselves:
     * nothing is left behind either way */
    if (shmid != -1 && shmctl(shmid, IPC_RMID, NULL) == 0) printf("shmctl(%d, IPC_RMID, NULL) = 0\n", shmid);
    /* ours, cleanup.h: gone, so no exit removes it again */
    cleanup_forget(SHM_OBJECT, shmid);
    return ok ? 0 : 1;
}
