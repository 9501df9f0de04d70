/* filestate.c - per-file state in the index metadata; see filestate.h. */
#include "filestate.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "article_key.h"
#include "path_text.h"
#include "schema.h"

void hs_hash_content(const char *data, size_t len, char out[HS_HASH_HEX + 1])
{
    XXH128_hash_t h = XXH3_128bits(data, len);
    snprintf(out, HS_HASH_HEX + 1, "%016" PRIx64 "%016" PRIx64, (uint64_t)h.high64,
             (uint64_t)h.low64);
}

int hs_filestate_format(const hs_filestate *fs, hs_buf *out)
{
    if (hs_buf_printf(out, "%llu %lld %s ", fs->size, fs->mtime_ns, fs->hash) < 0)
        return -1;
    int rc = 0;
    switch (fs->dates) {
    case HS_DATES_UNKNOWN:
        break;
    case HS_DATES_OWN:
        rc = hs_buf_puts(out, "dated ");
        break;
    case HS_DATES_NONE:
        rc = hs_buf_puts(out, "undated ");
        break;
    case HS_DATES_MTIME:
        rc = hs_buf_printf(out, "mtime:%s ", fs->mtime_date);
        break;
    }
    return rc < 0 ? -1 : hs_buf_puts(out, fs->path);
}

/* Read DATES at s into fs; how many bytes it takes (with its space), 0
 * when s holds none (the path follows at once). */
static size_t parse_dates(const char *s, hs_filestate *fs)
{
    static const char mtime[] = "mtime:";
    fs->dates = HS_DATES_UNKNOWN;
    fs->mtime_date[0] = '\0';
    if (strncmp(s, "dated ", 6) == 0) {
        fs->dates = HS_DATES_OWN;
        return 6;
    }
    if (strncmp(s, "undated ", 8) == 0) {
        fs->dates = HS_DATES_NONE;
        return 8;
    }
    if (strncmp(s, mtime, sizeof mtime - 1) == 0 && strlen(s) > sizeof mtime - 1 + 10 &&
        s[sizeof mtime - 1 + 10] == ' ') {
        fs->dates = HS_DATES_MTIME;
        memcpy(fs->mtime_date, s + sizeof mtime - 1, 10);
        fs->mtime_date[10] = '\0';
        return sizeof mtime - 1 + 11;
    }
    return 0;
}

hs_filestate *hs_filestate_new(const char *path, unsigned long long size, long long mtime_ns,
                               const char *hash)
{
    hs_filestate *fs = calloc(1, sizeof *fs);
    if (!fs || !(fs->path = strdup(path))) {
        free(fs);
        return NULL;
    }
    fs->size = size;
    fs->mtime_ns = mtime_ns;
    snprintf(fs->hash, sizeof fs->hash, "%s", hash);
    return fs;
}

hs_filestate *hs_filestate_parse(const char *value, size_t len)
{
    char *copy = strndup(value, len);
    if (!copy)
        return NULL;
    unsigned long long size;
    long long mtime;
    char hash[HS_HASH_HEX + 1];
    int at = 0;
    hs_filestate *fs = NULL, dates;
    if (sscanf(copy, "%llu %lld %32s %n", &size, &mtime, hash, &at) == 3 && at > 0 &&
        strlen(hash) == HS_HASH_HEX && copy[at]) {
        at += (int)parse_dates(copy + at, &dates);
        if (copy[at] && (fs = hs_filestate_new(copy + at, size, mtime, hash))) {
            fs->dates = dates.dates;
            memcpy(fs->mtime_date, dates.mtime_date, sizeof fs->mtime_date);
        }
    }
    free(copy);
    return fs;
}

void hs_filestate_free(void *p)
{
    hs_filestate *fs = p;
    if (fs) {
        free(fs->path);
        free(fs);
    }
}

typedef struct loader {
    hs_strmap *map;
    int failed;
} loader;

static int load_one(void *ctx, const char *key, const char *value, size_t len)
{
    (void)key;
    loader *l = ctx;
    hs_filestate *fs = hs_filestate_parse(value, len);
    if (!fs)
        return 0; /* a malformed entry: the file will be indexed again */
    void *old = NULL;
    if (hs_strmap_put(l->map, fs->path, fs, &old) < 0) {
        hs_filestate_free(fs);
        l->failed = 1;
        return 1;
    }
    hs_filestate_free(old);
    return 0;
}

hustings_status_t hs_filestates_load(hx_db *db, hs_strmap **out)
{
    loader l = { hs_strmap_new(), 0 };
    if (!l.map)
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    hustings_status_t st = hx_db_each_metadata(db, HS_META_FILE, load_one, &l);
    if (st == HUSTINGS_STATUS_SUCCESS && l.failed)
        st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    if (st != HUSTINGS_STATUS_SUCCESS) {
        hs_strmap_free(l.map, hs_filestate_free);
        return st;
    }
    *out = l.map;
    return st;
}

int hs_path_meta_key(const char *prefix, const char *path, hs_buf *key)
{
    hs_buf text = HS_BUF_INIT;
    int rc = hs_path_to_text(path, &text) < 0 || hs_buf_puts(key, prefix) < 0 ||
                     hs_article_key(hs_buf_str(&text), key) < 0
                 ? -1
                 : 0;
    hs_buf_free(&text);
    return rc;
}

hustings_status_t hs_filestate_store(hx_db *db, const char *path, const hs_filestate *fs)
{
    hs_buf key = HS_BUF_INIT, value = HS_BUF_INIT;
    hustings_status_t st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    if (hs_path_meta_key(HS_META_FILE, path, &key) == 0 &&
        (!fs || hs_filestate_format(fs, &value) == 0))
        st = hx_db_set_metadata(db, key.data, hs_buf_str(&value)); /* "" deletes */
    hs_buf_free(&key);
    hs_buf_free(&value);
    return st;
}
