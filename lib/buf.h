/* buf.h - growable, always NUL-terminated byte buffer (internal).
 *
 * Modelled on git's strbuf: a buffer starts zeroed (HS_BUF_INIT) and may be
 * used at once; every append keeps buf->data NUL-terminated.  Allocation
 * failure is reported by a -1 return and leaves the buffer unchanged.
 */
#ifndef HUSTINGS_BUF_H
#define HUSTINGS_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct hs_buf {
    char *data;   /* NUL-terminated; NULL until the first append */
    size_t len;   /* bytes used, not counting the NUL */
    size_t cap;   /* bytes allocated */
} hs_buf;

#define HS_BUF_INIT { NULL, 0, 0 }

/* Make room for at least `extra` more bytes (plus the NUL). 0 or -1. */
int hs_buf_grow(hs_buf *b, size_t extra);
int hs_buf_append(hs_buf *b, const char *s, size_t n);
int hs_buf_puts(hs_buf *b, const char *s);
int hs_buf_putc(hs_buf *b, char c);
int hs_buf_printf(hs_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Empty the buffer but keep its memory. */
void hs_buf_reset(hs_buf *b);
/* Hand the string to the caller (who frees it); the buffer is left empty.
 * Never returns NULL unless memory is exhausted. */
char *hs_buf_detach(hs_buf *b);
void hs_buf_free(hs_buf *b);
/* A view of the data that is never NULL. */
static inline const char *hs_buf_str(const hs_buf *b) { return b->data ? b->data : ""; }

#endif
