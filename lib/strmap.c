/* strmap.c - string-keyed hash map; see strmap.h. */
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

typedef struct slot {
    char *key;        /* NULL: empty; TOMBSTONE: removed */
    void *value;
    uint64_t hash;
} slot;

struct hs_strmap {
    slot *slots;
    size_t cap;       /* a power of two */
    size_t used;      /* live keys */
    size_t filled;    /* live keys and tombstones */
};

static char tombstone_mark;
#define TOMBSTONE (&tombstone_mark)

hs_strmap *hs_strmap_new(void)
{
    hs_strmap *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->cap = 64;
    m->slots = calloc(m->cap, sizeof *m->slots);
    if (!m->slots) {
        free(m);
        return NULL;
    }
    return m;
}

void hs_strmap_free(hs_strmap *m, void (*free_value)(void *))
{
    if (!m)
        return;
    for (size_t i = 0; i < m->cap; i++) {
        slot *s = &m->slots[i];
        if (s->key && s->key != TOMBSTONE) {
            if (free_value && s->value)
                free_value(s->value);
            free(s->key);
        }
    }
    free(m->slots);
    free(m);
}

/* The slot holding key, or the slot where it would go (first tombstone or
 * empty slot on its probe path). */
static slot *find(const hs_strmap *m, const char *key, uint64_t h)
{
    size_t mask = m->cap - 1, i = (size_t)h & mask;
    slot *grave = NULL;
    for (;;) {
        slot *s = &m->slots[i];
        if (!s->key)
            return grave ? grave : s;
        if (s->key == TOMBSTONE) {
            if (!grave)
                grave = s;
        } else if (s->hash == h && strcmp(s->key, key) == 0) {
            return s;
        }
        i = (i + 1) & mask;
    }
}

static int grow(hs_strmap *m)
{
    size_t cap = m->cap * 2;
    slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < m->cap; i++) {
        slot *s = &m->slots[i];
        if (!s->key || s->key == TOMBSTONE)
            continue;
        size_t j = (size_t)s->hash & (cap - 1);
        while (slots[j].key)
            j = (j + 1) & (cap - 1);
        slots[j] = *s;
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    m->filled = m->used;
    return 0;
}

int hs_strmap_put(hs_strmap *m, const char *key, void *value, void **old)
{
    if ((m->filled + 1) * 4 > m->cap * 3 && grow(m) < 0)
        return -1;
    uint64_t h = XXH3_64bits(key, strlen(key));
    slot *s = find(m, key, h);
    if (old)
        *old = NULL;
    if (s->key && s->key != TOMBSTONE) {
        if (old)
            *old = s->value;
        s->value = value;
        return 0;
    }
    char *copy = strdup(key);
    if (!copy)
        return -1;
    if (!s->key)
        m->filled++;
    s->key = copy;
    s->value = value;
    s->hash = h;
    m->used++;
    return 0;
}

void *hs_strmap_get(const hs_strmap *m, const char *key)
{
    slot *s = find(m, key, XXH3_64bits(key, strlen(key)));
    return s->key && s->key != TOMBSTONE ? s->value : NULL;
}

void *hs_strmap_remove(hs_strmap *m, const char *key)
{
    slot *s = find(m, key, XXH3_64bits(key, strlen(key)));
    if (!s->key || s->key == TOMBSTONE)
        return NULL;
    void *v = s->value;
    free(s->key);
    s->key = TOMBSTONE;
    s->value = NULL;
    m->used--;
    return v;
}

size_t hs_strmap_count(const hs_strmap *m)
{
    return m->used;
}

int hs_strmap_each(const hs_strmap *m, int (*fn)(void *ctx, const char *key, void *value),
                   void *ctx)
{
    for (size_t i = 0; i < m->cap; i++) {
        slot *s = &m->slots[i];
        if (s->key && s->key != TOMBSTONE) {
            int rc = fn(ctx, s->key, s->value);
            if (rc)
                return rc;
        }
    }
    return 0;
}
