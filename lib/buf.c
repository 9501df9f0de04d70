/* buf.c - growable byte buffer; see buf.h. */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int hs_buf_grow(hs_buf *b, size_t extra)
{
    if (extra > (size_t)-1 / 2 - b->len)
        return -1;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p)
        return -1;
    if (!b->data)
        p[0] = '\0';
    b->data = p;
    b->cap = cap;
    return 0;
}

int hs_buf_append(hs_buf *b, const char *s, size_t n)
{
    if (hs_buf_grow(b, n) < 0)
        return -1;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int hs_buf_puts(hs_buf *b, const char *s)
{
    return hs_buf_append(b, s, strlen(s));
}

int hs_buf_putc(hs_buf *b, char c)
{
    return hs_buf_append(b, &c, 1);
}

int hs_buf_printf(hs_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tiny[1];
    int n = vsnprintf(tiny, sizeof tiny, fmt, ap);
    va_end(ap);
    if (n < 0 || hs_buf_grow(b, (size_t)n) < 0)
        return -1;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

void hs_buf_reset(hs_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

char *hs_buf_detach(hs_buf *b)
{
    char *s = b->data;
    if (!s)
        s = calloc(1, 1);
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

void hs_buf_free(hs_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
