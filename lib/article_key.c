/* article_key.c - an article's name, key, terms and tag, and the absolute
 * path they start from; see article_key.h. */
#include "article_key.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xxhash.h>

#include "schema.h"

int hs_article_key(const char *path, hs_buf *out)
{
    size_t len = strlen(path);
    if (len <= HS_ARTICLE_KEY_MAX)
        return hs_buf_append(out, path, len);
    size_t cut = HS_ARTICLE_KEY_MAX - 17;
    while (cut > 0 && ((unsigned char)path[cut] & 0xC0) == 0x80)
        cut--; /* keep the key valid UTF-8 */
    return hs_buf_append(out, path, cut) < 0 ||
                   hs_buf_printf(out, "#%016llx", (unsigned long long)XXH3_64bits(path, len)) < 0
               ? -1
               : 0;
}

void hs_article_tag(const hs_buf *article_term, char tag[17])
{
    snprintf(tag, 17, "%016llx",
             (unsigned long long)XXH3_64bits(article_term->data, article_term->len));
}

size_t hs_article_tag_term(const char tag[17], char term[HS_ARTICLE_TAG_TERM])
{
    return (size_t)snprintf(term, HS_ARTICLE_TAG_TERM, "%s%s", HS_PREFIX_ARTICLE_TAG, tag);
}

int hs_article_name(const char *path, const char *id, hs_buf *out)
{
    if (hs_buf_puts(out, path) < 0)
        return -1;
    return id && (hs_buf_putc(out, '#') < 0 || hs_buf_puts(out, id) < 0) ? -1 : 0;
}

int hs_article_terms(const char *path, const char *id, hs_buf *article_term,
                     hs_buf *file_term)
{
    hs_buf key = HS_BUF_INIT;
    int rc = hs_article_name(path, id, &key) < 0;
    rc = rc || hs_buf_puts(article_term, HS_PREFIX_ARTICLE) < 0 ||
         hs_article_key(hs_buf_str(&key), article_term) < 0 ||
         hs_buf_puts(file_term, HS_PREFIX_FILE) < 0 || hs_article_key(path, file_term) < 0;
    hs_buf_free(&key);
    return rc ? -1 : 0;
}

/* Append path's components to out (an absolute path without a trailing
 * slash, "" for the root), dropping "." and empty ones and taking ".."
 * back one.  0 or -1. */
static int append_components(hs_buf *out, const char *path)
{
    for (const char *p = path; *p;) {
        const char *end = strchr(p, '/');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n == 2 && p[0] == '.' && p[1] == '.') {
            char *slash = out->len ? strrchr(out->data, '/') : NULL;
            if (slash)
                out->len = (size_t)(slash - out->data);
            if (out->data)
                out->data[out->len] = '\0';
        } else if (n && !(n == 1 && p[0] == '.') &&
                   (hs_buf_putc(out, '/') < 0 || hs_buf_append(out, p, n) < 0)) {
            return -1;
        }
        p += n + (end != NULL);
    }
    return 0;
}

/* An absolute form of path without requiring the file to exist: its real
 * path when it exists; else that of its nearest folder that does, and the
 * rest of the path with "." and ".." taken out (a folder that was moved
 * away is named as it was indexed). */
char *hs_absolute_path(const char *path)
{
    char *real = realpath(path, NULL);
    if (real)
        return real;
    hs_buf lexical = HS_BUF_INIT, out = HS_BUF_INIT;
    char cwd[PATH_MAX];
    int ok = path[0] == '/' || getcwd(cwd, sizeof cwd);
    ok = ok && (path[0] == '/' || append_components(&lexical, cwd) == 0) &&
         append_components(&lexical, path) == 0;
    if (!ok) {
        hs_buf_free(&lexical);
        return strdup(path);
    }
    /* the longest existing folder above it, resolved */
    size_t cut = lexical.len;
    char *found = NULL;
    do {
        while (cut > 0 && lexical.data[--cut] != '/')
            ;
        char saved = cut < lexical.len ? lexical.data[cut] : '\0';
        if (lexical.data)
            lexical.data[cut] = '\0';
        found = realpath(cut ? lexical.data : "/", NULL);
        if (lexical.data)
            lexical.data[cut] = saved;
    } while (!found && cut > 0);
    int rc = found && strcmp(found, "/") != 0 ? hs_buf_puts(&out, found) : 0;
    if (rc == 0 && append_components(&out, hs_buf_str(&lexical) + cut) == 0 && !out.len)
        rc = hs_buf_putc(&out, '/');
    free(found);
    hs_buf_free(&lexical);
    if (rc < 0 || !out.data) {
        hs_buf_free(&out);
        return strdup(path);
    }
    return hs_buf_detach(&out);
}
