/* roots.c - the folders an index was built from, in its metadata; see
 * roots.h. */
#include "roots.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "filestate.h"
#include "schema.h"
#include "strmap.h"

int hs_path_below(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    return n && strncmp(path, dir, n) == 0 &&
           (path[n] == '\0' || path[n] == '/' || dir[n - 1] == '/');
}

typedef struct path_list {
    const char *dir;            /* NULL: every path */
    char ***list;
    size_t *n;
} path_list;

static int add_path(void *ctx, const char *path, void *value)
{
    (void)value;
    path_list *l = ctx;
    return (!l->dir || hs_path_below(path, l->dir)) && hs_paths_push(l->list, l->n, path) < 0;
}

int hs_paths_of_map(const hs_strmap *m, const char *dir, char ***list, size_t *n)
{
    path_list l = { dir, list, n };
    return hs_strmap_each(m, add_path, &l) ? -1 : 0;
}

int hs_paths_push(char ***list, size_t *n, const char *path)
{
    char **p = realloc(*list, (*n + 1) * sizeof *p);
    if (!p)
        return -1;
    *list = p;
    if (!(p[*n] = strdup(path)))
        return -1;
    (*n)++;
    return 0;
}

void hs_paths_free(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

typedef struct root_list {
    char **paths;
    size_t n;
    int failed;
} root_list;

static int add_root(void *ctx, const char *key, const char *value, size_t len)
{
    (void)key;
    root_list *l = ctx;
    if (!len)
        return 0;
    char **p = realloc(l->paths, (l->n + 1) * sizeof *p);
    if (!p)
        return l->failed = 1;
    l->paths = p;
    if (!(p[l->n] = strndup(value, len)))
        return l->failed = 1;
    l->n++;
    return 0;
}

static int compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

hustings_status_t hs_roots_load(hx_db *db, char ***paths, size_t *n)
{
    root_list l = { NULL, 0, 0 };
    hustings_status_t st = hx_db_each_metadata(db, HS_META_ROOT, add_root, &l);
    if (st == HUSTINGS_STATUS_SUCCESS && l.failed)
        st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    if (st != HUSTINGS_STATUS_SUCCESS) {
        for (size_t i = 0; i < l.n; i++)
            free(l.paths[i]);
        free(l.paths);
        return st;
    }
    if (l.n > 1) /* keys are cut and hashed when long: sort the paths */
        qsort(l.paths, l.n, sizeof *l.paths, compare_paths);
    *paths = l.paths;
    *n = l.n;
    return st;
}

hustings_status_t hs_root_store(hx_db *db, const char *path, int keep)
{
    hs_buf key = HS_BUF_INIT;
    hustings_status_t st = hs_path_meta_key(HS_META_ROOT, path, &key) < 0
                               ? HUSTINGS_STATUS_OUT_OF_MEMORY
                               : hx_db_set_metadata(db, key.data, keep ? path : "");
    hs_buf_free(&key);
    return st;
}
