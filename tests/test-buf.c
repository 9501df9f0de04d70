/* test-buf.c - the growable buffer. */
#include "buf.h"

#include <stdlib.h>

#include "check.h"

int main(void)
{
    hs_buf b = HS_BUF_INIT;
    CHECK_STR(hs_buf_str(&b), "");
    CHECK_INT(hs_buf_puts(&b, "hello"), 0);
    CHECK_INT(hs_buf_putc(&b, ','), 0);
    CHECK_INT(hs_buf_append(&b, " world!!", 6), 0);
    CHECK_STR(b.data, "hello, world");
    CHECK_INT(b.len, 12);
    CHECK_INT(hs_buf_printf(&b, " %d%s", 42, "x"), 0);
    CHECK_STR(b.data, "hello, world 42x");

    /* growth past the first allocation keeps the contents */
    for (int i = 0; i < 1000; i++)
        hs_buf_putc(&b, 'a' + i % 26);
    CHECK_INT(b.len, 1016);
    CHECK(b.data[1016] == '\0');
    CHECK(b.data[16] == 'a' && b.data[1015] == 'a' + 999 % 26);

    hs_buf_reset(&b);
    CHECK_STR(hs_buf_str(&b), "");
    CHECK_INT(b.len, 0);

    hs_buf_puts(&b, "mine");
    char *s = hs_buf_detach(&b);
    CHECK_STR(s, "mine");
    CHECK(b.data == NULL && b.len == 0);
    free(s);

    /* detaching an unused buffer still gives a string */
    s = hs_buf_detach(&b);
    CHECK_STR(s, "");
    free(s);

    /* a size that cannot be represented is refused, not wrapped */
    CHECK_INT(hs_buf_grow(&b, (size_t)-1), -1);
    hs_buf_free(&b);
    return check_done();
}
