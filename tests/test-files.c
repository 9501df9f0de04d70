/* test-files.c - file names as text (path_text.h) and reading the file a
 * walk found, not whatever stands at its path later (readfile.h). */
#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "path_text.h"
#include "readfile.h"
#include "tmpdir.h"

static char *to_text(const char *name)
{
    hs_buf b = HS_BUF_INIT;
    if (hs_path_to_text(name, &b) < 0)
        exit(99);
    return hs_buf_detach(&b);
}

static char *from_text(const char *text)
{
    hs_buf b = HS_BUF_INIT;
    if (hs_path_from_text(text, &b) < 0)
        exit(99);
    return hs_buf_detach(&b);
}

/* name -> text (as wanted) -> the same name again. */
static void round_trip(const char *name, const char *want)
{
    char *text = to_text(name), *back = from_text(text);
    CHECK_STR(text, want);
    CHECK_STR(back, name);
    free(text);
    free(back);
}

static void test_path_text(void)
{
    round_trip("/news/2023/выборы.html", "/news/2023/выборы.html");
    round_trip("", "");
    /* Latin-1 and KOI8-R bytes stay bytes, each its own name */
    round_trip("/a/x\xff.txt", "/a/x\\xff.txt");
    round_trip("/a/x\xfe.txt", "/a/x\\xfe.txt");
    round_trip("/a/caf\xe9.txt", "/a/caf\\xe9.txt");
    round_trip("/a/\xd7\xc9\xc2\xcf\xd2\xd9.txt", "/a/\\xd7\\xc9\\xc2\\xcf\\xd2\\xd9.txt");
    /* a backslash is doubled, so that a name written like an escape is
     * not taken for one */
    round_trip("/a/x\\xff.txt", "/a/x\\\\xff.txt");
    round_trip("/a/b\\", "/a/b\\\\");
    /* control characters (a forged line in a log) and C1 controls */
    round_trip("/a/x\ny\r.txt", "/a/x\\x0ay\\x0d.txt");
    round_trip("/a/\xc2\x85.txt", "/a/\\xc2\\x85.txt");
    /* a right-to-left override (txt.exe shown as exe.txt) and U+2028 */
    round_trip("/a/\xe2\x80\xaetxt.exe", "/a/\\xe2\\x80\\xaetxt.exe");
    round_trip("/a/x\xe2\x80\xa8y", "/a/x\\xe2\\x80\\xa8y");
    /* a truncated sequence at the end */
    round_trip("/a/\xd0", "/a/\\xd0");
    /* a text that was not made by hs_path_to_text stands for itself where
     * it is no escape */
    char *name = from_text("/a/\\q\\x4\\x00");
    CHECK_STR(name, "/a/\\q\\x4\\x00");
    free(name);
}

/* Read path as the walk saw it in seen; 0 or -1, the reason in why. */
static int read_seen(const char *path, const struct stat *seen, int follow, hs_buf *data,
                     hs_buf *why)
{
    hs_buf_reset(why);
    return hs_read_walked_file(path, seen->st_dev, seen->st_ino, follow, 1 << 20, data, why);
}

static void test_swapped_for_link(void)
{
    char *dir = tmpdir_make();
    char *secret = tmpdir_write(dir, "secret.txt", "TOPSECRET\n", 10);
    char *article = tmpdir_write(dir, "article.txt", "Vote\n\nTurnout rose.\n", 21);
    hs_buf data = HS_BUF_INIT, why = HS_BUF_INIT, p = HS_BUF_INIT;
    struct stat seen;
    CHECK_INT(lstat(article, &seen), 0);
    CHECK_INT(read_seen(article, &seen, 0, &data, &why), 0);
    CHECK_STR(hs_buf_str(&data), "Vote\n\nTurnout rose.\n");

    /* the article is swapped for a link to a file outside the folder */
    CHECK_INT(unlink(article), 0);
    CHECK_INT(symlink(secret, article), 0);
    CHECK_INT(read_seen(article, &seen, 0, &data, &why), -1);
    CHECK_STR(hs_buf_str(&why), "changed while being indexed (now a symbolic link)");
    CHECK_INT(data.len, 0);
    /* following links, the link leads to another file than the one seen */
    CHECK_INT(read_seen(article, &seen, 1, &data, &why), -1);
    CHECK_STR(hs_buf_str(&why), "changed while being indexed (another file is at its path now)");
    CHECK_INT(data.len, 0);

    /* a folder on the path swapped for a link to another folder */
    hs_buf_printf(&p, "%s/sub", dir);
    CHECK_INT(mkdir(p.data, 0700), 0);
    char *inside = tmpdir_write(p.data, "a.txt", "inside\n", 7);
    struct stat seen_inside;
    CHECK_INT(lstat(inside, &seen_inside), 0);
    hs_buf_reset(&p);
    hs_buf_printf(&p, "%s/elsewhere", dir);
    CHECK_INT(mkdir(p.data, 0700), 0);
    char *outside = tmpdir_write(p.data, "a.txt", "TOPSECRET\n", 10);
    hs_buf_reset(&p);
    hs_buf_printf(&p, "%s/sub", dir);
    hs_buf moved = HS_BUF_INIT;
    hs_buf_printf(&moved, "%s/sub.old", dir);
    CHECK_INT(rename(p.data, moved.data), 0);
    hs_buf_reset(&moved);
    hs_buf_printf(&moved, "%s/elsewhere", dir);
    CHECK_INT(symlink(moved.data, p.data), 0);
    CHECK_INT(read_seen(inside, &seen_inside, 0, &data, &why), -1);
    CHECK_STR(hs_buf_str(&why), "changed while being indexed (another file is at its path now)");
    CHECK_INT(data.len, 0);

    /* an ordinary read of the same path is not checked */
    CHECK_INT(hs_read_file(inside, 1 << 20, &data, &why), 0);
    CHECK_STR(hs_buf_str(&data), "TOPSECRET\n");

    free(secret);
    free(article);
    free(inside);
    free(outside);
    hs_buf_free(&data);
    hs_buf_free(&why);
    hs_buf_free(&p);
    hs_buf_free(&moved);
    tmpdir_remove(dir);
}

int main(void)
{
    test_path_text();
    test_swapped_for_link();
    return check_done();
}
