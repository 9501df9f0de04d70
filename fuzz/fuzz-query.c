/* fuzz-query.c - libFuzzer target: the query parser on arbitrary bytes,
 * as hustings_query_create hands it a query (invalid UTF-8 made U+FFFD
 * first).  A query parses, or fails with a message (valid UTF-8, naming
 * a column); then every word it holds is valid UTF-8.  See fuzz/README.md. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "query.h"
#include "stem.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static hs_stemmer *stemmer;

static int check_word(hs_qgroup *g, hs_qword *w, void *ctx)
{
    (void)g;
    (void)ctx;
    if (w->exact && !hs_utf8_valid(w->exact, strlen(w->exact)))
        __builtin_trap();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!stemmer && !(stemmer = hs_stemmer_new()))
        __builtin_trap();
    hs_buf typed = HS_BUF_INIT, error = HS_BUF_INIT;
    if (hs_utf8_sanitize((const char *)data, size, &typed) < 0)
        __builtin_trap();
    hs_parsed_query *pq = hs_query_parse(hs_buf_str(&typed), stemmer, &error);
    if (!pq) {
        /* only a mistake (with its message) fails: libFuzzer's allocator
         * does not fail quietly */
        if (!error.len || !hs_utf8_valid(error.data, error.len) ||
            !strstr(error.data, "column"))
            __builtin_trap();
    } else {
        if (error.len)
            __builtin_trap();
        hs_query_each_word(pq, check_word, NULL);
        hs_parsed_query_free(pq);
    }
    hs_buf_free(&typed);
    hs_buf_free(&error);
    return 0;
}
