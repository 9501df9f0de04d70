/* fuzz-feed.c - libFuzzer target: the RSS/Atom and generic XML readers,
 * and the dispatcher that picks between all readers, on arbitrary bytes.
 * See fuzz/README.md. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "reader.h"
#include "reader_feed.h"
#include "readers.h"
#include "reader_xml.h"

static void check_list(const hs_article_list *list)
{
    for (size_t k = 0; k < list->n; k++) {
        if (!list->items[k]->format)
            __builtin_trap();
        check_reader_promises(list->items[k]);
    }
}

typedef int (*reader_fn)(const char *, const char *, size_t, hs_article_list *, hs_buf *);

static void run(reader_fn read, const char *data, size_t size)
{
    hs_article_list list = HS_ARTICLE_LIST_INIT;
    hs_buf why = HS_BUF_INIT;
    if (read("fuzz.xml", data, size, &list, &why) == 0)
        check_list(&list);
    else if (why.len == 0 || list.n != 0)
        __builtin_trap(); /* a refusal says why and leaves nothing behind */
    hs_article_list_clear(&list);
    hs_buf_free(&why);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    run(hs_read_feed, s, size);
    run(hs_read_xml, s, size);
    run(hs_read_articles, s, size);
    return 0;
}
