/* fuzz-text.c - libFuzzer target: format detection and the plain-text
 * reader on arbitrary bytes.  See fuzz/README.md. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "article.h"
#include "reader.h"
#include "readers.h"
#include "reader_text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    hs_buf why = HS_BUF_INIT;

    hs_format f = hs_detect_format("fuzz.txt", s, size);
    (void)hs_format_name(f);

    hs_article *a;
    hs_read_status st = hs_read_text("fuzz.txt", s, size, &a, &why);
    if ((st == HS_READ_OK) != (a != NULL))
        __builtin_trap(); /* an article exactly when it says so */
    if (a)
        check_reader_promises(a);
    else if (why.len == 0)
        __builtin_trap(); /* a refusal always says why */
    hs_article_free(a);
    hs_buf_free(&why);
    return 0;
}
