/* rv.h — the ipclab rendezvous segment, shared by serv.c and clnt.c.
 *
 * Two unrelated processes meet through ftok(PATH, 'S'). The segment
 * is 4096 bytes, mode 0600, native byte order. The fields are the
 * truth; SIGUSR2 only wakes the peer (pending signals of one kind
 * merge, and kill() sends no data), so every wait re-reads the fields.
 *
 * Its functions, ours and not libc's; serv.c and clnt.c call them
 * with no comment at each call:
 * say(): one line of the trace on stderr, "[role pid] ..."
 * fail(): one line saying what went wrong, then clean up and exit 1
 * err_text(): "-1 ENOENT (...)", the last failed call's error
 * ret_text(): a call's result, its number or err_text()
 * now_ms(): milliseconds on a clock that only goes forward
 * peer_gone(): has the other process ended?
 * wait_signal(): wait for a blocked signal, at most some ms
 * rv_block_signals(): block SIGUSR2 and the signals that end us
 * pause_once(): one wait, for SIGUSR2 or the 100 ms poll
 * rv_default_path(): where the rendezvous file is
 * parse_timeout(): the seconds of --timeout, in ms
 */
#ifndef IPCLAB_RV_H
#define IPCLAB_RV_H

#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* "LBV1" in ASCII; bytes in memory: 31 56 42 4c */
#define RV_MAGIC 0x4C425631u
#define RV_SIZE 4096
/* text bytes; data[] always ends with a NUL */
#define RV_DATA_MAX 4063
#define RV_LAST 1u           /* flags bit 0: the last message */
/* re-read the fields and check the peer this often */
#define RV_POLL_MS 100

#include <stdarg.h>

struct ipclab_rv {        /* offset */
    uint32_t magic;       /*  0  written LAST by the server: "ready" */
    int32_t  server_pid;  /*  4  written by the server before magic */
    int32_t  client_pid;  /*  8  claimed by the client: 0 -> its pid,
                                 by compare-and-swap */
    uint32_t seq;         /* 12  number of the message in data,
                                 1-based, 0 = none */
    uint32_t ack;         /* 16  number of the last message the
                                 client consumed */
    uint32_t len;         /* 20  UTF-8 bytes in data, at most 4063 */
    uint32_t flags;       /* 24  bit 0: last message; other bits 0,
                                 ignored */
    uint32_t reserved;    /* 28  0 */
    char     data[4064];  /* 32  text, always NUL-terminated */
};
_Static_assert(sizeof(struct ipclab_rv) == RV_SIZE, "struct ipclab_rv must be 4096 bytes");

/* Another process writes these fields: read and write them with
 * LOAD and STORE, so the compiler re-reads them on every turn and
 * the stores become visible in order (data before seq, ack after
 * reading data). */
#define LOAD(field) __atomic_load_n(&(field), __ATOMIC_SEQ_CST)
#define STORE(field, v) __atomic_store_n(&(field), (v), __ATOMIC_SEQ_CST)

/* Every call and what it returned goes to stderr as "[role pid]
 * call = result"; stdout is kept for the messages themselves. */
static const char *rv_role = "?";

/* stamp(): "@MS#N " before each line when
 * ipclab runs it; by hand, lines are as above */
#include "stamp.h"

__attribute__((format(printf, 1, 2)))
static void say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    /* ours, stamp.h: a time for ipclab's trace */
    stamp(stderr);
    fprintf(stderr, "[%s %d] ", rv_role, (int)getpid());
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

/* " = -1 ENOENT (No such file or
 * directory)" for the last failed call */
static const char *err_text(void)
{
    static char buf[160];
    snprintf(buf, sizeof buf, "-1 %s (%s)", strerrorname_np(errno) ? strerrorname_np(errno) : "?", strerror(errno));
    return buf;
}

