/* stamp.h — the line stamp of the C programs ipclab runs (inherit.c, and serv.c and
 * clnt.c through rv.h).
 *
 * Run by ipclab (IPCLAB_STAMP set), every line starts with "@MS#N " (CLOCK_MONOTONIC,
 * line N of both streams): stdout and stderr reach ipclab through separate pipes, and
 * the stamp lets its trace put each line where it happened, and N tells it which lines
 * are still in the other pipe. Run by hand, lines are as shown without it.
 */
#ifndef IPCLAB_STAMP_H
#define IPCLAB_STAMP_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Call before writing each line to `to` (stdout or stderr). */
static void stamp(FILE *to)
{
    if (!getenv("IPCLAB_STAMP")) return;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    static unsigned long line;
    fprintf(to, "@%.3f#%lu ", ts.tv_sec * 1e3 + ts.tv_nsec / 1e6, ++line);
}

#endif
