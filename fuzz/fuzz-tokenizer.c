/* fuzz-tokenizer.c - libFuzzer target: the tokenizer and word normaliser
 * on arbitrary bytes.  See fuzz/README.md. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "tokenizer.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct expect {
    const char *text;
    size_t len;
    unsigned last_pos;
    hs_buf word;
} expect;

static int on_token(void *ctx, const hs_token *t)
{
    expect *e = ctx;
    if (t->start >= t->end || t->end > e->len)
        __builtin_trap();
    if (t->term_len == 0 || t->term_len > HS_TERM_MAX_BYTES ||
        strlen(t->term) != t->term_len || !hs_utf8_valid(t->term, t->term_len))
        __builtin_trap();
    /* a word (not a joined compound) is what hs_normalize_word makes of it */
    if (!(t->flags & HS_TOKEN_JOINED)) {
        hs_buf_reset(&e->word);
        if (hs_normalize_word(e->text + t->start, t->end - t->start, &e->word) < 0 ||
            e->word.len != t->term_len || memcmp(e->word.data, t->term, t->term_len) != 0)
            __builtin_trap();
    }
    e->last_pos = t->pos;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    expect e = { (const char *)data, size, 0, HS_BUF_INIT };
    unsigned next = 0;
    /* only running out of memory may fail, and libFuzzer's allocator does
     * not fail quietly */
    if (hs_tokenize(e.text, size, 1, on_token, &e, &next) != 0)
        __builtin_trap();
    if (next < e.last_pos)
        __builtin_trap();
    hs_buf_free(&e.word);
    return 0;
}
