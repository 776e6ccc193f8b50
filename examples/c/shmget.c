/* shmget.c — the shmget lesson in C: the same
 * IPC_PRIVATE call twice, the sizes 0 and 2^62, and
 * the mode 0600 read back.
 *
 *   cc -Wall -Wextra -o shmget shmget.c && ./shmget
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>

/* cleanup_on_exit(): removed on every
 * way out, Ctrl-C and `| head` too */
#include "cleanup.h"

static void limit(const char *name)
{
    char path[64], value[32] = "?";
    snprintf(path, sizeof path, "/proc/sys/kernel/%s", name);
    FILE *f = fopen(path, "r");
    if (f) {
        if (!fgets(value, sizeof value, f)) strcpy(value, "?");
        fclose(f);
    }
    value[strcspn(value, "\n")] = '\0';
    printf("%s = %s\n", name, value);
}

int main(void)
{
    int ok = 1;
    int a = shmget(IPC_PRIVATE, 4096, 0600);
    /* ours, cleanup.h: so any way out removes it */
    if (a != -1) cleanup_on_exit(SHM_OBJECT, a);
    int b = shmget(IPC_PRIVATE, 4096, 0600);
    /* ours, cleanup.h: so any way out removes it */
    if (b != -1) cleanup_on_exit(SHM_OBJECT, b);
    printf("shmget(IPC_PRIVATE, 4096, 0600) = %d, then %d\n", a, b);
    /* IPC_PRIVATE always creates a new segment */
    if (a == -1 || b == -1 || a == b) ok = 0;

    int bad = shmget(IPC_PRIVATE, 0, 0600);
    printf("size 0: %d, %s\n", bad, strerror(errno));
    if (bad != -1 || errno != EINVAL) ok = 0;

    limit("shmmax");
    limit("shmall");
    int huge = shmget(IPC_PRIVATE, (size_t) 1 << 62, 0600);
    /* ENOMEM, EINVAL or ENOSPC: see the lesson */
    if (huge == -1) printf("size 2^62: -1, %s\n", strerror(errno));
    else {
        /* ours, cleanup.h: so any way out removes it */
        cleanup_on_exit(SHM_OBJECT, huge);
        printf("size 2^62: %d (overcommit allowed it)\n", huge);
        shmctl(huge, IPC_RMID, NULL);
        /* ours, cleanup.h: gone, so no exit removes it again */
        cleanup_forget(SHM_OBJECT, huge);
    }

    struct shmid_ds ds;
    if (a != -1 && shmctl(a, IPC_STAT, &ds) == 0) {
        printf("mode of %d: 0%o\n", a, ds.shm_perm.mode & 0777);
        if ((ds.shm_perm.mode & 0777) != 0600) ok = 0;
    }

    if (a != -1) shmctl(a, IPC_RMID, NULL);
    if (b != -1) shmctl(b, IPC_RMID, NULL);
    /* ours, cleanup.h: gone, so no exit removes it again */
    cleanup_forget(SHM_OBJECT, a);
    /* ours, cleanup.h: gone, so no exit removes it again */
    cleanup_forget(SHM_OBJECT, b);
    return ok ? 0 : 1;
}
