/* path_text.c - file names as text and back (see path_text.h). */
#include "path_text.h"

#include <string.h>

#include <utf8proc.h>

/* The length of the valid, printable character at s[0..len), or 0 when
 * s starts with a byte that must be escaped. */
static size_t plain_char(const char *s, size_t len)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                          (utf8proc_ssize_t)len, &cp);
    if (n <= 0 || cp < 0x20 || cp == 0x7F || cp == '\\' || (cp >= 0x80 && cp < 0xA0))
        return 0;
    /* characters that turn text around or end a line on a terminal */
    if (cp == 0x61C || cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
        (cp >= 0x2066 && cp <= 0x2069))
        return 0;
    return (size_t)n;
}

int hs_path_to_text(const char *name, hs_buf *out)
{
    static const char hex[] = "0123456789abcdef";
    size_t len = strlen(name), i = 0;
    while (i < len) {
        size_t n = plain_char(name + i, len - i);
        if (n) {
            if (hs_buf_append(out, name + i, n) < 0)
                return -1;
            i += n;
            continue;
        }
        unsigned char c = (unsigned char)name[i++];
        char esc[4] = { '\\', 'x', hex[c >> 4], hex[c & 15] };
        if (c == '\\' ? hs_buf_append(out, "\\\\", 2) < 0 : hs_buf_append(out, esc, 4) < 0)
            return -1;
    }
    return hs_buf_grow(out, 0);
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

int hs_path_from_text(const char *text, hs_buf *out)
{
    for (const char *p = text; *p; p++) {
        int hi, lo;
        char c = *p;
        if (p[0] == '\\' && p[1] == '\\') {
            p++;
        } else if (p[0] == '\\' && p[1] == 'x' && (hi = hex_value(p[2])) >= 0 &&
                   (lo = hex_value(p[3])) >= 0 && (hi || lo)) {
            c = (char)(hi << 4 | lo);
            p += 3;
        }
        if (hs_buf_append(out, &c, 1) < 0)
            return -1;
    }
    return hs_buf_grow(out, 0);
}
