/* utf8_valid.h - whether bytes a client sent are UTF-8 text: for checking
 * parameters (params.c) and writing messages as JSON (response.c). */
#ifndef UTF8_VALID_H
#define UTF8_VALID_H

#include <stddef.h>

/* Whether s[0..len) is valid UTF-8 (no overlong forms or surrogates). */
int utf8_valid(const char *s, size_t len);

#endif
