/* race.c — the race lesson in C: two processes add 1 to one int in a
 * shared segment N times each. Without a lock updates are lost
 * (load, add, store is three steps, and the other process can store
 * in between); with a semaphore around the increment the total is
 * exact; with an atomic add it is exact with no system call (compare
 * the time per increment: the semaphore round does N/50 increments).
 * On one CPU the two processes never run at the same moment, so a
 * 1 ms sleep between load and store forces the preemption. Exits
 * 0 when the semaphore and the atomic give the exact total.
 *
 *   cc -Wall -Wextra -O2 -o race race.c && ./race [N]
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* cleanup_on_exit(): removed on every
 * way out, Ctrl-C and `| head` too */
#include "cleanup.h"

union semun { int val; struct semid_ds *buf; unsigned short *array; };

enum lock { NONE, SEMAPHORE, ATOMIC };
static const char *const NAMES[] = { "none", "semaphore", "atomic" };

static void add(volatile int *counter, volatile int *started, int set, enum lock lock, long n, int one_cpu)
{
    struct sembuf p = { 0, -1, SEM_UNDO }, v = { 0, +1, SEM_UNDO };
    /* the start line: both loops run at once */
    __atomic_fetch_add(started, 1, __ATOMIC_SEQ_CST);
    while (*started < 2)
        ;
    for (long i = 0; i < n; i++) {
        switch (lock) {
        case NONE: {
            int x = *counter;                     /* load */
            /* let the other run in between */
            if (one_cpu && i % 1000 == 0) usleep(1000);
            *counter = x + 1;     /* store: may overwrite the other's */
            break;
        }
        case SEMAPHORE:
            semop(set, &p, 1);
            *counter += 1;
            semop(set, &v, 1);
            break;
        case ATOMIC:
            /* x86-64: lock add (the old value
             * unused; cc -O2 -S shows it) */
            __atomic_fetch_add(counter, 1, __ATOMIC_SEQ_CST);
            break;
        }
    }
}

static double ms_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (t.tv_sec - t0->tv_sec) * 1e3 + (t.tv_nsec - t0->tv_nsec) / 1e6;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 1000000;
    if (n < 50) { fprintf(stderr, "usage: race [N >= 50]\n"); return 2; }
    /* the semaphore round does fewer: how much slower
     * an add is depends on the CPUs and their load */
    const long counts[] = { n, n / 50, n };
    cpu_set_t cpus;
    int one_cpu = sched_getaffinity(0, sizeof cpus, &cpus) == 0 && CPU_COUNT(&cpus) < 2;
    if (one_cpu) printf("one CPU: the two processes take turns, so a 1 ms sleep between load and store forces the race\n");

    /* a page: the counter, then the start line */
    int shmid = shmget(IPC_PRIVATE, 4096, 0600);
    if (shmid == -1) { perror("shmget"); return 1; }
    /* ours, cleanup.h: so any way out removes it */
    cleanup_on_exit(SHM_OBJECT, shmid);
    volatile int *counter = shmat(shmid, NULL, 0);
    if (counter == (void *) -1) { perror("shmat"); return 1; }
    /* the next int: how many workers are ready */
    volatile int *started = counter + 1;
    int set = semget(IPC_PRIVATE, 1, 0600);
    if (set == -1) { perror("semget"); return 1; }
    /* ours, cleanup.h: so any way out removes it */
    cleanup_on_exit(SEM_OBJECT, set);
    semctl(set, 0, SETVAL, (union semun){ .val = 1 });
    printf("shmget(IPC_PRIVATE, 4096, 0600) = %d, semget(IPC_PRIVATE, 1, 0600) = %d\n", shmid, set);
    /* before the workers: a long run shows it at once */
    fflush(stdout);

    int ok = 1;
    for (enum lock lock = NONE; lock <= ATOMIC; lock++) {
        *counter = 0;
        *started = 0;
        struct timespec t0;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        pid_t kids[2];
        for (int k = 0; k < 2; k++) {
            kids[k] = fork();
            if (kids[k] == 0) { add(counter, started, set, lock, counts[lock], one_cpu); _exit(0); }
        }
        for (int k = 0; k < 2; k++) waitpid(kids[k], NULL, 0);
        double ms = ms_since(&t0);
        long lost = 2 * counts[lock] - *counter;
        printf("lock %-9s total %d of %ld: %ld lost, %.1f ms, %.0f ns per increment\n", NAMES[lock], *counter, 2 * counts[lock], lost, ms, ms * 1e6 / (2 * counts[lock]));
        if (lock != NONE && lost != 0) ok = 0;
    }
    shmdt((void *) counter);
    shmctl(shmid, IPC_RMID, NULL);
    semctl(set, 0, IPC_RMID);
    /* this tutorial's cleanup.h: gone, skip it at exit */
    cleanup_forget(SHM_OBJECT, shmid);
    /* this tutorial's cleanup.h: gone, skip it at exit */
    cleanup_forget(SEM_OBJECT, set);
    return ok ? 0 : 1;
}
