/* pingpong.c — the C side of `npm run bench`'s round trip (bench/pingpong.ts): the
 * exchange of examples/c/communicate_with_child.c one way, timed, without its trace.
 * The parent writes "ping" into an IPC_PRIVATE segment and sends SIGUSR1; the forked
 * child reads it and answers SIGUSR2. Kept apart so that the lesson's C pane shows
 * only the exchange.
 *
 *   cc -Wall -Wextra -O2 -o pingpong bench/pingpong.c && ./pingpong ROUNDS
 *   prints "ROUNDS round trips, MICROS us each"
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define WAIT_MS 5000 /* a peer silent this long is taken for gone */

/* 0 when `want` came; -1 on a signal that ends us (Ctrl-C: clean up all the same) or after WAIT_MS */
static int wait_for(int want)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, want);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    struct timespec ts = { WAIT_MS / 1000, (WAIT_MS % 1000) * 1000000L };
    for (;;) {
        int sig = sigtimedwait(&set, NULL, &ts);
        if (sig == want) return 0;
        if (sig > 0 || errno != EINTR) return -1;
    }
}

int main(int argc, char **argv)
{
    int rounds = argc == 2 ? atoi(argv[1]) : 0;
    if (rounds <= 0) { fprintf(stderr, "usage: pingpong ROUNDS (a number of round trips above 0)\n"); return 2; }

    /* blocked before fork: a signal sent before its peer waits stays pending */
    sigset_t blocked;
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGUSR1);
    sigaddset(&blocked, SIGUSR2);
    sigaddset(&blocked, SIGINT);
    sigaddset(&blocked, SIGTERM);
    sigaddset(&blocked, SIGHUP);
    sigprocmask(SIG_BLOCK, &blocked, NULL);

    int id = shmget(IPC_PRIVATE, 4096, 0600);
    if (id == -1) { perror("shmget"); return 1; }
    pid_t parent = getpid();
    pid_t child = fork();
    if (child == 0) {
        char *seg = shmat(id, NULL, 0);
        if (seg == (void *)-1) _exit(1);
        for (int i = 0; i < rounds; i++) {
            if (wait_for(SIGUSR1) != 0 || strcmp(seg, "ping") != 0) _exit(1);
            kill(parent, SIGUSR2);
        }
        shmdt(seg);
        _exit(0);
    }
    char *seg = child > 0 ? shmat(id, NULL, 0) : (void *)-1;
    int ok = seg != (void *)-1;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; ok && i < rounds; i++) {
        strcpy(seg, "ping");
        kill(child, SIGUSR1);
        ok = wait_for(SIGUSR2) == 0;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (!ok && child > 0) kill(child, SIGKILL); /* it blocks the ending signals, as we do */
    int ws = 0;
    if (child > 0) waitpid(child, &ws, 0);
    if (seg != (void *)-1) shmdt(seg);
    if (shmctl(id, IPC_RMID, NULL) != 0) { perror("shmctl IPC_RMID"); ok = 0; }
    if (!ok || child < 0 || !WIFEXITED(ws) || WEXITSTATUS(ws) != 0) { fprintf(stderr, "pingpong: the exchange failed\n"); return 1; }
    double us = ((t1.tv_sec - t0.tv_sec) * 1e6 + (t1.tv_nsec - t0.tv_nsec) / 1e3) / rounds;
    printf("%d round trips, %.2f us each\n", rounds, us);
    return 0;
}
