/* cleanup.h — what a program made is removed on every way out a
 * learner can cause, as ipclab removes what a lesson made:
 *   - its return from main or exit(), a failing call's early return
 *     too (atexit);
 *   - Ctrl-C and kill (SIGINT, SIGTERM, SIGHUP): a handler removes,
 *     then the signal ends the program as it would have (the shell
 *     sees 130, 143, 129);
 *   - Ctrl-C while a command runs: system() ignores SIGINT in the
 *     caller while it waits, so the signal would be lost;
 *     run_shell() runs the command without that;
 *   - a closed output (`./msg | head`): SIGPIPE would end the program
 *     before it removes anything, so it is ignored; a write then
 *     fails with EPIPE and the program runs on to its own removal.
 * Only the process that made an object removes it: a forked child
 * that exits or is killed leaves its parent's.
 * cleanup_on_exit, cleanup_forget and run_shell are ours
 * (this header's), not libc calls.
 *
 *   int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
 *   cleanup_on_exit(MSG_OBJECT, q);  (its first call sets the handlers)
 *   ...
 *   msgctl(q, IPC_RMID, NULL);
 *   cleanup_forget(MSG_OBJECT, q);   (its id may be reused from now on)
 */
#ifndef IPCLAB_CLEANUP_H
#define IPCLAB_CLEANUP_H

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

enum object_kind { SHM_OBJECT, MSG_OBJECT, SEM_OBJECT };

#define CLEANUP_MAX 8
static struct { enum object_kind kind; int id; } cleanup_ids[CLEANUP_MAX];
static volatile sig_atomic_t cleanup_count;
static pid_t cleanup_maker;

/* Only system calls: safe in a signal handler. */
static void cleanup_remove_all(void)
{
    if (getpid() != cleanup_maker) return;
    for (int i = cleanup_count; i-- > 0;) {
        int id = cleanup_ids[i].id;
        if (cleanup_ids[i].kind == SHM_OBJECT) shmctl(id, IPC_RMID, NULL);
        else if (cleanup_ids[i].kind == MSG_OBJECT) msgctl(id, IPC_RMID, NULL);
        else semctl(id, 0, IPC_RMID);
    }
    cleanup_count = 0;
}

static void cleanup_on_signal(int sig)
{
    cleanup_remove_all();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* ours (cleanup.h), not a libc call:
 * `id` is removed on every way out;
 * -1 (a failed get) is not an object */
static void cleanup_on_exit(enum object_kind kind, int id)
{
    if (cleanup_maker == 0) {
        cleanup_maker = getpid();
        signal(SIGPIPE, SIG_IGN);
        struct sigaction sa = { .sa_handler = cleanup_on_signal };
        sigemptyset(&sa.sa_mask);
        sigaddset(&sa.sa_mask, SIGINT);
        sigaddset(&sa.sa_mask, SIGTERM);
        sigaddset(&sa.sa_mask, SIGHUP);
        sigaction(SIGINT, &sa, NULL);
        sigaction(SIGTERM, &sa, NULL);
        sigaction(SIGHUP, &sa, NULL);
        atexit(cleanup_remove_all);
    }
    if (id == -1 || cleanup_count == CLEANUP_MAX) return;
    cleanup_ids[cleanup_count].kind = kind;
    cleanup_ids[cleanup_count].id = id;
    cleanup_count++;
}

/* ours (cleanup.h), not a libc call:
 * The program removed `id` itself (or another
 * process did): no longer its to remove. */
static void cleanup_forget(enum object_kind kind, int id)
{
    for (int i = 0; i < cleanup_count; i++)
        if (cleanup_ids[i].kind == kind && cleanup_ids[i].id == id) {
            cleanup_ids[i] = cleanup_ids[cleanup_count - 1];
            cleanup_count--;
            return;
        }
}

/* ours (cleanup.h), not a libc call:
 * system(cmd), but Ctrl-C while it runs reaches
 * the program's handler too: the wait status of
 * `sh -c cmd`, or -1 when it could not be started */
static inline int run_shell(const char *cmd)
{
    pid_t pid = fork();
    if (pid == 0) {
        signal(SIGPIPE, SIG_DFL);      /* the command's own, not ours */
        execl("/bin/sh", "sh", "-c", cmd, (char *) NULL);
        _exit(127);
    }
    int status = -1;
    if (pid > 0)
        while (waitpid(pid, &status, 0) == -1)
            if (errno != EINTR) return -1;
    return status;
}

#endif
