/* mkseg PATH SIZE MAGIC SERVER_PID: leaves a segment at ftok(PATH, 'S') as a crashed or
 * foreign program would (mode 0600, every byte 0xAB, then the header when SIZE >= 32).
 * MAGIC in hex; SERVER_PID -1 means a pid that has just exited. Prints "SHMID PID". */
#include "rvpeer.h"

int main(int argc, char **argv) {
    if (argc != 5) { fprintf(stderr, "usage: mkseg PATH SIZE MAGIC SERVER_PID\n"); return 2; }
    int fd = open(argv[1], O_CREAT | O_RDONLY, 0600);
    if (fd >= 0) close(fd);
    int size = atoi(argv[2]);
    int id = shmget(ftok(argv[1], 'S'), size, IPC_CREAT | IPC_EXCL | 0600);
    if (id == -1) { perror("mkseg: shmget"); return 1; }
    unsigned char *p = shmat(id, NULL, 0);
    if (p == (void *)-1) { perror("mkseg: shmat"); shmctl(id, IPC_RMID, NULL); return 1; }
    memset(p, 0xAB, size);
    pid_t pid = atoi(argv[4]);
    if (pid == -1) { pid = fork(); if (pid == 0) _exit(0); waitpid(pid, NULL, 0); }
    if (size >= 32) {
        struct rv *r = (struct rv *)p;
        memset(r, 0, 32);
        r->server_pid = pid;
        r->magic = (uint32_t)strtoul(argv[3], NULL, 16);
    }
    shmdt(p);
    printf("%d %d\n", id, (int)pid);
    return 0;
}
