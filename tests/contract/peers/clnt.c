/* peer client. Flags (getopt):
 *  -p PATH  rendezvous file    -t S  timeout (default 10)
 *  -a MS    wait before each ack          -k K  SIGUSR2 sent K times per ack (0: none)
 *  -N       no SIGUSR2 after the last ack (detach and exit right away)
 *  -D       after the last ack: detach first, then signal
 *  -Z MS    after the last ack and detach, SIGUSR2 to the server non-stop for MS ms
 *  -q N     exit without acking message N+1       -c  claim client_pid, then exit
 *  -s       spin on the fields instead of sleeping between looks (sees seq at once) */
#include "rvpeer.h"

int main(int argc, char **argv) {
    const char *path = NULL; double timeout = 10;
    int spin = 0, ack_delay = 0, kills = 1, no_last = 0, detach_first = 0, spam = 0, quit = -1, claim_only = 0, c;
    while ((c = getopt(argc, argv, "p:t:a:k:NDZ:q:cs")) != -1) switch (c) {
        case 'p': path = optarg; break;
        case 't': timeout = atof(optarg); break;
        case 'a': ack_delay = atoi(optarg); break;
        case 'k': kills = atoi(optarg); break;
        case 'N': no_last = 1; break;
        case 'D': detach_first = 1; break;
        case 'Z': spam = atoi(optarg); break;
        case 'q': quit = atoi(optarg); break;
        case 'c': claim_only = 1; break;
        case 's': spin = 1; break;
        default: return 2;
    }
    if (!path) return 2;
    block_usr2();
    double t0 = now();
    struct rv *rv = NULL;
    int shmid = -1;
    for (;;) {
        if (now() - t0 > timeout) { fprintf(stderr, "clnt: no server\n"); return 1; }
        if (!rv) {
            key_t key = ftok(path, 'S');
            if (key != -1) shmid = shmget(key, 0, 0);
            if (key == -1 || shmid == -1) { sleep_ms(100); continue; }
            struct shmid_ds ds;
            if (shmctl(shmid, IPC_STAT, &ds) == -1) { sleep_ms(100); continue; }
            if (ds.shm_segsz < 4096) { fprintf(stderr, "clnt: segment too small\n"); return 1; }
            rv = shmat(shmid, NULL, 0);
            if (rv == (void *)-1) { rv = NULL; sleep_ms(100); continue; }
        }
        uint32_t magic = ld(&rv->magic);
        int32_t server = ldi(&rv->server_pid);
        if (magic != 0 && magic != RV_MAGIC) { fprintf(stderr, "clnt: not an ipclab segment\n"); return 1; }
        if (magic == RV_MAGIC && server > 0 && !gone(server)) break;
        if (magic == RV_MAGIC && server > 0) { shmdt(rv); rv = NULL; } /* stale: look the key up again */
        sleep_ms(100);
    }
    pid_t server = ldi(&rv->server_pid);
    int32_t expected = 0;
    if (!__atomic_compare_exchange_n(&rv->client_pid, &expected, (int32_t)getpid(), 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
        fprintf(stderr, "clnt: another client (%d) is in session\n", (int)expected); return 1;
    }
    fprintf(stderr, "clnt: joined shmid %d, server %d\n", shmid, (int)server);
    if (claim_only) return 0;
    kill(server, SIGUSR2);
    for (int count = 0;; count++) {
        t0 = now();
        for (;;) {
            uint32_t seq = ld(&rv->seq), ack = ld(&rv->ack);
            if (seq == ack + 1) break;
            if (seq != ack) { fprintf(stderr, "clnt: seq jumped to %u after %u\n", seq, ack); return 1; }
            if (gone(server)) { fprintf(stderr, "clnt: server gone\n"); return 1; }
            if (now() - t0 > timeout) { fprintf(stderr, "clnt: server silent\n"); return 1; }
            if (!spin) nap(0.05);
        }
        uint32_t seq = ld(&rv->seq), len = ld(&rv->len), flags = ld(&rv->flags);
        if (len > RV_MAX) { fprintf(stderr, "clnt: len %u\n", len); return 1; }
        if (count == quit) { fprintf(stderr, "clnt: leaving without an ack\n"); return 0; }
        fwrite(rv->data, 1, len, stdout); fputc('\n', stdout); fflush(stdout);
        if (ack_delay && pause_for(ack_delay, server)) { fprintf(stderr, "clnt: server gone\n"); return 1; }
        st(&rv->ack, seq);
        if (flags & 1) {
            if (detach_first) shmdt(rv);
            if (!no_last) for (int k = 0; k < kills; k++) if (kill(server, SIGUSR2) == -1 && errno != ESRCH) perror("clnt: kill");
            if (!detach_first) shmdt(rv);
            for (double end = now() + spam / 1000.0; now() < end;) if (kill(server, SIGUSR2) == -1) break;
            return 0;
        }
        for (int k = 0; k < kills; k++) kill(server, SIGUSR2);
    }
}
