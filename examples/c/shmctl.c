/* shmctl.c — the shmctl lesson in C: a segment with a key from
 * ftok, IPC_STAT (every field, beside ipcs -m -i), IPC_SET of
 * the mode, shmat against that mode by the owner of a 0400
 * segment (read-write, then SHM_RDONLY) and its IPC_RMID, shmat
 * by another user (in a child that drops to uid 65534 when we
 * are root), IPC_RMID while attached, one more attach after it,
 * the last shmdt, and IPC_RMID on the id after that.
 *
 *   cc -Wall -Wextra -o shmctl shmctl.c && ./shmctl
 */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

/* cleanup_on_exit(): removed on every
 * way out, Ctrl-C and `| head` too */
#include "cleanup.h"

#define NOBODY 65534

static int expect_errno(const char *what, long ret, int err)
{
    int good = ret == -1 && errno == err;
    printf("%s = %ld (%s)%s\n", what, ret, ret == -1 ? strerror(errno) : "ok", good ? "" : "  <- unexpected");
    return good;
}

static void show(int shmid)
{
    struct shmid_ds ds;
    if (shmctl(shmid, IPC_STAT, &ds) == -1) { perror("shmctl(IPC_STAT)"); return; }
    printf("key 0x%08x uid %u gid %u cuid %u cgid %u mode 0%o%s\n",
           (unsigned) ds.shm_perm.__key, ds.shm_perm.uid, ds.shm_perm.gid, ds.shm_perm.cuid, ds.shm_perm.cgid,
           ds.shm_perm.mode & 0777, ds.shm_perm.mode & SHM_DEST ? " dest" : "");
    printf("size %zu nattch %lu cpid %d lpid %d atime %ld dtime %ld ctime %ld\n",
           ds.shm_segsz, (unsigned long) ds.shm_nattch, ds.shm_cpid, ds.shm_lpid,
           (long) ds.shm_atime, (long) ds.shm_dtime, (long) ds.shm_ctime);
}

/* the child's part, after main: the C pane shows it with its step */
static int permissions(int locked, int theirs);

int main(void)
{
    int ok = 1;
    /* a new file for ftok: its inode
     * gives the key (removed at once) */
    const char *tmp = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/shmctl-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemp(path);
    if (fd == -1) { perror("mkstemp"); return 1; }
    close(fd);
    key_t key = ftok(path, 'C');
    /* ftok has read the inode: the file may go
     * now, before a Ctrl-C could leave it behind
     * (cleanup.h removes IPC objects, not files).
     * The lesson keeps its file until step 8. */
    unlink(path);
    if (key == -1) { perror("ftok"); return 1; }
    /* IPC_EXCL: a segment someone else made
     * under the same key is not ours to remove */
    int shmid = shmget(key, 4096, IPC_CREAT | IPC_EXCL | 0600);
    if (shmid == -1) { perror("shmget"); return 1; }
    /* ours, cleanup.h: so any way out removes it */
    cleanup_on_exit(SHM_OBJECT, shmid);
    char *p = shmat(shmid, NULL, 0);
    if (p == (void *) -1) { perror("shmat"); return 1; }
    strcpy(p, "an example");

    char cmd[64];
    snprintf(cmd, sizeof cmd, "ipcs -m -i %d", shmid);
    fflush(stdout);
    /* ours, cleanup.h: system() that keeps Ctrl-C */
    if (run_shell(cmd) != 0) printf("(ipcs is not installed)\n");
    show(shmid);                            /* IPC_STAT: the ftok key */

    struct shmid_ds ds;
    /* IPC_SET: change only the mode */
    if (shmctl(shmid, IPC_STAT, &ds) == 0) {
        if (ds.shm_perm.__key != key) ok = 0;
        ds.shm_perm.mode = 0640;
        if (shmctl(shmid, IPC_SET, &ds) == -1) { perror("shmctl(IPC_SET)"); ok = 0; }
    }
    show(shmid);

    int locked = shmget(IPC_PRIVATE, 4096, 0400);
    if (locked == -1) { perror("shmget(0400)"); ok = 0; }
    else {
        /* ours, cleanup.h: so any way out removes it */
        cleanup_on_exit(SHM_OBJECT, locked);
        ok &= permissions(locked, shmid);
    }

    /* while attached: only marked, not removed */
    shmctl(shmid, IPC_RMID, NULL);
    /* freed at the last detach, an exit's too */
    cleanup_forget(SHM_OBJECT, shmid);
    show(shmid);                          /* dest, and key 0x00000000 */
    if (shmctl(shmid, IPC_STAT, &ds) == -1 || !(ds.shm_perm.mode & SHM_DEST) || ds.shm_perm.__key != 0) ok = 0;
    strcpy(p, "after IPC_RMID");
    printf("the mapping still works: %s\n", p);

    /* Linux only: whoever knows the shmid may still attach a
     * dest segment (other Unix systems refuse it) */
    char *again = shmat(shmid, NULL, 0);
    if (again == (void *) -1) { perror("shmat of a dest segment"); ok = 0; }
    else {
        strcpy(again, "dest, yet mapped");
        printf("written through %p, read through %p: %s\n", (void *) again, (void *) p, p);
        if (strcmp(p, "dest, yet mapped") != 0) ok = 0;
        show(shmid);                          /* nattch 2, still dest */
        if (shmctl(shmid, IPC_STAT, &ds) == -1 || ds.shm_nattch != 2 || !(ds.shm_perm.mode & SHM_DEST)) ok = 0;
        shmdt(again);              /* not the last: the segment stays */
        if (shmctl(shmid, IPC_STAT, &ds) == -1 || ds.shm_nattch != 1) ok = 0;
    }

    shmdt(p);                             /* the last detach frees it */
    fflush(stdout);
    run_shell("ipcs -m");                          /* its row is gone */
    int gone = shmctl(shmid, IPC_RMID, NULL);
    printf("shmctl(%d, IPC_RMID, NULL) after the last detach = %d (%s)\n", shmid, gone, strerror(errno));
    if (gone != -1 || errno != EINVAL) ok = 0;
    return ok ? 0 : 1;
}

