/* article_list.c - the articles read from one file; see article_list.h. */
#include "article_list.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

int hs_article_list_add(hs_article_list *list, hs_article *a)
{
    if (!a)
        return -1;
    if (list->n == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 4;
        hs_article **items = cap <= (size_t)-1 / sizeof *items
                                 ? realloc(list->items, cap * sizeof *items) : NULL;
        if (!items) {
            hs_article_free(a);
            return -1;
        }
        list->items = items;
        list->cap = cap;
    }
    list->items[list->n++] = a;
    return 0;
}

typedef struct keyed {
    hs_article *a;
    size_t pos;       /* order in the feed */
} keyed;

static int compare_keyed(const void *x, const void *y)
{
    const keyed *a = x, *b = y;
    int c = strcmp(a->a->id, b->a->id);
    return c ? c : (a->pos > b->pos) - (a->pos < b->pos);
}

int hs_article_list_unique_ids(hs_article_list *out, size_t first)
{
    size_t n = out->n - first;
    if (n < 2)
        return 0;
    keyed *k = malloc(n * sizeof *k);
    if (!k)
        return -1;
    for (size_t i = 0; i < n; i++)
        k[i] = (keyed){ out->items[first + i], i };
    qsort(k, n, sizeof *k, compare_keyed);
    hs_buf id = HS_BUF_INIT;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; ) {
        size_t j = i + 1;
        while (j < n && strcmp(k[j].a->id, k[i].a->id) == 0)
            j++;
        for (size_t m = i + 1; m < j && rc == 0; m++) {
            hs_buf_reset(&id);
            rc = hs_buf_printf(&id, "%s#%zu", k[i].a->id, m - i + 1);
            if (rc == 0)
                rc = hs_article_set_id(k[m].a, id.data, id.len);
        }
        i = j;
    }
    hs_buf_free(&id);
    free(k);
    return rc;
}

void hs_article_list_clear(hs_article_list *list)
{
    for (size_t i = 0; i < list->n; i++)
        hs_article_free(list->items[i]);
    free(list->items);
    list->items = NULL;
    list->n = list->cap = 0;
}
