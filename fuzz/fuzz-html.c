/* fuzz-html.c - libFuzzer target: the HTML reader (encoding detection,
 * libxml2's HTML parser, metadata, JSON-LD, main-text extraction) on
 * arbitrary bytes.  See fuzz/README.md. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "reader.h"
#include "reader_html.h"
#include "readers.h"

static void check_article(const hs_article *a)
{
    check_reader_promises(a);
    if (a->date && strlen(a->date) != 10)
        __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hs_article_list list = HS_ARTICLE_LIST_INIT;
    hs_buf why = HS_BUF_INIT;
    if (hs_read_html("fuzz.html", (const char *)data, size, &list, &why) == 0) {
        if (list.n != 1)
            __builtin_trap();
        check_article(list.items[0]);
    } else if (why.len == 0 || list.n != 0) {
        __builtin_trap();
    }
    hs_article_list_clear(&list);
    hs_buf_free(&why);
    return 0;
}
