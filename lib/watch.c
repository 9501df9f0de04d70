/* watch.c - keeping an index current with inotify (hustings-index --watch).
 *
 * The watcher does not try to replay each event: any change below the
 * folders marks the index dirty, and once the folders have been quiet for
 * a moment (an editor's temp-file-and-rename or truncate-and-write is over)
 * and the last pass is old enough, one incremental pass brings the index
 * up to date.  A pass opens only what changed (indexer.c), so this costs
 * little, loses nothing when inotify's queue overflows, and commits at most
 * once per batch interval however many files arrive.
 */
#include "index_internal.h"

#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"

/* Wait this long after the last change before a pass: half-written files
 * are not indexed as final. */
#define QUIET_MS 1000

#define WATCH_MASK (IN_CREATE | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE | \
                    IN_DELETE_SELF | IN_MOVE_SELF | IN_MODIFY | IN_ATTRIB | IN_ONLYDIR)

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The folders being watched on the way down, to stop at a link loop. */
typedef struct folder_stack {
    struct folder_id {
        dev_t dev;
        ino_t ino;
    } *ids;
    size_t n, cap;
} folder_stack;

/* The visible subfolders of dir, read and closed before any is visited,
 * so that the depth of the tree costs no open descriptors.  *n of them. */
static char **subfolders(const char *dir, int follow, size_t *n)
{
    DIR *d = opendir(dir);
    char **names = NULL;
    size_t cap = 0;
    *n = 0;
    if (!d)
        return NULL;
    struct dirent *e;
    hs_buf child = HS_BUF_INIT;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        hs_buf_reset(&child);
        struct stat st;
        if (hs_buf_printf(&child, "%s/%s", dir, e->d_name) < 0 ||
            (follow ? stat(child.data, &st) : lstat(child.data, &st)) < 0 || !S_ISDIR(st.st_mode))
            continue;
        if (*n == cap) {
            cap = cap ? 2 * cap : 8;
            char **p = realloc(names, cap * sizeof *p);
            if (!p)
                break;
            names = p;
        }
        names[*n] = hs_buf_detach(&child);
        ++*n;
    }
    closedir(d);
    hs_buf_free(&child);
    return names;
}

/* Watch dir and every visible folder below it, at any depth (again:
 * inotify hands back the same watch for a folder already watched).
 * Folders that vanish meanwhile are no error; -1 when inotify is out of
 * watches or memory ran out. */
static int watch_tree(int fd, const char *dir, int follow, folder_stack *seen)
{
    struct stat st;
    if ((follow ? stat(dir, &st) : lstat(dir, &st)) < 0)
        return 0;
    for (size_t i = 0; i < seen->n; i++)
        if (seen->ids[i].dev == st.st_dev && seen->ids[i].ino == st.st_ino)
            return 0; /* a link back up: already being watched */
    if (inotify_add_watch(fd, dir, WATCH_MASK | (follow ? 0 : IN_DONT_FOLLOW)) < 0)
        return errno == ENOSPC ? -1 : 0; /* out of watches: say so */
    if (seen->n == seen->cap) {
        size_t cap = seen->cap ? 2 * seen->cap : 16;
        struct folder_id *p = realloc(seen->ids, cap * sizeof *p);
        if (!p)
            return -1;
        seen->ids = p;
        seen->cap = cap;
    }
    seen->ids[seen->n++] = (struct folder_id){ st.st_dev, st.st_ino };
    size_t n;
    char **children = subfolders(dir, follow, &n);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (rc == 0)
            rc = watch_tree(fd, children[i], follow, seen);
        free(children[i]);
    }
    free(children);
    seen->n--;
    return rc;
}

static int watch_roots(int fd, const char *const *paths, size_t n, int follow)
{
    folder_stack seen = { NULL, 0, 0 };
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        struct stat st;
        if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode))
            rc = watch_tree(fd, paths[i], follow, &seen);
    }
    free(seen.ids);
    return rc;
}

/* Read the pending events: 1 when something changed, and *rewatch when a
 * folder appeared or events were lost. */
static int drain(int fd, int *rewatch)
{
    char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
    int changed = 0;
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0)
            break;
        for (char *p = buf; p < buf + n;) {
            struct inotify_event *ev = (struct inotify_event *)p;
            if (ev->mask & IN_Q_OVERFLOW)
                *rewatch = changed = 1; /* events were lost: rescan all */
            else if (ev->len == 0 || ev->name[0] != '.')
                changed = 1;
            if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO)))
                *rewatch = 1;
            p += sizeof *ev + ev->len;
        }
    }
    return changed;
}

hustings_status_t hustings_indexer_watch(hustings_indexer_t *ix, const char *const *paths,
                                         size_t n, unsigned batch_seconds,
                                         hustings_summary_t *summary)
{
    if (!ix || (!paths && n))
        return HUSTINGS_STATUS_NULL_POINTER;
    hustings_index_t *index = hs_indexer_index(ix);
    volatile sig_atomic_t *cancel = hs_indexer_cancel_flag(ix);
    int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0)
        return hs_index_fail(index, HUSTINGS_STATUS_FILE_ERROR, strerror(errno));
    int follow = hs_indexer_follows_links(ix);
    if (watch_roots(fd, paths, n, follow) < 0) {
        close(fd);
        return hs_index_fail(index, HUSTINGS_STATUS_FILE_ERROR,
                             "too many folders to watch: raise fs.inotify.max_user_watches");
    }
    /* the first pass, after the watches are set so nothing slips between */
    hustings_status_t st = hustings_indexer_run(ix, paths, n, summary);
    long long last_pass = now_ms(), last_change = 0;
    int dirty = 0;
    while (st == HUSTINGS_STATUS_SUCCESS && !(cancel && *cancel)) {
        struct pollfd pfd = { fd, POLLIN, 0 };
        int r = poll(&pfd, 1, 200);
        if (r < 0 && errno != EINTR) {
            st = hs_index_fail(index, HUSTINGS_STATUS_FILE_ERROR, strerror(errno));
            break;
        }
        int rewatch = 0;
        if (r > 0 && drain(fd, &rewatch)) {
            dirty = 1;
            last_change = now_ms();
        }
        if (rewatch && watch_roots(fd, paths, n, follow) < 0) {
            st = hs_index_fail(index, HUSTINGS_STATUS_FILE_ERROR,
                               "too many folders to watch: raise fs.inotify.max_user_watches");
            break;
        }
        long long t = now_ms();
        if (dirty && t - last_change >= QUIET_MS && t - last_pass >= 1000LL * batch_seconds) {
            dirty = 0;
            last_pass = t;
            st = hustings_indexer_run(ix, paths, n, summary);
        }
    }
    close(fd);
    /* stopped by the flag: the last pass committed everything it did */
    return st == HUSTINGS_STATUS_INTERRUPTED ? HUSTINGS_STATUS_SUCCESS : st;
}
