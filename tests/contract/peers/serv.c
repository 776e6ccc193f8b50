/* peer server. Flags (getopt):
 *  -p PATH  rendezvous file (created 0600 when missing)   -t S  timeout (default 10)
 *  -m TEXT  a message (repeatable)   -f FILE  one message per line   -n N  messages m1..mN
 *  -k K     SIGUSR2 sent K times per message (0: none, the client polls)
 *  -o 1     writes flags, len, data before seq (the default order is data, len, flags)
 *  -F       one more SIGUSR2 to the client after its last ack (ESRCH is fine)
 *  -Z MS    after the last ack, SIGUSR2 to the client non-stop for MS ms
  *  -d MS    pause before each message after the first      -X N  exit without cleanup after N acks
 *  -J       message 2 skips a seq number    -L    message 2 claims len 4064 */
#include "rvpeer.h"

static int shmid = -1;
static struct rv *rv;
static void cleanup_exit(int code) {
    if (rv) shmdt(rv);
    if (shmid >= 0) shmctl(shmid, IPC_RMID, NULL);
    exit(code);
}
static void on_signal(int sig) {
    if (rv) shmdt(rv);
    if (shmid >= 0) shmctl(shmid, IPC_RMID, NULL);
    _exit(128 + sig);
}

int main(int argc, char **argv) {
    static char *msg[1000]; static size_t len[1000]; int nmsg = 0;
    const char *path = NULL; double timeout = 10;
    int kills = 1, order = 0, goodbye = 0, spam = 0, delay = 0, crash_after = -1, jump = 0, badlen = 0, c;
    while ((c = getopt(argc, argv, "p:t:m:f:n:k:o:FZ:d:X:JL")) != -1) switch (c) {
        case 'p': path = optarg; break;
        case 't': timeout = atof(optarg); break;
        case 'm': msg[nmsg] = optarg; len[nmsg] = strlen(optarg); nmsg++; break;
        case 'f': {
            FILE *f = fopen(optarg, "rb"); char *line = NULL; size_t cap = 0; ssize_t n;
            if (!f) { perror("serv: -f"); return 2; }
            while ((n = getline(&line, &cap, f)) > 0 && nmsg < 1000) {
                if (line[n - 1] == '\n') n--;
                msg[nmsg] = malloc(n + 1); memcpy(msg[nmsg], line, n); msg[nmsg][n] = 0; len[nmsg++] = n;
            }
            fclose(f); free(line); break;
        }
        case 'n': for (int i = atoi(optarg), j = 1; j <= i && nmsg < 1000; j++) { msg[nmsg] = malloc(16); len[nmsg] = sprintf(msg[nmsg], "m%d", j); nmsg++; } break;
        case 'k': kills = atoi(optarg); break;
        case 'o': order = atoi(optarg); break;
        case 'F': goodbye = 1; break;
        case 'Z': spam = atoi(optarg); break;
        case 'd': delay = atoi(optarg); break;
        case 'X': crash_after = atoi(optarg); break;
        case 'J': jump = 1; break;
        case 'L': badlen = 1; break;
        default: return 2;
    }
    if (!path || nmsg == 0) { fprintf(stderr, "serv: need -p and messages\n"); return 2; }
    int fd = open(path, O_CREAT | O_RDONLY, 0600);
    if (fd >= 0) close(fd);
    key_t key = ftok(path, 'S');
    if (key == -1) { perror("serv: ftok"); return 1; }
    shmid = shmget(key, 4096, IPC_CREAT | IPC_EXCL | 0600);
    if (shmid == -1) { perror("serv: shmget"); return 1; }
    rv = shmat(shmid, NULL, 0);
    if (rv == (void *)-1) { rv = NULL; perror("serv: shmat"); cleanup_exit(1); }
    signal(SIGINT, on_signal); signal(SIGTERM, on_signal); signal(SIGHUP, on_signal);
    block_usr2();
    memset(rv, 0, 32);
    sti(&rv->server_pid, getpid());
    st(&rv->magic, RV_MAGIC);
    fprintf(stderr, "serv: shmid %d ready, pid %d\n", shmid, (int)getpid());
    double t0 = now();
    pid_t client;
    while ((client = ldi(&rv->client_pid)) == 0) {
        if (now() - t0 > timeout) { fprintf(stderr, "serv: no client\n"); cleanup_exit(1); }
        nap(0.05);
    }
    if (client < 0) { fprintf(stderr, "serv: bad client_pid\n"); cleanup_exit(1); }
    fprintf(stderr, "serv: client %d\n", (int)client);
    for (int i = 0; i < nmsg; i++) {
        if (i > 0 && delay && pause_for(delay, client)) { fprintf(stderr, "serv: client gone\n"); cleanup_exit(1); }
        uint32_t seq = ld(&rv->ack) + 1, last = i == nmsg - 1;
        if (order == 0) {
            memcpy(rv->data, msg[i], len[i]); rv->data[len[i]] = 0; st(&rv->len, len[i]); st(&rv->flags, last);
        } else {
            st(&rv->flags, last); st(&rv->len, len[i]); memcpy(rv->data, msg[i], len[i]); rv->data[len[i]] = 0;
        }
        if (i == 1 && badlen) st(&rv->len, 4064);
        if (i == 1 && jump) seq++;
        st(&rv->seq, seq);
        for (int k = 0; k < kills; k++) if (kill(client, SIGUSR2) == -1) break;
        t0 = now();
        while (ld(&rv->ack) != seq) {
            if (gone(client) && ld(&rv->ack) != seq) { fprintf(stderr, "serv: client gone\n"); cleanup_exit(1); }
            if (now() - t0 > timeout) { fprintf(stderr, "serv: client silent\n"); cleanup_exit(1); }
            nap(0.05);
        }
        if (crash_after == i + 1) { fprintf(stderr, "serv: leaving without cleanup\n"); _exit(3); }
    }
    if (goodbye && kill(client, SIGUSR2) == -1 && errno != ESRCH) perror("serv: goodbye kill");
    for (double end = now() + spam / 1000.0; now() < end;) if (kill(client, SIGUSR2) == -1) break;
    fprintf(stderr, "serv: done\n");
    cleanup_exit(0);
}
