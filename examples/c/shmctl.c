/* shmctl.c — the shmctl lesson in C: IPC_STAT (every field, beside ipcs -m -i),
 * IPC_SET of the mode, IPC_RMID while attached (dest, key 0), freed at the last
 * shmdt, after which the id names nothing (EINVAL).
 *
 *   cc -Wall -Wextra -o shmctl shmctl.c && ./shmctl
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>

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

int main(void)
{
    int ok = 1;
    int shmid = shmget(IPC_PRIVATE, 4096, 0600);
    if (shmid == -1) { perror("shmget"); return 1; }
    char *p = shmat(shmid, NULL, 0);
    if (p == (void *) -1) { perror("shmat"); shmctl(shmid, IPC_RMID, NULL); return 1; }
    strcpy(p, "shmctl 示例");

    char cmd[64];
    snprintf(cmd, sizeof cmd, "ipcs -m -i %d", shmid);
    fflush(stdout);
    if (system(cmd) != 0) printf("(ipcs is not installed)\n");
    show(shmid);                                   /* IPC_STAT */

    struct shmid_ds ds;
    if (shmctl(shmid, IPC_STAT, &ds) == 0) {       /* IPC_SET: change only the mode */
        ds.shm_perm.mode = 0640;
        if (shmctl(shmid, IPC_SET, &ds) == -1) { perror("shmctl(IPC_SET)"); ok = 0; }
    }
    show(shmid);

    shmctl(shmid, IPC_RMID, NULL);                 /* while attached: only marked (E5) */
    show(shmid);
    if (shmctl(shmid, IPC_STAT, &ds) == -1 || !(ds.shm_perm.mode & SHM_DEST) || ds.shm_perm.__key != 0) ok = 0;
    strcpy(p, "after IPC_RMID 删除之后");
    printf("the mapping still works: %s\n", p);

    shmdt(p);                                      /* the last detach frees it */
    int gone = shmctl(shmid, IPC_RMID, NULL);
    printf("shmctl(%d, IPC_RMID, NULL) after the last detach = %d (%s)\n", shmid, gone, strerror(errno));
    if (gone != -1 || errno != EINVAL) ok = 0;
    return ok ? 0 : 1;
}