/* The permission checks, in a child: as NOBODY when we are root,
 * whose CAP_IPC_OWNER would skip them. `locked` is mode 0400 and
 * the child's user owns it; `theirs` belongs to another user
 * (checked only as root: only root can become another user). */
static int permissions(int locked, int theirs)
{
    int root = geteuid() == 0;
    if (root) {
        struct shmid_ds ds;
        if (shmctl(locked, IPC_STAT, &ds) == -1) { perror("shmctl(IPC_STAT)"); return 0; }
        /* the child's user becomes the owner */
        ds.shm_perm.uid = NOBODY;
        ds.shm_perm.gid = NOBODY;
        if (shmctl(locked, IPC_SET, &ds) == -1) { perror("shmctl(IPC_SET)"); return 0; }
    }
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        if (root && (setgroups(0, NULL) == -1 || setgid(NOBODY) == -1 || setuid(NOBODY) == -1)) { perror("dropping to nobody"); _exit(1); }
        int ok = expect_errno("owner: shmat(0400 segment, NULL, 0)", (long) shmat(locked, NULL, 0), EACCES);
        /* the mode allows reading */
        char *ro = shmat(locked, NULL, SHM_RDONLY);
        printf("owner: shmat(0400 segment, NULL, SHM_RDONLY) = %p\n", (void *) ro);
        if (ro == (void *) -1 || shmdt(ro) == -1) ok = 0;
        /* the mode does not matter */
        int rm = shmctl(locked, IPC_RMID, NULL);
        printf("owner: shmctl(0400 segment, IPC_RMID, NULL) = %d\n", rm);
        if (rm == -1) ok = 0;
        if (root) ok &= expect_errno("uid 65534: shmat(another user's 0640 segment, NULL, 0)", (long) shmat(theirs, NULL, 0), EACCES);
        else printf("not root: no other user to try another user's segment as\n");
        fflush(stdout);
        _exit(ok ? 0 : 1);
    }
    int status = 0;
    waitpid(child, &status, 0);
    /* in case the child did not get there */
    shmctl(locked, IPC_RMID, NULL);
    /* ours, cleanup.h: gone, so no exit removes it again */
    cleanup_forget(SHM_OBJECT, locked);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}
