/* utf8.c - UTF-8 validation and repair, on utf8proc's decoder. */
#include "utf8.h"

#include <utf8proc.h>

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

int hs_utf8_sanitize(const char *s, size_t len, hs_buf *out)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0, clean = 0; /* s[clean..i) is valid and not yet copied */

    if (len == 0)
        return hs_buf_grow(out, 0);
    if (hs_buf_grow(out, len) < 0)
        return -1;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n > 0 && cp != 0) {
            i += (size_t)n;
            continue;
        }
        if (hs_buf_append(out, s + clean, i - clean) < 0 ||
            hs_buf_append(out, replacement, 3) < 0)
            return -1;
        i += 1; /* skip one bad byte and resynchronise */
        clean = i;
    }
    return hs_buf_append(out, s + clean, len - clean);
}

int hs_utf8_valid(const char *s, size_t len)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0 || cp == 0)
            return 0;
        i += (size_t)n;
    }
    return 1;
}
