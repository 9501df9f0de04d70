/* reader_promises.h - what every reader promises of an article it
 * returns, checked by the fuzz targets of the readers: its text fields
 * valid UTF-8, its passages non-empty valid UTF-8 with paragraph numbers
 * that never go down.  A broken promise traps. */
#ifndef HUSTINGS_FUZZ_READER_PROMISES_H
#define HUSTINGS_FUZZ_READER_PROMISES_H

#include <string.h>

#include "article.h"
#include "utf8.h"

static inline void check_reader_promises(const hs_article *a)
{
    const char *fields[] = { a->title, a->date, a->source, a->byline, a->lang, a->site,
                             a->id };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i] && !hs_utf8_valid(fields[i], strlen(fields[i])))
            __builtin_trap();
    for (size_t i = 0; i < a->n_passages; i++) {
        const char *t = a->passages[i].text;
        if (!*t || !hs_utf8_valid(t, strlen(t)))
            __builtin_trap();
        if (i > 0 && a->passages[i].paragraph < a->passages[i - 1].paragraph)
            __builtin_trap();
    }
}

#endif
