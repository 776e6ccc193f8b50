/* serv.c — the server side of the ipclab rendezvous; the
 * segment it shares is rv.h's struct ipclab_rv (f pages to rv.h).
 * The protocol in full, step by step, is docs/PROTOCOL.md in
 * ipclab's source checkout (an installed ipclab has no docs/).
 *
 *   cc -Wall -Wextra -O2 -o serv serv.c
 *   ./serv [--path P] [--timeout S] [--message TEXT]...
 *
 * Without --message it reads stdin to the end and sends each
 * line. It creates the segment, writes its pid and then the
 * magic, waits for a client to claim client_pid, then per message
 * writes data, len, flags, seq and sends SIGUSR2, waiting for ack
 * == seq. It removes the segment on every way out.
 */
#include "rv.h"

#include <fcntl.h>
#include <stddef.h>
#include <getopt.h>
#include <sys/ipc.h>
#include <sys/shm.h>

static int shmid = -1;     /* the segment we created, removed on exit */
static struct ipclab_rv *rv = NULL;    /* our attachment */

/* The server's way out (rv.h's fail and pause_once,
 * and the end of main): detach, then remove. */
static void cleanup(void)
{
    if (rv) {
        int r = shmdt(rv);
        say("shmdt(%p) = %s", (void *)rv, ret_text(r));
        rv = NULL;
    }
    if (shmid >= 0) {
        int r = shmctl(shmid, IPC_RMID, NULL);
        say("shmctl(%d, IPC_RMID, NULL) = %s", shmid, ret_text(r));
        shmid = -1;
    }
}

/* Messages: the --message arguments, else the
 * lines of stdin (without "\n" or "\r\n"). */
static char **read_lines(int *count)
{
    size_t cap = 1 << 16, len = 0;
    char *all = malloc(cap);
    size_t n;
    while (all && (n = fread(all + len, 1, cap - len, stdin)) > 0) {
        len += n;
        if (len == cap) all = realloc(all, cap *= 2);
    }
    if (!all) { perror("serv: reading stdin"); exit(1); }
    char **lines = malloc(sizeof(char *) * (len + 1));
    int k = 0;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && all[i] != '\n') continue;
        /* no text after the last newline */
        if (i == len && start == len) break;
        size_t end = i;
        if (end > start && all[end - 1] == '\r' && i < len) end--;
        for (size_t j = start; j < end; j++)
            if (all[j] == '\0') { fprintf(stderr, "serv: line %d holds a NUL byte; messages are text, one per line\n", k + 1); exit(2); }
        all[end] = '\0';
        lines[k++] = all + start;
        start = i + 1;
    }
    *count = k;
    return lines;
}

/* The rendezvous file must exist: create it (0600),
 * and for the default path its folder (0700). */
static void ensure_file(const char *path, int is_default)
{
    if (is_default) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s", path);
        *strrchr(dir, '/') = '\0';
        if (mkdir(dir, 0700) == 0) say("mkdir(\"%s\", 0700) = 0", dir);
        else if (errno != EEXIST) fail("cannot make the folder %s: %s", dir, strerror(errno));
        /* in a shared /tmp, a folder someone else
         * made first could hand them our key's file */
        struct stat st;
        if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid())
            fail("%s is not a folder of yours; remove it or give --path", dir);
    }
    /* open needs an access mode: O_WRONLY; nothing is
     * written, ftok only needs the file to exist */
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd >= 0) {
        say("open(\"%s\", O_CREAT|O_EXCL, 0600) = %d (the rendezvous file)", path, fd);
        close(fd);
    } else if (errno != EEXIST) {
        fail("cannot create %s: %s", path, strerror(errno));
    }
}

/* The key is taken. Refuse (exit 1) unless it is a
 * stale ipclab segment of ours, which is removed so
 * the caller can create a fresh one. Writes nothing. */
static void inspect_existing(key_t key)
{
    int id = shmget(key, 0, 0);
    say("shmget(0x%08x, 0, 0) = %s", (unsigned)key, ret_text(id));
    if (id < 0) {
        if (errno == ENOENT) return; /* removed meanwhile: try again */
        fail("the segment at key 0x%08x is not ours to use: %s", (unsigned)key, strerror(errno));
    }
    struct shmid_ds ds;
    if (shmctl(id, IPC_STAT, &ds) < 0) fail("cannot inspect the segment %d: %s", id, strerror(errno));
    if (ds.shm_segsz < RV_SIZE)
        fail("the segment %d at this key is not an ipclab one (%zu bytes, needs 4096); left alone", id, (size_t)ds.shm_segsz);
    struct ipclab_rv *peek = shmat(id, NULL, SHM_RDONLY);
    if (peek == (void *)-1) fail("cannot look into the segment %d: %s", id, strerror(errno));
    uint32_t magic = LOAD(peek->magic);
    pid_t owner = LOAD(peek->server_pid);
    shmdt(peek);
    if (magic != RV_MAGIC) {
        if (magic == 0 && !peer_gone(ds.shm_cpid))
            fail("the segment %d at this key is being set up by pid %d; try again", id, (int)ds.shm_cpid);
        fail("the segment %d at this key is not an ipclab one (magic 0x%08x); left alone", id, magic);
    }
    if (!peer_gone(owner)) fail("a server is already running on this path: pid %d (segment %d)", (int)owner, id);
    if (ds.shm_perm.cuid != getuid())
        fail("the stale ipclab segment %d at this key was made by uid %u, not us; left alone", id, (unsigned)ds.shm_perm.cuid);
    int r = shmctl(id, IPC_RMID, NULL);
    say("shmctl(%d, IPC_RMID, NULL) = %s (taking over: stale segment of server pid %d, which is gone)", id, ret_text(r), (int)owner);
}

