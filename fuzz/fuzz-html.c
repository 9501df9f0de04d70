/* fuzz-html.c - libFuzzer target: the HTML reader (encoding detection,
 * libxml2's HTML parser, metadata, JSON-LD, main-text extraction) on
 * arbitrary bytes.  See fuzz/README.md. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "reader.h"
#include "reader_html.h"
#include "utf8.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    hs_readers_init();
    return 0;
}

static void check_article(const hs_article *a)
{
    const char *fields[] = { a->title, a->date, a->source, a->byline, a->lang, a->site,
                             a->id };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i] && !hs_utf8_valid(fields[i], strlen(fields[i])))
            __builtin_trap();
    if (a->date && strlen(a->date) != 10)
        __builtin_trap();
    for (size_t i = 0; i < a->n_passages; i++) {
        const char *t = a->passages[i].text;
        if (!*t || !hs_utf8_valid(t, strlen(t)))
            __builtin_trap();
        if (i > 0 && a->passages[i].paragraph < a->passages[i - 1].paragraph)
            __builtin_trap();
    }
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
