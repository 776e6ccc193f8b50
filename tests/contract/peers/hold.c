/* hold: makes segments of several kinds for the `ipcs --json` comparison, prints their
 * shmids on one line, and removes them when stdin reaches its end. */
#include "rvpeer.h"

int main(void) {
    int plain = shmget(IPC_PRIVATE, 4096, 0600);
    int odd = shmget(IPC_PRIVATE, 100000, 0640);      /* odd size, group may read */
    int dest = shmget(IPC_PRIVATE, 8192, 0600);       /* attached twice, then marked dest */
    int locked = shmget(IPC_PRIVATE, 4096, 0444);     /* SHM_LOCK (needs privilege; else plain) */
    if (plain < 0 || odd < 0 || dest < 0 || locked < 0) { perror("hold: shmget"); return 1; }
    void *a = shmat(dest, NULL, 0), *b = shmat(dest, NULL, SHM_RDONLY);
    shmctl(dest, IPC_RMID, NULL);
    shmctl(locked, SHM_LOCK, NULL);
    void *c = shmat(odd, NULL, 0);
    shmdt(c);
    printf("%d %d %d %d\n", plain, odd, dest, locked);
    fflush(stdout);
    char buf[64];
    while (read(0, buf, sizeof buf) > 0) {}
    shmdt(a); shmdt(b);
    shmctl(plain, IPC_RMID, NULL); shmctl(odd, IPC_RMID, NULL); shmctl(locked, IPC_RMID, NULL);
    return 0;
}
