/* An independent peer of ipclab's rendezvous (docs/PROTOCOL.md, "The rendezvous
 * segment"), written from the text alone, the way an outside C programmer would.
 * The contract tests run it against `ipclab serv` and `ipclab clnt`. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define RV_MAGIC 0x4C425631u
#define RV_MAX 4063
struct rv {
    uint32_t magic; int32_t server_pid; int32_t client_pid; uint32_t seq;
    uint32_t ack; uint32_t len; uint32_t flags; uint32_t reserved; char data[4064];
};
_Static_assert(sizeof(struct rv) == 4096, "struct ipclab_rv is 4096 bytes");

static inline double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }
static inline uint32_t ld(volatile uint32_t *p) { return __atomic_load_n(p, __ATOMIC_ACQUIRE); }
static inline int32_t ldi(volatile int32_t *p) { return __atomic_load_n(p, __ATOMIC_ACQUIRE); }
static inline void st(volatile uint32_t *p, uint32_t v) { __atomic_store_n(p, v, __ATOMIC_RELEASE); }
static inline void sti(volatile int32_t *p, int32_t v) { __atomic_store_n(p, v, __ATOMIC_RELEASE); }

/* gone: kill(pid, 0) gives ESRCH, or /proc says zombie */
static inline int gone(pid_t pid) {
    if (pid <= 0) return 1;
    if (kill(pid, 0) == -1 && errno == ESRCH) return 1;
    char p[64], buf[512]; snprintf(p, sizeof p, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(p, "r"); if (!f) return 0;
    size_t n = fread(buf, 1, sizeof buf - 1, f); fclose(f); buf[n] = 0;
    char *r = strrchr(buf, ')'); return r && r[1] == ' ' && r[2] == 'Z';
}
/* SIGUSR2 stays blocked; a wait takes it with sigtimedwait: a wake-up, nothing more */
static inline void block_usr2(void) { sigset_t s; sigemptyset(&s); sigaddset(&s, SIGUSR2); sigprocmask(SIG_BLOCK, &s, NULL); }
static inline void nap(double sec) {
    sigset_t s; sigemptyset(&s); sigaddset(&s, SIGUSR2);
    struct timespec t = { (time_t)sec, (long)((sec - (time_t)sec) * 1e9) };
    sigtimedwait(&s, NULL, &t);
}
/* a pause that ends early, returning 1, when the peer is gone */
static inline int pause_for(int ms, pid_t peer) {
    for (double end = now() + ms / 1000.0; now() < end;) {
        if (gone(peer)) return 1;
        nap(0.01);
    }
    return 0;
}
static inline void sleep_ms(int ms) { struct timespec t = { ms / 1000, (ms % 1000) * 1000000L }; while (nanosleep(&t, &t) == -1 && errno == EINTR) {} }
