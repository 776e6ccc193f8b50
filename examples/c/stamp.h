/* stamp.h — the line stamp of the C programs ipclab
 * runs (inherit.c, and serv.c and clnt.c through rv.h).
 *
 * Run by ipclab (IPCLAB_STAMP set), every line starts with "@MS#N "
 * (CLOCK_MONOTONIC, line N of both streams): stdout and stderr reach
 * ipclab through separate pipes, and the stamp lets its trace put
 * each line where it happened, and N tells it which lines are still
 * in the other pipe. Run by hand, lines are as shown without it.
 *
 * Its functions, ours and not libc's; serv.c and clnt.c call them
 * with no comment at each call:
 * stamp_ms(): milliseconds on a clock that only goes forward
 * stamp_now(): note the time right before an action
 * stamp(): write "@MS#N " before a line, when ipclab runs us
 */
#ifndef IPCLAB_STAMP_H
#define IPCLAB_STAMP_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double stamp_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The time the next line's action started: a line is printed
 * after its action (a kill, a store the peer polls), and the
 * peer may print what it caused first; stamped with the
 * start, the trace never shows an effect before its cause. */
static double stamp_start;

/* Call right before an action whose line follows. */
static inline void stamp_now(void)
{
    stamp_start = stamp_ms();
}

/* Call before writing each line to `to` (stdout or stderr). */
static void stamp(FILE *to)
{
    if (!getenv("IPCLAB_STAMP")) return;
    static unsigned long line;
    double ms = stamp_start > 0 ? stamp_start : stamp_ms();
    stamp_start = 0;
    fprintf(to, "@%.3f#%lu ", ms, ++line);
}

#endif