int main(int argc, char **argv)
{
    rv_role = "serv";
    const char *path = NULL;
    double timeout = 30000;
    char **messages = malloc(sizeof(char *) * (size_t)argc);
    int count = 0;
    static const struct option opts[] = {
        { "path", required_argument, 0, 'p' },
        { "timeout", required_argument, 0, 't' },
        { "message", required_argument, 0, 'm' },
        { 0, 0, 0, 0 },
    };
    for (int c; (c = getopt_long(argc, argv, "p:t:m:", opts, NULL)) != -1;) {
        if (c == 'p') path = optarg;
        else if (c == 't') timeout = parse_timeout(optarg);
        else if (c == 'm') messages[count++] = optarg;
        else { fprintf(stderr, "usage: serv [--path P] [--timeout S] [--message TEXT]...\n"); return 2; }
    }
    if (optind < argc) { fprintf(stderr, "serv: unexpected argument '%s'\n", argv[optind]); return 2; }
    if (count == 0) messages = read_lines(&count);
    if (count == 0) { fprintf(stderr, "serv: no messages to send (give --message TEXT or lines on stdin)\n"); return 2; }
    for (int i = 0; i < count; i++) {
        if (strlen(messages[i]) > RV_DATA_MAX) {
            fprintf(stderr, "serv: message %d has %zu bytes; at most %d fit\n", i + 1, strlen(messages[i]), RV_DATA_MAX);
            return 2;
        }
        if (strchr(messages[i], '\n')) { fprintf(stderr, "serv: message %d holds a newline; send one line per message\n", i + 1); return 2; }
    }

    /* From here on SIGUSR2 and the ending
     * signals are taken only by sigtimedwait. */
    rv_block_signals();
    double deadline = now_ms() + timeout;

    char fallback[4096];
    if (!path) rv_default_path(fallback, sizeof fallback);
    ensure_file(path ? path : fallback, path == NULL);
    if (!path) path = fallback;
    key_t key = ftok(path, 'S');
    if (key == -1) { say("ftok(\"%s\", 'S') = %s", path, err_text()); fail("cannot make a key from %s", path); }
    say("ftok(\"%s\", 'S') = 0x%08x", path, (unsigned)key);

    for (int attempt = 0; shmid < 0; attempt++) {
        shmid = shmget(key, RV_SIZE, IPC_CREAT | IPC_EXCL | 0600);
        if (shmid >= 0) { say("shmget(0x%08x, 4096, IPC_CREAT|IPC_EXCL|0600) = %d", (unsigned)key, shmid); break; }
        say("shmget(0x%08x, 4096, IPC_CREAT|IPC_EXCL|0600) = %s", (unsigned)key, err_text());
        if (errno != EEXIST || attempt == 3) fail("cannot create the segment: %s", strerror(errno));
        inspect_existing(key);
    }
    rv = shmat(shmid, NULL, 0);
    if (rv == (void *)-1) { rv = NULL; say("shmat(%d, NULL, 0) = (void *) -1 %s", shmid, err_text()); fail("cannot attach the segment %d", shmid); }
    say("shmat(%d, NULL, 0) = %p", shmid, (void *)rv);

    memset(rv, 0, offsetof(struct ipclab_rv, data));
    /* as ipclab's server says it, so both traces read alike */
    say("memset(rv, 0, %zu)", offsetof(struct ipclab_rv, data));
    STORE(rv->server_pid, getpid());
    say("rv->server_pid = %d", (int)getpid());
    STORE(rv->magic, RV_MAGIC);
    say("rv->magic = 0x%08X (ready: waiting for a client)", RV_MAGIC);

    pid_t client;
    const char *joined = RV_SEEN_AT_ONCE;
    while ((client = LOAD(rv->client_pid)) == 0) {
        if (now_ms() >= deadline) fail("no client joined within %g s", timeout / 1000);
        joined = pause_once(deadline - now_ms());
    }
    /* kill() with a pid below 1 would signal
     * a process group, or every process */
    if (client < 0) fail("rv->client_pid is %d, not a process: the client does not follow the protocol", (int)client);
    say("rv->client_pid == %d (a client joined)%s", (int)client, joined);

    for (int i = 0; i < count; i++) {
        uint32_t len = (uint32_t)strlen(messages[i]);
        memcpy(rv->data, messages[i], len + 1);
        STORE(rv->len, len);
        STORE(rv->flags, i == count - 1 ? RV_LAST : 0u);
        uint32_t seq = LOAD(rv->ack) + 1;
        stamp_now();
        STORE(rv->seq, seq);
        /* as ipclab's server says it, so both traces read alike */
        say("memcpy(rv->data, \"%s\", %u); rv->len = %u; rv->flags = %u; rv->seq = %u", messages[i], len + 1, len, i == count - 1 ? RV_LAST : 0u, seq);
        stamp_now();
        int r = kill(client, SIGUSR2);
        say("kill(%d, SIGUSR2) = %s", (int)client, ret_text(r));
        if (r != 0) fail("the client (pid %d) is gone", (int)client);
        double until = now_ms() + timeout;
        /* how the ack was seen: at once, woken by SIGUSR2, at a poll */
        const char *how = RV_SEEN_AT_ONCE;
        while (LOAD(rv->ack) != seq) {
            /* the client may write the last ack and exit
             * between the read above and this check */
            if (peer_gone(client) && LOAD(rv->ack) != seq) fail("the client (pid %d) is gone", (int)client);
            if (now_ms() >= until) fail("the client (pid %d) did not acknowledge message %u within %g s", (int)client, seq, timeout / 1000);
            how = pause_once(until - now_ms());
        }
        say("rv->ack == %u%s", seq, how);
    }
    cleanup();
    return 0;
}
