/* ftok.c — the ftok lesson in C: a key from a file's inode and
 * device; shmget by that key without IPC_CREAT, with it, with
 * IPC_EXCL too, and again to find the segment (IPC_CREAT alone,
 * size 0, a smaller size, a larger one); the keys of ids 'A' and
 * 'A' + 256, and of the file replaced.
 *
 *   cc -Wall -Wextra -o ftok ftok.c && ./ftok
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <unistd.h>

/* cleanup_on_exit(): removed on every
 * way out, Ctrl-C and `| head` too */
#include "cleanup.h"

static int touch(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    return fd == -1 ? -1 : close(fd);
}

static int expect(const char *what, int ret, int err)
{
    int good = ret == -1 && errno == err;
    printf("%s = %d (%s)%s\n", what, ret, ret == -1 ? strerror(errno) : "ok", good ? "" : "  <- unexpected");
    return good;
}

int main(void)
{
    const char *tmp = getenv("TMPDIR");
    char dir[4096], path[4112], fresh[4120], linked[4112], missing[4112];
    snprintf(dir, sizeof dir, "%s/ipclab-ftok-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    /* a private folder, 0700 */
    if (!mkdtemp(dir)) { perror("mkdtemp"); return 1; }
    snprintf(path, sizeof path, "%s/rendezvous", dir);
    snprintf(fresh, sizeof fresh, "%s.new", path);
    snprintf(missing, sizeof missing, "%s/no-such-file", dir);
    snprintf(linked, sizeof linked, "%s/another-name", dir);
    int ok = touch(path) == 0, shmid = -1;

    key_t key = ftok(path, 'S');
    struct stat st;
    stat(path, &st);
    key_t byhand = (key_t) (('S' & 0xff) << 24 | (st.st_dev & 0xff) << 16 | (st.st_ino & 0xffff));
    printf("ftok(\"%s\", 'S') = 0x%08x, by hand 0x%08x\n", path, (unsigned) key, (unsigned) byhand);
    if (key == -1 || key != byhand || ftok(path, 'S') != key || ftok(path, 'T') == key) ok = 0;
    /* a hard link is one inode under another name: the same key */
    if (link(path, linked) != 0 || ftok(linked, 'S') != key) ok = 0;
    /* only the id's low 8 bits are kept:
     * 'A' and 'A' + 256 give one key */
    key_t a = ftok(path, 'A'), wrapped = ftok(path, 'A' + 256);
    printf("ftok(path, 'A') = 0x%08x, ftok(path, 'A' + 256) = 0x%08x\n", (unsigned) a, (unsigned) wrapped);
    if (a == -1 || a != wrapped) ok = 0;

    /* no IPC_CREAT: ENOENT while no segment has the key */
    ok &= expect("shmget(key, 4096, 0600)", shmget(key, 4096, 0600), ENOENT);
    /* IPC_CREAT, no final E: IPC_CREATE does not compile */
    shmid = shmget(key, 4096, IPC_CREAT | 0600);
    printf("shmget(key, 4096, IPC_CREAT|0600) = %d\n", shmid);
    if (shmid == -1) { ok = 0; goto out; }
    /* ours, cleanup.h: so any way out removes it */
    cleanup_on_exit(SHM_OBJECT, shmid);
    ok &= expect("shmget(key, 4096, IPC_CREAT|IPC_EXCL|0600)", shmget(key, 4096, IPC_CREAT | IPC_EXCL | 0600), EEXIST);
    /* IPC_CREAT alone opens what exists */
    int same = shmget(key, 4096, IPC_CREAT | 0600);
    /* how an unrelated program finds it */
    int again = shmget(key, 0, 0);
    int smaller = shmget(key, 100, 0);  /* a size below the segment's */
    printf("shmget(key, 4096, IPC_CREAT|0600) = %d, shmget(key, 0, 0) = %d, shmget(key, 100, 0) = %d\n", same, again, smaller);
    if (same != shmid || again != shmid || smaller != shmid) ok = 0;
    ok &= expect("shmget(key, 8192, 0)", shmget(key, 8192, 0), EINVAL);

    /* replace the file as an editor does: the
     * inode changes, and the key with it */
    if (touch(fresh) == 0 && rename(fresh, path) == 0) {
        key_t now = ftok(path, 'S');
        printf("after replacing the file: ftok = 0x%08x (was 0x%08x)\n", (unsigned) now, (unsigned) key);
        if (now != key) ok &= expect("shmget(new key, 0, 0)", shmget(now, 0, 0), ENOENT);
    } else {
        unlink(fresh); /* not renamed: the rename took it otherwise */
    }
    ok &= expect("ftok(missing path, 'S')", ftok(missing, 'S'), ENOENT);

out:
    if (shmid != -1) shmctl(shmid, IPC_RMID, NULL);
    /* ours, cleanup.h: gone, so no exit removes it again */
    cleanup_forget(SHM_OBJECT, shmid);
    unlink(path);
    unlink(linked);
    /* ipclab's lesson also unlinks typo.c here,
     * the file its step 4 hands the compiler */
    rmdir(dir);
    return ok ? 0 : 1;
}
