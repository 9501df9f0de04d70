/* host_key.c - a URL's host and a site's name as source: and site: match
 * them; see host_key.h. */
#include "host_key.h"

#include <string.h>

#include "tokenizer.h"

int hs_host_key(const char *s, size_t len, hs_buf *out)
{
    const char *end = s + len, *p = s;
    for (const char *c = s; end - c >= 3; c++)
        if (memcmp(c, "://", 3) == 0) {
            p = c + 3;
            break;
        }
    const char *at = p;
    while (at < end && *at != '/' && *at != '?' && *at != '#')
        at++;
    /* the last '@', as browsers read "https://a@b@host/" */
    for (const char *c = at; c > p; c--)
        if (c[-1] == '@') {
            p = c;
            break;
        }
    const char *host_end = p;
    while (host_end < at && *host_end != ':')
        host_end++;
    if (host_end - p > 4 && strncmp(p, "www.", 4) == 0)
        p += 4;
    return hs_normalize_word(p, (size_t)(host_end - p), out);
}

int hs_site_key(const char *s, size_t len, hs_buf *out)
{
    const char *end = s + len;
    size_t from = out->len;
    while (s < end) {
        while (s < end && (*s == ' ' || *s == '\t' || *s == '\n'))
            s++;
        const char *w = s;
        while (s < end && *s != ' ' && *s != '\t' && *s != '\n')
            s++;
        if (w == s)
            break;
        if ((out->len > from && hs_buf_putc(out, ' ') < 0) ||
            hs_normalize_word(w, (size_t)(s - w), out) < 0)
            return -1;
    }
    return 0;
}
