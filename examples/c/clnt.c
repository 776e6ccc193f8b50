/* clnt.c — the client side of the ipclab rendezvous; the
 * segment it shares is rv.h's struct ipclab_rv (f pages to rv.h).
 * The protocol in full, step by step, is docs/PROTOCOL.md in
 * ipclab's source checkout (an installed ipclab has no docs/).
 *
 * It is in examples/c of ipclab's folder (npm root -g shows
 * where npm -g put ipclab). To try it, run ipclab serv in one
 * terminal and this in another (cc -o clnt DIR/clnt.c from
 * any other folder):
 *
 *   cc -Wall -Wextra -O2 -o clnt clnt.c
 *   ./clnt [--path P] [--timeout S]
 *
 * Finds the server's segment through ftok(PATH, 'S') (retrying
 * every 100 ms, so either side may start first), waits for the
 * magic, claims client_pid with a compare-and-swap, wakes the
 * server, then prints each message on stdout and acknowledges
 * it. Calls and results go to stderr.
 */
#include "rv.h"

#include <getopt.h>
#include <sys/ipc.h>
#include <sys/shm.h>

static struct ipclab_rv *rv = NULL;

static void detach(void)
{
    if (!rv) return;
    int r = shmdt(rv);
    say("shmdt(%p) = %s", (void *)rv, ret_text(r));
    rv = NULL;
}

/* The client's way out (rv.h's fail and
 * pause_once): detach; the segment is the server's. */
static void cleanup(void)
{
    detach();
}

/* Step 2 of the protocol: find and attach the
 * server's segment, wait for its magic. Returns the
 * segment id once a live server has said it is ready. */
static int join(const char *path, double deadline)
{
    int told = 0; /* say each kind of retry once, not every 100 ms */
    for (;;) {
        key_t key = ftok(path, 'S');
        int id = key == -1 ? -1 : shmget(key, 0, 0);
        if (key == -1 || id == -1) {
            int err = errno;
            if (!(told & 1)) {
                /* the key first: the shmget that fails names it */
                if (key != -1) say("ftok(\"%s\", 'S') = 0x%08x", path, (unsigned)key);
                errno = err; /* say() may have changed it */
                if (key == -1) say("ftok(\"%s\", 'S') = %s; retrying every 100 ms", path, err_text());
                else say("shmget(0x%08x, 0, 0) = %s; retrying every 100 ms", (unsigned)key, err_text());
                told |= 1;
            }
            if (key != -1 && err != ENOENT) fail("cannot open the segment at key 0x%08x: %s", (unsigned)key, strerror(err));
            if (now_ms() >= deadline) fail("no server on %s within the timeout", path);
            pause_once(deadline - now_ms());
            continue;
        }
        say("ftok(\"%s\", 'S') = 0x%08x", path, (unsigned)key);
        say("shmget(0x%08x, 0, 0) = %d", (unsigned)key, id);
        struct shmid_ds ds;
        /* removed meanwhile */
        if (shmctl(id, IPC_STAT, &ds) == -1) continue;
        if (ds.shm_segsz < RV_SIZE)
            fail("the segment %d is not an ipclab one (%zu bytes, needs 4096); left alone", id, (size_t)ds.shm_segsz);
        /* as ipclab's client says it, so both traces read alike */
        say("shmctl(%d, IPC_STAT, &ds) = 0", id);
        say("ds.shm_segsz == %zu: room for struct ipclab_rv (a smaller segment is another program's)", (size_t)ds.shm_segsz);
        rv = shmat(id, NULL, 0);
        if (rv == (void *)-1) {
            rv = NULL;
            int err = errno;
            say("shmat(%d, NULL, 0) = (void *) %s", id, err_text());
            /* removed meanwhile */
            if (err == EINVAL || err == EIDRM) continue;
            fail("cannot attach the segment %d: %s", id, strerror(err));
        }
        say("shmat(%d, NULL, 0) = %p", id, (void *)rv);
        for (;;) {
            uint32_t magic = LOAD(rv->magic);
            pid_t server = LOAD(rv->server_pid);
            if (magic == RV_MAGIC && server > 0 && !peer_gone(server)) return id;
            if (magic != 0 && magic != RV_MAGIC)
                fail("the segment %d is not an ipclab one (magic 0x%08x); left alone", id, magic);
            if (!(told & 2)) {
                say(magic == 0 ? "rv->magic == 0: waiting for the server to get ready"
                               : "rv->server_pid %d is gone: waiting for a new server", (int)server);
                told |= 2;
            }
            if (now_ms() >= deadline) fail("no server got ready on %s within the timeout", path);
            pause_once(deadline - now_ms());
            /* a new server took over the key */
            if (shmget(key, 0, 0) != id) break;
        }
        detach();
    }
}

