/* readfile.c - reading one whole file; see readfile.h. */
#include "readfile.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* hs_read_file, and with seen the file must have seen's device and inode. */
static int read_checked(const char *path, const struct stat *seen, int flags,
                        size_t max_bytes, hs_buf *out, hs_buf *why)
{
    hs_buf_reset(out);
    /* O_NONBLOCK: opening a FIFO must not hang the indexer */
    int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC | flags);
    if (fd < 0) {
        hs_buf_puts(why, errno == ELOOP && (flags & O_NOFOLLOW)
                             ? "changed while being indexed (now a symbolic link)"
                             : strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) < 0) {
        hs_buf_puts(why, strerror(errno));
        goto fail;
    }
    if (seen && (st.st_dev != seen->st_dev || st.st_ino != seen->st_ino)) {
        hs_buf_puts(why, "changed while being indexed (another file is at its path now)");
        goto fail;
    }
    if (!S_ISREG(st.st_mode)) {
        hs_buf_puts(why, "not a regular file");
        goto fail;
    }
    if ((unsigned long long)st.st_size > max_bytes) {
        hs_buf_printf(why, "larger than %zu bytes", max_bytes);
        goto fail;
    }
    if (hs_buf_grow(out, (size_t)st.st_size) < 0) {
        hs_buf_puts(why, "out of memory");
        goto fail;
    }
    for (;;) {
        if (out->len >= max_bytes) {
            char probe;
            ssize_t n = read(fd, &probe, 1); /* the file grew past the cap */
            if (n > 0) {
                hs_buf_printf(why, "larger than %zu bytes", max_bytes);
                goto fail;
            }
            break;
        }
        if (hs_buf_grow(out, 65536) < 0) {
            hs_buf_puts(why, "out of memory");
            goto fail;
        }
        size_t room = out->cap - out->len - 1;
        if (room > max_bytes - out->len)
            room = max_bytes - out->len;
        ssize_t n = read(fd, out->data + out->len, room);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            hs_buf_puts(why, strerror(errno));
            goto fail;
        }
        if (n == 0)
            break;
        out->len += (size_t)n;
        out->data[out->len] = '\0';
    }
    close(fd);
    return 0;
fail:
    close(fd);
    hs_buf_reset(out);
    return -1;
}

int hs_read_file(const char *path, size_t max_bytes, hs_buf *out, hs_buf *why)
{
    return read_checked(path, NULL, 0, max_bytes, out, why);
}

int hs_read_walked_file(const char *path, dev_t dev, ino_t ino, int follow_links,
                        size_t max_bytes, hs_buf *out, hs_buf *why)
{
    struct stat seen;
    seen.st_dev = dev;
    seen.st_ino = ino;
    return read_checked(path, &seen, follow_links ? 0 : O_NOFOLLOW, max_bytes, out, why);
}
