/* walk.c - a depth-first walk in name order; see walk.h. */
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"

typedef struct dir_id {
    dev_t dev;
    ino_t ino;
} dir_id;

typedef struct walker {
    const hs_walk_options *opt;
    hs_walk_file_fn file;
    hs_walk_problem_fn problem;
    void *ctx;
    size_t root_len;     /* bytes of the root in each path */
    dir_id *stack;       /* folders being walked, to catch link loops */
    size_t depth, cap;
} walker;

int hs_walk_is_article_name(const char *name)
{
    static const char *const exts[] = { "txt", "text", "html", "htm", "xhtml",
                                        "xml", "rss", "atom", "rdf" };
    const char *dot = strrchr(name, '.');
    if (!dot || dot == name)
        return 0;
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
        if (strcasecmp(dot + 1, exts[i]) == 0)
            return 1;
    return 0;
}

static int excluded(const walker *w, const char *path, const char *name)
{
    const char *below = path + w->root_len;
    while (*below == '/')
        below++;
    for (size_t i = 0; i < w->opt->n_excludes; i++) {
        const char *g = w->opt->excludes[i];
        if (fnmatch(g, name, 0) == 0 || fnmatch(g, below, 0) == 0)
            return 1;
    }
    return 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* The visible entries of dir, sorted by bytes (not the locale), so that
 * runs are reproducible.  NULL with errno set on failure. */
static char **list_dir(const char *dir, size_t *count)
{
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((errno = 0, e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue; /* hidden, "." and ".." */
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 32;
            char **p = realloc(names, ncap * sizeof *p);
            if (!p)
                goto oom;
            names = p;
            cap = ncap;
        }
        if (!(names[n] = strdup(e->d_name)))
            goto oom;
        n++;
    }
    int saved = errno;
    closedir(d);
    if (saved) {
        free_names(names, n);
        errno = saved;
        return NULL;
    }
    if (n)
        qsort(names, n, sizeof *names, compare_names);
    *count = n;
    if (!names && !(names = calloc(1, sizeof *names)))
        errno = ENOMEM;
    return names;
oom:
    closedir(d);
    free_names(names, n);
    errno = ENOMEM;
    return NULL;
}

static int push_dir(walker *w, const struct stat *st)
{
    for (size_t i = 0; i < w->depth; i++)
        if (w->stack[i].dev == st->st_dev && w->stack[i].ino == st->st_ino)
            return 1; /* already being walked: a link loop */
    if (w->depth == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 16;
        dir_id *p = realloc(w->stack, cap * sizeof *p);
        if (!p)
            return -1;
        w->stack = p;
        w->cap = cap;
    }
    w->stack[w->depth++] = (dir_id){ st->st_dev, st->st_ino };
    return 0;
}

static int walk_dir(walker *w, const char *dir, const struct stat *dst);

static int visit(walker *w, const char *path, const char *name)
{
    struct stat st;
    if (lstat(path, &st) < 0) {
        w->problem(w->ctx, path, strerror(errno));
        return 0;
    }
    if (S_ISLNK(st.st_mode)) {
        if (!w->opt->follow_links)
            return 0;
        if (stat(path, &st) < 0) {
            w->problem(w->ctx, path, errno == ELOOP ? "symbolic link loop" : strerror(errno));
            return 0;
        }
    }
    if (excluded(w, path, name))
        return 0;
    if (S_ISDIR(st.st_mode))
        return walk_dir(w, path, &st);
    if (!hs_walk_is_article_name(name))
        return 0;
    if (!S_ISREG(st.st_mode)) {
        w->problem(w->ctx, path, "not a regular file");
        return 0;
    }
    return w->file(w->ctx, path, &st);
}

static int walk_dir(walker *w, const char *dir, const struct stat *dst)
{
    int pushed = push_dir(w, dst);
    if (pushed < 0)
        return -1;
    if (pushed > 0) {
        w->problem(w->ctx, dir, "symbolic link loop");
        return 0;
    }
    size_t n = 0;
    char **names = list_dir(dir, &n);
    if (!names) {
        w->depth--;
        if (errno == ENOMEM)
            return -1;
        w->problem(w->ctx, dir, strerror(errno));
        return 0;
    }
    int rc = 0;
    hs_buf child = HS_BUF_INIT;
    size_t dl = strlen(dir);
    for (size_t i = 0; i < n && rc == 0; i++) {
        hs_buf_reset(&child);
        if (hs_buf_append(&child, dir, dl) < 0 ||
            (dl && dir[dl - 1] != '/' && hs_buf_putc(&child, '/') < 0) ||
            hs_buf_puts(&child, names[i]) < 0) {
            rc = -1;
            break;
        }
        rc = visit(w, child.data, names[i]);
    }
    hs_buf_free(&child);
    free_names(names, n);
    w->depth--;
    return rc;
}

int hs_walk(const char *root, const hs_walk_options *opt, hs_walk_file_fn file,
            hs_walk_problem_fn problem, void *ctx)
{
    walker w = { opt, file, problem, ctx, strlen(root), NULL, 0, 0 };
    struct stat st;
    int rc = 0;
    if (stat(root, &st) < 0)
        problem(ctx, root, strerror(errno));
    else if (S_ISDIR(st.st_mode))
        rc = walk_dir(&w, root, &st);
    else if (!S_ISREG(st.st_mode))
        problem(ctx, root, "not a regular file");
    else
        rc = file(ctx, root, &st);
    free(w.stack);
    return rc;
}
