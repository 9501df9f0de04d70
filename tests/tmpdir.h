/* tmpdir.h - temporary folders for tests that write indexes. */
#ifndef HUSTINGS_TEST_TMPDIR_H
#define HUSTINGS_TEST_TMPDIR_H

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A new empty folder; the caller frees the name and calls tmpdir_remove. */
static inline char *tmpdir_make(void)
{
    const char *base = getenv("TMPDIR");
    char tmpl[4096];
    snprintf(tmpl, sizeof tmpl, "%s/hustings-test-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(tmpl)) {
        perror("mkdtemp");
        exit(99);
    }
    return strdup(tmpl);
}

static inline int tmpdir_unlink(const char *path, const struct stat *sb, int flag,
                                struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static inline void tmpdir_remove(char *dir)
{
    nftw(dir, tmpdir_unlink, 16, FTW_DEPTH | FTW_PHYS);
    free(dir);
}

/* Write s to dir/name; returns the path (caller frees). */
static inline char *tmpdir_write(const char *dir, const char *name, const char *s, size_t len)
{
    char *path = malloc(strlen(dir) + strlen(name) + 2);
    sprintf(path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(s, 1, len, f) != len || fclose(f) != 0) {
        perror(path);
        exit(99);
    }
    return path;
}

#endif