int main(int argc, char **argv)
{
    rv_role = "clnt";
    const char *path = NULL;
    double timeout = 30000;
    static const struct option opts[] = {
        { "path", required_argument, 0, 'p' },
        { "timeout", required_argument, 0, 't' },
        { 0, 0, 0, 0 },
    };
    for (int c; (c = getopt_long(argc, argv, "p:t:", opts, NULL)) != -1;) {
        if (c == 'p') path = optarg;
        else if (c == 't') timeout = parse_timeout(optarg);
        else { fprintf(stderr, "usage: clnt [--path P] [--timeout S]\n"); return 2; }
    }
    if (optind < argc) { fprintf(stderr, "clnt: unexpected argument '%s'\n", argv[optind]); return 2; }
    char fallback[4096];
    if (!path) { rv_default_path(fallback, sizeof fallback); path = fallback; }

    /* The server may signal us as soon as
     * client_pid holds our pid: block first. */
    rv_block_signals();

    int id = join(path, now_ms() + timeout);
    pid_t server = LOAD(rv->server_pid);
    say("segment %d: rv->magic == 0x%08X, rv->server_pid == %d", id, RV_MAGIC, (int)server);
    int32_t expected = 0;
    if (!__atomic_compare_exchange_n(&rv->client_pid, &expected, (int32_t)getpid(), 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
        say("__atomic_compare_exchange_n(&rv->client_pid, &expected, %d, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST) = 0 (taken: client_pid was not 0; expected now holds it)", (int)getpid());
        fail("another client (pid %d) is in session with server %d", (int)expected, (int)server);
    }
    say("__atomic_compare_exchange_n(&rv->client_pid, &expected, %d, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST) = 1 (claimed: client_pid held expected, 0, and now holds this pid)", (int)getpid());
    stamp_now();
    int r = kill(server, SIGUSR2);
    say("kill(%d, SIGUSR2) = %s", (int)server, ret_text(r));
    if (r != 0) fail("the server (pid %d) is gone", (int)server);

    uint32_t ack = LOAD(rv->ack);
    double until = now_ms() + timeout;
    /* how seq was seen to move: at once, woken by SIGUSR2, at a poll */
    const char *how = RV_SEEN_AT_ONCE;
    for (;;) {
        uint32_t seq = LOAD(rv->seq);
        if (seq == ack) {
            if (peer_gone(server) && LOAD(rv->seq) == ack) fail("the server (pid %d) is gone", (int)server);
            if (now_ms() >= until) fail("the server (pid %d) sent nothing within %g s", (int)server, timeout / 1000);
            how = pause_once(until - now_ms());
            continue;
        }
        if (seq != ack + 1) fail("rv->seq jumped from %u to %u; not this protocol", ack, seq);
        uint32_t len = LOAD(rv->len), flags = LOAD(rv->flags);
        if (len > RV_DATA_MAX) fail("rv->len is %u, over %d; not this protocol", len, RV_DATA_MAX);
        say("rv->seq == %u: read %u bytes from rv->data (flags %u)%s", seq, len, flags, how);
        how = RV_SEEN_AT_ONCE;
        stamp(stdout);
        fwrite(rv->data, 1, len, stdout);
        putchar('\n');
        if (fflush(stdout) != 0) fail("stdout is closed: the messages have nowhere to go");
        ack = seq;
        stamp_now();
        STORE(rv->ack, ack);
        say("rv->ack = %u", ack);
        stamp_now();
        r = kill(server, SIGUSR2);
        say("kill(%d, SIGUSR2) = %s", (int)server, ret_text(r));
        /* ESRCH here is fine: the server may be done */
        if (flags & RV_LAST) break;
        if (r != 0) fail("the server (pid %d) is gone", (int)server);
        until = now_ms() + timeout;
    }
    detach();
    return 0;
}
