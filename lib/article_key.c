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

/* An absolute form of path without requiring the file to exist. */
char *hs_absolute_path(const char *path)
{
    char *real = realpath(path, NULL);
    if (real || path[0] == '/')
        return real ? real : strdup(path);
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return strdup(path);
    hs_buf b = HS_BUF_INIT;
    hs_buf_printf(&b, "%s/%s", cwd, path);
    return hs_buf_detach(&b);
}
