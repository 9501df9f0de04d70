/* readers.h - what the fuzz targets of the readers share: their start-up
 * (libFuzzer's LLVMFuzzerInitialize) and what every reader promises of an
 * article it returns: its text fields valid UTF-8, its passages non-empty
 * valid UTF-8 with paragraph numbers that never go down.  A broken
 * promise traps.  Included by one file of each target. */
#ifndef HUSTINGS_FUZZ_READERS_H
#define HUSTINGS_FUZZ_READERS_H

#include <stdint.h>
#include <string.h>

#include "article.h"
#include "reader.h"
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
