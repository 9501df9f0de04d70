/* utf8.h - UTF-8 helpers (internal). */
#ifndef HUSTINGS_UTF8_H
#define HUSTINGS_UTF8_H

#include <stddef.h>

#include "buf.h"

/* Append s[0..len) to out as valid UTF-8: each invalid or truncated
 * sequence, and each NUL byte, becomes U+FFFD.  0, or -1 when out of memory. */
int hs_utf8_sanitize(const char *s, size_t len, hs_buf *out);

/* True when s[0..len) is valid UTF-8 without NUL bytes. */
int hs_utf8_valid(const char *s, size_t len);

#endif