/* "32769" for a call that worked, else the errno text above */
static const char *ret_text(long r)
{
    static char buf[32];
    if (r == -1) return err_text();
    snprintf(buf, sizeof buf, "%ld", r);
    return buf;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* A peer is gone when kill(pid, 0) says ESRCH
 * (EPERM means alive) or the kernel lists it as
 * a zombie (dead, not yet reaped by its parent). */
static int peer_gone(pid_t pid)
{
    if (pid <= 0) return 1;
    if (kill(pid, 0) == -1 && errno == ESRCH) return 1;
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f) return 0; /* no /proc: trust kill() */
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    /* the name may hold spaces and ')' */
    char *paren = strrchr(buf, ')');
    return paren && paren[1] == ' ' && (paren[2] == 'Z' || paren[2] == 'X');
}

/* Wait for one signal of `set` (all blocked)
 * for at most ms milliseconds. Returns the
 * signal number, or 0 when the time ran out. */
static int wait_signal(const sigset_t *set, double ms)
{
    if (ms < 0) ms = 0;
    struct timespec ts = { (time_t)(ms / 1000), (long)((ms - (time_t)(ms / 1000) * 1000) * 1e6) };
    for (;;) {
        int sig = sigtimedwait(set, NULL, &ts);
        if (sig > 0) return sig;
        if (errno == EAGAIN) return 0;
        if (errno != EINTR) { perror("sigtimedwait"); exit(1); }
    }
}

/* What the program undoes on every way out; serv.c
 * and clnt.c each define it (the client detaches,
 * the server detaches and removes the segment). */
static void cleanup(void);

/* One clear line ("serv: ..." or "clnt:
 * ..."), then clean up and exit 1. */
__attribute__((format(printf, 1, 2), noreturn))
static void fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", rv_role);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    cleanup();
    exit(1);
}

/* SIGUSR2 and the signals that end us:
 * blocked, taken only by sigtimedwait. */
static sigset_t rv_waitset;

/* Block them before the peer can know our pid (it may
 * signal at once). SIGPIPE is ignored: a closed stdout
 * or stderr is reported, and must not skip the cleanup. */
static void rv_block_signals(void)
{
    sigemptyset(&rv_waitset);
    sigaddset(&rv_waitset, SIGUSR2);
    sigaddset(&rv_waitset, SIGINT);
    sigaddset(&rv_waitset, SIGTERM);
    sigaddset(&rv_waitset, SIGHUP);
    sigprocmask(SIG_BLOCK, &rv_waitset, NULL);
    signal(SIGPIPE, SIG_IGN);
}

/* One wait: SIGUSR2 or the poll interval; a terminating
 * signal cleans up and exits. Returns how it ended, for the
 * line that follows the wait: a poll may see the peer's store
 * before the peer's kill(), whose line then comes after it. */
static const char *pause_once(double remaining)
{
    int sig = wait_signal(&rv_waitset, remaining < RV_POLL_MS ? remaining : RV_POLL_MS);
    if (sig && sig != SIGUSR2) {
        say("got SIG%s: cleaning up", sigabbrev_np(sig));
        cleanup();
        exit(128 + sig);
    }
    return sig ? " (woken by SIGUSR2)" : " (seen at its 100 ms poll)";
}

/* no wait needed */
#define RV_SEEN_AT_ONCE " (already set when it looked: no wait)"

/* The rendezvous file: --path, else $XDG_RUNTIME_DIR/ipclab/rendezvous,
 * else ${TMPDIR:-/tmp}/ipclab-<uid>/rendezvous. */
static void rv_default_path(char *out, size_t size)
{
    const char *run = getenv("XDG_RUNTIME_DIR");
    const char *tmp = getenv("TMPDIR");
    if (run && *run)
        snprintf(out, size, "%s/ipclab/rendezvous", run);
    else
        snprintf(out, size, "%s/ipclab-%u/rendezvous", tmp && *tmp ? tmp : "/tmp", (unsigned)getuid());
}

/* --timeout S: a number of seconds above 0, fractions allowed. */
static double parse_timeout(const char *text)
{
    char *end;
    double s = strtod(text, &end);
    if (*text == '\0' || *end != '\0' || !(s > 0)) {
        fprintf(stderr, "--timeout takes a number of seconds above 0, not '%s'\n", text);
        exit(2);
    }
    return s * 1000;
}

#endif
