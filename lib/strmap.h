/* strmap.h - a hash map from strings to pointers (internal).
 *
 * Open addressing with linear probing on XXH3 hashes; keys are copied and
 * owned by the map, values are not.  Used by the incremental indexer to hold
 * the state of every indexed file.
 */
#ifndef HUSTINGS_STRMAP_H
#define HUSTINGS_STRMAP_H

#include <stddef.h>

typedef struct hs_strmap hs_strmap;

hs_strmap *hs_strmap_new(void);
/* Frees the map and its keys; each value is passed to free_value when it
 * is not NULL. */
void hs_strmap_free(hs_strmap *m, void (*free_value)(void *));

/* Insert or replace; the old value (or NULL) is returned through *old when
 * old is not NULL.  0, or -1 when out of memory. */
int hs_strmap_put(hs_strmap *m, const char *key, void *value, void **old);
void *hs_strmap_get(const hs_strmap *m, const char *key);
/* Remove the key; returns its value, or NULL. */
void *hs_strmap_remove(hs_strmap *m, const char *key);
size_t hs_strmap_count(const hs_strmap *m);

/* Visit every entry in an unspecified order; a non-zero return stops.
 * The map must not be changed during the visit. */
int hs_strmap_each(const hs_strmap *m, int (*fn)(void *ctx, const char *key, void *value),
                   void *ctx);

#endif
