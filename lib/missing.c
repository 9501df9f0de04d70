/* missing.c - telling a path that is gone from one out of reach; see
 * missing.h. */
#include "missing.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

/* Whether the folder holds any entry: 1, 0, or -1 with errno when it
 * cannot be read. */
static int holds_something(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    struct dirent *e;
    int found = 0;
    errno = 0;
    while (!found && (e = readdir(d)))
        found = strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    int saved = errno;
    closedir(d);
    if (!found && saved) {
        errno = saved;
        return -1;
    }
    return found;
}

int hs_path_check(const char *path, hs_buf *folder, hs_buf *why, hs_path_state *state)
{
    struct stat st;
    if (lstat(path, &st) == 0) {
        *state = HS_PATH_THERE;
        return 0;
    }
    /* up to the nearest folder that exists; err is what looking up the
     * path below it said */
    hs_buf up = HS_BUF_INIT;
    if (hs_buf_puts(&up, path) < 0)
        return -1;
    int err = errno, found = 0;
    char *slash;
    while (!found && up.len > 1 && (slash = strrchr(up.data, '/'))) {
        up.len = slash == up.data ? 1 : (size_t)(slash - up.data);
        up.data[up.len] = '\0';
        found = lstat(up.data, &st) == 0;
        if (!found)
            err = errno;
    }
    int rc = 0;
    const char *reason = NULL;
    *state = HS_PATH_GONE;
    if (!found || (err != ENOENT && err != ENOTDIR)) {
        reason = strerror(err); /* the folder cannot be searched */
    } else if (S_ISDIR(st.st_mode)) {
        int some = holds_something(up.data);
        if (some < 0)
            reason = strerror(errno);
        else if (!some)
            reason = "empty folder (a share that is not mounted?)";
    }
    if (reason) {
        *state = HS_PATH_OUT_OF_REACH;
        rc = hs_buf_puts(folder, up.data) < 0 || hs_buf_puts(why, reason) < 0 ? -1 : 0;
    }
    hs_buf_free(&up);
    return rc;
}
