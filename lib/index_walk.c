/* index_walk.c - indexing every article under a path. */
#include "index_internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Commit after this many articles: bounds memory and what a crash loses. */
#define COMMIT_EVERY 500

typedef struct walk {
    hustings_index_t *index;
    hustings_problem_fn problem;
    void *context;
    hustings_summary_t *summary;
    hs_buf data;  /* file contents, reused */
    hs_buf why;
} walk;

static void report(walk *w, const char *path, const char *reason)
{
    w->summary->skipped++;
    if (w->problem)
        w->problem(w->context, path, reason);
}

/* Files that the walk treats as articles (a file named on the command
 * line is read whatever its name). */
static int is_article_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && (strcmp(dot, ".txt") == 0 || strcmp(dot, ".text") == 0);
}

/* Index one file; only index errors are returned, article errors are
 * reported and skipped. */
static hustings_status_t walk_file(walk *w, const char *path)
{
    hs_article *a = NULL;
    hs_buf_reset(&w->why);
    hustings_status_t st = hs_article_load(path, &w->data, &a, &w->why);
    if (st == HUSTINGS_STATUS_OUT_OF_MEMORY)
        return hs_index_fail(w->index, st, "out of memory");
    if (st != HUSTINGS_STATUS_SUCCESS) {
        report(w, path, hs_buf_str(&w->why));
        return HUSTINGS_STATUS_SUCCESS;
    }
    hustings_article_t article = { a };
    st = hustings_index_add_article(w->index, &article);
    if (st == HUSTINGS_STATUS_SUCCESS) {
        w->summary->articles++;
        w->summary->passages += a->n_passages;
        if (w->index->pending >= COMMIT_EVERY)
            st = hustings_index_commit(w->index);
    }
    hs_article_free(a);
    return st;
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

/* The visible entries of dir, sorted by byte order (not the locale's), so
 * that runs are reproducible. NULL with errno set on failure. */
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
    return names ? names : calloc(1, sizeof *names);
oom:
    closedir(d);
    free_names(names, n);
    errno = ENOMEM;
    return NULL;
}

static hustings_status_t walk_dir(walk *w, const char *dir)
{
    size_t n = 0;
    char **names = list_dir(dir, &n);
    if (!names) {
        if (errno == ENOMEM)
            return hs_index_fail(w->index, HUSTINGS_STATUS_OUT_OF_MEMORY, "out of memory");
        report(w, dir, strerror(errno));
        return HUSTINGS_STATUS_SUCCESS;
    }
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    hs_buf child = HS_BUF_INIT;
    for (size_t i = 0; i < n && st == HUSTINGS_STATUS_SUCCESS; i++) {
        hs_buf_reset(&child);
        size_t dl = strlen(dir);
        if (hs_buf_append(&child, dir, dl) < 0 ||
            (dl && dir[dl - 1] != '/' && hs_buf_putc(&child, '/') < 0) ||
            hs_buf_puts(&child, names[i]) < 0) {
            st = hs_index_fail(w->index, HUSTINGS_STATUS_OUT_OF_MEMORY, "out of memory");
            break;
        }
        struct stat sb;
        if (lstat(child.data, &sb) < 0)
            report(w, child.data, strerror(errno));
        else if (S_ISDIR(sb.st_mode))
            st = walk_dir(w, child.data);
        else if (S_ISLNK(sb.st_mode))
            continue; /* links are not followed */
        else if (is_article_name(names[i]))
            st = walk_file(w, child.data);
    }
    hs_buf_free(&child);
    free_names(names, n);
    return st;
}

hustings_status_t hustings_index_add_path(hustings_index_t *index, const char *path,
                                          hustings_problem_fn problem, void *context,
                                          hustings_summary_t *summary)
{
    if (!index || !path)
        return HUSTINGS_STATUS_NULL_POINTER;
    if (!index->writable)
        return hs_index_fail(index, HUSTINGS_STATUS_READ_ONLY_INDEX,
                             "the index is open read-only");
    hustings_summary_t ignored = { 0, 0, 0 };
    walk w = { index, problem, context, summary ? summary : &ignored,
               HS_BUF_INIT, HS_BUF_INIT };
    struct stat sb;
    hustings_status_t st;
    if (stat(path, &sb) < 0) {
        hs_buf_printf(&w.why, "%s: %s", path, strerror(errno));
        st = hs_index_fail(index, HUSTINGS_STATUS_FILE_ERROR, w.why.data);
    } else if (S_ISDIR(sb.st_mode)) {
        st = walk_dir(&w, path);
    } else {
        st = walk_file(&w, path);
    }
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hustings_index_commit(index);
    hs_buf_free(&w.data);
    hs_buf_free(&w.why);
    return st;
}
